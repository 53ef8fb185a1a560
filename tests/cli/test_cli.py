"""The command line, driven through click's runner: exit codes, stdout, stderr."""
from __future__ import annotations

import json

import pytest

from verify.cli import cli


@pytest.fixture
def corpus(data, tmp_path):
    import shutil

    shutil.copytree(data / "corpus", tmp_path / "corpus")
    return tmp_path / "corpus"


def run(runner, *args, **kw):
    return runner.invoke(cli, list(args), catch_exceptions=False, **kw)


def test_check_json_has_the_documented_shape(runner, data, corpus):
    r = run(runner, "check", str(data / "claims/semicolon.csv"), "-s", str(corpus), "-f", "json")
    assert r.exit_code == 0
    report = json.loads(r.stdout)
    assert set(report) >= {"claims", "sources", "skipped"}
    claim = report["claims"][0]
    assert set(claim) >= {"id", "claim", "verdict", "confidence", "evidence"}
    assert claim["fields"] == {"desk": "politics"}
    for ev in claim["evidence"]:
        assert set(ev) >= {"stance", "source", "passage", "line", "start", "end", "score", "reason"}


def test_supported_and_contradicted_claims_on_a_small_corpus(runner, data, corpus):
    r = run(runner, "check", str(data / "claims/semicolon.csv"), "-s", str(corpus), "-f", "json")
    verdicts = {c["id"]: c["verdict"] for c in json.loads(r.stdout)["claims"]}
    assert verdicts == {"c1": "supported", "c2": "contradicted"}


def test_skipped_sources_are_listed_on_stderr_and_in_the_report(runner, data, corpus):
    r = run(runner, "check", str(data / "claims/semicolon.csv"), "-s", str(corpus), "-f", "json")
    skipped = {s["what"].split("/")[-1] for s in json.loads(r.stdout)["skipped"]}
    assert skipped == {"image.txt", "empty.txt", "data.pdf"}
    assert "verify: skipped" in r.stderr and "binary file, not text" in r.stderr


def test_missing_claims_file_is_a_one_line_error_with_exit_2(runner, corpus):
    r = run(runner, "check", "missing.csv", "-s", str(corpus))
    assert r.exit_code == 2
    assert r.stderr == "verify: error: missing.csv: no such file\n"


def test_latin1_claims_file_suggests_encoding(runner, data, corpus):
    r = run(runner, "check", str(data / "claims/latin1.csv"), "-s", str(corpus))
    assert r.exit_code == 2
    assert "--encoding latin-1" in r.stderr and r.stderr.count("\n") == 1


def test_fail_on_contradicted_exits_1(runner, data, corpus):
    r = run(runner, "check", str(data / "claims/semicolon.csv"), "-s", str(corpus), "-f", "json",
            "--fail-on", "contradicted")
    assert r.exit_code == 1 and "(--fail-on)" in r.stderr


def test_claims_from_stdin(runner, corpus):
    r = run(runner, "check", "-", "-s", str(corpus), "-f", "csv",
            input="claim\nAnn Lee was re-elected in 2021.\n")
    assert r.exit_code == 0 and ",supported," in r.stdout


def test_source_markup_prints_literally_in_the_terminal_report(runner, corpus, tmp_path):
    claims = tmp_path / "c.csv"
    claims.write_text("claim\nThe harbour authority said 42 ships docked in January 2024.\n")
    r = run(runner, "check", str(claims), "-s", str(corpus), "--no-color")
    assert r.exit_code == 0
    assert "[bold red]42 ships[/]" in r.stdout and "[/x]" in r.stdout


def test_output_file_is_written(runner, data, corpus, tmp_path):
    out = tmp_path / "r.json"
    r = run(runner, "check", str(data / "claims/semicolon.csv"), "-s", str(corpus), "-f", "json", "-o", str(out))
    assert r.exit_code == 0 and json.loads(out.read_text())["claims"]


def test_claim_of_5000_characters_is_skipped_and_the_run_completes(runner, corpus, tmp_path):
    claims = tmp_path / "c.csv"
    claims.write_text("claim\n" + "x" * 5000 + "\nAnn Lee was re-elected in 2021.\n")
    r = run(runner, "check", str(claims), "-s", str(corpus), "-f", "json")
    report = json.loads(r.stdout)
    assert len(report["claims"]) == 1 and "row 2" in report["skipped"][0]["what"]


def test_unknown_format_is_a_usage_error(runner, data):
    r = runner.invoke(cli, ["check", str(data / "claims/semicolon.csv"), "-f", "pdf"])
    assert r.exit_code == 2


def test_help_lists_commands(runner):
    r = run(runner, "--help")
    assert "check" in r.stdout
