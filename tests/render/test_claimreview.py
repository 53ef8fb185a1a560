"""ClaimReview JSON-LD: golden files, schema.org structure, the documented rating mapping.

Regenerate golden files: VERIFY_REGEN_GOLDEN=1 python -m pytest tests/render/test_claimreview.py
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import verify.render.claimreview as cr
from verify.cli.report import report_command
from verify.model import VERDICTS
from verify.render.claimreview import RATINGS, render_claimreview

DATA = Path(__file__).parents[1] / "data" / "reports"
SAMPLES = ("check-sample", "audit-sample", "comments-sample")
OPTS = {"publisher": "Example Fact Desk", "publisher_url": "https://factdesk.example.org/",
        "date_published": "2025-06-01", "url": "https://factdesk.example.org/reports/exiles.html"}

# schema.org property names allowed on each type we emit (a subset of https://schema.org/<Type>,
# inherited properties included); anything else is a typo that consumers silently drop
SCHEMA = {
    "ClaimReview": {"@context", "@type", "url", "claimReviewed", "reviewRating", "itemReviewed",
                    "author", "datePublished", "reviewBody", "name", "publisher"},
    "Rating": {"@type", "ratingValue", "bestRating", "worstRating", "alternateName", "ratingExplanation"},
    "Claim": {"@type", "appearance", "firstAppearance", "author", "datePublished", "name", "text"},
    "CreativeWork": {"@type", "url", "name", "datePublished", "identifier", "headline"},
    "Organization": {"@type", "name", "url"},
    "Person": {"@type", "name", "url"},
    "PropertyValue": {"@type", "propertyID", "value", "name"},
}


def load(name: str) -> dict:
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def reviews(name: str = "check-sample", **kw) -> list[dict]:
    return json.loads(render_claimreview(load(name), **{**OPTS, **kw}))


def walk(node, expected_type: str | None = None):
    """Every typed object with its property names checked against SCHEMA."""
    if isinstance(node, list):
        for x in node:
            yield from walk(x, expected_type)
        return
    assert isinstance(node, dict) and node.get("@type") in SCHEMA, node
    if expected_type:
        assert node["@type"] == expected_type
    assert set(node) <= SCHEMA[node["@type"]], set(node) - SCHEMA[node["@type"]]
    yield node
    nested = {"reviewRating": "Rating", "itemReviewed": "Claim", "author": "Organization",
              "appearance": "CreativeWork", "identifier": "PropertyValue"}
    for key, typ in nested.items():
        if key in node and isinstance(node[key], (dict, list)):
            if node["@type"] == "Claim" and key == "author":
                typ = "Person"  # the reader who wrote the comment, not the publisher
            yield from walk(node[key], typ)


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_matches_golden_file(name):
    path = DATA / f"{name}.golden.jsonld"
    out = render_claimreview(load(name), **OPTS)
    if os.environ.get("VERIFY_REGEN_GOLDEN"):
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8"), f"{path.name} changed (see test_html.py docstring)"


@pytest.mark.parametrize("name", SAMPLES + ("injection",))
def test_every_object_uses_schema_org_names(name):
    data = reviews(name)
    assert isinstance(data, list) and data
    assert all(r["@type"] == "ClaimReview" and r["@context"] == "https://schema.org" for r in data)
    assert len(list(walk(data, "ClaimReview"))) >= len(data)


def test_one_review_per_claim_with_googles_required_fields():
    data = reviews()
    report = load("check-sample")
    assert [r["claimReviewed"] for r in data] == [c["claim"] for c in report["claims"]]
    for i, r in enumerate(data, 1):
        assert r["url"] == f"{OPTS['url']}#claim-{i}"  # the HTML report's anchor for the claim
        assert r["reviewRating"]["alternateName"]
        assert r["author"] == {"@type": "Organization", "name": "Example Fact Desk",
                               "url": "https://factdesk.example.org/"}
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["datePublished"])


def test_rating_follows_the_documented_mapping():
    data = reviews()
    for r, c in zip(data, load("check-sample")["claims"]):
        assert r["reviewRating"] == {"@type": "Rating", **RATINGS[c["verdict"]]}
    assert set(RATINGS) == set(VERDICTS)
    for verdict, rating in RATINGS.items():  # the docstring table is the documentation
        value = str(rating.get("ratingValue", "(none)"))
        assert re.search(rf"^{verdict}\s+{re.escape(value)}\s+{rating['alternateName']}$",
                         cr.__doc__, re.M), verdict


def test_numeric_ratings_lie_within_best_and_worst():
    for rating in RATINGS.values():
        if "ratingValue" in rating:
            assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]


def test_unverified_has_a_text_rating_but_no_number():
    r = [x for x in reviews() if x["claimReviewed"].startswith("The Bitcoin")][0]
    assert r["reviewRating"] == {"@type": "Rating", "alternateName": "Unproven"}


def test_appearances_are_the_evidence_sources_with_their_hash():
    r = reviews()[2]  # d07: contradicted by two sources, one related passage left out
    urls = [a["url"] for a in r["itemReviewed"]["appearance"]]
    assert urls == ["https://www.cambojanews.com/facing-death-threats-cnrp-exiles-in-thailand-seek-safer-refuge/",
                    "https://hardstories.org/vietnamese-dissidents-on-the-run-in-bangkok/"]
    ident = r["itemReviewed"]["appearance"][0]["identifier"]
    assert ident["propertyID"] == "sha256" and len(ident["value"]) == 64


def test_file_source_without_url_appears_by_name_and_hash_never_by_path():
    r = [x for x in reviews() if x["claimReviewed"].startswith("Lim Kimya")][0]
    appearance = r["itemReviewed"]["appearance"][0]
    assert "url" not in appearance
    assert appearance["name"] and len(appearance["identifier"]["value"]) == 64


def test_unsafe_urls_never_reach_url_fields():
    text = render_claimreview(load("injection"), **OPTS)
    for r in json.loads(text):
        for node in walk(r):
            if "url" in node:
                assert re.match(r"https?://", node["url"]), node["url"]
    assert "javascript:alert(1)" not in [n.get("url") for r in json.loads(text) for n in walk(r)]


def test_output_is_safe_inside_a_script_tag():
    text = render_claimreview(load("injection"), **OPTS)
    assert "<" not in text and ">" not in text and "&" not in text
    assert "</script>" in json.dumps(json.loads(text))  # the text itself is kept


def test_audit_reviews_only_checked_statements_and_comments_their_claims():
    assert len(reviews("audit-sample")) == 6  # 8 sentences, an opinion and a question left out
    assert [r["url"].rsplit("#", 1)[1] for r in reviews("comments-sample")] == \
        ["comment-1-1", "comment-2-1", "comment-3-1", "comment-6-1", "comment-7-1", "comment-8-1"]


def test_comment_claim_is_attributed_to_its_reader():
    r = reviews("comments-sample")[1]
    assert r["itemReviewed"]["author"] == {"@type": "Person", "name": "Peter W"}
    assert r["author"]["@type"] == "Organization"


def test_without_url_the_review_has_no_url_and_date_defaults_to_today():
    r = json.loads(render_claimreview(load("check-sample")))[0]
    assert "url" not in r and r["author"] == {"@type": "Organization", "name": "verify"}
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["datePublished"])


def test_report_command_renders_claimreview_with_publisher(tmp_path):
    out = tmp_path / "r.jsonld"
    res = CliRunner().invoke(report_command, [str(DATA / "check-sample.json"), "--format", "claimreview",
                                              "--publisher", "Desk", "--date", "2025-06-01", "-o", str(out)])
    assert res.exit_code == 0, res.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data[0]["author"]["name"] == "Desk" and data[0]["datePublished"] == "2025-06-01"


def test_report_command_rejects_a_date_that_is_not_iso(tmp_path):
    res = CliRunner().invoke(report_command, [str(DATA / "check-sample.json"), "--format", "claimreview",
                                              "--date", "June 1st"])
    assert res.exit_code == 2 and "--date 'June 1st' is not a date" in res.output
