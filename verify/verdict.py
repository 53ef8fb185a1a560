"""From judged passages to one verdict per claim, with a confidence.

Evidence is grouped first: near-duplicate passages (a syndicated article in two sources)
count once, so one story copied five times is not five independent confirmations.
"""
from __future__ import annotations

from rapidfuzz import fuzz

from .model import Evidence
from .text import norm


def independent_groups(evidence: list[Evidence]) -> list[list[Evidence]]:
    """Evidence grouped by near-identical passage text."""
    groups: list[list[Evidence]] = []
    keys: list[str] = []
    for ev in evidence:
        k = norm(ev.passage)
        for g, key in zip(groups, keys):
            if fuzz.ratio(k, key) >= 90:
                g.append(ev)
                break
        else:
            groups.append([ev])
            keys.append(k)
    return groups


def independent_sources(evidence: list[Evidence]) -> int:
    """How many independent sources stand behind ``evidence``: passages of one source count
    once, and so do sources that carry the same passage (a syndicated story)."""
    parent = list(range(len(evidence)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for i, ev in enumerate(evidence):
        parent[find(i)] = find(first.setdefault(ev.source, i))
    index = {id(ev): i for i, ev in enumerate(evidence)}
    for group in independent_groups(evidence):
        for ev in group[1:]:
            parent[find(index[id(ev)])] = find(index[id(group[0])])
    return len({find(i) for i in range(len(evidence))})


def decide(evidence: list[Evidence]) -> tuple[str, float, str]:
    """Verdict, confidence and a one-line reason from the judged evidence."""
    sup = [e for e in evidence if e.stance == "supports"]
    con = [e for e in evidence if e.stance == "contradicts"]
    if not sup and not con:
        rel = max((e.score for e in evidence), default=0.0)
        return "unverified", round(max(0.2, 0.6 - rel), 3), "no passage states or contradicts it"
    s_best = max((e.score for e in sup), default=0.0)
    c_best = max((e.score for e in con), default=0.0)
    n_s = independent_sources(sup)
    n_c = independent_sources(con)
    if sup and con:
        distinct = (
            {e.source for e in sup} != {e.source for e in con}
            or {e.voice for e in sup} != {e.voice for e in con}
        )
        # a contradiction accuses: a confirmation, even a weaker one and even in the same
        # source, makes the claim disputed rather than false; a weaker contradiction in the
        # same source does not dent a support (it is more likely our misreading)
        if c_best > s_best or (distinct and min(s_best, c_best) >= 0.55 * max(s_best, c_best)):
            conf = 0.5 + 0.3 * min(s_best, c_best)
            return "disputed", round(conf, 3), (
                f"{_sources(n_s)} support it and {_sources(n_c)} contradict it")
        if s_best >= c_best:
            con.clear()
        else:
            sup.clear()
    if sup:
        conf = min(0.99, s_best * (1 - 0.5 ** (n_s + 1)) + 0.05 * (n_s - 1))
        return "supported", round(conf, 3), f"supported by {_sources(n_s, 'independent ')}"
    conf = min(0.99, c_best * (1 - 0.5 ** (n_c + 1)) + 0.05 * (n_c - 1))
    return "contradicted", round(conf, 3), con[0].reason


def _sources(n: int, kind: str = "") -> str:
    return f"{n} {kind}source{'s' if n != 1 else ''}"
