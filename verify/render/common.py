"""What every report renderer agrees on: the report's kind, safe URLs, display text, counts,
and ``highlight`` (marking matched words and values in escaped text).

Shared by the HTML, Markdown and ClaimReview renderers (importable from ``verify.render.html``)
so the three agree on what a report is. Everything here treats its input as untrusted: a
saved report may have been edited by hand.
"""
from __future__ import annotations

import re
from html import escape as _escape
from typing import Any
from urllib.parse import urlsplit

from verify.model import VERDICTS, report_kind

KINDS = ("check", "audit", "comments")
LABELS = {"supported": "Supported", "contradicted": "Contradicted", "disputed": "Disputed",
          "unverified": "Unverified"}


def as_data(report: Any) -> tuple[dict[str, Any], str]:
    """A report's JSON shape and its kind (``check``, ``audit`` or ``comments``). A typed
    report says its kind; a dict (a saved report) is known by the key that holds its items,
    as its JSON names no kind."""
    kind = getattr(report, "kind", None)
    if isinstance(kind, str) and hasattr(report, "to_dict"):
        return report.to_dict(), kind
    return report, report_kind(report)


def safe_url(value: Any) -> str | None:
    """The URL if it is a plain http(s) URL, else None: ``javascript:``, ``data:`` and
    relative or malformed URLs are shown as text, never followed."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    if not url or any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


# control characters, lone surrogates and noncharacters: invalid in HTML and unwritable
# as UTF-8 (a JSON report can hold "\ud800"); shown as U+FFFD so the reader sees a gap
_NONCHARS = "".join(chr(plane * 0x10000 + 0xFFFE) + chr(plane * 0x10000 + 0xFFFF) for plane in range(17))
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef" + _NONCHARS + "]")


def text(value: Any) -> str:
    """Any JSON value as display text; a saved report may hold numbers or nulls anywhere."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _BAD_CHARS.sub("\ufffd", value if isinstance(value, str) else str(value))


def escape(value: str, quote: bool = True) -> str:
    """``html.escape`` of clean text: every string reaching the page passes here."""
    return _escape(_BAD_CHARS.sub("\ufffd", value), quote=quote)


def items(value: Any) -> list[dict[str, Any]]:
    """The dicts of a JSON list, skipping anything else a hand-edited report may hold."""
    return [x for x in value if isinstance(x, dict)] if isinstance(value, list) else []


def source_index(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Sources by id and by path: evidence names its source by id, older reports by path."""
    out: dict[str, dict[str, Any]] = {}
    for src in items(report.get("sources")):
        for key in (src.get("path"), src.get("id")):
            if isinstance(key, str) and key:
                out[key] = src
    return out


def confidence(value: Any) -> str:
    """``0.862`` -> ``86%``; empty when the value is not a number."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return ""
    return f"{round(max(0.0, min(1.0, float(value))) * 100)}%"


def verdict_of(value: Any) -> str | None:
    return value if value in VERDICTS else None


def count_verdicts(rows: list[dict[str, Any]]) -> dict[str, int]:
    """Counted from the items themselves so the summary always matches what is shown."""
    out = {v: 0 for v in VERDICTS}
    for row in rows:
        if row.get("verdict") in out:
            out[row["verdict"]] += 1
    return out


def cite(ev: dict[str, Any]) -> str:
    """``sources/x.txt:52`` (or just the source when the line is unknown)."""
    src, line = text(ev.get("source")), ev.get("line")
    return f"{src}:{line}" if isinstance(line, int) and not isinstance(line, bool) and src else src


def same_value(a: Any, b: Any) -> bool:
    norm = lambda s: re.sub(r"[\W_]+", " ", text(s).lower()).strip()  # noqa: E731
    return bool(norm(a)) and norm(a) == norm(b)


# ---------------------------------------------------------------- highlighting

def _find_all(hay: str, needle: str, *, prefix: bool = False) -> list[tuple[int, int]]:
    needle = needle.strip()
    if not needle or len(needle) > 200:
        return []
    tail = r"\w*" if prefix else r"(?!\w)"
    pat = re.compile(r"(?<!\w)" + re.escape(needle) + tail, re.IGNORECASE)
    return [m.span() for m in pat.finditer(hay)]


def highlight(value: str, words: Any = (), marks: tuple[tuple[Any, str], ...] = ()) -> str:
    """Escaped text with ``words`` in ``<mark>`` and each ``(value, css class)`` of ``marks``
    in ``<mark class=...>``. Spans are found on the raw text and each piece is escaped on its
    own, so a match can never split an entity or a tag."""
    classes: list[str | None] = [None] * len(value)
    for needle, cls in marks:  # values first: they win where they overlap a matched word
        for a, b in _find_all(value, text(needle)):
            for i in range(a, b):
                classes[i] = classes[i] or cls
    for word in words if isinstance(words, list) else []:
        spans = _find_all(value, text(word)) or _find_all(value, text(word), prefix=True)
        for a, b in spans:
            for i in range(a, b):
                classes[i] = classes[i] or "m"
    out, i = [], 0
    while i < len(value):
        j, cls = i, classes[i]  # type: ignore[assignment]
        while j < len(value) and classes[j] == cls:
            j += 1
        piece = escape(value[i:j])
        if cls is None:
            out.append(piece)
        elif cls == "m":
            out.append(f"<mark>{piece}</mark>")
        else:
            out.append(f'<mark class="{cls}">{piece}</mark>')
        i = j
    return "".join(out)
