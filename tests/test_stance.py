"""The stance of a passage towards a claim, and the verdict over several."""
from __future__ import annotations

from verify._facts import read_facts
from verify._model import Evidence
from verify._stance import judge
from verify._verdict import decide


def stance(claim: str, passage: str, context: str | None = None):
    return judge(read_facts(claim), read_facts(passage), read_facts(context or passage), lambda t: 1.0)


def test_same_value_in_other_words_supports():
    j = stance("Song paid 100,000 baht to smugglers.", "Song paid 100,000 baht to smugglers to reach Thailand.")
    assert j.label == "supports"


def test_different_value_about_the_same_subject_contradicts_with_both_values_named():
    j = stance("Bdap was sentenced to 12 years in prison.", "A court sentenced Bđăp to ten years in prison in absentia.")
    assert j.label == "contradicts"
    assert j.reason == "claim says 12 years; source says ten years"


def test_different_value_about_someone_else_is_only_related():
    j = stance("Lim Kimya was sentenced to 12 years in prison.", "A court sentenced Bđăp to ten years in prison.")
    assert j.label == "related"


def test_claim_without_named_subject_is_not_contradicted_by_another_case():
    j = stance("A dissident received a 12-year sentence.", "The court gave Bdap a ten-year sentence.")
    assert j.label != "contradicts"


def test_negation_in_passage_contradicts_affirmative_claim():
    j = stance("Thailand has signed the 1951 Refugee Convention.",
               "Thailand has not signed the 1951 Refugee Convention.")
    assert j.label == "contradicts" and "not" in j.reason


def test_both_negated_supports():
    j = stance("Thailand has not signed the 1951 Refugee Convention.",
               "Thailand has not signed the 1951 Refugee Convention, officials said.")
    assert j.label == "supports"


def test_denial_reported_contradicts():
    j = stance("The army used its vehicles to monitor exiles.",
               "The army denied that its vehicles were used to monitor exiles.")
    assert j.label == "contradicts"


def test_interval_qualifiers_decide():
    assert stance("Fewer than 100 members fled to Thailand.", "More than 200 members fled to Thailand.").label == "contradicts"
    assert stance("Nearly 5,000 refugees live in Bangkok.", "Some 4,800 refugees live in Bangkok.").label == "supports"


def test_unrelated_passage_is_unrelated():
    assert stance("Bitcoin fell 12% in November.", "The council approved the budget.").label == "unrelated"


def _ev(stance_, source, score=0.8, voice=None):
    return Evidence(stance_, source, "p", 1, 0, 1, score, "r", voice=voice)


def test_verdict_disputed_when_distinct_sources_disagree():
    assert decide([_ev("supports", "a"), _ev("contradicts", "b")])[0] == "disputed"


def test_verdict_unverified_without_decisive_evidence():
    assert decide([_ev("related", "a")])[0] == "unverified"


def test_confidence_grows_with_independent_sources():
    one = decide([_ev("supports", "a")])[1]
    two = decide([Evidence("supports", "a", "first text", 1, 0, 1, 0.8, "r"),
                  Evidence("supports", "b", "another wording altogether", 1, 0, 1, 0.8, "r")])[1]
    assert two > one
