"""Checking on a Dask cluster gives, byte for byte, the report of one process.

A real cluster on 127.0.0.1, started through Dask's own command line: one ``dask scheduler``
and two ``dask worker`` processes (no nanny, so killing one kills it), working from another
folder than the tests so that nothing relies on a shared working directory.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from tests.conftest import ROOT  # noqa: E402
from tests.gen_corpus import write_corpus  # noqa: E402
from verify import check  # noqa: E402

pytestmark = pytest.mark.cluster

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _dask(*args: str, cwd: Path, log: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "dask", *args], cwd=cwd,
                            stdout=subprocess.DEVNULL, stderr=open(log, "ab"),
                            start_new_session=True)


def start_worker(address: str, name: str, cwd: Path) -> subprocess.Popen:
    return _dask("worker", address, "--name", name, "--nthreads", "1", "--no-nanny",
                 "--no-dashboard", "--local-directory", str(cwd / name), cwd=cwd,
                 log=cwd / f"{name}.log")


class Cluster:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.address = f"tcp://127.0.0.1:{_free_port()}"
        port = self.address.rsplit(":", 1)[1]
        self.procs = [_dask("scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard",
                            cwd=root, log=root / "scheduler.log")]
        self.workers = [start_worker(self.address, f"w{i}", root) for i in (1, 2)]
        self.procs += self.workers

    def client(self, workers: int = 2):
        deadline = time.monotonic() + 40
        while True:
            try:
                client = distributed.Client(self.address, timeout="2s")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        client.wait_for_workers(workers, timeout=40)
        return client

    def stop(self) -> None:
        for p in reversed(self.procs):
            if p.poll() is None:
                p.terminate()
        for p in self.procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    c = Cluster(tmp_path_factory.mktemp("dask"))
    try:
        c.client().close()
        yield c
    finally:
        c.stop()


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> tuple[Path, Path]:
    return write_corpus(tmp_path_factory.mktemp("generated"))


def _json(runner, claims: Path, sources: Path, cache: Path, *extra: str) -> bytes:
    from verify.cli import cli

    out = cache.parent / f"{cache.name}.json"
    result = runner.invoke(cli, ["check", str(claims), "-s", str(sources), "--cache", str(cache),
                                 "-f", "json", "-o", str(out), *extra])
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def test_the_sample_claims_on_a_scheduler_and_two_workers_match_one_process_byte_for_byte(
        cluster, tmp_path, runner, monkeypatch):
    monkeypatch.chdir(ROOT)  # source ids are paths as given: both runs give "sources"
    one = _json(runner, Path("claims.csv"), Path("sources"), tmp_path / "one", "--jobs", "1")
    out = tmp_path / "cluster.json"
    proc = subprocess.run([sys.executable, "-m", "verify", "check", "claims.csv", "-s", "sources",
                           "--cache", str(tmp_path / "two"), "-f", "json", "-o", str(out),
                           "--cluster", cluster.address], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes() == one


def test_a_generated_corpus_on_the_cluster_matches_one_process_byte_for_byte(
        cluster, generated, tmp_path, runner):
    corpus, claims = generated
    one = _json(runner, claims, corpus, tmp_path / "one", "--jobs", "1")
    assert _json(runner, claims, corpus, tmp_path / "two", "--cluster", cluster.address) == one
    assert b'"contradicted"' in one and b'"supported"' in one  # the corpus tests something


def _index_rows(cache: Path) -> tuple[list, list]:
    import sqlite3

    (path,) = cache.glob("index-*.sqlite")
    db = sqlite3.connect(path)
    try:
        return (db.execute("SELECT * FROM passages ORDER BY rowid").fetchall(),
                db.execute("SELECT * FROM df ORDER BY term").fetchall())
    finally:
        db.close()


def test_the_workers_build_the_index_in_shards_row_for_row_as_one_process_does(
        cluster, generated, tmp_path):
    corpus, claims = generated
    check(claims, [corpus], cache=tmp_path / "one", jobs=1, stance="rules")
    check(claims, [corpus], cache=tmp_path / "two", cluster=cluster.address, stance="rules")
    assert list((tmp_path / "two").glob("index-*.sqlite.shards/shard-*.sqlite"))
    assert _index_rows(tmp_path / "two") == _index_rows(tmp_path / "one")


def test_the_workers_build_and_search_shards_alone_and_match_one_process_byte_for_byte(
        cluster, generated, tmp_path, runner):
    corpus, claims = generated
    one = _json(runner, claims, corpus, tmp_path / "one", "--jobs", "1", "--stance", "rules")
    two = _json(runner, claims, corpus, tmp_path / "two", "--stance", "rules", "--shards",
                "--cluster", cluster.address)
    assert two == one
    assert not list((tmp_path / "two").glob("index-*.sqlite"))  # the shards are the index
    assert len(list((tmp_path / "two").glob("index-*.sqlite.shards/shard-*.sqlite"))) > 8


def test_a_changed_source_rebuilds_only_its_shard_and_the_report_follows(cluster, tmp_path):
    import shutil

    corpus, claims = write_corpus(tmp_path / "data", files=16)
    check(claims, [corpus], cache=tmp_path / "two", cluster=cluster.address, stance="rules")
    shards = sorted((tmp_path / "two").glob("index-*.sqlite.shards/shard-*.sqlite"))
    before = {p: p.stat().st_mtime_ns for p in shards}
    target = corpus / "part1" / "report-05.txt"
    text = target.read_text(encoding="utf-8")
    assert "helped 63 " in text
    target.write_text(text.replace("helped 63 ", "helped 36 "), encoding="utf-8")
    two = check(claims, [corpus], cache=tmp_path / "two", cluster=cluster.address, stance="rules")
    touched = [p for p in shards if p.stat().st_mtime_ns != before[p]]
    from verify.retrieval.shards import shard_of

    assert [p.name for p in touched] == [f"shard-{shard_of('corpus/part1/report-05.txt'):03d}-of-016.sqlite"]
    shutil.rmtree(tmp_path / "one", ignore_errors=True)
    one = check(claims, [corpus], cache=tmp_path / "one", jobs=1, stance="rules")
    assert two.to_dict() == one.to_dict()


def test_the_rules_stance_travels_to_the_workers_too(cluster, generated, tmp_path, runner):
    corpus, claims = generated
    one = _json(runner, claims, corpus, tmp_path / "one", "--jobs", "1", "--stance", "rules")
    assert _json(runner, claims, corpus, tmp_path / "two", "--stance", "rules",
                 "--cluster", cluster.address) == one


def test_progress_is_fed_by_completed_partitions_up_to_every_claim(cluster, generated, tmp_path):
    corpus, claims = generated
    seen: list[tuple[int, int]] = []
    report = check(claims, [corpus], cache=tmp_path, cluster=cluster.address, stance="rules",
                   progress=lambda done, total: seen.append((done, total)))
    n = len(report.claims)
    assert len(seen) > 1 and seen[-1] == (n, n)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


@pytest.mark.parametrize("shards", [False, True])
def test_a_worker_killed_mid_run_loses_no_claim(cluster, generated, tmp_path, shards):
    corpus, claims = generated
    one = check(claims, [corpus], cache=tmp_path / "one", jobs=1).to_dict()
    victim = start_worker(cluster.address, "victim", cluster.root)
    client = cluster.client(workers=3)
    killed: list[str] = []

    def kill_when_busy(done: int, total: int) -> None:
        if killed:
            return
        addr = next((w for w, info in client.scheduler_info()["workers"].items()
                     if info.get("name") == "victim"), None)
        if addr and client.processing(workers=[addr]).get(addr):
            os.kill(victim.pid, signal.SIGKILL)
            killed.append(addr)

    try:
        two = check(claims, [corpus], cache=tmp_path / "two", cluster=client, shards=shards,
                    progress=kill_when_busy).to_dict()
    finally:
        victim.kill()
        victim.wait()
        client.close()
    assert killed, "the victim worker never held a partition"
    assert two == one


def test_a_local_cluster_of_two_processes_matches_one_process(sample_sources, tmp_path):
    one = check(ROOT / "claims.csv", [sample_sources], cache=tmp_path / "one", jobs=1)
    two = check(ROOT / "claims.csv", [sample_sources], cache=tmp_path / "two", cluster="local:2")
    assert two.to_dict() == one.to_dict()


def test_a_relative_stance_model_folder_reaches_workers_running_elsewhere(cluster, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)  # the workers run in another folder (the cluster's)
    claims = ["Chantra fled to Thailand.", "Sam Sokha is serving a three-year prison sentence."]
    one = check(claims, ["sources"], cache=tmp_path / "one", jobs=1)
    two = check(claims, ["sources"], cache=tmp_path / "two", cluster=cluster.address,
                stance_model="verify/data/stance")
    assert two.to_dict() == one.to_dict()
