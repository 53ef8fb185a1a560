"""Rendering: any report, in any of its formats, through one function.

    render(report, "html")                        # the page, as text
    render(report, "terminal", console=console)   # printed on a rich console

``report`` is a typed report (``verify.Report``, ``AuditReport``, ``CommentsReport``: its
``kind`` says which) or the dict of a saved JSON report (``verify report``). The renderers
read the documented JSON shape (``to_dict``), so a saved report renders as the run did.
Formats: ``terminal/`` (rich), ``plain`` (JSON, CSV), ``html/``, ``markdown``, ``claimreview``
(schema.org JSON-LD); ``common`` holds what they agree on. A new format is a module here
and a branch in ``render``.
"""
from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from .common import as_data

if TYPE_CHECKING:
    from rich.console import Console

FORMATS: dict[str, tuple[str, ...]] = {
    "check": ("terminal", "json", "csv", "markdown", "html", "claimreview"),
    "audit": ("terminal", "json", "markdown", "html", "claimreview"),
    "comments": ("terminal", "json", "csv", "markdown", "html", "claimreview"),
}


def render(report: Any, fmt: str, *, console: Console | None = None, max_evidence: int | None = None,
           title: str | None = None, publisher: str = "verify", publisher_url: str | None = None,
           date_published: str | None = None, url: str | None = None) -> str:
    """``report`` in format ``fmt``, as text. ``terminal`` prints on ``console`` (and returns
    ''), or without one returns the plain line-oriented view. ``max_evidence``: passages per
    side in the terminal view; ``title``: the HTML page's; ``publisher``, ``publisher_url``,
    ``date_published``, ``url``: ClaimReview's fields."""
    data, kind = as_data(report)
    if fmt not in FORMATS[kind]:
        raise InputError(f"a {kind} report has no {fmt!r} format (choose from {', '.join(FORMATS[kind])})")
    if fmt == "terminal":
        from .terminal import show

        if console is not None:
            show(data, kind, console, max_evidence=max_evidence)
            return ""
        from ..console import make_console

        buf = io.StringIO()
        show(data, kind, make_console(file=buf, no_color=True), max_evidence=max_evidence)
        return buf.getvalue()
    if fmt == "json":
        from .plain import to_json

        return to_json(data)
    if fmt == "csv":
        from .plain import check_csv, comments_csv

        return check_csv(data) if kind == "check" else comments_csv(data)
    if fmt == "markdown":
        from .markdown import render_markdown

        return render_markdown(data, kind=kind)
    if fmt == "html":
        from .html import render_html

        return render_html(data, title=title, kind=kind)
    from .claimreview import render_claimreview

    return render_claimreview(data, publisher=publisher, publisher_url=publisher_url,
                              date_published=date_published, url=url, kind=kind)


__all__ = ["FORMATS", "as_data", "render"]
