"""Run the adversarial stance pairs and count the failures by kind.

    python bench/adversarial.py [--show-failures]

A false 'contradicts' on a compatible pair is the error that matters most; see
``adversarial_pairs.py`` for what the set is (and is not)."""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from adversarial_pairs import PAIRS  # noqa: E402

from verify._stance import judge  # noqa: E402
from verify.reading.facts import read_facts  # noqa: E402

FAILS = {"C": lambda lab: lab == "contradicts", "X": lambda lab: lab != "contradicts",
         "S": lambda lab: lab != "supports", "N": lambda lab: lab == "supports"}
NAMES = {"C": "false contradicts on compatible pairs", "X": "missed contradictions",
         "S": "missed supports", "N": "false supports"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show-failures", action="store_true")
    args = ap.parse_args()
    total, failed, lines = Counter(), Counter(), []
    for expect, tag, claim, passage in PAIRS:
        j = judge(read_facts(claim), read_facts(passage), read_facts(passage), lambda t: 1.0)
        total[expect] += 1
        if FAILS[expect](j.label):
            failed[expect] += 1
            lines.append(f"{expect} {tag}: {j.label} | {claim} | {passage} | {j.reason}")
    for k in "CXSN":
        print(f"{NAMES[k]}: {failed[k]}/{total[k]}")
    if args.show_failures:
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
