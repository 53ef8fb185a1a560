"""Index builds in shards (what each cluster worker does), run here in one process: the index
merged from the shards is row for row the one a single process builds, and the shards searched
as one (``--shards``) give the passages, scores and order of one index."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import verify.retrieval.shards as sh
from tests.gen_corpus import write_corpus
from verify.inputs.sources import discover
from verify.retrieval.index import PassageIndex, bm25, bm25_idf, index_terms, match_expr
from verify.retrieval.shards import (
    SHARDS,
    ShardedIndex,
    ShardReader,
    build_shard,
    plan_shards,
    shard_of,
    shard_path,
)


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


@pytest.mark.parametrize("searchable", [False, True])
def test_a_shard_whose_worker_died_mid_build_is_completed_by_the_next_run(corpus, tmp_path, monkeypatch,
                                                                          searchable):
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
        build_shard(path, members, searchable)
    monkeypatch.setattr(sh, "load_source", real)
    res = build_shard(path, members, searchable)
    assert res["read"] == len(members) - 1  # the first source was committed before the kill
    if searchable:  # and its full-text table and statistics hold every source once
        index = ShardedIndex(Path(path).parent)
        one = PassageIndex(tmp_path / "one.sqlite")
        one.sync([f for f, _ in members])
        assert index.count() == one.count() and index._tokens[k] == sum(
            len(index_terms(t)) for (t,) in one.db.execute("SELECT text FROM passages"))
        assert _ranked(index, "helped refugees floods", 30) == _ranked(one, "helped refugees floods", 30)


@pytest.mark.parametrize("searchable", [False, True])
def test_a_damaged_shard_file_is_rebuilt(corpus, tmp_path, searchable):
    files = _reports(corpus)
    k = shard_of(files[0].id)
    members = [(f, str(f.path)) for f in files if shard_of(f.id) == k]
    path = shard_path(tmp_path / "i.sqlite", k)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not an SQLite database" * 100)
    assert build_shard(str(path), members, searchable)["read"] == len(members)


def test_a_worker_reading_sources_by_another_path_keeps_the_coordinators_path(corpus, tmp_path):
    files = _reports(corpus)
    f = files[0]
    k = shard_of(f.id)
    build_shard(str(shard_path(tmp_path / "i.sqlite", k)), [(f, "as/the/coordinator/names/it.txt")])
    reader = ShardReader(tmp_path / "i.sqlite", {})
    assert reader.load(f).path == "as/the/coordinator/names/it.txt"
    reader.close()


# -- the shards searched as one index (--shards) ----------------------------------------------
def _sharded(cache: Path, files) -> ShardedIndex:
    index = ShardedIndex(cache / "i.sqlite.shards", repair=True)
    index.sync(files)
    return index


def _queries(index: PassageIndex, n: int = 60) -> list[str]:
    import random

    texts = [t for (t,) in index.db.execute("SELECT text FROM passages ORDER BY rowid")]
    return random.Random(7).sample(texts, min(n, len(texts))) + [
        "Sokha helped 63 refugees reach Bangkok", "floods", "Chantra 1999 monks",
        "Sam Sokha is serving a three-year prison sentence.", "no such wordzzz"]


def _ranked(index, query: str, limit: int) -> list[tuple[str, int, float, str]]:
    hits = index.search_norms(query, limit)
    passages = index.get([h for h, _, _ in hits])
    return [(p.source_id, p.index, s, norm) for p, (_, s, norm) in zip(passages, hits)]


@pytest.mark.parametrize("which", ["sample", "generated"])
def test_bm25_computed_here_is_fts5s_own_to_the_last_bit(which, corpus, sample_sources, tmp_path):
    from collections import Counter

    files, _ = discover([sample_sources if which == "sample" else corpus])
    index = PassageIndex(tmp_path / "i.sqlite")
    index.sync(files)
    terms = {r: index_terms(t) for r, t in index.db.execute("SELECT rowid, text FROM passages")}
    n, tokens = len(terms), sum(map(len, terms.values()))
    checked = 0
    for q in _queries(index):
        qt = index.query_terms(q)
        if not qt:
            continue
        idfs = [bm25_idf(n, index._df(qt).get(t, 0)) for t in qt]
        for rowid, score in index.db.execute("SELECT rowid, bm25(fts) FROM fts WHERE fts MATCH ?",
                                             (match_expr(qt),)):
            have = Counter(terms[rowid])
            assert bm25([have[t] for t in qt], len(terms[rowid]), idfs, tokens / n) == -score
            checked += 1
    assert checked > 500


@pytest.mark.parametrize("which", ["sample", "generated"])
@pytest.mark.parametrize("first", [1, sh._FIRST_FETCH])
def test_the_shards_searched_as_one_give_one_indexs_passages_scores_and_order(
        which, first, corpus, sample_sources, tmp_path, monkeypatch):
    monkeypatch.setattr(sh, "_FIRST_FETCH", first)  # 1: every shard is asked again, deeper
    files, _ = discover([sample_sources if which == "sample" else corpus])
    one = PassageIndex(tmp_path / "one.sqlite")
    one.sync(files)
    shards = _sharded(tmp_path, files)
    assert len(shards._dbs) > 1 and shards.count() == one.count()
    for q in _queries(one):
        assert shards.query_terms(q) == one.query_terms(q)
        for limit in (1, 4, 25, 200):
            assert _ranked(shards, q, limit) == _ranked(one, q, limit), (q, limit)
    for t in ("refugee", "bangkok", "sokha", "nosuchterm"):
        assert shards.idf(t) == one.idf(t)
    assert shards.sources() == one.sources()


def test_passages_of_equal_score_come_in_source_and_passage_order(tmp_path):
    from verify.model import Source

    one = PassageIndex(tmp_path / "one.sqlite")
    same = "The river flooded the lower town in spring."
    # added in reverse order: row ids run against the source ids
    one.add([Source(id=f"doc-{i}", sha256=str(i), title="", path="", kind="txt",
                    text=f"{same}\n\nSomething else entirely {i}.\n\n{same}") for i in (3, 2, 1)])
    hits = one.get([r for r, _ in one.search("river flooded the town", limit=3)])
    assert [(p.source_id, p.index) for p in hits] == [("doc-1", 0), ("doc-1", 2), ("doc-2", 0)]


def _json(runner, claims, sources, cache: Path, *extra: str) -> bytes:
    from verify.cli import cli

    out = cache.parent / f"{cache.name}.json"
    result = runner.invoke(cli, ["check", str(claims), "-s", str(sources), "--cache", str(cache),
                                 "-f", "json", "-o", str(out), "--jobs", "1", *extra])
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def test_check_with_shards_reports_byte_for_byte_what_one_index_does(runner, tmp_path, monkeypatch):
    from tests.conftest import ROOT

    monkeypatch.chdir(ROOT)
    one = _json(runner, "claims.csv", "sources", tmp_path / "one")
    assert _json(runner, "claims.csv", "sources", tmp_path / "two", "--shards") == one
    assert not list((tmp_path / "two").glob("index-*.sqlite"))  # no single index file
    assert list((tmp_path / "two").glob("index-*.sqlite.shards/shard-*.sqlite"))


def test_a_generated_corpus_with_shards_reports_byte_for_byte_what_one_index_does(runner, tmp_path):
    corpus, claims = write_corpus(tmp_path / "data")
    one = _json(runner, claims, corpus, tmp_path / "one", "--stance", "rules")
    two = _json(runner, claims, corpus, tmp_path / "two", "--stance", "rules", "--shards")
    assert two == one and b'"contradicted"' in one and b'"skipped"' in one


def test_a_changed_source_rebuilds_only_its_shard_and_search_follows(tmp_path):
    corpus, _ = write_corpus(tmp_path / "data", files=16)
    files, _ = discover([corpus])
    shards = _sharded(tmp_path, files)
    paths = sorted((tmp_path / "i.sqlite.shards").glob("shard-*.sqlite"))
    before = {p: p.stat().st_mtime_ns for p in paths}
    target = corpus / "part1" / "report-05.txt"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("helped 63 ", "helped 36 "), encoding="utf-8")
    (corpus / "part2" / "report-06.txt").unlink()
    files, _ = discover([corpus])
    srcs, skipped = shards.sync(files)
    touched = sorted(p.name for p in paths if p.stat().st_mtime_ns != before[p])
    assert touched == sorted({f"shard-{shard_of(i):03d}-of-016.sqlite"
                              for i in ("corpus/part1/report-05.txt", "corpus/part2/report-06.txt")})
    assert (shards.last_sync.changed, shards.last_sync.removed) == (1, 1)
    one = PassageIndex(tmp_path / "one.sqlite")
    assert (srcs, skipped) == one.sync(files)
    for q in ("helped 36 refugees", "helped 63 refugees", "Veasna journalists Siem Reap"):
        assert _ranked(shards, q, 50) == _ranked(one, q, 50)


def test_shards_built_for_the_copy_are_rebuilt_searchable_and_a_reader_never_skips_one(tmp_path):
    from verify.errors import IndexError_

    files = _reports(write_corpus(tmp_path / "data", files=8)[0])
    _build_shards(tmp_path / "i.sqlite", files)  # the copy path's shards: no full-text table
    with pytest.raises(IndexError_, match="not a searchable shard"):
        ShardedIndex(tmp_path / "i.sqlite.shards")  # a worker's view: never a silent gap
    shards = ShardedIndex(tmp_path / "i.sqlite.shards", repair=True)
    assert shards.pending(files)
    shards.sync(files)
    assert not shards.pending(files) and shards.count() == 8 * 12


def test_a_copy_path_run_keeps_searchable_shards_searchable_and_up_to_date(tmp_path):
    corpus, _ = write_corpus(tmp_path / "data", files=8)
    files = _reports(corpus)  # no skipped file: a shard never holds one, so it stays pending
    _sharded(tmp_path, files).close()
    target = corpus / "part1" / "report-05.txt"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("helped 63 ", "helped 36 "), encoding="utf-8")
    files = _reports(corpus)
    _build_shards(tmp_path / "i.sqlite", files)  # what a run without --shards has the workers do
    shards = ShardedIndex(tmp_path / "i.sqlite.shards")  # a reader: no shard to rebuild
    assert not shards.pending(files)
    one = PassageIndex(tmp_path / "one.sqlite")
    one.sync(files)
    for q in ("helped 36 refugees", "helped 63 refugees"):
        assert _ranked(shards, q, 30) == _ranked(one, q, 30)


def _report(runner, command: list[str], cache: Path, *extra: str) -> bytes:
    from verify.cli import cli

    out = cache.parent / f"{cache.name}.json"
    result = runner.invoke(cli, [*command, "--cache", str(cache), "-f", "json", "-o", str(out), *extra])
    assert result.exit_code == 0, result.output
    return out.read_bytes()


@pytest.mark.parametrize("command", [
    ["audit", "tests/data/audit/draft.md", "-s", "tests/data/audit/sources"],
    ["comments", "tests/data/comments/comments.csv", "--article", "tests/data/comments/article.txt"],
])
def test_audit_and_comments_with_shards_report_byte_for_byte_what_one_index_does(runner, tmp_path, monkeypatch,
                                                                                 command):
    from tests.conftest import ROOT

    monkeypatch.chdir(ROOT)
    one = _report(runner, command, tmp_path / "one")
    assert _report(runner, command, tmp_path / "two", "--shards") == one
    assert not list((tmp_path / "two").glob("index-*.sqlite"))
    assert list((tmp_path / "two").glob("index-*.sqlite.shards/shard-*.sqlite"))
