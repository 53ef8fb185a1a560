"""The one way every part of verify makes a rich console (the CLI's output, the terminal
reports, the fetch progress bar): no syntax highlighting or emoji codes in untrusted text, and
``NO_COLOR`` honoured.
"""
from __future__ import annotations

import os
from typing import Any

from rich.console import Console


def make_console(*, stderr: bool = False, file=None, no_color: bool = False,
                 soft_wrap: bool = False) -> Console:
    """A rich console on stdout, stderr or ``file``. ``--no-color`` or a non-empty
    ``NO_COLOR`` mean no styling codes at all (no colour, and no bold, dim or italic
    either): rich's colour system is switched off, not just its colours."""
    plain = no_color or bool(os.environ.get("NO_COLOR"))
    kw: dict[str, Any] = {"color_system": None, "no_color": True} if plain else {}
    return Console(stderr=stderr, file=file, highlight=False, emoji=False, soft_wrap=soft_wrap, **kw)
