#!/usr/bin/env python3
"""Positive-class F1 of check-worthiness on the ClaimBuster two_class test split.

    python bench/eval_worthiness.py [--test PATH] [--show-errors N]

Scores what users get, ``classify(sentence).is_check_worthy`` (the model plus the kind rules),
and for reference the bare model at its threshold. Never tune on this split: choose
hyper-parameters with ``bench/train_worthiness.py --cv``.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from verify.reading.worthiness import MODEL_PATH, classify, load_model  # noqa: E402

DEFAULT_TEST = ROOT.parent / "shared" / "datasets" / "claimbuster" / "two_class" / "test.json"


def f1(pred: list[bool], gold: list[int]) -> tuple[float, float, float]:
    tp = sum(1 for p, y in zip(pred, gold) if p and y)
    fp = sum(1 for p, y in zip(pred, gold) if p and not y)
    fn = sum(1 for p, y in zip(pred, gold) if not p and y)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return (2 * prec * rec / (prec + rec) if prec + rec else 0.0), prec, rec


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--test", type=Path, default=DEFAULT_TEST)
    ap.add_argument("--show-errors", type=int, default=0, metavar="N")
    args = ap.parse_args(argv)
    rows = json.loads(args.test.read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    model = load_model()
    load_ms = (time.perf_counter() - t0) * 1000
    gold = [int(r["label"]) for r in rows]
    t0 = time.perf_counter()
    results = [classify(r["text"]) for r in rows]
    per_sentence_ms = (time.perf_counter() - t0) * 1000 / max(len(rows), 1)
    full = f1([r.is_check_worthy for r in results], gold)
    bare = f1([model.score(r["text"]) >= model.threshold for r in rows], gold)
    print(f"test sentences {len(rows)} (positive {sum(gold)})")
    print(f"classify():  F1 {full[0]:.3f}  precision {full[1]:.3f}  recall {full[2]:.3f}")
    print(f"bare model:  F1 {bare[0]:.3f}  precision {bare[1]:.3f}  recall {bare[2]:.3f}")
    print(f"model {MODEL_PATH.stat().st_size / 1e6:.2f} MB, loaded in {load_ms:.0f} ms, "
          f"{per_sentence_ms:.2f} ms per sentence")
    if args.show_errors:
        shown = 0
        for r, w, y in zip(rows, results, gold):
            if w.is_check_worthy != bool(y) and shown < args.show_errors:
                print(f"gold {y} got {w.kind} {w.score:.2f}: {r['text'][:110]}")
                shown += 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
