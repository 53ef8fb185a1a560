"""Does a passage support, contradict, or merely relate to a claim, and why.

The judgement is conservative by design: calling a claim contradicted accuses someone, so a
contradiction needs (1) a passage about the claim's own subjects, (2) most of the claim's
words, and (3) a specific conflict that can be named: a value the passage gives differently,
or a negation / opposite predicate. Anything less is ``related``.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from .reading import assertion as _assertion
from .reading.align import align as _align, date_comparable as _date_comparable, implied_first, named_count as _named_count
from .reading.effects import unstated_effect
from .reading.facts import ANTONYMS, Facts, canon
from .reading.polarity import negated, other_kind, polarity
from .reading.paraphrase import swapped_words, title_number_swap
from .reading.places import elsewhere, place_stated_by, slot_conflicts
from .reading.dates import DateValue, compare as _compare_dates
from .reading.quantities import Quantity, is_bound, same_kind
from .reading.subject import ANAPHOR as _ANAPHOR, about_subject as _about_subject, entities_present, namesakes
from .text import STOPWORDS, token_match as _token_match, words

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
    check: str = ""                # the rule that decided: values:<kind>, polarity, coverage, ...
    probs: tuple[float, float, float] | None = None  # model P(entails, neutral, contradicts)


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
# 'over the past 30 years', 'seventeen of the 18 warmest': a figure relative to a window or
# a total, which another window or total does not contradict
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve thirteen "
                          "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())
_WINDOW = ("past", "last", "previous", "recent")
_PART_OF = re.compile(r"\s+(?:of|out of)\s+(?:the|these|those|its|their|our|his|her|all)\b", re.IGNORECASE)
_PARTITIVE = re.compile(r"\s+(?:of|out of)\s+(?:the\s+)?(?:\w+\s+)?\d|\s+(?:of|out of)\s+(?:the\s+)?"
                        r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty)\b")


def _relative(claim: Facts, c) -> bool:
    """The claim's figure is read against a window or a total it names ('for the past 30
    years', 'seventeen of the 18 warmest years'): a passage's other window is not its error."""
    before = claim.text[max(0, c.start - 25):c.start].lower().split()
    if before and before[-1] in _WINDOW or before[-2:-1] and before[-2] in _WINDOW:
        return True
    if isinstance(c, DateValue) and c.text.strip().lower().startswith(("since", "from")):
        return True  # 'since 2000' opens a window another window ('since 1850') does not refute
    if before[-2:] == ["of", "the"] or (before[-1:] == ["of"] and len(before) >= 2 and (
            before[-2].isdigit() or before[-2] in _NUMBER_WORDS)):
        return True  # the total in 'seventeen of the 18', '3 of 10' (not 'a father of four')

    return bool(_PARTITIVE.match(claim.text[c.end:c.end + 30]))
_SNAPSHOT = ("as of", "by ", "as at")


def _part_of_another(claim: Facts, passage: Facts, c, p) -> bool:
    """'13 of the iPSC lines': a count of part of a group the claim does not speak of (but
    '200 of the party's leaders' is the claim's 'party leaders')."""
    m = _PART_OF.match(passage.text, p.end)
    if not m or _PART_OF.match(claim.text, c.end):
        return False
    group = [canon(w) for w in words(passage.text[m.end():m.end() + 40])
             if w not in STOPWORDS and len(w) > 1][:2]
    return not any(_token_match(g, set(claim.stems)) for g in group)


def _tight(c: Quantity, p: Quantity) -> bool:
    """A bound met by a figure right at it ('more than 68 reviews' by 69) is as particular
    as the figure itself; one met by any of many figures ('more than 32' by 80) is not."""
    edge = c.lo if c.hi == math.inf else c.hi
    return p.lo == p.hi and edge > 0 and abs(p.value - edge) / edge <= 0.05


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
    if claim.words[:1] and claim.words[0] in ("he", "she", "they", "it"):
        return cov, matched  # the claim's own subject is unnamed: no name in it is a pointer's
    # the pointer ('he', 'the film') stands for one name, the subject: another name the
    # passage leaves out ('his uncle Mark' / 'his uncle George') is still unstated
    gone = {canon(t) for ent in missing[:1] for t in ent.split()}
    if not gone:
        return cov, matched
    rest = replace(claim, content=[t for t in claim.content if t not in gone])
    if len(set(rest.content)) < 3:
        return cov, matched  # 'X is a dance song': too little left to tell one subject's from another's
    c2, m2 = coverage(rest, passage, idf)
    return (c2, m2) if c2 > cov else (cov, matched)


def judge(claim: Facts, passage: Facts, context: Facts, idf: Callable[[str], float],
          whole: bool = False) -> Judgement:
    """Stance of one passage (``context`` = the passage with the sentences around it;
    ``whole`` when those are its entire document, so a subject they never name is nowhere)."""
    cov, matched = coverage(claim, passage, idf)
    if _assertion.ASKS.search(passage.text):
        # a question or a condition ('Was he deported?', 'If Thailand deports him, ...')
        # states nothing either way
        return Judgement("related" if cov >= RELATED_COVERAGE else "unrelated", cov * 0.5,
                         "asks or supposes it, does not state it", matched, coverage=cov,
                         check="question")
    ctx_cov, _ = coverage(claim, context, idf)
    # words found only in the sentences around (the subject named before 'she') count half
    cov = max(cov, cov + 0.5 * (ctx_cov - cov))
    snippet = whole or _is_snippet(passage, context)
    if max(cov, ctx_cov * 0.85) < RELATED_COVERAGE and not snippet:
        return Judgement("unrelated", cov, "", matched, coverage=cov, check="coverage")
    subject_ok, missing = _about_subject(claim, passage, context)
    # a one-sentence document pointing at its subject ('The film holds 70%') is about whatever
    # it was filed under: judge what it says, not the name it leaves out; provided it says
    # something particular to the claim, as many such snippets fit the same frame
    stand = (_rest_coverage(claim, passage, idf, cov, matched)
             if snippet and subject_ok == "pointed" else None)
    if max(cov, stand[0] if stand else 0.0, ctx_cov * 0.85) < RELATED_COVERAGE:
        return Judgement("unrelated", cov, "", matched, coverage=cov, check="coverage")
    pred = _predicate_coverage(claim, passage, idf)
    both_negated = bool(claim.negations) and bool(passage.negations)

    # 1. values: quantities and dates, each aligned with the passage value about the same thing.
    # "A dissident got 12 years" is true if any dissident did: another's 10 years refutes nothing.
    # So is a claim whose subject points back to something unnamed ('All three remain...').
    # ('Some 4,800 people fled' gives a figure: 'some' there qualifies the number)
    existential = ((claim.words[:1] in (["a"], ["an"], ["some"], ["someone"], ["somebody"], ["he"],
                                       ["she"], ["they"], ["it"], ["all"], ["both"], ["these"], ["those"],
                                       ["that"], ["this"])
                    and not (claim.words[:1] == ["some"] and claim.words[1:2]
                             and claim.words[1][:1].isdigit()))
                   # 'The film had more than 115 reviews': which film?
                   or (claim.words[:1] == ["the"] and claim.words[1:2] and claim.words[1] in _ANAPHOR))
    conflicts: list[tuple[str, str, str]] = []
    confirmed: list[tuple[str, str]] = []
    unconfirmed: list[str] = []
    exact = 0  # confirmed figures the claim gives exactly (a bound is met by many)
    moved = False  # the claim's snapshot date is met by an earlier one of the passage's
    confirmed_items: list = []
    for kind, items_c, items_p, comparable in (
        ("quantity", claim.quantities, passage.quantities + _named_count(claim, passage)
         + implied_first(claim, passage), same_kind),
        ("date", claim.dates, passage.dates, _date_comparable),
    ):
        for c, agreeing, others in _align(items_c, items_p, claim, passage, comparable):
            if (kind == "date" and agreeing and c.text.strip().lower().startswith(_SNAPSHOT)
                    and (c.year, c.month, c.day) != (agreeing[0].year, agreeing[0].month, agreeing[0].day)):
                moved = True  # 'by March 2019' is met by 'as of August 2018', whose figures are older
            if agreeing and getattr(c, "kind", "") == "label":
                continue  # the same name ('type 2'): nothing wrong, but no figure confirmed
            if agreeing:
                confirmed.append((c.describe(), agreeing[0].describe()))
                confirmed_items.append(c)
                exact += (not (is_bound(c) if isinstance(c, Quantity) else c.op != "=")
                          or (isinstance(c, Quantity) and _tight(c, agreeing[0])))
            elif (others and not existential and not _relative(claim, c)
                  and getattr(c, "kind", "") != "label" and getattr(c, "year", 0) is not None
                  # 'dozens', 'many thousands': loose enough to confirm, never to refute
                  and "vague" not in (getattr(c, "unit", ""), getattr(others[0], "unit", ""))
                  # '13 of the iPSC lines' counts part of a group, not what 'all three' counts
                  and not (kind == "quantity" and _part_of_another(claim, passage, c, others[0]))):
                age = "age" in (getattr(c, "kind", ""), getattr(others[0], "kind", ""))
                conflicts.append(("age" if age else kind, c.describe(), others[0].describe()))
            else:
                unconfirmed.append(c.describe())
    # 'as of October 2018' against 'as of June 2018': a running figure read at another time
    # neither confirms nor refutes it, and nor does the date
    snap = [i for i, (k, cv, _) in enumerate(conflicts) if k == "date" and cv.lower().startswith(_SNAPSHOT)]
    if snap or moved:
        unconfirmed += [cv for k, cv, _ in conflicts if k in ("date", "quantity")]
        conflicts = [c for c in conflicts if c[0] not in ("date", "quantity")]

    if any(k == "date" for k, _, _ in conflicts) and any(
            isinstance(c, DateValue) for c in confirmed_items):
        # '2015 and 2016' against '2014 and 2015': a passage that confirms one of the claim's
        # dates and gives another speaks of an overlapping set, not of an error
        unconfirmed += [cv for k, cv, _ in conflicts if k == "date"]
        conflicts = [c for c in conflicts if c[0] != "date"]
    window = bool(claim.dates and passage.dates) and any(c.op != "=" for c in claim.dates) != any(
        d.op != "=" for d in passage.dates)
    other_figure = any(k == "quantity" for k, _, _ in conflicts) or any(
        isinstance(q, Quantity) and q.describe() in unconfirmed for q in claim.quantities)
    if any(k == "quantity" for k, _, _ in conflicts) and window or (
            any(k == "date" for k, _, _ in conflicts) and not confirmed and other_figure):
        # 'more than 200 have fled since 2017' against '40 fled in 2019': a count over a
        # window against one for a part of it; and a passage giving another date and another
        # figure, confirming nothing, speaks of another occasion
        unconfirmed += [cv for k, cv, _ in conflicts if k in ("date", "quantity")]
        conflicts = [c for c in conflicts if c[0] not in ("date", "quantity")]
    if claim.dates and not any(isinstance(c, DateValue) for c in confirmed_items) and any(
            k == "quantity" for k, _, _ in conflicts):
        # 'rose two degrees from 1901 to 2010' is not refuted by a figure for another period
        unconfirmed += [cv for k, cv, _ in conflicts if k == "quantity"]
        conflicts = [c for c in conflicts if c[0] != "quantity"]

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

    loose += namesakes(claim, passage)  # 'Pablo Hernandez' where the claim has 'Pedro Hernandez'

    # 2. polarity: negation cues near the matched words, and opposite predicates
    flip, cue, weak = polarity(claim, passage)
    if flip and not weak and any(k == "date" for k, _, _ in conflicts):
        # 'did not flood the town in 2005' / 'lost in 2014' say nothing of 1998 or of 2002
        unconfirmed += [cv for k, cv, _ in conflicts if k == "date"]
        conflicts = [c for c in conflicts if c[0] != "date"]

    # a passage about another country refutes nothing said about this one
    # a capitalised opener read as a common word ('Surgical treatment...') may yet be a name:
    # only a passage that repeats it may accuse
    opener_ok = all(_token_match(w, set(context.words)) for w in claim.openers)
    named = subject_ok is True and opener_ok and not elsewhere(claim.words, context.words, claim.known_places,
                                                 context.known_places)
    if conflicts and conflicts[0][0] == "name":
        named = subject_ok is True and opener_ok  # the other country is the conflict itself
    elif stand_in and conflicts and conflicts[0][0] == "quantity" and pred >= 0.75:
        named = True  # the document's one sentence gives the figure for its own subject
    # a claim naming nobody ('global temperatures rose 0.2 degrees') meets figures about
    # everything: only a passage stating most of it may refute it
    need_c = CONTRADICT_COVERAGE if claim.entities else GENERIC_CONTRADICT_COVERAGE
    # figures about 'the Southwest' are not refuted by figures that name no place
    # (a lone capitalised first word, 'Temperatures in the Southwest', may be no name at all)
    accuse = named and not (claim.places and all(e in claim.places or (e == claim.words[:1])
                                                 for e in claim.entities)
                            and not entities_present(replace(claim, places=[]), context)[0])
    if conflicts and accuse and cov >= need_c and (pred >= 0.5 or conflicts[0][0] == "age") \
            and not (_assertion.HEDGES & set(passage.words) and conflicts[0][0] != "name"):
        kind, cv, sv = conflicts[0]
        score = min(1.0, 0.45 + 0.55 * cov)
        return Judgement("contradicts", score, f"claim says {cv}; source says {sv}", matched,
                         claim_value=cv, source_value=sv, coverage=cov, check=f"values:{kind}")
    if flip and _BACK_REFERENCE & set(passage.words[:3]):
        # 'Such an agreement has not been confirmed': what the agreement was is in the
        # sentences before, which the passage points back to
        pred = max(pred, _predicate_coverage(claim, context, idf))
    if flip and weak == "generic" and cov >= GENERIC_CONTRADICT_COVERAGE and pred >= 0.75:
        weak = ""
    if flip and weak == "absent" and cov >= 0.7 and _predicate_coverage(
            replace(claim, content=[t for t in claim.content if t not in negated(claim)]),
            passage, idf) >= 0.85:
        weak = ""  # the passage says all the claim says but its negation: that is a denial
    if flip and not weak and cue.startswith("says the opposite") and pred < 0.8:
        weak = "few"  # an opposite predicate on a thing the passage barely shares
    # a denial names its object ('denied that its vehicles were used'); a bare negation may be
    # of another kind of the thing ('no significant association with bladder cancer')
    other = other_kind(claim, passage) if flip and not weak and "..." not in cue else None
    if other:
        weak, cue = "other", f"{cue}, but of '{other[1]}', not '{other[0]}'"
    # a passage (with the sentences around it) that gives none of the claim's years speaks of
    # another occasion: its negation refutes nothing the claim dates
    undated = any(d.describe() in unconfirmed and d.year is not None
                  and str(d.year) not in context.words for d in claim.dates)
    # 'did not cut rates in October' against 'cut rates in September': another occasion
    undated = undated or any(_compare_dates(c, d) is False for c in claim.dates for d in passage.dates)
    if flip and not weak and accuse and cov >= POLARITY_COVERAGE and pred >= 0.6 and not conflicts \
            and not undated and not _assertion.HEDGES & set(passage.words) and not (
                # 'Some refugees were returned' is not refuted by 'Most were not returned'
                claim.words[:1] in (["a"], ["an"], ["some"], ["someone"], ["somebody"])):
        score = min(1.0, 0.35 + 0.55 * cov)
        return Judgement("contradicts", score, f"source {cue}", matched, coverage=cov, check="polarity")
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
    effect = (unstated_effect(claim.stems, claim.words, passage.stems)
              if cov >= need and not conflicts and not flip and not unconfirmed and not swapped else None)
    hedged = {w for w in _assertion.UNSURE & set(passage.words) if canon(w) not in claim.stems}
    if (cov >= need and (pred >= 0.4 or both_negated) and not conflicts and not flip and not unconfirmed
            and not swapped and not effect and not hedged and (subject_ok or not claim.entities)):
        score = min(1.0, 0.3 + 0.6 * cov + 0.1 * bool(confirmed))
        if subject_ok == "pointed":
            score *= 0.6  # says it of 'the album', not of the claim's subject by name
            two = len(confirmed) >= 2 and exact  # two figures are particular enough
            if (stand is not None and not stand_in) or stand_in and (
                    cov < (need if two else 0.7) or pred < (0.5 if two else 0.6)):
                # one of many snippets fitting the same frame may be about any of their subjects
                return Judgement("related", cov * 0.5, "says it of an unnamed subject", matched,
                                 coverage=cov, check="unnamed-subject")
        if confirmed:
            vals = "; ".join(f"{c} = {s}" if c.lower() != s.lower() else c for c, s in confirmed[:2])
            reason = f"states the same: {vals}"
        else:
            reason = f"states the claim's key words ({', '.join(matched[:5])})"
        return Judgement("supports", score, reason, matched, coverage=cov,
                         check="values" if confirmed else "coverage")
    why = []
    finding = ("conflict" if conflicts else "unconfirmed" if unconfirmed else "polarity-weak" if flip
               else "swap" if swapped else "effect" if effect else "hedged" if hedged and cov >= need
               else "coverage")
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
    elif effect:
        why.append(f"does not say the effect '{effect}'")
    elif hedged and cov >= need:
        why.append(f"only says it may be so ('{sorted(hedged)[0]}')")
    else:
        why.append(f"shares {len(matched)} of the claim's words")
    return Judgement("related", cov * 0.5, "; ".join(why), matched, coverage=cov, check=finding)
