"""The stance stage's types: what the pipeline hands a stance, and what it gets back."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from .._stance import Judgement
from ..model import Passage, Source


@dataclass
class Candidate:
    """A retrieved passage with what the stance step may read around it."""
    passage: Passage
    around: list[Passage]            # the passage with up to two sentences before, one after
    source: Source | None = None
    similarity: float = 0.0          # retrieval's fuzzy similarity, 0-1
    rank: int = 0                    # retrieval rank, 0 = best


@dataclass
class Joint:
    """Two passages read together, for a claim that joins what each states alone ('had 750
    workers in 2009 and has about 280 now'): ``partner`` is the other's place in the pool."""
    partner: int
    coverage: float                  # the claim's share the two state together (the rules' coverage)
    probs: tuple[float, float, float]  # the model's P(entails, neutral, contradicts) for both at once


@dataclass
class Judged:
    judgement: Judgement
    passage: Passage                 # the span judged: the candidate, or it joined with a neighbour
    candidate: Candidate
    features: dict[str, float] = field(default_factory=dict)
    joint: Joint | None = None       # this passage read with another (``ModelStance``)


@runtime_checkable
class Stance(Protocol):
    """Judges one claim's candidate passages."""
    name: str

    def judge(self, claim: str, candidates: Sequence[Candidate],
              idf: Callable[[str], float]) -> list[Judged]: ...
