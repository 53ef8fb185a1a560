"""Dates as partial (year, month, day) values, with relative expressions resolved.

News text states dates at every precision ("2017", "November 2017", "September 15", "late
February", "last November"). Two dates disagree only on a field both of them state, so
"November" never contradicts "November 2017", and "since 2017" reads as an open interval.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..lexicon import month_abbreviations, months, number_words

# the month names, then their abbreviations ('sep' and 'sept'), to the month number
MONTHS = {word: number for word, number, _ in months()}
# longest first, so that of two words one of which begins the other ('march', 'mar') the
# longer is tried first, as in any order that a regex alternation of literal words needs
_MON = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# lower-case three-letter abbreviations are words too ('mar', 'dec'), unless a day or year
# comes with them; 'sept' is not
_LOWER_ABBREVIATIONS = tuple(a for a in month_abbreviations() if len(a) == 3)
_PART = r"(?:(?:the\s+)?(?P<part>early|mid|late|end of|beginning of|the end of)[\s-]+)?"
_REL = r"(?:(?P<rel>last|this|next|earlier this|later this|past)\s+)?"
_PREP = r"(?:(?P<prep>since|after|before|until|by|from|in|on|as of)\s+)?"

_DATE_RE = re.compile(
    rf"\b{_PREP}{_PART}{_REL}"
    rf"(?:(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon1>{_MON})(?:,?\s+(?P<year1>1[5-9]\d\d|20\d\d))?"
    rf"|(?P<mon2>{_MON})(?:\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\b)?(?:,?\s+(?P<year2>1[5-9]\d\d|20\d\d))?"
    rf"|(?:the\s+)?(?P<decade>1[5-9]\d0|20\d0)['’]?s"
    rf"|(?P<year3>1[5-9]\d\d|20\d\d)(?!\s*(?:%|percent|people|years?|baht|dollars))"
    rf"|(?P<relunit>month|year|week))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateValue:
    """A date at whatever precision the text gave; ``op`` is '=' or an open side ('>=', '<=')."""

    year: int | None
    month: int | None
    day: int | None
    text: str
    start: int
    end: int
    op: str = "="
    relative: bool = False
    last_year: int | None = None  # a span of years: 'the early 1980s' is 1980 to 1983
    part: str = ""  # 'early' | 'mid' | 'late': which part of the month or year it states
    span: bool = False  # a span with both ends stated ('from 1995 to 2005'), not a decade

    def describe(self) -> str:
        return self.text.strip()


_OPEN_BEFORE = re.compile(r"\b(?:since|after|before|until|from|by|through|throughout)\b[^.,;]*$", re.IGNORECASE)
_THAT_YEAR = re.compile(r"\b(?:that|the same|that same)\s+year\b", re.IGNORECASE)


def extract_dates(text: str, published: date | None = None, anchor_year: int | None = None) -> list[DateValue]:
    """Dates in ``text``. Relative ones ('last November', 'next month', 'two years ago') are
    resolved against ``published`` when given; otherwise they keep only what they state.
    'that year' refers back to ``anchor_year``, the last year named before the text."""
    out: list[DateValue] = []
    if anchor_year:
        out.extend(DateValue(anchor_year, None, None, m.group(0), m.start(), m.end(), relative=True)
                   for m in _THAT_YEAR.finditer(text))
    for m in _DATE_RE.finditer(text):
        value = _date(text, m, published)
        if value is not None:
            out.append(value)
    if published:
        out.extend(_ago(text, published))
    return _year_ranges(text, sorted(out, key=lambda d: d.start))


# 'from 1995 to 2005', 'between 1995 and 2005', '1995-2005', 'from 1995 through 2005'
_RANGE_GAP = re.compile(r"\s*(to|through|until|till|and|-|–|—)\s*", re.IGNORECASE)


def _year_ranges(text: str, dates: list[DateValue]) -> list[DateValue]:
    """Two years that state one span ('from 1995 to 2005') read as that span, both ends stated:
    it is not 'since 1995' and another 2005. 'and' joins a span only after 'between' ('in 1995
    and 2005' are two years), a dash also with no opening word, but not in brackets ('(1898-1942)'
    is a birth and a death)."""
    out: list[DateValue] = []
    for d in dates:
        prev = out[-1] if out else None
        gap = _RANGE_GAP.fullmatch(text, prev.end, d.start) if prev is not None else None
        if (prev is None or gap is None or not (_year_only(prev) and _year_only(d) and d.op == "=")
                or not (prev.year is not None and d.year is not None and prev.year < d.year)):
            out.append(d)
            continue
        joiner = gap.group(1).lower()
        before = (text[max(0, prev.start - 8):prev.start] + prev.text).lower()
        opened = "from" in before.split() or "between" in before.split()
        dash = joiner in ("-", "–", "—") and not text[:prev.start].rstrip().endswith("(")
        if (opened or dash) and (joiner != "and" or "between" in before.split()):
            out[-1] = DateValue(prev.year, None, None, text[prev.start:d.end], prev.start, d.end, "=",
                                last_year=d.year, span=True)
        else:
            out.append(d)
    return out


def _year_only(d: DateValue) -> bool:
    return (d.month is None and d.day is None and d.last_year is None and not d.relative
            and not d.part and d.op in ("=", ">="))


# words after which 'May' can only be the month
_MONTH_LEAD = re.compile(r"\b(?:till|through|during|of)\s+$", re.IGNORECASE)


def _date(text: str, m: re.Match, published: date | None) -> DateValue | None:
    """One match of the date pattern as a date, or None where it is not one ('may', 'past
    year', 'last month' with no publication date to count from)."""
    g = m.groupdict()
    mon_s = g["mon1"] or g["mon2"]
    if (mon_s and mon_s.lower().rstrip(".") == "may" and not (g["day2"] or g["year2"] or g["day1"])
            and not (mon_s[0] == "M" and (g["prep"] or g["part"] or g["rel"]
                                          or _MONTH_LEAD.search(text[max(0, m.start() - 12):m.start()])))):
        return None  # the modal verb 'may' (but 'in May', 'since May', 'late May' are the month)
    if mon_s and mon_s.lower().rstrip(".") in _LOWER_ABBREVIATIONS \
            and not mon_s[0].isupper():
        return None
    if g["relunit"]:
        return _relative_unit(m, published)
    if g["decade"]:
        return _decade(text, m)
    return _calendar_date(m, published)


def _relative_unit(m: re.Match, published: date | None) -> DateValue | None:
    """'last year', 'next month', 'this year': only with a publication date to count from."""
    rel = (m.group("rel") or "").lower()
    if not rel or rel == "past":
        return None
    unit = m.group("relunit").lower()
    y = m_ = None
    if published:
        step = {"last": -1, "next": 1}.get(rel, 0)
        if unit == "year":
            y = published.year + step
        elif unit == "month":
            y, m_ = _add_months(published, step)
    if y is None:
        return None
    return DateValue(y, m_, None, m.group(0), m.start(), m.end(), relative=True)


def _decade(text: str, m: re.Match) -> DateValue | None:
    """'the 1990s', 'the late 1980s', 'since the 2000s': a span of years."""
    y0 = int(m.group("decade"))
    part = (m.group("part") or "").lower()
    lo, hi = ((0, 3) if part in ("early", "beginning of") else (3, 6) if part == "mid"
              else (6, 9) if part in ("late", "end of", "the end of") else (0, 9))
    prep = (m.group("prep") or "").lower()
    op = {"since": ">=", "from": ">=", "after": ">", "before": "<", "until": "<="}.get(prep, "=")
    if op == "=" and _OPEN_BEFORE.search(text[max(0, m.start() - 25):m.start()]):
        return None  # 'since at least the 1990s': open, but not read as such
    return DateValue(y0 + lo, None, None, m.group(0), m.start(), m.end(), op, last_year=y0 + hi)


def _calendar_date(m: re.Match, published: date | None) -> DateValue:
    """A year, month and day as far as stated ('September 15', 'November 2017', 'last May')."""
    g = m.groupdict()
    rel = (g["rel"] or "").lower()
    mon_s = g["mon1"] or g["mon2"]
    year_s = g["year1"] or g["year2"] or g["year3"]
    year = int(year_s) if year_s else None
    month = MONTHS[mon_s.lower().rstrip(".")] if mon_s else None
    day_s = g["day1"] or g["day2"]
    day = int(day_s) if day_s and 1 <= int(day_s) <= 31 else None
    relative = False
    if rel and month and year is None:
        relative = True
        if published:
            if rel == "last":
                year = published.year if month < published.month else published.year - 1
            elif rel == "next":
                year = published.year if month > published.month else published.year + 1
            elif rel == "this":
                year = published.year
    if rel in ("this", "earlier this", "later this") and year is None and published and not month:
        year = published.year
    prep = (g["prep"] or "").lower()
    op = {"since": ">=", "from": ">=", "after": ">", "before": "<", "until": "<=", "by": "<="}.get(prep, "=")
    part = _PARTS.get((g["part"] or "").lower(), "") if day is None else ""
    return DateValue(year, month, day, m.group(0), m.start(), m.end(), op, relative, part=part)


def _ago(text: str, published: date) -> list[DateValue]:
    """'two years ago', 'a month ago', counted back from the publication date."""
    out = []
    for m in _AGO.finditer(text):
        w = m.group(1).lower()
        n = int(w) if w.isdigit() else _AGO_COUNTS[w]
        if m.group(2).lower().startswith("year"):
            out.append(DateValue(published.year - n, None, None, m.group(0), m.start(), m.end(), relative=True))
        else:
            y, mm = _add_months(published, -n)
            out.append(DateValue(y, mm, None, m.group(0), m.start(), m.end(), relative=True))
    return out


_AGO_COUNTS = {"a": 1, "an": 1, **{w: v for w, v in number_words() if 1 <= v <= 10}}
_AGO = re.compile(r"\b(" + "|".join(_AGO_COUNTS) + r"|\d{1,2})\s+(years?|months?)\s+ago\b",
                  re.IGNORECASE)


def _add_months(day: date, n: int) -> tuple[int, int]:
    k = day.year * 12 + day.month - 1 + n
    return k // 12, k % 12 + 1


def last_year(text: str) -> int | None:
    """The last calendar year named in ``text`` (what a following 'that year' means)."""
    years = [d.year for d in extract_dates(text) if d.year and not d.relative]
    return years[-1] if years else None


def compare(a: DateValue, b: DateValue) -> bool | None:
    """True when the dates agree, False when a field both state differs, None when they
    cannot be compared (no field in common)."""
    if a.op != b.op:  # 'since 2017' vs 'in 2019': an open interval against a point
        if a.year is None or b.year is None:
            return _month_bound(a, b)
        lo_a, hi_a = _year_span(a)
        lo_b, hi_b = _year_span(b)
        return lo_a <= hi_b and lo_b <= hi_a
    if (a.last_year or b.last_year) and a.year is not None and b.year is not None:
        lo_a, hi_a = a.year, a.last_year or a.year
        lo_b, hi_b = b.year, b.last_year or b.year
        if hi_a < lo_b or hi_b < lo_a or (a.span and b.span and (lo_a, hi_a) != (lo_b, hi_b)):
            return False  # disjoint, or two stated spans with another end
        return True if lo_a == hi_a or lo_b == hi_b or (lo_a, hi_a) == (lo_b, hi_b) else None
    shared = False
    pairs = [(a.year, b.year), (a.month, b.month)]
    if a.month is not None and a.month == b.month:
        pairs.append((a.day, b.day))  # a day means nothing without its month
    for fa, fb in pairs:
        if fa is None or fb is None:
            continue
        shared = True
        if fa != fb:
            return False
    if shared and (_outside_part(a, b) or _outside_part(b, a)):
        return False  # 'late February' is not 'February 3'
    return True if shared else None


_PARTS = {"early": "early", "beginning of": "early", "mid": "mid", "late": "late",
          "end of": "late", "the end of": "late"}
_DAY_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_MONTH_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}


def _outside_part(a: DateValue, b: DateValue) -> bool:
    """``b`` names a day (or month) outside the part of the month (or year) ``a`` states."""
    if not a.part:
        return False
    if a.month is not None and b.month == a.month and b.day is not None:
        lo, hi = _DAY_PARTS[a.part]
        return not lo <= b.day <= hi
    if a.month is None and a.year is not None and b.year == a.year and b.month is not None:
        lo, hi = _MONTH_PARTS[a.part]
        return not lo <= b.month <= hi
    return False


def _month_bound(a: DateValue, b: DateValue) -> bool | None:
    """'before June' against '20 March 1963': a bound on the month alone is met by a date in
    an earlier month; one outside it may fall in another year, so it never conflicts."""
    bound, point = (a, b) if a.op != "=" else (b, a)
    if point.op != "=" or bound.year is not None or not (bound.month and point.month):
        return None
    at, limit = (point.month, point.day or 0), (bound.month, bound.day or 0)
    if at[0] == limit[0] and not (point.day and bound.day):
        return None  # 'before June' against 'June': which part of it?
    ok = {">": at > limit, ">=": at >= limit, "<": at < limit, "<=": at <= limit}.get(bound.op)
    return True if ok else None


def _year_span(d: DateValue) -> tuple[float, float]:
    y = float(d.year or 0)
    last = float(d.last_year or y)
    if d.op in (">=", ">"):
        return (last + 1 if d.op == ">" and d.month is None else y), float("inf")
    if d.op in ("<=", "<"):
        return float("-inf"), y - (1 if d.op == "<" and d.month is None else 0)
    return y, last


def parse_published(value: str | None) -> date | None:
    """A source's ``published`` front matter ('2022-10-05', '2022-10', '2022')."""
    if not value:
        return None
    m = re.match(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", value.strip())
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None
