"""Issue 14, "fail loudly, lose nothing": a broken run never passes as a clean one.

Each case drives the CLI and checks the exit code and the exact first line on stderr:
0 checked, 1 ``--fail-on`` matched, 2 bad usage or unusable input, 3 the run itself failed.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT
from verify.cli import cli


@pytest.fixture
def corpus(data, tmp_path):
    shutil.copytree(data / "corpus", tmp_path / "corpus")
    return tmp_path / "corpus"


@pytest.fixture
def notes(data, tmp_path):
    """A corpus of one good source: nothing skipped, so stderr holds only what a test makes."""
    (tmp_path / "notes").mkdir()
    shutil.copy(data / "corpus" / "notes.txt", tmp_path / "notes" / "notes.txt")
    return tmp_path / "notes"


@pytest.fixture
def claims(tmp_path):
    path = tmp_path / "claims.csv"
    path.write_text("claim\nAnn Lee was re-elected in 2021.\n", encoding="utf-8")
    return path


def run(runner, *args, **kw):
    return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False, **kw)


def index_of(corpus: Path) -> Path:
    """The one index file of the corpus in its default cache."""
    from verify.retrieval.cache import index_file

    return index_file(corpus.parent / ".verify", [corpus])


def first_line(text: str) -> str:
    return text.splitlines()[0] if text else ""


# --- exit codes ------------------------------------------------------------------------------

def test_a_sources_path_that_does_not_exist_exits_2_and_creates_nothing(runner, claims, tmp_path):
    missing = tmp_path / "nope1" / "nope2"
    r = run(runner, "check", claims, "-s", missing)
    assert r.exit_code == 2
    assert first_line(r.stderr) == (f"verify: error: no sources found in {missing} "
                                    "(expected .txt, .md or .html files, or URLs)")
    assert not (tmp_path / "nope1").exists()


def test_an_empty_sources_folder_exits_2_and_creates_no_cache(runner, claims, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    r = run(runner, "check", claims, "-s", empty)
    assert r.exit_code == 2
    assert first_line(r.stderr).startswith(f"verify: error: no sources found in {empty} ")
    assert sorted(tmp_path.iterdir()) == sorted([claims, empty])


def test_no_default_sources_folder_exits_2_and_creates_no_cache(runner, claims, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run(runner, "check", claims)
    assert r.exit_code == 2
    assert first_line(r.stderr).startswith("verify: error: no sources found in sources ")
    assert not (tmp_path / ".verify").exists()


def test_a_folder_of_only_unusable_files_exits_2(runner, claims, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("")
    r = run(runner, "check", claims, "-s", bad)
    assert r.exit_code == 2
    assert first_line(r.stderr) == "verify: error: no usable sources: 1 skipped, first bad/empty.txt: empty file"


def test_a_missing_path_among_good_ones_is_a_listed_skip(runner, claims, corpus, tmp_path):
    r = run(runner, "check", claims, "-s", corpus, "-s", tmp_path / "gone", "-f", "json")
    assert r.exit_code == 0
    assert f"verify: skipped {tmp_path / 'gone'}: no such file or folder" in r.stderr.splitlines()


def test_an_internal_fault_is_one_line_with_exit_3(runner, claims, corpus, monkeypatch):
    import verify.render.terminal

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(verify.render.terminal, "show", broken)
    r = run(runner, "check", claims, "-s", corpus)
    assert r.exit_code == 3
    assert r.stderr == "verify: error: internal error (RuntimeError: boom); please report it\n"


def test_an_index_that_fails_while_checking_fails_the_run_with_exit_3(runner, claims, corpus, monkeypatch):
    import sqlite3

    import verify.pipeline.claim_check

    def failing(*a, **kw):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(verify.pipeline.claim_check, "candidates", failing)
    r = run(runner, "check", claims, "-s", corpus, "--fail-on", "contradicted")
    assert r.exit_code == 3
    index = index_of(corpus)
    assert r.stderr == (f"verify: error: {index}: the index failed while checking claim 1 "
                        "(database disk image is malformed); the next run checks it, and rebuilds it if damaged\n")
    assert not Path(f"{index}.checked").exists()  # so the next run checks the file in full


_SLOW_CHECK = """
import signal, sys, time
# Ctrl-C live, as in a terminal: a shell starting this suite in the background (without job
# control) hands it SIGINT ignored, and a program that starts so rightly never sees a Ctrl-C
signal.signal(signal.SIGINT, signal.default_int_handler)
from pathlib import Path
import verify.pipeline.claim_check as c
ready = Path(sys.argv[1])
def slow(claim, index, sources, *rest):
    ready.touch()
    time.sleep(60)
c._check_claim = slow
sys.argv = ["verify", *sys.argv[2:]]
from verify.cli import main
main()
"""


def test_ctrl_c_with_worker_processes_prints_one_line_and_exits_130(corpus, tmp_path):
    claims = tmp_path / "many.txt"
    claims.write_text("".join(f"Claim number {i} is about Ann Lee.\n" for i in range(40)))
    ready = tmp_path / "ready"
    proc = subprocess.Popen(
        [sys.executable, "-c", _SLOW_CHECK, str(ready), "check", str(claims), "-s", str(corpus), "-j", "2"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while not ready.exists() and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        assert ready.exists(), proc.stderr.read().decode() if proc.poll() is not None else "no worker started"
        time.sleep(0.3)
        os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130
    assert err.decode() == "verify: error: interrupted\n"


# --- a damaged index is rebuilt ----------------------------------------------------------------

def _damage_and_recheck(runner, claims, corpus, damage):
    clean = run(runner, "check", claims, "-s", corpus, "-f", "csv")
    index = index_of(corpus)
    damage(index)
    again = run(runner, "check", claims, "-s", corpus, "-f", "csv")
    return clean, again, index


def test_an_index_with_8_kb_overwritten_in_the_middle_is_rebuilt_with_a_warning(runner, claims, corpus):
    import random

    def overwrite(index):
        middle = index.stat().st_size // 2 // 4096 * 4096
        with open(index, "r+b") as fh:
            fh.seek(middle)
            fh.write(random.Random(14).randbytes(8192))

    clean, again, index = _damage_and_recheck(runner, claims, corpus, overwrite)
    assert again.exit_code == 0
    assert first_line(again.stderr) == f"verify: warning: {index}: the index is damaged (its pages are corrupt); rebuilding it"
    assert again.stdout == clean.stdout


def test_a_truncated_index_is_rebuilt_with_a_warning(runner, claims, corpus):
    def truncate(index):
        os.truncate(index, index.stat().st_size // 2)

    clean, again, index = _damage_and_recheck(runner, claims, corpus, truncate)
    assert again.exit_code == 0
    assert first_line(again.stderr) == f"verify: warning: {index}: the index is damaged (its pages are corrupt); rebuilding it"
    assert again.stdout == clean.stdout


def test_a_garbage_index_file_is_rebuilt_with_a_warning(runner, claims, corpus):
    def garbage(index):
        index.write_bytes(b"not a database at all\n" * 2000)

    clean, again, index = _damage_and_recheck(runner, claims, corpus, garbage)
    assert again.exit_code == 0
    assert first_line(again.stderr) == f"verify: warning: {index}: the index is damaged (not an SQLite database); rebuilding it"
    assert again.stdout == clean.stdout


def test_an_index_run_again_untouched_is_not_checked_in_full(runner, claims, corpus, monkeypatch):
    import verify.retrieval.index

    run(runner, "check", claims, "-s", corpus)
    seen = []
    real = verify.retrieval.index.PassageIndex._connect

    def spy(self):
        seen.append(self._sealed())
        return real(self)

    monkeypatch.setattr(verify.retrieval.index.PassageIndex, "_connect", spy)
    r = run(runner, "check", claims, "-s", corpus)
    assert r.exit_code == 0 and seen == [True]


# --- untrusted text ----------------------------------------------------------------------------

def _verdicts(r) -> dict[str, tuple[str, str]]:
    import json

    return {c["id"]: (c["verdict"], c["reason"]) for c in json.loads(r.stdout)["claims"]}


def test_terminal_escapes_in_a_claim_never_reach_the_output_nor_change_the_verdict(runner, notes, tmp_path):
    plain = tmp_path / "plain.txt"
    plain.write_text("Ann Lee received 40 percent of the vote.\n")
    hostile = tmp_path / "hostile.txt"
    hostile.write_text("Ann Lee \x1b[2Jreceived 40 percent\x1b]0;pwned\x07 of the vote.\n")
    clean = run(runner, "check", plain, "-s", notes, "-f", "json")
    dirty = run(runner, "check", hostile, "-s", notes, "-f", "json")
    assert dirty.exit_code == 0 and dirty.stderr == ""
    assert _verdicts(dirty) == _verdicts(clean) and _verdicts(clean)["1"][0] == "contradicted"
    for fmt in ("terminal", "json", "csv", "markdown", "html"):
        out = run(runner, "check", hostile, "-s", notes, "-f", fmt).stdout
        assert "\x1b" not in out and "\x07" not in out and "pwned" not in out, fmt


def test_terminal_escapes_in_a_source_file_never_reach_the_output_nor_change_the_verdict(runner, tmp_path):
    claims = tmp_path / "c.txt"
    claims.write_text("Ann Lee received 40 percent of the vote.\n")
    for name, body in (("clean", "Ann Lee received 61 percent of the vote.\n"),
                       ("dirty", "Ann Lee \x1b]0;pwned\x07received 61\x1b[1m percent of the \x1bcvote.\n")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "s.txt").write_text(body)
    clean = run(runner, "check", claims, "-s", tmp_path / "clean", "-f", "json")
    dirty = run(runner, "check", claims, "-s", tmp_path / "dirty", "-f", "json")
    assert dirty.exit_code == 0 and dirty.stderr == ""
    assert _verdicts(dirty) == _verdicts(clean) and _verdicts(clean)["1"][0] == "contradicted"
    out = run(runner, "check", claims, "-s", tmp_path / "dirty").stdout
    assert "\x1b" not in out and "pwned" not in out


def test_every_csv_column_is_escaped_against_formula_injection(runner, notes, tmp_path):
    import csv
    import io

    claims = tmp_path / "c.csv"
    claims.write_text('id,claim,=cmd\n=1+2,+Ann Lee was re-elected in 2021.,@SUM(A1)\n')
    r = run(runner, "check", claims, "-s", notes, "-f", "csv")
    assert r.exit_code == 0 and r.stderr == ""
    header, row = list(csv.reader(io.StringIO(r.stdout)))
    assert header[-1] == "'=cmd"
    assert row[0] == "'=1+2" and row[1] == "'+Ann Lee was re-elected in 2021." and row[-1] == "'@SUM(A1)"
    assert not any(cell[:1] in "=+-@" for cell in header + row if cell)


# --- input that was silently lost or misread ---------------------------------------------------

def _claim_texts(r) -> list[str]:
    import json

    return [c["claim"] for c in json.loads(r.stdout)["claims"]]


def test_a_headerless_one_column_csv_keeps_its_first_claim_and_says_so(runner, notes, tmp_path):
    claims = tmp_path / "c.csv"
    claims.write_text("Ann Lee was re-elected in 2021.\nAnn Lee received 40 percent of the vote.\n")
    r = run(runner, "check", claims, "-s", notes, "-f", "json")
    assert r.exit_code == 0
    assert first_line(r.stderr) == (f"verify: warning: {claims}: no header names a claim column and the "
                                    "first row reads like a claim: reading it as one")
    assert _claim_texts(r) == ["Ann Lee was re-elected in 2021.", "Ann Lee received 40 percent of the vote."]


def test_plain_lines_on_stdin_are_all_claims_even_with_commas(runner, notes):
    r = run(runner, "check", "-", "-s", notes, "-f", "json",
            input="In 2021, Ann Lee was re-elected.\nAnn Lee, the mayor, received 40 percent of the vote.\n")
    assert r.exit_code == 0
    assert first_line(r.stderr) == ("verify: warning: -: no header names a claim column and the first "
                                    "line reads like a claim: reading one claim per line")
    assert _claim_texts(r) == ["In 2021, Ann Lee was re-elected.",
                               "Ann Lee, the mayor, received 40 percent of the vote."]


def test_a_header_named_claim_is_still_a_header(runner, notes):
    r = run(runner, "check", "-", "-s", notes, "-f", "json", input="claim\nAnn Lee was re-elected in 2021.\n")
    assert r.exit_code == 0 and r.stderr == ""
    assert _claim_texts(r) == ["Ann Lee was re-elected in 2021."]


def test_utf16_claims_with_a_bom_are_read(runner, notes, tmp_path):
    claims = tmp_path / "c.csv"
    claims.write_bytes("id,claim\nc1,Ann Lee was re-elected in 2021.\n".encode("utf-16"))
    r = run(runner, "check", claims, "-s", notes, "-f", "json")
    assert r.exit_code == 0 and r.stderr == ""
    assert _claim_texts(r) == ["Ann Lee was re-elected in 2021."]


def test_a_nul_byte_skips_and_names_its_row_only(runner, notes, tmp_path):
    claims = tmp_path / "c.csv"
    claims.write_bytes(b"claim\nAnn Lee was re-elected in 2021.\nAnn\x00Lee won.\nAnn Lee received 40 percent of the vote.\n")
    r = run(runner, "check", claims, "-s", notes, "-f", "json")
    assert r.exit_code == 0
    assert first_line(r.stderr) == f"verify: skipped {claims}, row 3: holds a NUL byte (binary data?)"
    assert _claim_texts(r) == ["Ann Lee was re-elected in 2021.", "Ann Lee received 40 percent of the vote."]


def test_a_duplicate_claim_id_is_warned_about(runner, notes, tmp_path):
    claims = tmp_path / "c.csv"
    claims.write_text("id,claim\nx,Ann Lee was re-elected in 2021.\nx,Ann Lee received 40 percent of the vote.\n")
    r = run(runner, "check", claims, "-s", notes, "-f", "json")
    assert r.exit_code == 0
    assert first_line(r.stderr) == f"verify: warning: {claims}, row 3: duplicate id 'x' (first on row 2); renamed 'x#3'"


def test_output_equal_to_the_claims_file_is_refused_and_leaves_it_intact(runner, notes, claims):
    before = claims.read_bytes()
    r = run(runner, "check", claims, "-s", notes, "-f", "csv", "-o", claims)
    assert r.exit_code == 2
    assert r.stderr == f"verify: error: {claims}: is an input of this run; refusing to overwrite it (choose another -o)\n"
    assert claims.read_bytes() == before


def test_an_output_folder_that_does_not_exist_fails_before_any_work(runner, notes, claims, tmp_path):
    out = tmp_path / "no" / "such" / "report.json"
    r = run(runner, "check", claims, "-s", notes, "-f", "json", "-o", out)
    assert r.exit_code == 2
    assert r.stderr == f"verify: error: {out}: cannot write: no such folder {out.parent}\n"
    assert not (tmp_path / ".verify").exists()


# --- the cache ---------------------------------------------------------------------------------

_SLOW_INDEX = """
import sys, time
import verify.retrieval.index as ix
real = ix.split_passages
def slow(source):
    time.sleep(0.03)
    return real(source)
ix.split_passages = slow
sys.argv = ["verify", *sys.argv[1:]]
from verify.cli import main
main()
"""


def _passages(index: Path) -> list[tuple]:
    import sqlite3

    db = sqlite3.connect(index)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return (db.execute("SELECT source_id, idx, text, start, end, line, para FROM passages "
                           "ORDER BY source_id, idx").fetchall()
                + db.execute("SELECT term, n FROM df WHERE n != 0 ORDER BY term").fetchall())
    finally:
        db.close()


def test_two_runs_at_once_on_a_cold_cache_take_turns_and_build_the_clean_index(runner, tmp_path):
    """Two real processes: the second starts while the first is building (its indexing is
    slowed to make sure), waits for it, and both leave the index one run alone builds."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(60):
        (corpus / f"doc{i:03}.txt").write_text(
            f"Report {i}. The council of town {i} approved a budget of {i} million. "
            f"Ann Lee visited town {i} in {2000 + i % 20}.\n" * 5)
    claims = tmp_path / "c.txt"
    claims.write_text("Ann Lee visited town 7 in 2007.\n")
    cmd = [sys.executable, "-c", _SLOW_INDEX, "check", str(claims), "-s", str(corpus), "-f", "json"]
    first = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list((tmp_path / ".verify").glob("index-*.sqlite")):
        time.sleep(0.02)
    second = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out1, err1 = first.communicate(timeout=120)
    out2, err2 = second.communicate(timeout=120)
    assert (first.returncode, second.returncode) == (0, 0), (err1, err2)
    assert err1 == b""
    assert first_line(err2.decode()) == (f"verify: warning: {tmp_path / '.verify'}: another verify run is "
                                         "indexing these sources; waiting for it")
    assert out1 == out2
    clean = run(runner, "check", claims, "-s", corpus, "-f", "json", "--cache", tmp_path / "clean")
    assert clean.stdout == out1.decode()
    (shared,) = (tmp_path / ".verify").glob("index-*.sqlite")
    (alone,) = (tmp_path / "clean").glob("index-*.sqlite")
    assert _passages(shared) == _passages(alone)


def _can_mount_read_only() -> bool:
    try:
        return subprocess.run(["unshare", "-m", "sh", "-c", "mount --bind -o ro / /mnt"],
                              capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def _run_without_write_access(folder: Path, *args) -> tuple[subprocess.CompletedProcess, str]:
    """The CLI with ``folder`` (and all below it) not writable, and the reason the system
    gives. Another user would do, but root writes anywhere: as root the folder is mounted
    read-only in a private mount namespace instead (skipped where that is not allowed)."""
    cli_args = [sys.executable, "-m", "verify", *map(str, args)]
    if os.geteuid() != 0:
        for p in [folder, *folder.rglob("*")]:
            p.chmod(0o555 if p.is_dir() else 0o444)
        try:
            return subprocess.run(cli_args, cwd=ROOT, capture_output=True, text=True, timeout=120), "Permission denied"
        finally:
            for p in [folder, *folder.rglob("*")]:
                p.chmod(0o755 if p.is_dir() else 0o644)
    if not _can_mount_read_only():
        pytest.skip("running as root without the right to mount a folder read-only")
    import shlex

    script = f"mount --bind -o ro {shlex.quote(str(folder))} {shlex.quote(str(folder))} && exec {shlex.join(cli_args)}"
    return (subprocess.run(["unshare", "-m", "sh", "-c", script], cwd=ROOT, capture_output=True,
                           text=True, timeout=120), "Read-only file system")


def _corpus_in(data, base: Path) -> tuple[Path, Path]:
    (base / "news").mkdir()
    corpus = base / "news" / "corpus"
    corpus.mkdir()
    shutil.copy(data / "corpus" / "notes.txt", corpus / "notes.txt")
    claims = base / "c.txt"
    claims.write_text("Ann Lee was re-elected in 2021.\n")
    return corpus, claims


def test_sources_in_an_unwritable_folder_name_it_and_suggest_cache(data, tmp_path):
    corpus, claims = _corpus_in(data, tmp_path)
    r, why = _run_without_write_access(tmp_path / "news", "check", claims, "-s", corpus)
    assert r.returncode == 3
    assert r.stderr == (f"verify: error: cannot write the index in {tmp_path / 'news' / '.verify'} "
                        f"({why}); choose a writable folder with --cache DIR\n")


def test_a_complete_index_in_an_unwritable_folder_is_used_read_only(runner, data, tmp_path):
    corpus, claims = _corpus_in(data, tmp_path)
    built = run(runner, "check", claims, "-s", corpus, "-f", "json")
    r, _ = _run_without_write_access(tmp_path / "news", "check", claims, "-s", corpus, "-f", "json")
    assert (r.returncode, r.stderr) == (0, "")
    assert r.stdout == built.stdout


def test_an_out_of_date_index_in_an_unwritable_folder_fails_the_run(runner, data, tmp_path):
    corpus, claims = _corpus_in(data, tmp_path)
    run(runner, "check", claims, "-s", corpus)
    (corpus / "more.txt").write_text("Ann Lee moved to Boston.\n")
    r, _ = _run_without_write_access(tmp_path / "news", "check", claims, "-s", corpus)
    assert r.returncode == 3
    assert r.stderr == (f"verify: error: the index in {tmp_path / 'news' / '.verify'} is out of date and "
                        "the folder cannot be written; choose a writable folder with --cache DIR\n")


def test_switching_between_sibling_corpora_reindexes_nothing(runner, data, tmp_path, monkeypatch):
    import verify.retrieval.index

    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        shutil.copy(data / "corpus" / "notes.txt", tmp_path / name / f"{name}.txt")
    claims = tmp_path / "c.txt"
    claims.write_text("Ann Lee was re-elected in 2021.\n")
    first_a = run(runner, "check", claims, "-s", tmp_path / "a", "-f", "json")
    run(runner, "check", claims, "-s", tmp_path / "b", "-f", "json")
    written = []
    real = verify.retrieval.index.PassageIndex._write
    monkeypatch.setattr(verify.retrieval.index.PassageIndex, "_write",
                        lambda self, batch, tick=None: (written.extend(batch), real(self, batch, tick)))
    again_a = run(runner, "check", claims, "-s", tmp_path / "a", "-f", "json")
    assert (again_a.exit_code, again_a.stderr, again_a.stdout) == (0, "", first_a.stdout)
    assert written == []
    assert len(list((tmp_path / ".verify").glob("index-*.sqlite"))) == 2


# --- the report tells the truth ----------------------------------------------------------------

@pytest.mark.parametrize("host, address", [("169.254.169.254", "169.254.169.254"),
                                           ("[fd00:ec2::254]", "fd00:ec2::254"),
                                           ("[::ffff:169.254.169.254]", "::ffff:169.254.169.254")])
def test_allow_private_still_refuses_cloud_metadata_addresses(runner, tmp_path, host, address):
    claims = tmp_path / "c.txt"
    claims.write_text("Ann Lee was re-elected in 2021.\n")
    url = f"http://{host}/latest/meta-data/"
    r = run(runner, "check", claims, "-s", url, "--allow-private", "--ignore-robots", "--cache", tmp_path / "cache")
    assert r.exit_code == 2
    shown = address.removeprefix("::ffff:")
    assert r.stderr == (f"verify: error: no usable sources: 1 skipped, first {url}: refused {address}: "
                        f"address {shown} is a cloud metadata endpoint\n")


@pytest.mark.parametrize("how", ["NO_COLOR", "--no-color"])
def test_no_color_means_no_styling_codes_at_all(runner, notes, claims, how):
    args = ["check", claims, "-s", notes] + (["--no-color"] if how == "--no-color" else [])
    env = {"FORCE_COLOR": "1", "TERM": "xterm-256color"} | ({"NO_COLOR": "1"} if how == "NO_COLOR" else {})
    styled = run(runner, "check", claims, "-s", notes, env={"FORCE_COLOR": "1", "TERM": "xterm-256color"})
    assert "\x1b[1m" in styled.stdout  # a terminal gets bold ...
    r = run(runner, *args, env=env)
    assert r.exit_code == 0 and r.stderr == ""
    assert "\x1b" not in r.stdout  # ... and NO_COLOR nothing at all


# --- verify audit: unusable drafts, tables ------------------------------------------------------

@pytest.mark.parametrize("name, content, why", [
    ("draft.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n",
     "is a PDF: save the draft as .docx, .md, .html or .txt"),
    ("draft.md", bytes(range(256)) * 8, "looks like a binary file, not a .md, .txt, .html or .docx draft"),
])
def test_audit_of_a_pdf_or_binary_draft_exits_2(runner, notes, tmp_path, name, content, why):
    draft = tmp_path / name
    draft.write_bytes(content)
    r = run(runner, "audit", draft, "-s", notes)
    assert r.exit_code == 2
    assert r.stderr == f"verify: error: {draft}: {why}\n"
    assert not (tmp_path / ".verify").exists()


def test_audit_of_a_docx_checks_the_sentences_inside_its_tables(runner, notes, tmp_path):
    import json

    import docx

    document = docx.Document()
    document.add_paragraph("The council met on Monday.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Result"
    table.cell(0, 1).text = "Ann Lee received 40 percent of the vote."
    draft = tmp_path / "draft.docx"
    document.save(draft)
    r = run(runner, "audit", draft, "-s", notes, "-f", "json")
    assert r.exit_code == 0 and r.stderr == ""
    statements = {s["text"]: s for s in json.loads(r.stdout)["statements"]}
    assert statements["Ann Lee received 40 percent of the vote."]["verdict"] == "contradicted"


# --- verify report and ClaimReview --------------------------------------------------------------

def _saved_report(data, tmp_path, **changes) -> Path:
    import json

    report = json.loads((data / "reports" / "check-sample.json").read_text(encoding="utf-8"))
    for key, value in changes.items():
        if key == "verdict":
            report["claims"][1]["verdict"] = value
        else:
            report[key] = value
    path = tmp_path / "saved.json"
    path.write_text(json.dumps(report), encoding="utf-8")
    return path


def test_report_with_an_unknown_verdict_is_refused_with_exit_2(runner, data, tmp_path):
    import json

    path = _saved_report(data, tmp_path, verdict="probably")
    cid = json.loads(path.read_text())["claims"][1]["id"]
    r = run(runner, "report", path, "-f", "claimreview")
    assert r.exit_code == 2
    assert r.stderr == (f"verify: error: {path}: claim 2 (id {cid!r}) has an unknown verdict 'probably' "
                        "(expected supported, contradicted, disputed or unverified)\n")


def test_report_from_a_newer_version_is_refused_with_exit_2(runner, data, tmp_path):
    path = _saved_report(data, tmp_path, version=2)
    r = run(runner, "report", path, "-f", "markdown")
    assert r.exit_code == 2
    assert r.stderr == f"verify: error: {path}: report version 2 is newer than this verify reads (1); upgrade verify\n"


def test_report_accepts_f_like_the_other_commands(runner, data):
    r = run(runner, "report", data / "reports" / "check-sample.json", "-f", "markdown")
    assert r.exit_code == 0 and r.stdout.startswith("#")


def test_claimreview_url_fields_are_urls_never_local_paths(runner, notes, claims):
    import json

    r = run(runner, "check", claims, "-s", notes, "-f", "claimreview",
            "--url", "https://desk.example.org/review.html")
    assert r.exit_code == 0 and r.stderr == ""

    def urls(node):
        if isinstance(node, dict):
            yield from ([node["url"]] if "url" in node else [])
            for v in node.values():
                yield from urls(v)
        elif isinstance(node, list):
            for v in node:
                yield from urls(v)

    found = list(urls(json.loads(r.stdout)))
    assert found and all(u.startswith("https://") for u in found)
    assert "https://desk.example.org/review.html#claim-1" in found


@pytest.mark.parametrize("command", ["check", "report"])
def test_a_claimreview_url_that_is_a_path_is_refused(runner, notes, claims, data, command):
    args = ([claims, "-s", notes] if command == "check" else [data / "reports" / "check-sample.json"])
    r = run(runner, command, *args, "-f", "claimreview", "--url", "reports/review.html")
    assert r.exit_code == 2
    assert r.stderr == "verify: error: --url 'reports/review.html' is not an http(s) URL\n"


def test_audit_summary_counts_each_statement_once_under_its_kind(runner, data, tmp_path):
    import json

    audit_data = data / "audit"
    r = run(runner, "audit", audit_data / "draft.md", "-s", audit_data / "sources", "--cache", tmp_path,
            "-f", "json")
    assert r.exit_code == 0
    report = json.loads(r.stdout)
    statements, summary = report["statements"], report["summary"]
    quotes = [s for s in statements if s.get("quote")]
    claims = [s for s in statements if s.get("verdict") and not s.get("quote")]
    assert quotes and claims
    for verdict in ("supported", "contradicted", "disputed", "unverified"):
        assert summary[verdict] == sum(s["verdict"] == verdict for s in claims), verdict
    assert sum(summary["quotes"].values()) == len(quotes)
    assert summary["checked"] == len(claims) + len(quotes)


# --- the terminal report, piped -----------------------------------------------------------------

def test_piped_report_is_line_oriented_and_the_same_at_any_width(runner, data, tmp_path):
    deep = tmp_path / "a-rather-long-folder-name-for-the-corpus" / "and-another-level-below-it"
    deep.mkdir(parents=True)
    shutil.copy(data / "corpus" / "notes.txt", deep / "mayoral-election-notes-with-a-long-file-name.txt")
    claims = tmp_path / "c.txt"
    claims.write_text("Ann Lee received 40 percent of the vote.\n")
    narrow = run(runner, "check", claims, "-s", deep, env={"COLUMNS": "80"})
    wide = run(runner, "check", claims, "-s", deep, env={"COLUMNS": "160"})
    assert narrow.exit_code == 0 and narrow.stderr == ""
    assert narrow.stdout == wide.stdout
    assert not set("│╭╮╰╯─") & set(narrow.stdout)
    lines = narrow.stdout.splitlines()
    verdict = next(i for i, line in enumerate(lines) if "CONTRADICTED" in line)
    assert lines[verdict].endswith("[1] Ann Lee received 40 percent of the vote.")
    assert lines[verdict + 1].startswith(
        "  contradicts and-another-level-below-it/mayoral-election-notes-with-a-long-file-name.txt:3: ")
    assert lines[verdict + 1].endswith("She received 61 percent of the vote.")


def test_summary_comes_first_and_a_big_corpus_lists_a_few_sources_and_how_many_more(runner, data, tmp_path):
    import json

    corpus = tmp_path / "many"
    corpus.mkdir()
    for i in range(8):
        (corpus / f"s{i}.txt").write_text(f"Town {i} held an election in 2021.\n")
    shutil.copy(data / "corpus" / "notes.txt", corpus / "notes.txt")
    claims = tmp_path / "c.txt"
    claims.write_text("Ann Lee was re-elected in 2021.\n")
    r = run(runner, "check", claims, "-s", corpus)
    lines = r.stdout.splitlines()
    assert lines[0] == "Corpus: 9 source(s), 15 passages"
    assert lines[1] == "1 supported  0 contradicted  0 disputed  0 unverified"
    notes_title = (data / "corpus" / "notes.txt").read_text().splitlines()[0]
    assert lines[2:7] == [f"  • many/notes.txt — {notes_title}"] + [
        f"  • many/s{i}.txt — Town {i} held an election in 2021." for i in range(4)]
    assert lines[7] == "  and 4 more (all of them in --format json)"
    full = run(runner, "check", claims, "-s", corpus, "-f", "json")
    assert len(json.loads(full.stdout)["sources"]) == 9


def test_a_fetched_source_is_known_by_its_url_on_every_run(runner, tmp_path):
    import json

    sys.path.insert(0, str(ROOT / "tests"))
    from fetch_server import ARTICLE, FetchTestServer

    claims = tmp_path / "c.txt"
    claims.write_text("Cambodian exiles in Thailand face death threats.\n")
    server = FetchTestServer().start()
    try:
        url = server.url(f"/article/{ARTICLE}")
        runs = [run(runner, "check", claims, "-s", url, "--allow-private", "--cache", tmp_path / "cache",
                    "-f", "json", *extra) for extra in ([], [], ["--offline"])]
    finally:
        server.stop()
    for r in runs:
        assert r.exit_code == 0 and r.stderr == ""
        report = json.loads(r.stdout)
        assert [s["id"] for s in report["sources"]] == [url]
        assert {e["source"] for c in report["claims"] for e in c["evidence"]} <= {url}
    assert runs[0].stdout == runs[1].stdout == runs[2].stdout


def test_a_long_path_line_is_never_broken_across_lines_in_a_terminal_panel():
    from rich.console import Console

    from verify.render.terminal.check import _claim_panel

    path = "sources/" + "very-long-folder-name/" * 8 + "article.txt"
    claim = {"id": "1", "claim": "A claim.", "verdict": "supported", "confidence": 0.9,
             "evidence": [{"stance": "supports", "source": path, "line": 1234, "reason": "r",
                           "passage": "p", "matched": []}], "sources_supporting": [path]}
    console = Console(width=60, record=True, color_system=None)
    console.print(_claim_panel(claim, 2, console.width - 6))
    cites = [ln for ln in console.export_text().splitlines() if ":1234" in ln]
    assert len(cites) == 1 and "…" in cites[0] and "article.txt:1234" in cites[0]
