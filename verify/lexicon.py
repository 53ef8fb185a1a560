"""Word lists, each defined once: ``verify/data/*.tsv``, read on first use and kept.

Each file holds one list, one entry a line, tab-separated columns, and a header comment naming
the modules that read it. The modules keep their own names for what they derive from a list
(``text.UNITS``, ``reading.dates.MONTHS``, ``reading.facts.DENIAL_VERBS``...), so a change to a
word list is a change to one data file.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

_DATA = Path(__file__).parent / "data"


@cache
def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The entries of ``data/<name>.tsv``: its lines split on tabs, less comments and blanks."""
    text = (_DATA / f"{name}.tsv").read_text(encoding="utf-8")
    return tuple(tuple(line.split("\t")) for line in text.splitlines()
                 if line.strip() and not line.startswith("#"))


@cache
def number_words() -> tuple[tuple[str, int], ...]:
    """('zero', 0) ... ('nineteen', 19), then ('twenty', 20) ... ('ninety', 90), in that order."""
    return tuple((word, int(value)) for word, value in _rows("number_words"))


@cache
def months() -> tuple[tuple[str, int, str], ...]:
    """(word, month number, 'name' or 'abbr'): the twelve names, then the abbreviations."""
    return tuple((word, int(number), form) for word, number, form in _rows("months"))


def month_names() -> tuple[str, ...]:
    """'january' ... 'december'."""
    return tuple(word for word, _, form in months() if form == "name")


def month_abbreviations() -> tuple[str, ...]:
    """'jan' ... 'dec' in month order, 'sep' and 'sept' both; none for 'may'."""
    return tuple(word for word, _, form in months() if form == "abbr")


@cache
def denial_verbs() -> tuple[tuple[str, bool], ...]:
    """(form, cue): each form of a verb that denies what follows it; ``cue`` marks the forms
    that ``reading.polarity`` reads as a denial when they open a negation cue."""
    return tuple((word, cue == "yes") for word, cue in _rows("denial_verbs"))


@cache
def measures() -> tuple[tuple[str, str, float], ...]:
    """(unit word, dimension, factor to the dimension's base unit): 'km' -> ('length', 1000)."""
    return tuple((word, dim, float(factor)) for word, dim, factor in _rows("measures"))


@cache
def stance_words(group: str) -> tuple[str, ...]:
    """The words of one group of ``data/stance_words.tsv`` ('window' -> 'past', 'last'...)."""
    found = tuple(word for g, word in _rows("stance_words") if g == group)
    if not found:
        raise KeyError(f"no word group {group!r} in stance_words.tsv")
    return found


@cache
def synonym_groups() -> tuple[tuple[str, ...], ...]:
    """Groups of words that report the same thing ('deport', 'expel', ...), first word first."""
    return tuple(tuple(group) for group in _rows("synonyms"))


@cache
def currencies() -> tuple[tuple[str, str], ...]:
    """(name, code or symbol, lower-case; ISO 4217 code): ('hk$', 'HKD'), ('baht', 'THB')."""
    return tuple((word, code) for word, code in _rows("currencies"))


@cache
def antonym_pairs() -> tuple[tuple[str, str], ...]:
    """Opposite predicates common in reporting ('increase', 'decrease')."""
    return tuple((a, b) for a, b in _rows("antonyms"))


@cache
def irregular_verbs() -> tuple[tuple[str, str], ...]:
    """(past form, base verb): 'paid' -> 'pay', 'rose' -> 'rise'."""
    return tuple((past, base) for past, base in _rows("irregular_verbs"))
