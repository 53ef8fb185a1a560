"""Candidate passages for a claim: BM25 keyword hits re-ranked by fuzzy similarity.

Keywords find passages fast; the fuzzy scorer (rapidfuzz, over the candidate set only, in one
batch call) forgives spelling variants, word order and typos. Ranks are fused (reciprocal rank
fusion) rather than scores, because BM25 and fuzzy scores live on different scales.
"""
from __future__ import annotations

from rapidfuzz import fuzz, process

from ..model import Passage
from ..text import norm
from . import Retriever

KEYWORD_CANDIDATES = 200
_RRF_K = 20


def candidates(index: Retriever, claim: str, limit: int = 25,
               pool: int = KEYWORD_CANDIDATES) -> list[tuple[Passage, float]]:
    """The ``limit`` best passages for ``claim`` with a 0-1 similarity, best first."""
    hits = index.search_norms(claim, limit=pool)
    if not hits:
        return []
    fuzzy = process.cdist([norm(claim)], [n for _, _, n in hits],
                          scorer=fuzz.token_set_ratio, workers=1)[0]
    order_fuzzy = sorted(range(len(hits)), key=lambda i: -fuzzy[i])
    fused = {i: 1.0 / (_RRF_K + i) for i in range(len(hits))}  # BM25 rank
    for rank, i in enumerate(order_fuzzy):
        fused[i] += 1.0 / (_RRF_K + rank)
    best = sorted(fused, key=lambda i: -fused[i])[:limit]
    passages = index.get([hits[i][0] for i in best])
    return [(p, float(fuzzy[i]) / 100.0) for p, i in zip(passages, best)]
