"""Command line: parse arguments, call the library, print, choose the exit code.

Heavy modules are imported inside the commands so that ``verify --help`` stays instant.
Results go to stdout; progress and diagnostics to stderr. Exit codes (``_errors``): 0 done,
1 when ``--fail-on`` matched (or, for fetch, a URL failed), 2 bad usage or unusable input,
3 when the run itself failed (the index, permissions, an internal fault), 130 on Ctrl-C.
"""
from __future__ import annotations

import sys
from typing import Any

import click

from .. import __version__
from .options import corpus_options, fetch_options, make_fetch_options, stance_options
from .output import _die, check_output, check_url, write_output

FORMATS = ["terminal", "json", "csv", "markdown", "html", "claimreview"]
FAIL_ON = ["contradicted", "disputed", "unverified"]


class _Group(click.Group):
    """Turns library errors, internal faults and Ctrl-C into one-line messages with their exit
    codes (``verify.errors``) instead of tracebacks; ``VerifyWarning``s print as one line."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        import warnings

        from ..errors import EXIT_INTERRUPTED, EXIT_RUN_FAILED, VerifyError, VerifyWarning

        with warnings.catch_warnings():
            warnings.simplefilter("always", VerifyWarning)
            warnings.showwarning = _show_warning
            try:
                return super().invoke(ctx)
            except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
                raise
            except VerifyError as exc:
                _die(str(exc), exc.exit_code)
            except KeyboardInterrupt:
                _die("interrupted", EXIT_INTERRUPTED)
            except BrokenPipeError:
                sys.exit(0)
            except OSError as exc:
                where = f"{exc.filename}: " if exc.filename else ""
                _die(f"{where}{exc.strerror or exc}", EXIT_RUN_FAILED)
            except Exception as exc:  # noqa: BLE001 - a bug: one line, never a traceback
                _die(f"internal error ({type(exc).__name__}: {exc}); please report it",
                     EXIT_RUN_FAILED)


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    from ..errors import VerifyWarning

    if issubclass(category, VerifyWarning):
        click.echo(f"verify: warning: {message}", err=True)
    else:  # a library's own warning: one line too, not the source line it came from
        click.echo(f"verify: warning: {category.__name__}: {message}", err=True)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="verify")
def cli() -> None:
    """Check factual claims against sources: which passages support or contradict each
    claim, and why."""


@cli.command()
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
def check(claims: str, sources: tuple[str, ...], cache: str | None, fmt: str, output: str | None,
          fail_on: tuple[str, ...], encoding: str, no_color: bool, max_evidence: int,
          publisher: str, review_url: str | None, offline: bool, refresh: bool, ignore_robots: bool,
          allow_private: bool, stance: str, stance_model: str | None, jobs: int,
          cluster: str | None) -> None:
    """Check every claim in CLAIMS (CSV with a claim column, .txt one per line, - for stdin)."""
    from ..pipeline.check import check as run_check
    from ..pipeline.parallel import default_jobs
    from ..render.terminal import report_dict

    check_output(output, claims, *sources)
    check_url("--url", review_url)
    err = _console(stderr=True, no_color=no_color)
    paths = list(sources) or ["sources"]
    with _progress(err, "indexing sources") as indexing, _progress(err) as progress:
        report = run_check(claims, paths, cache=cache, encoding=encoding, progress=progress,
                           index_progress=indexing,
                           fetch_options=make_fetch_options(offline, refresh, ignore_robots, allow_private),
                           jobs=jobs or default_jobs(), stance=stance, stance_model=stance_model,
                           cluster=cluster)
    data = report_dict(report)
    _emit(data, fmt, output, no_color, max_evidence, publisher, review_url)
    for s in data["skipped"]:
        click.echo(f"verify: skipped {s['what']}: {s['reason']}", err=True)
    bad = [c for c in data["claims"] if c["verdict"] in fail_on]
    if bad:
        click.echo(f"verify: {len(bad)} claim(s) {'/'.join(fail_on)} (--fail-on)", err=True)
        sys.exit(1)


def _emit(data: dict, fmt: str, output: str | None, no_color: bool, max_evidence: int,
          publisher: str = "verify", review_url: str | None = None) -> None:
    from ..render import terminal as _render

    if fmt == "terminal":
        if output and output != "-":
            with open(output, "w", encoding="utf-8") as fh:
                _render.render_terminal(data, _console(file=fh, no_color=True), max_evidence=max_evidence)
        else:
            _render.render_terminal(data, _console(no_color=no_color), max_evidence=max_evidence)
        return
    write_output(render_text(data, fmt, publisher=publisher, url=review_url), output)


def render_text(data: dict, fmt: str, *, publisher: str = "verify", url: str | None = None) -> str:
    """A report dict in one of the file formats."""
    from ..render import terminal as _render

    if fmt == "json":
        return _render.to_json(data)
    if fmt == "csv":
        return _render.to_csv(data)
    if fmt == "markdown":
        from ..render.markdown import render_markdown
        return render_markdown(data)
    if fmt == "html":
        from ..render.html import render_html
        return render_html(data)
    if fmt == "claimreview":
        from ..render.claimreview import render_claimreview
        return render_claimreview(data, publisher=publisher, url=url)
    raise click.BadParameter(f"unknown format {fmt}")


def _console(*, stderr: bool = False, no_color: bool = False, file=None):
    from .options import make_console

    return make_console(stderr=stderr, file=file, no_color=no_color)


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


def _register_optional() -> None:
    """Commands built in their own modules; absent ones are simply not offered."""
    import importlib

    for module, attr, name in ((".fetch", "fetch_command", "fetch"),
                               (".report", "report_command", "report"),
                               (".audit", "audit_command", "audit"),
                               (".comments", "comments_command", "comments")):
        try:
            mod = importlib.import_module(module, __package__)
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.endswith(module.lstrip(".")):
                continue
            raise
        cli.add_command(getattr(mod, attr), name)


_register_optional()


def main() -> None:
    cli(prog_name="verify")
