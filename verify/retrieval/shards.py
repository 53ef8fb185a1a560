"""The index in shards, for a cluster: builds shared by many workers, and an index kept as
shard files and searched as one.

The sources are split into ``SHARDS`` shards by a hash of their id (their path as given), so a
source always lands in the same shard whatever the cluster's size. A worker makes its shard
file hold exactly that shard's sources, each read, split into passages and turned into index
terms (``index.prepare``), by content hash: only new or changed sources are read again, gone
ones are dropped, and rows are committed per batch, so a shard whose worker was killed is
completed on the next run (a damaged shard file is rebuilt).

Two ways to search what the shards hold:

- *one index* (the default): the coordinator copies the prepared passages of new and changed
  sources from the shards into the index with ``PassageIndex.sync``, in the order and batches
  a single process uses, so the index -- row ids, term counts, BM25 statistics -- and with it
  every report is the one a single process builds.
- *the shards themselves* (``ShardedIndex``, ``--shards``): each shard also keeps its own
  full-text table, term counts and token total; no single index file is written. A query asks
  every shard for its best passages by FTS5's own ranking, scores each of them again with
  BM25 computed from the statistics of all shards together (passages, tokens, and each term's
  document frequency summed over the shards: ``index.bm25``, FTS5's formula to the last bit),
  and keeps the best. FTS5 alone would score a passage with its own shard's statistics, so its
  rank would depend on which shard it fell in; rescored, a passage's score is the one one index
  gives it. A shard is asked again, deeper, until no passage it has not returned could still
  make the cut (its unseen passages score at most its last local score times the largest
  ratio of global to local IDF and average length), so the result is exactly the one index's:
  the same passages, in the same order (ties by source id and passage number).

Shard files live beside the index, ``<index>.shards/``: on a real cluster the cache folder must
be on a filesystem every worker and the coordinator see at the same path.
"""
from __future__ import annotations

import hashlib
import json
import math
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from ..errors import IndexError_, SourceError
from ..inputs.sources import KnownStat, SourceFile, load_source
from ..model import Passage, Skipped, Source
from .index import PassageIndex, SyncStats, bm25, bm25_idf, match_expr

SHARDS = 16
_BATCH = 5000


def shard_of(source_id: str, shards: int = SHARDS) -> int:
    """The shard of a source: stable by its id, whatever the number of workers."""
    digest = hashlib.sha256(source_id.encode("utf-8", "surrogateescape")).digest()
    return int.from_bytes(digest[:8], "big") % shards


def shards_dir(index_path: str | Path) -> Path:
    return Path(str(index_path) + ".shards")


def shard_path(index_path: str | Path, k: int, shards: int = SHARDS) -> Path:
    return shards_dir(index_path) / f"shard-{k:03d}-of-{shards:03d}.sqlite"


def _format(searchable: bool = False) -> str:
    from .index import FORMAT_VERSION

    return f"shard-2-{FORMAT_VERSION}" + ("-searchable" if searchable else "")


# -- on a worker: build one shard -----------------------------------------------------------
def build_shard(path: str, files: Sequence[tuple[SourceFile, str]], searchable: bool = False) -> dict:
    """Make the shard at ``path`` hold exactly ``files`` (each a ``SourceFile`` whose path this
    worker can read, with the path string the coordinator knows it by). Returns what it did
    and the files it skipped ({id: reason}), as ``PassageIndex.sync`` would word them.
    ``searchable``: the shard also keeps its full-text table and statistics
    (``ShardedIndex``); a shard built the other way is rebuilt."""
    try:
        return _build(path, files, searchable)
    except sqlite3.DatabaseError:  # a damaged shard (a disk fault, a partial copy): rebuild it
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(path + suffix).unlink(missing_ok=True)
        return _build(path, files, searchable)


def _open(path: str, searchable: bool) -> tuple[sqlite3.Connection, bool]:
    """The shard, made anew unless of this format; a searchable shard stays searchable (a
    run that searches one index keeps it so for the runs that search the shards)."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=60)
    db.execute("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT)")
    row = db.execute("SELECT value FROM meta WHERE key='format'").fetchone()
    if row and row[0] == _format(searchable=True):
        return db, True
    if not row or row[0] != _format(searchable):
        with db:
            for t in ("sources", "passages", "df", "fts"):
                db.execute(f"DROP TABLE IF EXISTS {t}")
            db.execute("CREATE TABLE sources(id TEXT PRIMARY KEY, sha256 TEXT, title TEXT, path TEXT, "
                       "kind TEXT, meta TEXT, n INTEGER, size INTEGER, mtime_ns INTEGER, "
                       "indexed_ns INTEGER)")
            db.execute("CREATE TABLE passages(rowid INTEGER PRIMARY KEY, source_id TEXT, idx INTEGER, "
                       "text TEXT, start INTEGER, end INTEGER, line INTEGER, para INTEGER, norm TEXT, "
                       "terms TEXT)")
            db.execute("CREATE UNIQUE INDEX passages_src ON passages(source_id, idx)")
            if searchable:
                db.execute("CREATE TABLE df(term TEXT PRIMARY KEY, n INTEGER) WITHOUT ROWID")
                db.execute("CREATE VIRTUAL TABLE fts USING fts5(terms, content='', "
                           "tokenize='unicode61 remove_diacritics 0')")
            db.execute("INSERT OR REPLACE INTO meta VALUES('tokens', '0')")
            db.execute("INSERT OR REPLACE INTO meta VALUES('format', ?)", (_format(searchable),))
    return db, searchable


def _build(path: str, files: Sequence[tuple[SourceFile, str]], searchable: bool) -> dict:
    from .index import prepare

    db, searchable = _open(path, searchable)
    try:
        known = dict(db.execute("SELECT id, sha256 FROM sources"))
        wanted = {f.id: f for f, _ in files}
        stale = [sid for sid, sha in known.items() if sid not in wanted or wanted[sid].sha256 != sha]
        todo = [(f, p) for f, p in files if known.get(f.id) != f.sha256]
        with db:
            for sid in stale:
                _delete(db, sid, searchable)
        skipped: dict[str, str] = {}
        batch: list[tuple[Source, list, SourceFile]] = []
        size = passages = 0
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
            batch.append((src, prepare(src), f))
            size += len(batch[-1][1])
            passages += len(batch[-1][1])
            if size >= _BATCH:
                _write(db, batch, searchable)
                batch, size = [], 0
        _write(db, batch, searchable)
        return {"stale": len(stale), "read": len(todo), "unchanged": len(files) - len(todo),
                "bytes": sum(max(f.size, 0) for f, _ in todo), "skipped": skipped, "passages": passages}
    finally:
        db.close()


def _delete(db: sqlite3.Connection, sid: str, searchable: bool) -> None:
    if searchable:
        rows = db.execute("SELECT rowid, terms FROM passages WHERE source_id=?", (sid,)).fetchall()
        db.executemany("INSERT INTO fts(fts, rowid, terms) VALUES('delete', ?, ?)", rows)
        _count(db, [t.split() for _, t in rows], -1)
    db.execute("DELETE FROM passages WHERE source_id=?", (sid,))
    db.execute("DELETE FROM sources WHERE id=?", (sid,))


def _count(db: sqlite3.Connection, terms: list[list[str]], sign: int) -> None:
    """Document frequencies and the token total, as ``PassageIndex`` keeps them."""
    counts: Counter[str] = Counter()
    for ts in terms:
        counts.update(set(ts))
    db.executemany("INSERT INTO df VALUES(?, ?) ON CONFLICT(term) DO UPDATE SET n = n + excluded.n",
                   [(k, sign * v) for k, v in counts.items()])
    db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + ? WHERE key='tokens'",
               (sign * sum(len(ts) for ts in terms),))


def _write(db: sqlite3.Connection, batch: list[tuple[Source, list, SourceFile]], searchable: bool) -> None:
    """One transaction: a source is in the shard with all its passages or not at all."""
    if not batch:
        return
    now = time.time_ns()
    with db:
        base = db.execute("SELECT coalesce(max(rowid), 0) FROM passages").fetchone()[0] + 1
        rows, terms = [], []
        for src, prepared, f in batch:
            db.execute("INSERT OR REPLACE INTO sources VALUES(?,?,?,?,?,?,?,?,?,?)",
                       (src.id, src.sha256, src.title, src.path, src.kind, json.dumps(src.meta),
                        len(prepared), f.size, f.mtime_ns, now))
            for p, normed, ts in prepared:
                rows.append((base, p.source_id, p.index, p.text, p.start, p.end, p.line, p.para, normed,
                             " ".join(ts)))
                terms.append(ts)
                base += 1
        db.executemany("INSERT INTO passages VALUES(?,?,?,?,?,?,?,?,?,?)", rows)
        if searchable:
            db.executemany("INSERT INTO fts(rowid, terms) VALUES(?, ?)", [(r[0], r[9]) for r in rows])
            _count(db, terms, +1)


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


# -- the shards searched as one index ---------------------------------------------------------
_FIRST_FETCH = 8  # at least this many passages asked of each shard at first
_SLACK = 1.0 + 1e-9  # rounding room in the bound on a shard's unseen passages


class ShardedIndex(PassageIndex):
    """The shards at ``<index>.shards/`` searched as one index (``PassageIndex``'s reading
    interface, and ``sync`` to build them): the same passages, scores and order as one index
    holding the same sources. A passage's id here is ``rowid * shards + shard``."""

    def __init__(self, path: str | Path, shards: int = SHARDS, repair: bool = False) -> None:
        """``repair``: a shard file that is damaged or of another format is left to ``sync``
        to rebuild (the run that builds), instead of being an ``IndexError_`` (a reader)."""
        self.path = str(path)
        self.shards = shards
        self.repair = repair
        self._bad: set[int] = set()
        self._dbs: dict[int, sqlite3.Connection] = {}
        self._rows: dict[int, int] = {}  # passages per shard
        self._tokens: dict[int, int] = {}
        self._term_dfs: dict[str, tuple[int, ...]] = {}
        self._idf_cache: dict[str, float] = {}
        self._size = 0
        self.last_sync = SyncStats()
        self._connect()

    # -- opening --------------------------------------------------------------------------
    def _file(self, k: int) -> Path:
        return Path(self.path) / f"shard-{k:03d}-of-{self.shards:03d}.sqlite"

    def _connect(self) -> None:
        self.close()
        self._bad.clear()
        for k in range(self.shards):
            path = self._file(k)
            if not path.exists():
                continue
            db = None
            try:
                db = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True,
                                     check_same_thread=False)
                fmt = db.execute("SELECT value FROM meta WHERE key='format'").fetchone()
                if not fmt or fmt[0] != _format(searchable=True):
                    raise sqlite3.DatabaseError("not a searchable shard of this version")
                self._rows[k] = db.execute("SELECT count(*) FROM passages").fetchone()[0]
                self._tokens[k] = int(db.execute("SELECT value FROM meta WHERE key='tokens'").fetchone()[0])
            except sqlite3.DatabaseError as exc:
                if db is not None:
                    db.close()
                if not self.repair:
                    raise IndexError_(f"cannot read shard {path.name} ({exc}); the next run rebuilds it",
                                      where=str(path)) from None
                self._bad.add(k)
                continue
            self._dbs[k] = db
        self._size = sum(self._rows.values())
        self._term_dfs.clear()
        self._idf_cache.clear()

    def close(self) -> None:
        for db in self._dbs.values():
            db.close()
        self._dbs.clear()
        self._rows.clear()
        self._tokens.clear()

    def unseal(self) -> None:
        """Nothing to forget: a damaged shard is found and rebuilt by the next ``sync``."""

    # -- building -------------------------------------------------------------------------
    def _known(self) -> tuple[dict[str, str], set[int]]:
        """The sources the shards hold (id: hash), and the shards to rebuild whatever they
        hold (damaged, or of another format)."""
        known: dict[str, str] = {}
        for db in self._dbs.values():
            known.update(db.execute("SELECT id, sha256 FROM sources"))
        return known, set(self._bad)

    def _plan(self, files: list[SourceFile]) -> tuple[dict[str, str], list[str], list[SourceFile]]:
        known, _ = self._known()
        wanted = {f.id: f for f in files}
        stale = [sid for sid, sha in known.items() if sid not in wanted or wanted[sid].sha256 != sha]
        return known, stale, [f for f in files if known.get(f.id) != f.sha256]

    def pending(self, files: list[SourceFile]) -> bool:
        _, stale, todo = self._plan(files)
        return bool(stale or todo or self._known()[1])

    def sync(self, files: list[SourceFile], loader=None,  # type: ignore[override]
             progress: Callable[[int, int], None] | None = None, split=None,
             client=None) -> tuple[list[Source], list[Skipped]]:
        """Make the shards hold exactly ``files``: only the shards with a new, changed or
        removed source are built again (by the workers of ``client``, a Dask client, or here
        one after another), each reading only its new and changed sources."""
        known, stale, todo = self._plan(files)
        plan = plan_shards(files, {f.id for f in todo}, stale, self.shards)
        for k in self._known()[1]:
            plan.setdefault(k, [f for f in files if shard_of(f.id, self.shards) == k])
        wanted = {f.id for f in files}
        self.last_sync = SyncStats(removed=sum(sid not in wanted for sid in known),
                                   unchanged=len(files) - len(todo))
        total = sum(max(f.size, 0) for f in todo) or 1
        self.close()
        work = {k: [(SourceFile(f.id, f.path.resolve(), f.sha256, f.kind, f.size, f.mtime_ns), str(f.path))
                    for f in members] for k, members in sorted(plan.items())}
        if client is not None and work:
            import uuid

            from ..pipeline.cluster import RETRIES, gather_in_order

            run = uuid.uuid4().hex[:12]
            futures = [client.submit(build_shard, str(self._file(k).resolve()), w, True,
                                     key=f"verify-shard-{run}-{k}", retries=RETRIES, pure=False)
                       for k, w in work.items()]
            results = gather_in_order(client, futures, progress, total, size=lambda r: r["bytes"])
        else:
            results, done = [], 0
            for k, w in work.items():
                results.append(build_shard(str(self._file(k)), w, True))
                done += results[-1]["bytes"]
                if progress:
                    progress(min(done, total), total)
        if progress:
            progress(total, total)
        reasons = {sid: why for r in results for sid, why in r["skipped"].items()}
        self._connect()
        self._check_complete(files, reasons)
        changed = {f.id for f in todo if f.id in known and f.id not in reasons}
        self.last_sync.changed = len(changed)
        self.last_sync.added = sum(f.id not in known and f.id not in reasons for f in todo)
        self.last_sync.passages = sum(r["passages"] for r in results)
        return self.sources([f.id for f in files]), [Skipped(f.id, reasons[f.id]) for f in files
                                                    if f.id in reasons]

    def _check_complete(self, files: list[SourceFile], skipped: dict[str, str]) -> None:
        held, bad = self._known()
        for k in sorted(bad):
            raise IndexError_(f"shard {self._file(k).name} cannot be read after its build; "
                              "the next run rebuilds it", where=str(self._file(k)))
        for f in files:
            if f.id not in skipped and held.get(f.id) != f.sha256:
                k = shard_of(f.id, self.shards)
                raise IndexError_(f"shard {self._file(k).name} does not hold {f.id} as it is now; "
                                  "the next run rebuilds it", where=str(self._file(k)))

    # -- reading --------------------------------------------------------------------------
    def sources(self, ids: list[str] | None = None) -> list[Source]:
        by_id = {}
        for db in self._dbs.values():
            for r in db.execute("SELECT id, sha256, title, path, kind, meta FROM sources"):
                by_id[r[0]] = Source(id=r[0], sha256=r[1], title=r[2], path=r[3], kind=r[4], text="",
                                     meta=json.loads(r[5] or "{}"))
        order = ids if ids is not None else sorted(by_id)
        return [by_id[i] for i in order if i in by_id]

    def known_stats(self) -> dict[str, KnownStat]:
        return {r[0]: (r[1], r[2], r[3], r[4]) for db in self._dbs.values() for r in db.execute(
            "SELECT id, size, mtime_ns, indexed_ns, sha256 FROM sources WHERE size >= 0")}

    def count(self) -> int:
        return self._size

    def passage_count(self) -> int:
        return self._size

    def _dfs(self, terms: list[str]) -> dict[str, tuple[int, ...]]:
        """Each term's document frequency in each shard (0 where a shard has none)."""
        missing = [t for t in terms if t not in self._term_dfs]
        if missing:
            got: dict[str, list[int]] = {t: [0] * self.shards for t in missing}
            marks = ",".join("?" * len(missing))
            for k, db in self._dbs.items():
                for t, n in db.execute(f"SELECT term, n FROM df WHERE term IN ({marks})", missing):
                    got[t][k] = n
            for t, ns in got.items():
                self._term_dfs[t] = tuple(ns)
        return {t: self._term_dfs[t] for t in terms}

    def _df(self, terms: list[str]) -> dict[str, int]:
        return {t: sum(ns) for t, ns in self._dfs(terms).items()}

    def idf(self, term: str) -> float:
        v = self._idf_cache.get(term)
        if v is None:
            df = self._df([term])[term]
            v = self._idf_cache[term] = math.log((self._size + 1) / (df + 0.5)) + 1.0
        return v

    def search_norms(self, query: str, limit: int = 200) -> list[tuple[int, float, str]]:
        """The best ``limit`` passages of all shards by BM25 over all of them (see the
        module's docstring): each shard is asked for its best by its own ranking, deeper
        until none of its other passages could still make the cut."""
        terms = self.query_terms(query)
        live = [k for k, n in self._rows.items() if n]
        if not terms or limit <= 0 or not live:
            return []
        dfs = self._dfs(terms)
        idfs = [bm25_idf(self._size, sum(dfs[t])) for t in terms]
        avgdl = sum(self._tokens.values()) / self._size
        expr = match_expr(terms)
        local = {k: [bm25_idf(self._rows[k], dfs[t][k]) for t in terms] for k in live}
        longer = {k: max(1.0, avgdl / (self._tokens[k] / self._rows[k])) for k in live}
        seen = {k: [0] * len(terms) for k in live}  # returned passages holding each term

        def could_beat(k: int, cut: float) -> bool:
            """Whether a passage shard ``k`` has not returned could still score ``cut``: it
            scores at most the shard's last own score times how far its own statistics can
            understate a score over all shards, counting only the terms some unreturned
            passage of the shard holds (a rare term's few passages are soon all returned)."""
            if floor[k] == -math.inf:
                return False  # the shard gave every passage it has
            held = [j for j, t in enumerate(terms) if seen[k][j] < dfs[t][k]]
            if not held:
                return False  # no passage it has not returned holds a query term
            ratio = longer[k] * max(idfs[j] / local[k][j] for j in held) * _SLACK
            return floor[k] * ratio >= cut

        found: dict[int, tuple[float, str, int, str]] = {}  # id -> score, source, number, norm
        want = dict.fromkeys(live, max(_FIRST_FETCH, -(-2 * limit // len(live))))
        floor: dict[int, float] = {}  # the lowest own score a shard has returned
        while want:
            for k, n in want.items():
                db = self._dbs[k]
                rows = db.execute("SELECT rowid, bm25(fts) FROM fts WHERE fts MATCH ? "
                                  "ORDER BY bm25(fts) LIMIT ?", (expr, n)).fetchall()
                new = [r for r, _ in rows if r * self.shards + k not in found]
                if new:
                    marks = ",".join("?" * len(new))
                    for rid, sid, i, norm, ts in db.execute(
                            f"SELECT rowid, source_id, idx, norm, terms FROM passages "
                            f"WHERE rowid IN ({marks})", new):
                        words = ts.split()
                        have = Counter(words)
                        tfs = [have[t] for t in terms]
                        found[rid * self.shards + k] = (bm25(tfs, len(words), idfs, avgdl), sid, i, norm)
                        seen[k] = [c + (f > 0) for c, f in zip(seen[k], tfs)]
                floor[k] = -math.inf if len(rows) < n else -rows[-1][1]
            best = sorted(found.values(), key=lambda v: (-v[0], v[1], v[2]))
            cut = best[limit - 1][0] if len(best) >= limit else -math.inf
            want = {k: 2 * n for k, n in want.items() if could_beat(k, cut)}
        order = sorted(found, key=lambda h: (-found[h][0], found[h][1], found[h][2]))[:limit]
        return [(h, found[h][0], found[h][3]) for h in order]

    def get(self, rowids: list[int]) -> list[Passage]:
        by: dict[int, Passage] = {}
        per: dict[int, list[int]] = {}
        for h in rowids:
            per.setdefault(h % self.shards, []).append(h // self.shards)
        for k, rs in per.items():
            marks = ",".join("?" * len(rs))
            for r in self._dbs[k].execute(
                    f"SELECT rowid, source_id, idx, text, start, end, line, para FROM passages "
                    f"WHERE rowid IN ({marks})", rs):
                by[r[0] * self.shards + k] = Passage(*r[1:])
        return [by[h] for h in rowids if h in by]

    def span(self, source_id: str, first: int, last: int) -> list[Passage]:
        """The passages of one source from index ``first`` to ``last`` (inclusive), in order,
        from the shard that holds the source."""
        db = self._dbs.get(shard_of(source_id, self.shards))
        if db is None:
            return []
        rows = db.execute("SELECT source_id, idx, text, start, end, line, para FROM passages "
                          "WHERE source_id=? AND idx BETWEEN ? AND ? ORDER BY idx", (source_id, first, last))
        return [Passage(*r) for r in rows]

    def contexts(self, ps: list[Passage], before: int = 2, after: int = 1) -> list[list[Passage]]:
        by_key: dict[tuple[str, int], Passage] = {}
        per: dict[int, list[Passage]] = {}
        for p in ps:
            per.setdefault(shard_of(p.source_id, self.shards), []).append(p)
        for k, group in per.items():
            if k not in self._dbs:
                continue
            where = " OR ".join(["(source_id=? AND idx BETWEEN ? AND ?)"] * len(group))
            args = [a for p in group for a in (p.source_id, p.index - before, p.index + after)]
            for r in self._dbs[k].execute(
                    f"SELECT source_id, idx, text, start, end, line, para FROM passages WHERE {where}", args):
                by_key[(r[0], r[1])] = Passage(*r)
        return [[by_key[(p.source_id, i)] for i in range(p.index - before, p.index + after + 1)
                 if (p.source_id, i) in by_key] for p in ps]
