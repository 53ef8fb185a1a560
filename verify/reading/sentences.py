"""Where sentences start and end in a text: the one sentence splitter.

Sources' passages (``verify.inputs.passages``), drafts (``audit``) and reader comments are cut
by it alike. It returns offsets into the text it was given, never rewritten text, so that every
sentence can be cited by line and character span.
"""
from __future__ import annotations

import re

from ..lexicon import month_abbreviations

ABBREVIATIONS = frozenset(month_abbreviations()) | frozenset("""
mr mrs ms dr prof st sr jr gen sen rep gov lt col capt sgt maj cmdr adm pres rev hon fr
no nos vs etc inc ltd co corp dept est approx
fig vol ed eds al op cit ibid mt ft ave blvd univ assn bros
""".split())
# A sentence end: terminal punctuation, optional closing quotes/brackets.
_END = re.compile(r"[.!?…]+[\"'”’)\]]*")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a plain text (a draft, a comment), cut as a source's
    passages are: by paragraph-like block, then at sentence ends."""
    return [(s, e) for b_start, b_end in blocks(text, 0) for s, e in sentences(text, b_start, b_end)
            if text[s:e].strip()]


def blocks(text: str, offset: int) -> list[tuple[int, int]]:
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


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence of the block ``text[start:end]``: a cut after terminal
    punctuation followed by a capital, a digit or an opening quote, except after an
    abbreviation ('Mr.', 'Jan.') or initials ('J. Smith', 'U.N.')."""
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
