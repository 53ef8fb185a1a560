"""Score every evaluation split for a stance, in one table.

    python bench/evaluate.py                      # the model stance on every dev split
    python bench/evaluate.py --stance rules       # the rules alone, for comparison
    python bench/evaluate.py --stance model rules # both, side by side
    python bench/evaluate.py --split test         # the test splits: a final figure, never tuning

Each split is checked with the library (``verify.check``), written as a ``--format json``
report under ``--out`` and scored by the team's scorer, ``../shared/eval/score.py``, unchanged.
SciFact's dev split holds SciFact's train claims, which train the stance model: they are left
out, and the row says how many claims were scored.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@dataclass
class Split:
    name: str
    claims: Path
    sources: Path
    gold: Path
    skip_ids: frozenset[str] = frozenset()
    tune: bool = True  # may thresholds be chosen on it (newsdev is kept as a held-out check)
    probe: bool = False  # true claims made by rewording (bench/paraphrases): only false alarms count


def scifact_trained_ids(shared: Path) -> frozenset[str]:
    path = shared / "datasets/scifact/claims_train.jsonl"
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(f"sf{json.loads(x)['id']}" for x in lines if x.strip())


def splits(shared: Path, which: str = "dev") -> list[Split]:
    ev = shared / "eval"
    out = []
    if which == "dev":
        out.append(Split("dev", ev / "dev/claims.csv", ROOT / "sources", ev / "dev/gold.csv"))
        news = newsdev_sources(shared)
        if news:
            out.append(Split("newsdev", NEWSDEV / "claims.csv", news, NEWSDEV / "gold.csv", tune=False))
        out.append(Split("sampledev", SAMPLEDEV / "claims.csv", ROOT / "sources", SAMPLEDEV / "gold.csv",
                         tune=False))
    for name in ("vitaminc", "climate-fever", "scifact"):
        d = ev / "external" / name
        skip = scifact_trained_ids(shared) if name == "scifact" else frozenset()
        out.append(Split(f"{name}/{which}", d / f"{which}.csv", d / "sources", d / f"{which}-gold.csv", skip))
    if which == "dev":
        for d in sorted(paraphrase_probes(shared).glob("*/claims.csv")):
            corpus = Path((d.parent / "corpus.txt").read_text(encoding="utf-8").strip())
            out.append(Split(f"paraphrases/{d.parent.name}", d, corpus, d.parent / "gold.csv", probe=True))
    return out


def paraphrase_probes(shared: Path) -> Path:
    """The paraphrase probe's claims (``bench/paraphrases/make.py``), written under build/ when
    missing or older than the scripts that make them (it takes its synonyms from the scale
    bench's ``_scale_corpus``)."""
    out, script = ROOT / "build/paraphrases", PARAPHRASES / "make.py"
    stamp = out / "made"
    made_by = max(p.stat().st_mtime for p in (script, ROOT / "bench/_scale_corpus.py"))
    if not stamp.exists() or stamp.stat().st_mtime < made_by:
        subprocess.run([sys.executable, str(script), "--shared", str(shared), "--out", str(out)],
                       check=True, capture_output=True)
        stamp.touch()
    return out


NEWSDEV = ROOT / "bench/newsdev"      # 100 claims written blind over 24 real news pages
SAMPLEDEV = ROOT / "bench/sampledev"  # 72 claims written blind over the sample corpus
NEWSAUDIT = ROOT / "bench/newsaudit"    # a draft with planted errors over the newsdev corpus (session 8)
NEWSCOMMENTS = ROOT / "bench/newscomments"  # a comment thread under the newsdev AirAsia report
PARAPHRASES = ROOT / "bench/paraphrases"  # makes true claims reworded from dev corpora (make.py)


def newsdev_sources(shared: Path) -> Path | None:
    """The newsdev corpus (24 real news articles, rebuilt from ``shared/html``'s gold texts by
    ``bench/newsdev/make_sources.py``); None when those pages are not at hand."""
    out = ROOT / "build/newsdev/sources"
    if not any(out.glob("*.txt")):
        if not (shared / "html/MANIFEST.csv").exists():
            return None
        subprocess.run([sys.executable, str(NEWSDEV / "make_sources.py")], check=True, capture_output=True,
                       env={**os.environ, "NEWSDEV_HTML": str(shared / "html"), "NEWSDEV_SOURCES": str(out)})
    return out


def subset(split: Split, work: Path) -> tuple[Path, Path]:
    """Claims and gold files without the skipped ids (the originals when none are skipped)."""
    if not split.skip_ids:
        return split.claims, split.gold
    work.mkdir(parents=True, exist_ok=True)
    paths = []
    for src, name in ((split.claims, "claims.csv"), (split.gold, "gold.csv")):
        with open(src, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        dst = work / f"{split.name.replace('/', '-')}-{name}"
        with open(dst, "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(r for r in rows if r["id"] not in split.skip_ids)
        paths.append(dst)
    return paths[0], paths[1]


def score(gold: Path, report: Path, shared: Path) -> dict:
    out = subprocess.run([sys.executable, str(shared / "eval/score.py"), str(gold), str(report)],
                         capture_output=True, text=True, check=False).stdout
    last = out.strip().splitlines()[-1]
    m = re.search(r"accuracy ([\d.]+) macro-F1 ([\d.]+) evidence-recall ([\d.]+) "
                  r"false-alarms (\d+) on (\d+)", last)
    fa = re.search(r"false alarms .*: (\d+)/(\d+)", out)
    if not m:
        raise SystemExit(f"scorer said: {out}")
    return {"accuracy": float(m[1]), "macro_f1": float(m[2]), "evidence_recall": float(m[3]),
            "false_alarms": int(m[4]), "innocent": int(fa[2]) if fa else 0, "claims": int(m[5])}


def run(split: Split, stance: str, out: Path, shared: Path, jobs: int, model: str | None) -> dict:
    from verify import check

    claims, gold = subset(split, out / "subsets")
    t0 = time.perf_counter()
    report = check(claims, [split.sources], cache=out / "cache" / split.name.split("/")[0],
                   jobs=jobs, stance=stance, stance_model=model)
    seconds = time.perf_counter() - t0
    path = out / f"{stance}-{split.name.replace('/', '-')}.json"
    path.write_text(json.dumps(report.to_dict(), ensure_ascii=False), encoding="utf-8")
    return {**score(gold, path, shared), "seconds": round(seconds, 1)}


def run_audit(stance: str, out: Path, shared: Path, model: str | None, news: bool = False) -> str:
    """The dev draft with planted errors (or, with ``news``, ``bench/newsaudit``'s draft over the
    newsdev corpus), scored by ``score_audit.py``."""
    from verify import audit

    draft, gold, sources, name = (shared / "eval/dev/draft.md", shared / "eval/dev/draft-gold.csv",
                                  ROOT / "sources", "dev")
    if news:
        draft, gold = NEWSAUDIT / "draft.md", NEWSAUDIT / "draft-gold.csv"
        sources, name = newsdev_sources(shared), "newsdev"  # type: ignore[assignment]
    report = audit(draft, [sources], cache=out / "cache" / name, stance=stance, stance_model=model)
    path = out / f"{stance}-audit-{name}.json"
    path.write_text(json.dumps(report.to_dict(), ensure_ascii=False), encoding="utf-8")
    return _last_line([str(gold), str(path)], shared / "eval/score_audit.py")


def run_comments(thread: str, stance: str, out: Path, shared: Path, model: str | None) -> str:
    """A dev comment thread under its sample-corpus article (or ``news``: ``bench/newscomments``
    under the newsdev corpus's AirAsia report), scored by ``score_comments.py``."""
    from verify import assess

    if thread == "news":
        sources, name = newsdev_sources(shared), "newsdev"
        article = sources / "airasia.txt"  # type: ignore[operator]
        comments, gold = NEWSCOMMENTS / "comments.csv", NEWSCOMMENTS / "comments-gold.csv"
    else:
        sources, name = ROOT / "sources", "dev"
        article = next((ROOT / "sources").glob(f"*{thread}*.txt"))
        comments = shared / f"eval/dev/comments-{thread}.csv"
        gold = shared / f"eval/dev/comments-{thread}-gold.csv"
    report = assess(comments, article, [sources], cache=out / "cache" / name, stance=stance,
                    stance_model=model)
    path = out / f"{stance}-comments-{thread}.json"
    path.write_text(json.dumps(report.to_dict(), ensure_ascii=False), encoding="utf-8")
    return _last_line([str(gold), str(path)], shared / "eval/score_comments.py")


def _last_line(argv: list[str], scorer: Path) -> str:
    out = subprocess.run([sys.executable, str(scorer), *argv], capture_output=True, text=True,
                         check=False, cwd=scorer.parent).stdout
    return out.strip().splitlines()[-1] if out.strip() else "scorer printed nothing"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stance", nargs="+", default=["model"], choices=["model", "rules"])
    ap.add_argument("--stance-model", default=None, help="model directory for the model stance")
    ap.add_argument("--split", default="dev", choices=["dev", "test"])
    ap.add_argument("--only", nargs="*", default=None, help="split names to run (default: all)")
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--out", type=Path, default=ROOT / "build/eval")
    ap.add_argument("--jobs", type=int, default=0)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    rows = []
    for split in splits(args.shared, args.split):
        if args.only and split.name.split("/")[0] not in args.only:
            continue
        for stance in args.stance:
            r = run(split, stance, args.out, args.shared, args.jobs, args.stance_model)
            rows.append((split.name, stance, r))
            print(f"{split.name:20} {stance:6} acc {r['accuracy']:.3f}  macro-F1 {r['macro_f1']:.3f}  "
                  f"evidence {r['evidence_recall']:.3f}  false alarms {r['false_alarms']}/{r['innocent']}  "
                  f"({r['claims']} claims, {r['seconds']} s)", file=sys.stderr, flush=True)
    print("| split | stance | claims | accuracy | macro-F1 | evidence recall | false alarms | seconds |")
    print("|---|---|---|---|---|---|---|---|")
    for name, stance, r in rows:
        print(f"| {name} | {stance} | {r['claims']} | {r['accuracy']:.3f} | {r['macro_f1']:.3f} | "
              f"{r['evidence_recall']:.3f} | {r['false_alarms']}/{r['innocent']} | {r['seconds']} |")
    (args.out / "table.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    if args.split == "dev" and (not args.only or "dev" in args.only):
        print()
        for stance in args.stance:
            audit = run_audit(stance, args.out, args.shared, args.stance_model)
            print(f"- audit `dev/draft.md`, {stance}: {audit}")
            if newsdev_sources(args.shared):
                line = run_audit(stance, args.out, args.shared, args.stance_model, news=True)
                print(f"- audit `bench/newsaudit`, {stance}: {line}")
            for thread in ("camboja", "piseth", "news"):
                if thread == "news" and not newsdev_sources(args.shared):
                    continue
                line = run_comments(thread, stance, args.out, args.shared, args.stance_model)
                print(f"- comments `{thread}`, {stance}: {line}")


if __name__ == "__main__":
    main()
