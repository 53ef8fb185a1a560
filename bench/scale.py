#!/usr/bin/env python3
"""Scale benchmark (issue #7): index build, incremental re-run, ``check`` and retrieval recall
at 100k and 1M passages, against brute force, measured side by side in one run.

    python bench/scale.py --size 100k --runs 1
    python bench/scale.py --size 1m --runs 3 --brute-sample 100

Corpora and caches go to ``--workdir`` (default /tmp/scale), never into the repository. Every
measurement runs in a child process so its wall time and peak memory are its own: memory is
sampled every 50 ms over the child and all its descendants (summed PSS, which counts pages a
forked worker shares with its parent once, and summed RSS, which counts them twice), and
``wait4`` gives the largest single process's max RSS. Brute force is
``rapidfuzz.process.cdist(token_set_ratio)`` of a claim subsample against every passage, in
chunks, counting how many passages score above the known one (ties broken at random, in
expectation), so recall is exact without a claims x passages matrix. Prints a Markdown table
and writes the figures as JSON to the workdir.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

# The code under test: this checkout, or another one given with --repo (passed to children).
REPO = Path(os.environ.get("SCALE_REPO") or Path(__file__).resolve().parents[1]).resolve()
sys.path[:0] = [str(REPO), str(Path(__file__).resolve().parent)]

SIZES = {"100k": 100_000, "1m": 1_000_000}
GB = 1024 ** 3
_PAGE = os.sysconf("SC_PAGE_SIZE")


# -- child processes: one measured operation each ------------------------------------------
def _child(args: argparse.Namespace) -> None:
    spec = json.loads(args.child_spec)
    out: dict = {}
    t0 = time.perf_counter()
    from verify.pipeline.check import open_index

    out["import_s"] = time.perf_counter() - t0
    if spec["op"] == "index" and spec.get("cluster"):
        from verify.pipeline.cluster import connect

        t = time.perf_counter()
        with connect(spec["cluster"]) as client:
            out["cluster_start_s"] = time.perf_counter() - t
            t = time.perf_counter()
            index, srcs, skipped = open_index([spec["corpus"]], cache=spec["cache"], client=client,
                                              shards=bool(spec.get("shards")))
            out["open_index_s"] = time.perf_counter() - t
            out.update(passages=index.count(), sources=len(srcs), skipped=len(skipped))
            index.close()
    elif spec["op"] == "index":
        t = time.perf_counter()
        index, srcs, skipped = open_index([spec["corpus"]], cache=spec["cache"],
                                          **({"shards": True} if spec.get("shards") else {}))
        out["open_index_s"] = time.perf_counter() - t
        out.update(passages=index.count(), sources=len(srcs), skipped=len(skipped))
        if hasattr(index, "close"):
            index.close()
    elif spec["op"] == "recall":
        out.update(_recall_child(spec, open_index))
    elif spec["op"] == "brute":
        out.update(_brute_child(spec))
    Path(spec["out"]).write_text(json.dumps(out))


def _recall_child(spec: dict, open_index) -> dict:
    from _scale_corpus import read_gold

    from verify.retrieval.candidates import candidates

    t = time.perf_counter()
    index, _, _ = open_index([spec["corpus"]], cache=spec["cache"])
    open_s = time.perf_counter() - t
    ranks: dict[str, int | None] = {}
    times = []
    for g in read_gold(Path(spec["gold"])):
        t = time.perf_counter()
        found = candidates(index, g.claim, limit=10)
        times.append(time.perf_counter() - t)
        ranks[g.id] = next((i for i, (p, _) in enumerate(found, 1)
                            if p.source_id == g.source and p.start == g.start), None)
    return {"open_index_s": open_s, "ranks": ranks, "per_claim_s": statistics.mean(times),
            "per_claim_p95_s": sorted(times)[int(0.95 * (len(times) - 1))],
            "total_s": sum(times)}


def _brute_child(spec: dict) -> dict:
    import numpy as np
    from _scale_corpus import read_gold
    from rapidfuzz import fuzz, process

    from verify.inputs.passages import split_passages
    from verify.inputs.sources import discover, load_source
    from verify.text import norm

    golds = read_gold(Path(spec["gold"]))[: spec["sample"]]
    t = time.perf_counter()
    files, _ = discover([spec["corpus"]])
    texts: list[str] = []
    keys: set[tuple[str, int]] = set()
    for f in files:
        for p in split_passages(load_source(f)):
            texts.append(norm(p.text))
            keys.add((p.source_id, p.start))
    gc.freeze()  # a million live strings otherwise make every collection crawl
    load_s = time.perf_counter() - t
    missing = [g.id for g in golds if (g.source, g.start) not in keys]
    queries = [norm(g.claim) for g in golds]
    gold_scores = np.array([process.cdist([q], [norm(g.text)], scorer=fuzz.token_set_ratio)[0, 0]
                            for q, g in zip(queries, golds)], dtype=np.float32)[:, None]
    better = np.zeros(len(golds), dtype=np.int64)
    ties = np.zeros(len(golds), dtype=np.int64)
    t = time.perf_counter()
    chunk = 20_000
    for i in range(0, len(texts), chunk):
        s = process.cdist(queries, texts[i:i + chunk], scorer=fuzz.token_set_ratio,
                          workers=-1, dtype=np.float32)
        better += (s > gold_scores).sum(axis=1)
        ties += (s == gold_scores).sum(axis=1)
    score_s = time.perf_counter() - t
    ties -= 1  # the known passage itself
    return {"load_s": load_s, "score_s": score_s, "passages": len(texts),
            "per_claim_s": score_s / max(1, len(golds)), "missing_gold": missing,
            "better": {g.id: int(b) for g, b in zip(golds, better)},
            "ties": {g.id: int(x) for g, x in zip(golds, ties)}}


# -- measuring a child -----------------------------------------------------------------------
def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants, from the parent ids in /proc/*/stat (the kernel's
    per-task ``children`` lists are not always compiled in)."""
    kids: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        kids.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, []))
    return out


def _mem(pids: list[int]) -> tuple[int, int]:
    rss = pss = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/statm") as f:
                rss += int(f.read().split()[1]) * _PAGE
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        pss += int(line.split()[1]) * 1024
                        break
        except (OSError, ValueError, IndexError):
            pass
    return rss, pss


def measure(cmd: list[str], cwd: Path = REPO, timeout: float = 3600) -> dict:
    """Wall time and peak memory of ``cmd`` and everything it starts."""
    log = Path(os.environ.get("SCALE_LOG", "/tmp/scale")) / "child.log"
    load = os.getloadavg()[0]
    with open(log, "ab") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        peak_rss = peak_pss = peak_child = 0
        while True:
            pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            tree = _tree(proc.pid)
            rss, pss = _mem(tree)
            peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
            # the largest single descendant: a worker process (a cluster's or a pool's)
            peak_child = max([peak_child] + [_mem([p])[1] for p in tree[1:]])
            if time.perf_counter() - t0 > timeout:
                proc.kill()
            time.sleep(0.05)
        wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}; see {log}")
    return {"wall_s": wall, "peak_rss_tree": peak_rss, "peak_pss_tree": peak_pss,
            "peak_pss_worker": peak_child,
            "maxrss_single": ru.ru_maxrss * 1024, "load_before": load, "cmd": cmd[1:4]}


def run_child(op: str, work: Path, **spec) -> dict:
    out = work / f"child-{op}.json"
    out.unlink(missing_ok=True)
    spec = {"op": op, "out": str(out), **{k: str(v) if isinstance(v, Path) else v
                                          for k, v in spec.items()}}
    m = measure([sys.executable, __file__, "--child-spec", json.dumps(spec)],
                timeout=spec.get("timeout", 3600))
    return {**m, **json.loads(out.read_text())}


def _peak(m: dict) -> int:
    return m["peak_pss_tree"] or m["peak_rss_tree"]


def _du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def _median(xs: list[dict], key) -> float:
    return statistics.median(key(x) for x in xs)


# -- one corpus size ---------------------------------------------------------------------------
def ensure_corpus(work: Path, size: str, args: argparse.Namespace) -> dict:
    import _scale_corpus as sc

    corpus = work / f"corpus-{size}"
    manifest = work / f"corpus-{size}.json"
    want = {"passages": SIZES[size], "claims": args.claims, "seed": args.seed,
            "per_file": args.per_file, "version": sc.GENERATOR_VERSION}
    have = json.loads(manifest.read_text()) if manifest.exists() else {}
    if all(have.get(k) == v for k, v in want.items() if k != "claims") and \
            have.get("requested_claims") == args.claims and corpus.is_dir():
        return have
    print(f"generating {corpus} ...", file=sys.stderr)
    shutil.rmtree(corpus, ignore_errors=True)
    t = time.perf_counter()
    info = sc.build(corpus, SIZES[size], args.claims, work / f"claims-{size}.csv",
                    work / f"gold-{size}.jsonl", sc.default_roots(REPO), seed=args.seed,
                    per_file=args.per_file)
    info.update(requested_claims=args.claims, per_file=args.per_file,
                generate_s=time.perf_counter() - t)
    manifest.write_text(json.dumps(info))
    return info


def cli_has_jobs() -> bool:
    out = subprocess.run([sys.executable, "cli.py", "check", "--help"], cwd=REPO,
                         capture_output=True, text=True).stdout
    return "--jobs" in out


def bench_size(work: Path, size: str, args: argparse.Namespace) -> dict:
    from _scale_corpus import read_gold

    info = ensure_corpus(work, size, args)
    corpus, cache = work / f"corpus-{size}", work / f"cache-{size}"
    claims_csv, gold = work / f"claims-{size}.csv", work / f"gold-{size}.jsonl"
    res: dict = {"size": size, "corpus": info}
    say = lambda msg: print(f"[{size}] {msg}", file=sys.stderr, flush=True)  # noqa: E731

    if not args.skip_build or not cache.exists():
        builds = []
        for r in range(args.runs if not args.skip_build else 1):
            shutil.rmtree(cache, ignore_errors=True)
            builds.append(run_child("index", work, corpus=corpus, cache=cache))
            builds[-1]["index_bytes"] = _du(cache)
            say(f"build {r + 1}: {builds[-1]['wall_s']:.1f} s, {_peak(builds[-1]) / GB:.2f} GB")
        res["build"] = builds
    res["noop"] = [run_child("index", work, corpus=corpus, cache=cache) for _ in range(args.runs)]
    say(f"no-op re-run: {res['noop'][0]['open_index_s']:.2f} s")

    files = sorted(corpus.rglob("*.txt"))
    target = files[len(files) // 2]  # not a gold file's offsets: lines are only appended
    original = target.read_bytes()
    changes, restores = [], []
    try:
        for r in range(args.runs):
            with open(target, "a", encoding="utf-8") as f:
                f.write(f"The scale benchmark appended this sentence on run {r + 1}.\n")
            changes.append(run_child("index", work, corpus=corpus, cache=cache))
            target.write_bytes(original)
            restores.append(run_child("index", work, corpus=corpus, cache=cache))
    finally:
        target.write_bytes(original)
    res["change"], res["restore"] = changes, restores
    say(f"one file changed: {changes[0]['open_index_s']:.2f} s")

    res["recall"] = run_child("recall", work, corpus=corpus, cache=cache, gold=gold)
    say(f"candidates: {res['recall']['per_claim_s'] * 1000:.1f} ms/claim")

    jobs = ["--jobs", str(args.jobs or os.cpu_count() or 1)] if cli_has_jobs() else []
    checks = []
    for r in range(args.runs):
        out = work / f"check-{size}.json"
        m = measure([sys.executable, "cli.py", "check", str(claims_csv), "--sources", str(corpus),
                     "--cache", str(cache), "--format", "json", "-o", str(out), *jobs],
                    timeout=args.timeout)
        checks.append(m)
        say(f"check {r + 1}: {m['wall_s']:.1f} s, {_peak(m) / GB:.2f} GB")
    res["check"], res["check_jobs"] = checks, jobs
    res["check_report"] = _report_figures(json.loads(out.read_text()), read_gold(gold))

    if args.brute_sample:
        res["brute"] = run_child("brute", work, corpus=corpus, gold=gold, sample=args.brute_sample,
                                 timeout=args.timeout)
        say(f"brute force: {res['brute']['per_claim_s']:.2f} s/claim")
    return res


VARIANTS = {  # name: (cluster?, --shards?, column title)
    "single": (False, False, "one process"),
    "cluster": (True, False, "cluster, one index"),
    "shards": (True, True, "cluster, --shards"),
    "single-shards": (False, True, "one process, --shards"),
}


def bench_cluster(work: Path, size: str, args: argparse.Namespace) -> dict:
    """Single process (``--jobs``) and cluster (``--cluster``) side by side, the cluster
    searching one index copied from its shards or (``shards``) the shards themselves: a fresh
    index build, a re-run after one file changed, and ``check`` of every claim; the reports
    are compared byte for byte with the first variant's."""
    info = ensure_corpus(work, size, args)
    corpus, claims_csv = work / f"corpus-{size}", work / f"claims-{size}.csv"
    say = lambda msg: print(f"[{size}] {msg}", file=sys.stderr, flush=True)  # noqa: E731
    res: dict = {"size": size, "corpus": info, "cluster": args.cluster, "variants": args.variants}
    jobs = str(args.jobs or os.cpu_count() or 1)
    files = sorted(corpus.rglob("*.txt"))
    target = files[len(files) // 2]
    original = target.read_bytes()
    for name in args.variants:
        on_cluster, sharded = VARIANTS[name][:2]
        extra = {**({"cluster": args.cluster} if on_cluster else {}), **({"shards": 1} if sharded else {})}
        cache = work / f"cache-{size}-{name}"
        shutil.rmtree(cache, ignore_errors=True)
        res[f"{name}_build"] = b = run_child("index", work, corpus=corpus, cache=cache, **extra)
        b["index_bytes"] = _du(cache)
        say(f"{name} build: {b['wall_s']:.1f} s (open_index {b['open_index_s']:.1f} s), "
            f"{_peak(b) / GB:.2f} GB tree, {b['peak_pss_worker'] / GB:.2f} GB largest worker")
        try:
            with open(target, "a", encoding="utf-8") as f:
                f.write("The scale benchmark appended this sentence.\n")
            res[f"{name}_change"] = c = run_child("index", work, corpus=corpus, cache=cache, **extra)
            say(f"{name} re-run, one file changed: open_index {c['open_index_s']:.2f} s")
        finally:
            target.write_bytes(original)
        run_child("index", work, corpus=corpus, cache=cache, **extra)  # back to the corpus
        out = work / f"check-{size}-{name}.json"
        how = ["--cluster", args.cluster] if on_cluster else ["--jobs", jobs]
        how += ["--shards"] if sharded else []
        res[f"{name}_check"] = m = measure(
            [sys.executable, "cli.py", "check", str(claims_csv), "--sources", str(corpus), "--cache",
             str(cache), "--format", "json", "-o", str(out), *how], timeout=args.timeout)
        m["how"] = how
        say(f"{name} check {' '.join(how)}: {m['wall_s']:.1f} s, {_peak(m) / GB:.2f} GB tree, "
            f"{m['peak_pss_worker'] / GB:.2f} GB largest worker")
    first = (work / f"check-{size}-{args.variants[0]}.json").read_bytes()
    res["identical"] = {n: (work / f"check-{size}-{n}.json").read_bytes() == first for n in args.variants[1:]}
    say(f"reports identical to {args.variants[0]}'s: {res['identical']}")
    return res


def cluster_rows(res: dict) -> list[tuple[str, ...]]:
    """One column per variant; the time of each after the first with its difference."""
    s, rows, names = res["size"], [], res["variants"]
    for what, key in (("index build", "build"), ("re-run, one file changed", "change"),
                      ("check", "check")):
        times, mems = [], []
        for n in names:
            m = res[f"{n}_{key}"]
            t = m.get("open_index_s", m["wall_s"]) if key == "change" else m["wall_s"]
            start = f", cluster start {m['cluster_start_s']:.1f} s" if "cluster_start_s" in m else ""
            diff = f", {t - times[0][0]:+.1f} s" if times else ""
            how = " ".join(m["how"]) if "how" in m else ""
            times.append((t, f"{t:.1f} s{diff}{start}" + (f" ({how})" if how else "")))
            mems.append(f"{_peak(m) / GB:.2f} / {m['peak_pss_worker'] / GB:.2f} GB")
        rows.append((f"{s}: {what}", *(t for _, t in times)))
        rows.append((f"{s}: {what}, peak memory: tree / largest worker", *mems))
    rows.append((f"{s}: index on disk", *(f"{res[f'{n}_build']['index_bytes'] / GB:.2f} GB" for n in names)))
    rows.append((f"{s}: report byte-identical to the first column's", "",
                 *("yes" if res["identical"][n] else "**no**" for n in names[1:])))
    return rows


def _report_figures(report: dict, golds) -> dict:
    """What the full pipeline said: verdicts, and how often it cited the known passage."""
    by_id = {g.id: g for g in golds}
    cited = 0
    for c in report["claims"]:
        g = by_id.get(c["id"])
        if g and any(e["source"] == g.source and e["start"] == g.start for e in c["evidence"]):
            cited += 1
    return {"summary": report["summary"], "corpus": report["corpus"],
            "cites_known_passage": cited / max(1, len(report["claims"]))}


def bench_small(work: Path, runs: int) -> dict:
    """``verify --help`` and a warm ``check`` on the repository's sample corpus."""
    cache = work / "cache-sample"
    base = [sys.executable, "cli.py", "check", "claims.csv", "--sources", "sources",
            "--cache", str(cache)]
    measure(base)  # warm the cache
    return {"help_module": [measure([sys.executable, "-m", "verify", "--help"]) for _ in range(runs)],
            "help_cli": [measure([sys.executable, "cli.py", "--help"]) for _ in range(runs)],
            "sample_check": [measure(base) for _ in range(runs)]}


# -- the table ---------------------------------------------------------------------------------
def _recall(ranks: list[int | None], k: int) -> float:
    return sum(1 for r in ranks if r is not None and r <= k) / max(1, len(ranks))


def _brute_recall(b: dict, ids: list[str], k: int) -> float:
    """Expected recall@k when ties are broken at random."""
    total = 0.0
    for i in ids:
        better, ties = b["better"][i], b["ties"][i]
        total += max(0, min(k - better, ties + 1)) / (ties + 1)
    return total / max(1, len(ids))


def rows_for(res: dict, runs: int) -> list[tuple[str, str, str, str]]:
    s, big = res["size"], res["size"] == "1m"
    rows: list[tuple[str, str, str, str]] = []
    ok = lambda good: ("yes" if good else "**no**") if big else "-"  # noqa: E731
    if "build" in res:
        b = res["build"]
        t, mem = _median(b, lambda x: x["wall_s"]), _median(b, _peak)
        rows += [(f"{s}: index build wall (median of {len(b)})", f"{t:.1f} s "
                  f"(open_index {_median(b, lambda x: x['open_index_s']):.1f} s)", "<= 120 s @1M",
                  ok(t <= 120)),
                 (f"{s}: index build peak memory", f"{mem / GB:.2f} GB PSS "
                  f"({_median(b, lambda x: x['maxrss_single']) / GB:.2f} GB max RSS)",
                  "<= 1.5 GB @1M", ok(mem <= 1.5 * GB)),
                 (f"{s}: index size / passages", f"{b[0]['index_bytes'] / 1e6:.0f} MB / "
                  f"{b[0]['passages']:,}", "", "")]
    noop, ch, rs = res["noop"], res["change"], res["restore"]
    tc = _median(ch, lambda x: x["open_index_s"])
    rows += [(f"{s}: re-run, nothing changed (open_index)",
              f"{_median(noop, lambda x: x['open_index_s']):.2f} s", "", ""),
             (f"{s}: re-run after one file changed (open_index)", f"{tc:.2f} s (restore "
              f"{_median(rs, lambda x: x['open_index_s']):.2f} s; process wall "
              f"{_median(ch, lambda x: x['wall_s']):.2f} s)", "<= 2 s @1M", ok(tc <= 2))]
    c = res["check"]
    tw, mem = _median(c, lambda x: x["wall_s"]), _median(c, _peak)
    n = res["corpus"]["claims"]
    rep = res["check_report"]
    rows += [(f"{s}: check {n} claims wall {' '.join(res['check_jobs'])}".rstrip(),
              f"{tw:.1f} s", "<= 60 s @1M", ok(tw <= 60)),
             (f"{s}: check peak memory", f"{mem / GB:.2f} GB PSS "
              f"({_median(c, lambda x: x['peak_rss_tree']) / GB:.2f} GB RSS sum)",
              "<= 1.5 GB @1M", ok(mem <= 1.5 * GB)),
             (f"{s}: check verdicts / cites known passage",
              ", ".join(f"{k} {v}" for k, v in rep["summary"].items())
              + f" / {rep['cites_known_passage']:.1%}", "", "")]
    rc = res["recall"]
    ranks = list(rc["ranks"].values())
    rows += [(f"{s}: candidates() recall@1 / @10, all {len(ranks)} claims",
              f"{_recall(ranks, 1):.1%} / {_recall(ranks, 10):.1%}", "", ""),
             (f"{s}: candidates() time per claim", f"{rc['per_claim_s'] * 1000:.1f} ms "
              f"(p95 {rc['per_claim_p95_s'] * 1000:.1f} ms)", "", "")]
    if "brute" in res:
        br = res["brute"]
        ids = list(br["better"])
        sub = [rc["ranks"][i] for i in ids]
        ours1, brute1 = _recall(sub, 1), _brute_recall(br, ids, 1)
        est = br["per_claim_s"] * n
        rows += [(f"{s}: recall@1 / @10 on {len(ids)}-claim sample: candidates()",
                  f"{ours1:.1%} / {_recall(sub, 10):.1%}", "", ""),
                 (f"{s}: recall@1 / @10 on {len(ids)}-claim sample: brute cdist",
                  f"{brute1:.1%} / {_brute_recall(br, ids, 10):.1%}", "", ""),
                 (f"{s}: recall@1 candidates() minus brute force",
                  f"{(ours1 - brute1) * 100:+.1f} points", ">= -1 point",
                  "yes" if ours1 - brute1 >= -0.01 else "**no**"),
                 (f"{s}: brute force time per claim (all passages, 2 workers)",
                  f"{br['per_claim_s']:.2f} s -> {est:.0f} s for {n} claims", "", ""),
                 (f"{s}: speed-up: brute {n} claims / check wall",
                  f"{est / tw:.0f}x (per claim vs candidates(): "
                  f"{br['per_claim_s'] / rc['per_claim_s']:.0f}x)", "", "")]
        if br["missing_gold"]:
            rows.append((f"{s}: gold passages not found by brute loader",
                         str(len(br["missing_gold"])), "0", "**no**"))
    return rows


def small_rows(sm: dict) -> list[tuple[str, str, str, str]]:
    h = _median(sm["help_module"], lambda x: x["wall_s"])
    h2 = _median(sm["help_cli"], lambda x: x["wall_s"])
    w = _median(sm["sample_check"], lambda x: x["wall_s"])
    return [("`python -m verify --help`", f"{h:.2f} s (cli.py --help {h2:.2f} s)", "<= 0.4 s",
             "yes" if h <= 0.4 else "**no**"),
            ("`check claims.csv` on sample corpus, warm", f"{w:.2f} s", "<= 1.5 s",
             "yes" if w <= 1.5 else "**no**")]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", choices=["100k", "1m", "both"], default="100k")
    ap.add_argument("--runs", type=int, default=3, help="median of this many runs")
    ap.add_argument("--claims", type=int, default=1000)
    ap.add_argument("--brute-sample", type=int, default=100, help="claims for brute force; 0 = skip")
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/scale"))
    ap.add_argument("--skip-build", action="store_true",
                    help="reuse the existing index instead of timing fresh builds")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-file", type=int, default=80, help="passages per source file")
    ap.add_argument("--jobs", type=int, default=0, help="check --jobs (default: CPU count)")
    ap.add_argument("--timeout", type=float, default=3600, help="seconds per child process")
    ap.add_argument("--repo", type=Path, default=None,
                    help="checkout whose verify is measured (default: this one), e.g. a "
                         "`git archive` of another commit, to compare engines side by side")
    ap.add_argument("--cluster", default=None, metavar="SPEC",
                    help="also measure build and check on a Dask cluster (e.g. local:2), next to "
                         "one process; only these figures are measured then")
    ap.add_argument("--variants", type=lambda v: v.split(","), default=["single", "cluster", "shards"],
                    help="with --cluster: what to measure side by side, of " + ", ".join(VARIANTS)
                         + " (default: single,cluster,shards)")
    ap.add_argument("--child-spec", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child_spec:
        return _child(args)
    if args.repo and args.repo.resolve() != REPO:  # re-run with the other checkout importable
        env = {**os.environ, "SCALE_REPO": str(args.repo.resolve())}
        raise SystemExit(subprocess.run([sys.executable, __file__, *sys.argv[1:]], env=env).returncode)
    work = args.workdir.resolve()
    checkout = Path(__file__).resolve().parents[1]
    if work in (REPO, checkout) or REPO in work.parents or checkout in work.parents:
        raise SystemExit("--workdir must be outside the repository")
    work.mkdir(parents=True, exist_ok=True)
    os.environ["SCALE_LOG"] = str(work)
    # a user's install has its bytecode compiled (pip compiles it; a checkout writes it on the
    # first run): where the environment forbids writing it, every timed run would compile
    # verify's 50-odd modules again (about 0.1-0.3 s), which is not what a warm run costs
    bytecode = os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    results: dict = {"started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                     "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                                 "load": os.getloadavg()},
                     "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO,
                                              capture_output=True, text=True).stdout.strip(),
                     "bytecode_was_forbidden": bytecode is not None,
                     "repo": str(REPO),
                     "args": {k: str(v) for k, v in vars(args).items() if k != "child_spec"},
                     "sizes": []}
    if args.cluster:
        rows = []
        for size in (["100k", "1m"] if args.size == "both" else [args.size]):
            res = bench_cluster(work, size, args)
            results["sizes"].append(res)
            rows += cluster_rows(res)
        (work / "results-cluster-latest.json").write_text(json.dumps(results, indent=1))
        print(f"\nverify scale benchmark on a cluster, commit {results['commit'] or '?'}, "
              f"{os.cpu_count()} CPUs, load average {results['machine']['load'][0]:.1f} at start\n")
        print("| figure | " + " | ".join(VARIANTS[n][2] for n in args.variants) + " |\n|---|"
              + "---|" * len(args.variants))
        for r in rows:
            print("| " + " | ".join(r) + " |")
        return
    rows = small_rows(results.setdefault("small", bench_small(work, args.runs)))
    for size in (["100k", "1m"] if args.size == "both" else [args.size]):
        res = bench_size(work, size, args)
        results["sizes"].append(res)
        rows += rows_for(res, args.runs)
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    for name in (f"results-{stamp}.json", "results-latest.json"):
        (work / name).write_text(json.dumps(results, indent=1))
    print(f"\nverify scale benchmark, {REPO} (commit {results['commit'] or '?'}), {os.cpu_count()} CPUs, "
          f"load average {results['machine']['load'][0]:.1f} at start, median of {args.runs} run(s); "
          f"figures in {work / f'results-{stamp}.json'}\n")
    print("| figure | measured | target | ok? |\n|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main()
