"""Quantities in text as intervals in common units.

"nearly 5,000", "some 4,800", "more than 200", "a 12-year sentence", "18 months to two years",
"100,000 baht", "$3,000", "73-year-old": each becomes a ``Quantity`` with a kind (count, money,
percent, duration, age, times), a unit and an interval, so that comparison is interval overlap
and works across digits, words and qualifiers.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..lexicon import currencies, measures, month_abbreviations, month_names, stance_words
from ..text import SCALE_WORDS, TENS, UNITS, fold
from .places import COUNTRY, DEMONYMS, DIRECTIONS

SCALES = {**SCALE_WORDS, "trillion": 10**12, "k": 1_000, "m": 1_000_000, "mn": 1_000_000,
          "bn": 1_000_000_000}
WORD_NUMBERS = {**UNITS, **TENS, "a dozen": 12, "dozen": 12, "a hundred": 100,
                "a thousand": 1000, "a million": 10**6, "half": 0.5, "a half": 0.5}
CURRENCIES = dict(currencies())  # 'hk$': 'HKD', 'baht': 'THB' (verify/data/currencies.tsv)
DURATION_DAYS = {"year": 365.25, "years": 365.25, "yr": 365.25, "yrs": 365.25,
                 "month": 30.44, "months": 30.44, "week": 7, "weeks": 7, "day": 1, "days": 1,
                 "decade": 3652.5, "decades": 3652.5, "hour": 1 / 24, "hours": 1 / 24,
                 "century": 36525, "centuries": 36525}
TIMES = {"once": 1, "twice": 2, "thrice": 3}
MEASURES = {word: (dim, factor) for word, dim, factor in measures()}  # 'km': ('length', 1000.0)
APPROX = ("about", "some", "around", "approximately", "roughly", "an estimated", "estimated",
          "circa", "close to", "nearly", "almost", "just under", "just over", "over", "more than",
          "at least", "upwards of", "in excess of", "less than", "fewer than", "under", "up to",
          "at most", "no more than", "below", "above", "lower than", "higher than",
          "greater than", "younger than", "older than", "as many as", "as few as", "only", "exactly")

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"


def _words(low: int, high: int) -> str:
    """The number words from ``low`` to ``high`` (below twenty) as a regex alternation."""
    return "|".join(w for w, v in UNITS.items() if low <= v <= high)


_WORDNUM = (rf"(?:(?:{'|'.join(TENS)})(?:[\s-](?:{_words(1, 9)}))?"
            rf"|{_words(0, 19)}|a dozen|dozen|a hundred|a thousand|a million|half)")
_SCALE = r"(?:[\s-]?(?:hundred|thousand|million|billion|trillion)\b|(?:k|m|mn|bn)\b)?"
_QUAL = "|".join(sorted((re.escape(q) for q in APPROX), key=len, reverse=True))
# symbols, bare or after a country's letters, come before a figure ('HK$88 billion'); words after it
_CUR_PRE = "(?:" + "|".join(sorted((re.escape(c) for c in CURRENCIES if not c[0].isalpha() or "$" in c),
                                  key=len, reverse=True)) + ")"
_CUR_POST = "|".join(sorted((re.escape(c) for c in CURRENCIES if c[0].isalpha() and "$" not in c),
                            key=len, reverse=True))
_UNIT_POST = (r"(?P<pct>%|\s?per\s?cent\b|\s?percent\b)"
              rf"|[\s-]?(?P<cur>{_CUR_POST})\b"
              r"|[\s-](?P<dur>years?|yrs?|months?|weeks?|days?|decades?|hours?|century|centuries)\b(?P<old>[\s-]old)?"
              r"|[\s-](?P<times>times)\b"
              rf"|[\s-]?(?P<meas>{'|'.join(sorted((re.escape(w) for w in MEASURES), key=len, reverse=True))})"
              r"(?![\w/])")

_QTY_RE = re.compile(
    rf"(?:(?P<qual>{_QUAL})\s+)?"
    rf"(?:between\s+|from\s+)?"
    rf"(?:(?P<cur0>{_CUR_PRE}) ?)?(?P<num>{_NUM}|\b{_WORDNUM}\b)(?P<scale>{_SCALE})"
    rf"(?:\s*(?:-|–|to|and)\s*{_CUR_PRE}?(?P<num2>{_NUM}|\b{_WORDNUM}\b)(?P<scale2>{_SCALE}))?"
    rf"(?:{_UNIT_POST})?",
    re.IGNORECASE,
)
# what every match of _QTY_RE holds (a digit or a number word): about half of all sentences
# have neither, and this finds that in a tenth of the time _QTY_RE takes to find no match
_ANY_NUMBER = re.compile(rf"\d|\b(?:{_WORDNUM})\b", re.IGNORECASE)
_AGE_PRE = re.compile(r"(?:\baged|\bat the age of|\bage)\s+$", re.IGNORECASE)
ORDINALS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(), 1)}
_ORDINAL = re.compile(r"\b(?:" + "|".join(ORDINALS) + r"|\d{1,3}(?:st|nd|rd|th))\b", re.IGNORECASE)
_RANK_BOUND = re.compile(r"\b(?:more|less|other|rather|later|earlier|higher|lower) than (?:the |its |their |his |her )?$"
                         r"|\b(?:after|before|since|until|beyond|past) (?:the |its |their |his |her )$",
                         re.IGNORECASE)
_SPAN_WORD = re.compile(rf"\b(?:(?P<qual>{_QUAL})\s+)?(?P<half>half\s+)?a\s+(?P<unit>decade|century)\b",
                        re.IGNORECASE)
_FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fifth": 0.2}
_SMALL = {"a": 1, **{w: v for w, v in UNITS.items() if 1 <= v <= 10}}
_SHARE = re.compile(
    rf"\b(?:(?P<n>{_words(1, 3)}|\d)[ -]in[ -](?P<d>{_words(2, 10)}|[1-9]\d{{0,2}})\b"
    r"|(?<!first )(?<!second )(?<!other )(?<!latter )(?<!last )"
    rf"(?:(?P<k>a|{_words(1, 3)})[ -])?(?P<frac>half|thirds?|quarters?|fifths?)\s+of\b)",
    re.IGNORECASE)


def _small(word: str) -> float:
    return float(word) if word.isdigit() else float(_SMALL[word.lower()])


# plurals of round numbers: how many they allow ('hundreds' is not 1,200: that is 'over a thousand')
_VAGUE_SPANS = {"dozens": (24, 144), "scores": (40, 200), "hundreds": (200, 999),
                "thousands": (2_000, 9_999), "tens of thousands": (20_000, 99_999),
                "hundreds of thousands": (200_000, 999_999), "millions": (2e6, 999e6)}
_VAGUE = re.compile(r"\b((?:tens|hundreds)\s+of\s+thousands|dozens|scores|hundreds|thousands|millions)"
                    r"\s+of\b", re.IGNORECASE)
_TIMES_WORD = re.compile(r"\b(once|twice|thrice)\b", re.IGNORECASE)
# 'once' counts only where a count can stand: at a clause's end or before 'a week', 'in 2010',
# 'and', 'more'; before anything else it means formerly or when
_FORMERLY = re.compile(r"\s+(?!(?:and|or|but|in|a|an|per|every|each|more|again|before|during|at|on|"
                       r"since|with|for|after|while|from|only|ever)\b)[A-Za-z]",
                       re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    """A stated amount: ``lo``..``hi`` in the kind's common unit (days for durations)."""

    kind: str          # count | money | percent | duration | age | times | year
    unit: str          # currency code, 'days', '%', '' for counts
    lo: float
    hi: float
    text: str
    start: int
    end: int
    value: float = 0.0
    scale: float = 1.0  # a measure's unit in its dimension's base units: value / scale as written

    def overlaps(self, other: "Quantity") -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def describe(self) -> str:
        return self.text.strip()


def _to_number(token: str, scale: str | None) -> float | None:
    t = fold(token).strip().replace("–", "-")
    if re.fullmatch(_NUM, t):
        v = float(t.replace(",", ""))
    else:
        t = t.replace("-", " ")
        parts = t.split()
        if t in WORD_NUMBERS:
            v = float(WORD_NUMBERS[t])
        elif len(parts) == 2 and parts[0] in TENS and parts[1] in UNITS:
            v = float(TENS[parts[0]] + UNITS[parts[1]])
        else:
            return None
    if scale:
        s = fold(scale).strip(" -")
        v *= SCALES.get(s, 1)
    return v


def _interval(qual: str | None, lo: float, hi: float) -> tuple[float, float]:
    q = (qual or "").lower()
    if q in ("about", "some", "around", "approximately", "roughly", "an estimated", "estimated", "circa", "close to"):
        return lo * 0.9, hi * 1.1
    if q in ("nearly", "almost", "just under"):
        return lo * 0.85, hi
    if q in ("more than", "over", "above", "in excess of", "just over", "higher than",
             "greater than", "older than"):
        return math.nextafter(hi, math.inf), math.inf
    if q in ("at least", "upwards of", "as many as"):
        return lo, math.inf if q != "as many as" else hi
    if q in ("less than", "fewer than", "under", "below", "lower than", "younger than"):
        return 0.0, max(0.0, math.nextafter(lo, -math.inf))  # 'less than 0': nothing
    if q in ("up to", "at most", "no more than", "as few as"):
        return 0.0, hi
    return lo, hi


def _title_word(word: str) -> bool:
    """'Meters' in '47 Meters Down'; not a nationality ('155 Indonesians'), a country or a
    direction ('18 Northern and central California counties')."""
    w = word.lower()
    return not ({w, w[:-1]} & (_NOT_TITLE | DEMONYMS | DIRECTIONS) or w in COUNTRY)


_NOT_TITLE = frozenset(month_names()) | frozenset(month_abbreviations()) | frozenset("""the in on
at by of and since from until after before during between about some nearly over under more
less""".split())


class _TitleAfter:
    """A Titlecase word (not a month, nationality or country) right after a number."""
    _re = re.compile(r" ([A-Z][a-z]+)\b")

    def match(self, text: str, at: int) -> bool:
        m = self._re.match(text, at)
        return m is not None and _title_word(m.group(1))


class _TitleBefore:
    """A Titlecase word or an acronym right before a number, not opening its sentence
    ('Bad Santa 2', 'FIFA 09')."""
    _re = re.compile(r"(?<=[a-z]) ([A-Z][a-z]+|[A-Z]{2,6}) $")

    def search(self, text: str, lo: int, at: int) -> bool:
        m = self._re.search(text[max(lo, at - 40):at])
        return m is not None and _title_word(m.group(1)) and m.group(1) not in _BODIES


_BODIES = frozenset({"US", "UN", "EU", "USA", "UK", "UAE", "NATO"})  # 'sent the US 500 troops'



_TITLE_AFTER = _TitleAfter()
_TITLE_BEFORE = _TitleBefore()
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|[\"“(`']\s*)$")


def _at_sentence_start(text: str, at: int) -> bool:
    return at == 0 or bool(_SENTENCE_START.search(text[max(0, at - 4):at]))


def extract_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text``, in order. Calendar years are kind 'year' (dates handle them)."""
    scores = _scores(text)
    out = (_numbers(text) + _ordinals(text) + _span_words(text) + _shares(text) + _vague(text)
           + _times_words(text))
    if scores:  # '3-1' in 'a 3-1 win' is a score, not a range from 3 to 1
        out = [q for q in out if not any(s.start < q.end and q.start < s.end for s in scores)] + scores
    shares = [(q.start, q.end) for q in out if q.kind == "percent" and q.hi <= 100 and _SHARE.match(text, q.start)]
    out = [q for q in out if not any(a <= q.start and q.end <= b and not (a, b) == (q.start, q.end)
                                     for a, b in shares)]  # 'five' in 'one in five'
    out.sort(key=lambda q: q.start)
    return _merge_ranges(text, out)


def _numbers(text: str) -> list[Quantity]:
    """Numbers in digits or words, with their scale, unit and qualifier ('nearly 5,000')."""
    out: list[Quantity] = []
    if not _ANY_NUMBER.search(text):
        return out
    for m in _QTY_RE.finditer(text):
        num = _to_number(m.group("num"), m.group("scale"))
        if num is None or _not_a_quantity(text, m):
            continue
        lo = hi = num
        if m.group("num2"):
            n2 = _to_number(m.group("num2"), m.group("scale2") or m.group("scale"))
            if n2 is None or n2 < num:
                continue
            if not m.group("scale") and m.group("scale2"):
                # '2 to 3 million' is 2 million to 3 million; '1 - half million' is not 1 million up
                scaled = num * SCALES.get(fold(m.group("scale2")).strip(" -"), 1)
                lo = scaled if scaled <= n2 else num
            hi = n2
        kind, unit, factor = _kind(text, m)
        if m.group("num2") and kind == "year":
            continue
        lo, hi = _interval(m.group("qual"), lo * factor, hi * factor)
        out.append(Quantity(kind, unit, lo, hi, m.group(0), m.start(), m.end(), num * factor,
                            factor if kind == "measure" else 1.0))
    return out


def _not_a_quantity(text: str, m: re.Match) -> bool:
    """A number that counts nothing: part of a name or title, 'one of', glued to letters."""
    raw_num = m.group("num")
    if raw_num[0].isupper() and (not _at_sentence_start(text, m.start("num"))
                                 or _TITLE_AFTER.match(text, m.end())):
        return True  # 'Fast Five', 'Twenty-One Pilots', 'A Thousand Suns': a number in a name
    if (raw_num[0].isdigit() and not (m.group("qual") or m.group("cur0") or m.group("pct")
                                      or m.group("cur") or m.group("dur") or m.group("times"))
            and (_TITLE_BEFORE.search(text, 0, m.start("num")) or _TITLE_AFTER.match(text, m.end()))):
        return True  # 'Bad Santa 2', '47 Meters Down': a number in a title
    if raw_num.lower() in ("one", "half") and not (m.group("dur") or m.group("cur") or m.group("times")):
        return True  # "one of the", "half of them": too ambiguous to count
    # reject digits glued to letters (e.g. 'B52', 'COVID-19' handled by boundary check)
    before = text[max(0, m.start("num") - 2): m.start("num")]
    if raw_num[0].isdigit() and before and (before[-1].isalpha() or re.fullmatch(r"[A-Za-z]-", before)):
        return True
    if (raw_num[0].isdigit() and m.end() < len(text) and text[m.end()].isalpha()
            and not (m.group("pct") or m.group("cur") or m.group("dur") or m.group("times"))):
        return True  # '42nd', '3D': glued to letters, not a count
    return False


_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")


def _kind(text: str, m: re.Match) -> tuple[str, str, float]:
    """What a number measures: (kind, unit, factor to the kind's unit)."""
    if m.group("pct"):
        return "percent", "%", 1.0
    if m.group("cur") or m.group("cur0"):
        return "money", CURRENCIES.get(fold(m.group("cur") or m.group("cur0")).strip(), "?"), 1.0
    if m.group("dur"):
        if m.group("old") or _AGE_PRE.search(text[: m.start()]):
            return "age", "years", 1.0
        return "duration", "days", DURATION_DAYS[m.group("dur").lower()]
    if m.group("times"):
        return "times", "times", 1.0
    if m.group("meas"):
        unit, factor = MEASURES[fold(m.group("meas")).strip()]
        return "measure", unit, factor
    if _AGE_PRE.search(text[: m.start()]):
        return "age", "years", 1.0
    if (_YEAR.fullmatch(m.group("num")) and not m.group("qual")
            and (not m.group("num2") or _YEAR.fullmatch(m.group("num2")))):
        return "year", "", 1.0  # 'in 2005'; 'between 1995 and 2005' is a span of years too
    return "count", "", 1.0


def _ordinals(text: str) -> list[Quantity]:
    out = []
    for m in _ORDINAL.finditer(text):
        if m.group(0)[0].isupper() and not _at_sentence_start(text, m.start()):
            continue  # 'First Lady', 'Second World War': an ordinal inside a name
        if _RANK_BOUND.search(text[max(0, m.start() - 20):m.start()]):
            continue  # 'more than the first', 'after the second': no rank of its own
        word = m.group(0).lower()
        v = float(ORDINALS.get(word) or re.sub(r"\D", "", word))
        out.append(Quantity("ordinal", "th", v, v, m.group(0), m.start(), m.end(), v))
    return out


def _span_words(text: str) -> list[Quantity]:
    out = []
    for m in _SPAN_WORD.finditer(text):  # 'a decade in prison', 'more than a century'
        years = (10 if m.group("unit").lower().startswith("decade") else 100) * (
            0.5 if m.group("half") else 1)
        lo, hi = _interval(m.group("qual"), years * 365.25, years * 365.25)
        out.append(Quantity("duration", "days", lo, hi, m.group(0), m.start(), m.end(), years * 365.25))
    return out


_SCORE = re.compile(r"(?<![\d.,:/-])(\d{1,3})\s?[-–]\s?(\d{1,3})(?![\d%/:-])(?![.,]\d)")
# after a score: nothing, a result word ('a 3-1 win') or a word that is no counted noun ('2-0 at home')
_AFTER_SCORE = re.compile(r"\s*(?:$|[^\w\s]|(?:against|to|at|in|on|over|with|after|for|from|by|"
                          r"and|but|as|when|while|before|the|a|an|this|last)\b)", re.IGNORECASE)
_SPAN_OPEN = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)  # 'between 10-15': a range
_RESULT = re.compile(r"\b(?:" + "|".join(stance_words("result")) + r")\b", re.IGNORECASE)


def _scores(text: str) -> list[Quantity]:
    """A score or a tally ('a 3-1 win', 'beat Wales 2-0', 'passed 52-48'): two numbers joined
    by a dash, with a word of results in the same clause. Read as one value, the higher number
    first ('lost 1-3' states the 3-1 of 'won 3-1'), agreeing only with the same two numbers."""
    out = []
    for m in _SCORE.finditer(text):
        lo_clause = max(text.rfind(x, 0, m.start()) for x in (",", ";", ".", "("))
        hi = [i for i in (text.find(x, m.end()) for x in (",", ";", ". ", ")")) if i != -1]
        clause = text[lo_clause + 1:min(hi) if hi else len(text)]
        after = _AFTER_SCORE.match(text, m.end()) or _RESULT.match(text, m.end() + 1)
        opened = _SPAN_OPEN.search(text, max(0, m.start() - 12), m.start())
        if not _RESULT.search(clause) or not after or opened:
            continue
        a, b = sorted((int(m.group(1)), int(m.group(2))), reverse=True)
        value = float(a * 1000 + b)
        out.append(Quantity("score", "", value, value, m.group(0), m.start(), m.end(), value))
    return out


def _shares(text: str) -> list[Quantity]:
    out = []
    for m in _SHARE.finditer(text):  # 'one in five', 'a third of', 'half of': a percentage
        if m.group("n"):
            pct = 100.0 * _small(m.group("n")) / _small(m.group("d"))
        else:
            pct = 100.0 * _FRACTIONS[m.group("frac").lower().rstrip("s")] * _small(m.group("k") or "one")
        if 0 < pct <= 100:
            out.append(Quantity("percent", "%", pct * 0.9, min(100.0, pct * 1.1), m.group(0).strip(),
                                m.start(), m.end(), pct))
    return out


def _vague(text: str) -> list[Quantity]:
    out = []
    for m in _VAGUE.finditer(text):  # 'dozens of exiles', 'tens of thousands of people'
        lo, hi = _VAGUE_SPANS[" ".join(m.group(1).lower().split())]
        out.append(Quantity("count", "vague", lo, hi, m.group(1), m.start(), m.end(1), lo))
    return out


def _times_words(text: str) -> list[Quantity]:
    out = []
    for m in _TIMES_WORD.finditer(text):
        if m.group(1).lower() == "once" and _FORMERLY.match(text, m.end()):
            continue  # 'who once was captain', 'once the war ended': formerly / when
        v = TIMES[m.group(1).lower()]
        out.append(Quantity("times", "times", v, v, m.group(0), m.start(), m.end(), v))
    return out


_OUT_OF = re.compile(r"\s*(?:/|out of)\s*$")


def _merge_ranges(text: str, qs: list[Quantity]) -> list[Quantity]:
    """'18 months to two years': two quantities of one kind joined by 'to' are one interval.
    '72 out of 100', '6.8/10': a score on a scale, whose top is no figure of its own (out of
    100 it reads as a percentage)."""
    out: list[Quantity] = []
    for q in qs:
        prev = out[-1] if out else None
        if (prev and prev.kind == q.kind == "count" and q.lo == q.hi and q.value > 0
                and _OUT_OF.match(text[prev.end: q.start])):
            kind, unit = ("percent", "%") if q.value == 100 else ("score", f"/{q.value:g}")
            out[-1] = Quantity(kind, unit, prev.lo, prev.hi, text[prev.start: q.end], prev.start,
                               q.end, prev.value)
            continue
        if (prev and prev.kind == q.kind == "duration"
                and re.fullmatch(r"\s*(?:to|-|–|and)\s*", text[prev.end: q.start])):
            out[-1] = Quantity(q.kind, q.unit, min(prev.lo, q.lo), max(prev.hi, q.hi),
                               text[prev.start: q.end], prev.start, q.end, prev.value)
            continue
        out.append(q)
    return out


def is_bound(q: Quantity) -> bool:
    """'more than 200', 'fewer than 50': one side open, the figure itself excluded."""
    return q.hi == math.inf or (q.lo == 0 and q.hi < q.value)


def same_kind(a: Quantity, b: Quantity) -> bool:
    if a.kind != b.kind:
        # a bare "was 68" about a person is an age; let a bare count meet an age, but
        # 'more than 200' counts a crowd, never a person's years
        if {a.kind, b.kind} == {"count", "age"}:
            count = a if a.kind == "count" else b
            return count.lo == count.hi and count.value < 130
        return False
    if a.kind == "measure":
        # '0.16 metres' against 'about 8 inches' may be another reading, rounded another way:
        # figures in two units compare only when they agree or give the same number in another
        # unit ('39 kilobytes' / '39 megabytes')
        return a.unit == b.unit and (a.scale == b.scale or agree(a, b)
                                     or math.isclose(a.value / a.scale, b.value / b.scale))
    return a.unit == b.unit or a.kind not in ("money", "score", "rank")


def same_direction_bounds(a: Quantity, b: Quantity) -> bool:
    # 'more than 200' / 'over 300'; 'fewer than 50' / 'up to $4.9bn' (an upper bound, the
    # figure itself included or not)
    return (a.hi == b.hi == math.inf) or (a.lo == b.lo == 0 and 0 < a.hi < math.inf and 0 < b.hi < math.inf
                                          and a.hi <= a.value and b.hi <= b.value)


def confirms(claim: Quantity, source: Quantity) -> bool:
    """The source's figure states the claim's, not merely allows it: 'younger than 45' allows
    '39 years old' but does not say it, so an open bound never confirms an exact figure."""
    if source.lo == source.value < source.hi < math.inf and not (
            claim.lo <= source.lo and source.hi <= claim.hi):
        return False  # a range or 'dozens' allows 40 but does not say it
    return agree(claim, source) and (_open(claim) or not _open(source))


def _open(q: Quantity) -> bool:
    """A bound, inclusive ones too: 'up to 20 years' allows 12 without stating it."""
    return is_bound(q) or (q.lo == 0 and 0 < q.hi == q.value)


def _rounded(a: Quantity, b: Quantity) -> bool:
    """``a`` is ``b``'s exact figure rounded to a whole number."""
    return (a.lo == a.hi == a.value and b.lo == b.hi == b.value and a.value == int(a.value)
            and b.value != int(b.value) and abs(a.value - b.value) < 0.5)


def agree(a: Quantity, b: Quantity) -> bool:
    """Intervals overlap, with a little slack for rounding of exact figures.

    Two bounds in the same direction ('more than 300', 'more than 200') are read as writers
    use them, near the stated figure: they agree only when the figures are close."""
    if same_direction_bounds(a, b):
        lo_a, lo_b = (a.lo, b.lo) if a.hi == math.inf else (a.hi, b.hi)
        if min(lo_a, lo_b) > 0:
            return max(lo_a, lo_b) / min(lo_a, lo_b) <= 1.25
    # rounding slack for exact figures only: 'fewer than 19,000' excludes 19,323 outright
    # and for large ones: 'number 91' is not 'number 92'
    slack = 0.02 if (a.kind in ("money", "count") and not (is_bound(a) or is_bound(b))
                     and min(a.value, b.value) >= 1000) else 0.0
    if a.kind == b.kind == "measure":
        slack = 0.03  # '5 km (3.1 miles)', '3 miles' for 4.8 km: conversions are rounded
    if _rounded(a, b) or _rounded(b, a):
        return True  # '97%' is how one writes 97.1%
    return a.lo * (1 - slack) <= b.hi * (1 + slack) and b.lo * (1 - slack) <= a.hi * (1 + slack)
