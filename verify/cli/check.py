"""`verify check CLAIMS`: every claim against the sources, with a verdict and its passages."""
from __future__ import annotations

import sys
from typing import Any

import click

from .options import corpus_options, fetch_options, make_fetch_options, shards_option, stance_options
from .output import check_output, check_url, emit

FORMATS = ["terminal", "json", "csv", "markdown", "html", "claimreview"]
FAIL_ON = ["contradicted", "disputed", "unverified"]


@click.command("check")
@click.argument("claims", type=str)
@corpus_options(FORMATS)
@click.option("--fail-on", type=click.Choice(FAIL_ON), multiple=True,
              help="Exit 1 if any claim gets this verdict (repeatable).")
@click.option("--encoding", default="utf-8", show_default=True, help="Encoding of the claims file.")
@click.option("--evidence", "max_evidence", type=click.IntRange(1, 20), default=2, show_default=True,
              help="Passages shown per side in the terminal report.")
@click.option("--publisher", default="verify", help="Publisher name for --format claimreview.")
@click.option("--url", "review_url", default=None, metavar="URL",
              help="For --format claimreview: the http(s) page where the review is published.")
@fetch_options
@stance_options
@click.option("--jobs", "-j", type=click.IntRange(0), default=0, metavar="N",
              help="Worker processes for checking claims (default 0: every core).")
@click.option("--cluster", default=None, metavar="ADDRESS|local[:N]",
              help="Check on a Dask cluster: a scheduler address (tcp://host:8786) or local:N "
                   "(N worker processes here). Needs pip install -e \".[cluster]\".")
@shards_option
def check_command(claims: str, sources: tuple[str, ...], cache: str | None, fmt: str, output: str | None,
                  fail_on: tuple[str, ...], encoding: str, no_color: bool, max_evidence: int,
                  publisher: str, review_url: str | None, offline: bool, refresh: bool, ignore_robots: bool,
                  allow_private: bool, stance: str, stance_model: str | None, jobs: int,
                  cluster: str | None, shards: bool) -> None:
    """Check every claim in CLAIMS (CSV with a claim column, .txt one per line, - for stdin)."""
    from ..console import make_console
    from ..pipeline.check import check
    from ..pipeline.parallel import default_jobs

    check_output(output, claims, *sources)
    check_url("--url", review_url)
    err = make_console(stderr=True, no_color=no_color)
    paths = list(sources) or ["sources"]
    with _progress(err, "indexing sources") as indexing, _progress(err) as progress:
        report = check(claims, paths, cache=cache, encoding=encoding, progress=progress,
                       index_progress=indexing,
                       fetch_options=make_fetch_options(offline, refresh, ignore_robots, allow_private),
                       jobs=jobs or default_jobs(), stance=stance, stance_model=stance_model,
                       cluster=cluster, shards=shards)
    emit(report, fmt, output, no_color, max_evidence=max_evidence, publisher=publisher, url=review_url)
    for s in report.skipped:
        click.echo(f"verify: skipped {s.what}: {s.reason}", err=True)
    bad = [c for c in report.claims if c.verdict in fail_on]
    if bad:
        click.echo(f"verify: {len(bad)} claim(s) {'/'.join(fail_on)} (--fail-on)", err=True)
        sys.exit(1)


class _progress:
    """A progress bar on stderr, only on a terminal and only once a run takes over a second."""

    def __init__(self, console, label: str = "checking") -> None:
        self.console = console
        self.label = label
        self.bar: Any = None  # a rich Progress once the run has taken a second
        self.task: Any = None
        self.t0 = 0.0

    def __enter__(self):
        import time

        self.t0 = time.monotonic()
        return self

    def __call__(self, done: int, total: int) -> None:
        import time

        if not self.console.is_terminal or time.monotonic() - self.t0 < 1.0:
            return
        if self.bar is None:
            from rich.progress import Progress

            self.bar = Progress(console=self.console, transient=True)
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=total)
        self.bar.update(self.task, completed=done, total=total)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()
