"""The learned stance: a cross-encoder decides, the rules explain and guard.

For one claim, the rules first read every candidate (values, polarity, subjects, coverage);
the best few by coverage go to the cross-encoder, which gives P(entails), P(neutral) and
P(contradicts) for (passage, claim). ``combine`` then labels each passage:

- supports: the model is confident it entails the claim and the rules find no value conflict,
  or the rules state every value and the model does not object;
- contradicts: the rules name a value conflict or a negation about the claim's subject and the
  model does not read support; or the model is very sure on a passage that shares most of the
  claim (the reason then quotes the words on each side that differ);
- related otherwise.

The thresholds live in ``verify/data/stance/combine.json``, chosen on the dev splits by
``bench/tune_stance.py``; a false contradiction is weighted as the worst error there.
"""
from __future__ import annotations

import json
import math
import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from ..reading.facts import read_facts
from ..reading.subject import ANAPHOR
from ..text import STOPWORDS, stem, words
from ._onnx import ModelError, OnnxNLI
from ._types import Candidate, Judged
from .rules import RulesStance, confirm_across, first_look

DEFAULT_MODEL = Path(__file__).resolve().parents[1] / "data" / "stance"
# a sentence opening with one of these points back to the one before it ('He was...', 'This...')
_POINTERS = ANAPHOR | {"this", "that", "these", "those", "such"}


@lru_cache(maxsize=1)
def default_params() -> dict:
    return json.loads((DEFAULT_MODEL / "combine.json").read_text(encoding="utf-8"))


class ModelStance:
    """The cross-encoder's probabilities combined with the rules' findings."""
    name = "model"

    def __init__(self, model: str | Path | None = None, params: dict | None = None,
                 rules: RulesStance | None = None) -> None:
        self.model_dir = Path(model or os.environ.get("VERIFY_STANCE_MODEL") or DEFAULT_MODEL)
        if not (self.model_dir / "model.onnx").is_file():  # fail before any indexing is done
            raise ModelError(f"cannot load stance model from {self.model_dir}: no model.onnx there")
        self.params = params or default_params()
        self.rules = rules or RulesStance()

    def confidence(self, verdict: str, raw: float) -> float:
        """The verdict's confidence as a probability of being right: ``decide``'s score,
        Platt-scaled per verdict on the dev splits (``bench/tune_stance.py``)."""
        ab = self.params.get("calibration", {}).get(verdict)
        if not ab:
            return raw
        return round(1.0 / (1.0 + math.exp(-(ab[0] * raw + ab[1]))), 3)

    @property
    def nli(self) -> OnnxNLI:
        return OnnxNLI.load(self.model_dir)

    def judge(self, claim: str, candidates: Sequence[Candidate],
              idf: Callable[[str], float]) -> list[Judged]:
        return [combine(j, self.params, claim) for j in self.score(claim, candidates, idf)
                if j.judgement.label != "unrelated"]

    def score(self, claim: str, candidates: Sequence[Candidate],
              idf: Callable[[str], float]) -> list[Judged]:
        """The rules' judgement of each candidate worth judging, with the model's
        probabilities for the best ``top_k`` of them (``features``)."""
        facts_c = read_facts(claim)
        # reading a passage in full costs most of a claim's time at scale: the cheap first look
        # picks the ``judge_k`` candidates the rules read (the model then scores the best)
        looks = {id(c): first_look(facts_c, c.around, idf) for c in candidates}
        ranked = sorted(candidates, key=lambda c: (-looks[id(c)], c.rank))[:self.params.get("judge_k", 25)]
        pool = [j for j in (self.rules.judge_one(facts_c, c, idf, looks[id(c)]) for c in ranked)
                if j is not None]
        if "values" not in self.rules.off:
            confirm_across(facts_c, pool, candidates)
        pool.sort(key=lambda j: (-j.judgement.coverage, j.candidate.rank))
        top = [j for j in pool if j.judgement.coverage >= self.params["min_coverage"]][:self.params["top_k"]]
        if not top:
            return pool
        probs = self.nli.predict([(model_text(j), claim) for j in top])
        for j, p in zip(top, probs):
            j.features = {"entails": float(p[0]), "neutral": float(p[1]), "contradicts": float(p[2])}
        return pool


def model_text(j: Judged) -> str:
    """What the model reads: the span the rules judged; a sentence that points back ('He
    was...') is read with the sentence before it."""
    p = j.passage
    if p.text is not j.candidate.passage.text:
        return p.text  # already joined with a neighbour
    first = p.text.split(maxsplit=1)[:1]
    if first and first[0].lower().strip("\"'“(") in _POINTERS:
        before = [q for q in j.candidate.around if q.index == p.index - 1]
        if before:
            return before[0].text + " " + p.text
    return p.text


def combine(j: Judged, params: dict, claim: str) -> Judged:
    """Label one judged passage from the model's probabilities and the rules' findings."""
    r = j.judgement
    f = j.features
    if not f:  # beyond the model's top-k: the rules may only relate it
        if r.label in ("supports", "contradicts"):
            r = replace(r, label="related", score=r.coverage * 0.5)
        return replace(j, judgement=r)
    pe, pc = f["entails"], f["contradicts"]
    probs = (pe, f["neutral"], pc)
    conflict = r.label == "contradicts" or r.check == "conflict"
    if r.label == "contradicts" and pe < params["veto_entails"] and pc >= params["rules_contradicts"]:
        label, score, reason, check = "contradicts", max(pc, r.score), r.reason, f"rules:{r.check}+model"
    elif (pe >= params["supports"] and pe > pc and not conflict and r.coverage >= params["support_coverage"]
          # a value or place of the claim the passage never states needs a surer model
          and (r.check != "unconfirmed" or pe >= params.get("unconfirmed_supports", 0.0))):
        reason = r.reason if r.label == "supports" else (
            f"states it in other words (model {pe:.0%}); shares {', '.join(r.matched[:4]) or 'its meaning'}")
        label, score, check = "supports", pe, "model" + ("+rules" if r.label == "supports" else "")
    elif r.label == "supports" and pc < params["veto_contradicts"] and pe >= params["rules_supports"]:
        label, score, reason, check = "supports", max(pe, r.score), r.reason, f"rules:{r.check}+model"
    elif r.label == "supports" and pc >= params["veto_contradicts"] and pc > pe:
        # the rules found the claim's words but the model reads the passage against it: a
        # confirmation withheld, never turned into an accusation
        label, score, check = "related", pc * 0.5, "model-veto"
        reason = (f"shares the claim's words, but the model reads it otherwise ({pc:.0%}): "
                  f"{differing(j.passage.text, claim)}")
    elif (pc >= params["contradicts"] and r.coverage >= params["contradict_coverage"]
          # an accusation needs the claim's subject named around the passage, as the rules do
          and r.named):
        label, score, check = "contradicts", pc, "model"
        reason = f"source says otherwise (model {pc:.0%}): {differing(j.passage.text, claim)}"
    else:
        label, score, check = "related", max(pe, pc) * 0.5, "model"
        reason = r.reason if r.label == "related" else f"model: entails {pe:.0%}, contradicts {pc:.0%}"
    return replace(j, judgement=replace(r, label=label, score=round(float(score), 3), reason=reason,
                                        check=check, probs=probs))


def differing(passage: str, claim: str) -> str:
    """The content words each side has that the other lacks: what a reader should compare."""
    def content(text: str) -> list[str]:
        return [w for w in words(text) if w not in STOPWORDS and len(w) > 2]
    c_words, p_words = content(claim), content(passage)
    c_stems, p_stems = {stem(w) for w in c_words}, {stem(w) for w in p_words}
    only_c = list(dict.fromkeys(w for w in c_words if stem(w) not in p_stems))[:3]
    only_p = list(dict.fromkeys(w for w in p_words if stem(w) not in c_stems))[:3]
    if not only_c and not only_p:
        return "same words, opposite sense"
    return f"claim has '{' '.join(only_c) or '-'}', source has '{' '.join(only_p) or '-'}'"
