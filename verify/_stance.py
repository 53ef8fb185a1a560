"""Does a passage support, contradict, or merely relate to a claim, and why.

The judgement is conservative by design: calling a claim contradicted accuses someone, so a
contradiction needs (1) a passage about the claim's own subjects, (2) most of the claim's
words, and (3) a specific conflict that can be named: a value the passage gives differently,
or a negation / opposite predicate. Anything less is ``related``.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ._dates import DateValue, compare
from ._facts import ANTONYMS, DENIAL_VERBS, Facts, canon, read_facts_light
from ._text import stem

DENIAL_WORDS = {w for w in ("denied", "denies", "deny", "denying", "rejected", "rejects", "reject",
                            "refuted", "refutes", "dismissed", "dismisses", "disputed", "disputes")
                if stem(w) in DENIAL_VERBS}
from ._quantities import Quantity, agree, same_direction_bounds, same_kind

SUPPORT_COVERAGE = 0.62     # share of the claim's (IDF-weighted) words a supporting passage states
CONTRADICT_COVERAGE = 0.5   # ... and a contradicting one (its values differ, so fewer words match)
POLARITY_COVERAGE = 0.55    # a negation alone is weaker evidence: ask for more of the claim
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
    places = {canon(t) for ent in claim.places for t in ent}
    for t in dict.fromkeys(claim.content):
        w = idf(t) * (0.5 if t in places else 1.0)  # where it happened matters less than what
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
        if ent in claim.places:
            continue  # 'in Bangkok': where it happened, not who it is about
        last = ent[-1]
        if _token_match(last, pool) or all(_token_match(t, pool) for t in ent):
            continue
        if len(ent) > 1 and any(len(t) >= 4 and _token_match(t, pool) for t in ent[1:]):
            continue
        missing.append(" ".join(ent))
    return not missing, missing


_CLAUSE = re.compile(r"[,;:()\[\]]\s|\s[-–—]\s|[“”\"]")


def _predicate_coverage(claim: Facts, passage: Facts, idf: Callable[[str], float]) -> float:
    """Share of the claim's words other than its names that the passage states:
    what is said about the subject, not just who it is about."""
    names = {canon(t) for ent in claim.entities for t in ent}
    pred = [t for t in dict.fromkeys(claim.content) if t not in names]
    if not pred:
        return 1.0
    pool = set(passage.stems)
    return sum(1 for t in pred if _token_match(t, pool)) / len(pred)


def _about_subject(claim: Facts, passage: Facts, context: Facts) -> tuple[bool, list[str]]:
    """The passage is about the claim's named subjects: named in the sentence itself, or in
    the sentences around it when the sentence names nobody else (she, he, the activist)."""
    ok, missing = entities_present(claim, passage)
    if ok:
        return True, []
    claim_tokens = {t for ent in claim.entities for t in ent}
    others = [e for e in passage.entities if not any(_token_match(t, claim_tokens) for t in e)
              and not any(" ".join(e) in sp for sp in passage.speakers) and e not in passage.places]
    if others:
        return False, missing
    return entities_present(claim, context)


def _window(f: Facts, start: int, end: int, size: int = 5, clause: bool = False) -> set[str]:
    """Content stems near a character span (the words that say what a value is about);
    with ``clause``, the window stops at commas and brackets, as a value's noun and verb
    rarely lie beyond them."""
    lo_bound, hi_bound = 0, len(f.text)
    if clause:
        for m in _CLAUSE.finditer(f.text):
            if m.end() <= start:
                lo_bound = m.end()
            elif m.start() >= end:
                hi_bound = m.start()
                break
    left = f.text[lo_bound:start].split()[-size:]
    right = f.text[end:hi_bound].split()[:size]
    return read_facts_light(" ".join(left + [f.text[start:end]] + right))


def _align(items_c: list, items_p: list, claim: Facts, passage: Facts, comparable) -> list[tuple]:
    """Pair each claim value with the passage values about the same thing.

    Two values are about the same thing when the words around them share something other
    than the names (a verb or the counted noun): "200 leaders fled" and "100 members fled"
    are, "three deported" and "40 remain" are not. An age belongs to its person, so for ages
    the names count too. Returns (claim value, aligned agreeing values, aligned others)."""
    names = {t for ent in claim.entities for t in ent}
    name_stems = {canon(t) for t in names}
    out = []
    is_qty = bool(items_c) and isinstance(items_c[0], Quantity)
    size = 6 if is_qty else 12  # a date qualifies the whole sentence, a number its clause
    for c in items_c:
        ctx_c = _window(claim, c.start, c.end, size, is_qty)
        agreeing: list[tuple[int, object]] = []
        others: list[tuple[int, object]] = []
        for p in items_p:
            if not comparable(c, p):
                continue
            ctx_p = _window(passage, p.start, p.end, size, is_qty)
            shared = {t for t in ctx_c if _token_match(t, ctx_p)}
            kinds = {getattr(c, "kind", "date"), getattr(p, "kind", "date")}
            # an age belongs to its person and a date to its sentence: names align them too
            score = len(shared) if kinds & {"age", "date"} else len(shared - name_stems)
            agrees = _values_agree(c, p)
            if "age" in kinds or (agrees and not kinds & {"count", "date"}):
                score += 1  # same unit and same value (money, percent, duration) aligns by itself
            if score < 1 or (not agrees and isinstance(c, Quantity) and score < 2
                             and same_direction_bounds(c, p)):
                continue  # 'more than 150' vs 'more than 200' conflict only about the same thing
            (agreeing if agrees else others).append((score, p))
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
    # words found only in the sentences around (the subject named before 'she') count half
    cov = max(cov, cov + 0.5 * (ctx_cov - cov))
    if max(cov, ctx_cov * 0.85) < RELATED_COVERAGE:
        return Judgement("unrelated", cov, "", matched, coverage=cov)
    subject_ok, missing = _about_subject(claim, passage, context)
    pred = _predicate_coverage(claim, passage, idf)
    both_negated = bool(claim.negations) and bool(passage.negations)

    # 1. values: quantities and dates, each aligned with the passage value about the same thing.
    # "A dissident got 12 years" is true if any dissident did: another's 10 years refutes nothing.
    # So is a claim whose subject points back to something unnamed ('All three remain...').
    existential = claim.words[:1] in (["a"], ["an"], ["some"], ["someone"], ["somebody"], ["he"],
                                      ["she"], ["they"], ["it"], ["all"], ["both"], ["these"], ["those"])
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
                age = "age" in (getattr(c, "kind", ""), getattr(others[0], "kind", ""))
                conflicts.append(("age" if age else kind, c.describe(), others[0].describe()))
            else:
                unconfirmed.append(c.describe())

    # 2. polarity: negation cues near the matched words, and opposite predicates
    flip, cue = _polarity(claim, passage)

    if conflicts and subject_ok and cov >= CONTRADICT_COVERAGE and (pred >= 0.5 or conflicts[0][0] == "age"):
        kind, cv, sv = conflicts[0]
        score = min(1.0, 0.45 + 0.55 * cov)
        return Judgement("contradicts", score, f"claim says {cv}; source says {sv}", matched,
                         claim_value=cv, source_value=sv, coverage=cov)
    if flip and subject_ok and cov >= POLARITY_COVERAGE and pred >= 0.6 and not conflicts:
        score = min(1.0, 0.35 + 0.55 * cov)
        return Judgement("contradicts", score, f"source {cue}", matched, coverage=cov)
    if (cov >= SUPPORT_COVERAGE and (pred >= 0.4 or both_negated) and not conflicts and not flip and not unconfirmed
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
    """True when the passage asserts the opposite of the claim: a word both state is negated
    in one and not the other, or the claim negates and the passage affirms without negating
    anything, or the passage uses an opposite predicate."""
    c_neg = {claim.stems[i]: cue for i, cue in zip(claim.negations, claim.cue_words)}
    p_neg = {passage.stems[i]: cue for i, cue in zip(passage.negations, passage.cue_words)}
    pstems = set(passage.stems)
    names = {canon(t) for ent in claim.entities for t in ent}
    flipped = [s for s in dict.fromkeys(claim.content)
               if s not in names and s in pstems and (s in c_neg) != (s in p_neg)]
    denial = [s for s in flipped if p_neg.get(s, c_neg.get(s, "")).split()[0] in DENIAL_WORDS]
    # a denial covers a clause: it must cover at least two of the claim's own words
    if flipped and (len(denial) >= 2 or len(denial) < len(flipped)):
        s = next(w for w in flipped if w not in denial or len(denial) >= 2)
        return True, (f"negates: '{p_neg[s]}'" if s in p_neg else f"affirms what the claim negates ('{c_neg[s]}')")
    if c_neg and not (set(c_neg) & pstems) and not p_neg:
        return True, f"affirms what the claim negates ('{next(iter(c_neg.values()))}')"
    for s in claim.content:
        opposite = ANTONYMS.get(s)
        if opposite and s not in pstems and opposite & pstems and s not in c_neg:
            return True, f"says the opposite: '{next(iter(opposite & pstems))}' vs '{s}'"
    return False, ""
