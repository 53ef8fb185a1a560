"""Split a source into sentence passages with exact offsets and line numbers.

Evidence is cited as ``source:line`` and by character span, so every passage is a slice of
the original file: we never rewrite text, we only choose where sentences start and end.
"""
from __future__ import annotations

import re

from ..model import Passage, Source
from ..reading.sentences import blocks, sentences

_MARKDOWN_LEAD = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+|\d{1,3}[.)]\s+)+")
_MAX_PASSAGE = 1200


def split_passages(source: Source) -> list[Passage]:
    """Sentences of the source body, each with its paragraph number.

    Linear in the size of the text: every step looks at its own sentence, and line numbers
    are counted on from the previous passage, never from the start of the file."""
    text = source.text
    passages: list[Passage] = []
    line, counted = 1, 0  # the line number at offset ``counted``
    for para, (b_start, b_end) in enumerate(blocks(text, source.body_offset)):
        for s, e in sentences(text, b_start, b_end):
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
