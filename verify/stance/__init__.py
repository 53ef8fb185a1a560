"""The stance stage: does a candidate passage support, contradict, or merely relate to a claim.

One protocol, two implementations:

- ``RulesStance`` (``--stance rules``): the hand-written value, polarity and coverage checks of
  ``verify._stance``; fast, explainable, tuned on the sample corpus.
- ``ModelStance`` (``--stance model``, the default): a cross-encoder trained on entailment and
  fact-verification pairs (``training/train_stance.py``) decides support and contradiction; the
  rules run beside it, explain its verdicts with the values they compare, and guard against
  accusing: a contradiction needs a stated value conflict or a very confident model.

The pipeline hands each implementation the retrieved ``Candidate`` passages of one claim and
gets back one ``Judgement`` per candidate it found related (with the span it judged).
"""
from __future__ import annotations

from pathlib import Path

from .._stance import Judgement
from ._types import Candidate, Judged, Stance
from .model import ModelStance
from .rules import RulesStance

__all__ = ["Candidate", "Judgement", "Judged", "Stance", "RulesStance", "ModelStance",
           "make_stance", "STANCES"]

STANCES = ("model", "rules")


def make_stance(kind: str | Stance | None = None, model: str | Path | None = None) -> Stance:
    """A stance by name ('model' or 'rules'), or the object itself; ``model`` is a model
    directory (default: the shipped one)."""
    if kind is None:
        kind = "model"
    if not isinstance(kind, str):
        return kind
    if kind == "rules":
        return RulesStance()
    if kind == "model":
        return ModelStance(model)
    from ..errors import InputError
    raise InputError(f"unknown stance '{kind}': choose one of {', '.join(STANCES)}")
