"""`verify audit DRAFT`: the draft re-printed with every checked sentence marked.

A newsroom gates publication with ``--fail-on``: verdicts (contradicted, disputed,
unverified) and quote statuses (altered, misattributed) both count.
"""
from __future__ import annotations

import sys
from typing import Any

import click

from .options import corpus_options, fetch_options, make_fetch_options, shards_option, stance_options
from .output import check_output, emit

FORMATS = ["terminal", "json", "markdown", "html"]
FAIL_ON = ["contradicted", "disputed", "unverified", "altered", "misattributed", "not-found"]


@click.command()
@click.argument("draft", type=str)
@corpus_options(FORMATS)
@click.option("--fail-on", type=click.Choice(FAIL_ON), multiple=True,
              help="Exit 1 if any statement gets this verdict or quote status (repeatable).")
@fetch_options
@stance_options
@shards_option
def audit_command(draft: str, sources: tuple[str, ...], cache: str | None, fmt: str,
                  output: str | None, fail_on: tuple[str, ...], no_color: bool, offline: bool,
                  refresh: bool, ignore_robots: bool, allow_private: bool, stance: str,
                  stance_model: str | None, shards: bool) -> None:
    """Audit DRAFT (.md, .txt, .html, .docx, a URL, or - for stdin): check its factual
    sentences and quotations against the sources."""
    from ..pipeline.audit import audit

    check_output(output, draft, *sources)
    report = audit(draft, list(sources) or ["sources"], cache=cache,
                   fetch_options=make_fetch_options(offline, refresh, ignore_robots, allow_private),
                   stance=stance, stance_model=stance_model, shards=shards)
    emit(report, fmt, output, no_color)
    for sk in report.skipped:
        click.echo(f"verify: skipped {sk.what}: {sk.reason}", err=True)
    bad = failing(report.statements, fail_on)
    if bad:
        click.echo(f"verify: {len(bad)} statement(s) {'/'.join(fail_on)} (--fail-on)", err=True)
        sys.exit(1)


def failing(statements: list[Any], fail_on: tuple[str, ...] | list[str]) -> list[Any]:
    """Statements whose verdict or quote status is in ``fail_on``."""
    return [s for s in statements
            if s.verdict in fail_on or (s.quote or {}).get("status") in fail_on]
