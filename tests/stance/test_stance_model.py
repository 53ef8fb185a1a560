"""The stance seam, the ONNX model loader, the shipped model and the combination of model and rules."""
from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from verify import check
from verify._stance import Judgement
from verify.model import Passage
from verify.stance import Candidate, Judged, ModelStance, RulesStance, Stance, make_stance
from verify.stance._onnx import ModelError, OnnxNLI
from verify.stance.model import DEFAULT_MODEL, combine, differing

PARAMS = {"top_k": 8, "min_coverage": 0.3, "supports": 0.6, "support_coverage": 0.4,
          "rules_supports": 0.15, "veto_contradicts": 0.6, "veto_entails": 0.6,
          "rules_contradicts": 0.1, "contradicts": 0.95, "contradict_coverage": 0.6}


# --- the seam ----------------------------------------------------------------------------------

def test_make_stance_names_the_two_implementations():
    assert isinstance(make_stance("rules"), RulesStance)
    assert isinstance(make_stance("model"), ModelStance)
    assert isinstance(make_stance(), ModelStance)


def test_both_implementations_satisfy_the_protocol():
    assert isinstance(RulesStance(), Stance)
    assert isinstance(ModelStance(), Stance)


def test_an_unknown_stance_name_is_an_input_error():
    from verify import InputError

    with pytest.raises(InputError, match="unknown stance 'oracle'"):
        make_stance("oracle")


class _AgreeWithEverything:
    """A stance that finds every candidate supports the claim: shows check() uses the stance
    it is given and does no judging of its own."""
    name = "agree"

    def judge(self, claim, candidates, idf):
        return [Judged(Judgement("supports", 0.9, "agrees", check="agree"), c.passage, c)
                for c in candidates[:1]]


def test_check_judges_with_the_stance_it_is_given(sample_sources, tmp_path):
    report = check(["Thailand deported three activists."], [sample_sources], cache=tmp_path,
                   stance=_AgreeWithEverything(), jobs=1)
    [result] = report.claims
    assert result.verdict == "supported"
    assert result.evidence[0].reason == "agrees" and result.evidence[0].check == "agree"


def test_rules_stance_reports_which_check_decided(sample_sources, tmp_path):
    report = check(["A Vietnamese dissident received a 12-year sentence."], [sample_sources],
                   cache=tmp_path, stance="rules", jobs=1)
    decided = [e for e in report.claims[0].evidence if e.stance == "supports"]
    assert decided and decided[0].check in ("values", "coverage")
    assert decided[0].probs is None


# --- the loader ---------------------------------------------------------------------------------

def _tiny_model(directory: Path, labels: list[str], pair_order: str = "passage, claim") -> Path:
    """A three-class 'model' whose logits are fixed linear functions of the token count:
    enough to test loading, label order, batching and determinism without torch."""
    import onnx
    from onnx import TensorProto, helper

    directory.mkdir(parents=True, exist_ok=True)
    ids = helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["b", "s"])
    mask = helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["b", "s"])
    out = helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["b", 3])
    weights = helper.make_tensor("w", TensorProto.FLOAT, [1, 3], [0.0, 0.05, 0.1])
    axes = helper.make_tensor("axes", TensorProto.INT64, [1], [1])
    nodes = [
        helper.make_node("Cast", ["attention_mask"], ["m"], to=TensorProto.FLOAT),
        helper.make_node("ReduceSum", ["m", "axes"], ["n"], keepdims=1),
        helper.make_node("MatMul", ["n", "w"], ["logits"]),
    ]
    graph = helper.make_graph(nodes, "tiny", [ids, mask], [out], initializer=[weights, axes])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.save(model, str(directory / "model.onnx"))
    shutil.copyfile(DEFAULT_MODEL / "tokenizer.json", directory / "tokenizer.json")
    (directory / "stance.json").write_text(json.dumps(
        {"labels": labels, "max_len": 64, "pair_order": pair_order}), encoding="utf-8")
    return directory


def test_a_model_directory_loads_and_gives_probabilities(tmp_path):
    nli = OnnxNLI(_tiny_model(tmp_path / "m", ["entailment", "neutral", "contradiction"]))
    p = nli.predict([("The cat sat.", "A cat sat."), ("word " * 30, "x")])
    assert p.shape == (2, 3)
    assert np.allclose(p.sum(axis=1), 1.0)
    assert p[1, 2] > p[0, 2]  # more tokens, more 'contradicts' in this toy model


def test_labels_are_mapped_by_name_whatever_their_order(tmp_path):
    a = OnnxNLI(_tiny_model(tmp_path / "a", ["entailment", "neutral", "contradiction"]))
    b = OnnxNLI(_tiny_model(tmp_path / "b", ["contradiction", "neutral", "entailment"]))
    pair = [("one two three", "four")]
    assert np.allclose(a.predict(pair)[0], b.predict(pair)[0][::-1])


def test_a_batch_gives_the_same_probabilities_as_one_pair_at_a_time(tmp_path):
    nli = OnnxNLI(_tiny_model(tmp_path / "m", ["entailment", "neutral", "contradiction"]))
    pairs = [("short", "claim"), ("a much longer passage with many words in it", "claim")]
    together = nli.predict(pairs)
    alone = np.vstack([nli.predict([p]) for p in pairs])
    assert np.allclose(together, alone, atol=1e-6)


def test_a_missing_model_directory_is_a_one_line_model_error(tmp_path):
    with pytest.raises(ModelError, match="cannot load stance model from"):
        OnnxNLI(tmp_path / "nowhere")


def test_the_cli_names_a_broken_stance_model_and_fails_the_run(runner, sample_sources, tmp_path):
    from verify.cli import cli

    claims = tmp_path / "c.txt"
    claims.write_text("Thailand deported three activists.\n", encoding="utf-8")
    res = runner.invoke(cli, ["check", str(claims), "-s", str(sample_sources), "--cache",
                              str(tmp_path / "cache"), "--stance-model", str(tmp_path / "nowhere"),
                              "-j", "1"])
    assert res.exit_code == 3
    assert "cannot load stance model from" in res.output.splitlines()[-1]


def test_a_user_model_directory_is_used_by_check(sample_sources, tmp_path):
    model = _tiny_model(tmp_path / "m", ["entailment", "neutral", "contradiction"])
    report = check(["Thailand deported three activists."], [sample_sources], cache=tmp_path / "c",
                   stance_model=model, jobs=1)
    probs = [e.probs for e in report.claims[0].evidence if e.probs]
    assert probs and all(abs(sum(p) - 1) < 1e-3 for p in probs)


# --- the shipped model -----------------------------------------------------------------------------

def test_the_shipped_model_is_the_file_the_training_script_recorded():
    manifest = json.loads((DEFAULT_MODEL / "stance.json").read_text(encoding="utf-8"))
    digest = hashlib.sha256((DEFAULT_MODEL / "model.onnx").read_bytes()).hexdigest()
    assert digest == manifest["model_sha256"]
    tok = hashlib.sha256((DEFAULT_MODEL / "tokenizer.json").read_bytes()).hexdigest()
    assert tok == manifest["tokenizer_sha256"]
    assert manifest["model_bytes"] < 50_000_000


def test_the_shipped_model_is_deterministic():
    nli = OnnxNLI.load(DEFAULT_MODEL)
    pairs = [("Three people were deported in November.", "Three were deported.")]
    assert np.array_equal(nli.predict(pairs), nli.predict(pairs))


def test_a_pairs_probabilities_do_not_depend_on_the_other_candidates():
    # the int8 model scales activations per batch: each pair runs alone
    nli = OnnxNLI.load(DEFAULT_MODEL)
    pair = ("Three people were deported in November.", "Three were deported.")
    other = ("A much longer passage about something else entirely, with many more words in it, "
             "and figures such as 12,000 and 1998.", "Three were deported.")
    assert np.array_equal(nli.predict([pair])[0], nli.predict([other, pair])[1])


def test_the_shipped_model_is_loaded_once_per_process():
    assert OnnxNLI.load(DEFAULT_MODEL) is OnnxNLI.load(DEFAULT_MODEL)


@pytest.mark.parametrize("passage, claim, expected", [
    ("The court sentenced him to ten years in prison on Monday.", "He was sentenced to ten years.", 0),
    ("The court sentenced him to ten years in prison on Monday.", "He was not sentenced to prison.", 2),
    ("The court sentenced him to ten years in prison on Monday.", "He was sentenced to two years in prison.", 2),
    ("The court sentenced him to ten years in prison on Monday.", "The court met on Monday to discuss the budget.", 1),
])
def test_the_shipped_model_reads_plain_entailment_neutral_and_contradiction(passage, claim, expected):
    p = OnnxNLI.load(DEFAULT_MODEL).predict([(passage, claim)])[0]
    assert int(p.argmax()) == expected


# --- combining model and rules -------------------------------------------------------------------

def _judged(label: str, check: str = "coverage", coverage: float = 0.8, probs=None,
            text: str = "The minister resigned in May.", named: bool = True) -> Judged:
    p = Passage("s.txt", 0, text, 0, len(text), 1)
    j = Judged(Judgement(label, 0.7, f"rules say {label}", ["minister"], coverage=coverage, check=check,
                         named=named),
               p, Candidate(p, [p]))
    if probs:
        j.features = dict(zip(("entails", "neutral", "contradicts"), probs))
    return j


@pytest.mark.parametrize("rules, check, coverage, probs, expected", [
    # the model reads support the rules missed (other words)
    ("related", "coverage", 0.6, (0.9, 0.08, 0.02), "supports"),
    # ... but not when the rules find a value conflict
    ("related", "conflict", 0.6, (0.9, 0.08, 0.02), "related"),
    # ... nor on a passage sharing little of the claim
    ("related", "coverage", 0.2, (0.9, 0.08, 0.02), "related"),
    # a rules conflict accuses when the model does not read support
    ("contradicts", "values:quantity", 0.8, (0.1, 0.5, 0.4), "contradicts"),
    # ... and is withdrawn when the model reads support
    ("contradicts", "values:quantity", 0.8, (0.9, 0.05, 0.05), "related"),
    # the model alone accuses only when very sure and the passage shares most of the claim
    ("related", "coverage", 0.8, (0.01, 0.01, 0.98), "contradicts"),
    ("related", "coverage", 0.8, (0.05, 0.1, 0.85), "related"),
    ("related", "coverage", 0.4, (0.01, 0.01, 0.98), "related"),
    # the rules' support stands unless the model contradicts it
    ("supports", "values", 0.9, (0.3, 0.6, 0.1), "supports"),
    ("supports", "values", 0.9, (0.05, 0.15, 0.8), "related"),
])
def test_combine_labels_a_passage_from_model_and_rules(rules, check, coverage, probs, expected):
    out = combine(_judged(rules, check, coverage, probs), PARAMS, "The minister resigned in May.")
    assert out.judgement.label == expected
    assert out.judgement.probs == probs


@pytest.mark.parametrize("level, check, expected", [
    (0, "hedged", "supports"),         # off: the model's reading stands
    (1, "hedged", "related"),          # 'announced his intention to return' is no return
    (1, "question", "related"),        # 'If not, I will kill...' supposes, does not state
    (1, "swap", "supports"),
    (2, "swap", "related"),            # the claim's roles swapped
    (2, "polarity-weak", "related"),   # a negation near the claim's words
    (2, "coverage", "supports"),       # nothing read against it
])
def test_what_the_rules_read_as_not_asserted_is_no_model_support(level, check, expected):
    j = _judged("related", check, 0.8, (0.9, 0.08, 0.02))
    out = combine(j, {**PARAMS, "unasserted": level}, "The minister resigned in May.")
    assert out.judgement.label == expected


@pytest.mark.parametrize("check, probs, expected", [
    ("coverage", (0.05, 0.9, 0.05), "related"),   # the claim's words, but something else said
    ("values", (0.05, 0.9, 0.05), "related"),     # its figures too: still something else
    ("coverage", (0.2, 0.75, 0.05), "supports"),  # the model not sure it is something else
    ("coverage", (0.3, 0.6, 0.1), "supports"),
])
def test_a_rules_support_the_model_is_sure_says_something_else_is_withheld(check, probs, expected):
    j = _judged("supports", check, 0.9, probs, text="A warehouse guard noticed the broken lock and told the owner.")
    out = combine(j, {**PARAMS, "veto_neutral": 0.8}, "The owner fired a warehouse guard over the broken lock.")
    assert out.judgement.label == expected
    if expected == "related":
        assert out.judgement.check == "model-neutral"
        assert "reads it as saying something else (90%)" in out.judgement.reason
        assert "claim has 'fired'" in out.judgement.reason


def test_a_rules_support_stands_whatever_the_model_reads_as_neutral_when_the_veto_is_off():
    j = _judged("supports", "coverage", 0.9, (0.16, 0.83, 0.01))
    assert combine(j, PARAMS, "The minister resigned in May.").judgement.label == "supports"


def test_the_model_alone_never_accuses_a_passage_that_does_not_name_the_claims_subject():
    j = _judged("related", "coverage", 0.8, (0.01, 0.01, 0.98), named=False)
    assert combine(j, PARAMS, "The minister resigned in May.").judgement.label == "related"


def test_a_passage_beyond_the_models_top_k_is_at_most_related():
    out = combine(_judged("contradicts", "values:date"), PARAMS, "The minister resigned in June.")
    assert out.judgement.label == "related"


def test_a_model_contradiction_quotes_the_words_that_differ():
    j = _judged("related", "coverage", 0.8, (0.01, 0.01, 0.98), text="The minister stayed in office.")
    out = combine(j, PARAMS, "The minister resigned.")
    assert "claim has 'resigned'" in out.judgement.reason
    assert "source has 'stayed office'" in out.judgement.reason


def test_differing_says_when_only_the_sense_differs():
    assert differing("He won.", "He won.") == "same words, opposite sense"


def test_a_sentence_is_evidence_once_alone_or_joined_with_its_neighbour():
    from verify.pipeline.check import _evidence

    alone = Passage("s.txt", 1, "He resigned in May.", 20, 39, 1)
    joined = Passage("s.txt", 0, "The minister spoke. He resigned in May.", 0, 39, 1)
    judged = [Judged(Judgement("supports", 0.9, "r"), joined, Candidate(alone, [alone])),
              Judged(Judgement("supports", 0.8, "r"), alone, Candidate(alone, [alone]))]
    assert [e.passage for e in _evidence(judged)] == [joined.text]



# --- two passages read together -------------------------------------------------------------------

JOINT = {**PARAMS, "joint_supports": 0.6, "joint_coverage": 0.5}
_FIRM = "Yearout's firm employed 750 workers in 2009."
_NOW = "Yearout's firm has about 280 workers now."


def _pool(first_check: str = "coverage", probs=(0.8, 0.15, 0.05), coverage: float = 0.9) -> list[Judged]:
    from verify.stance._types import Joint

    a = Passage("firm.txt", 0, _FIRM, 0, 45, 1)
    b = Passage("firm.txt", 3, _NOW, 80, 121, 4)
    pool = [Judged(Judgement("related", 0.3, "r", coverage=0.6, check=first_check), a, Candidate(a, [a])),
            Judged(Judgement("related", 0.3, "r", coverage=0.5, check="coverage"), b, Candidate(b, [b]))]
    pool[0].joint = Joint(1, coverage, probs)
    return pool


def test_two_passages_the_model_reads_together_as_the_claim_both_support_it():
    from verify.stance.model import joined

    out = joined(_pool(), JOINT)
    assert [j.judgement.label for j in out] == ["supports", "supports"]
    assert out[0].judgement.check == "model:joint"
    assert "together with line 4" in out[0].judgement.reason
    assert "together with line 1" in out[1].judgement.reason


@pytest.mark.parametrize("case, pool", [
    ("the model is not sure enough", _pool(probs=(0.5, 0.45, 0.05))),
    ("together they state too little of the claim", _pool(coverage=0.4)),
    ("one of them states a value against the claim", _pool(first_check="conflict")),
])
def test_two_passages_read_together_support_nothing_when(case, pool):
    from verify.stance.model import joined

    assert [j.judgement.label for j in joined(pool, JOINT)] == ["related", "related"], case


def test_two_passages_are_not_read_together_when_one_alone_decides():
    from verify.stance.model import joined

    pool = _pool()
    pool[1].judgement = Judgement("supports", 0.8, "r", coverage=0.5, check="values")
    assert [j.judgement.label for j in joined(pool, JOINT)] == ["related", "supports"]


def test_two_passages_read_together_are_off_unless_tuned_on():
    from verify.stance.model import joined

    assert [j.judgement.label for j in joined(_pool(), PARAMS)] == ["related", "related"]


def test_the_pair_read_together_states_more_of_the_claim_than_either_alone():
    from verify.reading.facts import read_facts
    from verify.stance.model import pair

    claim = "Yearout's firm had 750 workers in 2009 and has about 280 now."
    pool = _pool()
    for j, cov in zip(pool, (0.45, 0.45)):
        j.judgement = Judgement("related", 0.3, "r", coverage=cov, check="coverage")
    got = pair(read_facts(claim), pool, lambda _t: 1.0)
    assert got is not None
    a, b, cov, text = got
    assert (a, b) == (0, 1) and text == _FIRM + " " + _NOW and cov > 0.45


# --- a wider look for an undecided claim ----------------------------------------------------------

class _StubNLI:
    """Reads every pair the same way, and records what it was given."""
    def __init__(self, probs):
        self.probs, self.read = probs, []

    def predict(self, pairs):
        self.read += [p for p, _c in pairs]
        return np.array([self.probs] * len(pairs))


def _stance_reading_with(stub: _StubNLI, **params) -> ModelStance:
    from verify.stance.model import default_params

    class _Stance(ModelStance):
        nli = property(lambda self: stub)  # type: ignore[assignment]

    return _Stance(params={**default_params(), "joint_supports": 1.01, **params})


_MINISTER = ["The minister spoke to reporters on Monday.", "The minister travelled to Paris on Monday.",
             "The minister met the unions on Monday.", "The minister visited a school on Monday."]


def _candidates(texts: list[str]) -> list[Candidate]:
    out, at = [], 0
    for i, t in enumerate(texts):
        p = Passage("m.txt", i, t, at, at + len(t), i + 1)
        at += len(t) + 1
        out.append(Candidate(p, [p], rank=i))
    return out


def test_an_undecided_claim_gets_a_wider_look():
    stub = _StubNLI([0.05, 0.9, 0.05])
    stance = _stance_reading_with(stub, top_k=1, min_coverage=0.0, second_k=3, second_coverage=0.0)
    stance.judge("The minister resigned in May.", _candidates(_MINISTER), lambda _t: 1.0)
    assert len(stub.read) == 3


def test_a_claim_the_best_passage_decides_gets_no_wider_look():
    stub = _StubNLI([0.95, 0.03, 0.02])
    stance = _stance_reading_with(stub, top_k=1, min_coverage=0.0, second_k=3, second_coverage=0.0,
                                  supports=0.6, support_coverage=0.0)
    stance.judge("The minister resigned in May.", _candidates(_MINISTER), lambda _t: 1.0)
    assert len(stub.read) == 1


@pytest.mark.parametrize("wider, second_k, second_coverage, expected", [
    (False, 4, 0.0, [0.9, 0.7]),            # the best top_k above min_coverage
    (True, 4, 0.4, [0.9, 0.7, 0.45]),       # ... and, wider, down to second_coverage
    (True, 3, 0.0, [0.9, 0.7, 0.45]),       # ... up to second_k in all
    (True, 0, 0.0, [0.9, 0.7]),             # second_k 0: no wider look
])
def test_the_passages_the_model_reads(wider, second_k, second_coverage, expected):
    from verify.stance.model import read_by_model

    pool = [_judged("related", coverage=c) for c in (0.9, 0.7, 0.45, 0.3)]
    params = {"top_k": 2, "min_coverage": 0.5, "second_k": second_k, "second_coverage": second_coverage}
    assert [j.judgement.coverage for j in read_by_model(pool, params, wider)] == expected


def test_the_model_reads_a_misspelt_claim_word_as_the_passage_spells_it():
    class _Recording(_StubNLI):
        def predict(self, pairs):
            self.claims = [c for _p, c in pairs]
            return super().predict(pairs)

    stub = _Recording([0.95, 0.03, 0.02])
    stance = _stance_reading_with(stub, top_k=1, min_coverage=0.0)
    stance.judge("The minister resgined in May.", _candidates(["The minister resigned in May."]),
                 lambda _t: 1.0)
    assert stub.claims == ["The minister resigned in May."]


# --- a claim read in parts: its aside about its subject -------------------------------------------

_HARBOUR = """---
title: A harbour town's new arrivals
published: 2024-05-02
---
Dunmore's harbour has changed a great deal in five years.

Among the volunteers at the food bank is Marta Kellin, a Swedish nurse who came to the town in 2019.

The council plans a second pier for the ferries, and the old fish market is now a gallery.

These days Kellin runs the bakery by the harbour wall, which opened last spring.
"""


def _check_one(tmp_path: Path, claim: str):
    (tmp_path / "src").mkdir(exist_ok=True)
    (tmp_path / "src/harbour.txt").write_text(_HARBOUR, encoding="utf-8")
    (tmp_path / "claims.csv").write_text(f'id,claim\nc1,"{claim}"\n', encoding="utf-8")
    return check(tmp_path / "claims.csv", sources=[tmp_path / "src"], stance="model").claims[0]


def test_an_aside_the_source_gives_otherwise_contradicts_a_claim_whose_main_part_it_states(tmp_path):
    result = _check_one(tmp_path, "Marta Kellin, a Danish nurse, runs the bakery by the harbour.")
    assert result.verdict == "contradicted"
    against = [e for e in result.evidence if e.stance == "contradicts"]
    assert against and all(e.check.endswith("+parts") for e in against)
    assert "danish" in against[0].reason and "swedish" in against[0].reason
    assert not any(e.stance == "supports" for e in result.evidence)


def test_an_aside_the_source_agrees_with_leaves_the_claim_supported(tmp_path):
    assert _check_one(tmp_path, "Marta Kellin, a Swedish nurse, runs the bakery by the harbour.").verdict == "supported"


def test_parts_are_not_read_when_switched_off(tmp_path):
    from verify.stance.model import default_params

    params = {**default_params(), "parts": False}
    (tmp_path / "src").mkdir()
    (tmp_path / "src/harbour.txt").write_text(_HARBOUR, encoding="utf-8")
    (tmp_path / "claims.csv").write_text('id,claim\nc1,"Marta Kellin, a Danish nurse, runs the bakery by the harbour."\n',
                                         encoding="utf-8")
    result = check(tmp_path / "claims.csv", sources=[tmp_path / "src"], stance=ModelStance(params=params)).claims[0]
    assert not any(e.check.endswith("+parts") for e in result.evidence)


def test_passages_that_each_support_a_part_support_the_claim_and_name_each_other():
    from verify.stance.parts import _supported_by_parts

    main = Passage("a.txt", 5, "These days Kellin runs the bakery.", 300, 334, 12)
    side = Passage("a.txt", 1, "Marta Kellin is a Swedish nurse.", 60, 92, 7)
    judged = [Judged(Judgement("related", 0.3, "shares 3 of the claim's words", check="coverage"), main, Candidate(main, [main]))]
    found = [("Marta Kellin runs the bakery.", [Judged(Judgement("supports", 0.8, "states it", check="model"), main,
                                                       Candidate(main, [main]))]),
             ("Marta Kellin is a Swedish nurse.", [Judged(Judgement("supports", 0.9, "states it", check="model"), side,
                                                          Candidate(side, [side]))])]
    out = _supported_by_parts(judged, found)
    assert sorted(j.passage.line for j in out) == [7, 12]  # the related reading of line 12 is replaced
    assert all(j.judgement.label == "supports" and j.judgement.check == "model:parts" for j in out)
    assert all(j.judgement.score == 0.8 for j in out)  # as sure as its least sure part
    by_line = {j.passage.line: j.judgement.reason for j in out}
    assert "'Marta Kellin runs the bakery'" in by_line[12] and "the rest: line 7" in by_line[12]
    assert "'Marta Kellin is a Swedish nurse'" in by_line[7] and "the rest: line 12" in by_line[7]


@pytest.mark.parametrize("named, expected", [((True, True), True), ((True, False), False), ((False, False), False)])
def test_passages_of_two_sources_are_read_together_only_when_both_name_the_subject(named, expected):
    from verify.reading.facts import read_facts
    from verify.stance.model import pair

    claim = "Yearout's firm had 750 workers in 2009 and has about 280 now."
    pool = _pool()
    pool[1] = replace(pool[1], passage=replace(pool[1].passage, source_id="other.txt"))
    for j, cov, n in zip(pool, (0.45, 0.45), named):
        j.judgement = Judgement("related", 0.3, "r", coverage=cov, check="coverage", named=n)
    assert (pair(read_facts(claim), pool, lambda _t: 1.0) is not None) == expected


@pytest.mark.parametrize("named, probs, expected", [
    (True, (0.01, 0.02, 0.97), "contradicts"),   # a loose value conflict the model reads as such
    (True, (0.05, 0.15, 0.80), "related"),       # the model not sure enough
    (False, (0.01, 0.02, 0.97), "related"),      # not about the claim's subject
])
def test_a_loosely_worded_value_conflict_accuses_only_with_the_model_sure_against(named, probs, expected):
    j = _judged("related", "conflict", 0.5, probs, named=named)
    j.judgement = replace(j.judgement, reason="claim says 293; source says 239")
    out = combine(j, {**PARAMS, "conflict_contradicts": 0.95}, "The minister resigned in May.")
    assert out.judgement.label == expected
    if expected == "contradicts":
        assert out.judgement.reason == "claim says 293; source says 239"
        assert out.judgement.check == "rules:conflict+model"


def test_a_pair_is_not_read_as_support_when_the_rules_found_a_value_against_one_of_them():
    """``combine`` relabels each passage the model read (its check becomes 'model'): the guard
    reads the rules' own findings."""
    from verify.stance.model import label

    pool = _pool(first_check="conflict")
    for j in pool:
        j.features = {"entails": 0.3, "neutral": 0.6, "contradicts": 0.1}
    labels = [j.judgement.label for j in label(pool, {**PARAMS, **JOINT}, "Yearout's firm had 750 workers.")]
    assert "supports" not in labels
    pool = _pool()
    for j in pool:
        j.features = {"entails": 0.3, "neutral": 0.6, "contradicts": 0.1}
    labels = [j.judgement.label for j in label(pool, {**PARAMS, **JOINT}, "Yearout's firm had 750 workers.")]
    assert labels == ["supports", "supports"]


def test_another_name_in_the_slot_of_a_claim_naming_no_subject_is_no_model_support():
    j = _judged("related", "slot", 0.8, (0.9, 0.08, 0.02))
    assert combine(j, PARAMS, "It sails from Calais to Dover.").judgement.label == "related"


# --- the training data kept in the repo --------------------------------------------------------

REWORDED = Path(__file__).resolve().parents[2] / "training/data/reworded.jsonl"


def _reworded_rows() -> list[dict]:
    return [json.loads(line) for line in REWORDED.read_text(encoding="utf-8").splitlines()]


def test_each_reworded_sentence_has_two_restatements_a_refutation_and_an_open_claim():
    rows = _reworded_rows()
    assert rows
    for r in rows:
        assert (len(r["entails"]), len(r["contradicts"]), len(r["neutral"])) == (2, 1, 1), r["id"]
        assert all(isinstance(c, str) and c.strip() for k in ("entails", "contradicts", "neutral") for c in r[k])


def test_the_reworded_data_names_its_sentences_by_place_and_never_copies_them():
    # the datasets stay in ../shared: the repo keeps only where each sentence is
    for r in _reworded_rows():
        assert set(r) == {"id", "source", "at", "entails", "contradicts", "neutral"}
        assert r["source"] in ("mnli-dev-matched", "fever-dev-rte") and isinstance(r["at"], int)


def test_the_reworded_ids_are_unique():
    ids = [r["id"] for r in _reworded_rows()]
    assert len(ids) == len(set(ids))


def test_each_binding_sentence_has_a_restatement_and_a_fact_given_to_another_name():
    rows = [json.loads(line) for line in (REWORDED.parent / "bound.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows
    for r in rows:
        assert set(r) == {"id", "source", "at", "entails", "contradicts", "neutral"}
        assert len(r["entails"]) == 1 and 1 <= len(r["contradicts"]) + len(r["neutral"]) <= 2, r["id"]
