"""Split a source into sentence passages with exact offsets and line numbers.

Evidence is cited as ``source:line`` and by character span, so every passage is a slice of
the original file: we never rewrite text, we only choose where sentences start and end.
"""
from __future__ import annotations

import re

from ..lexicon import month_abbreviations
from ..model import Passage, Source

ABBREVIATIONS = frozenset(month_abbreviations()) | frozenset("""
mr mrs ms dr prof st sr jr gen sen rep gov lt col capt sgt maj cmdr adm pres rev hon fr
no nos vs etc inc ltd co corp dept est approx
fig vol ed eds al op cit ibid mt ft ave blvd univ assn bros
""".split())
# A sentence end: terminal punctuation, optional closing quotes/brackets.
_END = re.compile(r"[.!?…]+[\"'”’)\]]*")
_MARKDOWN_LEAD = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+|\d{1,3}[.)]\s+)+")
_MAX_PASSAGE = 1200


def split_passages(source: Source) -> list[Passage]:
    """Sentences of the source body, each with its paragraph number.

    Linear in the size of the text: every step looks at its own sentence, and line numbers
    are counted on from the previous passage, never from the start of the file."""
    text = source.text
    passages: list[Passage] = []
    line, counted = 1, 0  # the line number at offset ``counted``
    for para, (b_start, b_end) in enumerate(_blocks(text, source.body_offset)):
        for s, e in _sentences(text, b_start, b_end):
            s = _skip_markup(text, s, e, source.kind)
            if e - s < 2 or not any(ch.isalnum() for ch in text[s:e]):
                continue
            for cs, ce in _cap(text, s, e):
                line += text.count("\n", counted, cs)
                counted = cs
                passages.append(Passage(
                    source_id=source.id, index=len(passages), text=text[cs:ce],
                    start=cs, end=ce, line=line, para=para,
                ))
    return passages


def _blocks(text: str, offset: int) -> list[tuple[int, int]]:
    """Paragraph-like blocks: one per line, except that a hard-wrapped line (no final stop,
    next line starting in lower case) continues into the next."""
    spans: list[tuple[int, int]] = []
    pos = offset
    lines: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]*(?:\n|$)", text[offset:]):
        if not m.group(0):
            break
        s, e = pos + m.start(), pos + m.end()
        content = text[s:e].rstrip("\r\n")
        lines.append((s, s + len(content)))
    cur: tuple[int, int] | None = None
    prev_start = offset
    for s, e in lines:
        line = text[s:e]
        if not line.strip():
            if cur:
                spans.append(cur)
            cur = None
            continue
        # the block so far matters only by its last visible character: look at its last line
        if cur and _continues(text[max(cur[0], prev_start):cur[1]], line):
            cur = (cur[0], e)
            prev_start = s
            continue
        if cur:
            spans.append(cur)
        cur = (s, e)
        prev_start = s
    if cur:
        spans.append(cur)
    return spans


def _continues(prev: str, line: str) -> bool:
    prev = prev.rstrip()
    nxt = line.lstrip()
    return bool(prev) and prev[-1] not in ".!?:;\"'”’)" and nxt[:1].islower()


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    s = start
    while s < end and text[s].isspace():
        s += 1
    pos = s
    while pos < end:
        m = _END.search(text, pos, end)
        if not m:
            break
        cut = m.end()
        nxt = cut
        while nxt < end and text[nxt] in " \t\r\n":
            nxt += 1
        if nxt >= end:
            break
        glued = nxt == cut
        if _is_boundary(text, s, m.start(), cut, nxt, glued):
            out.append((s, cut))
            s = nxt
        pos = cut if cut > pos else pos + 1
    e = end
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, e))
    return out


def _is_boundary(text: str, s: int, punct: int, cut: int, nxt: int, glued: bool) -> bool:
    follower = text[nxt]
    if not (follower.isupper() or follower.isdigit() or follower in "\"'“‘(["):
        return False
    if text[punct] in "!?…":
        return not glued or text[punct - 1: punct].isalpha()
    word = _word_before(text, s, punct)
    if glued:
        # "...in Thailand.The next": a lower-case word glued to a capitalised one.
        return (len(word) >= 2 and (word[-1].islower() or word[-1].isdigit()) and word.isalnum()
                and text[nxt + 1: nxt + 2].islower())
    bare = word.lower().rstrip(".")
    if bare in ABBREVIATIONS:
        return False
    if re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", word):
        # initials and dotted acronyms (J. Smith, U.N., U.S.) rarely end a sentence
        return False
    return True


_WORD_STOP = frozenset("\"'“‘(")


def _word_before(text: str, s: int, punct: int) -> str:
    """The run of characters before ``punct`` (not before ``s``) up to a space, quote or
    bracket: a backwards look at one word, not a search of the whole sentence so far."""
    k = punct
    while k > s and not text[k - 1].isspace() and text[k - 1] not in _WORD_STOP:
        k -= 1
    return text[k:punct]


def _skip_markup(text: str, s: int, e: int, kind: str) -> int:
    if kind != "md":
        return s
    m = _MARKDOWN_LEAD.match(text, s, e)
    return m.end() if m else s


def _cap(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Very long 'sentences' (tables, lists scraped into one line) are cut at spaces."""
    if e - s <= _MAX_PASSAGE:
        return [(s, e)]
    out = []
    while e - s > _MAX_PASSAGE:
        cut = text.rfind(" ", s, s + _MAX_PASSAGE)
        cut = cut if cut > s else s + _MAX_PASSAGE
        out.append((s, cut))
        s = cut + 1
    out.append((s, e))
    return out


def with_neighbours(passages: list[Passage], i: int, before: int = 1, after: int = 1) -> str:
    """The passage read together with its neighbours in the same paragraph."""
    p = passages[i]
    lo = i
    while lo > 0 and i - lo < before and passages[lo - 1].para == p.para:
        lo -= 1
    hi = i
    while hi + 1 < len(passages) and hi - i < after and passages[hi + 1].para == p.para:
        hi += 1
    return " ".join(q.text for q in passages[lo: hi + 1])
