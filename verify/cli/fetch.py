"""`verify fetch`: archive web pages as source documents.

Exit codes: 0 all pages fetched or served from the archive, 1 at least one page failed
(the table says which and why), 2 bad usage (no URL, unreadable --urls file, bad option).
httpx and trafilatura are imported only when the command runs, so `verify --help` stays fast.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click


def read_url_file(path: Path) -> list[str]:
    """URLs from a file, one per line; blank lines and ``#`` comments are ignored."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise click.UsageError(f"{path}: cannot read URL list ({exc})") from None
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@click.command("fetch")
@click.argument("urls", nargs=-1)
@click.option("--urls", "urls_file", type=click.Path(path_type=Path, dir_okay=False),
              help="File with one URL per line (# comments allowed).")
@click.option("--into", type=click.Path(path_type=Path, file_okay=False), default=Path("sources"),
              show_default=True, help="Folder for the source documents (raw copies go to DIR/.raw/).")
@click.option("--refresh", is_flag=True, help="Ignore the archive and download every page again.")
@click.option("--offline", is_flag=True, help="Use only the archive; list the URLs it lacks.")
@click.option("--ignore-robots", is_flag=True, help="Do not consult robots.txt.")
@click.option("--allow-private", is_flag=True,
              help="Allow private, loopback and link-local addresses (refused by default).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0, show_default=True,
              help="Seconds allowed for each attempt (connect + response).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=10_000_000, show_default=True,
              help="Largest body accepted, in bytes (after decompression).")
@click.option("--concurrency", type=click.IntRange(min=1, max=64), default=8, show_default=True,
              help="Pages fetched at once (at most 2 per host).")
@click.option("--retries", type=click.IntRange(min=0, max=10), default=3, show_default=True,
              help="Retries on timeouts, 429 and 5xx answers.")
def fetch_command(urls: tuple[str, ...], urls_file: Path | None, into: Path, refresh: bool, offline: bool,
                  ignore_robots: bool, allow_private: bool, timeout: float, max_bytes: int, concurrency: int,
                  retries: int) -> None:
    """Fetch web pages and archive them as source documents.

    Each page becomes DIR/<title>-<hash>.txt: the article text under a front-matter block
    (url, final_url, title, author, published, fetched_at, status, sha256 of the raw body)
    with the raw body kept in DIR/.raw/. Exit status 1 when any page failed.
    """
    from verify.errors import VerifyError
    from verify.web.fetch import FetchOptions, fetch_urls

    if refresh and offline:
        raise click.UsageError("--refresh and --offline cannot be used together")
    all_urls = list(urls) + (read_url_file(urls_file) if urls_file else [])
    if not all_urls:
        raise click.UsageError("give at least one URL (or --urls FILE)")
    options = FetchOptions(timeout=timeout, max_bytes=max_bytes, concurrency=concurrency, retries=retries,
                           respect_robots=not ignore_robots, allow_private=allow_private,
                           refresh=refresh, offline=offline)
    try:
        report = fetch_urls(all_urls, into, options, progress=sys.stderr.isatty())
    except VerifyError as exc:  # the target folder itself is unusable
        raise click.UsageError(str(exc)) from None
    print_report(report)
    if report.failed:
        sys.exit(1)


def print_report(report) -> None:
    """A table of every URL (stdout) and a one-line summary (stderr)."""
    from rich.markup import escape
    from rich.table import Table

    from ..console import make_console

    table = Table(show_lines=False)
    table.add_column("status")
    table.add_column("url", overflow="fold")
    table.add_column("document / reason", overflow="fold")
    colour = {"fetched": "green", "cached": "cyan", "failed": "red"}
    for r in report.results:
        detail = str(r.path) if r.path else ""
        if r.reason and r.status != "fetched":
            detail = f"{detail}  ({r.reason})" if detail else r.reason
        table.add_row(f"[{colour[r.status]}]{r.status}[/]", escape(r.url), escape(detail))
    make_console().print(table)
    counts = {s: sum(1 for r in report.results if r.status == s) for s in ("fetched", "cached", "failed")}
    make_console(stderr=True).print(escape(f"{counts['fetched']} fetched, {counts['cached']} cached, "
                                      f"{counts['failed']} failed"))
