"""Does a passage support, contradict, or merely relate to a claim, and why.

The judgement is conservative by design: calling a claim contradicted accuses someone, so a
contradiction needs (1) a passage about the claim's own subjects, (2) most of the claim's
words, and (3) a specific conflict that can be named: a value the passage gives differently,
or a negation / opposite predicate. Anything less is ``related``.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ._dates import DateValue, compare
from ._facts import ANTONYMS, DENIAL_VERBS, Facts, canon, read_facts_light
from ._places import DEMONYMS, GENERIC_HEADS, elsewhere, place_stated_by, slot_conflicts
from ._paraphrase import swapped_words
from ._quantities import Quantity, agree, confirms, same_direction_bounds, same_kind
from ._text import STOPWORDS, stem, token_match as _token_match, words

DENIAL_WORDS = {w for w in ("denied", "denies", "deny", "denying", "rejected", "rejects", "reject",
                            "refuted", "refutes", "dismissed", "dismisses", "disputed", "disputes")
                if stem(w) in DENIAL_VERBS}

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


def entities_present(claim: Facts, context: Facts) -> tuple[bool, list[str]]:
    """Every named entity of the claim is mentioned in the context (surname or full name,
    diacritics and spelling variants tolerated). Returns the entities missing."""
    pool = set(context.words).union(context.aliases)
    missing = []
    for ent in claim.entities:
        if ent in claim.places or " ".join(ent) in DEMONYMS:
            continue  # 'in Bangkok', 'French': where it happened or from, not who it is about
        if any(place_stated_by(" ".join(ent), n) for _, _, n in context.known_places):
            continue  # 'Thailand' named as 'Thai authorities'
        last = ent[-1]
        if _token_match(last, pool) or all(_token_match(t, pool) for t in ent):
            continue
        if len(ent) > 1 and any(len(t) >= 4 and _token_match(t, pool) for t in ent[1:]):
            continue
        if len(ent) > 1 and last in _GENERIC_TAILS and _token_match(ent[0], pool):
            continue  # 'Interscope Records' is named by 'Interscope'

        missing.append(" ".join(ent))
    return not missing, missing


_SENTENCE = re.compile(r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])[.!?][\"”’]?\s+(?=[A-Z“\"])")
_BACK_REFERENCE = frozenset("such this these that those".split())
_SNAPSHOT = ("as of", "by ", "as at")
# last words of names that say what kind of body it is, not which one
_GENERIC_TAILS = frozenset("records city fc afc club inc ltd corp entertainment studios pictures "
                           "music media group".split())
_CLAUSE = re.compile(r"[,;:()\[\]]\s|\s[-–—]\s|[“”\"]")


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


def _about_subject(claim: Facts, passage: Facts, context: Facts) -> tuple[bool | str, list[str]]:
    """The passage is about the claim's named subjects: named in the sentence itself, or in
    the sentences around it when the sentence names nobody else (she, he, the activist).
    ``"pointed"`` when the subject is only pointed at ('the film', 'she') with no name
    anywhere near: enough to confirm, never to accuse (every film's review reads alike)."""
    ok, missing = entities_present(claim, passage)
    if ok:
        return True, []
    if _LEADING_ANAPHOR.match(passage.text) and entities_present(claim, context)[0]:
        return True, []  # 'The opposition leader was not able to...' after naming him
    if _others(claim, passage):
        # 'She received acclaim for Silkwood and Mask': the names are what she did, and she
        # is whoever the text is about, provided the sentences around name nobody else
        if _STARTS_POINTING.match(passage.text) and not [
                e for e in _others(claim, context) if e not in passage.entities]:
            return "pointed", missing
        return False, missing
    ok, missing = entities_present(claim, context)
    if ok:
        return True, []
    # 'For her performance she was awarded...': the subject is only pointed at, and no one
    # else is named nearby whom 'she' could be
    if _ANAPHOR & set(passage.words) and not _others(claim, context):
        return "pointed", []
    return False, missing


# a sentence whose subject points back: 'She said...', 'The opposition leader was...'
_LEADING_ANAPHOR = re.compile(r"\s*[“\"]?\s*(?:He|She|They|The\s+(?:[a-z]+\s+){0,2}(?:leader|activist|official|"
                              r"dissident|refugee|politician|minister|spokesman|spokesperson|"
                              r"man|woman|exile|critic|founder|president|chief))\b")
_STARTS_POINTING = re.compile(r"\s*[“\"`']*\s*(?:He|She|They|It|His|Her|Its|Their|The\s+(?:[a-z]+\s+)?"
                              r"(?:film|band|album|song|club|series|season|game|show|novel|"
                              r"book|city|team|company|party|group|state|country|duo|video))\b")
_ANAPHOR = frozenset("he she it they his her its their him them film band album song club "
                     "series season game show novel book city team company party group state "
                     "country region province town village station network duo video".split())


def _others(claim: Facts, f: Facts) -> list[list[str]]:
    """Named entities of ``f`` that are not the claim's, nor speakers, places or nationalities."""
    claim_tokens = {t for ent in claim.entities for t in ent}
    return [e for e in f.entities if not any(_token_match(t, claim_tokens) for t in e)
            and not any(" ".join(e) in sp for sp in f.speakers) and e not in f.places
            and " ".join(e) not in DEMONYMS]


def _window(f: Facts, start: int, end: int, size: int = 5, clause: bool = False) -> set[str]:
    """Content stems near a character span (the words that say what a value is about);
    with ``clause``, the window stops at commas and brackets, as a value's noun and verb
    rarely lie beyond them."""
    lo_bound, hi_bound = 0, len(f.text)
    for m in _SENTENCE.finditer(f.text):  # a value never speaks for the sentence next door
        if m.end() <= start:
            lo_bound = m.end()
        elif m.start() >= end:
            hi_bound = m.start()
            break
    if clause:
        for m in _CLAUSE.finditer(f.text):
            if lo_bound <= m.end() <= start:
                lo_bound = m.end()
            elif end <= m.start() <= hi_bound:
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
    size = 8 if is_qty else 12  # a date qualifies the whole sentence, a number its clause
    for c in items_c:
        ctx_c = _window(claim, c.start, c.end, size, is_qty)
        agreeing: list[tuple[int, object]] = []
        others: list[tuple[int, object]] = []
        for p in items_p:
            if not comparable(c, p):
                continue
            ctx_p = _window(passage, p.start, p.end, size, is_qty)
            if getattr(p, "unit", "") == "named":  # the listed subject meets the claim's sentence
                if not _values_agree(c, p):
                    continue  # a list of names need not be everyone: it confirms, never refutes
                shared = {t for t in _window(claim, c.start, c.end, size) if _token_match(t, ctx_p)}
            else:
                shared = {t for t in ctx_c if _token_match(t, ctx_p)}
            kinds = {getattr(c, "kind", "date"), getattr(p, "kind", "date")}
            # an age belongs to its person and a date to its sentence: names align them too
            score = len(shared) if kinds & {"age", "date"} else len(shared - name_stems)
            agrees = _values_agree(c, p)
            if agrees and isinstance(c, Quantity) and not confirms(c, p):
                continue  # allowed but not stated: neither confirms nor refutes
            if agrees and isinstance(c, DateValue) and not _as_precise(c, p):
                continue  # 'in 1999' does not say 'on April 20, 1999'
            if "age" in kinds or (agrees and not kinds & {"count", "date"}):
                score += 1  # same unit and same value (money, percent, duration) aligns by itself
            elif kinds <= {"percent", "money"} and _only(items_c, c) and _only(items_p, p):
                score += 1  # the one percentage in each: 'scored over 79%' / 'holds a 79% rating'
            if score < 1 or (not agrees and isinstance(c, Quantity) and score < 2
                             and same_direction_bounds(c, p)):
                continue  # 'more than 150' vs 'more than 200' conflict only about the same thing
            if not agrees and kinds == {"count"}:
                noun_c, noun_p = _counted(claim, c), _counted(passage, p)
                if not shared - name_stems - noun_c - noun_p and not (
                        noun_c == noun_p and (ctx_c - name_stems - noun_c) & set(passage.stems)):
                    # '100 refugees deported' vs '40 exiles remain': same noun, other act; but
                    # 'reported fewer than 19,000 deaths' meets 'reported ... 19,323 deaths'
                    continue
                score += bool(noun_c) and noun_c == noun_p  # deaths against deaths first
            (agreeing if agrees else others).append((score, p))
        agreeing.sort(key=lambda t: -t[0])
        others.sort(key=lambda t: -t[0])

        out.append((c, [p for _, p in agreeing], [p for _, p in others]))
    return out


_LIST_SUBJECT = re.compile(r"^(.{10,300}?)\s(?:were|are|have been|had been|have|had)\s")
_PERSON_NAME = re.compile(r"\b[A-Z][a-z\u00C0-\u024F]+(?:\s+[A-Z][a-z\u00C0-\u024F]+){1,2}\b")


def _named_count(claim: Facts, passage: Facts) -> list[Quantity]:
    """'Voeung Samnang and Lanh Thavry, ..., and Voeun Veasna were arrested' counts three:
    the people a sentence lists as its subject, for a claim that counts a few."""
    if not any(q.kind == "count" and q.lo == q.hi and 2 <= q.value <= 12 for q in claim.quantities):
        return []
    m = _LIST_SUBJECT.match(passage.text)
    if not m or " and " not in m.group(1):
        return []
    names = {n.group(0) for n in _PERSON_NAME.finditer(m.group(1))
             if n.start() == 0 or m.group(1)[n.start() - 1] in " ,"}
    names = {n for n in names if not set(words(n)) & (GENERIC_HEADS | DEMONYMS)}
    if len(names) < 2:
        return []
    n = float(len(names))
    return [Quantity("count", "named", n, n, f"{len(names)} named people", 0, m.end(1), n)]


def _only(items: list, q) -> bool:
    """``q`` is the only value of its kind and unit among ``items``."""
    return sum(1 for x in items if getattr(x, "kind", None) == q.kind and x.unit == q.unit) == 1


def _counted(f: Facts, q: Quantity) -> set[str]:
    """The noun a count counts: the first content word after it that is not a name
    ('200 CNRP members' -> 'member')."""
    names = {t for ent in f.entities for t in ent}
    for w in words(f.text[q.end:q.end + 60])[:4]:
        if w not in STOPWORDS and w not in names and w.isalpha():
            return {canon(w)}
    return set()


def _values_agree(c, p) -> bool:
    if isinstance(c, Quantity):
        return agree(c, p)
    return compare(c, p) is not False


def _as_precise(c: DateValue, p: DateValue) -> bool:
    """The passage's date names every field the claim's does (a day needs a day)."""
    return (c.day is None or p.day is not None) and (c.month is None or p.month is not None)


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
    existential = (claim.words[:1] in (["a"], ["an"], ["some"], ["someone"], ["somebody"], ["he"],
                                       ["she"], ["they"], ["it"], ["all"], ["both"], ["these"], ["those"])
                   # 'The film had more than 115 reviews': which film?
                   or (claim.words[:1] == ["the"] and claim.words[1:2] and claim.words[1] in _ANAPHOR))
    conflicts: list[tuple[str, str, str]] = []
    confirmed: list[tuple[str, str]] = []
    unconfirmed: list[str] = []
    for kind, items_c, items_p, comparable in (
        ("quantity", claim.quantities, passage.quantities + _named_count(claim, passage), same_kind),
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
    # 'as of October 2018' against 'as of June 2018': a running figure read at another time
    # neither confirms nor refutes it, and nor does the date
    snap = [i for i, (k, cv, _) in enumerate(conflicts) if k == "date" and cv.lower().startswith(_SNAPSHOT)]
    if snap:
        unconfirmed += [cv for k, cv, _ in conflicts if k in ("date", "quantity")]
        conflicts = [c for c in conflicts if c[0] not in ("date", "quantity")]

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
    if conflicts and named and cov >= CONTRADICT_COVERAGE and (pred >= 0.5 or conflicts[0][0] == "age"):
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
    swapped = None
    if cov >= SUPPORT_COVERAGE:  # a nationality or a word swapped in the claim's frame
        swapped = loose[0] if loose else swapped_words(
            claim.words, claim.stems, passage.words, passage.stems,
            {canon(t) for ent in claim.entities for t in ent})
    if (cov >= SUPPORT_COVERAGE and (pred >= 0.4 or both_negated) and not conflicts and not flip and not unconfirmed
            and not swapped and (subject_ok or not claim.entities)):
        score = min(1.0, 0.3 + 0.6 * cov + 0.1 * bool(confirmed))
        if subject_ok == "pointed":
            score *= 0.6  # says it of 'the album', not of the claim's subject by name
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
