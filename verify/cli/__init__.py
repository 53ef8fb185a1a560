"""Command line: the click group; each command is a module of its own (``check``, ``audit``,
``comments``, ``fetch``, ``report``) that parses its arguments, calls the library, renders
the report through ``verify.render.render`` (``output.emit``) and chooses the exit code.

Heavy modules are imported inside the commands so that ``verify --help`` stays instant.
Results go to stdout; progress and diagnostics to stderr. Exit codes (``verify.errors``): 0 done,
1 when ``--fail-on`` matched (or, for fetch, a URL failed), 2 bad usage or unusable input,
3 when the run itself failed (the index, permissions, an internal fault), 130 on Ctrl-C.
"""
from __future__ import annotations

import sys

import click

from .. import __version__
from .output import _die


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


def _register_optional() -> None:
    """Commands built in their own modules; absent ones are simply not offered."""
    import importlib

    for module, attr, name in ((".check", "check_command", "check"),
                               (".fetch", "fetch_command", "fetch"),
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
