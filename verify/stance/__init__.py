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

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from .._model import Passage, Source
from .._stance import Judgement

__all__ = ["Candidate", "Judgement", "Judged", "Stance", "RulesStance", "ModelStance",
           "make_stance", "STANCES"]

STANCES = ("model", "rules")


@dataclass
class Candidate:
    """A retrieved passage with what the stance step may read around it."""
    passage: Passage
    around: list[Passage]            # the passage with up to two sentences before, one after
    source: Source | None = None
    similarity: float = 0.0          # retrieval's fuzzy similarity, 0-1
    rank: int = 0                    # retrieval rank, 0 = best


@dataclass
class Judged:
    judgement: Judgement
    passage: Passage                 # the span judged: the candidate, or it joined with a neighbour
    candidate: Candidate
    features: dict[str, float] = field(default_factory=dict)


@runtime_checkable
class Stance(Protocol):
    """Judges one claim's candidate passages."""
    name: str

    def judge(self, claim: str, candidates: Sequence[Candidate],
              idf: Callable[[str], float]) -> list[Judged]: ...


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
    from .._errors import InputError
    raise InputError(f"unknown stance '{kind}': choose one of {', '.join(STANCES)}")


from .model import ModelStance  # noqa: E402
from .rules import RulesStance  # noqa: E402
