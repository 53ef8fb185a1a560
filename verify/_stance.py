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
from .reading.places import elsewhere, place_stated_by, reversed_routes, slot_conflicts
from .reading.dates import DateValue, compare as _compare_dates
from .reading.quantities import Quantity, is_bound, same_kind
from .reading.subject import ANAPHOR as _ANAPHOR, about_subject as _about_subject, entities_present, namesakes, unstated_places
from .text import STOPWORDS, token_match as _token_match, words
from .lexicon import number_words, stance_words

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
    # the claim's values this passage leaves unstated where all else of it is stated: another
    # passage of the same source may state them (``verify.stance.rules.confirm_across``)
    pending: tuple[str, ...] = ()
    named: bool = False  # the passage names the claim's subject, as the rules need to accuse


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


_BACK_REFERENCE = frozenset(stance_words("back_reference"))
# 'over the past 30 years', 'seventeen of the 18 warmest': a figure relative to a window or
# a total, which another window or total does not contradict
_NUMBER_WORDS = frozenset(w for w, v in number_words() if 1 <= v <= 20)
_WINDOW = stance_words("window")
_PART_OF = re.compile(r"\s+(?:of|out of)\s+(?:the|these|those|its|their|our|his|her|all)\b", re.IGNORECASE)
_PARTITIVE = re.compile(r"\s+(?:of|out of)\s+(?:the\s+)?(?:\w+\s+)?\d|\s+(?:of|out of)\s+(?:the\s+)?"
                        r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty)\b")


def _relative(claim: Facts, c) -> bool:
    """The claim's figure is read against a window or a total it names ('for the past 30
    years', 'seventeen of the 18 warmest years'): a passage's other window is not its error."""
    before = claim.text[max(0, c.start - 25):c.start].lower().split()
    if before and before[-1] in _WINDOW or before[-2:-1] and before[-2] in _WINDOW:
        return True
    if isinstance(c, DateValue) and not c.span and c.text.strip().lower().startswith(("since", "from")):
        return True  # 'since 2000' opens a window another window ('since 1850') does not refute
    if before[-2:] == ["of", "the"] or (before[-1:] == ["of"] and len(before) >= 2 and (
            before[-2].isdigit() or before[-2] in _NUMBER_WORDS)):
        return True  # the total in 'seventeen of the 18', '3 of 10' (not 'a father of four')

    return bool(_PARTITIVE.match(claim.text[c.end:c.end + 30]))
_SNAPSHOT = tuple(w + " " for w in stance_words("snapshot"))


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


_INDEFINITE = tuple([w] for w in stance_words("indefinite"))
_EXISTENTIAL = _INDEFINITE + tuple([w] for w in stance_words("pointer"))


@dataclass
class _Reading:
    """One passage as ``judge`` reads it: what each check has found so far."""
    claim: Facts
    passage: Facts
    context: Facts
    cov: float
    matched: list[str]
    subject_ok: bool | str
    missing: list[str]
    stand: tuple[float, list[str]] | None  # coverage without the names a snippet leaves out
    pred: float
    both_negated: bool
    existential: bool
    conflicts: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, claim's, source's)
    confirmed: list[tuple[str, str]] = field(default_factory=list)
    unconfirmed: list[str] = field(default_factory=list)
    exact: int = 0
    confirmed_items: list = field(default_factory=list)
    unstated_places: list[str] = field(default_factory=list)
    stand_in: bool = False
    loose: list[tuple[str, str]] = field(default_factory=list)
    flip: bool = False
    cue: str = ""
    weak: str = ""
    named: bool = False
    accuse: bool = False
    need: float = SUPPORT_COVERAGE
    swapped: tuple[str, str] | None = None
    effect: str | None = None
    hedged: set[str] = field(default_factory=set)
    slot: tuple[str, str] | None = None  # another name in the slot of a claim naming no subject

    def unconfirm(self, kinds: tuple[str, ...]) -> None:
        """Conflicts of these kinds speak of another occasion: they neither refute nor confirm."""
        self.unconfirmed += [cv for k, cv, _ in self.conflicts if k in kinds]
        self.conflicts = [c for c in self.conflicts if c[0] not in kinds]

    def has(self, kind: str) -> bool:
        return any(k == kind for k, _, _ in self.conflicts)


def judge(claim: Facts, passage: Facts, context: Facts, idf: Callable[[str], float],
          whole: bool = False) -> Judgement:
    """Stance of one passage (``context`` = the passage with the sentences around it;
    ``whole`` when those are its entire document, so a subject they never name is nowhere).

    The checks run in order, each a function below: what the passage is about (``_read``),
    its values (``_read_values``, ``_other_occasion``), places, names in the claim's slots,
    polarity, who it names; then the first of a value contradiction, a polarity
    contradiction and a support decides, and otherwise ``_related`` says why not."""
    cov, matched = coverage(claim, passage, idf)
    if _assertion.ASKS.search(passage.text):
        # a question or a condition ('Was he deported?', 'If Thailand deports him, ...')
        # states nothing either way
        return Judgement("related" if cov >= RELATED_COVERAGE else "unrelated", cov * 0.5,
                         "asks or supposes it, does not state it", matched, coverage=cov,
                         check="question")
    r = _read(claim, passage, context, idf, whole, cov, matched)
    if isinstance(r, Judgement):
        return r
    # 1. values: quantities and dates, each aligned with the passage value about the same thing
    r.conflicts, r.confirmed, r.unconfirmed, r.exact, moved, r.confirmed_items = _read_values(
        claim, passage, r.existential)
    _other_occasion(r, moved)
    # 'lives in Phnom Penh' is not stated by a passage that never names Phnom Penh
    r.unstated_places = unstated_places(claim, context)
    r.unconfirmed += r.unstated_places
    r.stand_in = r.stand is not None and (_distinctive(claim, passage, idf)
                                          or (len(r.confirmed) >= 2 and bool(r.exact) and not r.unconfirmed))
    if r.stand_in:
        r.cov, r.matched = r.stand  # type: ignore[misc]
    _name_slots(r)
    # 2. polarity: negation cues near the matched words, and opposite predicates
    r.flip, r.cue, r.weak = polarity(claim, passage)
    if r.flip and not r.weak and r.has("date"):
        r.unconfirm(("date",))  # 'did not flood the town in 2005' says nothing of 1998
    _who_is_named(r)
    return (_value_contradiction(r) or _polarity_contradiction(r, idf) or _support(r)
            or _related(r))


def _read(claim: Facts, passage: Facts, context: Facts, idf: Callable[[str], float], whole: bool,
          cov: float, matched: list[str]) -> Judgement | _Reading:
    """How much of the claim the passage (and the sentences around it) states, and whether it
    is about the claim's subject; ``unrelated`` when too little."""
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
    return _Reading(claim, passage, context, cov, matched, subject_ok, missing, stand,
                    _predicate_coverage(claim, passage, idf),
                    bool(claim.negations) and bool(passage.negations), _existential(claim))


def _existential(claim: Facts) -> bool:
    """'A dissident got 12 years' is true if any dissident did: another's 10 years refutes
    nothing. So is a claim whose subject points back to something unnamed ('All three
    remain...', 'The film had more than 115 reviews': which film?). ('Some 4,800 people fled'
    gives a figure: 'some' there qualifies the number.)"""
    first = claim.words[:1]
    if first in _EXISTENTIAL:
        return not (first == ["some"] and bool(claim.words[1:2]) and claim.words[1][:1].isdigit())
    return first == ["the"] and bool(claim.words[1:2]) and claim.words[1] in _ANAPHOR


def _other_occasion(r: _Reading, moved: bool) -> None:
    """Value conflicts that speak of another occasion become unconfirmed values."""
    claim, passage = r.claim, r.passage
    # 'as of October 2018' against 'as of June 2018': a running figure read at another time
    # neither confirms nor refutes it, and nor does the date
    if moved or any(k == "date" and cv.lower().startswith(_SNAPSHOT) for k, cv, _ in r.conflicts):
        r.unconfirm(("date", "quantity"))
    if r.has("date") and any(isinstance(c, DateValue) for c in r.confirmed_items):
        # '2015 and 2016' against '2014 and 2015': a passage that confirms one of the claim's
        # dates and gives another speaks of an overlapping set, not of an error
        r.unconfirm(("date",))
    window = bool(claim.dates and passage.dates) and any(c.op != "=" for c in claim.dates) != any(
        d.op != "=" for d in passage.dates)
    other_figure = r.has("quantity") or any(
        isinstance(q, Quantity) and q.describe() in r.unconfirmed for q in claim.quantities)
    if r.has("quantity") and window or (r.has("date") and not r.confirmed and other_figure):
        # 'more than 200 have fled since 2017' against '40 fled in 2019': a count over a
        # window against one for a part of it; and a passage giving another date and another
        # figure, confirming nothing, speaks of another occasion
        r.unconfirm(("date", "quantity"))
    if claim.dates and not any(isinstance(c, DateValue) for c in r.confirmed_items) and r.has("quantity"):
        # 'rose two degrees from 1901 to 2010' is not refuted by a figure for another period
        r.unconfirm(("quantity",))


def _name_slots(r: _Reading) -> None:
    """A name in the claim's slot that is not the claim's ('a French actor' / 'an American
    actor') conflicts; a namesake ('Pablo Hernandez' for 'Pedro Hernandez') is loose."""
    claim, passage = r.claim, r.passage
    slotted, loose = slot_conflicts(claim.words, claim.entities, passage.words, passage.entities,
                                    _token_match, claim.known_places, passage.known_places)
    slotted += reversed_routes(claim.text, passage.text)
    if r.existential:
        # 'It was flying from Singapore to Surabaya': which plane? Another name in the claim's
        # slot accuses no one, but it does not state the claim either
        r.slot = slotted[0] if slotted else None
    else:
        r.loose = loose
        r.conflicts += [("name", cv, sv) for cv, sv in slotted]
        if (slotted or loose) and r.subject_ok is not True:
            # the claim's name that the passage replaces is the conflict, not a missing subject
            replaced = {cv for cv, _ in slotted + loose}
            rest = replace(claim, entities=[e for e in claim.entities if " ".join(e) not in replaced])
            r.subject_ok, r.missing = _about_subject(rest, passage, r.context)
    r.loose += namesakes(claim, passage)


def _who_is_named(r: _Reading) -> None:
    """Whether the passage names the claim's subject (``named``) and so may accuse."""
    claim, context = r.claim, r.context
    # a passage about another country refutes nothing said about this one
    # a capitalised opener read as a common word ('Surgical treatment...') may yet be a name:
    # only a passage that repeats it may accuse
    opener_ok = all(_token_match(w, set(context.words)) for w in claim.openers)
    r.named = r.subject_ok is True and opener_ok and not elsewhere(
        claim.words, context.words, claim.known_places, context.known_places)
    if r.conflicts and r.conflicts[0][0] == "name":
        r.named = r.subject_ok is True and opener_ok  # the other country is the conflict itself
    elif r.stand_in and r.conflicts and r.conflicts[0][0] == "quantity" and r.pred >= 0.75:
        r.named = True  # the document's one sentence gives the figure for its own subject
    # figures about 'the Southwest' are not refuted by figures that name no place
    # (a lone capitalised first word, 'Temperatures in the Southwest', may be no name at all)
    r.accuse = r.named and not (claim.places and all(e in claim.places or (e == claim.words[:1])
                                                     for e in claim.entities)
                                and not entities_present(replace(claim, places=[]), context)[0])


def _value_contradiction(r: _Reading) -> Judgement | None:
    """A value (quantity, date, age, name) the passage gives differently about the subject."""
    # a claim naming nobody ('global temperatures rose 0.2 degrees') meets figures about
    # everything: only a passage stating most of it may refute it
    need_c = CONTRADICT_COVERAGE if r.claim.entities else GENERIC_CONTRADICT_COVERAGE
    if not (r.conflicts and r.accuse and r.cov >= need_c and (r.pred >= 0.5 or r.conflicts[0][0] == "age")
            and not (_assertion.HEDGES & set(r.passage.words) and r.conflicts[0][0] != "name")):
        return None
    kind, cv, sv = r.conflicts[0]
    score = min(1.0, 0.45 + 0.55 * r.cov)
    return Judgement("contradicts", score, f"claim says {cv}; source says {sv}", r.matched,
                     claim_value=cv, source_value=sv, coverage=r.cov, check=f"values:{kind}", named=True)


def _polarity_contradiction(r: _Reading, idf: Callable[[str], float]) -> Judgement | None:
    """A negation or an opposite predicate of what the claim says, about its subject."""
    claim, passage, context = r.claim, r.passage, r.context
    if r.flip and _BACK_REFERENCE & set(passage.words[:3]):
        # 'Such an agreement has not been confirmed': what the agreement was is in the
        # sentences before, which the passage points back to
        r.pred = max(r.pred, _predicate_coverage(claim, context, idf))
    if r.flip and r.weak == "generic" and r.cov >= GENERIC_CONTRADICT_COVERAGE and r.pred >= 0.75:
        r.weak = ""
    if r.flip and r.weak == "absent" and r.cov >= 0.7 and _predicate_coverage(
            replace(claim, content=[t for t in claim.content if t not in negated(claim)]),
            passage, idf) >= 0.85:
        r.weak = ""  # the passage says all the claim says but its negation: that is a denial
    if r.flip and not r.weak and r.cue.startswith("says the opposite") and r.pred < 0.8:
        r.weak = "few"  # an opposite predicate on a thing the passage barely shares
    # a denial names its object ('denied that its vehicles were used'); a bare negation may be
    # of another kind of the thing ('no significant association with bladder cancer')
    other = other_kind(claim, passage) if r.flip and not r.weak and "..." not in r.cue else None
    if other:
        r.weak, r.cue = "other", f"{r.cue}, but of '{other[1]}', not '{other[0]}'"
    # a passage (with the sentences around it) that gives none of the claim's years speaks of
    # another occasion: its negation refutes nothing the claim dates
    undated = any(d.describe() in r.unconfirmed and d.year is not None
                  and str(d.year) not in context.words for d in claim.dates)
    # 'did not cut rates in October' against 'cut rates in September': another occasion
    undated = undated or any(_compare_dates(c, d) is False for c in claim.dates for d in passage.dates)
    if not (r.flip and not r.weak and r.accuse and r.cov >= POLARITY_COVERAGE and r.pred >= 0.6
            and not r.conflicts and not undated and not _assertion.HEDGES & set(passage.words)
            # 'Some refugees were returned' is not refuted by 'Most were not returned'
            and claim.words[:1] not in _INDEFINITE):
        return None
    score = min(1.0, 0.35 + 0.55 * r.cov)
    return Judgement("contradicts", score, f"source {r.cue}", r.matched, coverage=r.cov, check="polarity",
                     named=True)


def _support(r: _Reading) -> Judgement | None:
    """Most of the claim's words, every value confirmed, nothing swapped, same polarity."""
    claim, passage = r.claim, r.passage
    # every figure the claim gives, stated by the passage about its named subject, carries
    # the claim further than its words: fewer of them need to be there
    if r.confirmed and not r.unconfirmed and (r.named or r.stand_in) and r.pred >= 0.5:
        r.need = VALUES_COVERAGE[min(len(r.confirmed), len(VALUES_COVERAGE)) - 1]
    if r.cov >= r.need:  # a nationality or a word swapped in the claim's frame
        r.swapped = r.loose[0] if r.loose else (swapped_words(
            claim.words, claim.stems, passage.words, passage.stems,
            {canon(t) for ent in claim.entities for t in ent})
            or title_number_swap(claim.text, passage.text))
    r.effect = (unstated_effect(claim.stems, claim.words, passage.stems)
                if r.cov >= r.need and not r.conflicts and not r.flip and not r.unconfirmed
                and not r.swapped else None)
    # a claim that itself reports a plan, a forecast or a fear ('Analysts expect...') is stated
    # by a passage reporting one in other words ('analysts forecast...')
    r.hedged = (set() if _assertion.UNSURE & set(claim.words) else
                {w for w in _assertion.UNSURE & set(passage.words) if canon(w) not in claim.stems
                 # '..., and fears arrest': the hedge is about something else
                 and not _assertion.hedges_other_words(passage.text, w, set(claim.stems))})
    if not (r.cov >= r.need and (r.pred >= 0.4 or r.both_negated) and not r.conflicts and not r.flip
            and not r.slot
            and not r.unconfirmed and not r.swapped and not r.effect and not r.hedged
            and (r.subject_ok or not claim.entities)
            # one shared word ('stalled') states nothing of a claim that names no value
            and (r.confirmed or len(set(r.matched)) >= 2)):
        return None
    score = min(1.0, 0.3 + 0.6 * r.cov + 0.1 * bool(r.confirmed))
    if r.subject_ok == "pointed":
        score *= 0.6  # says it of 'the album', not of the claim's subject by name
        two = len(r.confirmed) >= 2 and r.exact  # two figures are particular enough
        if (r.stand is not None and not r.stand_in) or r.stand_in and (
                r.cov < (r.need if two else 0.7) or r.pred < (0.5 if two else 0.6)):
            # one of many snippets fitting the same frame may be about any of their subjects
            return Judgement("related", r.cov * 0.5, "says it of an unnamed subject", r.matched,
                             coverage=r.cov, check="unnamed-subject")
    if r.confirmed:
        vals = "; ".join(f"{c} = {s}" if c.lower() != s.lower() else c for c, s in r.confirmed[:2])
        reason = f"states the same: {vals}"
    else:
        reason = f"states the claim's key words ({', '.join(r.matched[:5])})"
    return Judgement("supports", score, reason, r.matched, coverage=r.cov,
                     check="values" if r.confirmed else "coverage", named=r.named)


def _related(r: _Reading) -> Judgement:
    """Neither: what the passage lacks, the first finding that kept it from deciding."""
    claim = r.claim
    pending: tuple[str, ...] = ()
    if (r.unconfirmed and not r.conflicts and not r.unstated_places and r.cov >= r.need
            and (r.pred >= 0.4 or r.both_negated) and not r.flip and not r.swapped and not r.hedged
            # a claim of few words besides its values ('Only three people were deported last
            # November') is not stated by a passage sharing one of them ('its people')
            and len(set(r.matched)) >= min(2, len(set(claim.content)))
            and (r.subject_ok is True or not claim.entities)
            and not unstated_effect(claim.stems, claim.words, r.passage.stems)):
        pending = tuple(r.unconfirmed)  # another sentence of the source may state them
    why = []
    finding = ("conflict" if r.conflicts else "slot" if r.slot else "unconfirmed" if r.unconfirmed
               else "polarity-weak" if r.flip
               else "swap" if r.swapped else "effect" if r.effect else "hedged" if r.hedged and r.cov >= r.need
               else "coverage")
    if r.conflicts:
        why.append(f"claim says {r.conflicts[0][1]}; source says {r.conflicts[0][2]}")
        if not r.subject_ok:
            why.append(f"but it is not about {', '.join(r.missing)}")
    elif r.slot:
        why.append(f"claim says {r.slot[0]}; source says {r.slot[1]}, of a subject the claim does not name")
    elif r.unconfirmed:
        why.append(f"does not state {', '.join(r.unconfirmed[:2])}")
    elif r.flip:
        why.append(f"source {r.cue}")
    elif r.swapped:
        why.append(f"claim says '{r.swapped[0]}' where source says '{r.swapped[1]}'")
    elif r.effect:
        why.append(f"does not say the effect '{r.effect}'")
    elif r.hedged and r.cov >= r.need:
        why.append(f"only says it may be so ('{sorted(r.hedged)[0]}')")
    else:
        why.append(f"shares {len(r.matched)} of the claim's words")
    return Judgement("related", r.cov * 0.5, "; ".join(why), r.matched, coverage=r.cov, check=finding,
                     pending=pending, named=r.named)


def confirmed_values(claim: Facts, passage: Facts) -> set[str]:
    """The claim's quantities and dates the passage states (as ``judge`` describes them)."""
    return {c for c, _ in _read_values(claim, passage, existential=False)[1]}


def _read_values(claim: Facts, passage: Facts, existential: bool):
    """Each quantity and date of the claim aligned with the passage's value about the same
    thing: (conflicts, confirmed, unconfirmed, exact, moved, confirmed_items)."""
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
    return conflicts, confirmed, unconfirmed, exact, moved, confirmed_items
