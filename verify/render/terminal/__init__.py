"""The terminal views of the three reports (rich): ``check.py``, ``audit.py``, ``comments.py``.

On a terminal a check's claims are panels; piped or written to a file every view is
line-oriented and the same at any width. Text from claims, drafts, comments and sources goes
in as ``Text`` objects, never as markup.
"""
from __future__ import annotations

from typing import Any

from rich.console import Console


def show(data: dict[str, Any], kind: str, console: Console, *, max_evidence: int | None = None) -> None:
    """Print a report (its ``to_dict`` shape) of ``kind`` on ``console``. ``max_evidence``:
    passages shown per side (default 2 for a check, 1 per claim of a comment)."""
    if kind == "check":
        from .check import render_terminal

        render_terminal(data, console, max_evidence=max_evidence or 2)
    elif kind == "audit":
        from .audit import render_audit

        render_audit(data, console)
    else:
        from .comments import render_comments

        render_comments(data, console, max_evidence=max_evidence or 1)
