"""A generated corpus for the cluster and shard tests: 40 files of plain sentences about
people, places and counts in four folders, an empty file and a binary one (skipped, with their
reasons), and 48 claims about them: stated as written, with another number, another place, or
negated."""
from __future__ import annotations

from pathlib import Path

NAMES = ["Sokha", "Chantra", "Veasna", "Dara", "Kosal", "Rithy", "Sopheap", "Bopha"]
PLACES = ["Bangkok", "Phnom Penh", "Chiang Mai", "Battambang", "Siem Reap", "Pattaya"]
THINGS = ["refugees", "journalists", "activists", "students", "farmers", "monks"]


def write_corpus(root: Path, files: int = 40) -> tuple[Path, Path]:
    corpus = root / "corpus"
    facts = []
    for f in range(files):
        lines = []
        for i in range(12):
            k = f * 12 + i
            who, where, what = NAMES[k % 8], PLACES[(k // 8) % 6], THINGS[(k // 48) % 6]
            n, year = 3 + (k * 7) % 90, 1990 + (k * 13) % 35
            lines.append(f"In {year}, {who} helped {n} {what} reach {where} after the floods.")
            facts.append((who, where, what, n, year))
        sub = corpus / f"part{f % 4}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"report-{f:02d}.txt").write_text(
            f"---\ntitle: Report {f}\npublished: 2024-0{1 + f % 9}-15\n---\n" + "\n".join(lines) + "\n",
            encoding="utf-8")
    (corpus / "part0" / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "part1" / "image.txt").write_bytes(b"\x89PNG\x00\x00\x01binary")
    claims = ["claim"]
    for j, (who, where, what, n, year) in enumerate(facts[::10]):
        variant = j % 4
        if variant == 1:
            n += 5
        elif variant == 2:
            where = PLACES[(PLACES.index(where) + 1) % 6]
        claims.append(f"{who} {'did not help' if variant == 3 else 'helped'} {n} {what} reach "
                      f"{where} in {year}.")
    path = root / "claims.csv"
    path.write_text("\n".join(claims) + "\n", encoding="utf-8")
    return corpus, path
