"""Multiword phrases read as the plain word they mean."""
from __future__ import annotations

from hypothesis import given, strategies as st

from verify.reading.facts import read_facts
from verify.reading.paraphrase import phrase_meanings
from verify.text import words


def test_way_to_means_move_and_marks_its_content_word():
    ws = words("Piseth found his way to Thailand")
    assert phrase_meanings(ws) == [(ws.index("way"), "move")]


def test_passed_away_means_died():
    assert "die" in read_facts("He passed away in 2019.").content


def test_text_without_phrases_means_nothing_more():
    assert phrase_meanings(words("Chantra fled to Thailand in 2017.")) == []


def test_empty_text_has_no_phrases():
    assert phrase_meanings([]) == []


@given(st.lists(st.sampled_from(["found", "his", "way", "to", "passed", "away", "the", "x"]), max_size=12))
def test_positions_always_point_inside_the_words(ws):
    assert all(0 <= i < len(ws) for i, _ in phrase_meanings(ws))


def _swap(claim: str, passage: str):
    from verify.reading.facts import read_facts
    from verify.reading.paraphrase import swapped_words
    c, p = read_facts(claim), read_facts(passage)
    return swapped_words(c.words, c.stems, p.words, p.stems, set())


def test_word_swapped_between_the_same_neighbours_is_found():
    assert _swap("a period comedy television series", "a period drama television series") == ("comedy", "drama")


def test_swapped_verb_is_left_to_paraphrase():
    assert _swap("Oldsmobile presented the first system", "Oldsmobile introduced the first system") is None


def test_identical_texts_swap_nothing():
    assert _swap("a period drama television series", "a period drama television series") is None


def test_same_title_with_another_number_is_another_thing():
    from verify.reading.paraphrase import title_number_swap
    assert title_number_swap("He is included in the game FIFA 09.",
                             "He is also included in the game FIFA 08.") == ("FIFA 09", "FIFA 08")


def test_title_number_stated_or_absent_is_no_swap():
    from verify.reading.paraphrase import title_number_swap
    assert title_number_swap("Bad Santa 2 scored 72.", "Bad Santa 2 scored 72.") is None
    assert title_number_swap("Bad Santa 2 scored 72.", "The film scored 72.") is None
    assert title_number_swap("It opened in March 2020.", "It opened in March 2019.") is None
