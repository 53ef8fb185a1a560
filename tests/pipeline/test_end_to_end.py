"""The sample corpus end to end, as a fact-checker runs it, and the library entry point."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

from tests.conftest import ROOT


def test_sample_claims_check_lists_all_four_sources_and_every_verdict(tmp_path):
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    shutil.copy(ROOT / "claims.csv", tmp_path / "claims.csv")
    r = subprocess.run([sys.executable, str(ROOT / "cli.py"), "check", "claims.csv", "-f", "json"],
                       cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert len(report["sources"]) == 4
    assert {c["verdict"] for c in report["claims"]} == {"supported", "contradicted", "disputed", "unverified"}
    assert len(list((tmp_path / ".verify").glob("index-*.sqlite"))) == 1


def test_library_check_returns_a_report_object(sample_sources, tmp_path):
    from verify import check

    report = check(["Sam Sokha is serving a two-year prison sentence."], [sample_sources], cache=tmp_path)
    result = report.claims[0]
    assert result.verdict == "supported"
    assert any("two-year prison sentence" in e.passage for e in result.evidence if e.stance == "supports")


def test_indexing_progress_counts_bytes_up_to_the_size_of_the_sources(sample_sources, tmp_path):
    from verify import check

    seen = []
    check(["Chantra fled to Thailand."], [sample_sources], cache=tmp_path,
          index_progress=lambda n, total: seen.append((n, total)))
    size = sum(p.stat().st_size for p in sample_sources.glob("*.txt"))
    assert seen and seen[-1] == (size, size)
    assert [n for n, _ in seen] == sorted(n for n, _ in seen)


def test_a_fault_judging_one_claim_leaves_it_unverified_and_keeps_the_rest(sample_sources, tmp_path, monkeypatch):
    import verify.pipeline.claim_check as vc
    from verify import check

    real = vc._check_claim

    def flaky(claim, index, sources, stance, about=None):
        if "Sokha" in claim.text:
            raise ZeroDivisionError("float division by zero")
        return real(claim, index, sources, stance, about)

    monkeypatch.setattr(vc, "_check_claim", flaky)
    report = check(["Sam Sokha is serving a two-year prison sentence.", "Chantra fled to Thailand."],
                   [sample_sources], cache=tmp_path, jobs=1)
    first, second = report.claims
    assert first.verdict == "unverified" and "internal error (ZeroDivisionError" in first.reason
    assert second.evidence
