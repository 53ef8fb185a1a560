"""Direct quotations: find them and their speaker in a draft, then look for them in the sources.

A misquote is the error a reader forgives least, and the one a plain claim check misses: the
words may be "supported" by the article while the draft has changed one of them or given them
to the wrong person. Quotes are compared word by word after dropping what editors are allowed
to change (punctuation, case, bracketed insertions, ellipses); the speaker in the source is
found with the same attribution rules as in the draft, following "he said" or "said the
activist" back to the last person named.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

QuoteStatus = Literal["exact", "altered", "misattributed", "not-found"]


@dataclass
class Quote:
    """A quotation in a text. ``speaker`` is the person named (after following pronouns and
    descriptions back), else the phrase as written ("the message"), else None; ``cue`` is the
    attribution phrase as written."""

    text: str
    speaker: str | None
    start: int
    end: int
    line: int
    cue: str | None = None


@dataclass
class QuoteMatch:
    status: QuoteStatus
    source: str | None = None
    passage: str | None = None
    source_speaker: str | None = None
    diff: str | None = None
    score: float = 0.0


# --- finding quotes and speakers --------------------------------------------------------------

_QUOTE = re.compile(
    r"\u201c(?P<c>[^\u201c\u201d]*?)(?:\u201d|(?=\n\s*\n)|$)"  # curly; may run to paragraph end
    r"|(?<![\w\"])\"(?P<s>[^\"\n]+?)\"(?!\w)"  # straight, on one line
    r"|\u00ab\s?(?P<g>[^\u00ab\u00bb]+?)\s?\u00bb",  # guillemets
)
_VERBS = (
    r"said|says|say|told|tells|added|adds|wrote|writes|stated|states|explained|explains|recalled|"
    r"noted|notes|asked|asks|replied|insisted|insists|warned|warns|argued|argues|claimed|claims|"
    r"declared|announced|continued|remembered|admitted|acknowledged|stressed|emphasised|emphasized|"
    r"commented|tweeted|posted|recounted|concluded|shouted|whispered"
)
_NAME_WORD = r"(?:[A-Z]\.|[A-Z][\w'\u2019-]*|(?:de|da|van|von|bin|al|la|le|del|di)(?=[ \t]+[A-Z]))"
_NAME_RUN = re.compile(rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD})*")
_AFTER = re.compile(
    rf"[ \t,.!?;:\u2014-]*(?:(?P<v1>{_VERBS})\s+(?P<w1>[^.,;:!?\u201c\u201d\"\n]{{1,90}})"
    rf"|(?P<w2>[^.,;:!?\u201c\u201d\"\n]{{1,80}}?)\s+(?P<v2>{_VERBS})\b)",
)
_BEFORE = re.compile(
    rf"(?:^|[.!?\u201d\"]\s+|\n)(?P<w>[^.!?\u201c\u201d\"\n]{{1,120}}?)\s+(?:(?:{_VERBS})(?:\s+\w+){{0,3}}"
    rf"|according to)\s*[:,]?\s*$"
    rf"|according to (?P<w3>[^.,;:!?\u201c\u201d\"\n]{{1,80}}),\s*$",
)
_NARRATION = re.compile(
    rf"(?P<w>{_NAME_RUN.pattern})(?:,[^,.!?\u201c\u201d\n]{{1,100}},)?\s+(?:{_VERBS})\b"
    rf"|\b(?:{_VERBS})\s+(?P<w2>{_NAME_RUN.pattern})",
)
_ROLES = (r"spokesperson|spokesman|spokeswoman|official|officer|leader|director|minister|president|"
          r"activist|lawyer|chief|head|member|founder|co-founder|researcher|professor|lecturer|analyst|"
          r"councilor|councillor|commander|secretary|chairman|mayor|journalist|reporter|monk|priest")
_SUBJECT = re.compile(rf"^[ \t]*(?P<w>[^\n.,;:]{{0,60}}?{_NAME_RUN.pattern})[ \t]+(?!(?:{_ROLES})\b)[a-z]",
                      re.M)
_CUT = re.compile(r"\s+(?:of|from|at|for|in|on|who|whose|which|with|to|during|after|before|when)\s+.*$"
                  r"|\s*,.*$")
_PRONOUNS = frozenset("he she they it we i you him her them".split())
# Capitalised only because they open a sentence: never part of a name.
_STARTERS = frozenset("""the a an this that these those while when after before but and or so since
    although though if as in on at for from by with then meanwhile later earlier yet also still days
    however according last next""".split())
_NOT_PEOPLE = frozenset(
    """message statement report letter post email e-mail note text ministry government police court
    agency committee website site document study survey tweet video sign account article book
    group organisation organization company party embassy office notice announcement decree law
    order leaflet banner caption headline newspaper paper magazine station network channel""".split()
)
_TITLES = frozenset("mr mrs ms miss dr prof sir lord lady gen col capt sen rep gov president minister "
                    "premier judge justice rev father sister brother mayor governor senator general "
                    "chairman chairwoman chair director secretary ambassador commissioner".split())


def _drop_titles(words: list[str]) -> list[str]:
    """'Mayor Paul Okafor' -> 'Paul Okafor' (a title alone stays: 'the Mayor' names someone)."""
    i = 0
    while i < len(words) - 1 and words[i].lower().rstrip(".") in _TITLES:
        i += 1
    return words[i:]
_LOOKBACK = 2000
_NEAR = 600


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _name_in(phrase: str) -> str | None:
    """The person's name inside an attribution phrase: the last run of capitalised words
    ("National Police spokesperson Chhay Kim Khoeun" -> "Chhay Kim Khoeun")."""
    phrase = _CUT.sub("", phrase.strip())
    runs = [m.group(0) for m in _NAME_RUN.finditer(phrase)]
    names = []
    for run in runs:
        words = run.split()
        while words and words[0].lower() in _STARTERS:
            words.pop(0)
        words = _drop_titles(words)
        name = re.sub(r"['\u2019]s$", "", " ".join(words)).rstrip(".")
        if len(name) > 1 and name.lower() not in _PRONOUNS:
            names.append(name)
    return names[-1] if names else None


def _resolvable(phrase: str) -> bool:
    """'he' or 'the activist' can be followed back to a name; 'the message' cannot."""
    words = phrase.lower().split()
    if not words:
        return False
    if words[0] in _PRONOUNS:
        return words[0] in {"he", "she"}
    return words[-1] not in _NOT_PEOPLE


def _attribution(text: str, start: int, end: int) -> tuple[str | None, int]:
    """The attribution phrase next to a quote (after it first, then before) and its position."""
    m = _AFTER.match(text, end, min(len(text), end + 160))
    if m:
        who = (m.group("w1") or m.group("w2") or "").strip()
        who = _CUT.sub("", who) if m.group("w1") else who
        if who and len(who.split()) <= 8 and not who.lower().startswith(("that ", "it ")):
            return who, end
    head = text[max(0, start - 200):start]
    m = _BEFORE.search(head)
    if m:
        who = (m.group("w") or m.group("w3") or "").strip()
        who = re.sub(r"^(?:and|but|so|then|later|earlier|as)\s+", "", who, flags=re.I)
        if who:
            return who, start - len(head) + m.start()
    # 'Bob Iger has framed the strategy simply: "..."': a quote after a colon is said by the
    # person the sentence introducing it opens with
    if head.rstrip().endswith(":"):
        sentence = re.split(r"[.!?\u201d\"]\s+|\n", head.rstrip()[:-1])[-1]
        m = _SUBJECT.match(sentence)
        name = _name_in(m.group("w")) if m else None
        if m and name and " " in name:  # a full name, not a word capitalised to open the sentence
            return m.group("w").strip(), start - len(sentence) - (len(head) - len(head.rstrip())) - 1
    return None, -1


def _last_named(text: str, before: int, known: list[tuple[int, str]], reach: int = _LOOKBACK,
                subjects: bool = False) -> str | None:
    """The person most recently named as saying something before ``before``; with ``subjects``
    also a full name opening a paragraph ("Ruling CPP spokesperson Sok Eysan rejected ..."),
    which is who a following "he said" usually means."""
    lo = max(0, before - reach)
    best: tuple[int, str] | None = None
    for pos, name in known:
        if lo <= pos < before and (best is None or pos > best[0]):
            best = (pos, name)
    for m in _NARRATION.finditer(text, lo, before):
        name = _name_in(m.group("w") or m.group("w2") or "")  # type: ignore[assignment]
        if name and (best is None or m.start() > best[0]):
            best = (m.start(), name)
    if subjects:
        for m in _SUBJECT.finditer(text, lo, before):
            name = _name_in(m.group("w"))  # type: ignore[assignment]
            if name and " " in name and (best is None or m.start() > best[0]):
                best = (m.start(), name)
    return best[1] if best else None


def find_quotes(text: str, min_words: int = 3) -> list[Quote]:
    """Direct quotations of at least ``min_words`` words and who said them.

    A quote with no attribution of its own goes to the last person named as speaking before
    it (a quote that continues "..., Chantra said. '...'" or follows "Chantra said he ..."),
    else to the nearest attributed quote of its paragraph.
    """
    raw: list[tuple[int, int, str]] = []
    for m in _QUOTE.finditer(text):
        g = "c" if m.group("c") is not None else "s" if m.group("s") is not None else "g"
        inner = m.group(g).strip()
        if len(re.findall(r"\w+", inner)) >= min_words:
            raw.append((m.start(), m.end(), inner))
    quotes: list[Quote] = []
    known: list[tuple[int, str]] = []
    for start, end, inner in raw:
        cue, pos = _attribution(text, start, end)
        speaker = _name_in(cue) if cue else None
        if cue and not speaker and _resolvable(cue):
            speaker = _last_named(text, start, known, subjects=True)
        quotes.append(Quote(inner, speaker or cue, start, end, _line(text, start), cue))
        if speaker:
            known.append((pos if pos >= 0 else start, speaker))
    for i, q in enumerate(quotes):
        if q.cue is None:
            # No cue at all: only a speaker named close by (this or the previous paragraph).
            q.speaker = _last_named(text, q.start, known, _NEAR) or _paragraph_speaker(text, quotes, i)
    return quotes


def _paragraph_speaker(text: str, quotes: list[Quote], i: int) -> str | None:
    q = quotes[i]
    para_start = text.rfind("\n\n", 0, q.start)
    para_end = text.find("\n\n", q.end)
    para_end = len(text) if para_end < 0 else para_end
    same = [o for o in quotes if o is not q and o.cue and para_start <= o.start < para_end]
    same.sort(key=lambda o: abs(o.start - q.start))
    return same[0].speaker if same else None


# --- matching against the sources ------------------------------------------------------------

_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")
_BRACKET = re.compile(r"\[[^\]]*\]")
_ELLIPSIS = re.compile(r"\.\s?\.\s?\.|\u2026")
_GAP = "\u2026"


def fold(text: str) -> str:
    """Lower case, no diacritics, straight apostrophes: how two quotes are compared."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'").replace("\u2018", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def _tokens(text: str, keep_brackets: bool) -> list[tuple[str, int, int]]:
    """(word, start, end) with ellipses as a gap token; bracketed insertions kept or dropped."""
    spans: list[tuple[int, int, str]] = [(m.start(), m.end(), _GAP) for m in _ELLIPSIS.finditer(text)]
    drop = [] if keep_brackets else [(m.start(), m.end()) for m in _BRACKET.finditer(text)]
    for m in _WORD.finditer(text):
        if not any(a <= m.start() < b for a, b in drop):
            spans.append((m.start(), m.end(), fold(m.group(0))))
    spans.sort()
    return [(w, a, b) for a, b, w in spans]


def _segments(words: list[str]) -> list[list[str]]:
    segs: list[list[str]] = [[]]
    for w in words:
        if w == _GAP:
            segs.append([])
        else:
            segs[-1].append(w)
    return [s for s in segs if s]


def _contains_in_order(hay: list[str], segs: list[list[str]]) -> tuple[int, int] | None:
    """Where the quote's pieces (split at its ellipses) occur in order, each contiguous."""
    pos, first = 0, -1
    for seg in segs:
        n = len(seg)
        for i in range(pos, len(hay) - n + 1):
            if hay[i:i + n] == seg:
                first = i if first < 0 else first
                pos = i + n
                break
        else:
            return None
    return first, pos


def _align(q: list[str], hay: list[str]) -> tuple[int, int, float, str]:
    """Best window of ``hay`` for the quote, its similarity and a word-level diff."""
    sm = difflib.SequenceMatcher(None, q, hay, autojunk=False)
    blocks = [b for b in sm.get_matching_blocks() if b.size]
    if not blocks:
        return 0, 0, 0.0, ""
    lo = blocks[0].b - blocks[0].a
    hi = blocks[-1].b + blocks[-1].size + (len(q) - blocks[-1].a - blocks[-1].size)
    lo, hi = max(0, lo), min(len(hay), hi)
    window = hay[lo:hi]
    sm = difflib.SequenceMatcher(None, window, q, autojunk=False)
    parts: list[str] = []
    for op, a1, a2, b1, b2 in sm.get_opcodes():
        if op == "equal":
            parts.append(" ".join(window[a1:a2]))
        removed = "[-" + " ".join(window[a1:a2]) + "-]" if op in ("delete", "replace") else ""
        added = "{+" + " ".join(q[b1:b2]) + "+}" if op in ("insert", "replace") else ""
        if removed or added:
            parts.append(removed + added)
    return lo, hi, sm.ratio(), " ".join(parts)


def same_person(a: str, b: str) -> bool:
    """'Chhay Kim Khoeun' is 'Kim Khoeun'; 'Chantra' is 'Duong Chantra'; 'Sophéap' is 'Sopheap'."""
    ta = [t for t in re.findall(r"\w+", fold(a)) if t not in _TITLES]
    tb = [t for t in re.findall(r"\w+", fold(b)) if t not in _TITLES]
    if not ta or not tb:
        return True
    return set(ta) <= set(tb) or set(tb) <= set(ta) or ta[-1] == tb[-1]


def is_named(speaker: str | None) -> bool:
    return bool(speaker) and _name_in(speaker or "") == speaker


def _variants(text: str) -> list[list[tuple[str, int, int]]]:
    a, b = _tokens(text, False), _tokens(text, True)
    return [a] if [w for w, _, _ in a] == [w for w, _, _ in b] else [a, b]


# Thresholds for calling a passage the same quote with words changed.
ALTERED_MIN_RATIO = 0.6
SEARCH_CUTOFF = 60.0


def match_quote(quote: Quote, passages: list[tuple[str, str]]) -> QuoteMatch:
    """Look for a draft quote in (source_id, text) passages, given in document order.

    Passages may be sentences or paragraphs; consecutive passages of one source are read
    together to find who is speaking in the source.
    """
    q_variants = [[w for w, _, _ in v] for v in _variants(quote.text)]
    q_flat = [w for w in q_variants[0] if w != _GAP]
    if not q_flat:
        return QuoteMatch("not-found")
    needle = " ".join(q_flat)
    ranked = []
    for i, (sid, ptext) in enumerate(passages):
        hay = " ".join(w for w, _, _ in _tokens(ptext, True) if w != _GAP)
        sc = fuzz.partial_ratio(needle, hay, score_cutoff=SEARCH_CUTOFF) if len(hay) >= len(needle) \
            else fuzz.ratio(needle, hay, score_cutoff=SEARCH_CUTOFF)
        if sc:
            ranked.append((sc, i))
    ranked.sort(reverse=True)
    best: tuple[float, int, int, int, int, str, bool] | None = None  # ratio, i0, i1, lo, hi, diff, exact
    for _, i in ranked[:8]:
        # A quote may run over two sentence passages: try the passage with each neighbour too.
        for i0, i1 in ((i, i), (i, i + 1), (i - 1, i)):
            if i0 < 0 or i1 >= len(passages) or passages[i0][0] != passages[i1][0]:
                continue
            ptext = "\n".join(t for _, t in passages[i0:i1 + 1])
            for toks in _variants(ptext):
                hay = [w for w, _, _ in toks if w != _GAP]  # type: ignore[assignment]
                offs = [(a, b) for w, a, b in toks if w != _GAP]
                for qv in q_variants:
                    hit = _contains_in_order(hay, _segments(qv))  # type: ignore[arg-type]
                    if hit:
                        cand = (1.0, i0, i1, offs[hit[0]][0], offs[hit[1] - 1][1], "", True)
                    else:
                        lo, hi, ratio, diff = _align([w for w in qv if w != _GAP], hay)  # type: ignore[arg-type]
                        if hi <= lo:
                            continue
                        cand = (ratio, i0, i1, offs[lo][0], offs[hi - 1][1], diff, False)
                    if best is None or cand[0] > best[0]:
                        best = cand
    if best is None or (not best[6] and best[0] < ALTERED_MIN_RATIO):
        return QuoteMatch("not-found", score=round(best[0], 3) if best else 0.0)
    ratio, i0, i1, lo, hi, diff, exact = best
    sid = passages[i0][0]
    ptext = " ".join(t for _, t in passages[i0:i1 + 1])
    source_speaker = _source_speaker(passages, i0, i1, lo, hi)
    status: QuoteStatus = "exact" if exact else "altered"
    if (is_named(quote.speaker) and source_speaker and is_named(source_speaker)
            and not same_person(quote.speaker or "", source_speaker)):
        status = "misattributed"
    return QuoteMatch(status, sid, ptext, source_speaker, diff or None, round(ratio, 3))


def _source_speaker(passages: list[tuple[str, str]], i: int, i1: int, lo: int, hi: int) -> str | None:
    """Who the source gives the words to: read the passages with their neighbours from the
    same source, find the quotes, and take the one that holds the matched words."""
    sid = passages[i][0]
    first = i
    while first > 0 and passages[first - 1][0] == sid and i - first < 40:
        first -= 1
    last = i1
    while last + 1 < len(passages) and passages[last + 1][0] == sid and last - i1 < 5:
        last += 1
    doc, offset = "", 0
    for j in range(first, last + 1):
        if j == i:
            offset = len(doc)
        doc += passages[j][1] + ("\n" if j < last else "")
    lo, hi = lo + offset, hi + offset
    for q in find_quotes(doc, min_words=1):
        if q.start <= lo and hi <= q.end + 1:
            return q.speaker
    return None
