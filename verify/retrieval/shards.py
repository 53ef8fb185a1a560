"""Index builds in shards, for a cluster: the costly part of a build done by many workers.

The sources are split into ``SHARDS`` shards by a hash of their id (their path as given), so a
source always lands in the same shard whatever the cluster's size. A worker makes its shard
file hold exactly that shard's sources, each read, split into passages and turned into index
terms (``_index.prepare``), by content hash: only new or changed sources are read again, gone
ones are dropped, and rows are committed per batch, so a shard whose worker was killed is
completed on the next run (a damaged shard file is rebuilt).

The searched index stays one index: the coordinator copies the prepared passages of new and
changed sources from the shards into it with ``PassageIndex.sync``, in the order and batches a
single process uses, so the index -- row ids, term counts, BM25 statistics -- and with it every
report is the one a single process builds. (Searching the shards themselves and merging each
shard's top hits would rank differently: FTS5's BM25 scores a passage with its own table's
statistics, so a passage's score would depend on which shard it fell in.)

Shard files live beside the index, ``<index>.shards/``: on a real cluster the cache folder must
be on a filesystem every worker and the coordinator see at the same path.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

from ..errors import IndexError_, SourceError
from ..inputs.sources import SourceFile, load_source
from ..model import Passage, Skipped, Source

SHARDS = 16
_BATCH = 5000


def shard_of(source_id: str, shards: int = SHARDS) -> int:
    """The shard of a source: stable by its id, whatever the number of workers."""
    digest = hashlib.sha256(source_id.encode("utf-8", "surrogateescape")).digest()
    return int.from_bytes(digest[:8], "big") % shards


def shard_path(index_path: str | Path, k: int, shards: int = SHARDS) -> Path:
    return Path(str(index_path) + ".shards") / f"shard-{k:03d}-of-{shards:03d}.sqlite"


def _format() -> str:
    from .index import FORMAT_VERSION

    return f"shard-1-{FORMAT_VERSION}"


# -- on a worker: build one shard -----------------------------------------------------------
def build_shard(path: str, files: Sequence[tuple[SourceFile, str]]) -> dict:
    """Make the shard at ``path`` hold exactly ``files`` (each a ``SourceFile`` whose path this
    worker can read, with the path string the coordinator knows it by). Returns what it did
    and the files it skipped ({id: reason}), as ``PassageIndex.sync`` would word them."""
    try:
        return _build(path, files)
    except sqlite3.DatabaseError:  # a damaged shard (a disk fault, a partial copy): rebuild it
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(path + suffix).unlink(missing_ok=True)
        return _build(path, files)


def _open(path: str) -> sqlite3.Connection:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=60)
    db.execute("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT)")
    row = db.execute("SELECT value FROM meta WHERE key='format'").fetchone()
    if not row or row[0] != _format():
        with db:
            db.execute("DROP TABLE IF EXISTS sources")
            db.execute("DROP TABLE IF EXISTS passages")
            db.execute("CREATE TABLE sources(id TEXT PRIMARY KEY, sha256 TEXT, title TEXT, path TEXT, "
                       "kind TEXT, meta TEXT)")
            db.execute("CREATE TABLE passages(source_id TEXT, idx INTEGER, text TEXT, start INTEGER, "
                       "end INTEGER, line INTEGER, para INTEGER, norm TEXT, terms TEXT, "
                       "PRIMARY KEY(source_id, idx)) WITHOUT ROWID")
            db.execute("INSERT OR REPLACE INTO meta VALUES('format', ?)", (_format(),))
    return db


def _build(path: str, files: Sequence[tuple[SourceFile, str]]) -> dict:
    from .index import prepare

    db = _open(path)
    try:
        known = dict(db.execute("SELECT id, sha256 FROM sources"))
        wanted = {f.id: f for f, _ in files}
        stale = [sid for sid, sha in known.items() if sid not in wanted or wanted[sid].sha256 != sha]
        todo = [(f, p) for f, p in files if known.get(f.id) != f.sha256]
        with db:
            for sid in stale:
                db.execute("DELETE FROM passages WHERE source_id=?", (sid,))
                db.execute("DELETE FROM sources WHERE id=?", (sid,))
        skipped: dict[str, str] = {}
        batch: list[tuple[Source, list]] = []
        size = 0
        for f, given in todo:
            try:
                src = load_source(f)
            except SourceError as exc:
                skipped[f.id] = str(exc).removeprefix(f"{f.id}: ")
                continue
            except OSError as exc:
                skipped[f.id] = f"cannot read ({exc.strerror})"
                continue
            src.path = given  # as the coordinator names it, not as this worker reads it
            batch.append((src, prepare(src)))
            size += len(batch[-1][1])
            if size >= _BATCH:
                _write(db, batch)
                batch, size = [], 0
        _write(db, batch)
        return {"stale": len(stale), "read": len(todo), "unchanged": len(files) - len(todo),
                "bytes": sum(max(f.size, 0) for f, _ in todo), "skipped": skipped}
    finally:
        db.close()


def _write(db: sqlite3.Connection, batch: list[tuple[Source, list]]) -> None:
    """One transaction: a source is in the shard with all its passages or not at all."""
    if not batch:
        return
    with db:
        for src, prepared in batch:
            db.execute("INSERT OR REPLACE INTO sources VALUES(?,?,?,?,?,?)",
                       (src.id, src.sha256, src.title, src.path, src.kind, json.dumps(src.meta)))
            db.executemany("INSERT OR REPLACE INTO passages VALUES(?,?,?,?,?,?,?,?,?)",
                           [(p.source_id, p.index, p.text, p.start, p.end, p.line, p.para, normed,
                             " ".join(ts)) for p, normed, ts in prepared])


# -- on the coordinator: read the shards into the index ---------------------------------------
class ShardReader:
    """``loader`` and ``split`` for ``PassageIndex.sync``: sources and their prepared passages
    from the shards instead of from the files."""

    def __init__(self, index_path: str | Path, skipped: dict[str, str], shards: int = SHARDS) -> None:
        self.index_path = index_path
        self.skipped = skipped
        self.shards = shards
        self._dbs: dict[int, sqlite3.Connection] = {}

    def _db(self, sid: str) -> tuple[sqlite3.Connection, Path]:
        k = shard_of(sid, self.shards)
        path = shard_path(self.index_path, k, self.shards)
        if k not in self._dbs:
            self._dbs[k] = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        return self._dbs[k], path

    def load(self, f: SourceFile) -> Source:
        if f.id in self.skipped:
            raise SourceError(self.skipped[f.id], where=f.id)
        db, path = self._db(f.id)
        try:
            row = db.execute("SELECT sha256, title, path, kind, meta FROM sources WHERE id=?",
                             (f.id,)).fetchone()
        except sqlite3.DatabaseError as exc:
            raise IndexError_(f"cannot read shard {path.name} ({exc}); the next run rebuilds it",
                              where=str(path)) from None
        if row is None or row[0] != f.sha256:
            raise IndexError_(f"shard {path.name} does not hold {f.id} as it is now; "
                              "the next run rebuilds it", where=str(path))
        return Source(id=f.id, sha256=row[0], title=row[1], path=row[2], kind=row[3], text="",
                      meta=json.loads(row[4] or "{}"))

    def split(self, src: Source) -> list[tuple[Passage, str, list[str]]]:
        db, _ = self._db(src.id)
        rows = db.execute("SELECT idx, text, start, end, line, para, norm, terms FROM passages "
                          "WHERE source_id=? ORDER BY idx", (src.id,)).fetchall()
        return [(Passage(src.id, r[0], r[1], r[2], r[3], r[4], r[5]), r[6], r[7].split()) for r in rows]

    def close(self) -> None:
        for db in self._dbs.values():
            db.close()
        self._dbs.clear()


def plan_shards(files: Sequence[SourceFile], todo_ids: set[str], stale_ids: Sequence[str],
                shards: int = SHARDS) -> dict[int, list[SourceFile]]:
    """The shards to build this run (those holding a new, changed or removed source), each
    with every file it must hold."""
    members: dict[int, list[SourceFile]] = {}
    for f in files:
        members.setdefault(shard_of(f.id, shards), []).append(f)
    dirty = {shard_of(i, shards) for i in todo_ids} | {shard_of(i, shards) for i in stale_ids}
    return {k: members.get(k, []) for k in sorted(dirty)}


def build_on_cluster(client, index, files: list[SourceFile],
                     progress: Callable[[int, int], None] | None = None
                     ) -> tuple[list[Source], list[Skipped]]:
    """``index.sync(files)`` with the reading, splitting and term making done by the
    cluster's workers, shard by shard; the index comes out as one process builds it."""
    import uuid

    from ..pipeline.cluster import RETRIES, gather_in_order

    _known, stale, todo = index._plan(files)
    if not stale and not todo:
        return index.sync(files, progress=progress)
    plan = plan_shards(files, {f.id for f in todo}, stale)
    run = uuid.uuid4().hex[:12]
    total = 2 * (sum(max(f.size, 0) for f in todo) or 1)
    half = total // 2
    futures = []
    for k, members in plan.items():
        work = [(SourceFile(f.id, f.path.resolve(), f.sha256, f.kind, f.size, f.mtime_ns), str(f.path))
                for f in members]
        futures.append(client.submit(build_shard, str(shard_path(Path(index.path).resolve(), k)), work,
                                     key=f"verify-shard-{run}-{k}", retries=RETRIES, pure=False))
    results = gather_in_order(client, futures, (lambda d, _t: progress(min(d, half), total))
                              if progress else None, half, size=lambda r: r["bytes"])
    skipped = {sid: reason for r in results for sid, reason in r["skipped"].items()}
    reader = ShardReader(index.path, skipped)
    try:
        return index.sync(files, loader=reader.load, split=reader.split,
                          progress=(lambda d, t: progress(half + d * half // max(t, 1), total))
                          if progress else None)
    finally:
        reader.close()
