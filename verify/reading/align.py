"""Which value of a passage a claim's value is about: the words around each must meet.

"200 leaders fled" and "100 members fled" speak of the same thing; "three deported" and
"40 remain" do not. Dates qualify a whole sentence, numbers their clause.
"""
from __future__ import annotations

import re

from ..text import STOPWORDS, token_match as _token_match, words
from .dates import DateValue, compare
from .facts import Facts, canon, read_facts_light
from .places import DEMONYMS, GENERIC_HEADS
from .quantities import Quantity, agree, confirms, is_bound, same_direction_bounds

_SENTENCE = re.compile(r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])[.!?][\"”’]?\s+(?=[A-Z“\"])")
_CLAUSE = re.compile(r"[,;:()\[\]]\s|\s[-–—]\s|[“”\"]")

def _window(f: Facts, start: int, end: int, size: int = 5, clause: bool = False) -> set[str]:
    """Content stems near a character span (the words that say what a value is about);
    with ``clause``, the window stops at commas and brackets, as a value's noun and verb
    rarely lie beyond them."""
    lo_bound, hi_bound = _bounds(f, start, end, clause)
    left = f.text[lo_bound:start].split()[-size:]
    right = f.text[end:hi_bound].split()[:size]
    return read_facts_light(" ".join(left + [f.text[start:end]] + right))


def _bounds(f: Facts, start: int, end: int, clause: bool = False) -> tuple[int, int]:
    """The sentence around a character span, or with ``clause`` its clause."""
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
    return lo_bound, hi_bound


def _rival(claim: Facts, passage: Facts, p: Quantity, items_p: list) -> bool:
    """``p`` is another subject's figure in a sentence that gives each its own ('the Harbor Line
    will carry 40,000, while the Valley Line will carry 25,000'): the claim's subject is named in
    another clause of the sentence, one holding a figure of the same kind, and ``p``'s clause
    names someone else."""
    sentence = _bounds(passage, p.start, p.end)
    others = [q for q in items_p if q is not p and q.kind == p.kind and sentence[0] <= q.start < sentence[1]]
    if not others:  # the common case: one figure of its kind in the sentence
        return False
    lo, hi = _bounds(passage, p.start, p.end, clause=True)
    clause = set(words(passage.text[lo:hi]))
    ours = [set(e) for e in claim.entities]
    if any(e <= clause for e in ours) or not any(
            set(e) <= clause and set(e) not in ours for e in passage.entities):
        return False
    for q in others:
        q_lo, q_hi = _bounds(passage, q.start, q.end, clause=True)
        if (q_lo, q_hi) != (lo, hi) and any(e <= set(words(passage.text[q_lo:q_hi])) for e in ours):
            return True
    return False


def align(items_c: list, items_p: list, claim: Facts, passage: Facts, comparable) -> list[tuple]:
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
            if not comparable(c, p) or (not is_qty and _other_end_of_life(claim, c, passage, p)):
                continue
            scored = _score(c, p, claim, passage, (items_c, items_p), ctx_c, size, name_stems)
            if scored is not None:
                score, agrees = scored
                (agreeing if agrees else others).append((score, p))
        agreeing.sort(key=lambda t: -t[0])
        others.sort(key=lambda t: -t[0])
        if (agreeing and others and others[0][0] > agreeing[0][0]
                and isinstance(c, Quantity) and is_bound(c)):
            # a bound ('less than $93 million worldwide') is met by many figures: the one
            # about the same thing ('a worldwide total of $93.4 million') decides, not a part
            agreeing = []

        out.append((c, [p for _, p in agreeing], [p for _, p in others]))
    return out


# 'Thi*, a ' before '22-year-old': the name the age is in apposition to
_APPOSITIVE = re.compile(r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)\*?,\s+(?:(?:a|an|the)\s+)?$")


def _someone_elses(p, passage: Facts, name_stems: set[str]) -> bool:
    """An age in apposition to a name the claim does not give is that person's ('Among Song's
    neighbours is Thi, a 22-year-old ...' says nothing of Song's age)."""
    m = _APPOSITIVE.search(passage.text[max(0, p.start - 60):p.start])
    if m is None or not name_stems:
        return False
    return not {canon(w) for w in words(m.group(1))} & name_stems


def _score(c, p, claim: Facts, passage: Facts, items: tuple[list, list], ctx_c: set[str], size: int,
           name_stems: set[str]) -> tuple[int, bool] | None:
    """How surely claim value ``c`` and passage value ``p`` are about the same thing (the
    words they share around them), and whether they agree; None when they are not."""
    items_c, items_p = items
    is_qty = isinstance(items_c[0], Quantity)
    ctx_p = _window(passage, p.start, p.end, size, is_qty)
    if getattr(p, "unit", "") == "named":  # the listed subject meets the claim's sentence
        if not _values_agree(c, p):
            return None  # a list of names need not be everyone: it confirms, never refutes
        shared = {t for t in _window(claim, c.start, c.end, size) if _token_match(t, ctx_p)}
    else:
        shared = {t for t in ctx_c if _token_match(t, ctx_p)}
    kinds = {getattr(c, "kind", "date"), getattr(p, "kind", "date")}
    if "age" in kinds and _someone_elses(p, passage, name_stems):
        return None
    if is_qty and claim.entities and _rival(claim, passage, p, items_p):
        return None  # another subject's figure, beside the claim subject's own
    # an age belongs to its person and a date to its sentence: names align them too
    score = len(shared) if kinds & {"age", "date", "ordinal"} else len(shared - name_stems)
    agrees = _values_agree(c, p)
    if agrees and isinstance(c, Quantity) and not confirms(c, p):
        return None  # allowed but not stated: neither confirms nor refutes
    if agrees and isinstance(c, DateValue) and not _as_precise(c, p):
        return None  # 'in 1999' does not say 'on April 20, 1999'
    if "age" in kinds or (agrees and not kinds & {"count", "date"}
                          and not (isinstance(c, Quantity) and is_bound(c))):
        # same unit and same value (money, percent, duration) aligns by itself; a
        # bound ('less than $93 million') is met by any smaller sum, so it does not
        score += 1
    elif kinds <= {"percent", "money"} and _only(items_c, c) and _only(items_p, p):
        score += 1  # the one percentage in each: 'scored over 79%' / 'holds a 79% rating'
    if score < 1 or (not agrees and isinstance(c, Quantity) and score < 2
                     and same_direction_bounds(c, p)):
        return None  # 'more than 150' vs 'more than 200' conflict only about the same thing
    if not agrees and _scope(ctx_c, c, claim) != _scope(ctx_p, p, passage):
        return None  # '11 goals in the season' is not the career's '800 goals'
    if not agrees and kinds == {"count"}:
        noun_c, noun_p = _counted(claim, c), _counted(passage, p)
        if (noun_c | noun_p) & _MEASURES and noun_c != noun_p:
            return None  # '8 inches' and '0.16 metres', '3.1 mm per year': other scales
        if not shared - name_stems - noun_c - noun_p and not (
                noun_c == noun_p and (ctx_c - name_stems - noun_c) & set(passage.stems)):
            # '100 refugees deported' vs '40 exiles remain': same noun, other act; but
            # 'reported fewer than 19,000 deaths' meets 'reported ... 19,323 deaths'
            return None
        score += bool(noun_c) and noun_c == noun_p  # deaths against deaths first
    return score, agrees


def _scope(ctx: set[str], value, f: Facts) -> frozenset[str]:
    """The scope words around a value ('season', 'per', 'average'), less the value's own words
    ('two months' and 'two weeks' are both durations) and names ('Timothy Weeks')."""
    scope = _SCOPE & ctx
    if not scope:  # the common case: no scope word near the value, nothing more to read
        return scope
    names = {canon(t) for ent in f.entities for t in ent}
    return scope - read_facts_light(value.text) - names


_DEATH = re.compile(r"\b(?:died|dies|die|death|dead|killed|passed away)\b", re.IGNORECASE)
_BIRTH = re.compile(r"\b(?:born|birth|birthday)\b", re.IGNORECASE)


def _other_end_of_life(claim: Facts, c, passage: Facts, p) -> bool:
    """'died in 1932' against the first year of '(1898–1945)': a lifespan's years are a
    birth and a death, and the claim's event is the other one."""
    before, after = passage.text[:p.start].rstrip()[-1:], passage.text[p.end:].lstrip()[:1]
    if before == "(" and after in "-–":
        end = "birth"
    elif before in "-–" and after == ")":
        end = "death"
    else:
        return False
    near = claim.text[max(0, c.start - 40):c.end + 10]
    event = "death" if _DEATH.search(near) else "birth" if _BIRTH.search(near) else None
    return event is not None and event != end


_LIST_SUBJECT = re.compile(r"^(.{10,300}?)\s(?:were|are|have been|had been|have|had)\s")
_PERSON_NAME = re.compile(r"\b[A-Z][a-z\u00C0-\u024F]+(?:\s+[A-Z][a-z\u00C0-\u024F]+){1,2}\b")


def named_count(claim: Facts, passage: Facts) -> list[Quantity]:
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


_FIRST_WORDS = re.compile(r"\b(?:debut(?:ed|s)?|inaugural|maiden|premiered)\b", re.IGNORECASE)


def implied_first(claim: Facts, passage: Facts) -> list[Quantity]:
    """'They debuted in the UK', 'its maiden voyage': a first time said without 'first',
    for a claim that says 'first'."""
    if not any(q.kind == "ordinal" and q.value == 1 for q in claim.quantities):
        return []
    return [Quantity("ordinal", "th", 1.0, 1.0, m.group(0), m.start(), m.end(), 1.0)
            for m in _FIRST_WORDS.finditer(passage.text)]


# words that narrow what a figure measures: a figure for a season, a quarter, per head, in
# total or at the peak is not one for the whole, and refutes nothing said of it
_SCOPE = frozenset(canon(w) for w in """season quarter per capita monthly weekly daily annual
annually career total fiscal core average median peak""".split())

# units a bare number may be read in: two figures in different ones are not one count
_MEASURES = frozenset(canon(w) for w in """inch inches foot feet ft metre metres meter meters mm cm
km mile miles degree degrees tonne tonnes ton tons kg gram grams pound pounds litre litres liter
liters gallon gallons hectare hectares acre acres gt ppm ppb watt watts kilometre kilometres
kilometer kilometers millimetre millimetres centimetre centimetres""".split())


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
    narrower = p.last_year is None or (c.last_year is not None and c.year is not None
                                       and p.year is not None and c.year <= p.year
                                       and p.last_year <= c.last_year)
    return (c.day is None or p.day is not None) and (c.month is None or p.month is not None) and narrower


def date_comparable(c: DateValue, p: DateValue) -> bool:
    return compare(c, p) is not None
