"""Self-consistency: does a corpus support what its own sentences say, and nothing altered?

    python bench/consistency.py                      # the sample corpus, model stance
    python bench/consistency.py build/newsdev/sources --per-source 10 --stance rules

From sentences of the corpus itself (seeded sample, ``--per-source`` a source), each
shortened as ``training/pairs.py`` shortens them (an attribution, an aside or a trailing
clause dropped), it checks:

- the shortened sentence: it should come out ``supported``;
- the same with one change (a number, a month, or a negation added or removed, again as
  ``training/pairs.py`` makes them): it should not be ``supported``; ``contradicted`` is the
  right verdict.

It prints the share of each, and every miss with the passage that decided it. The stance
model's synthetic training pairs were made the same way from these corpora's sentences, so the
model's figures here flatter it; the bench is for finding where the pipeline or the rules go
wrong (it found a claim's denial read as no denial, and a supposition supported), not a score
to tune on.
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

import pairs as synthetic  # noqa: E402  (training/pairs.py: the same shortening and changes)

from verify import check  # noqa: E402
from verify.inputs.sources import load_sources  # noqa: E402

CHANGES = (synthetic._swap_number, synthetic._swap_month, synthetic._negate)


def sentences(corpus: Path) -> list[list[str]]:
    sources, _ = load_sources([corpus])
    out = []
    for src in sources:
        body = src.text[src.body_offset:]
        sents = [" ".join(s.split()) for para in body.split("\n")
                 for s in synthetic._SENT.split(para.strip())]
        # quotations are someone's words, not the source's: leave them out
        out.append([s for s in sents if 8 <= len(s.split()) <= 40 and not s.endswith("?")
                    and not any(q in s for q in "“”\"")])
    return out


def probes(corpus: Path, per_source: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    rows = []
    for doc in sentences(corpus):
        for s in rng.sample(doc, min(per_source, len(doc))):
            claim = synthetic.compress(s, rng) or s
            rows.append(("same", claim))
            for change in CHANGES:
                changed = change(claim, rng)
                if changed and changed != claim:
                    rows.append((change.__name__.strip("_"), changed))
                    break
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(ROOT / "sources"))
    ap.add_argument("--per-source", type=int, default=25)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--stance", choices=["model", "rules"], default="model")
    args = ap.parse_args()
    rows = probes(Path(args.corpus), args.per_source, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        claims = Path(tmp) / "claims.csv"
        with claims.open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["id", "claim"])
            w.writerows([f"{kind}-{i}", text] for i, (kind, text) in enumerate(rows))
        report = check(claims, sources=[args.corpus], stance=args.stance)
    verdicts: Counter = Counter()
    misses = []
    for r in report.claims:
        kind = r.claim.id.split("-")[0]
        verdicts[(kind, r.verdict)] += 1
        if (kind == "same") != (r.verdict == "supported"):
            e = next(iter(r.evidence), None)
            misses.append(f"  {kind:12} {r.verdict:12} {r.claim.text[:110]}\n" + (
                f"{'':27}{e.stance} ({e.check}): {e.passage[:110]}" if e else ""))
    same = sum(n for (k, _v), n in verdicts.items() if k == "same")
    altered = sum(n for (k, _v), n in verdicts.items() if k != "same")
    print(f"{len(rows)} probes from {args.corpus}, stance {args.stance}:")
    print(f"  shortened sentences supported   {verdicts[('same', 'supported')]}/{same}")
    supported = sum(n for (k, v), n in verdicts.items() if k != "same" and v == "supported")
    contradicted = sum(n for (k, v), n in verdicts.items() if k != "same" and v == "contradicted")
    print(f"  altered copies not supported     {altered - supported}/{altered} "
          f"(contradicted {contradicted})")
    for (kind, verdict), n in sorted(verdicts.items()):
        print(f"    {kind:12} {verdict:12} {n}")
    if misses:
        print("misses:")
        print("\n".join(misses))


if __name__ == "__main__":
    main()
