"""Index builds in shards (what each cluster worker does), run here in one process: the index
merged from the shards is row for row the one a single process builds."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import verify.retrieval.shards as sh
from tests.gen_corpus import write_corpus
from verify.retrieval.index import PassageIndex
from verify.retrieval.shards import SHARDS, ShardReader, build_shard, plan_shards, shard_of, shard_path
from verify.inputs.sources import discover


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("shards"), files=24)[0]


def _build_shards(index_path: Path, files) -> dict[str, str]:
    """What the workers do: every shard built; returns the skipped files."""
    skipped: dict[str, str] = {}
    for k, members in plan_shards(files, {f.id for f in files}, []).items():
        res = build_shard(str(shard_path(index_path, k)), [(f, str(f.path)) for f in members])
        skipped.update(res["skipped"])
    return skipped


def _rows(path: Path) -> tuple[list, list, list]:
    db = sqlite3.connect(path)
    try:
        return (db.execute("SELECT * FROM passages ORDER BY rowid").fetchall(),
                db.execute("SELECT * FROM df ORDER BY term").fetchall(),
                db.execute("SELECT id, sha256, title, path, kind, meta, n, size, mtime_ns "
                           "FROM sources ORDER BY id").fetchall())
    finally:
        db.close()


def _merged(index_path: Path, files):
    skipped = _build_shards(index_path, files)
    index = PassageIndex(index_path)
    reader = ShardReader(index_path, skipped)
    try:
        return index, index.sync(files, loader=reader.load, split=reader.split)
    finally:
        reader.close()


def test_a_source_keeps_its_shard_whatever_else_is_in_the_corpus():
    assert shard_of("sources/a.txt") == shard_of("sources/a.txt")
    assert 0 <= shard_of("sources/a.txt") < SHARDS
    assert len({shard_of(f"doc{i}.txt") for i in range(200)}) == SHARDS  # all shards used


def test_an_index_merged_from_shards_is_row_for_row_the_single_process_index(corpus, tmp_path):
    files, _ = discover([corpus])
    alone = PassageIndex(tmp_path / "alone.sqlite")
    srcs1, skipped1 = alone.sync(files)
    merged, (srcs2, skipped2) = _merged(tmp_path / "merged.sqlite", files)
    assert _rows(tmp_path / "merged.sqlite") == _rows(tmp_path / "alone.sqlite")
    assert (srcs2, skipped2) == (srcs1, skipped1)
    assert {s.what for s in skipped2} == {"corpus/part0/empty.txt", "corpus/part1/image.txt"}


def test_a_shard_rereads_only_the_sources_whose_hash_changed(corpus, tmp_path):
    files = _reports(corpus)
    _build_shards(tmp_path / "i.sqlite", files)
    changed = next(f for f in files if f.id.endswith("report-05.txt"))
    changed.sha256 = "0" * 64  # as if the file had changed
    k = shard_of(changed.id)
    members = [(f, str(f.path)) for f in files if shard_of(f.id) == k]
    res = build_shard(str(shard_path(tmp_path / "i.sqlite", k)), members)
    assert (res["read"], res["unchanged"], res["stale"]) == (1, len(members) - 1, 1)


def test_a_source_gone_from_the_corpus_is_dropped_from_its_shard(corpus, tmp_path):
    files, _ = discover([corpus])
    _build_shards(tmp_path / "i.sqlite", files)
    gone = next(f for f in files if f.id.endswith("report-07.txt"))
    k = shard_of(gone.id)
    rest = [(f, str(f.path)) for f in files if shard_of(f.id) == k and f is not gone]
    assert build_shard(str(shard_path(tmp_path / "i.sqlite", k)), rest)["stale"] == 1
    db = sqlite3.connect(shard_path(tmp_path / "i.sqlite", k))
    assert db.execute("SELECT count(*) FROM passages WHERE source_id=?", (gone.id,)).fetchone() == (0,)


def _reports(corpus: Path):
    return [f for f in discover([corpus])[0] if "report-" in f.id]


def test_a_shard_whose_worker_died_mid_build_is_completed_by_the_next_run(corpus, tmp_path, monkeypatch):
    files = _reports(corpus)
    k = max(range(SHARDS), key=lambda j: sum(shard_of(f.id) == j for f in files))
    members = [(f, str(f.path)) for f in files if shard_of(f.id) == k]
    assert len(members) >= 2
    real, calls = sh.load_source, []

    def dies_on_the_second(f):
        calls.append(f.id)
        if len(calls) == 2:
            raise SystemExit("killed")
        return real(f)

    monkeypatch.setattr(sh, "_BATCH", 1)  # commit after every source, as a big shard does
    monkeypatch.setattr(sh, "load_source", dies_on_the_second)
    path = str(shard_path(tmp_path / "i.sqlite", k))
    with pytest.raises(SystemExit):
        build_shard(path, members)
    monkeypatch.setattr(sh, "load_source", real)
    res = build_shard(path, members)
    assert res["read"] == len(members) - 1  # the first source was committed before the kill


def test_a_damaged_shard_file_is_rebuilt(corpus, tmp_path):
    files = _reports(corpus)
    k = shard_of(files[0].id)
    members = [(f, str(f.path)) for f in files if shard_of(f.id) == k]
    path = shard_path(tmp_path / "i.sqlite", k)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not an SQLite database" * 100)
    assert build_shard(str(path), members)["read"] == len(members)


def test_a_worker_reading_sources_by_another_path_keeps_the_coordinators_path(corpus, tmp_path):
    files = _reports(corpus)
    f = files[0]
    k = shard_of(f.id)
    build_shard(str(shard_path(tmp_path / "i.sqlite", k)), [(f, "as/the/coordinator/names/it.txt")])
    reader = ShardReader(tmp_path / "i.sqlite", {})
    assert reader.load(f).path == "as/the/coordinator/names/it.txt"
    reader.close()
