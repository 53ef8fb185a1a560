#!/usr/bin/env python3
"""Train the check-worthiness model shipped as verify/data/worthiness.json.

    python bench/train_worthiness.py [--train PATH] [--out PATH] [--cv 5]

Logistic regression over the features of ``verify.reading.worthiness.features``, fitted with AdaGrad
in pure Python so the result is the same on every machine (fixed seed, sorted features, rounded
weights). The training split is 25% positive while drafts and comments are not; classes are
weighted to a balanced prior so 0.5 stays a sensible threshold. ``--cv`` reports k-fold F1 on the
training split only: hyper-parameters are chosen there, never on the test split.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from verify.reading.worthiness import Model, _words, classify, features  # noqa: E402

DEFAULT_TRAIN = ROOT.parent / "shared" / "datasets" / "claimbuster" / "two_class" / "train.json"
DEFAULT_OUT = ROOT / "verify" / "data" / "worthiness.json"


def load(path: Path) -> list[tuple[str, int]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [(row["text"], int(row["label"])) for row in data]


def common_words(rows: list[tuple[str, int]]) -> frozenset[str]:
    """Words the training text writes in lower case: a capitalised first word outside this set
    is probably a name."""
    return frozenset(w for t, _ in rows for w in _words(t) if w.islower() and w.isalpha())


def fit(rows: list[tuple[str, int]], *, epochs: int, l2: float, lr: float, min_count: int,
        seed: int = 13) -> tuple[float, dict[str, float], frozenset[str]]:
    common = common_words(rows)
    feats = [features(t, common) for t, _ in rows]
    counts: dict[str, int] = {}
    for f in feats:
        for k in f:
            counts[k] = counts.get(k, 0) + 1
    keep = {k for k, c in counts.items() if c >= min_count or k.startswith("#")}
    feats = [{k: v for k, v in f.items() if k in keep} for f in feats]
    pos = sum(y for _, y in rows)
    neg = len(rows) - pos
    cw = {1: len(rows) / (2 * pos), 0: len(rows) / (2 * neg)}
    w: dict[str, float] = {}
    g2: dict[str, float] = {}
    b, gb2 = 0.0, 1e-8
    order = list(range(len(rows)))
    rng = random.Random(seed)
    n = len(rows)
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            f, y = feats[i], rows[i][1]
            z = b + sum(w.get(k, 0.0) * v for k, v in f.items())
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = (p - y) * cw[y]
            gb2 += g * g
            b -= lr * g / math.sqrt(gb2)
            for k, v in f.items():
                wk = w.get(k, 0.0)
                gk = g * v + l2 * wk * n / counts[k]  # the epoch's L2 spread over occurrences
                acc = g2.get(k, 1e-8) + gk * gk
                g2[k] = acc
                w[k] = wk - lr * gk / math.sqrt(acc)
    return b, w, common


def predict(b: float, w: dict[str, float], common: frozenset[str], text: str) -> float:
    z = b + sum(w.get(k, 0.0) * v for k, v in features(text, common).items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def f1(pairs: list[tuple[float, int]], threshold: float = 0.5) -> float:
    tp = sum(1 for p, y in pairs if p >= threshold and y == 1)
    fp = sum(1 for p, y in pairs if p >= threshold and y == 0)
    fn = sum(1 for p, y in pairs if p < threshold and y == 1)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--l2", type=float, default=3e-3)
    ap.add_argument("--lr", type=float, default=0.5)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--cv", type=int, default=0, help="k-fold F1 on the training split, then stop")
    args = ap.parse_args(argv)
    rows = load(args.train)
    hp = dict(epochs=args.epochs, l2=args.l2, lr=args.lr, min_count=args.min_count)
    if args.cv:
        shuffled = rows[:]
        random.Random(7).shuffle(shuffled)
        scores, rules = [], []
        for k in range(args.cv):
            test = shuffled[k::args.cv]
            train = [r for i, r in enumerate(shuffled) if i % args.cv != k]
            b, w, common = fit(train, **hp)
            # Re-balance the fold so the F1 means the same as on a balanced test set.
            pos = [r for r in test if r[1] == 1]
            neg = [r for r in test if r[1] == 0][: len(pos)]
            scores.append(f1([(predict(b, w, common, t), y) for t, y in pos + neg]))
            model = Model(b, w, 0.5, common)
            rules.append(f1([(float(classify(t, model).is_check_worthy), y) for t, y in pos + neg]))
            print(f"fold {k}: balanced F1 model {scores[-1]:.3f}, with the kind rules {rules[-1]:.3f}",
                  flush=True)
        print(f"{hp} mean balanced F1 model {sum(scores) / len(scores):.3f}, "
              f"with the kind rules {sum(rules) / len(rules):.3f}")
        return 0
    b, w, common = fit(rows, **hp)
    weights = {k: round(v, 4) for k, v in sorted(w.items()) if abs(v) >= 0.005}
    model = {
        "version": 1,
        "about": "check-worthiness logistic regression; see bench/train_worthiness.py",
        "trained_on": {"file": "claimbuster/two_class/train.json", "rows": len(rows),
                       "sha256": hashlib.sha256(args.train.read_bytes()).hexdigest()},
        "hyperparameters": hp,
        "threshold": 0.5,
        "bias": round(b, 4),
        "weights": weights,
        "common": sorted(common),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, separators=(",", ":"), sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(weights)} weights, {args.out.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
