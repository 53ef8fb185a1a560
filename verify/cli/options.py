"""Command-line options shared by the checking commands (check, audit, comments).

A module of its own, importing nothing of the package, so any command module can use it.
"""
from __future__ import annotations

import click


def corpus_options(formats: list[str]):
    """The options every checking command shares: sources, cache, format, output, colour."""
    def wrap(f):
        for opt in reversed([
            click.option("--sources", "-s", "sources", multiple=True, metavar="PATH|URL",
                         help="Source file, folder (recursive) or URL; repeatable. Default: sources/"),
            click.option("--cache", type=click.Path(file_okay=False), default=None,
                         help="Index folder (default: .verify/ beside the sources)."),
            click.option("--format", "-f", "fmt", type=click.Choice(formats), default="terminal",
                         show_default=True, help="Output format."),
            click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True),
                         default=None, help="Write the report to a file instead of stdout."),
            click.option("--no-color", is_flag=True, help="Plain text, no colours."),
        ]):
            f = opt(f)
        return f
    return wrap


def fetch_options(f):
    """How URL sources are fetched: the same four switches on every command that fetches."""
    for opt in reversed([
        click.option("--offline", is_flag=True, help="URL sources: use only archived copies."),
        click.option("--refresh", is_flag=True, help="URL sources: fetch again even if archived."),
        click.option("--ignore-robots", is_flag=True, help="URL sources: do not honour robots.txt."),
        click.option("--allow-private", is_flag=True,
                     help="URL sources: allow private/loopback addresses."),
    ]):
        f = opt(f)
    return f


def make_fetch_options(offline: bool, refresh: bool, ignore_robots: bool, allow_private: bool):
    """A ``FetchOptions`` from the switches, or None for the defaults (imports nothing then)."""
    if not (offline or refresh or ignore_robots or allow_private):
        return None
    from ..web.fetch import FetchOptions

    return FetchOptions(offline=offline, refresh=refresh, respect_robots=not ignore_robots,
                        allow_private=allow_private)


def stance_options(f):
    """How passages are judged: the learned model (default) or the rules alone."""
    for opt in reversed([
        click.option("--stance", type=click.Choice(["model", "rules"]), default="model",
                     show_default=True,
                     help="Judge passages with the trained model (with the rules beside it) "
                          "or with the rules alone."),
        click.option("--stance-model", type=click.Path(file_okay=False), default=None,
                     metavar="DIR",
                     help="An NLI cross-encoder exported to ONNX (model.onnx, tokenizer.json, "
                          "stance.json) to use instead of the shipped one."),
    ]):
        f = opt(f)
    return f


def shards_option(f):
    """Keep the index as shard files only and search them as one (``verify.retrieval.shards``)."""
    return click.option("--shards", is_flag=True,
                        help="Keep the index as 16 shard files and search them as one, with no single "
                             "index file (check builds them on the cluster's workers with --cluster); "
                             "same results.")(f)
