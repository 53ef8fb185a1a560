"""Retrieval: the passages worth judging for a claim.

The pipelines ask a ``Retriever`` for passages and nothing else: they never see how it stores
them. ``PassageIndex`` (``index.py``: SQLite FTS5 in a cache folder, BM25 over normalised
terms) is the one shipped; ``candidates`` re-ranks its keyword hits by fuzzy similarity;
``shards`` builds it on a cluster; ``cache`` says where it lives and who may write it.
"""
from __future__ import annotations

from typing import Protocol, runtime_checkable

from ..model import Passage, Source


@runtime_checkable
class Retriever(Protocol):
    """A searchable store of the corpus's passages. Passages are addressed by row ids (from
    ``search``) or by their source id and index in that source (``span``, ``contexts``)."""

    def search(self, query: str, limit: int = 200) -> list[tuple[int, float]]:
        """Row ids and scores (higher is better) of passages sharing terms with ``query``."""
        ...

    def search_norms(self, query: str, limit: int = 200) -> list[tuple[int, float, str]]:
        """``search`` with each passage's normalised text (``verify.text.norm``)."""
        ...

    def get(self, rowids: list[int]) -> list[Passage]:
        """The passages of these row ids, in that order (unknown ids left out)."""
        ...

    def contexts(self, ps: list[Passage], before: int = 2, after: int = 1) -> list[list[Passage]]:
        """Each passage with its neighbours in its source, in order."""
        ...

    def span(self, source_id: str, first: int, last: int) -> list[Passage]:
        """The passages of one source from index ``first`` to ``last`` (inclusive), in order."""
        ...

    def idf(self, term: str) -> float:
        """How rare an index term is in the corpus (``index_terms`` makes the terms)."""
        ...

    def sources(self, ids: list[str] | None = None) -> list[Source]:
        """The corpus's sources (their text left empty), all of them or those of ``ids``."""
        ...

    def count(self) -> int:
        """How many passages the corpus has."""
        ...


__all__ = ["Retriever"]
