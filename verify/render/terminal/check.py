"""The terminal view of a ``check`` report (rich), and the styles the other terminal views share.

Every piece of claim and source text is escaped before it meets rich markup: a source that
contains ``[bold]`` or ``[/x]`` prints literally.
"""
from __future__ import annotations

import re
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from ...model import VERDICTS

STYLE = {"supported": "bold green", "contradicted": "bold red", "disputed": "bold yellow",
         "unverified": "bold bright_black"}
BADGE = {"supported": "✔ SUPPORTED", "contradicted": "✘ CONTRADICTED", "disputed": "⚠ DISPUTED",
         "unverified": "? UNVERIFIED"}
STANCE_STYLE = {"supports": "green", "contradicts": "red", "related": "bright_black"}


def highlight(passage: str, matched: list[str], values: list[str | None]) -> Text:
    """Passage text with the claim's matched words and the compared values highlighted.
    Built with ``Text`` spans, never markup, so the passage cannot inject styles."""
    text = Text(passage)
    low = passage.lower()
    for v in values:
        if v:
            k = low.find(v.lower())
            if k >= 0:
                text.stylize("bold reverse", k, k + len(v))
    for stem in matched:
        if len(stem) < 3:
            continue
        for m in re.finditer(r"\b" + re.escape(stem) + r"\w*", low):
            text.stylize("bold underline", m.start(), m.end())
    return text


SOURCES_LISTED = 5


def render_terminal(report: dict[str, Any], console: Console, *, max_evidence: int = 2) -> None:
    """Print the report: the summary first, a few sources ("and N more": all of them are in
    the JSON), then each claim with its best evidence, then the skips.

    On a terminal each claim is a panel; piped or written to a file the report is
    line-oriented, as ripgrep's is: one block per claim, one line per piece of evidence,
    nothing wrapped or boxed, so the output is the same at any terminal width."""
    corpus = report["corpus"]
    console.print(Text.assemble(("Corpus:", "bold"), f" {corpus['sources']} source(s), "
                                f"{corpus['passages']:,} passages"), soft_wrap=True)
    console.print(Text("  ").join(Text(f"{report['summary'][v]} {v}", style=STYLE[v]) for v in VERDICTS),
                  soft_wrap=True)
    sources = report["sources"]
    for s in sources[:SOURCES_LISTED]:
        console.print(Text.assemble(("  • ", "dim"), s["id"], (f" — {s.get('title') or ''}", "dim")),
                      soft_wrap=True)
    if len(sources) > SOURCES_LISTED:
        console.print(Text(f"  and {len(sources) - SOURCES_LISTED:,} more (all of them in --format json)",
                           style="dim"), soft_wrap=True)
    console.print()
    for c in report["claims"]:
        if console.is_terminal:
            console.print(_claim_panel(c, max_evidence, console.width - 6))
        else:
            for line in _claim_lines(c, max_evidence):
                console.print(line, soft_wrap=True)
            console.print()
    if report.get("skipped"):
        console.print(Text(f"Skipped ({len(report['skipped'])}):", style="bold yellow"), soft_wrap=True)
        for s in report["skipped"]:
            console.print(Text.assemble(("  • ", "yellow"), f"{s['what']}: {s['reason']}"), soft_wrap=True)


def _one_line(value: Any) -> str:
    return " ".join(str(value or "").split())


def _claim_lines(c: dict[str, Any], max_evidence: int) -> list[Text]:
    """A claim as lines for a pipe or a file: the verdict line, then one line per passage
    (``stance path:line: reason: passage``), or the reason when nothing was decisive."""
    verdict = c["verdict"]
    lines = [Text.assemble((BADGE[verdict], STYLE[verdict]), f"  {c['confidence']:.0%}  ",
                           (f"[{_one_line(c['id'])}] ", "dim"), _one_line(c["claim"]))]
    shown = False
    for stance in ("supports", "contradicts"):
        for e in [e for e in c["evidence"] if e["stance"] == stance][:max_evidence]:
            shown = True
            lines.append(Text.assemble(("  " + stance + " ", STANCE_STYLE[stance]),
                                       (f"{e['source']}:{e['line']}", "cyan"),
                                       f": {_one_line(e['reason'])}: ", _one_line(e["passage"])))
    if not shown:
        lines.append(Text("  " + _one_line(c.get("reason") or "no decisive passage"), style="dim"))
        for e in [e for e in c["evidence"] if e["stance"] == "related"][:1]:
            lines.append(Text.assemble(("  closest ", "dim"), (f"{e['source']}:{e['line']}", "cyan"),
                                       f": {_one_line(e['reason'])}: ", _one_line(e["passage"])))
    return lines


def _cite(e: dict[str, Any], room: int) -> Text:
    """``path:line`` on one line whatever the width: a path too long for the panel loses its
    head ('…/deep/name.txt:12'), never its line number (the JSON report has it whole)."""
    cite = f"{e['source']}:{e['line']}"
    if len(cite) > room > 10:
        cite = "…" + cite[len(cite) - room + 1:]
    return Text(cite, style="cyan", no_wrap=True, overflow="ignore")


def _claim_panel(c: dict[str, Any], max_evidence: int, width: int = 200) -> Panel:
    verdict = c["verdict"]
    head = Text.assemble((BADGE[verdict], STYLE[verdict]), f"  {c['confidence']:.0%}  ",
                         (f"[{c['id']}] ", "dim"), c["claim"])
    parts: list[Any] = [head]
    for stance in ("supports", "contradicts"):
        items = [e for e in c["evidence"] if e["stance"] == stance][:max_evidence]
        n_src = len(c.get(f"sources_{'supporting' if stance == 'supports' else 'contradicting'}", []))
        if items:
            parts.append(Text(f"{stance} ({n_src} source{'s' if n_src != 1 else ''}):",
                              style=STANCE_STYLE[stance]))
        for e in items:
            parts.append(Text("  ") + _cite(e, width - 2))
            parts.append(Text("  " + e["reason"], style="italic"))
            parts.append(Text("    ") + highlight(e["passage"], e.get("matched", []),
                                                   [e.get("source_value")]))
    if not any(e["stance"] in ("supports", "contradicts") for e in c["evidence"]):
        rel = [e for e in c["evidence"] if e["stance"] == "related"][:1]
        parts.append(Text(c.get("reason") or "no decisive passage", style="dim"))
        for e in rel:
            parts.append(Text("  closest: ", style="dim") + _cite(e, width - 11))
            parts.append(Text("  " + e["reason"], style="dim italic"))
    return Panel(Group(*parts), border_style=STYLE[verdict].split()[-1], expand=True)
