"""Text normalisation shared by retrieval, matching and stance.

Names arrive spelled many ways (Bđăp, Bdap; Kompong, Kampong) and numbers as digits or words
(three, 3). Everything that compares text goes through ``fold`` and ``tokens`` so the same
rules apply everywhere: one place to fix a normalisation bug.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import DamerauLevenshtein

from .lexicon import irregular_verbs, number_words, synonym_groups

# Letters that Unicode does not decompose into base + combining mark.
_SPECIAL = str.maketrans({
    "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
    "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ı": "i",
    "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
    "\u00a0": " ",
})

STOPWORDS = frozenset("""
a an the and or but if of in on at to for from by with without as is are was were be been being
am do does did has have had having it its this that these those there here which who whom whose
what when where why how than then so such not no nor into onto over under about after before
during since until up down out off again further once all any both each few more most other some
own same too very can could will would shall should may might must i me my we our you your he him
his she her they them their also just only said says say according while because through per
one's s t
""".split())

# number words (verify/data/number_words.tsv): 'zero'..'nineteen', and the tens
UNITS = {w: v for w, v in number_words() if v < 20}
TENS = {w: v for w, v in number_words() if v >= 20}
SCALE_WORDS = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}
_WORD_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|[^\W_]+(?:['\-.][^\W_]+)*", re.UNICODE)


# Terminal escape sequences: CSI "ESC [ ... final", OSC "ESC ] ... BEL or ESC \\", other
# two-character "ESC x" (C1 forms of CSI and OSC too). Removed whole: a terminal shows
# nothing for them, so neither does the report, and the words around them meet again.
_ESCAPES = re.compile(
    r"[\x1b]\[[0-?]*[ -/]*[@-~]?|\x9b[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c\n]{0,512}(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -~]?")
# Any other control character: C0 but tab and newline, a carriage return not before a
# newline, DEL, C1, and the bidirectional overrides and isolates that reorder what a
# reader sees. Each becomes a space.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)")


def clean_controls(text: str) -> str:
    """Untrusted text made safe to print and read as a reader sees it: terminal escape
    sequences removed, every other control character a space; newlines kept, so line
    numbers stay exact. Claims, drafts, comments and source files all pass here as they are
    read, as fetched pages do."""
    if text.isprintable() or not _CONTROLS.search(text):
        return text
    return _CONTROLS.sub(" ", _ESCAPES.sub("", text))


def fold(text: str) -> str:
    """Casefold and strip diacritics so that 'Bđăp' == 'bdap' and 'Kampuchéa' == 'kampuchea'."""
    if text.isascii():  # the common case, and ten times faster
        return text.casefold()
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.casefold()


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix stripper: enough to match 'deported'/'deportation'/'deports', cheap
    enough for a million passages, and predictable (no dictionary)."""
    w = word
    if len(w) <= 3 or w.isdigit():
        return w
    for suf in ("ations", "ation", "ments", "ment", "ings", "ing", "edly", "ies", "ied",
                "ed", "es", "ly", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            w = w[: -len(suf)]
            if suf in ("ies", "ied"):
                w += "y"
            break
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]  # 'stopped' -> 'stopp' -> 'stop'
    return w


def form_stems(word: str) -> list[str]:
    """The stems of a word and of its -s, -ed, -ing and -d forms, which the stemmer does not
    always bring together ('approve' stems to 'approve', 'approved' to 'approv')."""
    base = word[:-1] if word.endswith("e") else word
    return list(dict.fromkeys(stem(f) for f in (word, word + "s", base + "ed", base + "ing", word + "d")))


def _synonyms() -> dict[str, str]:
    """Stem -> its synonym group's first stem (``verify/data/synonyms.tsv``), every form of each
    word included ('moved' stems to 'mov', 'moves' to 'move'), and irregular pasts read as their
    verb (``verify/data/irregular_verbs.tsv``)."""
    out: dict[str, str] = {}
    for group in synonym_groups():
        stems = [stem(w) for w in group]
        for s in stems:
            out.setdefault(s, stems[0])
        for w in group:
            for s in form_stems(w):
                out.setdefault(s, stems[0])
    for past, verb in irregular_verbs():
        out.setdefault(stem(past), out.get(stem(verb), stem(verb)))
    return out


SYNONYM: dict[str, str] = _synonyms()


def canon(word: str) -> str:
    """A word as the index and the stance compare it: its stem, read as its synonym group's."""
    s = stem(word)
    return SYNONYM.get(s, s)


def words(text: str) -> list[str]:
    """Folded word tokens; hyphenated and dotted forms are split ('12-year' -> '12', 'year')."""
    return list(_words(text))


@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    """Cached: the stance step reads the same sentences and names many times over."""
    out: list[str] = []
    for m in _WORD_RE.finditer(fold(text)):
        tok = m.group(0)
        if tok.isalnum():
            out.append(tok)
            continue
        if "." in tok and not re.fullmatch(r"[\d.]+", tok):
            tok = tok.replace(".", "")  # U.N. -> un
            out.append(tok)
            continue
        contraction = _NOT.fullmatch(tok)
        if contraction:  # "didn't" is 'did not', "won't" 'will not': the negation is a word
            out.extend((_NOT_BASE.get(contraction.group(1), contraction.group(1)), "not"))
            continue
        out.extend(t for t in re.split(r"[-']", tok) if t)
    return tuple(_numbers_to_digits(out))


_NOT = re.compile(r"([a-z]+)n't")
_NOT_BASE = {"wo": "will", "ca": "can", "sha": "shall", "ai": "is"}


def _numbers_to_digits(toks: list[str]) -> list[str]:
    """'two hundred' -> '200', 'three' -> '3', '1,200' stays '1,200' -> '1200'."""
    out: list[str] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t in UNITS or t in TENS:
            value = UNITS.get(t, TENS.get(t, 0))
            j = i + 1
            if t in TENS and j < len(toks) and toks[j] in UNITS and UNITS[toks[j]] < 10:
                value += UNITS[toks[j]]
                j += 1
            if j < len(toks) and toks[j] in SCALE_WORDS:
                value *= SCALE_WORDS[toks[j]]
                j += 1
            out.append(str(value))
            i = j
            continue
        out.append(t.replace(",", "") if t[:1].isdigit() else t)
        i += 1
    return out


def tokens(text: str) -> list[str]:
    """Content tokens (stopwords dropped, stemmed): the unit of overlap and retrieval."""
    return [stem(w) for w in words(text) if w not in STOPWORDS and len(w) > 1 or w.isdigit()]


def norm(text: str) -> str:
    """One normalised string per passage: what the keyword index and the fuzzy scorer see."""
    return " ".join(words(text))


# Derivational endings: 'adulthood' / 'adult', 'mortality' / 'mortal', 'election' / 'elect',
# 'dependent' / 'depend'. Longest first; one is stripped, and the root must keep 4 letters.
_DERIVATIONAL = ("ization", "isation", "ability", "ibility", "iveness", "ousness",
                 "ically", "ation", "ition", "ness", "ment", "hood", "ship", "ence", "ance",
                 "ency", "ancy", "ical", "ity", "ous", "ive", "ion", "ial", "ism", "ist",
                 "ize", "ise", "ate", "ent", "ant", "ic", "al", "ly", "y")


@lru_cache(maxsize=65536)
def root(t: str) -> str:
    """The stem of ``t`` without its derivational ending: 'adulthood' and 'adult' share one
    root, as do 'mortality'/'mortal' and 'election'/'elect' (a stem is already inflection-free)."""
    if len(t) < 5 or not t.isalpha():
        return t
    for suf in _DERIVATIONAL:
        if t.endswith(suf) and len(t) - len(suf) >= 4:
            return t[: -len(suf)]
    return t


def token_match(t: str, pool: set[str]) -> str | None:
    """The word of ``pool`` that ``t`` matches: itself, a prefix form of the same word
    ('deport' / 'deportee'), another form sharing its root ('adult' / 'adulthood'), or a
    near spelling ('Kampong' / 'Kompong')."""
    if t in pool:
        return t
    if len(t) >= 4:
        rt = root(t)
        for p in pool:
            if len(p) >= 4 and (p.startswith(t) or t.startswith(p)) and min(len(p), len(t)) >= 0.6 * max(len(p), len(t)):
                return p
        if len(rt) >= 4:
            for p in pool:
                if len(p) >= 5 and p[:3] == t[:3] and root(p) == rt:
                    return p
        if len(t) >= 5:
            for p in pool:
                if len(p) >= 5 and fuzz.ratio(t, p) >= 85 and not _prefixed(t, p):
                    return p
    return None


def _prefixed(a: str, b: str) -> bool:
    """One word is the other with a syllable put in front ('uninvolv' / 'involv', 'reelect' /
    'elect'): a word of its own, often the opposite, never a misspelling of it."""
    short, long_ = sorted((a, b), key=len)
    return len(long_) - len(short) >= 2 and long_.endswith(short)


def nearest_spelling(word: str, candidates, most: int = 1) -> str | None:
    """The candidate spelt fewest letters from ``word`` (a letter changed, added or dropped, or
    two swapped), if at most ``most``; the first in sorted order on a tie. The one notion of a
    misspelling that ``respell``, ``reading.spelling`` and ``reading.places`` share."""
    best: tuple[int, str] | None = None
    for c in candidates:
        if abs(len(c) - len(word)) > most:
            continue
        d = DamerauLevenshtein.distance(word, c, score_cutoff=most)
        if d <= most and (best is None or (d, c) < best):
            best = (d, c)
    return best[1] if best else None


_LETTERS_RE = re.compile(r"[^\W\d_]{4,}")


# a number in words as ``_numbers_to_digits`` reads one: 'forty-six', 'twelve hundred'
_NUMBER_WORDS_RE = re.compile(
    r"\b(?:(?:" + "|".join(sorted(TENS, key=len, reverse=True)) + r")(?:[\s-](?:"
    + "|".join(w for w, v in sorted(UNITS.items(), key=lambda x: -len(x[0])) if 0 < v < 10) + r"))?"
    r"|(?:" + "|".join(sorted(UNITS, key=len, reverse=True)) + r"))"
    r"(?:\s+(?:" + "|".join(SCALE_WORDS) + r"))?\b"
    r"(?!-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|half|halves|thirds?|quarters?"
    r"|fourths?|fifths?)\b)", re.IGNORECASE)  # not 'twenty-first', 'two-thirds'

_DIGITS_RE = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\d.,])\d+(?![\d.,]\d)")


def renumber(claim: str, passage: str) -> str:
    """``claim`` with each number it writes in words ('forty-six', 'two hundred') written in
    digits as the passage writes that number ('46', '1,200'), where the passage gives it in
    digits and not in words. The rules read both forms as one number; a model reading word
    pieces reads 'forty-six' against '46' as another number (at 99%)."""
    written: dict[int, str] = {}
    for m in _DIGITS_RE.finditer(passage):
        written.setdefault(int(m.group(0).replace(",", "")), m.group(0))
    if not written:
        return claim

    def fix(m: re.Match) -> str:
        (value,) = words(m.group(0))  # the one number the words make, in digits
        digits = written.get(int(value)) if int(value) > 1 else None  # 'one of', 'no one': not a count
        if digits is None or re.search(rf"\b{re.escape(m.group(0))}\b", passage, re.IGNORECASE):
            return m.group(0)
        return digits

    return _NUMBER_WORDS_RE.sub(fix, claim)


def respell(claim: str, passage: str, known: Callable[[str], bool]) -> str:
    """``claim`` with each word that ``known`` says the corpus never uses, and that the passage
    spells one letter differently (two in a word of ten letters or more; in a four-letter word,
    only two letters swapped), spelt as the passage spells it ('rseult' -> 'result', 'Kompong'
    -> 'Kampong', 'Pehn' -> 'Penh'). The rules match such spellings fuzzily already; a model
    reading word pieces reads a misspelt word as another word."""
    spelt = {m.group(0).lower(): m.group(0) for m in _LETTERS_RE.finditer(passage)}

    def fix(m: re.Match) -> str:
        w = m.group(0)
        low = w.lower()
        if low in spelt or known(low):
            return w
        pool = spelt if len(low) > 4 else [p for p in spelt if sorted(p) == sorted(low)]
        near = nearest_spelling(low, pool, 1 if len(low) < 10 else 2)
        if near is None:
            return w
        best = spelt[near]
        return best[0].upper() + best[1:] if w[0].isupper() else best

    return _LETTERS_RE.sub(fix, claim)
