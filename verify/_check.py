"""The pipeline end to end: claims -> sources -> passages -> candidates -> stance -> verdict.

``check`` is the one function a notebook needs; the CLI is a thin wrapper around it.
"""
from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from contextlib import ExitStack
from pathlib import Path

from ._candidates import candidates
from ._claims import read_claims
from ._dates import last_year, parse_published
from ._facts import DENIAL_VERBS, Facts, read_facts
from ._index import PassageIndex, index_terms
from ._model import Claim, ClaimResult, Evidence, Passage, Report, Skipped, Source
from ._parallel import check_in_parallel, plan_jobs
from ._cache import index_file, writer_lock
from ._errors import IndexError_, InputError, RunError
from ._sources import any_source_file, discover
from ._stance import Judgement, judge
from ._text import clean_controls, stem
from ._verdict import decide

MAX_RELATED = 3
PREFILTER_COVERAGE = 0.15
Progress = Callable[[int, int], None]


def default_cache(sources: Sequence[str | Path]) -> Path:
    """`.verify/` beside the first source path: reused by every run over that corpus (each
    corpus, the set of source paths, has its own index file there)."""
    first = Path(sources[0]) if sources else Path(".")
    base = first.parent if first.name else first
    return base / ".verify"


def _is_url(s: str | Path) -> bool:
    return str(s).lower().startswith(("http://", "https://"))


def fetch_sources(urls: list[str], cache_dir: Path, options=None
                  ) -> tuple[list[Path], list[Skipped], dict[str, str]]:
    """Fetch URL sources into the cache (``web/``), archived with their provenance; a URL that
    fails is listed, never fatal. Also returns each archived file's source id: its URL, the
    same on the run that fetches it and on every later one."""
    if not urls:
        return [], [], {}
    from ._fetch import FetchOptions, fetch_urls

    report = fetch_urls(list(dict.fromkeys(urls)), cache_dir / "web", options or FetchOptions())
    paths = [r.path for r in report.results if r.path is not None]
    skipped = [Skipped(r.url, r.reason or "fetch failed", "url") for r in report.failed]
    return paths, skipped, {str(r.path): r.url for r in report.results if r.path is not None}


def open_index(sources: Sequence[str | Path], cache: str | Path | None = None,
               progress: Progress | None = None, urls: Sequence[str] = (),
               fetch_options=None) -> tuple[PassageIndex, list[Source], list[Skipped]]:
    """Index ``sources`` (files, folders or URLs) in the cache, updating only what changed.

    No source at all (paths that do not exist, folders without a source file, no URL) is an
    ``InputError`` raised before anything is created; some missing paths among good ones
    are listed as skipped. Writers of one index take turns (``_cache.writer_lock``); a cache
    folder that cannot be written is a ``RunError``, unless it holds a complete index for
    these sources, which is then used read-only."""
    paths = [s for s in sources if not _is_url(s)]
    if not any_source_file(paths) and not urls and len(paths) == len(sources):
        raise InputError("no sources found in " + ", ".join(str(p) for p in paths or ["(none given)"])
                         + " (expected .txt, .md or .html files, or URLs)")
    cache_dir = Path(cache) if cache else default_cache(paths or ["."])
    index_path = index_file(cache_dir, paths)
    with ExitStack() as held:
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            held.enter_context(writer_lock(index_path))
            writable = True
        except OSError as exc:
            if not index_path.is_file():
                raise RunError(f"cannot write the index in {cache_dir} ({exc.strerror}); "
                               "choose a writable folder with --cache DIR") from None
            writable = False
        fetched, skipped_urls, url_ids = fetch_sources(
            [str(s) for s in sources if _is_url(s)] + list(urls), cache_dir, fetch_options)
        index = PassageIndex(index_path, read_only=not writable)
        files, skipped = discover([*paths, *fetched], known=index.known_stats(), ids=url_ids)
        skipped = skipped_urls + skipped
        if writable:
            srcs, more = index.sync(files, progress=progress)
        else:  # a read-only folder: its index is used as it is, if complete
            if index.pending(files):
                raise RunError(f"the index in {cache_dir} is out of date and the folder cannot be "
                               "written; choose a writable folder with --cache DIR")
            srcs, more = index.sources([f.id for f in files]), []
    skipped += more
    if not srcs:
        first = f": {len(skipped)} skipped, first {skipped[0].what}: {skipped[0].reason}" if skipped else ""
        raise InputError(f"no usable sources{first}")
    return index, srcs, skipped


def check(claims: str | Path | Iterable[str | Claim], sources: Sequence[str | Path] = ("sources",),
          *, cache: str | Path | None = None, encoding: str = "utf-8",
          progress: Progress | None = None, index: PassageIndex | None = None,
          fetch_options=None, jobs: int | None = None,
          index_progress: Progress | None = None) -> Report:
    """Check every claim against the sources and return a ``Report``.

    ``claims`` is a CSV/.txt path or an iterable of claim strings (or ``Claim`` objects).
    URLs among ``sources`` or in a claim's ``url`` column are fetched (``fetch_options``:
    a ``verify._fetch.FetchOptions``) and archived in the cache. ``jobs``: worker processes
    (default: every core; 1 checks in this process); results are the same either way.
    ``progress`` is called as claims are checked, ``index_progress`` as sources are indexed.
    """
    skipped: list[Skipped] = []
    if isinstance(claims, (str, Path)) and (str(claims) == "-" or os.path.exists(str(claims))
                                             or str(claims).endswith((".csv", ".tsv", ".txt"))):
        claim_list, skipped = read_claims(claims, encoding=encoding)
    else:
        items = [claims] if isinstance(claims, str) else list(claims)  # type: ignore[list-item]
        claim_list = [c if isinstance(c, Claim) else Claim(id=str(i), text=clean_controls(str(c)), row=i)
                      for i, c in enumerate(items, start=1)]
    if index is None:
        claim_urls = [u for c in claim_list for u in c.urls]
        index, srcs, more = open_index(sources, cache, urls=claim_urls, fetch_options=fetch_options,
                                       progress=index_progress)
    else:
        srcs, more = index.sources(), []
    skipped += more
    by_id = {s.id: s for s in srcs}
    n_jobs = plan_jobs(jobs, len(claim_list), index.path)
    if n_jobs > 1:
        results = check_in_parallel(claim_list, index.path, by_id, n_jobs, progress)
    else:
        results = []
        for n, claim in enumerate(claim_list, 1):
            results.append(check_claim(claim, index, by_id))
            if progress:
                progress(n, len(claim_list))
    return Report(claims=results, sources=srcs, skipped=skipped, passages=index.count())


def check_claim(claim: Claim, index: PassageIndex, sources: dict[str, Source]) -> ClaimResult:
    """Judge the best candidate passages for one claim and decide its verdict.

    A fault in judging one claim (a bug, not bad input) leaves that claim unverified with the
    fault as its reason, so one odd sentence never loses a run of thousands."""
    try:
        return _check_claim(claim, index, sources)
    except sqlite3.DatabaseError as exc:  # the index itself failed: the run cannot go on
        index.unseal()
        raise IndexError_(f"the index failed while checking claim {claim.id} ({exc}); "
                          "the next run checks it, and rebuilds it if damaged", where=index.path) from None
    except Exception as exc:  # noqa: BLE001
        return ClaimResult(claim=claim, verdict="unverified", confidence=0.0, evidence=[],
                           reason=f"could not be judged: internal error ({type(exc).__name__}: {exc})")


def _check_claim(claim: Claim, index: PassageIndex, sources: dict[str, Source]) -> ClaimResult:
    facts_c = read_facts(claim.text)
    judged: list[tuple[Judgement, Passage, Source | None]] = []
    hits = [p for p, _sim in candidates(index, claim.text)]
    for passage, around in zip(hits, index.contexts(hits, before=2, after=1)):
        if not _worth_judging(facts_c, around, index.idf):
            continue
        src = sources.get(passage.source_id)
        published = parse_published(src.published) if src else None
        # the sentences around are the whole document, and its title adds no name to them
        whole = (around[0].index == 0 and around[-1].index == passage.index
                 and (src is None or " ".join(src.title.split()) in " ".join(
                     " ".join(q.text for q in around).split())))
        j = _judge_spans(facts_c, passage, around, published, index, whole)
        if j[0].label != "unrelated":
            judged.append((j[0], j[1], src))
    evidence = _evidence(judged)
    verdict, confidence, reason = decide(evidence)
    return ClaimResult(claim=claim, verdict=verdict, confidence=confidence,  # type: ignore[arg-type]
                       evidence=evidence, reason=reason)


def _worth_judging(claim: Facts, around: list[Passage], idf) -> bool:
    """A cheap first look: does the passage with its neighbours hold a fair share of the
    claim's words at all? Exact stems only, so it errs towards judging: the stance step
    (fuzzy word matches) calls a passage unrelated below about a third of the claim."""
    present = set(index_terms(" ".join(q.text for q in around)))
    total = hit = 0.0
    for t in set(claim.content):
        w = idf(t)
        total += w
        hit += w if t in present else 0.0
    return total == 0 or hit / total >= PREFILTER_COVERAGE


def _judge_spans(claim: Facts, p: Passage, around: list[Passage], published,
                 index: PassageIndex, whole: bool = False) -> tuple[Judgement, Passage]:
    """Judge the sentence alone, then joined with a neighbour when evidence spans two."""
    context = read_facts(" ".join(q.text for q in around), published)
    before = " ".join(q.text for q in around if q.index < p.index)
    anchor = last_year(before) if "year" in p.text else None
    best = judge(claim, read_facts(p.text, published, anchor), context, index.idf, whole), p
    if best[0].label in ("supports", "contradicts") or best[0].coverage < 0.3:
        return best
    for q in around:
        if abs(q.index - p.index) != 1 or q.para != p.para:
            continue
        first, second = (q, p) if q.index < p.index else (p, q)
        joined = Passage(p.source_id, first.index, first.text + " " + second.text,
                         first.start, second.end, first.line, p.para)
        j = judge(claim, read_facts(joined.text, published), context, index.idf, whole)
        # only support may span two sentences: a conflict stitched across them is too risky
        if j.label == "supports" and j.score > best[0].score:
            j.score *= 0.95  # a little less sure when it takes two sentences
            best = j, joined
    return best


def _evidence(judged: list[tuple[Judgement, Passage, Source | None]]) -> list[Evidence]:
    out: list[Evidence] = []
    related = 0
    seen: set[tuple[str, int, int]] = set()
    for j, p, src in sorted(judged, key=lambda t: (t[0].label == "related", -t[0].score)):
        key = (p.source_id, p.start, p.end)
        if key in seen:
            continue
        seen.add(key)
        if j.label == "related":
            if related >= MAX_RELATED:
                continue
            related += 1
        voice = "denial" if any(stem(w) in DENIAL_VERBS for w in p.text.lower().split()) else None
        out.append(Evidence(
            stance=j.label, source=p.source_id, passage=p.text, line=p.line, start=p.start,  # type: ignore[arg-type]
            end=p.end, score=round(j.score, 3), reason=j.reason, title=src.title if src else "",
            url=src.url if src else None, matched=j.matched, claim_value=j.claim_value,
            source_value=j.source_value, voice=voice,
        ))
    return out
