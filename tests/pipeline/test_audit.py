"""`verify audit`: a draft split into statements, claims checked, quotations matched."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from verify.cli.audit import audit_command
from verify.errors import InputError
from verify.inputs.drafts import _plain_markdown, read_draft
from verify.pipeline.audit import _statements, audit, claim_variants
from verify.pipeline.check import open_index
from verify.reading.quotes import find_quotes

DATA = Path(__file__).parents[1] / "data" / "audit"
SOURCES = DATA / "sources"


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("audit-cache")


@pytest.fixture(scope="module")
def index(cache):
    idx, _, _ = open_index([SOURCES], cache)
    return idx


@pytest.fixture(scope="module")
def report(index) -> dict:
    return audit(DATA / "draft.md", [SOURCES], index=index).to_dict()


def _find(report: dict, snippet: str) -> dict:
    (s,) = [s for s in report["statements"] if snippet in s["text"]]
    return s


def _cli(runner, *args: str, cache: Path, input: str | None = None):
    return runner.invoke(audit_command, [*args, "--sources", str(SOURCES), "--cache", str(cache)],
                         input=input)


# --- statements and their kinds -------------------------------------------------------------

def test_heading_is_listed_but_not_checked(report):
    s = _find(report, "A ferry for Marsholm")
    assert s["kind"] == "other" and s["verdict"] is None


def test_opinion_and_question_are_not_checked(report):
    assert _find(report, "wonderful thing")["kind"] == "opinion"
    q = _find(report, "Will the islanders")
    assert q["kind"] == "question" and q["verdict"] is None and q["evidence"] == []


def test_line_numbers_count_the_front_matter(report):
    assert _find(report, "A ferry for Marsholm")["line"] == 4


def test_supported_claim(report):
    s = _find(report, "opened a ferry line")
    assert s["kind"] == "claim" and s["verdict"] == "supported"
    assert s["evidence"][0]["source"].endswith("harbour.txt")


def test_contradicted_claim_names_the_source_value(report):
    s = _find(report, "9 million euros")
    assert s["verdict"] == "contradicted"
    assert any(e["source_value"] == "4.2 million euros" for e in s["evidence"])


def test_exact_quote(report):
    s = _find(report, "finally close")
    assert s["kind"] == "quote" and s["quote"]["status"] == "exact" and s["verdict"] == "supported"


def test_altered_quote_shows_a_word_diff(report):
    q = _find(report, "in summer when the ice")["quote"]
    assert q["status"] == "altered" and "winter" in q["diff"] and "summer" in q["diff"]


def test_misattributed_quote_names_both_speakers(report):
    q = _find(report, "said Tomas Berg")["quote"]
    assert q["status"] == "misattributed"
    assert q["speaker"] == "Tomas Berg" and q["source_speaker"] == "Ingrid Solberg"


def test_report_has_the_documented_shape(report):
    assert {"statements", "sources", "skipped", "summary"} <= set(report)
    for s in report["statements"]:
        assert {"text", "line", "kind", "verdict", "quote", "evidence", "reason"} <= set(s)
        assert s["kind"] in ("claim", "quote", "opinion", "question", "other")
    assert report["summary"]["quotes"]["altered"] == 1


def test_quote_running_over_two_sentences_is_one_statement():
    text = 'Intro here. "First sentence of it. Second sentence of it," she said. After that, more.'
    spans = _statements(text, find_quotes(text))
    assert [len(qs) for _, _, qs in spans] == [0, 1, 0]


# --- claim readings ---------------------------------------------------------------------------

def test_trailing_attribution_is_dropped_for_checking():
    assert "The project cost 9 million euros." in claim_variants(
        "The project cost 9 million euros, the regional council said.")


def test_relative_clause_with_says_is_not_taken_for_an_attribution():
    assert claim_variants("Sat Pha, who arrived in April, says she has moved twice.") == [
        "Sat Pha, who arrived in April, says she has moved twice."]


def test_leading_time_clause_gives_the_main_statement():
    v = claim_variants("Five years after the court ruled in 2017, about 40 exiles still live there.")
    assert "About 40 exiles still live there." in v


# --- reading drafts -----------------------------------------------------------------------------

def test_html_draft_is_reduced_to_its_text(index):
    r = audit(DATA / "draft.html", [SOURCES], index=index).to_dict()
    assert _find(r, "opened a ferry line")["verdict"] == "supported"
    assert not any("<p>" in s["text"] for s in r["statements"])


def test_docx_draft_is_read_paragraph_by_paragraph(index):
    r = audit(DATA / "draft.docx", [SOURCES], index=index).to_dict()
    assert _find(r, "opened a ferry line")["verdict"] == "supported"
    assert r["statements"][0]["kind"] != "claim"  # the heading


def test_broken_docx_is_a_one_line_input_error(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK not really a zip")
    with pytest.raises(InputError, match="not a readable .docx"):
        read_draft(path)


def test_missing_draft_is_an_input_error():
    with pytest.raises(InputError, match="nope.md"):
        read_draft(DATA / "nope.md")


def test_docx_without_python_docx_asks_for_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "docx", None)
    path = tmp_path / "d.docx"
    path.write_bytes(b"PK")
    with pytest.raises(InputError, match="pip install python-docx"):
        read_draft(path)


def test_url_draft_goes_through_the_fetch_path(tmp_path, monkeypatch):
    doc = tmp_path / "page.txt"
    doc.write_text("---\nurl: https://example.org/x\n---\nThe crossing takes 25 minutes.\n", encoding="utf-8")
    import verify.web.fetch as fetch

    monkeypatch.setattr(fetch, "fetch_source", lambda url, cache_dir, options=None: doc)
    text, name = read_draft("https://example.org/x", cache=tmp_path)
    assert name == "https://example.org/x" and text.strip() == "The crossing takes 25 minutes."


def test_markdown_links_and_emphasis_are_removed():
    assert _plain_markdown("A **bold** [link](http://x.org) and *this*.") == "A bold link and this."


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("ab [](*_`#-1.)\n\"“”'") + ["---\n"]), max_size=40).map("".join))
def test_markdown_cleaning_keeps_line_numbers(text):
    assert _plain_markdown(text).count("\n") == text.replace("\r", "").count("\n")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("Ab .?!,\n\"“”") + ["said Al", "Bo said"]), max_size=60).map("".join))
def test_statements_are_ordered_and_disjoint(text):
    spans = _statements(text, find_quotes(text))
    for (a, b, _), (c, _d, _) in zip(spans, spans[1:]):
        assert a < b <= c


# --- command line -------------------------------------------------------------------------------

def test_cli_json_report(runner, cache):
    res = _cli(runner, str(DATA / "draft.md"), "--format", "json", cache=cache)
    assert res.exit_code == 0
    data = json.loads(res.output)
    assert _find(data, "9 million")["verdict"] == "contradicted"


@pytest.mark.parametrize("status", ["altered", "misattributed", "contradicted"])
def test_fail_on_gates_publication(runner, cache, status):
    res = _cli(runner, str(DATA / "draft.md"), "--format", "json", "--fail-on", status, cache=cache)
    assert res.exit_code == 1


def test_fail_on_passes_a_clean_draft(runner, cache):
    res = _cli(runner, str(DATA / "draft.txt"), "--format", "json", "--fail-on", "contradicted",
               "--fail-on", "altered", cache=cache)
    assert res.exit_code == 0 and json.loads(res.output)["statements"][0]["verdict"] == "supported"


def test_stdin_draft(runner, cache):
    res = _cli(runner, "-", "--format", "json", cache=cache, input="The crossing takes 25 minutes.\n")
    assert res.exit_code == 0
    assert json.loads(res.output)["statements"][0]["verdict"] == "supported"


def test_terminal_output_marks_sentences_and_prints_markup_literally(runner, cache):
    draft = 'The crossing takes 25 minutes [bold]really[/bold]. "The timetable will change in summer," Berg said.'
    res = _cli(runner, "-", "--no-color", cache=cache, input=draft)
    assert res.exit_code == 0
    assert "[bold]really[/bold]" in res.output
    assert "altered quote" in res.output and "sentences" in res.output


@pytest.mark.parametrize("fmt,marker", [("markdown", "# Draft audit"), ("html", "<html")])
def test_markdown_and_html_formats(runner, cache, tmp_path, fmt, marker):
    out = tmp_path / f"report.{fmt}"
    res = _cli(runner, str(DATA / "draft.md"), "--format", fmt, "-o", str(out), cache=cache)
    assert res.exit_code == 0
    assert marker in out.read_text(encoding="utf-8")


def test_missing_draft_is_one_line_error(runner, cache):
    from verify.cli import cli

    res = runner.invoke(cli, ["audit", str(DATA / "nope.md"), "--sources", str(SOURCES),
                              "--cache", str(cache)])
    assert res.exit_code == 2 and "nope.md" in res.output and "Traceback" not in res.output


def test_offline_url_draft_that_was_never_archived_is_a_one_line_error(runner, tmp_path):
    from verify.cli import cli
    result = runner.invoke(cli, ["audit", "https://example.invalid/draft", "--offline", "--sources",
                                 str(SOURCES), "--cache", str(tmp_path)])
    assert result.exit_code == 2
    assert "https://example.invalid/draft: not in the cache (offline)" in result.output
    assert "Traceback" not in result.output


def test_quotes_are_looked_up_in_the_stretches_around_keyword_hits_not_the_whole_corpus(tmp_path):
    from verify.model import Source
    from verify.pipeline.audit import _quote_context
    from verify.retrieval.index import PassageIndex

    filler = " ".join(f"Filler sentence number {n} mentions nothing." for n in range(120))
    text = ('"The harbour will reopen," said Ana Ruiz. ' + filler +
            ' Later the harbour master spoke again.')
    idx = PassageIndex(tmp_path / "i.sqlite")
    src = Source(id="port.txt", path="port.txt", sha256="1", kind="txt", title="", text=text)
    idx.add([src])
    rows = _quote_context("The harbour will reopen", idx, {"port.txt": src})
    keys = {r[0] for r in rows}
    assert len(keys) == 2  # two separate stretches, never joined across the gap
    assert len(rows) < idx.count()
    assert any('"The harbour will reopen,"' in r[1] for r in rows)
