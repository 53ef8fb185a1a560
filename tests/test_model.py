"""verify.model: the three reports read back from their JSON shape, and rendered alike."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from verify import (
    AuditReport,
    CommentsReport,
    Report,
    assess,
    audit,
    check,
    report_from_dict,
)
from verify.pipeline.check import open_index
from verify.render import FORMATS, render

HERE = Path(__file__).parent
AUDIT = HERE / "data" / "audit"
COMMENTS = HERE / "data" / "comments"


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    cache = tmp_path_factory.mktemp("model-cache")
    index, _, _ = open_index([AUDIT / "sources"], cache)
    claims = ["Thousands of people fled the city.", "The minister resigned in 2019."]
    return {
        "check": check(claims, retriever=index, jobs=1),
        "audit": audit(AUDIT / "draft.md", retriever=index),
        "comments": assess(COMMENTS / "comments.csv", COMMENTS / "article.txt", cache=cache),
    }


@pytest.mark.parametrize("kind,cls", [("check", Report), ("audit", AuditReport), ("comments", CommentsReport)])
def test_a_report_reads_back_from_its_json(reports, kind, cls):
    report = reports[kind]
    assert report.kind == kind
    data = json.loads(json.dumps(report.to_dict()))  # as a saved file holds it
    again = report_from_dict(data)
    assert type(again) is cls and again.kind == kind
    assert again.to_dict() == data and cls.from_dict(data).to_dict() == data


@pytest.mark.parametrize("kind", ["check", "audit", "comments"])
def test_typed_and_saved_reports_render_alike(reports, kind):
    report = reports[kind]
    saved = json.loads(json.dumps(report.to_dict()))
    for fmt in FORMATS[kind]:
        options = {"date_published": "2025-01-01"} if fmt == "claimreview" else {}
        assert render(report, fmt, **options) == render(saved, fmt, **options), fmt


def test_not_a_report():
    from verify import InputError

    with pytest.raises(InputError):
        report_from_dict({"items": []})


@pytest.mark.parametrize("kind", ["check", "audit", "comments"])
def test_a_typed_report_is_never_known_by_its_keys(reports, kind, monkeypatch):
    """The kind of a typed report comes from its type: only a saved file's dict is known by
    the key that holds its items."""
    import verify.render.common as common
    from verify import render_claimreview, render_html, render_markdown

    def guess(report):
        raise AssertionError("a typed report's kind was guessed from its keys")

    monkeypatch.setattr(common, "report_kind", guess)
    report = reports[kind]
    for fmt in FORMATS[kind]:
        render(report, fmt, date_published="2025-01-01")
    assert render_html(report) and render_markdown(report)
    assert render_claimreview(report, date_published="2025-01-01")
