"""Pick the real sentences that ``training/data/reworded.jsonl`` rewords.

    python training/reworded_pool.py --shared ../shared --out build/reworded-pool

Sentences of MNLI dev-matched premises (14-40 words, with a figure or a name) and FEVER dev
evidence (12-45 words), none sharing a run of eight words with any text under ``eval/``,
``seeds/`` or ``html/`` (the corpora and claims the team evaluates on), shuffled (seed 13) and
dealt into six batches of about 260; then a second set of six batches of 250 (FEVER sentences
after the first 650, and MNLI premises without a figure or a name). Each batch was then given to a writer with
``training/data/reworded-prompt.md``; their answers, joined to the sentences, are
``training/data/reworded.jsonl`` (``python training/reworded_pool.py --join DIR`` joins them).
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pairs import BOUND, REWORDED, SOURCE_FILES, _lines, source_text  # noqa: E402

BATCHES = 6  # a set's batches; two sets were written
FIRST = 1567  # sentences in the first set
SOURCES = {"m": "mnli-dev-matched", "f": "fever-dev-rte"}
RUN = 8  # a sentence sharing this many words in a row with an evaluated text is left out


def _norm(s: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", s.lower())


def _runs(text: str) -> set[str]:
    w = _norm(text)
    return {" ".join(w[i:i + RUN]) for i in range(len(w) - RUN + 1)}


def evaluated_runs(shared: Path) -> set[str]:
    """Every run of ``RUN`` words in the texts the team scores on (and their corpora)."""
    out: set[str] = set()
    for top in ("eval", "seeds", "html"):
        for p in sorted((shared / top).rglob("*")):
            if p.is_file():
                out |= _runs(p.read_text(encoding="utf-8", errors="ignore"))
    return out


def sentences(shared: Path) -> dict[str, dict[int, str]]:
    """The candidate sentences by source and place: MNLI premises by row, FEVER evidence by
    line (the first place each sentence occurs). The repo stores only these places, never the
    sentences (``pairs.reworded`` reads them back from ``../shared``)."""
    out: dict[str, dict[int, str]] = {}
    for source in SOURCES.values():
        seen: set[str] = set()
        out[source] = {}
        for i, line in enumerate(_lines(shared / "datasets/nli" / SOURCE_FILES[source])):
            text = source_text(source, line)
            if text is not None and text not in seen:
                seen.add(text)
                out[source][i] = text
    return out


def pool(shared: Path, seed: int = 13) -> list[tuple[str, int, str]]:
    seen = evaluated_runs(shared)

    def clean(s: str) -> bool:
        return not (_runs(s) & seen)

    by = sentences(shared)
    place = {(src, s): i for src, rows in by.items() for i, s in rows.items()}
    mnli = sorted(set(by[SOURCES["m"]].values()))
    mnli = [m for m in mnli
            if 14 <= len(m.split()) <= 40 and re.search(r"\d|\s[A-Z][a-z]", m) and m.endswith(".")]
    fever = sorted(set(by[SOURCES["f"]].values()))
    fever = [f for f in fever if 12 <= len(f.split()) <= 45 and f.endswith(".")]
    rng = random.Random(seed)
    rng.shuffle(mnli)
    rng.shuffle(fever)
    fever_clean = [s for s in fever if clean(s)]
    out = [("m", s) for s in mnli if clean(s)][:1150] + [("f", s) for s in fever_clean[:650]]
    rng.shuffle(out)
    # the second set: FEVER sentences after the first 650, and MNLI premises without a
    # figure or a name (12-40 words), in their own shuffled order
    taken = {s for _, s in out}
    plain = sorted({m for m in by[SOURCES["m"]].values()
                    if 12 <= len(m.split()) <= 40 and m.endswith(".")} - taken)
    rng.shuffle(plain)
    more = [("f", s) for s in fever_clean[650:1550]] + [("m", s) for s in plain if clean(s)][:600]
    rng.shuffle(more)
    return [(k, place[(SOURCES[k], s)], s) for k, s in out + more]


def batches(shared: Path) -> list[list[dict]]:
    """The pool dealt into its batches, each sentence with its id ('m3-017': source, batch,
    place in the batch): the first set's six, then the second set's six."""
    chosen = pool(shared)
    first, second = chosen[:FIRST], chosen[FIRST:]
    out = []
    for k in range(2 * BATCHES):
        part = first[k::BATCHES] if k < BATCHES else second[k - BATCHES::BATCHES]
        out.append([{"id": f"{src}{k}-{i:03d}", "source": SOURCES[src], "at": at, "sentence": s}
                    for i, (src, at, s) in enumerate(part)])
    return out


def _write(path: Path, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")


def write_batches(shared: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    dealt = batches(shared)
    for k, rows in enumerate(dealt):
        _write(out / f"batch{k}.jsonl", rows)
    print(f"{sum(map(len, dealt))} sentences in {len(dealt)} batches under {out}")


def _names(sentence: str) -> set[str]:
    """Capitalised runs after the first word: the named people, places and works."""
    return {m.group() for m in re.finditer(r"\b[A-Z][\w'-]+(?:\s+(?:of\s+|the\s+)?[A-Z][\w'-]+)*", sentence)
            if m.start() > 0}


def write_binding_batches(shared: Path, out: Path, n: int = 1200) -> None:
    """The sentences of both sets that name two things or more, shuffled (seed 5): ``n`` of
    them in six batches (``bbatch{k}.jsonl``) for the claims of ``training/data/bound.jsonl``."""
    rows = [r for batch in batches(shared) for r in batch]
    named = [r for r in rows if len(_names(r["sentence"])) >= 2]
    random.Random(5).shuffle(named)
    out.mkdir(parents=True, exist_ok=True)
    for k in range(BATCHES):
        _write(out / f"bbatch{k}.jsonl", named[:n][k::BATCHES])
    print(f"{min(n, len(named))} of {len(named)} sentences naming two things, in {BATCHES} batches: {out}")


def join(folder: Path, target: Path = REWORDED, prefix: str = "") -> None:  # noqa: C901
    """Join each batch's answers (``{prefix}out{k}.jsonl``) to its sentences (``{prefix}batch{k}``);
    drop malformed answers. ``prefix`` "b": the claims that give a fact to another name
    (``training/data/bound.jsonl``), one restatement and one or two such claims a sentence."""
    rows, dropped = [], 0
    for k in range(2 * BATCHES):
        if not (folder / f"{prefix}batch{k}.jsonl").exists():
            continue
        lines = _lines(folder / f"{prefix}batch{k}.jsonl")
        batch = {b["id"]: b for b in map(json.loads, lines)}
        answers = {}
        if (folder / f"{prefix}out{k}.jsonl").exists():
            for line in _lines(folder / f"{prefix}out{k}.jsonl"):
                try:
                    a = json.loads(line)
                except json.JSONDecodeError:
                    dropped += 1
                    continue
                answers.setdefault(a.get("id"), a)
        for sid, b in batch.items():
            sentence = b["sentence"]
            a = answers.get(sid)
            if a is None or a.get("skip"):
                continue
            claims = {key: [" ".join(c.split()) for c in a.get(key, []) if isinstance(c, str) and c.strip()]
                      for key in ("entails", "contradicts", "neutral")}
            # a claim that copies its sentence teaches nothing about rewording
            claims = {key: [c for c in cs if _norm(c) != _norm(sentence)] for key, cs in claims.items()}
            if not claims["entails"] or not (claims["contradicts"] or claims["neutral"] if prefix
                                             else all(claims.values())):
                dropped += 1
                continue
            rows.append({"id": sid, "source": b["source"], "at": b["at"], **claims})
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} sentences with their claims -> {target} ({dropped} answers dropped)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--out", type=Path, default=Path("build/reworded-pool"))
    ap.add_argument("--join", type=Path, default=None, help="join a folder of answered batches")
    ap.add_argument("--join-bound", type=Path, default=None,
                    help="join a folder of answered binding batches (bbatch*, bout*) into bound.jsonl")
    ap.add_argument("--bound-out", type=Path, default=None,
                    help="write the binding batches (sentences naming two things) to this folder")
    args = ap.parse_args()
    if args.bound_out:
        write_binding_batches(args.shared, args.bound_out)
    elif args.join_bound:
        join(args.join_bound, BOUND, "b")
    elif args.join:
        join(args.join)
    else:
        write_batches(args.shared, args.out)


if __name__ == "__main__":
    main()
