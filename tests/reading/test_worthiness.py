"""Check-worthiness: the shipped model, the kinds and the claim splitter."""
from __future__ import annotations

import importlib.util
import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from verify.errors import InputError
from verify.reading.worthiness import (
    MODEL_PATH,
    classify,
    classify_text,
    load_model,
    sentence_spans,
    split_claims,
    split_sentences,
)

ROOT = Path(__file__).resolve().parents[2]
CLAIMBUSTER_TEST = ROOT.parent / "shared" / "datasets" / "claimbuster" / "two_class" / "test.json"


def _bench(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_model_ships_small():
    assert MODEL_PATH.stat().st_size < 3_000_000


def test_model_loads_fast():
    t0 = time.perf_counter()
    load_model.__wrapped__(str(MODEL_PATH))
    assert time.perf_counter() - t0 < 0.1


def test_broken_model_file_is_an_input_error_naming_the_file(tmp_path):
    bad = tmp_path / "model.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="model.json"):
        load_model.__wrapped__(str(bad))


def test_sentence_with_number_and_name_is_a_claim():
    w = classify("Thailand deported 100 Cambodian refugees last year.")
    assert w.kind == "claim" and w.is_check_worthy and w.score >= 0.5


def test_claim_reason_says_what_makes_it_checkable():
    reason = classify("UNHCR says Thailand has 48,000 urban refugees.").reason
    assert "number" in reason and "UNHCR" in reason


def test_i_think_makes_an_opinion_and_says_so():
    w = classify("I think granting him asylum is the least that can be done.")
    assert w.kind == "opinion" and "I think" in w.reason


def test_judgement_without_facts_is_an_opinion():
    assert classify("This is heartbreaking.").kind == "opinion"


def test_question_mark_makes_a_question():
    w = classify("How many of them are still in Thailand today?")
    assert w.kind == "question" and "?" in w.reason


def test_question_without_mark_is_still_a_question():
    assert classify("Is there any way to donate to these families").kind == "question"


def test_thanks_is_other():
    assert classify("Great reporting, thank you.").kind == "other"


def test_two_words_are_too_short_to_check():
    assert classify("Absolutely true.").kind == "other"


def test_reported_hedge_keeps_a_claim_checkable():
    assert classify("I've read that his video had inaccuracies.").kind == "claim"


def test_split_claims_strips_the_hedge():
    assert split_claims("I've read that his video had inaccuracies.") == ["His video had inaccuracies"]


def test_split_claims_drops_a_judgement_clause():
    got = split_claims("Fewer than 50 CNRP members ever fled to Thailand, this is exaggerated.")
    assert got == ["Fewer than 50 CNRP members ever fled to Thailand"]


def test_split_claims_skips_opinions_and_questions():
    text = "Shame on the government! Sam Rainsy flew back to Cambodia in 2019. Will they ever learn?"
    assert split_claims(text) == ["Sam Rainsy flew back to Cambodia in 2019"]


def test_comment_with_any_claim_is_a_claim():
    text = "I heard the Phnom Penh government pays Thai landlords to report on the exiles. Sad."
    assert classify_text(text).kind == "claim"


def test_comment_question_outranks_a_passing_remark():
    assert classify_text("Any reports on what the stance is? Seems risky.").kind == "question"


def test_comment_led_by_i_think_stays_an_opinion_despite_a_rhetorical_question():
    text = "I think granting him asylum is the least we can do. If countries don't protect them, who will?"
    assert classify_text(text).kind == "opinion"


def test_empty_comment_is_other():
    assert classify_text("   ").kind == "other"


def test_sentence_split_keeps_abbreviations_together():
    assert split_sentences("Mr. Smith left at 5 p.m. on Monday. He came back.") == [
        "Mr. Smith left at 5 p.m. on Monday.", "He came back."]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .?!\n\"”“A1,'")), max_size=80))
def test_sentence_spans_are_ordered_slices_of_the_text(text):
    last = 0
    for a, b in sentence_spans(text):
        assert last <= a < b <= len(text)
        assert text[a:b] == text[a:b].strip()
        last = b


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=120))
def test_classify_accepts_any_text(text):
    w = classify(text)
    assert w.kind in {"claim", "opinion", "question", "other"} and 0.0 <= w.score <= 1.0 and w.reason


def test_training_is_deterministic():
    train = _bench("train_worthiness")
    rows = [("Unemployment fell to 4 percent in 2019.", 1), ("We need to do better.", 0),
            ("The bill cut taxes by $500 billion.", 1), ("Thank you very much.", 0)] * 3
    a = train.fit(rows, epochs=2, l2=1e-3, lr=0.5, min_count=1)
    b = train.fit(rows, epochs=2, l2=1e-3, lr=0.5, min_count=1)
    assert a == b


def test_shipped_model_records_its_training_data():
    meta = json.loads(MODEL_PATH.read_text(encoding="utf-8"))["trained_on"]
    assert meta["file"].endswith("two_class/train.json") and len(meta["sha256"]) == 64


@pytest.mark.skipif(not CLAIMBUSTER_TEST.exists(), reason="shared ClaimBuster data not present")
def test_claimbuster_test_f1_is_at_least_0_80():
    rows = json.loads(CLAIMBUSTER_TEST.read_text(encoding="utf-8"))
    pred = [classify(r["text"]).is_check_worthy for r in rows]
    gold = [r["label"] == 1 for r in rows]
    tp = sum(p and g for p, g in zip(pred, gold))
    fp = sum(p and not g for p, g in zip(pred, gold))
    fn = sum(g and not p for p, g in zip(pred, gold))
    assert 2 * tp / (2 * tp + fp + fn) >= 0.80
