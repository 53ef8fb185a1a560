"""`verify comments`: the moderator's view of a comment export or an article page's comment
section, thread by thread.

Reader text is untrusted: the terminal view builds ``Text`` objects (never markup from
comment text) and the CSV neutralises spreadsheet formulas.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Any

import click

from .options import corpus_options, fetch_options, make_fetch_options, stance_options

FORMATS = ["terminal", "json", "csv", "markdown", "html"]
KIND_STYLE = {"claim": "bold cyan", "opinion": "magenta", "question": "blue", "other": "bright_black"}


@click.command()
@click.argument("comments", type=str)
@click.option("--article", "-a", default=None, metavar="FILE|URL",
              help="The article the comments are under; always one of the sources. Required for "
                   "an export; for an article page it defaults to the page itself.")
@corpus_options(FORMATS)
@fetch_options
@stance_options
def comments_command(comments: str, article: str | None, sources: tuple[str, ...], cache: str | None,
                     fmt: str, output: str | None, no_color: bool, offline: bool, refresh: bool,
                     ignore_robots: bool, allow_private: bool, stance: str,
                     stance_model: str | None) -> None:
    """Sort the reader comments in COMMENTS into claims, opinions and questions, check the
    claims against the article and sources, and flag threads that argue about facts.

    COMMENTS is a CSV, JSON or JSONL export (id, parent_id, author, date, text), or an
    article page (.html file or URL) whose comment section is read."""
    from ..pipeline.comments import assess
    from .output import check_output

    check_output(output, comments, article, *sources)
    data = assess(comments, article, list(sources), cache=cache,
                  fetch_options=make_fetch_options(offline, refresh, ignore_robots, allow_private),
                  stance=stance, stance_model=stance_model).to_dict()
    if fmt == "terminal":
        if output and output != "-":
            with open(output, "w", encoding="utf-8") as fh:
                render_terminal(data, _console(file=fh, no_color=True))
        else:
            render_terminal(data, _console(no_color=no_color))
    else:
        text = render_text(data, fmt)
        from .output import write_output

        write_output(text, output)
    for s in data["skipped"]:
        click.echo(f"verify: skipped {s['what']}: {s['reason']}", err=True)


def render_text(data: dict[str, Any], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return to_csv(data)
    if fmt == "markdown":
        from ..render.markdown import render_markdown
        return render_markdown(data)
    from ..render.html import render_html
    return render_html(data)


def to_csv(data: dict[str, Any]) -> str:
    """One row per comment: kind, verdict, the claims checked and the best evidence."""
    from ..render.terminal import csv_cell

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["id", "parent_id", "thread", "author", "date", "kind", "verdict", "flags", "claims",
                "evidence", "reason", "text"])
    for c in data["comments"]:
        claims = " | ".join(f"{k['verdict']}: {k['claim']}" for k in c["claims"])
        cites = []
        for k in c["claims"]:
            best = next((e for e in k["evidence"] if e["stance"] != "related"), None)
            if best:
                cites.append(f"{best['stance']} {best['source']}:{best['line']}")
        w.writerow([csv_cell(x) for x in (c["id"], c["parent_id"], c["thread"], c["author"], c["date"], c["kind"],
                                       c["verdict"] or "", "; ".join(c["flags"]), claims, " | ".join(cites),
                                       c["reason"], c["text"])])
    return buf.getvalue()


def _console(*, file=None, no_color: bool = False):
    from .options import make_console

    return make_console(file=file, no_color=no_color)


def render_terminal(data: dict[str, Any], console, *, max_evidence: int = 1) -> None:
    """Threads in order, replies indented under their parents, badges for kind and verdict."""
    from rich.padding import Padding
    from rich.text import Text

    from ..render.terminal import BADGE, STANCE_STYLE, STYLE, highlight

    s = data["summary"]
    console.print(Text.assemble(("Comments: ", "bold"), f"{s['comments']} in {s['threads']} thread(s); ",
                                (f"{s['need_attention']} need a moderator's attention", "bold yellow"
                                 if s["need_attention"] else "green")))
    console.print(Text("  " + ", ".join(f"{n} {k}" for k, n in s["kinds"].items() if n)
                       + "  |  " + ", ".join(f"{n} {v}" for v, n in s["verdicts"].items() if n), style="dim"))
    console.print(Text.assemble(("Article: ", "bold"), data.get("article") or ""))
    by_id = {c["id"]: c for c in data["comments"]}
    depth: dict[str, int] = {}
    for c in data["comments"]:
        d, cur = 0, c
        while cur.get("parent_id") in by_id and d < 50:
            cur, d = by_id[cur["parent_id"]], d + 1
        depth[c["id"]] = d
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
            pad = (0, 0, 0, 2 + 4 * min(depth[c["id"]], 6))
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
                    console.print(Padding(Text("  " + (k.get("reason") or "no decisive passage"), style="dim"), pad))
    if data.get("skipped"):
        console.print()
        console.print(Text(f"Skipped ({len(data['skipped'])}):", style="bold yellow"))
        for sk in data["skipped"]:
            console.print(Text.assemble(("  • ", "yellow"), sk["what"], ": ", sk["reason"]))
