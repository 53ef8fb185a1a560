"""The learned stance: a cross-encoder decides, the rules explain and guard.

For one claim, the rules first read every candidate (values, polarity, subjects, coverage);
the best few by coverage go to the cross-encoder, which gives P(entails), P(neutral) and
P(contradicts) for (passage, claim). ``combine`` then labels each passage:

- supports: the model is confident it entails the claim and the rules find no value conflict,
  or the rules state every value and the model does not object: it neither reads the passage
  against the claim nor is sure it says something else (``veto_neutral``);
- contradicts: the rules name a value conflict or a negation about the claim's subject and the
  model does not read support; or the rules find a value conflict about the subject in a
  passage that states too little of the claim to accuse on, and the model is sure it reads
  against the claim (``conflict_contradicts``); or the model is very sure on a passage that
  shares most of the claim (the reason then quotes the words on each side that differ);
- related otherwise.

Where no passage alone decides, the model reads more of them (``read_by_model``, up to
``second_k``), and then the two that together state most of the claim as one (``pair``/``joined``):
a claim often joins what two sentences each state ('had 750 workers in 2009 and has about 280
now'), and a model reading one sentence at a time calls it neutral.

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
from itertools import combinations
from pathlib import Path

from .._stance import coverage
from ..reading.facts import Facts, read_facts
from ..reading.spelling import respell_units
from ..reading.subject import ANAPHOR
from ..text import STOPWORDS, canon, renumber, respell, stem, words
from ._onnx import ModelError, OnnxNLI
from ._types import Candidate, Joint, Judged
from .parts import by_parts, overlap
from .rules import RulesStance, confirm_across, first_look

DEFAULT_MODEL = Path(__file__).resolve().parents[1] / "data" / "stance"
# a sentence opening with one of these points back to the one before it ('He was...', 'This...')
_POINTERS = ANAPHOR | {"this", "that", "these", "those", "such"}
JOINT_POOL = 5      # the best passages by coverage that may be read in pairs
JOINT_FLOOR = 0.5   # a pair stating less of the claim than this is not read (the tuner's lowest)


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
        claim = respell_units(claim)  # '30 yers old' is read, and judged, as an age
        judged = self.judge_whole(claim, candidates, idf)
        if self.params.get("parts"):
            judged = by_parts(self, claim, candidates, idf, judged)
        return judged

    def judge_whole(self, claim: str, candidates: Sequence[Candidate],
                    idf: Callable[[str], float]) -> list[Judged]:
        """The claim judged as a whole: the best passages, then for a claim they leave
        undecided a wider look and its best pair read together (the extra model work is spent
        only where it can change the verdict)."""
        pool = self.score(claim, candidates, idf, joint=False)
        if not decides(pool, self.params, claim):
            self.read(claim, read_by_model(pool, self.params, wider=True), idf)
            if not decides(pool, self.params, claim):
                self.read_pair(claim, pool, idf)
        return label(pool, self.params, claim)

    def score(self, claim: str, candidates: Sequence[Candidate],
              idf: Callable[[str], float], joint: bool = True) -> list[Judged]:
        """The rules' judgement of each candidate worth judging, with the model's
        probabilities for the best ``top_k`` of them (``features``) and, with ``joint``, for
        the best pair read together (``Judged.joint``)."""
        claim = respell_units(claim)
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
        self.read(claim, read_by_model(pool, self.params), idf)
        if joint:
            self.read_pair(claim, pool, idf)
        return pool

    def read(self, claim: str, judged: list[Judged], idf: Callable[[str], float]) -> None:
        """The model's probabilities for each of ``judged`` it has not read yet (``features``)."""
        todo = [j for j in judged if not j.features]
        if todo:
            known = known_words(idf, getattr(self.nli, "is_word", None))
            texts = [model_text(j) for j in todo]
            probs = self.nli.predict([(t, as_written(claim, t, known)) for t in texts])
            for j, p in zip(todo, probs):
                j.features = {"entails": float(p[0]), "neutral": float(p[1]), "contradicts": float(p[2])}

    def read_pair(self, claim: str, pool: list[Judged], idf: Callable[[str], float]) -> None:
        """The model's reading of the best pair of ``pool`` together, set on the first of the
        two (``Judged.joint``); nothing when no pair states more of the claim, or when the
        pair step is off (``joint_supports`` above 1)."""
        if self.params.get("joint_supports", 1.01) > 1.0:
            return
        both = pair(read_facts(claim), pool, idf)
        if both:
            a, b, cov, text = both
            known = known_words(idf, getattr(self.nli, "is_word", None))
            p = self.nli.predict([(text, as_written(claim, text, known))])[0]
            pool[a].joint = Joint(b, round(cov, 4), (float(p[0]), float(p[1]), float(p[2])))


def as_written(claim: str, passage: str, known: Callable[[str], bool]) -> str:
    """The claim as the model reads it against ``passage``: its misspelt words spelt as the
    passage spells them (``respell``) and its numbers in words written as the passage writes
    them in digits (``renumber``): to the model, both are other words."""
    return renumber(respell(claim, passage, known), passage)


def known_words(idf: Callable[[str], float],
                vocabulary: Callable[[str], bool] | None = None) -> Callable[[str], bool]:
    """Whether a word is known: a stopword, a word of the model's ``vocabulary``, or one the
    corpus uses (its weight is below that of a word no passage holds). The model reads the claim
    with the unknown words spelt as the passage spells them (``verify.text.respell``): to the
    model a misspelt word is another word, and often a contradiction."""
    never = idf("\x00")
    return lambda w: (w in STOPWORDS or (vocabulary is not None and vocabulary(w))
                      or idf(canon(w)) < never)


def pair(claim: Facts, pool: list[Judged], idf: Callable[[str], float]) -> tuple[int, int, float, str] | None:
    """The two passages of ``pool`` that together state most of the claim, in reading order,
    with the share they state and their joined text; None unless together they state at least
    ``JOINT_FLOOR`` of it and at least as much as any passage alone. Passages of two sources
    are read together only when both name the claim's subject (two unrelated reports that
    share a word state nothing together)."""
    if len(pool) < 2:
        return None
    near = [i for i, j in enumerate(pool) if j.judgement.coverage >= 0.2 and j.judgement.label != "unrelated"]
    best: tuple[float, bool, int, int, str] | None = None
    for a, b in combinations(near[:JOINT_POOL], 2):
        pa, pb = pool[a].passage, pool[b].passage
        same = pa.source_id == pb.source_id
        if overlap(pa, pb):
            continue  # overlapping spans: nothing more read together
        if not same and not (pool[a].judgement.named and pool[b].judgement.named):
            continue  # two reports state one thing together only when both are about its subject
        if same and pb.start < pa.start:
            a, b = b, a
        first, second = model_text(pool[a]), model_text(pool[b])
        # a sentence read with the one before it ('He was...') may hold the first already
        text = second if pool[a].passage.text in second else first + " " + second
        cov, _ = coverage(claim, read_facts(text), idf)
        if best is None or (cov, same) > best[:2]:
            best = (cov, same, a, b, text)
    alone = max(j.judgement.coverage for j in pool)
    if best is None or best[0] < JOINT_FLOOR or best[0] < alone:
        return None
    return best[2], best[3], best[0], best[4]


def read_by_model(pool: list[Judged], params: dict, wider: bool = False) -> list[Judged]:
    """The passages the model reads, from a pool sorted by coverage: the best ``top_k`` of
    those stating at least ``min_coverage`` of the claim; ``wider`` (for a claim they leave
    undecided), up to ``second_k`` of those stating at least ``second_coverage``."""
    top = [j for j in pool if j.judgement.coverage >= params["min_coverage"]][:params["top_k"]]
    if wider and params.get("second_k", 0) > len(top):
        seen = {id(j) for j in top}
        floor = params.get("second_coverage", 1.01)
        more = [j for j in pool if id(j) not in seen and j.judgement.coverage >= floor]
        top += more[:params["second_k"] - len(top)]
    return top


def decides(pool: list[Judged], params: dict, claim: str) -> bool:
    """Some passage of ``pool`` alone supports or contradicts the claim."""
    return any(combine(j, params, claim).judgement.label in ("supports", "contradicts") for j in pool)


def label(pool: list[Judged], params: dict, claim: str) -> list[Judged]:
    """Every judged passage labelled (``combine``) and, where none decides alone, the best pair
    read together (``joined``); the unrelated left out. ``pool`` as ``ModelStance.score`` gives it."""
    judged = joined([combine(j, params, claim) for j in pool], params,
                    [j.judgement.check for j in pool])
    return [j for j in judged if j.judgement.label != "unrelated"]


def joined(judged: list[Judged], params: dict, findings: list[str] | None = None) -> list[Judged]:
    """Where no passage alone supports or contradicts the claim, two that the model reads as
    stating it together both support it; neither may state a value against it (the rules'
    ``findings`` of each, before ``combine`` relabelled them; else their checks as given)."""
    findings = findings or [j.judgement.check for j in judged]
    if any(j.judgement.label in ("supports", "contradicts") for j in judged):
        return judged
    for i, j in enumerate(judged):
        jt = j.joint
        if jt is None:
            continue
        pe, _pn, pc = jt.probs
        sure = pe >= params.get("joint_supports", 1.01) and pe > pc
        if not sure or jt.coverage < params.get("joint_coverage", 1.01):
            continue
        if any(findings[x] in ("conflict", "slot") for x in (i, jt.partner)):
            continue
        out = list(judged)
        for x, y in ((i, jt.partner), (jt.partner, i)):
            here, other = judged[x].passage, judged[y].passage
            where = f"line {other.line}"
            if other.source_id != here.source_id:
                where += f" of {other.source_id}"
            r = judged[x].judgement
            out[x] = replace(judged[x], judgement=replace(
                r, label="supports", score=round(pe, 3), check="model:joint",
                reason=f"states it together with {where} (model {pe:.0%})"))
        return out
    return judged


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
    # what the rules read as not asserted ('announced his intention to return', 'If not, I
    # will...') or as the claim's roles swapped is no support, however the model reads it
    # (``unasserted``: 0 off, 1 hedges and suppositions, 2 also swapped roles, weak negations)
    conflict = conflict or r.check in _UNASSERTED[int(params.get("unasserted", 0))]
    # another name or journey in the slot of a claim naming no subject states something else
    conflict = conflict or r.check == "slot"
    if r.label == "contradicts" and pe < params["veto_entails"] and pc >= params["rules_contradicts"]:
        label, score, reason, check = "contradicts", max(pc, r.score), r.reason, f"rules:{r.check}+model"
    elif (pe >= params["supports"] and pe > pc and not conflict and r.coverage >= params["support_coverage"]
          # a value or place of the claim the passage never states needs a surer model
          and (r.check != "unconfirmed" or pe >= params.get("unconfirmed_supports", 0.0))):
        reason = r.reason if r.label == "supports" else (
            f"states it in other words (model {pe:.0%}); shares {', '.join(r.matched[:4]) or 'its meaning'}")
        label, score, check = "supports", pe, "model" + ("+rules" if r.label == "supports" else "")
    elif (r.label == "supports" and pc < params["veto_contradicts"] and pe >= params["rules_supports"]
          and f["neutral"] < params.get("veto_neutral", 1.01)):
        label, score, reason, check = "supports", max(pe, r.score), r.reason, f"rules:{r.check}+model"
    elif r.label == "supports" and f["neutral"] >= params.get("veto_neutral", 1.01):
        # the rules found the claim's words (and figures), but the model is sure the passage
        # says something else with them ('a warehouse guard noticed the broken lock and told
        # the owner' for 'the owner fired a warehouse guard over the broken lock'): a
        # confirmation withheld
        label, score, check = "related", r.score * 0.5, "model-neutral"
        reason = (f"shares the claim's words, but the model reads it as saying something else "
                  f"({f['neutral']:.0%}): {differing(j.passage.text, claim)}")
    elif r.label == "supports" and pc >= params["veto_contradicts"] and pc > pe:
        # the rules found the claim's words but the model reads the passage against it: a
        # confirmation withheld, never turned into an accusation
        label, score, check = "related", pc * 0.5, "model-veto"
        reason = (f"shares the claim's words, but the model reads it otherwise ({pc:.0%}): "
                  f"{differing(j.passage.text, claim)}")
    elif r.check == "conflict" and r.named and pc >= params.get("conflict_contradicts", 1.01) and pc > pe:
        # the rules name a value conflict about the claim's subject in a passage worded too
        # loosely to accuse on alone, and the model reads the passage against the claim too
        label, score, reason, check = "contradicts", pc, r.reason, "rules:conflict+model"
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


# the rules' findings that no model reading turns into support, by ``unasserted`` level
_UNASSERTED = {0: (), 1: ("hedged", "question"), 2: ("hedged", "question", "swap", "polarity-weak")}


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
