"""Write the paraphrase probe: claims that restate a sentence of a dev corpus in other words.

Each claim is one real sentence with a common synonym put in (``bench/_scale_corpus.SYNONYMS``:
'large' for 'big', 'kids' for 'children', 'rose' for 'increased'), a small number written in
words, or, where neither applies, one typo in a long word. Nothing is dropped or reordered, so
every claim is true by construction and its own sentence supports it: any `contradicted` or
`disputed` verdict on it is a false alarm. `bench/tune_stance.py` counts only those (a stance
that accuses people for rewording them must not win the tuning), `bench/evaluate.py` reports
the split like any other.

    python bench/paraphrases/make.py [--shared ../shared] [--out build/paraphrases]

writes ``<out>/<corpus>/{claims,gold}.csv``; ``bench/evaluate.py`` runs it when the files are
missing or older than this script. The corpora's text stays in ``../shared`` and the build
folder: the repository keeps only this script. Seeded: the same corpora give the same files
byte for byte.
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from _scale_corpus import SYNONYMS, _typo, base_sentences, number_words  # noqa: E402


def corpora(shared: Path) -> dict[str, Path]:
    """Probe name -> the dev corpus its sentences come from."""
    return {"sample": ROOT / "sources",
            "climate-fever": shared / "eval/external/climate-fever/sources",
            "scifact": shared / "eval/external/scifact/sources"}


PER_CORPUS = 400
_AMBIGUOUS = {"first", "about", "major"}  # 'first tried' is no 'initial tried'
SEED = 12


def sentences(corpus: Path) -> list[str]:
    """The scale bench's single-line sentences of ``corpus`` with 8-40 words, each once."""
    return [t for t in base_sentences([corpus]) if 8 <= len(t.split()) <= 40]


def reword(text: str, rng: random.Random) -> str | None:
    """The sentence with a synonym or a number in words; a typo where neither applies."""
    toks = text.split()
    changed = False
    syn = [i for i, t in enumerate(toks) if t.lower() in SYNONYMS and t.lower() not in _AMBIGUOUS
           and (i == 0 or t.islower())  # 'New York' keeps its name
           and not (t.lower() == "because" and toks[i + 1:i + 2] == ["of"])]  # 'since of'
    if syn:
        i = rng.choice(syn)
        new = SYNONYMS[toks[i].lower()]
        toks[i] = new.capitalize() if toks[i][0].isupper() else new
        changed = True
    nums = [i for i, t in enumerate(toks) if t.isdigit() and 1 < int(t) < 100
            and not (i and toks[i - 1].lower() in ("in", "since", "of"))]
    if nums and (not changed or rng.random() < 0.5):
        i = nums[0]
        toks[i] = number_words(int(toks[i]))
        changed = True
    if not changed:
        long_words = [i for i, t in enumerate(toks) if len(t) >= 6 and t.isalpha() and t.islower()]
        if not long_words:
            return None
        i = rng.choice(long_words)
        toks[i] = _typo(toks[i], rng)
    return " ".join(toks)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "build/paraphrases")
    args = ap.parse_args()
    for name, corpus in corpora(args.shared).items():
        if not corpus.is_dir():
            print(f"skipped {name}: no {corpus}", file=sys.stderr)
            continue
        rng = random.Random(f"{SEED}:{name}")
        pool = sentences(corpus)
        rng.shuffle(pool)
        rows = []
        for text in pool:
            claim = reword(text, rng)
            if claim and claim != text:
                rows.append((f"p{name[:2]}{len(rows) + 1:03d}", claim, text))
            if len(rows) == PER_CORPUS:
                break
        out = args.out / name
        out.mkdir(parents=True, exist_ok=True)
        with open(out / "claims.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["id", "claim"])
            w.writerows((i, c) for i, c, _ in rows)
        (out / "corpus.txt").write_text(f"{corpus.resolve()}\n", encoding="utf-8")
        with open(out / "gold.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["id", "verdict", "supports", "contradicts"])
            w.writerows((i, "supported", t, "") for i, _, t in rows)
        print(f"{name}: {len(rows)} claims from {len(pool)} sentences")


if __name__ == "__main__":
    main()
