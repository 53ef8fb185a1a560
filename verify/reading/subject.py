"""Is a passage about the claim's own subject: named, or only pointed at ('she', 'the film')?

A contradiction accuses someone, so it needs the subject named; a confirmation may settle for
a passage that points at a subject nobody else nearby could be.
"""
from __future__ import annotations

import re

from ..text import token_match as _token_match
from .facts import Facts
from .places import DEMONYMS, place_stated_by

# last words of names that say what kind of body it is, not which one
_GENERIC_TAILS = frozenset("records city fc afc club inc ltd corp entertainment studios pictures "
                           "music media group".split())

# names that fold into a common word, so only their capitalised form names the place
_CAPITAL_ALIASES = {"us": "united states"}


def _named_as_place(ent: list[str], context: Facts) -> bool:
    """The context names the place ``ent``, or its nationality, or a region inside it."""
    name = _CAPITAL_ALIASES.get(" ".join(ent), " ".join(ent))
    return any(place_stated_by(name, n) for _, _, n in context.known_places)


def unstated_places(claim: Facts, context: Facts) -> list[str]:
    """The places the claim puts its statement in ('in Vietnam') that the context never names,
    by name, nationality or a region inside it."""
    pool = set(context.words).union(context.aliases)
    out = []
    for ent in claim.places:
        name = _CAPITAL_ALIASES.get(" ".join(ent), " ".join(ent))
        if not (all(_token_match(t, pool) for t in name.split()) or _named_as_place(ent, context)):
            out.append(name)
    return out


def entities_present(claim: Facts, context: Facts) -> tuple[bool, list[str]]:
    """Every named entity of the claim is mentioned in the context (surname or full name,
    diacritics and spelling variants tolerated). Returns the entities missing."""
    pool = set(context.words).union(context.aliases)
    missing = []
    for ent in claim.entities:
        if ent in claim.places or " ".join(ent) in DEMONYMS:
            continue  # 'in Bangkok', 'French': where it happened or from, not who it is about
        if _named_as_place(ent, context):
            continue  # 'Thailand' named as 'Thai authorities'
        last = ent[-1]
        if _namesake(ent, context.entities, pool) or _only_as_kin(ent, context.text, claim.words):
            missing.append(" ".join(ent))
            continue
        if _token_match(last, pool) or all(_token_match(t, pool) for t in ent):
            continue
        if len(ent) > 1 and any(len(t) >= 4 and _token_match(t, pool) for t in ent[1:]):
            continue
        if len(ent) > 1 and last in _GENERIC_TAILS and _token_match(ent[0], pool):
            continue  # 'Interscope Records' is named by 'Interscope'

        missing.append(" ".join(ent))
    return not missing, missing



# people named by their tie to someone: 'Sokha's daughter' is not Sokha
_KIN = frozenset("""wife husband son sons daughter daughters child children mother father brother
brothers sister sisters family relative relatives parents nephew niece cousin uncle aunt grandson
granddaughter lawyer lawyers aide aides spokesman spokeswoman spokesperson assistant deputy
bodyguard bodyguards driver supporters supporter followers friend friends colleague colleagues
partner co-defendant co-defendants associate associates""".split())


def _only_as_kin(ent: list[str], text: str, claim_words: list[str]) -> bool:
    """Every mention of the name in the text is as someone's tie ('Bdap's two co-defendants
    were sentenced'), and the claim names no such tie: the text speaks of another person."""
    ties = [(m.group(1) or "").lower() for m in re.finditer(
        rf"\b{re.escape(ent[-1])}\b(?:['’]s?\s+(?:(?:two|three|four|several|former|late|eldest|"
        rf"youngest)\s+)?([\w-]+))?", text, re.IGNORECASE)]
    return bool(ties) and all(t in _KIN for t in ties) and not set(ties) & set(claim_words)


def namesakes(claim: Facts, passage: Facts) -> list[tuple[str, str]]:
    """(claim's name, passage's name) for each person the passage names in the claim's
    person's place, with the surname kept and the first name changed ('Pedro Hernandez' /
    'Pablo Hernandez'); the claim's subject is left out where a personal pronoun may stand
    for it beside a relative ('She is married to Barack Obama')."""
    pool = set(passage.words).union(passage.aliases)
    personal = {"he", "she", "his", "her", "him", "they", "their"} & set(passage.words)
    ents = (claim.entities if not personal or (claim.words[:1] and claim.words[0] in ANAPHOR)
            else claim.entities[1:])
    return [(_as_written(e, claim.text), _as_written(f, passage.text))
            for e in ents if _namesake(e, passage.entities, pool)
            for f in passage.entities if len(f) > 1 and f[-1] == e[-1] and f[0] not in e][:1]


def _as_written(name: list[str], text: str) -> str:
    m = re.search(r"\b" + r"\W+".join(map(re.escape, name)) + r"\b", text, re.IGNORECASE)
    return m.group(0) if m else " ".join(name)


def _namesake(ent: list[str], others: list[list[str]], pool: set[str]) -> bool:
    """The context names someone else of the same surname and not the claim's first name:
    'Pablo Hernandez' is not 'Pedro Hernandez' ('Joe Biden' still is 'President Joe Biden')."""
    return len(ent) > 1 and not _token_match(ent[0], pool) and any(
        len(f) > 1 and f[-1] == ent[-1] and f[0] not in ent and ent[0] not in f and len(f[0]) > 2
        for f in others)


def about_subject(claim: Facts, passage: Facts, context: Facts) -> tuple[bool | str, list[str]]:
    """The passage is about the claim's named subjects: named in the sentence itself, or in
    the sentences around it when the sentence names nobody else (she, he, the activist).
    ``"pointed"`` when the subject is only pointed at ('the film', 'she') with no name
    anywhere near: enough to confirm, never to accuse (every film's review reads alike)."""
    ok, missing = entities_present(claim, passage)
    if ok:
        return True, []
    pool = set(passage.words).union(passage.aliases)
    if _KIN & set(passage.words) - set(claim.words) and any(
            _namesake(e, passage.entities, pool) for e in claim.entities):
        # 'Her sister, Ana Santos': the relative of the name is who the passage is about
        return False, missing
    if _LEADING_ANAPHOR.match(passage.text) and entities_present(claim, context)[0]:
        return True, []  # 'The opposition leader was not able to...' after naming him
    if others(claim, passage):
        # 'She received acclaim for Silkwood and Mask': the names are what she did, and she
        # is whoever the text is about, provided the sentences around name nobody else
        if _STARTS_POINTING.match(passage.text) and not [
                e for e in others(claim, context) if e not in passage.entities]:
            return "pointed", missing
        if context.text.strip() == passage.text.strip() and _POINTING.search(passage.text):
            # a one-sentence document ('On Metacritic, the film has a score of 72'): the
            # names in it are what it says of its subject, which only the page it came from names
            return "pointed", missing
        return False, missing
    ok, missing = entities_present(claim, context)
    if ok:
        return True, []
    # 'For her performance she was awarded...': the subject is only pointed at, and no one
    # else is named nearby whom 'she' could be
    if ANAPHOR & set(passage.words) and not others(claim, context):
        return "pointed", []
    return False, missing


# a sentence whose subject points back: 'She said...', 'The opposition leader was...'
_LEADING_ANAPHOR = re.compile(r"\s*[“\"]?\s*(?:He|She|They|The\s+(?:[a-z]+\s+){0,2}(?:leader|activist|official|"
                              r"dissident|refugee|politician|minister|spokesman|spokesperson|"
                              r"man|woman|exile|critic|founder|president|chief))\b")
_STARTS_POINTING = re.compile(r"\s*[“\"`']*\s*(?:He|She|They|It|His|Her|Its|Their|The\s+(?:[a-z]+\s+)?"
                              r"(?:film|band|album|song|club|series|season|game|show|novel|"
                              r"book|city|team|company|party|group|state|country|duo|video))\b")
_POINTING = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Tt]he\s+(?:film|band|album|song|club|series|season|"
                      r"game|show|novel|book|team|company|group|duo|video|disease|state|city))\b")
ANAPHOR = frozenset("he she it they his her its their him them film band album song club "
                     "series season game show novel book city team company party group state "
                     "country region province town village station network duo video".split())


def _other_first_name(e: list[str], claim_entities: list[list[str]]) -> bool:
    """'John Smith' beside the claim's 'Adam Smith': a namesake, not the claim's person."""
    return len(e) > 1 and len(e[0]) > 2 and any(
        len(c) > 1 and c[-1] == e[-1] and e[0] not in c and c[0] not in e
        and not _token_match(c[0], {e[0]}) for c in claim_entities)


def others(claim: Facts, f: Facts) -> list[list[str]]:
    """Named entities of ``f`` that are not the claim's, nor speakers, places or nationalities."""
    claim_tokens = {t for ent in claim.entities for t in ent}
    return [e for e in f.entities if (not any(_token_match(t, claim_tokens) for t in e)
                                      or _other_first_name(e, claim.entities))
            and not any(" ".join(e) in sp for sp in f.speakers) and e not in f.places
            and " ".join(e) not in DEMONYMS]
