"""Multiword phrases that say what one word says: 'found his way to' is 'moved to'.

Single words that report the same thing are grouped in ``verify/data/synonyms.tsv``; this module
handles phrases, which a word-by-word comparison can never match. Each phrase gives one of
its words the stem of the plain verb, so 'Piseth found his way to Thailand' states 'move'
and 'Em Piseth moved to Thailand' is covered by it.
"""
from __future__ import annotations

import re

from ..lexicon import month_abbreviations, month_names
from ..text import STOPWORDS, token_match

# (pattern over folded words joined by single spaces, the plain word it means)
_PHRASES = [
    (r"\b(?:found|find|finds|made|make|makes) (?:his|her|their|its|my|our) way (?:to|into|back)\b", "move"),
    (r"\b(?:passed|pass|passes) away\b", "die"),
    (r"\b(?:came|come|comes) under fire\b", "criticise"),
    (r"\bset foot (?:in|on)\b", "arrive"),
    (r"\b(?:took|take|takes) (?:his|her|their) own life\b", "die"),
    (r"\bgave birth to\b", "born"),
    (r"\b(?:went|go|goes) into exile\b", "flee"),
    (r"\b(?:sought|seek|seeks) refuge\b", "flee"),
    (r"\b(?:handed|hand|hands) (?:over|back) to\b", "deport"),
    (r"\b(?:sent|send|sends) back to\b", "deport"),
]
_COMPILED = [(re.compile(p), word) for p, word in _PHRASES]
# a word every phrase contains, to skip the patterns for the many texts with none of them
_KEYS = frozenset("way away fire foot life birth exile refuge over back".split())


def phrase_meanings(ws: list[str]) -> list[tuple[int, str]]:
    """(position of the phrase's last content word, plain word it means) for each phrase."""
    if not ws or not _KEYS.intersection(ws):
        return []
    text = " ".join(ws)
    out = []
    for rx, word in _COMPILED:
        for m in rx.finditer(text):
            first = text.count(" ", 0, m.start())
            last = text.count(" ", 0, m.end())
            # the phrase's last content word carries the meaning ('way' in 'found his way to')
            at = next((i for i in range(last, first - 1, -1) if ws[i] not in STOPWORDS), last)
            out.append((at, word))
    return out


# verbs are paraphrased too freely ('presented' / 'introduced') to count as a swapped word
_VERB_ENDINGS = ("ed", "ing", "es")


def swapped_words(cw: list[str], cs: list[str], pw: list[str], ps: list[str],
                  names: set[str]) -> tuple[str, str] | None:
    """A word or two of the claim (words ``cw``, stems ``cs``) swapped for others in an
    otherwise identical frame of the passage (``pw``, ``ps``): 'a period comedy television
    series' / 'a period drama television series'. Not enough to accuse (writers paraphrase),
    but the passage then does not state the claim. ``names``: the claim's name stems."""
    n = min(len(cs), len(cw))
    m = min(len(ps), len(pw))
    pool, cpool = set(ps), set(cs)

    def open_word(i: int) -> bool:  # a claim content word the passage does not state
        return (cw[i] not in STOPWORDS and cs[i] not in names and cw[i].isalpha()
                and len(cw[i]) > 2 and not cw[i].endswith(_VERB_ENDINGS)
                and not token_match(cs[i], pool))

    i = 1
    while i < n:
        if not open_word(i):
            i += 1
            continue
        k = i + 1 if i + 1 < n and open_word(i + 1) else i
        left, right = cs[i - 1], (cs[k + 1] if k + 1 < n else None)
        content_left = cw[i - 1] not in STOPWORDS
        for j in range(m - 1):
            if ps[j] != left:
                continue
            for width in (1, 2):
                if j + 1 + width > m:
                    break
                span = range(j + 1, j + 1 + width)
                if any(pw[x] in STOPWORDS or ps[x] in cpool or not pw[x].isalpha() for x in span):
                    break
                after = ps[j + 1 + width] if j + 1 + width < m else None
                framed = (right is not None and after == right
                          and (content_left or cw[k + 1] not in STOPWORDS))
                ends = (right is None and content_left and i >= 2 and j >= 1
                        and ps[j - 1] == cs[i - 2])
                if framed or ends:
                    return " ".join(cw[i:k + 1]), " ".join(pw[j + 1:j + 1 + width])
        i = k + 1
    return None


_TITLE_NUMBER = re.compile(r"\b([A-Z][A-Za-z]+|[A-Z]{2,6})\s+(\d{1,4})\b")
_NOT_TITLES = frozenset(month_names()) | frozenset(month_abbreviations()) | frozenset("""in on at
by of since from until after before during about over under than and or the""".split())


def title_number_swap(claim: str, passage: str) -> tuple[str, str] | None:
    """'FIFA 09' where the passage says 'FIFA 08': the same title with another number is
    another thing (a sequel, an edition, a season), though no figure differs."""
    said: dict[str, dict[str, str]] = {}
    for m in _TITLE_NUMBER.finditer(passage):
        if m.group(1).lower() not in _NOT_TITLES:
            said.setdefault(m.group(1).lower(), {})[m.group(2).lstrip("0")] = m.group(0)
    for m in _TITLE_NUMBER.finditer(claim):
        name, num = m.group(1).lower(), m.group(2).lstrip("0")
        if name in said and num not in said[name]:
            return m.group(0), next(iter(said[name].values()))
    return None

