"""The passage index: SQLite FTS5 in a cache folder, updated by content hash.

One small interface (``PassageIndex.sync``, ``search``, ``get``, ``contexts``, ``idf``) so the
engine can be swapped if a benchmark demands. Writes happen in one transaction per batch, so an
interrupted build keeps every batch it committed and the next sync completes it; a format
change rebuilds the index from scratch.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import re
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import IndexError_, SourceError, warn
from ..inputs.passages import split_passages
from ..inputs.sources import KnownStat, SourceFile, load_source
from ..model import Passage, Skipped, Source
from ..text import STOPWORDS, SYNONYM, canon, words

_BATCH = 5000
# A query term found in more passages than this costs a scan of its whole posting list and
# ranks little: dropped from the query while enough rarer terms remain. Small corpora never
# reach it, so their results are those of the full query.
COMMON_TERM_POSTINGS = 5000
MIN_QUERY_TERMS = 4
_NON_WORD = re.compile(r"[\W_]+")


@dataclass
class SyncStats:
    """What the last ``sync`` did: how much of the corpus it had to read again."""

    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    passages: int = 0


class PassageIndex:
    """Passages of a set of sources, searchable by keywords (BM25)."""

    def __init__(self, path: str | Path = ":memory:", read_only: bool = False) -> None:
        """``read_only``: a worker's view of an index another process built and keeps.

        An index file that is damaged (not SQLite, truncated, pages overwritten) is found
        here and rebuilt from scratch with a one-line warning: the sources are the record,
        the index only a cache of them. The full integrity check runs only when the file
        is not as this library last left it (see ``seal``), so a re-run stays cheap."""
        self.path = str(path)
        self._idf_cache: dict[str, float] = {}
        self._n: int | None = None
        self.last_sync = SyncStats()
        if read_only:
            try:
                uri = Path(self.path).resolve().as_uri() + "?mode=ro"
                if not os.access(Path(self.path).resolve().parent, os.W_OK):
                    uri += "&immutable=1"  # no -shm file can be made: nobody writes here
                self.db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            except sqlite3.DatabaseError as exc:
                raise IndexError_(f"cannot open the index ({exc})", where=self.path) from None
            return
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self._connect()
        except sqlite3.DatabaseError as exc:
            if not _is_damage(exc):
                raise IndexError_(f"cannot open the index ({exc})", where=self.path) from None
            warn(f"{self.path}: the index is damaged ({_damage_reason(exc)}); rebuilding it")
            self._discard()
            try:
                self._connect()
            except sqlite3.DatabaseError as exc2:
                raise IndexError_(f"cannot rebuild the index ({exc2})", where=self.path) from None

    def _connect(self) -> None:
        self.db = sqlite3.connect(self.path, check_same_thread=False)
        try:
            if self.path != ":memory:" and not self._sealed():
                row = self.db.execute("PRAGMA quick_check(1)").fetchone()
                if row and row[0] != "ok":
                    raise sqlite3.DatabaseError(f"database disk image is malformed: {row[0]}")
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._ensure_schema()
        except BaseException:
            self.db.close()
            raise

    # -- health: a stamp of the file as this library last left it ----------------------------
    @property
    def _stamp(self) -> Path:
        return Path(self.path + ".checked")

    def _sealed(self) -> bool:
        """The file is byte for byte as the last ``seal`` left it (size and mtime agree)."""
        try:
            st = Path(self.path).stat()
            return self._stamp.read_text().split() == [str(st.st_size), str(st.st_mtime_ns)]
        except (OSError, ValueError):
            return False

    def seal(self) -> None:
        """Record the file as checked: fold the write-ahead log into it, then note its size
        and mtime. Any later change by another hand sends the next open to a full check."""
        if self.path == ":memory:":
            return
        try:
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            st = Path(self.path).stat()
            self._stamp.write_text(f"{st.st_size} {st.st_mtime_ns}\n")
        except (OSError, sqlite3.DatabaseError):
            pass  # no stamp: the next open checks the file in full, nothing worse

    def unseal(self) -> None:
        """Forget the stamp (before a write, or when a query failed): the next open checks."""
        if self.path != ":memory:":
            try:
                self._stamp.unlink()
            except OSError:
                pass

    def _discard(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal", ".checked"):
            try:
                Path(self.path + suffix).unlink()
            except FileNotFoundError:
                pass
            except OSError as exc:
                raise IndexError_(f"cannot replace the damaged index ({exc.strerror})",
                                  where=self.path) from None

    def _ensure_schema(self) -> None:
        db = self.db
        db.execute("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT)")
        row = db.execute("SELECT value FROM meta WHERE key='format'").fetchone()
        if row and row[0] == FORMAT_VERSION:
            return
        with db:
            for t in ("fts", "passages", "sources", "df"):
                db.execute(f"DROP TABLE IF EXISTS {t}")
            db.execute("""CREATE TABLE sources(id TEXT PRIMARY KEY, sha256 TEXT, title TEXT,
                          path TEXT, kind TEXT, meta TEXT, n INTEGER, size INTEGER,
                          mtime_ns INTEGER, indexed_ns INTEGER)""")
            db.execute("""CREATE TABLE passages(rowid INTEGER PRIMARY KEY, source_id TEXT,
                          idx INTEGER, text TEXT, start INTEGER, end INTEGER, line INTEGER,
                          para INTEGER, norm TEXT)""")
            db.execute("CREATE INDEX passages_src ON passages(source_id, idx)")
            db.execute("CREATE TABLE df(term TEXT PRIMARY KEY, n INTEGER) WITHOUT ROWID")
            db.execute("""CREATE VIRTUAL TABLE fts USING fts5(terms, content='',
                          tokenize='unicode61 remove_diacritics 0')""")
            db.execute("INSERT OR REPLACE INTO meta VALUES('format', ?)", (FORMAT_VERSION,))

    # -- building -------------------------------------------------------------------------
    def sync(self, files: list[SourceFile],
             loader: Callable[[SourceFile], Source] = load_source,
             progress: Callable[[int, int], None] | None = None,
             split: Callable[[Source], list] | None = None) -> tuple[list[Source], list[Skipped]]:
        """Make the index hold exactly ``files``: load and index only new or changed ones,
        drop the ones that are gone. Returns the sources (metadata) and the files skipped.

        ``progress(done, total)`` counts bytes of the files to index, and moves within a
        big file as its passages are written, so a single 50 MB file shows it is alive.
        ``loader`` and ``split`` may hand over work done elsewhere: a cluster's shards give
        each source's passages already ``prepare``d, and the index is then the one this
        method builds alone (same rows, same row ids, same term counts)."""
        split = split or split_passages
        known, stale, todo = self._plan(files)
        wanted = {f.id: f for f in files}
        self.last_sync = SyncStats(removed=sum(sid not in wanted for sid in known),
                                   unchanged=len(files) - len(todo))
        skipped: list[Skipped] = []
        if stale or todo:
            self.unseal()
        with self.db:
            for sid in stale:
                self._delete(sid)
        batch: list[tuple[Source, list[Passage], tuple[int, int]]] = []
        size = 0
        total = sum(max(f.size, 0) for f in todo) or 1
        done = 0  # bytes of the files written or skipped so far

        def tick(part: int) -> None:
            if progress:
                progress(min(done + part, total), total)

        for f in todo:
            try:
                src = loader(f)
            except SourceError as exc:
                skipped.append(Skipped(f.id, str(exc).removeprefix(f"{f.id}: ")))
                done += max(f.size, 0)
                continue
            except OSError as exc:
                skipped.append(Skipped(f.id, f"cannot read ({exc.strerror})"))
                done += max(f.size, 0)
                continue
            ps = split(src)
            self.last_sync.passages += len(ps)
            if f.id in known:
                self.last_sync.changed += 1
            else:
                self.last_sync.added += 1
            batch.append((src, ps, (f.size, f.mtime_ns)))
            size += len(ps)
            if size >= _BATCH:
                self._write(batch, tick)
                done += sum(max(b[2][0], 0) for b in batch)
                batch, size = [], 0
                tick(0)
        self._write(batch, tick)
        done = total
        tick(0)
        self.seal()
        return self.sources([f.id for f in files]), skipped

    def _plan(self, files: list[SourceFile]) -> tuple[dict[str, str], list[str], list[SourceFile]]:
        """What ``sync`` has to do: the indexed hashes, the sources to drop, the files to read."""
        known = dict(self.db.execute("SELECT id, sha256 FROM sources"))
        wanted = {f.id: f for f in files}
        stale = [sid for sid, sha in known.items() if sid not in wanted or wanted[sid].sha256 != sha]
        todo = [f for f in files if known.get(f.id) != f.sha256]
        return known, stale, todo

    def pending(self, files: list[SourceFile]) -> bool:
        """Whether ``sync(files)`` would change anything: the index is not complete for them."""
        _, stale, todo = self._plan(files)
        return bool(stale or todo)

    def add(self, sources: Iterable[Source]) -> None:
        """Index already-loaded sources (library use, tests); replaces same-id sources."""
        items = [(s, split_passages(s), (-1, -1)) for s in sources]
        self.unseal()
        with self.db:
            for s, _, _ in items:
                self._delete(s.id)
        self._write(items)
        self.seal()

    def _delete(self, sid: str) -> None:
        self._idf_cache.clear()
        self._n = None
        rows = self.db.execute("SELECT rowid, text FROM passages WHERE source_id=?", (sid,)).fetchall()
        terms = [index_terms(t) for _, t in rows]
        self.db.executemany("INSERT INTO fts(fts, rowid, terms) VALUES('delete', ?, ?)",
                            [(r, " ".join(ts)) for (r, _), ts in zip(rows, terms)])
        self._count_terms(terms, -1)
        self.db.execute("DELETE FROM passages WHERE source_id=?", (sid,))
        self.db.execute("DELETE FROM sources WHERE id=?", (sid,))

    def _write(self, batch: list[tuple[Source, list[Passage], tuple[int, int]]],
               tick: Callable[[int], None] | None = None) -> None:
        """One transaction for the batch; ``tick(bytes)`` reports how far into it we are."""
        if not batch:
            return
        self._n = None
        now = time.time_ns()
        with self.db:  # one transaction per batch: all or nothing
            base = self.db.execute("SELECT coalesce(max(rowid), 0) FROM passages").fetchone()[0] + 1
            rows, fts, terms = [], [], []
            before = 0  # bytes of the batch's earlier files
            for src, ps, (size, mtime) in batch:
                self.db.execute("INSERT OR REPLACE INTO sources VALUES(?,?,?,?,?,?,?,?,?,?)",
                                (src.id, src.sha256, src.title, src.path, src.kind,
                                 json.dumps(src.meta), len(ps), size, mtime, now))
                for j, p in enumerate(ps):
                    if tick and j % 2000 == 1999:
                        tick(before + max(size, 0) * j // len(ps))
                    if isinstance(p, tuple):  # prepared elsewhere (``prepare``)
                        p, normed, ts = p
                    else:
                        ws = words(p.text)
                        ts, normed = _terms(ws), " ".join(ws)
                    rows.append((base, p.source_id, p.index, p.text, p.start, p.end, p.line,
                                 p.para, normed))
                    fts.append((base, " ".join(ts)))
                    terms.append(ts)
                    base += 1
                before += max(size, 0)
            self.db.executemany("INSERT INTO passages VALUES(?,?,?,?,?,?,?,?,?)", rows)
            self.db.executemany("INSERT INTO fts(rowid, terms) VALUES(?, ?)", fts)
            self._count_terms(terms, +1)
        self._idf_cache.clear()

    def _count_terms(self, terms: list[list[str]], sign: int) -> None:
        """Document frequencies of index terms: how telling a word is (stance weights) and
        which words are too common to be worth a query."""
        counts: Counter[str] = Counter()
        for ts in terms:
            counts.update(set(ts))
        self.db.executemany(
            "INSERT INTO df VALUES(?, ?) ON CONFLICT(term) DO UPDATE SET n = n + excluded.n",
            [(k, sign * v) for k, v in counts.items()])

    def idf(self, term: str) -> float:
        """Inverse document frequency of a content stem (unknown terms weigh most)."""
        v = self._idf_cache.get(term)
        if v is None:
            row = self.db.execute("SELECT n FROM df WHERE term=?", (term,)).fetchone()
            df = row[0] if row else 0
            v = self._idf_cache[term] = math.log((self.passage_count() + 1) / (df + 0.5)) + 1.0
        return v

    def known_stats(self) -> dict[str, KnownStat]:
        """Size, mtime and hash of each indexed file, so ``discover`` can skip re-hashing."""
        return {r[0]: (r[1], r[2], r[3], r[4]) for r in self.db.execute(
            "SELECT id, size, mtime_ns, indexed_ns, sha256 FROM sources WHERE size >= 0")}

    # -- reading --------------------------------------------------------------------------
    def sources(self, ids: list[str] | None = None) -> list[Source]:
        rows = self.db.execute("SELECT id, sha256, title, path, kind, meta FROM sources").fetchall()
        by_id = {r[0]: Source(id=r[0], sha256=r[1], title=r[2], path=r[3], kind=r[4], text="",
                              meta=json.loads(r[5] or "{}")) for r in rows}
        order = ids if ids is not None else sorted(by_id)
        return [by_id[i] for i in order if i in by_id]

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM passages").fetchone()[0]

    def search(self, query: str, limit: int = 200) -> list[tuple[int, float]]:
        """Row ids and BM25 scores (higher is better) of passages sharing terms with ``query``,
        best first; passages of equal score in the order of (source id, passage number), so
        the order depends on the corpus alone, not on row ids (which a shard has its own of).

        Terms found in more than ``COMMON_TERM_POSTINGS`` passages are left out while at
        least ``MIN_QUERY_TERMS`` rarer ones remain: they cost most and rank least."""
        return [(r, s) for r, s, _ in self.search_norms(query, limit)]

    def search_norms(self, query: str, limit: int = 200) -> list[tuple[int, float, str]]:
        """``search`` with each passage's normalised text, for fuzzy re-ranking without
        loading (or re-normalising) the passages themselves."""
        terms = self.query_terms(query)
        if not terms or limit <= 0:
            return []
        expr = match_expr(terms)
        # more than asked: are there passages tied with the last one? (twice as many at once,
        # as a tie across the cut is common and a second query would read every match again)
        n = 2 * limit + 1
        while True:
            rows = self.db.execute(
                "SELECT rowid, bm25(fts) FROM fts WHERE fts MATCH ? ORDER BY bm25(fts) LIMIT ?",
                (expr, n)).fetchall()
            if len(rows) < n or rows[-1][1] != rows[limit - 1][1]:
                break
            n *= 2  # the tied group runs on: fetch all of it
        if len(rows) > limit:  # the best ``limit`` and those tied with the last of them
            cut = rows[limit - 1][1]
            rows = [r for r in rows if r[1] <= cut]
        marks = ",".join("?" * len(rows))
        keys = {r[0]: r[1:] for r in self.db.execute(
            f"SELECT rowid, source_id, idx, norm FROM passages WHERE rowid IN ({marks})",
            [r for r, _ in rows])}
        rows.sort(key=lambda r: (r[1], *keys.get(r[0], ("", 0))[:2]))
        return [(r, -s, keys[r][2] if r in keys else "") for r, s in rows[:limit]]

    def query_terms(self, query: str) -> list[str]:
        return choose_terms(index_terms(query), self._df)

    def _df(self, terms: list[str]) -> dict[str, int]:
        marks = ",".join("?" * len(terms))
        return dict(self.db.execute(f"SELECT term, n FROM df WHERE term IN ({marks})", terms))

    def passage_count(self) -> int:
        """Number of passages, cached between writes."""
        if self._n is None:
            self._n = self.count()
        return self._n

    def get(self, rowids: list[int]) -> list[Passage]:
        if not rowids:
            return []
        marks = ",".join("?" * len(rowids))
        rows = self.db.execute(
            f"SELECT rowid, source_id, idx, text, start, end, line, para FROM passages "
            f"WHERE rowid IN ({marks})", rowids).fetchall()
        by = {r[0]: Passage(r[1], r[2], r[3], r[4], r[5], r[6], r[7]) for r in rows}
        return [by[r] for r in rowids if r in by]

    def neighbours(self, p: Passage, before: int = 2, after: int = 1) -> list[Passage]:
        """Passages around ``p`` in its source, in order (``p`` included)."""
        return self.contexts([p], before, after)[0]

    def contexts(self, ps: list[Passage], before: int = 2, after: int = 1) -> list[list[Passage]]:
        """``neighbours`` of many passages in one query (one per passage costs more than the
        rest of a claim's retrieval at a million passages)."""
        if not ps:
            return []
        where = " OR ".join(["(source_id=? AND idx BETWEEN ? AND ?)"] * len(ps))
        args = [a for p in ps for a in (p.source_id, p.index - before, p.index + after)]
        rows = self.db.execute(
            f"SELECT source_id, idx, text, start, end, line, para FROM passages WHERE {where}",
            args).fetchall()
        by_key = {(r[0], r[1]): Passage(*r) for r in rows}
        return [[by_key[(p.source_id, i)] for i in range(p.index - before, p.index + after + 1)
                 if (p.source_id, i) in by_key] for p in ps]

    def span(self, source_id: str, first: int, last: int) -> list[Passage]:
        """The passages of one source from index ``first`` to ``last`` (inclusive), in order."""
        rows = self.db.execute(
            "SELECT source_id, idx, text, start, end, line, para FROM passages "
            "WHERE source_id=? AND idx BETWEEN ? AND ? ORDER BY idx", (source_id, first, last)).fetchall()
        return [Passage(*r) for r in rows]

    def close(self) -> None:
        self.db.close()


def _is_damage(exc: sqlite3.DatabaseError) -> bool:
    """A file that is not a usable database (rather than, say, a locked or unreadable one)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in (11, 26):  # SQLITE_CORRUPT, SQLITE_NOTADB
        return True
    msg = str(exc).lower()
    return "malformed" in msg or "not a database" in msg


def _damage_reason(exc: sqlite3.DatabaseError) -> str:
    return "not an SQLite database" if "not a database" in str(exc).lower() else "its pages are corrupt"


def prepare(src: Source) -> list[tuple[Passage, str, list[str]]]:
    """A source's passages as the index stores them: each with its normalised text and its
    index terms (the costly part of a build, which a cluster's workers do in shards)."""
    out = []
    for p in split_passages(src):
        ws = words(p.text)
        out.append((p, " ".join(ws), _terms(ws)))
    return out


def choose_terms(found: list[str], df: Callable[[list[str]], dict[str, int]]) -> list[str]:
    """A query's terms (``found``, in order, once each), the too common ones dropped while
    ``MIN_QUERY_TERMS`` rarer ones remain; ``df`` gives their document frequencies."""
    terms = list(dict.fromkeys(found))
    if len(terms) <= MIN_QUERY_TERMS:
        return terms
    dfs = df(terms)
    rare = sorted(terms, key=lambda t: dfs.get(t, 0))
    keep = [t for t in rare if dfs.get(t, 0) <= COMMON_TERM_POSTINGS]
    if len(keep) < MIN_QUERY_TERMS:
        keep = rare[:MIN_QUERY_TERMS]
    return [t for t in terms if t in keep]


def match_expr(terms: list[str]) -> str:
    """The FTS5 query for ``terms``: any of them."""
    return " OR ".join(f'"{t}"' for t in terms)


# FTS5's bm25() (ext/fts5/fts5_aux.c), in the same operations and order, so that a score
# computed here from the statistics of several shards is the one FTS5 gives in one table
# holding them all, to the last bit (tests/retrieval/test_shards.py checks it against bm25()).
BM25_K1 = 1.2
BM25_B = 0.75


def bm25_idf(n_rows: int, n_hit: int) -> float:
    """FTS5's IDF of a term found in ``n_hit`` of ``n_rows`` rows (never <= 0)."""
    idf = math.log((n_rows - n_hit + 0.5) / (n_hit + 0.5))
    return idf if idf > 0.0 else 1e-6


def bm25(freqs: list[int], length: int, idfs: list[float], avgdl: float) -> float:
    """FTS5's score of a row (higher is better: bm25() returns it negated): ``freqs`` of
    each query phrase in the row, the row's ``length`` in tokens, the phrases' ``idfs``
    and the table's average row length."""
    score = 0.0
    for f, idf in zip(freqs, idfs):
        score += idf * ((f * (BM25_K1 + 1.0))
                        / (f + BM25_K1 * (1 - BM25_B + BM25_B * length / avgdl)))
    return score


def open_read_only(path: str):
    """A worker's view of the index at ``path``: one index file, or a folder of shards
    (``verify.retrieval.shards.ShardedIndex``) searched as one."""
    if path.endswith(".shards"):
        from .shards import ShardedIndex

        return ShardedIndex(path)
    return PassageIndex(path, read_only=True)


def index_terms(text: str) -> list[str]:
    """What the keyword index stores for a text: its words, stopwords dropped, stemmed and
    mapped to synonym groups, so 'expelled' finds 'deported' and the stance step's word
    weights come from the same counts."""
    return _terms(words(text))


def _terms(ws: list[str]) -> list[str]:
    out: list[str] = []
    for w in ws:
        if w in STOPWORDS or (len(w) < 2 and not w.isdigit()):
            continue
        t = canon(w)
        if t.isalnum():
            out.append(t)
        else:  # one token per term for the FTS tokenizer too: 12.5 -> 12d5, 001-110 -> 001 110
            out.extend(x for x in _NON_WORD.split(t.replace(".", "d")) if x)
    return out


# The index stores our own normalised terms, so it must be rebuilt when the normalisation
# changes: the version carries a fingerprint of the synonym groups, the stopwords, and what
# the tokeniser and stemmer make of a probe text.
_PROBE = ("Deported deportations extradited runs running ran studies Kampong Bđăp U.N. "
          "twelve 12-year 1,200 12.5 co-founder don't women's réfugiés 2024")


def _format_version(synonym: dict[str, str], stopwords: frozenset[str], probe: list[str]) -> str:
    fingerprint = repr((sorted(synonym.items()), sorted(stopwords), probe)).encode()
    return "7-" + hashlib.sha256(fingerprint).hexdigest()[:8]


FORMAT_VERSION = _format_version(SYNONYM, STOPWORDS, index_terms(_PROBE))
