"""Does a passage support, contradict, or merely relate to a claim, and why.

The judgement is conservative by design: calling a claim contradicted accuses someone, so a
contradiction needs (1) a passage about the claim's own subjects, (2) most of the claim's
words, and (3) a specific conflict that can be named: a value the passage gives differently,
or a negation / opposite predicate. Anything less is ``related``.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ._align import align as _align, date_comparable as _date_comparable, named_count as _named_count
from ._facts import ANTONYMS, DENIAL_VERBS, Facts, canon
from ._paraphrase import swapped_words, title_number_swap
from ._places import elsewhere, place_stated_by, slot_conflicts
from ._quantities import Quantity, is_bound, same_kind
from ._subject import ANAPHOR as _ANAPHOR, about_subject as _about_subject, entities_present
from ._text import stem, token_match as _token_match

DENIAL_WORDS = {w for w in ("denied", "denies", "deny", "denying", "rejected", "rejects", "reject",
                            "refuted", "refutes", "dismissed", "dismisses", "disputed", "disputes")
                if stem(w) in DENIAL_VERBS}

SUPPORT_COVERAGE = 0.62     # share of the claim's (IDF-weighted) words a supporting passage states
CONTRADICT_COVERAGE = 0.5   # ... and a contradicting one (its values differ, so fewer words match)
POLARITY_COVERAGE = 0.55    # a negation alone is weaker evidence: ask for more of the claim
RELATED_COVERAGE = 0.3
GENERIC_CONTRADICT_COVERAGE = 0.75  # ... for a claim that names no one
VALUES_COVERAGE = (0.5, 0.45)  # ... when the passage states one (two) of the claim's figures


@dataclass
class Judgement:
    label: str                     # supports | contradicts | related | unrelated
    score: float
    reason: str
    matched: list[str] = field(default_factory=list)
    claim_value: str | None = None
    source_value: str | None = None
    coverage: float = 0.0


def coverage(claim: Facts, passage: Facts, idf: Callable[[str], float]) -> tuple[float, list[str]]:
    """IDF-weighted share of the claim's content words found in the passage (fuzzily)."""
    pool = set(passage.stems).union(passage.aliases)
    if claim.known_places and passage.known_places:  # 'Thailand' is stated by 'Thai police'
        pool |= {canon(w) for i, j, n in claim.known_places
                 if any(place_stated_by(n, m) for _, _, m in passage.known_places)
                 for w in claim.words[i:j]}
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


_BACK_REFERENCE = frozenset("such this these that those".split())
_SNAPSHOT = ("as of", "by ", "as at")


def _predicate_coverage(claim: Facts, passage: Facts, idf: Callable[[str], float]) -> float:
    """Share of the claim's words other than its names that the passage states:
    what is said about the subject, not just who it is about."""
    names = {canon(t) for ent in claim.entities for t in ent}
    pred = [t for t in dict.fromkeys(claim.content) if t not in names]
    if not pred:
        return 1.0
    pool = set(passage.stems)
    # a word stated by its opposite is still a word the passage speaks to
    return sum(1 for t in pred if _token_match(t, pool) or ANTONYMS.get(t, set()) & pool) / len(pred)


def _is_snippet(passage: Facts, context: Facts) -> bool:
    """The passage is its whole document: nothing around it names a subject (a corpus of
    extracted evidence sentences, each filed under the page it came from)."""
    return context.text.strip() == passage.text.strip()


def _distinctive(claim: Facts, passage: Facts, idf: Callable[[str], float]) -> bool:
    """The passage shares with the claim a word few passages hold: among many snippets that
    fit the same frame ('the film holds an approval rating of 54%'), only one that says
    something particular to the claim may stand for its unnamed subject."""
    unknown = idf("\x00")  # the weight of a word no passage holds: log((N + 1) / 0.5) + 1
    n = 0.5 * math.exp(unknown - 1.0) - 1.0
    rare = max(3.0, 0.005 * n)
    pool = set(passage.stems)
    for t in dict.fromkeys(claim.content):
        if t in pool and (0.5 * math.exp(unknown - idf(t)) - 0.5) <= rare:
            return True
    return False


def _rest_coverage(claim: Facts, passage: Facts, idf: Callable[[str], float], cov: float,
                   matched: list[str]) -> tuple[float, list[str]]:
    """Coverage of the claim without the names the passage leaves out."""
    _, missing = entities_present(claim, passage)
    gone = {canon(t) for ent in missing for t in ent.split()}
    if not gone:
        return cov, matched
    rest = replace(claim, content=[t for t in claim.content if t not in gone])
    if len(set(rest.content)) < 3:
        return cov, matched  # 'X is a dance song': too little left to tell one subject's from another's
    c2, m2 = coverage(rest, passage, idf)
    return (c2, m2) if c2 > cov else (cov, matched)


def judge(claim: Facts, passage: Facts, context: Facts, idf: Callable[[str], float]) -> Judgement:
    """Stance of one passage (``context`` = the passage with the sentences around it)."""
    cov, matched = coverage(claim, passage, idf)
    ctx_cov, _ = coverage(claim, context, idf)
    # words found only in the sentences around (the subject named before 'she') count half
    cov = max(cov, cov + 0.5 * (ctx_cov - cov))
    snippet = _is_snippet(passage, context)
    if max(cov, ctx_cov * 0.85) < RELATED_COVERAGE and not snippet:
        return Judgement("unrelated", cov, "", matched, coverage=cov)
    subject_ok, missing = _about_subject(claim, passage, context)
    # a one-sentence document pointing at its subject ('The film holds 70%') is about whatever
    # it was filed under: judge what it says, not the name it leaves out; provided it says
    # something particular to the claim, as many such snippets fit the same frame
    stand = (_rest_coverage(claim, passage, idf, cov, matched)
             if snippet and subject_ok == "pointed" else None)
    if max(cov, stand[0] if stand else 0.0, ctx_cov * 0.85) < RELATED_COVERAGE:
        return Judgement("unrelated", cov, "", matched, coverage=cov)
    pred = _predicate_coverage(claim, passage, idf)
    both_negated = bool(claim.negations) and bool(passage.negations)

    # 1. values: quantities and dates, each aligned with the passage value about the same thing.
    # "A dissident got 12 years" is true if any dissident did: another's 10 years refutes nothing.
    # So is a claim whose subject points back to something unnamed ('All three remain...').
    existential = (claim.words[:1] in (["a"], ["an"], ["some"], ["someone"], ["somebody"], ["he"],
                                       ["she"], ["they"], ["it"], ["all"], ["both"], ["these"], ["those"])
                   # 'The film had more than 115 reviews': which film?
                   or (claim.words[:1] == ["the"] and claim.words[1:2] and claim.words[1] in _ANAPHOR))
    conflicts: list[tuple[str, str, str]] = []
    confirmed: list[tuple[str, str]] = []
    unconfirmed: list[str] = []
    exact = 0  # confirmed figures the claim gives exactly (a bound is met by many)
    for kind, items_c, items_p, comparable in (
        ("quantity", claim.quantities, passage.quantities + _named_count(claim, passage), same_kind),
        ("date", claim.dates, passage.dates, _date_comparable),
    ):
        for c, agreeing, others in _align(items_c, items_p, claim, passage, comparable):
            if agreeing:
                confirmed.append((c.describe(), agreeing[0].describe()))
                exact += not (is_bound(c) if isinstance(c, Quantity) else c.op != "=")
            elif others and not existential:
                age = "age" in (getattr(c, "kind", ""), getattr(others[0], "kind", ""))
                conflicts.append(("age" if age else kind, c.describe(), others[0].describe()))
            else:
                unconfirmed.append(c.describe())
    # 'as of October 2018' against 'as of June 2018': a running figure read at another time
    # neither confirms nor refutes it, and nor does the date
    snap = [i for i, (k, cv, _) in enumerate(conflicts) if k == "date" and cv.lower().startswith(_SNAPSHOT)]
    if snap:
        unconfirmed += [cv for k, cv, _ in conflicts if k in ("date", "quantity")]
        conflicts = [c for c in conflicts if c[0] not in ("date", "quantity")]

    stand_in = stand is not None and (_distinctive(claim, passage, idf)
                                      or (len(confirmed) >= 2 and exact and not unconfirmed))
    if stand_in:
        cov, matched = stand  # type: ignore[misc]

    # a name in the claim's slot that is not the claim's: 'a French actor' / 'an American actor'
    loose: list[tuple[str, str]] = []
    if not existential:
        slotted, loose = slot_conflicts(claim.words, claim.entities, passage.words,
                                        passage.entities, _token_match, claim.known_places,
                                        passage.known_places)
        conflicts += [("name", cv, sv) for cv, sv in slotted]
        if slotted and subject_ok is not True:
            # the claim's name that the passage replaces is the conflict, not a missing subject
            rest = replace(claim, entities=[e for e in claim.entities
                                            if " ".join(e) not in {cv for cv, _ in slotted}])
            subject_ok, missing = _about_subject(rest, passage, context)

    # 2. polarity: negation cues near the matched words, and opposite predicates
    flip, cue = _polarity(claim, passage)

    # a passage about another country refutes nothing said about this one
    named = subject_ok is True and not elsewhere(claim.words, context.words, claim.known_places,
                                                 context.known_places)
    if conflicts and conflicts[0][0] == "name":
        named = subject_ok is True  # the other country is the conflict itself
    elif stand_in and conflicts and conflicts[0][0] == "quantity" and pred >= 0.75:
        named = True  # the document's one sentence gives the figure for its own subject
    # a claim naming nobody ('global temperatures rose 0.2 degrees') meets figures about
    # everything: only a passage stating most of it may refute it
    need_c = CONTRADICT_COVERAGE if claim.entities else GENERIC_CONTRADICT_COVERAGE
    if conflicts and named and cov >= need_c and (pred >= 0.5 or conflicts[0][0] == "age"):
        kind, cv, sv = conflicts[0]
        score = min(1.0, 0.45 + 0.55 * cov)
        return Judgement("contradicts", score, f"claim says {cv}; source says {sv}", matched,
                         claim_value=cv, source_value=sv, coverage=cov)
    if flip and _BACK_REFERENCE & set(passage.words[:3]):
        # 'Such an agreement has not been confirmed': what the agreement was is in the
        # sentences before, which the passage points back to
        pred = max(pred, _predicate_coverage(claim, context, idf))
    if flip and named and cov >= POLARITY_COVERAGE and pred >= 0.6 and not conflicts:
        score = min(1.0, 0.35 + 0.55 * cov)
        return Judgement("contradicts", score, f"source {cue}", matched, coverage=cov)
    # every figure the claim gives, stated by the passage about its named subject, carries
    # the claim further than its words: fewer of them need to be there
    need = SUPPORT_COVERAGE
    if confirmed and not unconfirmed and (named or stand_in) and pred >= 0.5:
        need = VALUES_COVERAGE[min(len(confirmed), len(VALUES_COVERAGE)) - 1]
    swapped = None
    if cov >= need:  # a nationality or a word swapped in the claim's frame
        swapped = loose[0] if loose else (swapped_words(
            claim.words, claim.stems, passage.words, passage.stems,
            {canon(t) for ent in claim.entities for t in ent})
            or title_number_swap(claim.text, passage.text))
    if (cov >= need and (pred >= 0.4 or both_negated) and not conflicts and not flip and not unconfirmed
            and not swapped and (subject_ok or not claim.entities)):
        score = min(1.0, 0.3 + 0.6 * cov + 0.1 * bool(confirmed))
        if subject_ok == "pointed":
            score *= 0.6  # says it of 'the album', not of the claim's subject by name
            two = len(confirmed) >= 2 and exact  # two figures are particular enough
            if stand_in and (cov < (need if two else 0.7) or pred < (0.5 if two else 0.6)):
                return Judgement("related", cov * 0.5, "says it of an unnamed subject", matched,
                                 coverage=cov)
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
    elif swapped:
        why.append(f"claim says '{swapped[0]}' where source says '{swapped[1]}'")
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
