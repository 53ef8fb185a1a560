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


@pytest.mark.parametrize("claim, passage, label", [
    # the place the claim puts its statement in must be named around the passage
    ("Sokhan Rith lives in Battambang.", "Sokhan Rith, a farmer living in Kampot, said he was afraid.", "related"),
    ("Sokhan Rith lives in Battambang.", "Sokhan Rith, a farmer living in Battambang, said he was afraid.", "supports"),
    # a nationality or a region states its country
    ("Sokhan Rith was detained in Thailand.", "Thai police detained Sokhan Rith on Monday.", "supports"),
])
def test_a_place_the_passage_never_names_is_not_confirmed(claim, passage, label):
    j = _judge(claim, passage)
    assert j.label == label
    if label == "related":
        assert j.check == "unconfirmed" and "battambang" in j.reason


def _judge_all(claim: str, *passages: tuple[str, str]):
    """Judge each (source, sentence) as its own candidate, the sentence alone as its context."""
    cands = []
    for k, (src, text) in enumerate(passages):
        p = Passage(src, k, text, 100 * k, 100 * k + len(text), k + 1)
        cands.append(Candidate(p, [p]))
    return {j.passage.text: j.judgement for j in RulesStance().judge(claim, cands, lambda t: 1.0)}


_CLAIM = "Sokhan Rith, 43, moved to Kampot in March 2019."
_EVENT = "Sokhan Rith, a farmer, moved to Kampot in March 2019."


def test_a_figure_stated_in_another_sentence_of_the_same_source_completes_the_support():
    js = _judge_all(_CLAIM, ("a.txt", _EVENT), ("a.txt", "Sokhan Rith is 43 years old and has two children."))
    assert (js[_EVENT].label, js[_EVENT].check) == ("supports", "values:document")
    assert "line 2" in js[_EVENT].reason


def test_a_figure_stated_by_another_source_does_not_complete_it():
    js = _judge_all(_CLAIM, ("a.txt", _EVENT), ("b.txt", "Sokhan Rith is 43 years old and has two children."))
    assert js[_EVENT].label == "related"


def test_a_figure_about_someone_else_does_not_complete_it():
    js = _judge_all(_CLAIM, ("a.txt", _EVENT), ("a.txt", "His neighbour Chantra Mao is 43 years old."))
    assert js[_EVENT].label == "related"


def test_the_values_check_switched_off_completes_nothing():
    cands = [Candidate(p, [p]) for p in (Passage("a.txt", 0, _EVENT, 0, 60, 1),
                                         Passage("a.txt", 1, "Sokhan Rith is 43 years old.", 100, 130, 2))]
    js = RulesStance(off={"values"}).judge(_CLAIM, cands, lambda t: 1.0)
    assert all(j.judgement.check != "values:document" for j in js)
