"""`verify audit DRAFT`: the draft re-printed with every checked sentence marked.

A newsroom gates publication with ``--fail-on``: verdicts (contradicted, disputed,
unverified) and quote statuses (altered, misattributed) both count.
"""
from __future__ import annotations

import sys
from typing import Any

import click

from .options import corpus_options, fetch_options, make_fetch_options, stance_options

FORMATS = ["terminal", "json", "markdown", "html"]
FAIL_ON = ["contradicted", "disputed", "unverified", "altered", "misattributed", "not-found"]

VERDICT_STYLE = {"supported": "green", "contradicted": "red", "disputed": "yellow", "unverified": "bright_black"}
QUOTE_STYLE = {"exact": "green", "altered": "yellow", "misattributed": "red", "not-found": "bright_black"}
VERDICT_MARK = {"supported": "✔ supported", "contradicted": "✘ contradicted", "disputed": "⚠ disputed",
                "unverified": "? unverified"}
QUOTE_MARK = {"exact": "❝ exact quote", "altered": "❝ altered quote", "misattributed": "❝ misattributed",
              "not-found": "❝ quote not found"}


@click.command()
@click.argument("draft", type=str)
@corpus_options(FORMATS)
@click.option("--fail-on", type=click.Choice(FAIL_ON), multiple=True,
              help="Exit 1 if any statement gets this verdict or quote status (repeatable).")
@fetch_options
@stance_options
def audit_command(draft: str, sources: tuple[str, ...], cache: str | None, fmt: str,
                  output: str | None, fail_on: tuple[str, ...], no_color: bool, offline: bool,
                  refresh: bool, ignore_robots: bool, allow_private: bool, stance: str,
                  stance_model: str | None) -> None:
    """Audit DRAFT (.md, .txt, .html, .docx, a URL, or - for stdin): check its factual
    sentences and quotations against the sources."""
    from ..pipeline.audit import audit
    from .output import check_output

    check_output(output, draft, *sources)
    report = audit(draft, list(sources) or ["sources"], cache=cache,
                   fetch_options=make_fetch_options(offline, refresh, ignore_robots, allow_private),
                   stance=stance, stance_model=stance_model)
    data = report.to_dict()
    _emit(data, fmt, output, no_color)
    for s in data["skipped"]:
        click.echo(f"verify: skipped {s['what']}: {s['reason']}", err=True)
    bad = failing(data, fail_on)
    if bad:
        click.echo(f"verify: {len(bad)} statement(s) {'/'.join(fail_on)} (--fail-on)", err=True)
        sys.exit(1)


def failing(data: dict[str, Any], fail_on: tuple[str, ...] | list[str]) -> list[dict[str, Any]]:
    """Statements whose verdict or quote status is in ``fail_on``."""
    out = []
    for s in data["statements"]:
        status = (s.get("quote") or {}).get("status")
        if s.get("verdict") in fail_on or status in fail_on:
            out.append(s)
    return out


def _emit(data: dict[str, Any], fmt: str, output: str | None, no_color: bool) -> None:
    to_file = bool(output and output != "-")
    if fmt == "terminal":
        if to_file:
            with open(output, "w", encoding="utf-8") as fh:  # type: ignore[arg-type]
                render_audit_terminal(data, _console(file=fh, no_color=True))
        else:
            render_audit_terminal(data, _console(no_color=no_color))
        return
    if fmt == "json":
        from ..render.terminal import to_json
        text = to_json(data)
    elif fmt == "markdown":
        from ..render.markdown import render_markdown
        text = render_markdown(data)
    else:
        from ..render.html import render_html
        text = render_html(data)
    from .output import write_output

    write_output(text, output)


def _console(*, file=None, no_color: bool = False):
    from .options import make_console

    return make_console(file=file, no_color=no_color, soft_wrap=True)


def render_audit_terminal(data: dict[str, Any], console) -> None:
    """The draft sentence by sentence: checked ones coloured with a mark and the reason
    (with the source's value or the word diff), the rest dimmed; then the summary.
    Everything from the draft or a source goes in as ``Text``, never as markup."""
    from rich.text import Text

    last_line = 0
    for s in data["statements"]:
        if last_line and s["line"] > last_line:
            console.print()
        last_line = s["line"]
        q = s.get("quote")
        if q:
            style, mark = QUOTE_STYLE.get(q["status"], "white"), QUOTE_MARK.get(q["status"], q["status"])
        elif s.get("verdict"):
            style, mark = VERDICT_STYLE.get(s["verdict"], "white"), VERDICT_MARK.get(s["verdict"], s["verdict"])
        else:
            console.print(Text(s["text"], style="dim"), Text(f"  [{s['kind']}]", style="dim italic"))
            continue
        console.print(Text.assemble((f"[{mark}] ", f"bold {style}"), (s["text"], style)))
        detail = _detail(s)
        if detail:
            console.print(Text("    " + detail, style="italic " + style))
    console.print()
    _summary(data, console)


def _detail(s: dict[str, Any]) -> str:
    q = s.get("quote")
    evs = s.get("evidence") or []
    if q:
        if q["status"] == "misattributed":
            return f"draft: {q.get('speaker')}; source ({q.get('source')}): {q.get('source_speaker')}"
        if q["status"] == "altered":
            return f"{q.get('source')}: {q.get('diff')}"
        if q["status"] == "exact":
            return f"{q.get('source')}" + (f", said by {q['source_speaker']}" if q.get("source_speaker") else "")
        return s.get("reason") or ""
    lead = next((e for e in evs if e["stance"] == ("contradicts" if s["verdict"] == "contradicted" else "supports")),
                None)
    if s["verdict"] in ("contradicted", "disputed"):
        lead = lead or next((e for e in evs if e["stance"] == "contradicts"), None)
    if lead:
        value = f" (source says {lead['source_value']})" if lead.get("source_value") and s["verdict"] != "supported" else ""
        return f"{lead['source']}:{lead['line']}{value}: {lead['reason']}"
    return s.get("reason") or ""


def _summary(data: dict[str, Any], console) -> None:
    from rich.text import Text

    sm = data["summary"]
    parts: list[Any] = [(f"{sm['sentences']} sentences, {sm['checked']} checked:  ", "bold")]
    for v, style in VERDICT_STYLE.items():
        parts.append((f"{sm[v]} {v}  ", style))
    console.print(Text.assemble(*parts))
    quotes = sm["quotes"]
    if any(quotes.values()):
        console.print(Text.assemble(("quotations:  ", "bold"),
                                    *[(f"{n} {k}  ", QUOTE_STYLE[k]) for k, n in quotes.items()]))
    not_checked = {k: n for k, n in sm["kinds"].items() if k not in ("claim", "quote")}
    if not_checked:
        console.print(Text("not checked: " + ", ".join(f"{n} {k}" for k, n in not_checked.items()), style="dim"))
