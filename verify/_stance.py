"""Does a passage support, contradict, or merely relate to a claim, and why.

The judgement is conservative by design: calling a claim contradicted accuses someone, so a
contradiction needs (1) a passage about the claim's own subjects, (2) most of the claim's
words, and (3) a specific conflict that can be named: a value the passage gives differently,
or a negation / opposite predicate. Anything less is ``related``.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ._dates import DateValue, compare
from ._facts import ANTONYMS, Facts, canon, read_facts_light
from ._quantities import Quantity, agree, same_kind

SUPPORT_COVERAGE = 0.62     # share of the claim's (IDF-weighted) words a supporting passage states
CONTRADICT_COVERAGE = 0.5   # ... and a contradicting one (its values differ, so fewer words match)
POLARITY_COVERAGE = 0.72    # a negation alone is weaker evidence: ask for more of the claim
RELATED_COVERAGE = 0.3


@dataclass
class Judgement:
    label: str                     # supports | contradicts | related | unrelated
    score: float
    reason: str
    matched: list[str] = field(default_factory=list)
    claim_value: str | None = None
    source_value: str | None = None
    coverage: float = 0.0


def _token_match(t: str, pool: set[str]) -> str | None:
    if t in pool:
        return t
    if len(t) >= 4:
        for p in pool:
            if len(p) >= 4 and (p.startswith(t) or t.startswith(p)) and min(len(p), len(t)) >= 0.6 * max(len(p), len(t)):
                return p
        if len(t) >= 5:
            for p in pool:
                if len(p) >= 5 and fuzz.ratio(t, p) >= 85:
                    return p
    return None


def coverage(claim: Facts, passage: Facts, idf: Callable[[str], float]) -> tuple[float, list[str]]:
    """IDF-weighted share of the claim's content words found in the passage (fuzzily)."""
    pool = set(passage.stems)
    total = hit = 0.0
    matched: list[str] = []
    for t in dict.fromkeys(claim.content):
        w = idf(t)
        total += w
        m = _token_match(t, pool)
        if m:
            hit += w
            matched.append(t)
    return (hit / total if total else 0.0), matched


def entities_present(claim: Facts, context: Facts) -> tuple[bool, list[str]]:
    """Every named entity of the claim is mentioned in the context (surname or full name,
    diacritics and spelling variants tolerated). Returns the entities missing."""
    pool = set(context.words)
    missing = []
    for ent in claim.entities:
        last = ent[-1]
        if _token_match(last, pool) or all(_token_match(t, pool) for t in ent):
            continue
        if len(ent) > 1 and any(len(t) >= 4 and _token_match(t, pool) for t in ent[1:]):
            continue
        missing.append(" ".join(ent))
    return not missing, missing


def _window(f: Facts, start: int, end: int, size: int = 5) -> set[str]:
    """Content stems near a character span (the words that say what a value is about)."""
    lo = len(f.text[:start].split())
    hi = len(f.text[:end].split())
    toks = f.text.split()
    near = " ".join(toks[max(0, lo - size): hi + size])
    return read_facts_light(near)


def _align(items_c: list, items_p: list, claim: Facts, passage: Facts, comparable) -> list[tuple]:
    """Pair each claim value with the passage values about the same thing.

    Two values are about the same thing when the words around them share something other
    than the names (a verb or the counted noun): "200 leaders fled" and "100 members fled"
    are, "three deported" and "40 remain" are not. An age belongs to its person, so for ages
    the names count too. Returns (claim value, aligned agreeing values, aligned others)."""
    names = {t for ent in claim.entities for t in ent}
    name_stems = {canon(t) for t in names}
    out = []
    size = 6 if items_c and isinstance(items_c[0], Quantity) else 12  # dates qualify a clause
    for c in items_c:
        ctx_c = _window(claim, c.start, c.end, size)
        agreeing: list[tuple[int, object]] = []
        others: list[tuple[int, object]] = []
        for p in items_p:
            if not comparable(c, p):
                continue
            shared = ctx_c & _window(passage, p.start, p.end, size)
            is_age = "age" in (getattr(c, "kind", ""), getattr(p, "kind", ""))
            score = len(shared) if is_age else len(shared - name_stems)
            if score < 1:
                continue
            (agreeing if _values_agree(c, p) else others).append((score, p))
        agreeing.sort(key=lambda t: -t[0])
        others.sort(key=lambda t: -t[0])
        out.append((c, [p for _, p in agreeing], [p for _, p in others]))
    return out


def _values_agree(c, p) -> bool:
    if isinstance(c, Quantity):
        return agree(c, p)
    return compare(c, p) is not False


def _date_comparable(c: DateValue, p: DateValue) -> bool:
    return compare(c, p) is not None


def judge(claim: Facts, passage: Facts, context: Facts, idf: Callable[[str], float]) -> Judgement:
    """Stance of one passage (``context`` = the passage with the sentences around it)."""
    cov, matched = coverage(claim, passage, idf)
    ctx_cov, _ = coverage(claim, context, idf)
    if max(cov, ctx_cov * 0.85) < RELATED_COVERAGE:
        return Judgement("unrelated", cov, "", matched, coverage=cov)
    subject_ok, missing = entities_present(claim, context)

    # 1. values: quantities and dates, each aligned with the passage value about the same thing.
    # "A dissident got 12 years" is true if any dissident did: another's 10 years refutes nothing.
    existential = claim.words[:1] in (["a"], ["an"], ["some"], ["someone"], ["somebody"])
    conflicts: list[tuple[str, str, str]] = []
    confirmed: list[tuple[str, str]] = []
    unconfirmed: list[str] = []
    for kind, items_c, items_p, comparable in (
        ("quantity", claim.quantities, passage.quantities, same_kind),
        ("date", claim.dates, passage.dates, _date_comparable),
    ):
        for c, agreeing, others in _align(items_c, items_p, claim, passage, comparable):
            if agreeing:
                confirmed.append((c.describe(), agreeing[0].describe()))
            elif others and not existential:
                conflicts.append((kind, c.describe(), others[0].describe()))
            else:
                unconfirmed.append(c.describe())

    # 2. polarity: negation cues near the matched words, and opposite predicates
    flip, cue = _polarity(claim, passage)

    if conflicts and subject_ok and cov >= CONTRADICT_COVERAGE:
        kind, cv, sv = conflicts[0]
        score = min(1.0, 0.45 + 0.55 * cov)
        return Judgement("contradicts", score, f"claim says {cv}; source says {sv}", matched,
                         claim_value=cv, source_value=sv, coverage=cov)
    if flip and subject_ok and cov >= POLARITY_COVERAGE and not conflicts:
        score = min(1.0, 0.35 + 0.55 * cov)
        return Judgement("contradicts", score, f"source {cue}", matched, coverage=cov)
    if (cov >= SUPPORT_COVERAGE and not conflicts and not flip and not unconfirmed
            and (subject_ok or not claim.entities)):
        score = min(1.0, 0.3 + 0.6 * cov + 0.1 * bool(confirmed))
        if confirmed:
            vals = "; ".join(f"{c} = {s}" if c.lower() != s.lower() else c for c, s in confirmed[:2])
            reason = f"states the same: {vals}"
        else:
            reason = f"states the claim's key words ({', '.join(matched[:5])})"
        return Judgement("supports", score, reason, matched, coverage=cov)
    why = []
    if conflicts:
        why.append(f"claim says {conflicts[0][1]}; source says {conflicts[0][2]}")
        if not subject_ok:
            why.append(f"but it is not about {', '.join(missing)}")
    elif unconfirmed:
        why.append(f"does not state {', '.join(unconfirmed[:2])}")
    elif flip:
        why.append(f"source {cue}")
    else:
        why.append(f"shares {len(matched)} of the claim's words")
    return Judgement("related", cov * 0.5, "; ".join(why), matched, coverage=cov)


def _polarity(claim: Facts, passage: Facts) -> tuple[bool, str]:
    """True when the passage asserts the opposite of the claim (odd number of reversals)."""
    claim_set = set(claim.content)
    anchor = [i for i, s in enumerate(passage.stems) if s in claim_set]
    p_neg = [(i, w) for i, w in zip(passage.negations, passage.cue_words)
             if any(0 < a - i <= 6 for a in anchor) or (w in ("no", "never", "not") and any(abs(a - i) <= 3 for a in anchor))]
    c_anchor = [i for i, s in enumerate(claim.stems) if s in set(passage.stems)]
    c_neg = [i for i in claim.negations if any(0 < a - i <= 6 for a in c_anchor) or not c_anchor]
    flips = (len(p_neg) % 2) != (len(c_neg) % 2)
    if flips:
        cue = (f"negates: '{p_neg[0][1]}'" if p_neg else "affirms what the claim negates")
        return True, cue
    pstems = set(passage.stems)
    for s in claim.content:
        opposite = ANTONYMS.get(s)
        if opposite and s not in pstems and opposite & pstems:
            return True, f"says the opposite: '{next(iter(opposite & pstems))}' vs '{s}'"
    return False, ""
