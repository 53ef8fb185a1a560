"""A claim in parts: its main statement, and what it says in passing about its subject.

A claim often packs a second fact into its subject, set off by commas or written before the
name ('Thi, a restaurant manager aged 22, speaks Vietnamese...'; 'The 93-year-old Mugabe had
ruled Zimbabwe...'), and its source usually states that fact in another clause or sentence. A
reader checks each part on its own; a model reading the whole claim against a passage that
states only the main part calls it neutral, or even contradicted, for the detail it lacks.

``parts`` splits by punctuation and word shape only (no parser): the subject is a short
leading phrase holding a name, the aside the comma-delimited phrase right after it, and the
main statement what follows, which starts with a lower-case word (its verb). A list ('speaks
Vietnamese, English and Thai') is never split.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import irregular_verbs
from ..text import STOPWORDS

# a comma between digits is part of the number ('100,000')
_NUMBER_COMMA = re.compile(r"(?<=\d),(?=\d{3}\b)")
_KEEP = "\x00"
# 'The 93-year-old Mugabe had...': an age written before the name it describes
_AGE_FIRST = re.compile(r"^The\s+((?:\d+|[a-z]+(?:-[a-z]+)?)-year-old)\s+"
                        r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)\s+([a-z]+)\b")
_RELATIVE = ("who", "which", "whose")
# the words a noun phrase may hold besides nouns, names and adjectives ('The first season of
# Fargo', 'Opposition leader Morgan Tsvangirai'); any other function word ('On 29 September',
# 'Ice Cube is an artist') makes the leading phrase no subject
_NOUN_PHRASE_WORDS = frozenset({"the", "a", "an", "of", "for"})
_HEAD_MAX = 5      # words in the subject
_ASIDE_MAX = 12    # words in the aside


def parts(claim: str) -> list[tuple[str, str]]:
    """``(main, side)`` readings of ``claim``: the claim without the aside about its subject,
    and the aside stated of that subject. Empty when the claim has no such aside."""
    text = " ".join(claim.split())
    out = []
    age = _AGE_FIRST.match(text)
    # 'The 93-year-old Mugabe had...', not 'The 43-year-old UK man...': the name is the subject
    # when a verb follows it, which shows as a function word or an '-ed' form
    if age and (age.group(3) in STOPWORDS or age.group(3).endswith("ed")):
        name = age.group(2)
        out.append((_sentence(name + " " + text[age.start(3):]), _sentence(f"{name} is {age.group(1)}")))
    split = _aside(text)
    if split:
        out.append(split)
    return out


def _aside(text: str) -> tuple[str, str] | None:
    segments = [s.strip() for s in _NUMBER_COMMA.sub(_KEEP, text).split(",")]
    if len(segments) < 3:
        return None
    head, aside, rest = segments[0], segments[1], ", ".join(segments[2:])
    head_words, aside_words, rest_words = head.split(), aside.split(), rest.split()
    if not (1 <= len(head_words) <= _HEAD_MAX and 1 <= len(aside_words) <= _ASIDE_MAX
            and len(rest_words) >= 2):
        return None
    if not any(w[:1].isupper() for w in head_words):
        return None  # no name to hang the aside on ('At least 19 people, ...')
    lowered = [w.lower().strip("“\"‘'") for w in head_words]
    if any(w in STOPWORDS and w not in _NOUN_PHRASE_WORDS for w in lowered) or lowered[0] in ("of", "for"):
        return None  # an opening phrase, not a subject: 'On 29 September 2010, ...', 'In Alaska, ...'
    verb = rest_words[0]
    if not verb[:1].islower() or (verb in STOPWORDS and not _auxiliary(verb)):
        return None  # the rest is no verb phrase: a list, or a place ('Paris, France, ...')
    if all(w[:1].isupper() for w in aside_words):
        return None  # a name or a place in apposition: 'Phnom Penh, Cambodia, ...'
    if ((len(segments) > 3 and len(segments[2].split()) == 1)
            or (len(aside_words) == 1 and {"and", "or"} & set(segments[2].split()[:3]))):
        return None  # a list: 'Storms, floods, droughts and heatwaves have...'
    first = re.split(r"['’]", aside_words[0].lower())[0]
    if (first in STOPWORDS and first not in _RELATIVE + ("a", "an", "the")) or first.endswith("ing"):
        # a condition, an example or an attribution, not a statement about the subject
        # ('when combined with...', 'such as...', 'including...', 'he said')
        return None
    if first in _RELATIVE:
        side = f"{head} {' '.join(aside_words[1:])}"
    elif (first.endswith("ed") and first != "aged") or first in _past_forms():
        side = f"{head} was {aside}"
    else:
        side = f"{head} is {aside}"
    main = f"{head} {rest}"
    return _sentence(main).replace(_KEEP, ","), _sentence(side).replace(_KEEP, ",")


@lru_cache(maxsize=1)
def _past_forms() -> frozenset[str]:
    return frozenset(past for past, _base in irregular_verbs())


AUXILIARIES = frozenset("""is are was were has have had do does did will would can could may might
must should shall been being""".split())


def _auxiliary(word: str) -> bool:
    return word in AUXILIARIES


def _sentence(text: str) -> str:
    text = text.strip().rstrip(".!?;:,")
    return text + "."
