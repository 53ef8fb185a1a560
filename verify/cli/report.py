"""``verify report REPORT.json``: render a saved JSON report again without re-running it.

A check can take minutes and fetch pages that later change; the JSON report is the record.
This command turns that record into the shareable formats (HTML, Markdown, ClaimReview)
at any later time, for ``check``, ``audit`` and ``comments`` reports alike.
"""
from __future__ import annotations

import datetime as _dt
import sys
from pathlib import Path

import click

from ..errors import InputError, VerifyError
from ..inputs.reports import load_report
from ..render import render

FORMATS = ("html", "markdown", "claimreview")


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
