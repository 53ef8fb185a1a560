"""How the rules match a claim's word to a passage's: spelling variants and word forms meet,
a word with a syllable put in front of it (often its opposite) does not."""
from __future__ import annotations

import pytest

from verify.text import canon, token_match


@pytest.mark.parametrize("claim_word, passage_word", [
    ("uninvolved", "involves"),
    ("unaffected", "affected"),
    ("unreliable", "reliable"),
    ("disagreement", "agreement"),
    ("nonviolent", "violent"),
    ("reelected", "elected"),
    ("involved", "uninvolved"),
])
def test_a_word_with_a_syllable_in_front_is_another_word(claim_word, passage_word):
    assert token_match(canon(claim_word), {canon(passage_word)}) is None


@pytest.mark.parametrize("claim_word, passage_word", [
    ("kampong", "kompong"),         # a spelling variant
    ("involvement", "involved"),    # another form of the same word
    ("deported", "deportee"),
    ("extradition", "extraditon"),  # a typo
])
def test_spelling_variants_and_word_forms_still_meet(claim_word, passage_word):
    assert token_match(canon(claim_word), {canon(passage_word)}) is not None
