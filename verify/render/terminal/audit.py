"""The terminal view of an ``audit`` report: the draft re-printed sentence by sentence, every
checked one marked.
"""
from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.text import Text

VERDICT_STYLE = {"supported": "green", "contradicted": "red", "disputed": "yellow",
                 "unverified": "bright_black"}
QUOTE_STYLE = {"exact": "green", "altered": "yellow", "misattributed": "red", "not-found": "bright_black"}
VERDICT_MARK = {"supported": "✔ supported", "contradicted": "✘ contradicted", "disputed": "⚠ disputed",
                "unverified": "? unverified"}
QUOTE_MARK = {"exact": "❝ exact quote", "altered": "❝ altered quote", "misattributed": "❝ misattributed",
              "not-found": "❝ quote not found"}


def render_audit(data: dict[str, Any], console: Console) -> None:
    """The draft sentence by sentence: checked ones coloured with a mark and the reason
    (with the source's value or the word diff), the rest dimmed; then the summary.
    Everything from the draft or a source goes in as ``Text``, never as markup."""
    last_line = 0
    for s in data["statements"]:
        if last_line and s["line"] > last_line:
            _print(console)
        last_line = s["line"]
        q = s.get("quote")
        if q:
            style, mark = QUOTE_STYLE.get(q["status"], "white"), QUOTE_MARK.get(q["status"], q["status"])
        elif s.get("verdict"):
            verdict = s["verdict"]
            style, mark = VERDICT_STYLE.get(verdict, "white"), VERDICT_MARK.get(verdict, verdict)
        else:
            _print(console, Text(s["text"], style="dim"), Text(f"  [{s['kind']}]", style="dim italic"))
            continue
        _print(console, Text.assemble((f"[{mark}] ", f"bold {style}"), (s["text"], style)))
        detail = _detail(s)
        if detail:
            _print(console, Text("    " + detail, style="italic " + style))
    _print(console)
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
            said = f", said by {q['source_speaker']}" if q.get("source_speaker") else ""
            return f"{q.get('source')}{said}"
        return s.get("reason") or ""
    side = "contradicts" if s["verdict"] == "contradicted" else "supports"
    lead = next((e for e in evs if e["stance"] == side), None)
    if s["verdict"] in ("contradicted", "disputed"):
        lead = lead or next((e for e in evs if e["stance"] == "contradicts"), None)
    if lead:
        says = lead.get("source_value") and s["verdict"] != "supported"
        value = f" (source says {lead['source_value']})" if says else ""
        return f"{lead['source']}:{lead['line']}{value}: {lead['reason']}"
    return s.get("reason") or ""


def _summary(data: dict[str, Any], console: Console) -> None:
    sm = data["summary"]
    parts: list[Any] = [(f"{sm['sentences']} sentences, {sm['checked']} checked:  ", "bold")]
    for v, style in VERDICT_STYLE.items():
        parts.append((f"{sm[v]} {v}  ", style))
    _print(console, Text.assemble(*parts))
    quotes = sm["quotes"]
    if any(quotes.values()):
        _print(console, Text.assemble(("quotations:  ", "bold"),
                                    *[(f"{n} {k}  ", QUOTE_STYLE[k]) for k, n in quotes.items()]))
    not_checked = {k: n for k, n in sm["kinds"].items() if k not in ("claim", "quote")}
    if not_checked:
        listed = ", ".join(f"{n} {k}" for k, n in not_checked.items())
        _print(console, Text("not checked: " + listed, style="dim"))


def _print(console: Console, *parts: Any) -> None:
    """One line of the audit: never wrapped or cropped, at any width (the draft's own lines)."""
    console.print(*parts, soft_wrap=True)
