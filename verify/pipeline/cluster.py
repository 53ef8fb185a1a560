"""Checking claims (and building the index) on a Dask cluster.

``--cluster ADDRESS`` connects to a running scheduler (``dask scheduler`` / ``dask worker``);
``--cluster local[:N]`` starts a LocalCluster of N worker processes on this machine. Dask is an
optional extra (``pip install -e ".[cluster]"``), imported only here and only when a cluster is
asked for, so ``verify --help`` and ordinary runs never pay for it.

Claims are cut into partitions; each partition is one Dask task that opens the index read-only
by path (a shared filesystem is the assumption on a real cluster: workers see the cache and
the sources at the same paths as this machine) and runs retrieval and stance with the same
``check_claim`` as one process does, so the results are the same. Partitions come back in any
order and are put back in input order; the progress callback is fed as partitions complete.
A worker that dies mid-run loses nothing: the scheduler hands its partitions to another
worker (and a task that raises is retried ``RETRIES`` times).
"""
from __future__ import annotations

import math
import os
import re
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from ..errors import InputError, RunError
from ..model import Claim, ClaimResult

INSTALL_HINT = 'pip install -e ".[cluster]"'
RETRIES = 2
PARTITIONS_PER_WORKER = 4
MAX_PARTITION = 64
WORKER_WAIT_S = 30
CONNECT_TIMEOUT = "10s"
_LOCAL = re.compile(r"local(?::(\d+))?")
_ADDRESS = re.compile(r"(?:[a-z][a-z0-9+.-]*://)?(?:\[[0-9a-f:.]+\]|[^\s/:\[\]]+)(?::\d{1,5})?/?", re.I)


def parse_cluster(spec: str) -> tuple[str, str | int | None]:
    """``('local', N or None)`` or ``('address', ADDRESS)``; anything else is a usage error."""
    s = spec.strip()
    m = _LOCAL.fullmatch(s)
    if m:
        n = int(m.group(1)) if m.group(1) else None
        if n == 0:
            raise InputError(f"--cluster {spec!r}: a local cluster needs at least one worker")
        return "local", n
    if s.startswith("local"):
        raise InputError(f"--cluster {spec!r}: write local or local:N (N worker processes)")
    if not s or not _ADDRESS.fullmatch(s):
        raise InputError(f"--cluster {spec!r} is not a scheduler address "
                         "(e.g. tcp://scheduler.example.org:8786) nor local[:N]")
    return "address", s


def _distributed():
    try:
        import distributed
    except ImportError:
        raise InputError("--cluster needs Dask's distributed scheduler, which is not installed: "
                         + INSTALL_HINT) from None
    return distributed


@contextmanager
def connect(cluster) -> Iterator[object]:
    """A ``distributed.Client`` for ``cluster``: a spec string (closed on exit) or a client
    the caller made (left open)."""
    if not isinstance(cluster, str):
        yield cluster
        return
    kind, where = parse_cluster(cluster)
    distributed = _distributed()
    import logging

    logging.getLogger("distributed").setLevel(logging.ERROR)
    if kind == "local":
        from .parallel import default_jobs

        try:
            # no dashboard; the scheduler's HTTP routes on a free port of 127.0.0.1 (not on
            # 8787, which may be taken, with a warning)
            lc = distributed.LocalCluster(n_workers=int(where or default_jobs()), threads_per_worker=1,
                                          processes=True, host="127.0.0.1", dashboard_address=None,
                                          scheduler_kwargs={"dashboard_address": ":0"},
                                          silence_logs=logging.ERROR)
        except Exception as exc:  # noqa: BLE001
            raise RunError(f"cannot start a local Dask cluster ({type(exc).__name__}: {exc})") from None
        with lc, distributed.Client(lc) as client:
            yield client
        return
    try:
        client = distributed.Client(str(where), timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise RunError(f"cannot reach the Dask scheduler at {where} ({exc}); "
                       "start one with `dask scheduler`") from None
    try:
        try:
            client.wait_for_workers(1, timeout=WORKER_WAIT_S)
        except (TimeoutError, OSError):
            raise RunError(f"the Dask scheduler at {where} has no workers after {WORKER_WAIT_S} s; "
                           f"start some with `dask worker {where}`") from None
        yield client
    finally:
        client.close()


def n_workers(client) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def partitions(items: Sequence, workers: int) -> list[Sequence]:
    """Consecutive slices, about ``PARTITIONS_PER_WORKER`` per worker (at most
    ``MAX_PARTITION`` items each), so a lost or slow worker holds up little."""
    if not items:
        return []
    size = max(1, min(MAX_PARTITION, math.ceil(len(items) / (workers * PARTITIONS_PER_WORKER))))
    return [items[i:i + size] for i in range(0, len(items), size)]


def index_token(index_path: str) -> tuple:
    """Which state of the index file (or of each shard file) a worker's cached connection
    must match."""
    paths = sorted(Path(index_path).glob("shard-*.sqlite")) if os.path.isdir(index_path) else [index_path]
    return tuple((str(p), st.st_ino, st.st_size, st.st_mtime_ns) for p in paths for st in [os.stat(p)])


def gather_in_order(client, futures: list, progress: Callable[[int, int], None] | None,
                    total: int, size=len) -> list:
    """The futures' results in submission order, calling ``progress(done, total)`` as each
    completes (``size(result)`` items at a time). A failed task cancels the rest and raises
    its error; a partition whose workers kept dying is a ``RunError``."""
    distributed = _distributed()
    where = {f.key: i for i, f in enumerate(futures)}
    out: list = [None] * len(futures)
    done = 0
    try:
        for fut in distributed.as_completed(futures):
            try:
                res = fut.result()
            except distributed.KilledWorker as exc:
                raise RunError(f"Dask workers kept dying on one partition ({exc}); "
                               "see the workers' logs") from None
            out[where[fut.key]] = res
            done += size(res)
            if progress:
                progress(done, total)
    except BaseException:
        client.cancel(futures)
        raise
    return out


def check_on_cluster(client, claims: Sequence[Claim], index_path: str, stance,
                     progress: Callable[[int, int], None] | None = None) -> list[ClaimResult]:
    """``check_claim`` over ``claims`` on the cluster's workers, in input order."""
    if index_path == ":memory:":
        raise InputError("an in-memory index cannot be shared with a cluster; give the index a file")
    path = str(Path(index_path).resolve())
    token = index_token(path)
    run = uuid.uuid4().hex[:12]
    parts = partitions(list(claims), n_workers(client))
    futures = [client.submit(check_partition, path, token, stance, part, key=f"verify-check-{run}-{i}",
                             retries=RETRIES, pure=False) for i, part in enumerate(parts)]
    results = gather_in_order(client, futures, progress, len(claims))
    return [r for part in results for r in part]


# -- on the workers ------------------------------------------------------------------------
_local = threading.local()


def check_partition(index_path: str, token, stance, claims: Sequence[Claim]) -> list[ClaimResult]:
    """One task: judge a partition of claims against the index at ``index_path``."""
    from .claim_check import check_claim

    index, by_id = _worker_index(index_path, token)
    return [check_claim(c, index, by_id, stance) for c in claims]


def _worker_index(index_path: str, token):
    """The index opened read-only once per worker thread, and reopened when the file changed
    (a long-lived worker serves many runs)."""
    from ..retrieval.index import open_read_only

    cache = getattr(_local, "indexes", None)
    if cache is None:
        cache = _local.indexes = {}
    held = cache.get(index_path)
    if held is None or held[0] != token:
        if held is not None:
            held[1].close()
        index = open_read_only(index_path)
        held = cache[index_path] = (token, index, {s.id: s for s in index.sources()})
    return held[1], held[2]
