"""Ranks stated by superlatives and comparisons."""
from __future__ import annotations

from hypothesis import given, strategies as st

from verify._stance import judge
from verify.reading.facts import read_facts
from verify.reading.ranks import extract_ranks


def stance(claim: str, passage: str):
    return judge(read_facts(claim), read_facts(passage), read_facts(passage), lambda t: 1.0)


def test_nth_largest_is_that_rank():
    (r,) = extract_ranks("it is the fourth-largest football stadium in England")
    assert (r.unit, r.lo, r.hi) == ("larg", 4, 4)


def test_only_n_larger_than_makes_the_next_rank():
    (r,) = extract_ranks("There are only two football stadiums larger than the Emirates Stadium.")
    assert (r.unit, r.lo, r.hi) == ("larg", 3, 3)


def test_among_the_n_largest_is_any_rank_up_to_n():
    (r,) = extract_ranks("América Móvil is among the seven largest network operators.")
    assert (r.lo, r.hi) == (1, 7)


def test_most_and_more_share_the_adjective():
    (a,) = extract_ranks("the second-most populous state")
    (b,) = extract_ranks("only one state is more populous than Texas")
    assert a.unit == b.unit == "populous"


def test_words_ending_in_est_are_not_superlatives_nor_is_one_of_the_largest():
    assert extract_ranks("the second interest payment") == []
    assert extract_ranks("one of the largest cities in the world") == []


def test_rank_outside_the_claimed_range_contradicts():
    j = stance("América Móvil is among the seven largest mobile network operators.",
               "América Móvil is the eighth largest mobile network operator by subscribers.")
    assert j.label == "contradicts" and j.source_value == "eighth largest"


def test_rank_within_the_claimed_range_supports():
    j = stance("América Móvil is among the ten largest mobile network operators.",
               "América Móvil is the eighth largest mobile network operator by subscribers.")
    assert j.label == "supports"


def test_ranks_by_another_measure_never_conflict():
    j = stance("Texas is the second-largest state in the United States.",
               "Texas is the second-most populous state in the United States.")
    assert j.label != "contradicts"


@given(st.text(max_size=200))
def test_any_text_reads_without_error(text):
    for r in extract_ranks(text):
        assert 1 <= r.lo <= r.hi
