"""`verify comments`: the moderator's view of a comment export or an article page's comment
section, thread by thread (the views: ``verify.render.terminal.comments``, ``render.plain``).
"""
from __future__ import annotations

import click

from .options import corpus_options, fetch_options, make_fetch_options, shards_option, stance_options
from .output import check_output, emit

FORMATS = ["terminal", "json", "csv", "markdown", "html"]


@click.command()
@click.argument("comments", type=str)
@click.option("--article", "-a", default=None, metavar="FILE|URL",
              help="The article the comments are under; always one of the sources. Required for "
                   "an export; for an article page it defaults to the page itself.")
@corpus_options(FORMATS)
@fetch_options
@stance_options
@shards_option
def comments_command(comments: str, article: str | None, sources: tuple[str, ...], cache: str | None,
                     fmt: str, output: str | None, no_color: bool, offline: bool, refresh: bool,
                     ignore_robots: bool, allow_private: bool, stance: str,
                     stance_model: str | None, shards: bool) -> None:
    """Sort the reader comments in COMMENTS into claims, opinions and questions, check the
    claims against the article and sources, and flag threads that argue about facts.

    COMMENTS is a CSV, JSON or JSONL export (id, parent_id, author, date, text), or an
    article page (.html file or URL) whose comment section is read."""
    from ..pipeline.comments import assess

    check_output(output, comments, article, *sources)
    report = assess(comments, article, list(sources), cache=cache,
                    fetch_options=make_fetch_options(offline, refresh, ignore_robots, allow_private),
                    stance=stance, stance_model=stance_model, shards=shards)
    emit(report, fmt, output, no_color)
    for s in report.skipped:
        click.echo(f"verify: skipped {s.what}: {s.reason}", err=True)
