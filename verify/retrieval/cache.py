"""Where a corpus's index lives, and who may write it.

Each corpus (the set of source paths given) has its own index file in the cache folder, so
runs that switch between sibling folders sharing one ``.verify/`` each find their own index
ready. Writers of one index take turns through a lock file beside it: a second run waits
(saying so) and then finds the work done, so any interleaving of runs gives the index a clean
build gives. A cache folder that cannot be written is a one-line error naming it, unless it
already holds a complete index for the corpus, which is then used read-only.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from ..errors import warn


def index_file(cache_dir: Path, paths: Sequence[str | Path]) -> Path:
    """The index of the corpus made of ``paths`` (local files and folders) in ``cache_dir``:
    named after the first path, keyed by all of them (resolved, in any order)."""
    resolved = sorted({str(Path(p).resolve()) for p in paths})
    key = hashlib.sha256("\n".join(resolved).encode("utf-8", "surrogateescape")).hexdigest()[:10]
    name = Path(resolved[0]).name if resolved else "web"
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-.")[:40] or "corpus"
    return cache_dir / f"index-{slug}-{key}.sqlite"


@contextmanager
def writer_lock(index_path: Path) -> Iterator[None]:
    """Hold the index's lock file while building it; wait, with a message, while another
    process holds it. Raises ``OSError`` when the lock file cannot be created (a read-only
    folder). Where the platform has no ``flock`` the lock is a no-op."""
    lock_path = index_path.with_name(index_path.name + ".lock")
    fh = open(lock_path, "a+b")
    try:
        try:
            import fcntl
        except ImportError:  # not POSIX: no lock
            yield
            return
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            warn(f"{index_path.parent}: another verify run is indexing these sources; waiting for it")
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
    finally:
        fh.close()
