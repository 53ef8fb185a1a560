"""The plain formats: JSON (the documented shape, as ``to_dict`` gives it) and CSV (one row per
claim of a check, per comment of a comment review).

Every CSV cell passes ``csv_cell``: ids, source names and the input's own columns are
untrusted, and a spreadsheet would run a cell that starts like a formula.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Any


def to_json(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def check_csv(report: dict[str, Any]) -> str:
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


def comments_csv(data: dict[str, Any]) -> str:
    """One row per comment: kind, verdict, the claims checked and the best evidence."""
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
        w.writerow([csv_cell(x) for x in (
            c["id"], c["parent_id"], c["thread"], c["author"], c["date"], c["kind"], c["verdict"] or "",
            "; ".join(c["flags"]), claims, " | ".join(cites), c["reason"], c["text"])])
    return buf.getvalue()
