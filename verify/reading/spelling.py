"""Misspelt unit words after a figure in a claim, read as the words they misspell.

A claim's figures are read by patterns over numbers and the units after them ("30 years old",
"5 million", "20 percent"). One typo ("30 yers old", "5 milion") hides the figure's kind from
them: the claim then states no age to confirm, or a bare "30" that a passage's other number
seems to refute. ``respell_units`` spells the word right after a figure as the unit word it is
one letter from, provided it is no English word itself (the model's vocabulary,
``data/stance/tokenizer.json``, says which are). Only that word is touched ('the seven-year
itch' keeps its itch), so no figure is ever made where the claim has none.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from ..lexicon import number_words
from ..text import nearest_spelling
from .quantities import CURRENCIES, DURATION_DAYS, MEASURES, SCALES

_VOCABULARY = Path(__file__).resolve().parents[1] / "data" / "stance" / "tokenizer.json"


@lru_cache(maxsize=1)
def unit_words() -> frozenset[str]:
    """The words that follow a figure: scales, durations, units of measure, currencies,
    'percent' and 'old'."""
    words = set(SCALES) | set(DURATION_DAYS) | set(MEASURES) | {w for w in CURRENCIES if w.isalpha()}
    return frozenset(w for w in words | {"percent", "old"} if len(w) >= 4 and w.isalpha())


@lru_cache(maxsize=1)
def english() -> frozenset[str]:
    """Whole words of the model's vocabulary: about 22,000 common English words."""
    try:
        vocab = json.loads(_VOCABULARY.read_text(encoding="utf-8"))["model"]["vocab"]
    except (OSError, ValueError, KeyError):
        return frozenset()
    return frozenset(w for w in vocab if w.isalpha() and not w.startswith("##"))


@lru_cache(maxsize=1)
def _after_figure() -> re.Pattern:
    numbers = "|".join(sorted((w for w, _ in number_words()), key=len, reverse=True))
    # a figure (digits or a number word), then the word after it, which may be its unit
    return re.compile(rf"(?:\b\d(?:[\d,.]*\d)?|\b(?i:{numbers}))[\s-]+[^\W\d_]+\b")


def respell_units(text: str) -> str:
    """``text`` with each misspelt unit word after a figure spelt right ('30 yers old' ->
    '30 years old', '5 milion' -> '5 million')."""
    known, units = english(), unit_words()
    if not known:
        return text

    def fix_word(w: str) -> str:
        low = w.lower()
        if len(low) < 4 or w[0].isupper() or low in known or low in units:
            return w  # short, a name ('15 Duong'), an English word or a unit already
        return nearest_spelling(low, units) or w

    def fix(m: re.Match) -> str:
        return re.sub(r"[^\W\d_]+", lambda w: fix_word(w.group(0)), m.group(0))

    return _after_figure().sub(fix, text)
