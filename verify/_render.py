"""The terminal report (rich) and the plain formats (JSON, CSV).

Every piece of claim and source text is escaped before it meets rich markup: a source that
contains ``[bold]`` or ``[/x]`` prints literally.
"""
from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ._model import VERDICTS, Report

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


def render_terminal(report: dict[str, Any], console: Console, *, max_evidence: int = 2) -> None:
    """Print the report: corpus line, summary, each claim with its best evidence, skips."""
    corpus = report["corpus"]
    console.print(f"[bold]Corpus:[/] {corpus['sources']} source(s), {corpus['passages']:,} passages")
    for s in report["sources"]:
        console.print(f"  [dim]•[/] {escape(s['id'])} [dim]— {escape(s.get('title') or '')}[/]")
    summary = Table.grid(padding=(0, 2))
    summary.add_row(*[Text(f"{report['summary'][v]} {v}", style=STYLE[v]) for v in VERDICTS])
    console.print(summary)
    console.print()
    for c in report["claims"]:
        console.print(_claim_panel(c, max_evidence))
    if report.get("skipped"):
        console.print(f"[bold yellow]Skipped ({len(report['skipped'])}):[/]")
        for s in report["skipped"]:
            console.print(f"  [yellow]•[/] {escape(s['what'])}: {escape(s['reason'])}")


def _claim_panel(c: dict[str, Any], max_evidence: int) -> Panel:
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
            parts.append(Text.assemble(("  ", ""), (f"{e['source']}:{e['line']}", "cyan"),
                                       ("  " + e["reason"], "italic")))
            parts.append(Text("    ") + highlight(e["passage"], e.get("matched", []),
                                                   [e.get("source_value")]))
    if not any(e["stance"] in ("supports", "contradicts") for e in c["evidence"]):
        rel = [e for e in c["evidence"] if e["stance"] == "related"][:1]
        parts.append(Text(c.get("reason") or "no decisive passage", style="dim"))
        for e in rel:
            parts.append(Text.assemble(("  closest: ", "dim"), (f"{e['source']}:{e['line']}", "cyan"),
                                       ("  " + e["reason"], "dim italic")))
    return Panel(Group(*parts), border_style=STYLE[verdict].split()[-1], expand=True)


def to_json(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def to_csv(report: dict[str, Any]) -> str:
    """One row per claim: the verdict, the best evidence each way, and the input's own columns."""
    extra = sorted({k for c in report["claims"] for k in c.get("fields", {})})
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow([csv_cell(h) for h in
                ["id", "claim", "verdict", "confidence", "supporting", "contradicting", "reason", *extra]])
    for c in report["claims"]:
        best = {s: next((e for e in c["evidence"] if e["stance"] == s), None)
                for s in ("supports", "contradicts")}
        cite = {s: f"{e['source']}:{e['line']}" if e else "" for s, e in best.items()}
        reason = (best["contradicts"] or best["supports"] or {}).get("reason") or c.get("reason", "")
        w.writerow([csv_cell(x) for x in (
            c["id"], c["claim"], c["verdict"], c["confidence"], cite["supports"], cite["contradicts"],
            reason, *[c.get("fields", {}).get(k, "") for k in extra])])
    return buf.getvalue()


def csv_cell(value: Any) -> str:
    """One CSV cell, neutralised against spreadsheet formulas: every cell of every CSV we
    write passes here (ids, source names and the input's own columns are untrusted too)."""
    s = "" if value is None else str(value)
    return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r") else s


def report_dict(report: Report | dict[str, Any]) -> dict[str, Any]:
    return report if isinstance(report, dict) else report.to_dict()
