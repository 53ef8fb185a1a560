"""Each rule check of the rules stance is named in its judgement and can be switched off."""
from __future__ import annotations

import pytest

from verify.model import Passage
from verify.stance import Candidate
from verify.stance.rules import CHECKS, RulesStance


def _judge(claim: str, passage: str, stance: RulesStance | None = None):
    p = Passage("s.txt", 0, passage, 0, len(passage), 1)
    [j] = (stance or RulesStance()).judge(claim, [Candidate(p, [p])], lambda t: 1.0)
    return j.judgement


@pytest.mark.parametrize("claim, passage, label, check", [
    ("Chantra was sentenced to 12 years in prison.",
     "Chantra was sentenced to ten years in prison.", "contradicts", "values:quantity"),
    ("Chantra was arrested in March 2019.",
     "Chantra was arrested in October 2019.", "contradicts", "values:date"),
    ("Chantra was sentenced to ten years in prison.",
     "Chantra was sentenced to ten years in prison.", "supports", "values"),
    ("Thai police arrested Chantra in Bangkok.",
     "Thai police did not arrest Chantra in Bangkok.", "contradicts", "polarity"),
    ("Thai police arrested Chantra in Bangkok.",
     "Thai police arrested Chantra in Bangkok on Monday.", "supports", "coverage"),
])
def test_each_check_names_itself_in_the_judgement(claim, passage, label, check):
    j = _judge(claim, passage)
    assert (j.label, j.check) == (label, check)


@pytest.mark.parametrize("claim, passage, family", [
    ("Chantra was sentenced to 12 years in prison.", "Chantra was sentenced to ten years in prison.", "values"),
    ("Thai police arrested Chantra in Bangkok.", "Thai police did not arrest Chantra in Bangkok.", "polarity"),
    ("Thai police arrested Chantra in Bangkok.", "Thai police arrested Chantra in Bangkok on Monday.", "coverage"),
])
def test_a_check_switched_off_decides_nothing(claim, passage, family):
    j = _judge(claim, passage, RulesStance(off={family}))
    assert j.label == "related"
    assert f"the {family}" in j.reason and "check is off" in j.reason


def test_switching_one_check_off_leaves_the_others():
    j = _judge("Chantra was sentenced to 12 years in prison.",
               "Chantra was sentenced to ten years in prison.", RulesStance(off={"polarity"}))
    assert j.label == "contradicts"


def test_an_unknown_check_name_is_refused():
    with pytest.raises(ValueError, match="unknown rule checks"):
        RulesStance(off={"astrology"})


def test_the_checks_are_listed():
    assert CHECKS == ("values", "polarity", "coverage")
