"""verify.retrieval: the pipelines reach the passage index only through ``Retriever``."""
from __future__ import annotations

from pathlib import Path

import pytest

from verify import assess, audit, check
from verify.pipeline.check import open_index
from verify.retrieval import Retriever

HERE = Path(__file__).parents[1]
AUDIT = HERE / "data" / "audit"
COMMENTS = HERE / "data" / "comments"


class OnlyRetriever:
    """A ``PassageIndex`` seen through the ``Retriever`` protocol alone: no SQL connection, no
    file path, nothing else of the index is reachable."""

    NAMES = frozenset(n for n in vars(Retriever) if not n.startswith("_"))

    def __init__(self, index) -> None:
        self._index = index

    def __getattr__(self, name: str):
        if name in OnlyRetriever.NAMES:
            return getattr(self._index, name)
        raise AttributeError(f"{name} is not part of the Retriever protocol")


def test_the_index_is_a_retriever(tmp_path):
    index, _, _ = open_index([AUDIT / "sources"], tmp_path)
    assert isinstance(index, Retriever) and isinstance(OnlyRetriever(index), Retriever)
    assert {"search", "get", "contexts", "span", "idf", "sources", "count"} <= OnlyRetriever.NAMES
    sid = index.sources()[0].id
    span = index.span(sid, 0, 2)
    assert [p.index for p in span] == [0, 1, 2] and index.contexts([span[1]], 1, 1)[0] == span


@pytest.mark.parametrize("run", ["check", "audit", "comments"])
def test_pipelines_need_nothing_but_the_protocol(tmp_path, run):
    if run == "comments":
        index, _, _ = open_index([COMMENTS / "article.txt"], tmp_path)
        args = (COMMENTS / "comments.csv", COMMENTS / "article.txt")
        plain, wrapped = (assess(*args, cache=tmp_path).to_dict(),
                          assess(*args, retriever=OnlyRetriever(index)).to_dict())
    else:
        index, _, _ = open_index([AUDIT / "sources"], tmp_path)
        if run == "audit":
            plain = audit(AUDIT / "draft.md", retriever=index).to_dict()
            wrapped = audit(AUDIT / "draft.md", retriever=OnlyRetriever(index)).to_dict()
        else:
            claims = ["Thousands of people fled the city.", "The minister resigned in 2019."]
            plain = check(claims, retriever=index, jobs=1).to_dict()
            wrapped = check(claims, retriever=OnlyRetriever(index), jobs=1).to_dict()
    assert plain == wrapped
