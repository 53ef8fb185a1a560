"""verify.reading.polarity: whether a passage says the opposite of a claim, and how weakly."""
from __future__ import annotations

import pytest

from verify.reading.facts import read_facts
from verify.reading.polarity import polarity

_FERRY = "The ferry, which did not send a mayday call, sank off the coast after its engine failed."


@pytest.mark.parametrize("claim, flipped", [
    ("The captain issued a mayday call before the ferry sank.", True),   # the same object, another verb
    ("The ferry sank off the coast after its engine failed.", False),    # what the passage affirms
    ("The ferry did not issue a mayday call.", False),                   # both negate
    ("The captain issued a warning before the ferry sank.", False),      # one word of the object only
])
def test_a_negated_verb_in_other_words_of_the_claims_object_is_a_weak_flip(claim, flipped):
    opposite, why, weak = polarity(read_facts(claim), read_facts(_FERRY))
    assert opposite is flipped, why
    if flipped:
        assert weak == "other-words" and "not send a mayday call" in why
