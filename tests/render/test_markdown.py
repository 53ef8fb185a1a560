"""The Markdown report: golden files, and untrusted text that never becomes markup.

The rendered Markdown is put through cmark-gfm (GitHub's own parser, via cmarkgfm) with the
GFM extensions on and raw HTML allowed, then the HTML is inspected: hostile text must come
out as text, with no link, image, HTML element, code span or extra table cell.
Regenerate golden files: VERIFY_REGEN_GOLDEN=1 python -m pytest tests/render/test_markdown.py
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import html5lib
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

cmarkgfm = pytest.importorskip("cmarkgfm")
from cmarkgfm.cmark import Options  # noqa: E402

from verify.render.markdown import md, md_link, render_markdown  # noqa: E402

DATA = Path(__file__).parents[1] / "data" / "reports"
SAMPLES = ("check-sample", "audit-sample", "comments-sample")
PAYLOADS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>',
            "javascript:alert(1)", "[link](javascript:alert(1))", "![i](https://evil.example/i.png)",
            "a | b", "`code`", "[bold]x[/bold]", "https://evil.example/x", "www.evil.example",
            "x@evil.example", "<https://evil.example>", "*em* __strong__ ~~del~~", "&lt;b&gt;",
            "# heading", "- item", "1. item", "> quote", "$x^2$", "[x]: https://evil.example")


def load(name: str) -> dict:
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def to_html(markdown: str) -> str:
    return cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)


def tree(markdown: str):
    return html5lib.parse(to_html(markdown), namespaceHTMLElements=False)


def inline_html(fragment: str) -> str:
    """What a piece of escaped text becomes inside a paragraph."""
    out = to_html(f"x {fragment}").strip()
    assert out.startswith("<p>x ") and out.endswith("</p>"), out
    return out[5:-4]


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_matches_golden_file(name):
    path = DATA / f"{name}.golden.md"
    out = render_markdown(load(name))
    if os.environ.get("VERIFY_REGEN_GOLDEN"):
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8"), f"{path.name} changed (see test_html.py docstring)"


@pytest.mark.parametrize("payload", PAYLOADS)
def test_escaped_text_renders_as_plain_text(payload):
    html = inline_html(md(payload))
    assert "<" not in html.replace("&lt;", ""), html
    shown = html5lib.parse(html, namespaceHTMLElements=False).findtext(".//body")
    assert shown.replace("\u2060", "") == payload


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cn")), max_size=50))
def test_any_text_survives_escaping_unchanged(value):
    # noncharacters (category Cn) are replaced by U+FFFD on purpose: not "unchanged" text
    html = inline_html(md("a" + value + "a"))
    assert "<" not in html.replace("&lt;", ""), html
    got = html5lib.parse(html, namespaceHTMLElements=False).findtext(".//body").replace("\u2060", "")
    # U+2060 (word joiner) is the escaping's own inert separator, so it is compared out of both
    assert got == re.sub(r"\s+", " ", "a" + value + "a").strip().replace("\u2060", "")


def test_injection_fixture_makes_no_markup():
    doc = tree(render_markdown(load("injection")))
    hrefs = [a.get("href") for a in doc.iter("a")]
    assert hrefs and all(h.startswith("https://") for h in hrefs)
    assert not any("evil" in h for h in hrefs)  # URL-looking text in claims is not linked
    for bad in ("script", "img", "svg", "iframe", "del", "ol"):
        assert doc.findall(f".//{bad}") == [], bad
    assert [h.text for h in doc.iter("h1")] == ["Fact-check report"]
    ours = {"No passage in the sources bears on this.", "Verdicts say what these sources say, not what is true."}
    assert {"".join(e.itertext()) for e in doc.iter("em")} <= ours
    assert all(re.fullmatch(r"[0-9a-f]{12}", c.text) for c in doc.iter("code"))  # only our hashes
    for el in doc.iter():
        assert not any(k.startswith("on") for k in el.attrib)


def test_pipes_in_text_do_not_add_table_cells():
    doc = tree(render_markdown(load("injection")))
    claims_table = doc.findall(".//table")[1]
    assert {len(tr.findall("td")) for tr in claims_table.iter("tr") if tr.findall("td")} == {5}


@pytest.mark.parametrize("name", SAMPLES)
def test_tables_render_on_github(name):
    doc = tree(render_markdown(load(name)))
    assert doc.findall(".//table"), name
    for table in doc.iter("table"):
        widths = {len(tr) for tr in table.iter("tr")}
        assert len(widths) == 1, name


def test_passage_is_a_blockquote_with_source_line_and_value_in_bold():
    out = render_markdown(load("check-sample"))
    assert ("> The Vietnamese government accused him of having links to a terror attack and sentenced "
            "Bđăp to **ten years** in prison in absentia.") in out
    assert "sources/hardstories-2025-vietnamese-dissidents-in-bangkok.txt:52" in out


def test_links_only_for_http_urls():
    assert md_link("https://example.org/a_(b)", "t") == "[t](<https://example.org/a_(b)>)"
    assert md_link("javascript:alert(1)", "t") == "t"
    assert md_link("https://example.org/<x>", "t") == "[t](<https://example.org/%3Cx%3E>)"


def test_audit_lists_checked_sentences_and_the_rest_in_a_table():
    out = render_markdown(load("audit-sample"))
    assert "## Line 10: ❌ Contradicted, misattributed quote" in out
    assert "the source gives them to **Mao Vibol**" in out
    assert "| 12 | question | Is anyone in Bangkok really safe? | a question |" in out


def test_comment_replies_are_marked_under_their_parent():
    out = render_markdown(load("comments-sample"))
    parent = out.index("### Peter W (c02")
    reply = out.index("### ↳ Dara (c03")
    assert parent < reply
    assert "**Look here:** a reply disputes a factual claim of its parent." in out
