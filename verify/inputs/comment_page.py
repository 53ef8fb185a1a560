"""Reader comments from an article page (a saved HTML file or a fetched URL).

The comment section is read from its markup first (``comment_markup``: the common comment
systems, threaded by nesting).

When a page has no such markup, trafilatura's comment extraction is the fallback: it finds
comment sections by other cues but returns them as one text, so each paragraph becomes a
comment of its own, with no author, date or threading.

Page text is untrusted like any comment: it is only ever read as text here (no script,
style or form content) and renderers escape it.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Skipped
from ..text import clean_controls
from .comment_markup import from_markup
from .comments import Comment, build_comments, read_input

PAGE_SUFFIXES = (".html", ".htm", ".xhtml")
_UTF8_DECLARED = re.compile(rb"charset\s*=\s*[\"']?\s*utf-?8", re.I)
MIN_FALLBACK_WORDS = 3


def is_page(value: str | Path) -> bool:
    """Is this COMMENTS argument an article page (HTML file or URL) rather than an export?"""
    s = str(value)
    return bool(re.match(r"https?://", s, re.I)) or s.lower().endswith(PAGE_SUFFIXES)


def decode_page(raw: bytes, content_type: str | None = None) -> str:
    """The page as text. A page that says it is UTF-8, or holds any valid multi-byte UTF-8,
    keeps its few bad bytes as U+FFFD so only the comments holding them are skipped ("broken
    encoding"); any other page is decoded by its declared charset or a guess, like a fetched
    source (legacy pages almost never hold valid UTF-8 sequences by accident)."""
    text = raw.decode("utf-8", errors="replace").lstrip("\ufeff")
    if "\ufffd" not in text:
        return text
    declared = _UTF8_DECLARED.search(raw[:4096]) or "utf-8" in (content_type or "").lower()
    if declared or any(ord(c) > 127 and c != "\ufffd" for c in text):
        return text
    from ..web.extract import decode_body

    return decode_body(raw, content_type)[0]


def read_comment_page(html: str, name: str) -> tuple[list[Comment], list[Skipped]]:
    """Comments of an article page, threaded where its markup nests them.

    ``name`` (the file or URL) names the page in messages; a page without any reader
    comment is an ``InputError``, since there is nothing to review.
    """
    from lxml import etree, html as lxml_html

    html = clean_controls(html)
    try:
        root = lxml_html.document_fromstring(html.encode("utf-8", errors="replace"),
                                             parser=lxml_html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError):
        raise InputError("not a readable HTML page", where=name) from None
    records = from_markup(root)
    if not records:
        records = _from_trafilatura(html)
    if not records:
        raise InputError("no reader comments found on the page", where=name)
    return build_comments(list(enumerate(records, 1)), name, unit="comment")


def _from_trafilatura(html: str) -> list[dict[str, Any]]:
    """Flat comments, one per paragraph of trafilatura's comment text; lines of fewer than
    three words there are button labels and headings ("Reply", "Comments") far more often
    than comments."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, include_comments=True, with_metadata=False)
    data = doc.as_dict() if hasattr(doc, "as_dict") else (doc or {})  # type: ignore[union-attr]
    lines = [" ".join(ln.split()) for ln in (data.get("comments") or "").splitlines()]
    return [{"id": f"c{n}", "text": ln} for n, ln in
            enumerate((ln for ln in lines if len(ln.split()) >= MIN_FALLBACK_WORDS), 1)]


def raw_page(document: Path) -> tuple[bytes, str | None]:
    """The archived body of a fetched page and its content type, from the document's front
    matter (``raw:`` is relative to the document's folder)."""
    from .sources import parse_front_matter

    fields, _ = parse_front_matter(document.read_text(encoding="utf-8", errors="replace"))
    raw = fields.get("raw")
    if not raw:
        raise InputError("the fetched page has no archived copy", where=str(document))
    path = (document.parent / raw) if not Path(raw).is_absolute() else Path(raw)
    try:
        return path.read_bytes(), fields.get("content_type")
    except OSError as exc:
        raise InputError(f"cannot read the archived page ({exc.strerror})", where=str(path)) from None


def read_page_file(path: str | Path) -> tuple[list[Comment], list[Skipped]]:
    """Comments of a saved article page (``.html``)."""
    name = str(path)
    return read_comment_page(decode_page(read_input(name, "an HTML page")), name)
