"""The pipeline end to end: claims -> sources -> passages -> candidates -> stance -> verdict.

``check`` is the one function a notebook needs; the CLI is a thin wrapper around it.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from contextlib import ExitStack
from pathlib import Path

from ..errors import InputError, RunError
from ..inputs.claims import read_claims
from ..inputs.sources import any_source_file, discover
from ..model import Claim, ClaimResult, Report, Skipped, Source
from ..retrieval import Retriever
from ..retrieval.cache import index_file, writer_lock
from ..retrieval.index import PassageIndex
from ..stance import Stance, make_stance
from ..text import clean_controls
from .claim_check import MAX_RELATED, _evidence, check_claim, claim_candidates  # noqa: F401 (re-exported)
from .parallel import check_in_parallel, plan_jobs

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
    from ..web.fetch import FetchOptions, fetch_urls

    report = fetch_urls(list(dict.fromkeys(urls)), cache_dir / "web", options or FetchOptions())
    paths = [r.path for r in report.results if r.path is not None]
    skipped = [Skipped(r.url, r.reason or "fetch failed", "url") for r in report.failed]
    return paths, skipped, {str(r.path): r.url for r in report.results if r.path is not None}


def open_index(sources: Sequence[str | Path], cache: str | Path | None = None,
               progress: Progress | None = None, urls: Sequence[str] = (),
               fetch_options=None, client=None, shards: bool = False
               ) -> tuple[PassageIndex, list[Source], list[Skipped]]:
    """Index ``sources`` (files, folders or URLs) in the cache, updating only what changed.

    No source at all (paths that do not exist, folders without a source file, no URL) is an
    ``InputError`` raised before anything is created; some missing paths among good ones
    are listed as skipped. Writers of one index take turns (``retrieval.cache.writer_lock``); a cache
    folder that cannot be written is a ``RunError``, unless it holds a complete index for
    these sources, which is then used read-only. With ``client`` (a Dask client) the sources
    to read are read by its workers, in shards (``verify.retrieval.shards``); the index is the same.
    ``shards``: keep the index as shard files only and search them as one
    (``verify.retrieval.shards.ShardedIndex``): the same results, no single index file."""
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
        if shards:
            from ..retrieval.shards import ShardedIndex, shards_dir

            index: PassageIndex = ShardedIndex(shards_dir(index_path), repair=writable)
        else:
            index = PassageIndex(index_path, read_only=not writable)
        files, skipped = discover([*paths, *fetched], known=index.known_stats(), ids=url_ids)
        skipped = skipped_urls + skipped
        if writable and shards:
            srcs, more = index.sync(files, progress=progress, client=client)  # type: ignore[call-arg]
        elif writable and client is not None:
            from ..retrieval.shards import build_on_cluster

            srcs, more = build_on_cluster(client, index, files, progress=progress)
        elif writable:
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
          progress: Progress | None = None, retriever: Retriever | None = None,
          fetch_options=None, jobs: int | None = None,
          index_progress: Progress | None = None, stance: str | Stance | None = None,
          stance_model: str | Path | None = None, cluster=None,
          index: Retriever | None = None, shards: bool = False) -> Report:
    """Check every claim against the sources and return a ``Report``.

    ``claims`` is a CSV/.txt path or an iterable of claim strings (or ``Claim`` objects).
    URLs among ``sources`` or in a claim's ``url`` column are fetched (``fetch_options``:
    a ``verify.web.fetch.FetchOptions``) and archived in the cache. ``jobs``: worker processes
    (default: every core; 1 checks in this process); results are the same either way.
    ``progress`` is called as claims are checked, ``index_progress`` as sources are indexed.
    ``stance``: 'model' (default), 'rules' or a ``verify.stance.Stance``; ``stance_model``: a
    model directory for the 'model' stance (default: the shipped model).
    ``cluster``: a Dask scheduler address, 'local' / 'local:N' (a LocalCluster of N worker
    processes) or a ``distributed.Client``: claims are checked on its workers (``jobs`` is
    then ignored), with the same results in the same order (``verify.pipeline.cluster``).
    ``retriever`` (``index``, its older name) searches an already open corpus instead of
    indexing ``sources``; workers and clusters need a ``PassageIndex`` file to open.
    ``shards``: keep the index as 16 shard files, built shard by shard (by the cluster's
    workers, with ``cluster``) and searched as one, with no single index file; the results
    are the same (``verify.retrieval.shards``).
    """
    index = retriever or index
    if cluster is not None and stance_model is not None:
        stance_model = Path(stance_model).resolve()  # workers may run in another folder
    judge = make_stance(stance, stance_model)
    if isinstance(cluster, str):
        from .cluster import parse_cluster

        parse_cluster(cluster)  # a bad spec is a usage error before any work
    claim_list, skipped = _claims(claims, encoding)
    with ExitStack() as held:
        client = None
        if cluster is not None:
            from .cluster import connect

            client = held.enter_context(connect(cluster))
        if index is None:
            claim_urls = [u for c in claim_list for u in c.urls]
            index, srcs, more = open_index(sources, cache, urls=claim_urls, fetch_options=fetch_options,
                                           progress=index_progress, client=client, shards=shards)
        else:
            srcs, more = index.sources(), []
        skipped += more
        results = _check_all(claim_list, index, {s.id: s for s in srcs}, judge, jobs, progress, client)
    return Report(claims=results, sources=srcs, skipped=skipped, passages=index.count())


def _claims(claims: str | Path | Iterable[str | Claim], encoding: str) -> tuple[list[Claim], list[Skipped]]:
    """The claims to check: read from a file (a path, or '-'), or given as strings or Claims."""
    if isinstance(claims, (str, Path)) and (str(claims) == "-" or os.path.exists(str(claims))
                                             or str(claims).endswith((".csv", ".tsv", ".txt"))):
        return read_claims(claims, encoding=encoding)
    items = [claims] if isinstance(claims, str) else list(claims)  # type: ignore[arg-type, list-item]
    return [c if isinstance(c, Claim) else Claim(id=str(i), text=clean_controls(str(c)), row=i)
            for i, c in enumerate(items, start=1)], []


def _check_all(claim_list: list[Claim], index: Retriever, by_id: dict[str, Source], judge: Stance,
               jobs: int | None, progress: Progress | None, client) -> list[ClaimResult]:
    """Every claim checked, in input order: on a cluster, in worker processes or here."""
    if client is not None:
        from .cluster import check_on_cluster

        return check_on_cluster(client, claim_list, _path(index), judge, progress)
    if (n_jobs := plan_jobs(jobs, len(claim_list), _path(index))) > 1:
        return check_in_parallel(claim_list, _path(index), by_id, n_jobs, progress, judge)
    results = []
    for n, claim in enumerate(claim_list, 1):
        results.append(check_claim(claim, index, by_id, judge))
        if progress:
            progress(n, len(claim_list))
    return results


def _path(retriever: Retriever) -> str:
    """Where other processes can open this corpus's index (``:memory:``: they cannot)."""
    return str(getattr(retriever, "path", ":memory:"))
