"""Time the stance step: mean microseconds per (claim, passage) judgement.

    python bench/stance.py [CLAIMS.csv] [SOURCES]

Reads the claims, takes each claim's candidate passages from the index (as `check` does),
then times reading the passage's facts and judging it by the rules, excluding retrieval; then
the model: its load time (first call, in this process) and milliseconds per (passage, claim)
pair scored on one thread, on the same pairs.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from verify._stance import judge  # noqa: E402
from verify.inputs.claims import read_claims  # noqa: E402
from verify.pipeline.check import open_index  # noqa: E402
from verify.reading.facts import read_facts  # noqa: E402
from verify.retrieval.candidates import candidates  # noqa: E402


def main() -> None:
    claims_path = sys.argv[1] if len(sys.argv) > 1 else "claims.csv"
    sources = sys.argv[2] if len(sys.argv) > 2 else "sources"
    claims, _ = read_claims(claims_path)
    index, _, _ = open_index([sources])
    pairs = []
    for c in claims:
        fc = read_facts(c.text)
        for p, _ in candidates(index, c.text):
            ctx = " ".join(q.text for q in index.neighbours(p, 2, 1))
            pairs.append((fc, p.text, ctx))
    read_facts.cache_clear()
    t0 = time.perf_counter()
    for fc, text, ctx in pairs:
        judge(fc, read_facts(text), read_facts(ctx), index.idf)
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    for fc, text, ctx in pairs:
        judge(fc, read_facts(text), read_facts(ctx), index.idf)
    warm = time.perf_counter() - t0
    n = len(pairs)
    print(f"rules: {n} pairs: {cold * 1e6 / n:.0f} µs per pair reading every passage afresh, "
          f"{warm * 1e6 / n:.0f} µs per pair judging (passage facts cached, as across claims)")

    from verify.stance._onnx import OnnxNLI
    from verify.stance.model import DEFAULT_MODEL

    t0 = time.perf_counter()
    nli = OnnxNLI.load(DEFAULT_MODEL)
    load = time.perf_counter() - t0
    texts = [(text, fc.text) for fc, text, _ctx in pairs]
    nli.predict(texts[:16])  # warm
    t0 = time.perf_counter()
    for k in range(0, len(texts), 5):  # a claim's top-k at a time, as check runs it (each pair alone)
        nli.predict(texts[k:k + 5])
    model = time.perf_counter() - t0
    print(f"model: loaded in {load:.2f} s; {model * 1e3 / n:.2f} ms per pair "
          f"(each pair alone, one thread, {n} pairs)")


if __name__ == "__main__":
    main()
