"""Ranks stated by superlatives and comparisons: 'the fourth-largest stadium', 'among the
seven largest operators', 'only two stadiums are larger than X'.

A rank is a figure like any other (kind ``rank``, its unit the adjective's root), so the value
alignment compares it: 'only two larger than X' makes X third, which 'fourth-largest' refutes
and 'among the five largest' allows. Words other than a fixed list of superlatives ending in
-est are not read ('interest', 'forest'), nor is a plain 'the largest' (often 'one of').
"""
from __future__ import annotations

import re

from ..text import UNITS
from .quantities import ORDINALS, Quantity

# superlatives whose comparative is the same root + 'er' (largest / larger)
_EST = ("largest biggest highest tallest longest oldest youngest busiest richest smallest "
        "lowest fastest greatest deepest widest heaviest shortest newest earliest latest "
        "strongest wealthiest poorest closest").split()
_ROOTS = {w: w[:-3] for w in _EST}
_SUP = r"(?:(?:most|least)\s+[a-z]+|" + "|".join(_EST) + r")"
_COMP = r"(?:(?:more|less)\s+[a-z]+|" + "|".join(w[:-3] + "er" for w in _EST) + r")"
_NUM_WORDS = {w: v for w, v in UNITS.items() if 1 <= v <= 20}
_NUM = r"(?:\d{1,3}|" + "|".join(_NUM_WORDS) + r")"
_ORD = r"(?:" + "|".join(w for w in ORDINALS if ORDINALS[w] >= 2) + r"|\d{1,3}(?:st|nd|rd|th))"

_NTH = re.compile(rf"\b(?P<n>{_ORD})[\s-]+(?P<adj>{_SUP})\b", re.IGNORECASE)
_AMONG = re.compile(rf"\b(?:among|one of)\s+the\s+(?P<n>{_NUM})\s+(?P<adj>{_SUP})\b", re.IGNORECASE)
_ONLY = re.compile(rf"\bonly\s+(?P<n>{_NUM})\s+(?:[\w’'-]+\s+){{0,4}}?(?P<adj>{_COMP})\s+than\b",
                   re.IGNORECASE)


def _root(adj: str) -> str:
    """'largest', 'larger' -> 'larg'; 'most populous', 'more populous' -> 'populous'."""
    parts = adj.lower().split()
    if len(parts) == 2:
        return ("-" if parts[0] in ("least", "less") else "") + parts[1]
    w = parts[0]
    return _ROOTS.get(w) or w[:-2]  # 'larger' -> 'larg'


def _number(s: str) -> int | None:
    s = s.lower()
    if s.isdigit():
        return int(s)
    if s in _NUM_WORDS:
        return _NUM_WORDS[s]
    if s in ORDINALS:
        return ORDINALS[s]
    digits = re.sub(r"\D", "", s)
    return int(digits) if digits else None


def extract_ranks(text: str) -> list[Quantity]:
    """Ranks in ``text``, each an interval of positions (1 = the -est one)."""
    out: list[Quantity] = []
    for rx, kind in ((_NTH, "nth"), (_AMONG, "among"), (_ONLY, "only")):
        for m in rx.finditer(text):
            n = _number(m.group("n"))
            if not n:
                continue
            lo, hi = {"nth": (n, n), "among": (1, n), "only": (n + 1, n + 1)}[kind]
            said = m.group(0)[: m.end("adj") - m.start()]  # 'only two stadiums larger'
            out.append(Quantity("rank", _root(m.group("adj")), float(lo), float(hi), said,
                                m.start(), m.end(), float(hi)))
    return sorted(out, key=lambda q: q.start)
