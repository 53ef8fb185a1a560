"""What a sentence names: its named entities (verify.reading.facts)."""
from __future__ import annotations

import pytest

from verify.reading.facts import read_facts


@pytest.mark.parametrize("text, entities", [
    ("Lena Brook leads the Harbour Trust.", [["lena", "brook"], ["harbour", "trust"]]),
    ("She joined Lena Brook's French lessons.", [["lena", "brook"], ["french"]]),
    ("Omar Haddad’s Leeds office closed.", [["omar", "haddad"], ["leeds"]]),
    ("O'Brien met the mayor.", [["o", "brien"]]),
    ("The Bank of England raised rates.", [["bank", "england"]]),
])
def test_a_run_of_capitalised_words_is_one_name_and_a_possessive_ends_it(text, entities):
    assert read_facts(text).entities == entities


def test_a_passage_naming_the_subject_but_not_the_language_of_their_class_can_contradict():
    from verify._stance import judge

    claim = read_facts("Anna, a Danish teacher, runs Lena Brook's French lessons.")
    passage = read_facts("Lena Brook's lessons are run by Anna, a Swedish teacher.")
    j = judge(claim, passage, passage, lambda _t: 1.0)
    assert j.label == "contradicts" and "danish" in j.reason and "swedish" in j.reason


@pytest.mark.parametrize("text, tokens", [
    ("He didn't go.", ["he", "did", "not", "go"]),
    ("They won’t stay.", ["they", "will", "not", "stay"]),
    ("She can't swim.", ["she", "can", "not", "swim"]),
    ("O'Brien's boat", ["o", "brien", "s", "boat"]),
])
def test_a_contraction_is_read_as_its_words_with_not(text, tokens):
    from verify.text import words

    assert words(text) == tokens


@pytest.mark.parametrize("text, word", [
    ("About 140 religious groups remain unrecognised by the state.", "recognis"),
    ("The union called the strike unauthorized.", "authoriz"),
])
def test_a_word_negated_by_un_is_stated_as_its_stem_and_read_as_negated(text, word):
    f = read_facts(text)
    at = f.stems.index(word)
    assert word in f.content and at in f.negations
