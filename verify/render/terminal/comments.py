"""The terminal view of a ``comments`` report: threads in order, replies indented under their
parents, badges for kind and verdict.

Reader text is untrusted: everything goes in as ``Text`` objects, never as markup.
"""
from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from .check import BADGE, STANCE_STYLE, STYLE, highlight

KIND_STYLE = {"claim": "bold cyan", "opinion": "magenta", "question": "blue", "other": "bright_black"}


def render_comments(data: dict[str, Any], console: Console, *, max_evidence: int = 1) -> None:
    """Threads in order, replies indented under their parents, badges for kind and verdict."""
    _header(data, console)
    by_id = {c["id"]: c for c in data["comments"]}
    depth = _depths(data["comments"], by_id)
    kids: dict[str | None, list[dict[str, Any]]] = {}
    for c in data["comments"]:
        kids.setdefault(c.get("parent_id") if c.get("parent_id") in by_id else None, []).append(c)
    for t in data["threads"]:
        console.print()
        head = Text.assemble(("── thread ", "dim"), (t["id"], "dim"), " ")
        for f in t["flags"]:
            head.append(f"⚑ {f}  ", style="bold yellow")
        console.print(head)
        stack = [by_id[t["id"]]] if t["id"] in by_id else []
        while stack:
            c = stack.pop()
            stack.extend(reversed(kids.get(c["id"], [])))
            _comment(c, console, (0, 0, 0, 2 + 4 * min(depth[c["id"]], 6)), max_evidence)
    if data.get("skipped"):
        console.print()
        console.print(Text(f"Skipped ({len(data['skipped'])}):", style="bold yellow"))
        for sk in data["skipped"]:
            console.print(Text.assemble(("  • ", "yellow"), sk["what"], ": ", sk["reason"]))


def _header(data: dict[str, Any], console: Console) -> None:
    """The counts and the article."""
    s = data["summary"]
    console.print(Text.assemble(("Comments: ", "bold"), f"{s['comments']} in {s['threads']} thread(s); ",
                                (f"{s['need_attention']} need a moderator's attention", "bold yellow"
                                 if s["need_attention"] else "green")))
    console.print(Text("  " + ", ".join(f"{n} {k}" for k, n in s["kinds"].items() if n)
                       + "  |  " + ", ".join(f"{n} {v}" for v, n in s["verdicts"].items() if n), style="dim"))
    console.print(Text.assemble(("Article: ", "bold"), data.get("article") or ""))


def _depths(comments: list[dict[str, Any]], by_id: dict[str, dict[str, Any]]) -> dict[str, int]:
    """How deep each comment sits in its thread (capped: a parent loop cannot hang the view)."""
    depth: dict[str, int] = {}
    for c in comments:
        d, cur = 0, c
        while cur.get("parent_id") in by_id and d < 50:
            cur, d = by_id[cur["parent_id"]], d + 1
        depth[c["id"]] = d
    return depth


def _comment(c: dict[str, Any], console: Console, pad: tuple[int, int, int, int], max_evidence: int) -> None:
    """One comment: its badges and byline, its text, why it is of its kind, its claims."""
    line = Text("↳ " if c.get("parent_id") else "")
    line.append(f" {c['kind'].upper()} ", style="reverse " + KIND_STYLE.get(c["kind"], ""))
    line.append(" ")
    if c["verdict"]:
        line.append(BADGE[c["verdict"]], style=STYLE[c["verdict"]])
        line.append(" ")
    line.append(c["author"] or "anonymous", style="bold")
    line.append(f"  {c['id']}  {c['date']}", style="dim")
    for f in c["flags"]:
        line.append(f"  ⚑ {f}", style="yellow")
    console.print(Padding(line, pad))
    console.print(Padding(Text(c["text"]), pad))
    console.print(Padding(Text(f"why {c['kind']}: {c['reason']}", style="dim italic"), pad))
    for k in c["claims"]:
        console.print(Padding(Text.assemble("• ", (BADGE[k["verdict"]], STYLE[k["verdict"]]), " ",
                                            k["claim"]), pad))
        shown = [e for e in k["evidence"] if e["stance"] != "related"][:max_evidence]
        for e in shown:
            cite = Text.assemble(("  ", ""), (e["stance"], STANCE_STYLE[e["stance"]]), " ",
                                 (f"{e['source']}:{e['line']}", "cyan"), ("  " + e["reason"], "italic"))
            console.print(Padding(cite, pad))
            console.print(Padding(Text("    ") + highlight(e["passage"], e.get("matched", []),
                                                          [e.get("source_value")]), pad))
        if not shown:
            reason = k.get("reason") or "no decisive passage"
            console.print(Padding(Text("  " + reason, style="dim"), pad))
