"""Robustness to typos: does a claim keep its verdict when one of its words is misspelt?

    python bench/typos.py [CLAIMS.csv] [SOURCES] [--variants 9] [--seed 1] [--stance model]

For each claim, ``--variants`` copies with one word of five letters or more misspelt (two
letters swapped, one dropped, doubled or changed, at random but seeded) are checked beside the
original. It prints how many copies keep the original's verdict, how many a typo turns into
``contradicted`` (an accusation a typo caused: the worst outcome), and how many lose a support.
Readers' comments and hurried claims carry typos; a verdict should not turn on them.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from verify import check  # noqa: E402
from verify.inputs.claims import read_claims  # noqa: E402

_WORD = re.compile(r"[A-Za-z]{5,}")


def misspell(text: str, rng: random.Random) -> str:
    """``text`` with one of its words of five letters or more misspelt."""
    found = list(_WORD.finditer(text))
    if not found:
        return text
    m = rng.choice(found)
    w = m.group(0)
    i = rng.randrange(1, len(w) - 1)
    kind = rng.choice(["swap", "drop", "double", "change"])
    if kind == "swap":
        w = w[:i] + w[i + 1] + w[i] + w[i + 2:]
    elif kind == "drop":
        w = w[:i] + w[i + 1:]
    elif kind == "double":
        w = w[:i] + w[i] + w[i:]
    else:
        w = w[:i] + rng.choice([c for c in "aeioustnr" if c != w[i]]) + w[i + 1:]
    return text[:m.start()] + w + text[m.end():]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("claims", nargs="?", default="claims.csv")
    ap.add_argument("sources", nargs="?", default="sources")
    ap.add_argument("--variants", type=int, default=9)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--stance", default="model", choices=["model", "rules"])
    args = ap.parse_args()
    claims, _ = read_claims(args.claims)
    rng = random.Random(args.seed)
    texts = [c.text for c in claims]
    variants = [(k, misspell(t, rng)) for k, t in enumerate(texts) for _ in range(args.variants)]
    report = check(texts + [v for _, v in variants], [args.sources], stance=args.stance)
    verdicts = [r.verdict for r in report.claims]
    original, typoed = verdicts[:len(texts)], verdicts[len(texts):]
    moves = Counter((original[k], v) for (k, _), v in zip(variants, typoed))
    kept = sum(n for (a, b), n in moves.items() if a == b)
    accused = sum(n for (a, b), n in moves.items() if b == "contradicted" and a != "contradicted")
    lost = sum(n for (a, b), n in moves.items() if a == "supported" and b != "supported")
    print(f"{len(variants)} misspelt copies of {len(texts)} claims, stance {args.stance}:")
    print(f"  verdict kept      {kept} ({kept / max(1, len(variants)):.1%})")
    print(f"  newly accused     {accused}  (contradicted where the original is not)")
    print(f"  support lost      {lost}")
    for (a, b), n in sorted(moves.items()):
        if a != b:
            print(f"  {a:>12} -> {b:<12} {n}")
    for (k, v), verdict in zip(variants, typoed):
        if verdict == "contradicted" and original[k] != "contradicted":
            print(f"  accused: {v}")


if __name__ == "__main__":
    main()
