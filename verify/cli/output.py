"""What every command does with its output: check ``-o`` before any work, write the report,
end with a one-line error.

Its own module, importing nothing of the package at import time, so that the click group
(``cli/__init__``) and the command modules it loads share these without importing each other.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click


def _die(message: str, code: int = 2) -> None:
    click.echo(f"verify: error: {message}", err=True)
    sys.exit(code)


def check_output(output: str | None, *inputs: str | None) -> None:
    """Before any work: ``-o`` must not be one of the inputs (it would overwrite the claims
    or the draft) and its folder must exist and be writable, so a long run never ends in
    an error about where to put its report."""
    from ..errors import InputError

    if not output or output == "-":
        return
    target = Path(output).resolve()
    for given in inputs:
        if given and given != "-" and Path(given).exists() and Path(given).resolve() == target:
            raise InputError("is an input of this run; refusing to overwrite it (choose another -o)",
                             where=output)
    folder = target.parent
    if not folder.is_dir():
        raise InputError(f"cannot write: no such folder {folder}", where=output)
    if not os.access(folder, os.W_OK | os.X_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise InputError(f"cannot write: permission denied in {folder}", where=output)


def check_url(option: str, value: str | None) -> None:
    """An option that must hold an http(s) URL (ClaimReview's url fields): anything else,
    a local path included, is a usage error before any work."""
    from ..errors import InputError
    from ..render.common import safe_url

    if value is not None and not safe_url(value):
        raise InputError(f"{option} {value!r} is not an http(s) URL")


def write_output(text: str, output: str | None) -> None:
    """A rendered report to ``output`` (a file) or stdout; a file that cannot be written is a
    one-line error, exit 2."""
    if output and output != "-":
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            _die(f"{output}: cannot write ({exc.strerror})")
        click.echo(f"verify: wrote {output}", err=True)
    else:
        click.echo(text, nl=False)


def emit(report: Any, fmt: str, output: str | None, no_color: bool, **options: Any) -> None:
    """Every command's output: ``report`` rendered by ``verify.render.render`` in ``fmt``, to
    ``output`` (a file) or stdout. The terminal view goes to a plain console when written to
    a file, to a styled one (unless ``no_color``) on stdout; ``options`` go to ``render``."""
    from ..console import make_console
    from ..render import render

    if fmt == "terminal":
        if output and output != "-":
            with open(output, "w", encoding="utf-8") as fh:
                render(report, fmt, console=make_console(file=fh, no_color=True), **options)
        else:
            render(report, fmt, console=make_console(no_color=no_color), **options)
        return
    write_output(render(report, fmt, **options), output)
