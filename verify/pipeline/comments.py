"""Reader comments: which make checkable claims, whether the article and sources back them,
and where a thread argues about facts.

Moderators read threads, not rows, so a comment is judged with its parent in view: a reply
that contradicts its parent's claim, or a thread whose comments get opposite verdicts, is
where a moderator's time is best spent. Comments come from an export (``inputs.comments``:
CSV, JSON, JSONL) or from the comment section of an article page (``inputs.comment_page``:
an HTML file or a URL, which is then also the article unless another is named). Judging a
single comment lives in ``comment_judge``; this module threads, flags and reports.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import FetchError, InputError
from ..inputs.comment_page import decode_page, is_page, raw_page, read_comment_page, read_page_file
from ..inputs.comments import (
    AUTHOR_KEYS,
    DATE_KEYS,
    ID_KEYS,
    MAX_TEXT,
    PARENT_KEYS,
    TEXT_KEYS,
    Comment,
    build_comments,
    read_comments,
)
from ..model import (
    DISPUTES_PARENT,
    VERDICTS_DISAGREE,
    Claim,
    ClaimResult,
    CommentResult,
    CommentsReport,
    Skipped,
    needs_attention,
    verdicts_disagree,
)
from ..retrieval import Retriever
from .comment_judge import borderline_claims, claim_texts, comment_section, disputes, outside, overall

__all__ = ["AUTHOR_KEYS", "DATE_KEYS", "DISPUTES_PARENT", "ID_KEYS", "MAX_TEXT", "PARENT_KEYS", "TEXT_KEYS",
           "VERDICTS_DISAGREE", "Comment", "CommentResult", "CommentsReport", "assess", "borderline_claims",
           "build_comments", "claim_texts", "comment_section", "is_page", "needs_attention", "overall",
           "read_comment_page", "read_comments", "read_page_file"]

def _is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def _fetch(urls: list[str], cache_dir: Path, options) -> dict[str, Path]:
    """Fetch the page(s) the user named (comments page, article) into the cache's ``web/``
    archive, as ``check --sources URL`` does; nothing else is ever requested."""
    from ..web.fetch import FetchOptions, fetch_urls

    out: dict[str, Path] = {}
    for r in fetch_urls(urls, cache_dir / "web", options or FetchOptions()).results:
        if r.path is None:
            raise FetchError(r.reason or "could not be fetched", where=r.url)
        out[r.url] = r.path
    return out


def _article_text(path: Path) -> str:
    """The article as the index sees it, so the comment section found in it lines up with
    evidence offsets: the extracted text of an HTML page, the file itself otherwise."""
    if path.suffix.lower() in (".html", ".htm", ".xhtml"):
        from ..inputs.sources import load_sources

        loaded, _ = load_sources([path])
        return loaded[0].text if loaded else ""
    try:
        return path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return ""


def assess(comments_path: str | Path, article: str | Path | None = None, sources: list[str | Path] | tuple = (),
           *, cache: str | Path | None = None, fetch_options=None, stance=None,
           stance_model: str | Path | None = None, retriever: Retriever | None = None,
           shards: bool = False) -> "CommentsReport":
    """Classify and check every comment against the article (always a source) and ``sources``.

    ``comments_path`` is an export (CSV, JSON, JSONL) or an article page (``.html`` file or
    URL) whose comment section is read; without ``article`` that page is the article.
    ``fetch_options`` (a ``verify.web.fetch.FetchOptions``) governs fetching URLs; ``stance`` and
    ``stance_model`` choose the judgement as in ``check``; ``retriever`` searches an already
    open corpus (the article among its sources) instead of indexing the article and ``sources``;
    ``shards`` keeps that index as shard files searched as one, as in ``check``.
    """
    from ..stance import make_stance
    from .check import check_claim, default_cache, open_index

    judge = make_stance(stance, stance_model)
    name = str(comments_path)
    if article is None:
        if not is_page(name):
            raise InputError("which article are these comments under? Name it with --article", where=name)
        article = name
    comments, skipped, art_path, cache = _read_inputs(name, str(article), cache, fetch_options)
    paths = [art_path] + [s for s in sources if Path(s).resolve() != art_path.resolve()]
    index: Retriever
    if retriever is None:
        index, srcs, more = open_index(paths, cache or default_cache(paths), fetch_options=fetch_options,
                                       shards=shards)
    else:
        index, srcs, more = retriever, retriever.sources(), []
    skipped += more
    by_id = {s.id: s for s in srcs}
    art_id = next((s.id for s in srcs if Path(s.path).resolve() == art_path.resolve()),
                  srcs[0].id if srcs else "")
    section = comment_section(_article_text(art_path), comments)

    def check(cid: str, i: int, text: str, row: int) -> ClaimResult:
        return outside(check_claim(Claim(f"{cid}.{i}", text, row=row), index, by_id, judge, art_id or None),
                       art_id, section)

    results = {c.id: _judge_comment(c, check) for c in comments}
    _thread(results, index.idf)
    return CommentsReport(list(results.values()), srcs, str(article), skipped, index.count())


def _read_inputs(name: str, art: str, cache: str | Path | None,
                 fetch_options) -> tuple[list[Comment], list[Skipped], Path, str | Path | None]:
    """The comments (from an export or a page, fetched if a URL), what was skipped, the
    article's file (fetched if a URL) and the cache folder to use."""
    if not _is_url(name):
        comments, skipped = read_page_file(name) if is_page(name) else read_comments(name)
    if not _is_url(art) and not Path(art).is_file():
        raise InputError("no such article file", where=art)
    urls = [u for u in dict.fromkeys((name, art)) if _is_url(u)]
    # A fetched page is archived (and indexed) under the cache, by default .verify/ here.
    cache = cache or (Path(".verify") if urls else None)
    fetched = _fetch(urls, Path(cache), fetch_options) if urls else {}  # type: ignore[arg-type]
    if _is_url(name):
        raw, content_type = raw_page(fetched[name])
        comments, skipped = read_comment_page(decode_page(raw, content_type), name)
    art_path = fetched[art] if _is_url(art) else Path(art)
    return comments, skipped, art_path, cache


# a related passage's score is half the claim's share it states: 0.3 is most of the claim
SPOKEN_TO = 0.3


def _judge_comment(c: Comment, check: Callable[[str, int, str, int], ClaimResult]) -> CommentResult:
    """One comment's kind and the verdicts of its claims; an 'opinion' stating a fact the
    sources speak to is a claim after all."""
    kind, reason, texts = claim_texts(c.text)
    checked = [check(c.id, i, t, c.row) for i, t in enumerate(texts, 1)]
    if kind == "opinion" and not texts:
        rescued = [check(c.id, i, t, c.row) for i, t in enumerate(borderline_claims(c.text), 1)]
        decisive = [r for r in rescued if r.verdict in ("supported", "contradicted", "disputed")]
        # or one a passage states most of without deciding it: the same facts, told otherwise
        spoken = [r for r in rescued if any(e.score >= SPOKEN_TO for e in r.evidence)]
        if decisive or spoken:
            kind, checked = "claim", decisive or spoken
            reason = "states a fact the sources speak to (" + checked[0].verdict + ")"
    return CommentResult(c, kind, reason, overall([r.verdict for r in checked]), checked)


def _thread(results: dict[str, CommentResult], idf: Callable[[str], float]) -> None:
    """Each comment's thread (its root's id) and flags: a reply disputing its parent, and
    verdicts that disagree within a thread."""
    for r in results.values():
        root = r.comment
        while root.parent_id is not None:
            root = results[root.parent_id].comment
        r.thread = root.id
        parent = results.get(r.comment.parent_id or "")
        if parent is not None and disputes(r, parent, idf):
            r.flags.append(DISPUTES_PARENT)
    threads: dict[str, set[str | None]] = {}
    for r in results.values():
        threads.setdefault(r.thread, set()).add(r.verdict)
    for r in results.values():
        if r.verdict and verdicts_disagree(threads[r.thread]) and r.verdict in ("supported", "contradicted", "disputed"):
            r.flags.append(VERDICTS_DISAGREE)
