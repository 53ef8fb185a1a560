"""The HTML report: golden files, well-formedness (html5lib), and hostile text staying inert.

Regenerate the golden files after an intended change of the output with
    VERIFY_REGEN_GOLDEN=1 python -m pytest tests/render/
and review the diff of tests/data/reports/*.golden.* before committing.
"""
from __future__ import annotations

import copy
import json
import os
import re
from pathlib import Path

import html5lib
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from verify.errors import InputError
from verify.render.html import highlight, render_html, safe_url

DATA = Path(__file__).parents[1] / "data" / "reports"
SAMPLES = ("check-sample", "audit-sample", "comments-sample")
PAYLOADS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>',
            "javascript:alert(1)", "[link](javascript:alert(1))", "a | b `c`", "[bold]x[/bold]")


def load(name: str) -> dict:
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def check_golden(path: Path, out: str) -> None:
    if os.environ.get("VERIFY_REGEN_GOLDEN"):
        path.write_text(out, encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}: run with VERIFY_REGEN_GOLDEN=1"
    assert out == path.read_text(encoding="utf-8"), f"{path.name} changed (see the module docstring)"


def poison(obj, payload: str):
    """Every string of the report with the payload around it (keys too), structure kept."""
    if isinstance(obj, dict):
        return {(poison(k, payload) if k not in KEEP else k): (v if k in KEEP_VALUES else poison(v, payload))
                for k, v in obj.items()}
    if isinstance(obj, list):
        return [poison(x, payload) for x in obj]
    return f"{payload}{obj}{payload}" if isinstance(obj, str) else obj


KEEP = {"claims", "statements", "comments", "evidence", "sources", "claim", "verdict", "stance",
        "passage", "matched", "quote", "source", "kind", "parent_id", "id", "text", "title", "url",
        "reason", "claim_value", "source_value", "skipped", "what", "author", "status", "speaker",
        "source_speaker", "path", "sha256", "published", "fields", "line", "confidence", "row",
        "disputes_parent", "date"}
KEEP_VALUES = {"verdict", "stance"}  # poisoned separately: unknown verdicts must stay inert too


def parse(doc: str):
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    tree = parser.parse(doc)
    return tree, parser.errors


def assert_inert(doc: str) -> None:
    tree, errors = parse(doc)
    assert errors == []
    assert tree.findall(".//script") == []
    for el in tree.iter():
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), f"<{el.tag} {name}=...>"
            if name.lower() in ("href", "src", "action", "formaction", "xlink:href"):
                assert re.match(r"(https?://|#)", value), f"<{el.tag} {name}={value!r}>"
    for bad in ("iframe", "object", "embed", "img", "svg", "form", "base", "meta[@http-equiv]"):
        assert tree.findall(f".//{bad}") == [], bad


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_matches_golden_file(name):
    check_golden(DATA / f"{name}.golden.html", render_html(load(name)))


@pytest.mark.parametrize("name", SAMPLES + ("injection",))
def test_report_is_well_formed_html5(name):
    _, errors = parse(render_html(load(name)))
    assert errors == []


def test_injection_fixture_renders_as_text():
    doc = render_html(load("injection"))
    assert_inert(doc)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in doc
    assert "&lt;img src=x onerror=alert(1)&gt;" in doc


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("name", SAMPLES)
def test_payload_in_every_field_stays_inert(name, payload):
    report = poison(load(name), payload)
    for item in report.get("claims", report.get("statements", report.get("comments"))):
        item["verdict"] = payload
    assert_inert(render_html(report))


def test_javascript_url_is_shown_but_not_linked():
    doc = render_html(load("injection"))
    tree, _ = parse(doc)
    hrefs = [a.get("href") for a in tree.iter("a")]
    assert not any("javascript" in (h or "").lower() for h in hrefs)
    assert "javascript:alert(1)" in doc  # shown as text so a reader sees what the source said


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=60), st.text(max_size=60), st.text(max_size=40), st.text(max_size=20))
def test_arbitrary_text_never_breaks_the_page(claim, passage, url, word):
    report = load("check-sample")
    c = report["claims"][0]
    c["claim"], c["id"] = claim, word
    ev = c["evidence"][0]
    ev.update(passage=passage, url=url, title=word, matched=[word, claim[:5]], source_value=word,
              claim_value=claim[:8])
    assert_inert(render_html(report))


def test_page_is_self_contained():
    doc = render_html(load("check-sample"))
    tree, _ = parse(doc)
    assert tree.findall(".//link") == [] and tree.findall(".//script") == []
    assert not any(el.get("src") for el in tree.iter())
    style = "".join(s.text or "" for s in tree.iter("style"))
    assert "@import" not in style and "url(" not in style


def test_page_has_viewport_and_print_styles():
    doc = render_html(load("check-sample"))
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in doc
    assert "@media print" in doc and "@media (max-width" in doc


def test_summary_counts_come_from_the_claims():
    report = load("check-sample")
    report["summary"] = {"supported": 99}  # a stale summary must not be shown
    tree, _ = parse(render_html(report))
    counts = {li.find("span").text: li.find("strong").text for li in tree.find(".//ul[@class='counts']")}
    assert counts == {"Supported": "2", "Contradicted": "4", "Disputed": "1", "Unverified": "2"}


def test_verdict_bar_widths_add_up_to_the_whole():
    tree, _ = parse(render_html(load("check-sample")))
    widths = [float(re.search(r"width:([\d.]+)%", s.get("style")).group(1))
              for s in tree.iter("span") if "seg" in (s.get("class") or "")]
    assert len(widths) == 4 and abs(sum(widths) - 100) < 0.1


def test_supporting_and_contradicting_passages_sit_side_by_side():
    tree, _ = parse(render_html(load("check-sample")))
    disputed = tree.find(".//article[@id='claim-7']")
    sides = disputed.find(".//div[@class='sides']")
    assert [s.get("class") for s in sides] == ["side supports", "side contradicts"]
    assert all(len(s.findall(".//figure")) == 1 for s in sides)


def test_matched_words_and_differing_values_are_marked_differently():
    out = highlight("sentenced Bđăp to ten years in prison", ["sentenced", "prison"],
                    (("ten years", "val diff"),))
    assert out == ('<mark>sentenced</mark> Bđăp to <mark class="val diff">ten years</mark> in '
                   "<mark>prison</mark>")


def test_highlight_escapes_inside_and_outside_marks():
    out = highlight("<b> x</b> & <b>", ["<b>"])
    assert out == "<mark>&lt;b&gt;</mark> x&lt;/b&gt; &amp; <mark>&lt;b&gt;</mark>"


def test_passage_links_to_its_url_with_file_line_and_hash():
    tree, _ = parse(render_html(load("check-sample")))
    fig = tree.find(".//article[@id='claim-1']//figure")
    cite = "".join(fig.find(".//p[@class='cite']").itertext())
    assert fig.find(".//a").get("href") == "https://hardstories.org/vietnamese-dissidents-on-the-run-in-bangkok/"
    assert "sources/hardstories-2025-vietnamese-dissidents-in-bangkok.txt:52" in cite
    assert "sha256 a69120ac55f6" in cite


def test_only_http_and_https_urls_are_safe():
    assert safe_url("https://example.org/a") == "https://example.org/a"
    for bad in ("javascript:alert(1)", " javascript:alert(1)", "JaVaScRiPt:x", "data:text/html,x",
                "//evil.example", "http://", "https://a b", "http:\\\\evil", "sources/x.txt", None, 3):
        assert safe_url(bad) is None, bad


def test_audit_report_shows_quote_status_and_both_speakers():
    doc = render_html(load("audit-sample"))
    assert "misattributed quote" in doc
    assert "The draft gives these words to <strong>Sat Pha</strong>; the source gives them to " \
           "<strong>Mao Vibol</strong>." in doc
    assert "Not checked: a question" in doc


def test_comment_replies_are_nested_under_their_parent():
    tree, _ = parse(render_html(load("comments-sample")))
    thread = tree.find(".//section[@id='thread-2']")
    arts = thread.findall("article")
    assert [a.get("id") for a in arts] == ["comment-2", "comment-3"]
    assert "d1" in arts[1].get("class").split()
    assert "a reply disputes a factual claim of its parent" in "".join(thread.itertext())


def test_comment_cycles_and_deep_chains_render_once_each():
    rows = [{"id": "a", "parent_id": "b", "text": "A"}, {"id": "b", "parent_id": "a", "text": "B"}]
    rows += [{"id": f"n{i}", "parent_id": f"n{i - 1}" if i else None, "text": "x"} for i in range(3000)]
    doc = render_html({"comments": rows})
    assert doc.count('<article class="comment') == len(rows)


def test_title_is_escaped():
    doc = render_html(load("check-sample"), title="<script>x</script>")
    assert "<title>&lt;script&gt;x&lt;/script&gt;</title>" in doc


def test_non_report_is_an_input_error():
    with pytest.raises(InputError, match="not a verify report"):
        render_html({"rows": []})


def test_hostile_report_shape_does_not_crash():
    report = {"claims": [None, 3, {"claim": ["x"], "evidence": [None, {"stance": 5, "matched": "ab"}],
                                   "confidence": True, "fields": [1]}], "sources": "x", "skipped": {}}
    assert_inert(render_html(copy.deepcopy(report)))


# ---------------------------------------------------------------- verify report REPORT.json

def test_report_command_renders_saved_report_as_html():
    from click.testing import CliRunner

    from verify.cli.report import report_command

    res = CliRunner().invoke(report_command, [str(DATA / "check-sample.json")])
    assert res.exit_code == 0
    assert res.output == render_html(load("check-sample"))


def test_report_command_writes_markdown_to_a_file(tmp_path):
    from click.testing import CliRunner

    from verify.cli.report import report_command
    from verify.render.markdown import render_markdown

    out = tmp_path / "r.md"
    res = CliRunner().invoke(report_command, [str(DATA / "audit-sample.json"), "--format", "markdown",
                                              "-o", str(out)])
    assert res.exit_code == 0 and res.output == ""
    assert out.read_text(encoding="utf-8") == render_markdown(load("audit-sample"))


def test_report_command_reads_stdin():
    from click.testing import CliRunner

    from verify.cli.report import report_command

    res = CliRunner().invoke(report_command, ["-", "--title", "Exiles"],
                             input=(DATA / "comments-sample.json").read_bytes())
    assert res.exit_code == 0 and "<title>Exiles</title>" in res.output


@pytest.mark.parametrize("content, message", [
    (None, "cannot read the report"),
    (b"{not json", "not JSON (line 1, column 2"),
    (b'{"rows": []}', "not a verify report"),
    (b"[1, 2]", "not a verify report"),
    (b"\xff\xfe{}", "not UTF-8"),
])
def test_report_command_bad_file_is_a_one_line_error_naming_it(tmp_path, content, message):
    from click.testing import CliRunner

    from verify.cli.report import report_command

    path = tmp_path / "saved.json"
    if content is not None:
        path.write_bytes(content)
    res = CliRunner().invoke(report_command, [str(path)])
    assert res.exit_code == 2
    lines = res.output.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and message in lines[0], res.output
    assert "Traceback" not in res.output
