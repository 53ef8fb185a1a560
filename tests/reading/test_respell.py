"""The claim as the model reads it: words nobody knows spelt as the passage spells them."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from verify.stance.model import known_words
from verify.text import respell

NOBODY_KNOWS = lambda _w: False  # noqa: E731
KNOWN = {"result", "show", "demonstrate", "iran", "iraq", "lower", "power", "scored"}


def known(w: str) -> bool:
    return w in KNOWN


@pytest.mark.parametrize("claim, passage, expected", [
    # a letter swapped, doubled, dropped or changed: spelt as the passage spells it
    ("As a rseult, mice improved.", "As a result, mice improved.", "As a result, mice improved."),
    ("Ultrafast Evoluution of cells.", "Ultrafast evolution of cells.", "Ultrafast Evolution of cells."),
    ("Heploinsufficiency initiates it.", "Haploinsufficiency initiates it.", "Haploinsufficiency initiates it."),
    ("He lives in Kompong Cham.", "He lives in Kampong Cham.", "He lives in Kampong Cham."),
    # in a four-letter word, only two letters swapped
    ("It happened in Phnom Pehn.", "It happened in Phnom Penh.", "It happened in Phnom Penh."),
    ("It happened in Phnom Pexh.", "It happened in Phnom Penh.", "It happened in Phnom Pexh."),
    # two letters apart only in a long word
    ("Haploinsuficeincy initiates it.", "Haploinsufficiency initiates it.", "Haploinsufficiency initiates it."),
    # a known word is another word, however close ('lower' / 'power', 'Iran' / 'Iraq')
    ("Costs were lower in Iran.", "Costs were power in Iraq.", "Costs were lower in Iran."),
    # a word the passage spells nowhere near stays as it is
    ("The minister resigned.", "The premier stepped down.", "The minister resigned."),
    # short words and figures are never touched
    ("It cost 125 in Rme.", "It cost 126 in Rome.", "It cost 125 in Rme."),
])
def test_respell(claim, passage, expected):
    assert respell(claim, passage, known) == expected


def test_known_words_are_stopwords_vocabulary_words_or_words_the_corpus_uses():
    weights = {"result": 2.0}
    is_known = known_words(lambda t: weights.get(t, 9.0), vocabulary=lambda w: w == "power")
    assert is_known("result") and is_known("power") and is_known("there")
    assert not is_known("rseult")


@given(st.text(alphabet=st.sampled_from("abcdefgh ,."), max_size=60))
def test_a_claim_read_against_itself_is_unchanged(text):
    assert respell(text, text, NOBODY_KNOWS) == text


@given(st.text(alphabet=st.sampled_from("abcdefgh ,."), max_size=60),
       st.text(alphabet=st.sampled_from("abcdefgh ,."), max_size=60))
def test_a_claim_of_known_words_is_unchanged(claim, passage):
    assert respell(claim, passage, lambda _w: True) == claim


# --- a misspelt unit after a figure -----------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Song is 30 yers old.", "Song is 30 years old."),
    ("Thirty yaers ago", "Thirty years ago"),
    ("It raised 5 milion dollars.", "It raised 5 million dollars."),
    ("Prices rose 20 percnet.", "Prices rose 20 percent."),
    # only the word right after a figure: 'the seven-year itch' keeps its itch
    ("It was called the seven-year itch.", "It was called the seven-year itch."),
    # never a name ('15, Duong'), an English word ('3 tree'), or a word after no figure
    ("On September 15, Duong Chantra left.", "On September 15, Duong Chantra left."),
    ("They planted 3 tree saplings.", "They planted 3 tree saplings."),
    ("It took many yers.", "It took many yers."),
])
def test_respell_units(text, expected):
    from verify.reading.spelling import respell_units

    assert respell_units(text) == expected


@given(st.lists(st.sampled_from(["30", "five", "yers", "years", "milion", "Duong", "itch", "old", "the"]),
                max_size=12).map(" ".join))
def test_respelling_units_twice_changes_nothing_more(text):
    from verify.reading.spelling import respell_units

    once = respell_units(text)
    assert respell_units(once) == once
    assert len(once.split()) == len(text.split())


@given(st.text(alphabet=st.sampled_from("bcdfghjklmnpqrstvwxz ,.-"), max_size=80))
def test_a_text_with_no_figure_is_unchanged(text):  # no vowel: no number word, no digit
    from verify.reading.spelling import respell_units

    assert respell_units(text) == text
