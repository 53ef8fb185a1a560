"""A self-contained HTML report: one file to mail to an editor, attach to a ticket or print.

The renderer reads the report as a plain dict (the documented JSON shape) so a saved report
renders exactly like a fresh one. Everything in it came from claims, sources or readers and
is untrusted: every string goes through ``html.escape`` and only http(s) URLs ever reach an
``href``; the page needs no JavaScript and makes no request of its own (inline CSS only).
The page is built from small modules: ``render.common`` (helpers shared with the Markdown
and ClaimReview renderers, so the three agree on what a report is), ``blocks`` (badges,
evidence, tables), ``reports`` (one body per report kind) and ``style`` (CSS).
Their public names are re-exported here, where the other renderers import them from.
"""
from __future__ import annotations

from typing import Any

from verify.render.common import (
    KINDS,
    LABELS,
    as_data,
    cite,
    confidence,
    count_verdicts,
    escape,
    highlight,
    items,
    report_kind,
    safe_url,
    same_value,
    source_index,
    text,
    verdict_of,
)
from verify.render.html.blocks import (
    LEGEND,
    badge,
    bar,
    count_list,
    evidence_block,
    evidence_sections,
    link,
    skipped_section,
    sources_section,
    tag,
)
from verify.render.html.reports import (
    QUOTE_LABELS,
    _audit_body,
    _check_body,
    _comments_body,
    _threads,
    needs_attention,
    quote_tag,
)
from verify.render.html.style import CSS

__all__ = ["CSS", "KINDS", "LABELS", "LEGEND", "QUOTE_LABELS", "badge", "bar", "cite", "confidence",
           "count_list", "count_verdicts", "escape", "evidence_block", "evidence_sections", "highlight",
           "items", "link", "needs_attention", "quote_tag", "render_html", "report_kind", "safe_url",
           "same_value", "skipped_section", "source_index", "sources_section", "tag", "text", "verdict_of",
           "_threads"]


def render_html(report: Any, *, title: str | None = None, kind: str | None = None) -> str:
    """The whole page for a ``check``, ``audit`` or ``comments`` report: a typed report, or
    the dict of a saved one (``kind`` when the caller knows it, else known by its keys)."""
    report, found = as_data(report) if kind is None else (report, kind)
    kind = found
    sources = source_index(report)
    if kind == "check":
        body, default = _check_body(report, sources)
    elif kind == "audit":
        body, default = _audit_body(report, sources)
    else:
        body, default = _comments_body(report, sources)
    head = escape(title if title is not None else default)
    body += sources_section(report) + skipped_section(report)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="verify"><title>{head}</title><style>{CSS}</style></head>'
        f'<body><main><h1>{head}</h1>{body}<footer><p>Made by verify. Each passage is quoted '
        "from the archived copy of its source named by its sha256; verdicts say what these "
        "sources say, not what is true.</p></footer></main></body></html>\n")
