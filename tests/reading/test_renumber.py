"""The claim as the model reads it: numbers in words written as the passage writes them."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from verify.text import TENS, UNITS, renumber

PASSAGE = "Between 46 and 74 percent of 1,200 workers, 3 of them aged 21, met on 1 April."


@pytest.mark.parametrize("claim, expected", [
    ("between forty-six and seventy-four percent", "between 46 and 74 percent"),
    ("Forty six per cent", "46 per cent"),
    ("twelve hundred workers", "1,200 workers"),
    ("three of them", "3 of them"),
    ("a twenty-one-year-old", "a 21-year-old"),
    # not a count, or not the number the passage gives: left as written
    ("one of the workers", "one of the workers"),
    ("the twenty-first meeting", "the twenty-first meeting"),
    ("two-thirds of the workers", "two-thirds of the workers"),
    ("fifty workers", "fifty workers"),
])
def test_renumber(claim, expected):
    assert renumber(claim, PASSAGE) == expected


def test_a_number_the_passage_also_writes_in_words_is_left_as_it_is():
    assert renumber("forty-six workers", "Forty-six workers, or 46 in all.") == "forty-six workers"


def _in_words(n: int) -> str:
    small = {v: w for w, v in UNITS.items()}
    tens = {v: w for w, v in TENS.items()}
    return small[n] if n < 20 else tens[n - n % 10] + (f"-{small[n % 10]}" if n % 10 else "")


@given(st.integers(min_value=2, max_value=99))
def test_any_number_in_words_reads_as_the_passages_digits(n):
    assert renumber(f"a total of {_in_words(n)} cases", f"a total of {n} cases") == f"a total of {n} cases"
