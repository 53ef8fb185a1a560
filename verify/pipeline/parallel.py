"""Checking claims on every core: each worker process opens the index read-only by path and
judges a share of the claims; results come back in input order.

Processes rather than threads because the stance step is pure Python (the GIL would serialise
it). Workers are forked where the platform allows (cheap: the parent's imports are shared) and
spawned elsewhere. A run too small to repay starting workers stays in this process.
"""
from __future__ import annotations

import gc
import multiprocessing as mp
import os
from collections.abc import Callable, Sequence

from ..model import Claim, ClaimResult, Source

# Below this many claims per worker, starting processes costs more than it saves.
MIN_CLAIMS_PER_JOB = 8

_worker: dict = {}


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def plan_jobs(jobs: int | None, n_claims: int, index_path: str) -> int:
    """How many worker processes to use: 1 means check in this process."""
    if jobs is None or jobs <= 0:
        # Spawned workers re-import the caller's main module: a script without a __main__
        # guard would fail, so only an explicit ``jobs`` starts them where fork is missing.
        want = default_jobs() if _start_method() == "fork" else 1
    else:
        want = jobs
    if index_path == ":memory:":
        return 1  # an in-memory index cannot be opened by another process
    return max(1, min(want, n_claims // MIN_CLAIMS_PER_JOB))


def check_in_parallel(claims: Sequence[Claim], index_path: str, sources: dict[str, Source],
                      jobs: int, progress: Callable[[int, int], None] | None = None,
                      stance=None) -> list[ClaimResult]:
    """``check_claim`` over ``claims`` on ``jobs`` processes, in input order."""
    ctx = mp.get_context(_start_method())
    gc.freeze()  # forked workers then share the parent's objects instead of copying them
    chunk = max(1, min(16, len(claims) // (jobs * 8)))
    results: list[ClaimResult] = []
    try:
        with ctx.Pool(jobs, initializer=_init, initargs=(index_path, sources, stance)) as pool:
            for result in pool.imap(_check_one, claims, chunksize=chunk):
                results.append(result)
                if progress:
                    progress(len(results), len(claims))
    finally:
        gc.unfreeze()
    return results


def _start_method() -> str:
    return "fork" if "fork" in mp.get_all_start_methods() else "spawn"


def _init(index_path: str, sources: dict[str, Source], stance=None) -> None:
    import signal

    from ..retrieval.index import open_read_only

    # Ctrl-C reaches the whole process group: the parent alone reports it (one line) and
    # ends the pool, instead of every worker printing its own traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker["index"] = open_read_only(index_path)
    _worker["sources"] = sources
    _worker["stance"] = stance


def _check_one(claim: Claim) -> ClaimResult:
    from .claim_check import check_claim

    return check_claim(claim, _worker["index"], _worker["sources"], _worker["stance"])

