"""--cluster without a cluster: what is accepted, what is refused, and that nothing else pays
for Dask (these tests start no scheduler)."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT
from verify.errors import InputError
from verify.pipeline.cluster import parse_cluster, partitions


def test_local_without_a_count_means_one_worker_per_core():
    assert parse_cluster("local") == ("local", None)


def test_local_with_a_count_starts_that_many_workers():
    assert parse_cluster("local:3") == ("local", 3)


@pytest.mark.parametrize("address", ["tcp://127.0.0.1:8786", "scheduler.example.org:8786",
                                     "tls://10.0.0.1:8786", "tcp://[::1]:8786"])
def test_a_scheduler_address_is_passed_on(address):
    assert parse_cluster(address) == ("address", address)


@pytest.mark.parametrize("spec", ["local:x", "local:0", "", "two words", "tcp://h:p:q"])
def test_a_malformed_cluster_spec_is_a_usage_error(spec):
    with pytest.raises(InputError, match="--cluster"):
        parse_cluster(spec)


def test_partitions_keep_every_claim_in_order():
    items = list(range(103))
    parts = partitions(items, workers=2)
    assert [x for p in parts for x in p] == items
    assert len(parts) >= 8


def test_a_bad_cluster_spec_exits_2_with_one_line(runner, sample_sources, tmp_path):
    from verify.cli import cli

    result = runner.invoke(cli, ["check", str(ROOT / "claims.csv"), "-s", str(sample_sources),
                                 "--cache", str(tmp_path), "--cluster", "local:none"])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert "verify: error: --cluster 'local:none'" in result.output
    assert not list(tmp_path.iterdir())  # refused before any work


def test_without_dask_installed_cluster_is_one_line_naming_the_extra(runner, sample_sources, tmp_path,
                                                                    monkeypatch):
    from verify.cli import cli

    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if not installed
    result = runner.invoke(cli, ["check", str(ROOT / "claims.csv"), "-s", str(sample_sources),
                                 "--cache", str(tmp_path), "--cluster", "local:2"])
    assert result.exit_code == 2
    assert result.output.strip() == ("verify: error: --cluster needs Dask's distributed scheduler, "
                                     'which is not installed: pip install -e ".[cluster]"')


def test_an_unreachable_scheduler_is_exit_3_naming_it(runner, sample_sources, tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    import verify.pipeline.cluster as cl
    from verify.cli import cli

    monkeypatch.setattr(cl, "CONNECT_TIMEOUT", "1s")
    result = runner.invoke(cli, ["check", str(ROOT / "claims.csv"), "-s", str(sample_sources),
                                 "--cache", str(tmp_path), "--cluster", "tcp://127.0.0.1:9"])
    assert result.exit_code == 3
    assert result.output.startswith("verify: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert result.output.strip().count("\n") == 0


def test_checking_without_cluster_never_imports_dask(sample_sources, tmp_path):
    code = ("import sys; from verify import check; "
            f"check(['Chantra fled to Thailand.'], [{str(sample_sources)!r}], cache={str(tmp_path)!r}, "
            "jobs=1, stance='rules'); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
