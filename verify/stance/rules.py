"""The rules as a stance: ``verify._stance.judge`` over each candidate sentence, and over the
sentence joined with a neighbour when support spans two."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from .._stance import Judgement, confirmed_values, judge
from ..model import Passage
from ..reading.dates import last_year, parse_published
from ..reading.facts import Facts, read_facts
from ..reading.spelling import respell_units
from ..reading.subject import entities_present
from ..retrieval.index import index_terms
from ._types import Candidate, Judged

PREFILTER_COVERAGE = 0.15


CHECKS = ("values", "polarity", "coverage")


class RulesStance:
    """Hand-written checks: values, polarity, subjects and word coverage.

    Each judgement names the check that decided it (``Judgement.check``): ``values:<kind>``
    (a quantity, date, age or name the passage gives differently, or the claim's values
    confirmed), ``polarity`` (a negation or an opposite predicate), ``coverage`` (the claim's
    words stated). ``off`` switches checks off: what such a check decided becomes ``related``.
    """
    name = "rules"

    def __init__(self, off: frozenset[str] | set[str] = frozenset()) -> None:
        unknown = set(off) - set(CHECKS)
        if unknown:
            raise ValueError(f"unknown rule checks {sorted(unknown)}: choose from {', '.join(CHECKS)}")
        self.off = frozenset(off)

    def judge(self, claim: str, candidates: Sequence[Candidate],
              idf: Callable[[str], float]) -> list[Judged]:
        facts_c = read_facts(respell_units(claim))  # '30 yers old' is read as an age
        judged = [j for j in (self.judge_one(facts_c, cand, idf) for cand in candidates) if j is not None]
        if "values" not in self.off:
            confirm_across(facts_c, judged, candidates)
        return [j for j in judged if j.judgement.label != "unrelated"]

    def judge_one(self, claim: Facts, cand: Candidate, idf: Callable[[str], float],
                  look: float | None = None) -> Judged | None:
        """The rules' judgement of one candidate; None when it shares too few of the claim's
        words to be worth judging (``look``: its ``first_look``, when already computed)."""
        around, passage, src = cand.around, cand.passage, cand.source
        if (first_look(claim, around, idf) if look is None else look) < PREFILTER_COVERAGE:
            return None
        published = parse_published(src.published) if src else None
        # the sentences around are the whole document, and its title adds no name to them
        whole = (around[0].index == 0 and around[-1].index == passage.index
                 and (src is None or " ".join(src.title.split()) in " ".join(
                     " ".join(q.text for q in around).split())))
        j, span = judge_spans(claim, passage, around, published, idf, whole)
        if j.label in ("supports", "contradicts") and j.check.split(":")[0] in self.off:
            j = replace(j, label="related", score=j.coverage * 0.5,
                        reason=f"{j.reason} (the {j.check} check is off)")
        return Judged(j, span, cand)


def first_look(claim: Facts, around: list[Passage], idf: Callable[[str], float]) -> float:
    """The IDF-weighted share of the claim's words (exact stems) the passage and its
    neighbours hold: cheap, read before any passage is read in full. Below
    ``PREFILTER_COVERAGE`` a passage is not worth judging; exact stems only, so it errs towards
    judging (the rules, matching words fuzzily, call a passage unrelated below about a third)."""
    present = set(index_terms(" ".join(q.text for q in around)))
    total = hit = 0.0
    for t in set(claim.content):
        w = idf(t)
        total += w
        hit += w if t in present else 0.0
    return 1.0 if total == 0 else hit / total


def judge_spans(claim: Facts, p: Passage, around: list[Passage], published,
                idf: Callable[[str], float], whole: bool = False) -> tuple[Judgement, Passage]:
    """Judge the sentence alone, then joined with a neighbour when evidence spans two."""
    context = read_facts(" ".join(q.text for q in around), published)
    before = " ".join(q.text for q in around if q.index < p.index)
    anchor = last_year(before) if "year" in p.text else None
    best = judge(claim, read_facts(p.text, published, anchor), context, idf, whole), p
    if best[0].label in ("supports", "contradicts") or best[0].coverage < 0.3:
        return best
    for q in around:
        if abs(q.index - p.index) != 1 or q.para != p.para:
            continue
        first, second = (q, p) if q.index < p.index else (p, q)
        joined = Passage(p.source_id, first.index, first.text + " " + second.text,
                         first.start, second.end, first.line, p.para)
        j = judge(claim, read_facts(joined.text, published), context, idf, whole)
        # only support may span two sentences: a conflict stitched across them is too risky
        if j.label == "supports" and j.score > best[0].score:
            j.score *= 0.95  # a little less sure when it takes two sentences
            best = j, joined
    return best


def confirm_across(claim: Facts, judged: list[Judged], candidates: Sequence[Candidate]) -> None:
    """A passage stating all a claim says but some of its figures supports it when other
    passages of the same source, about the claim's subject, state those figures: a report
    spreads one event over several sentences ('the 43-year-old man had suffered...', 'he had
    switched to a feather duvet'). Upgrades such judgements in place."""
    read: dict[tuple[str, int], tuple[set[str], bool]] = {}
    for k, j in enumerate(judged):
        r = j.judgement
        if not r.pending:
            continue
        where: dict[str, Passage] = {}
        for cand in candidates:
            p = cand.passage
            if p.source_id != j.passage.source_id or (p.start < j.passage.end and j.passage.start < p.end):
                continue
            key = (p.source_id, p.index)
            if key not in read:
                published = parse_published(cand.source.published) if cand.source else None
                around = read_facts(" ".join(q.text for q in cand.around), published)
                read[key] = (confirmed_values(claim, read_facts(p.text, published)),
                             entities_present(claim, around)[0])
            values, about = read[key]
            for v in r.pending:
                if about and v in values:
                    where.setdefault(v, p)
        if set(r.pending) <= set(where):
            lines = ", ".join(str(n) for n in sorted({p.line for p in where.values()}))
            judged[k] = replace(j, judgement=replace(
                r, label="supports", score=round(min(1.0, 0.3 + 0.6 * r.coverage) * 0.9, 3), pending=(),
                check="values:document",
                reason=(f"states the claim's key words ({', '.join(r.matched[:4])}); the same source "
                        f"gives {', '.join(r.pending[:3])} (line {lines})")))
