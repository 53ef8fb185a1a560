"""What a sentence states: its words, named entities, quantities, dates and polarity.

Claims and passages are read the same way so that comparing them is comparing like with like.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from ..lexicon import antonym_pairs, denial_verbs, number_words
from ..text import STOPWORDS, SYNONYM, canon, fold, form_stems, stem, words
from .dates import MONTHS, DateValue, extract_dates
from .paraphrase import phrase_meanings
from .places import known_places
from .quantities import Quantity, extract_quantities
from .ranks import extract_ranks

# Words that reverse what follows them. 'no' and 'without' only count near the matched words.
NEGATION_CUES = frozenset("""not no never none neither nor cannot without nobody nothing lacking lacked
n't hasn't haven't hadn't isn't aren't wasn't weren't doesn't don't didn't won't wouldn't
couldn't shouldn't""".split())
# the stems of every form of a denying verb (verify/data/denial_verbs.tsv)
DENIAL_VERBS = frozenset(stem(w) for w, _ in denial_verbs())
MULTIWORD_NEGATION = ("has yet to", "have yet to", "had yet to", "failed to", "fails to",
                      "fail to", "is yet to", "are yet to", "was yet to", "non-signatory",
                      "unconfirmed", "not been confirmed", "no longer", "never signed",
                      "unable to", "was prevented from", "were prevented from", "was barred from",
                      "were barred from", "was blocked from", "were blocked from")

# Opposite predicates ('approve' / 'disapprove'), keyed by stem: verify/data/antonyms.tsv
ANTONYMS: dict[str, set[str]] = {}
for _a, _b in antonym_pairs():  # keyed as canon() reads words, so 'won' finds 'lost'
    _ka, _kb = ({SYNONYM.get(s, s) for s in form_stems(w)} for w in (_a, _b))
    for _k in _ka:
        ANTONYMS.setdefault(_k, set()).update(_kb)
    for _k in _kb:
        ANTONYMS.setdefault(_k, set()).update(_ka)

_MONTH_WORDS = frozenset(MONTHS)
# Adverbs that colour a statement without changing what it states ('fewer than 50 ever fled').
_FILLER = frozenset("ever really actually currently indeed reportedly reported allegedly back "
                    "very highly extremely".split())
# 'each year' says 'annually'; 'last year' does not
_PER = frozenset("each every per a".split())
_NAME = r"((?:[A-Z][\w’'\-.]*)(?:\s+[A-Z][\w’'\-.]*){0,3})"
_PLACE = re.compile(r"\b(?:in|at|near|across|inside|outside|within|into|to)\s+(?:the\s+)?((?:[A-Z][\w’'\-.]*)(?:\s+[A-Z][\w’'\-.]*){0,3})")
_ROLE = (r"(?:[A-Z][\w]*\s+)*(?:spokesman|spokesperson|spokeswoman|minister|president|director|"
         r"chief|head|leader|official|representative|secretary|commander|governor|mayor|lawyer)\s+")
_VOICE_VERBS = r"(?:said|says|told|added|explained|stressed|noted|wrote|denied|denies|rejected|dismissed|confirmed|admitted|claimed|insisted)"
_SPEAKER = re.compile(r"(?:" + _ROLE + r")?" + _NAME + r",?\s+" + _VOICE_VERBS + r"\b")
_SPEAKER_AFTER = re.compile(r"(?:said|says|according to|told)\s+" + _NAME)
_CAP_RE = re.compile(r"(?:[A-Z][\w’'\-.]*|[A-Z]{2,})(?:\s+(?:(?:of|de|del|da|van|von|bin|al)\s+)?(?:[A-Z][\w’'\-.]*))*")


@dataclass
class Facts:
    text: str
    words: list[str]                      # folded word tokens in order
    stems: list[str]                      # canonical stems, aligned with ``words``
    content: list[str]                    # content stems (no stopwords, numbers, months)
    entities: list[list[str]]             # named entities as folded token lists
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateValue] = field(default_factory=list)
    negations: list[int] = field(default_factory=list)   # positions of negated words
    cue_words: list[str] = field(default_factory=list)   # the negating phrase of each
    speakers: set[str] = field(default_factory=set)      # names only cited as saying it
    places: list[list[str]] = field(default_factory=list)  # entities after in/at/near...
    aliases: list[str] = field(default_factory=list)     # acronyms named without being spelled
    known_places: list[tuple[int, int, str]] = field(default_factory=list)  # countries, nationalities
    # capitalised sentence openers read as common words ('Surgical', 'Elevated'): not names a
    # supporting passage must repeat, but a contradicting one must (they may still be names)
    openers: list[str] = field(default_factory=list)


@lru_cache(maxsize=50_000)
def read_facts(text: str, published: date | None = None, anchor_year: int | None = None) -> Facts:
    """What ``text`` states. Cached: a passage is read once however many claims it meets
    (callers must not mutate the result)."""
    return _read_facts(text, published, anchor_year)


def _read_facts(text: str, published: date | None = None, anchor_year: int | None = None) -> Facts:
    ws = words(text)
    stems = [canon(w) for w in ws]
    for i in range(1, len(ws)):
        if ws[i] == "year" and ws[i - 1] in _PER:
            stems[i] = SYNONYM[stem("annual")]
    for i, plain in phrase_meanings(ws):
        stems[i] = canon(plain)
    dates = extract_dates(text, published, anchor_year)
    # a number that names ('type 2 diabetes') is kept as a label: it must match to confirm,
    # and another label names another thing rather than refuting this one
    quantities = [replace(q, kind="label") if _is_label(text, q) else q
                  for q in extract_quantities(text) if q.kind != "year"
                  and not any(d.start <= q.start < d.end for d in dates)]
    # words inside a value ('37 years old', 'in November') are checked as values, not words
    value_words: set[str] = set()
    for v in (*quantities, *dates):
        value_words.update(words(v.text))  # type: ignore[attr-defined]
    content_at = [i for i, w in enumerate(ws)
                  if w not in STOPWORDS and not w.isdigit() and w not in _MONTH_WORDS
                  and w not in _FILLER and w not in value_words and not w.replace(".", "").isdigit() and len(w) > 1]
    ranks = extract_ranks(text)  # after the words: 'larger', 'stadiums' stay words to match
    if ranks:
        quantities = sorted([q for q in quantities if not any(r.start <= q.start < r.end for r in ranks)]
                            + ranks, key=lambda q: q.start)
    negs, cues = _negations(text, ws, stems)
    for i, w in enumerate(ws[:-1]):  # 'non-surgical' is read as 'nonsurgical' is, below
        if w == "non" and i + 1 not in negs and ws[i + 1].endswith(_ADJECTIVE_ENDINGS):
            negs.append(i + 1)
            cues.append(f"non-{ws[i + 1]}")
    for i, w in enumerate(ws):  # 'unrecognised' negates 'recognised'
        for pre in ("un", "non"):
            if (w.startswith(pre) and len(w) - len(pre) >= 5 and i not in negs
                    and not w.startswith(_NOT_UN)
                    # 'nonstatin drugs', 'nonreceptor kinases' name another kind, not a denial
                    and (pre == "un" or w.endswith(_ADJECTIVE_ENDINGS))):
                stems[i] = canon(w[len(pre):])
                negs.append(i)
                cues.append(w)
    # the words as stated, negated or not: 'unrecognised' speaks of 'recognised' (the negation
    # is for polarity to judge), so a word meets its negated form only through its stem
    content = [stems[i] for i in content_at]
    openers: list[str] = []
    entities = [e for e in _entities(text, openers) if not set(e) <= value_words]
    speakers = {fold(" ".join(words(m.group(0).rsplit(" ", 1)[0]))) for m in _SPEAKER.finditer(text)}
    speakers |= {fold(" ".join(words(m.group(1)))) for m in _SPEAKER_AFTER.finditer(text)}
    places = [toks for m in _PLACE.finditer(text) for toks in [words(m.group(1))] if toks in entities]
    aliases = _aliases(entities, ws)  # 'the UN refugee agency' also names 'UNHCR'
    return Facts(text, ws, stems, content, entities, quantities, dates, negs, cues, speakers,
                 places, aliases, known_places(ws), openers)


# Well-known organisations under their other names, as folded phrases -> the acronym.
_ORG_ALIASES = {
    "un refugee agency": "unhcr", "united nations refugee agency": "unhcr",
    "un high commissioner for refugees": "unhcr", "world health organization": "who",
    "human rights watch": "hrw", "amnesty international": "amnesty",
    "international organization for migration": "iom", "coronavirus": "covid",
    "sars cov 2": "covid",
}
_ACRONYM_SKIP = frozenset("of for the and de des du la le on in".split())


def _aliases(entities: list[list[str]], ws: list[str]) -> list[str]:
    """Acronyms a text names without spelling them: the initials of a long name
    ('Cambodia National Rescue Party' -> 'cnrp') and well-known organisations' other names."""
    out = []
    low = " ".join(ws)
    for phrase, acro in _ORG_ALIASES.items():
        if phrase in low:
            out.append(acro)
    for ent in entities:
        toks = [t for t in ent if t not in _ACRONYM_SKIP]
        if len(toks) >= 2 and all(t.isalpha() for t in toks):
            out.append("".join(t[0] for t in toks))
    present = set(ws)
    return [a for a in dict.fromkeys(out) if a not in present]


# 'non' negates an adjective ('nonviolent', 'noncompliant'), not a noun ('nonstatin drugs')
_ADJECTIVE_ENDINGS = ("ed", "al", "ive", "ous", "ent", "ant", "able", "ible", "ic", "ful", "ary")
# a number that names rather than counts: 'type 2 diabetes', 'BRCA 1', 'phase 3', "5' UTR"
_LABEL_WORDS = frozenset("type class grade stage phase group version generation category tier "
                         "chapter section article figure table model".split())


def _is_label(text: str, q: Quantity) -> bool:
    """A bare number that is part of a name or a ratio, not an amount: 'type 2 diabetes',
    'BRCA 1', 'BRCA1/2', "5' UTRs", '1/2000', '378/100 000'. Comparing such numbers compares
    different things (type 1 and type 2 diabetes are two diseases, not two counts of one)."""
    before, after = text[max(0, q.start - 1):q.start], text[q.end:q.end + 1]
    if "/" in q.text and re.match(r"\s\d{3}\b", text[q.end:q.end + 5]):
        return True  # '378/100 000 persons': a rate per 100,000, read only in part
    if q.kind != "count" or q.unit:
        return False  # '50/100' on Metacritic is a score
    if "/" in q.text or before == "/" or after in ("/", "'", "′", "’"):
        return True
    prev = text[max(0, q.start - 30):q.start]
    last = prev.split()[-1:]
    if not last:
        return False
    word = last[0].strip("(")
    if prev[-1:].isspace() and word.lower() in _LABEL_WORDS:
        return True
    # an acronym just before: 'HTLV-1', 'BRCA1', or 'BRCA 1' for a one- or two-digit number
    acronym = sum(c.isupper() for c in word) >= 2 and word.rstrip("-").isalnum()
    return acronym and (not prev[-1:].isspace() or len(q.text) <= 2)


# words that begin with 'un' without negating anything ('university', 'under', 'uncle')
_NOT_UN = ("uni", "under", "until", "unless", "uncle", "unanim", "unto", "nonethe")

_SCOPE_SKIP = frozenset("a an the be been being is are was were has have had to yet any its his her their "
                        "them it this that so even also ever once more longer able".split())


# 'not ... until' affirms only with a time after it ('not deported until 2020', 'not until
# after the vote'); 'does not repeat itself until we change' still negates
_TIME_STARTS = frozenset("""after this last next early late mid now then later recently
yesterday today tomorrow monday tuesday wednesday thursday friday saturday sunday""".split())
_TIME_NOUNS = frozenset("""end beginning middle start spring summer autumn fall winter weekend week
month year day night morning evening""".split())


def _until_a_time(ws: list[str]) -> bool:
    for k, w in enumerate(ws[:-1]):
        if w in ("until", "till"):
            nxt = ws[k + 1]
            if nxt == "the" and k + 2 < len(ws):
                nxt = ws[k + 2] if ws[k + 2] in _TIME_NOUNS else ""  # 'until the end of May'
            return nxt.isdigit() or nxt in _MONTH_WORDS or nxt in _TIME_STARTS or nxt in _TIME_NOUNS
    return False
# a count of nothing: '0 deaths', 'zero cases' (not a score '2-0 win' or '0.5%')
_ZERO = re.compile(r"(?<![\w.,%–-])(?:0|zero)\s+(?=[A-Za-z])", re.IGNORECASE)


def _negations(text: str, ws: list[str], stems: list[str]) -> tuple[list[int], list[str]]:
    """Positions of the words a negation applies to, and the phrase that negates each.

    A plain negation ('not a signatory', 'has yet to sign') governs the next content word; a
    denial ('denied that its vehicles were used') governs the clause that follows it."""
    cues: list[tuple[int, int]] = []  # (cue position, first position after the cue)
    for i, w in enumerate(ws):
        if stems[i] in DENIAL_VERBS and i and ws[i - 1] in ("the", "a", "an", "its", "their", "his", "her"):
            continue  # 'the disputed issues': an adjective naming what is debated, not a denial
        if w in NEGATION_CUES or stems[i] in DENIAL_VERBS:
            if w in ("not", "never", "no") and _until_a_time(ws[i + 1:i + 9]):
                continue  # 'was not deported until 2020': deported, in 2020
            cues.append((i, i + 1))
    for m in _ZERO.finditer(text):  # '0 reported deaths' says what 'no deaths' says
        cues.append((len(words(text[:m.start()])), len(words(text[:m.end()]))))
    low = fold(text)
    for phrase in MULTIWORD_NEGATION:
        k = low.find(phrase)
        if k >= 0 and "not" not in phrase and "never" not in phrase:
            at = len(words(text[:k]))
            cues.append((at, at + len(words(phrase))))
    scoped: list[int] = []
    phrases: list[str] = []
    for at, after in sorted(cues):
        if stems[at] in DENIAL_VERBS:
            span = [j for j in range(after, min(len(ws), after + 25)) if ws[j] not in STOPWORDS]
        else:
            span = [j for j in range(after, min(len(ws), after + 4)) if ws[j] not in _SCOPE_SKIP][:1]
        for j in span:
            scoped.append(j)
            phrases.append(" ".join(ws[at: j + 1]) if j - at < 6 else f"{ws[at]} ... {ws[j]}")
    # a word under two negations is affirmed: 'rejected reports that they had not arrested him'
    twice = {j for j in scoped if scoped.count(j) % 2 == 0}
    kept = [(j, ph) for j, ph in zip(scoped, phrases) if j not in twice]
    return [j for j, _ in kept], [ph for _, ph in kept]


def _entities(text: str, openers: list[str] | None = None) -> list[list[str]]:
    out: list[list[str]] = []
    for start, run in _names(text):
        # 'RAS-driven', 'NF-kB-dependent': the lowercase half says what is done to the name
        name = _LOWER_AFFIX.sub("", run)
        toks = [t for t in words(name) if t not in STOPWORDS and not t.isdigit()]
        if not toks:
            continue
        at_start = start == 0 or text[:start].rstrip()[-1:] in ".!?\"“:"
        if at_start and len(toks) == 1 and (toks[0] in STOPWORDS or toks[0] in _COMMON_STARTERS):
            continue
        first = run.split()[0]
        if at_start and _common_word(first, text[start + len(first):start + len(first) + 8]):
            if openers is not None:
                openers.append(toks[0])
            toks = toks[1:]  # 'Elevated DNA levels': the name is 'DNA'
            if not toks:
                continue
        toks = [t for t in toks if t not in _MONTH_WORDS and t not in _UNIT_NAMES]
        if toks:
            out.append(toks)
    return out


# a possessive ends a name: "Rose's English classes" names Rose, then says English
_POSSESSIVE_END = re.compile(r"(?<=[A-Za-z])['’]s\s+(?=[A-Z])")


def _names(text: str) -> Iterator[tuple[int, str]]:
    """(offset, run) of each run of capitalised words, a run cut after a possessive."""
    for m in _CAP_RE.finditer(text):
        run, pos = m.group(0), 0
        for cut in _POSSESSIVE_END.finditer(run):
            yield m.start() + pos, run[pos:cut.start() + 2]
            pos = cut.end()
        yield m.start() + pos, run[pos:]


# endings that English names rarely have but common adjectives and abstract nouns do:
# 'Cellular clocks...', 'Elevated levels...', 'Depletion of...' capitalised only by position
_COMMON_ENDINGS = ("tion", "sion", "ular", "ated", "ized", "ised", "uced", "eased", "ened",
                   "ally", "ical", "ive", "ous", "etic", "omic", "ogical", "ional")
# (not -ance/-ence/-ity/-ness/-ment: France, Florence, Trinity, Inverness, Clement)


def _common_word(word: str, after: str) -> bool:
    """A sentence-initial capitalised word that reads as a common word by its ending (or a
    gerund taking an object: 'Blocking the interaction'), not as a name."""
    w = word.lower()
    if not word[1:].islower() or not w.isalpha() or len(w) < 6:
        return False
    if w.endswith(_COMMON_ENDINGS):
        return True
    return w.endswith("ing") and bool(re.match(r"\s+(?:of|the|a|an|its|their|his|her)\s", after))


_LOWER_AFFIX = re.compile(r"(?<=[A-Z0-9])-[a-z]+(?:-[a-z]+)*(?=\s|$)")


# capitalised units name a scale, not a subject ('0.2 degrees Celsius')
_UNIT_NAMES = frozenset("celsius fahrenheit kelvin richter".split())
_COMMON_STARTERS = frozenset("""a an the this that these those there here it its he she they we i
his her their our my your after before since while when despite although though however but
and or so yet if as in on at for from with by about more less fewer some many most several few
nearly almost around approximately over under only last former another other such both each every
all according""".split()) | frozenset(w for w, v in number_words() if 1 <= v <= 10)


def read_facts_light(text: str, ws: list[str] | None = None) -> set[str]:
    """Only the content stems of ``text``: the cheap reading used to align values
    (``ws``: its ``words`` when the caller has them already, as the index does)."""
    return {canon(w) for w in (words(text) if ws is None else ws)
            if w not in STOPWORDS and not w.isdigit() and w not in _MONTH_WORDS}
