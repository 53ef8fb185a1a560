"""Checking on several processes: same results, same order, as checking in one."""
from __future__ import annotations

import csv

import verify.pipeline.parallel as par
from tests.conftest import ROOT
from verify import check
from verify.pipeline.parallel import plan_jobs


def _claims() -> list[str]:
    with open(ROOT / "claims.csv", newline="", encoding="utf-8") as fh:
        return [row["claim"] for row in csv.DictReader(fh)]


def test_parallel_check_gives_the_single_process_report_in_input_order(sample_sources, tmp_path, monkeypatch):
    monkeypatch.setattr(par, "MIN_CLAIMS_PER_JOB", 1)
    claims = _claims()
    one = check(claims, [sample_sources], cache=tmp_path, jobs=1).to_dict()
    two = check(claims, [sample_sources], cache=tmp_path, jobs=2).to_dict()
    assert [c["claim"] for c in two["claims"]] == claims
    assert two["claims"] == one["claims"]


def test_parallel_check_reports_progress_for_every_claim(sample_sources, tmp_path, monkeypatch):
    monkeypatch.setattr(par, "MIN_CLAIMS_PER_JOB", 1)
    seen = []
    check(_claims()[:6], [sample_sources], cache=tmp_path, jobs=2, progress=lambda n, total: seen.append((n, total)))
    assert seen == [(n, 6) for n in range(1, 7)]


def test_small_runs_stay_in_one_process():
    assert plan_jobs(8, par.MIN_CLAIMS_PER_JOB - 1, "/tmp/i.sqlite") == 1


def test_jobs_default_to_every_core_for_large_runs(monkeypatch):
    monkeypatch.setattr(par, "default_jobs", lambda: 2)
    assert plan_jobs(None, 1000, "/tmp/i.sqlite") == 2


def test_an_in_memory_index_is_checked_in_one_process():
    assert plan_jobs(4, 1000, ":memory:") == 1


def test_cli_accepts_jobs(runner, sample_sources, tmp_path):
    from verify.cli import cli

    claims = tmp_path / "c.txt"
    claims.write_text("Chantra fled to Thailand.\n", encoding="utf-8")
    result = runner.invoke(cli, ["check", str(claims), "-s", str(sample_sources), "--cache",
                                 str(tmp_path / "cache"), "--jobs", "2", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert '"verdict"' in result.output



def test_without_fork_workers_start_only_when_asked(monkeypatch):
    monkeypatch.setattr(par, "_start_method", lambda: "spawn")
    monkeypatch.setattr(par, "default_jobs", lambda: 4)
    assert plan_jobs(None, 1000, "/tmp/i.sqlite") == 1
    assert plan_jobs(2, 1000, "/tmp/i.sqlite") == 2
