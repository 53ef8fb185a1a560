"""``verify report REPORT.json``: render a saved JSON report again without re-running it.

A check can take minutes and fetch pages that later change; the JSON report is the record.
This command turns that record into the shareable formats (HTML, Markdown, ClaimReview)
at any later time, for ``check``, ``audit`` and ``comments`` reports alike.
"""
from __future__ import annotations

import datetime as _dt
import json
import sys
from pathlib import Path
from typing import Any

import click

from ..errors import InputError, VerifyError
from ..render import render
from ..render.common import report_kind

FORMATS = ("html", "markdown", "claimreview")


def load_report(path: str) -> dict[str, Any]:
    """The report as a dict, or an InputError naming the file (``-`` reads stdin)."""
    where = "<stdin>" if path == "-" else path
    try:
        raw = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as e:
        raise InputError(f"cannot read the report ({e.strerror or e})", where=where) from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError("the report is not UTF-8 text", where=where) from None
    except json.JSONDecodeError as e:
        raise InputError(f"not JSON (line {e.lineno}, column {e.colno}: {e.msg})", where=where) from None
    try:
        kind = report_kind(data)
    except InputError as e:
        raise InputError(str(e), where=where) from None
    _check_version(data.get("version"), where)
    _check_verdicts(data, kind, where)
    return data


REPORT_VERSION = 1
_ITEMS = {"check": ("claims", "claim"), "audit": ("statements", "statement"), "comments": ("comments", "comment")}


def _check_version(version: Any, where: str) -> None:
    """A report from a newer verify may mean something else by the same fields: refuse it."""
    if version is None:
        return
    if isinstance(version, bool) or not isinstance(version, int):
        raise InputError(f"unknown report version {version!r}", where=where)
    if version > REPORT_VERSION:
        raise InputError(f"report version {version} is newer than this verify reads "
                         f"({REPORT_VERSION}); upgrade verify", where=where)


def _check_verdicts(data: dict[str, Any], kind: str, where: str) -> None:
    """Every verdict must be one this verify knows, or the rendered page would state one
    it cannot stand behind. Names the first item that has another."""
    from ..model import VERDICTS

    key, noun = _ITEMS[kind]
    for n, item in enumerate(data[key], 1):
        if not isinstance(item, dict):
            continue
        found = [item.get("verdict")] + [k.get("verdict") for k in item.get("claims") or []
                                          if isinstance(k, dict)] if kind == "comments" else [item.get("verdict")]
        for v in found:
            if v is not None and v not in VERDICTS:
                label = f"{noun} {n}" + (f" (id {item['id']!r})" if isinstance(item.get("id"), str) else "")
                raise InputError(f"{label} has an unknown verdict {v!r} (expected "
                                 f"{', '.join(VERDICTS[:-1])} or {VERDICTS[-1]})", where=where)


@click.command("report")
@click.argument("report_file", metavar="REPORT.json")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="html", show_default=True,
              help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write to this file instead of standard output.")
@click.option("--title", help="Title of the HTML page.")
@click.option("--publisher", default="verify", show_default=True,
              help="ClaimReview author: the organisation publishing the fact-check.")
@click.option("--publisher-url", help="ClaimReview author URL (http/https).")
@click.option("--url", help="ClaimReview url: the page where the review is published.")
@click.option("--date", "date_published", help="ClaimReview datePublished (default: today).")
def report_command(report_file: str, fmt: str, output: str | None, title: str | None,
                   publisher: str, publisher_url: str | None, url: str | None,
                   date_published: str | None) -> None:
    """Render a saved JSON report (from check, audit or comments) as HTML, Markdown or
    ClaimReview JSON-LD."""
    try:
        if date_published:
            try:
                _dt.date.fromisoformat(date_published)
            except ValueError:
                raise InputError(f"--date {date_published!r} is not a date like 2025-06-01") from None
        from .output import check_output, check_url

        check_output(output, report_file)
        check_url("--url", url)
        check_url("--publisher-url", publisher_url)
        report = load_report(report_file)
        out = render(report, fmt, title=title, publisher=publisher, publisher_url=publisher_url,
                     date_published=date_published, url=url)
        if output:
            try:
                Path(output).write_text(out, encoding="utf-8")
            except OSError as e:
                raise InputError(f"cannot write ({e.strerror or e})", where=output) from None
        else:
            click.echo(out, nl=False)
    except VerifyError as e:
        click.echo(f"verify: error: {e}", err=True)
        sys.exit(e.exit_code)
