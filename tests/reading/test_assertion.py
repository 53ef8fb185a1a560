"""Hedge words: what a passage does not assert, and how far a hedge reaches."""
from __future__ import annotations

import pytest

from verify.reading.assertion import hedges_other_words
from verify.reading.facts import read_facts


def _claim_stems(claim: str) -> set[str]:
    return set(read_facts(claim).stems)


@pytest.mark.parametrize("claim, passage, word", [
    # the hedge governs words of its own, after the claim's
    ("Mira Olsen sold the farm in 2011.",
     "Mira Olsen said she first sold the farm in 2011, and fears eviction and debt.", "fears"),
    ("The ferry reached Port Arden on Monday.",
     "The ferry reached Port Arden on Monday; the company plans new routes next year.", "plans"),
])
def test_a_hedge_with_its_own_object_does_not_hedge_the_claim(claim, passage, word):
    assert hedges_other_words(passage, word, _claim_stems(claim))


@pytest.mark.parametrize("passage, word", [
    # the hedge reaches the claim's words
    ("Analysts fear that coffee exports from Kivu will fall.", "fear"),
    # nothing after it in its clause: it qualifies what came before
    ("Coffee exports from Kivu will fall, analysts speculated.", "speculated"),
    # a quote does not end its reach
    ('Analysts fear "coffee exports from Kivu will fall".', "fear"),
    # a word judging a statement judges it wherever it stands
    ("Bloggers said coffee exports from Kivu will fall, a claim debunked by officials.", "debunked"),
])
def test_a_hedge_over_the_claims_words_still_hedges(passage, word):
    assert not hedges_other_words(passage, word, _claim_stems("Coffee exports from Kivu will fall."))


def test_a_word_the_text_does_not_hold_hedges_nothing():
    assert not hedges_other_words("Coffee exports fell.", "fears", set())
