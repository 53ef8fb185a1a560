"""Synthetic but real-text corpora for the scale benchmark (bench/scale.py), and the claims.

Sentences come from real documents (the sample corpus and the external eval sets' sources,
~53k usable sentences), split by verify's own splitter. To reach 100k or 1M passages they are
recombined (the start of one sentence joined to the end of another) and perturbed (words,
numbers and names swapped for others from the same text), and every passage is unique.
Near-duplicates are deliberate: a million-passage corpus has many sentences that differ in a
word or two, and telling them apart is what ranking at scale is about.

Each claim paraphrases one known passage (number words, a synonym or two swapped words, a
typo, a dropped word), and the gold file says where that passage is: source id as verify
names it, line, start offset and text. Everything is seeded, so the same arguments give the
same files byte for byte. Output is streamed: only the ~53k base sentences stay in memory.
"""
from __future__ import annotations

import csv
import json
import random
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from verify.inputs.passages import split_passages
from verify.inputs.sources import discover, load_source
from verify.model import Source
from verify.text import STOPWORDS

GENERATOR_VERSION = "2"

SYNONYMS = {
    "said": "stated", "says": "states", "big": "large", "large": "big", "small": "little",
    "show": "demonstrate", "showed": "demonstrated", "shows": "demonstrates",
    "increase": "rise", "increased": "rose", "decrease": "decline", "help": "assist",
    "people": "persons", "children": "kids", "found": "discovered", "began": "started",
    "started": "began", "major": "main", "important": "significant",
    "significant": "important", "rapid": "fast", "many": "numerous", "about": "around",
    "approximately": "about", "however": "but", "used": "employed", "country": "nation",
    "government": "administration", "died": "perished", "city": "town", "reported": "said",
    "announced": "declared", "received": "got", "high": "elevated", "low": "reduced",
    "risk": "danger", "effect": "impact", "effects": "impacts", "caused": "triggered",
    "patients": "subjects", "study": "research", "results": "findings",
    "associated": "linked", "levels": "amounts", "role": "function", "first": "initial",
    "new": "novel", "recent": "latest", "before": "prior to", "after": "following",
    "during": "throughout", "because": "since", "large-scale": "broad",
}
_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_KEYS = "qwertyuiopasdfghjklzxcvbnm"
_CORE = re.compile(r"^(\W*)(.*?)(\W*)$", re.S)


@dataclass
class Gold:
    """Where the passage a claim paraphrases lives, as verify reports passages."""

    id: str
    source: str
    line: int
    start: int
    text: str
    claim: str


def default_roots(repo: Path) -> list[Path]:
    """The real text the corpus is made from: the sample corpus and every external eval set's
    sources (their text only; no labels are read)."""
    roots = [repo / "sources"]
    roots += sorted(Path("/work/shared/eval/external").glob("*/sources"))
    roots += sorted(Path("/work/shared/eval/external").glob("*/*/sources"))  # {dev,test}/sources
    return [r for r in roots if r.is_dir()]


def base_sentences(roots: list[Path]) -> list[str]:
    """Single-line sentences of 6+ words, 40-320 characters, split by verify itself."""
    files, _ = discover(list(roots))
    out: list[str] = []
    seen: set[str] = set()
    for f in files:
        try:
            src = load_source(f)
        except Exception:  # noqa: BLE001 - an unreadable file just contributes nothing
            continue
        for p in split_passages(src):
            t = " ".join(p.text.split())
            if 40 <= len(t) <= 320 and len(t.split()) >= 6 and t not in seen:
                seen.add(t)
                out.append(t)
    return out


def number_words(n: int) -> str:
    """0-99 in words, hyphenated the way people write them ('forty-five')."""
    if n < 20:
        return _UNITS[n]
    tens, unit = divmod(n, 10)
    return _TENS[tens] + ("-" + _UNITS[unit] if unit else "")


class _Perturber:
    """Word, number and name swaps drawn from the base text itself."""

    def __init__(self, sentences: list[str], rng: random.Random) -> None:
        self.rng = rng
        words: list[str] = []
        names: list[str] = []
        for s in sentences[:: max(1, len(sentences) // 20000)]:
            toks = s.split()
            for i, tok in enumerate(toks):
                core = _CORE.match(tok).group(2)  # type: ignore[union-attr]
                if not core.isalpha() or len(core) < 4:
                    continue
                if core[0].isupper() and i > 0:
                    names.append(core)
                elif core.islower() and core not in STOPWORDS:
                    words.append(core)
        self.words = words or ["thing"]
        self.names = names or ["Smith"]

    def swap(self, toks: list[str], k: int) -> None:
        """Replace ``k`` tokens in place: numbers by numbers, names by names, words by words."""
        rng = self.rng
        for _ in range(k):
            i = rng.randrange(len(toks))
            lead, core, trail = _CORE.match(toks[i]).groups()  # type: ignore[union-attr]
            if not core:
                continue
            if core.isdigit():
                new = str(rng.randrange(1, 100) if len(core) <= 2 else
                          rng.randrange(10 ** (len(core) - 1), 10 ** len(core)))
            elif core[0].isupper() and i > 0:
                new = rng.choice(self.names)
            elif core.isalpha():
                new = rng.choice(self.words)
            else:
                continue
            toks[i] = lead + new + trail


def _finish(toks: list[str]) -> str:
    text = " ".join(toks)
    text = text[:1].upper() + text[1:]
    if text[-1] not in ".!?":
        text = text.rstrip(",;:-") + "."
    return text


def passages(sentences: list[str], n: int, rng: random.Random) -> Iterator[str]:
    """``n`` unique passages: 70% the head of one sentence joined to the tail of another plus
    one swap, 30% one sentence with two or three swaps."""
    pert = _Perturber(sentences, rng)
    seen: set[int] = set(hash(s) for s in sentences)  # never emit an untouched original
    made = 0
    while made < n:
        a = rng.choice(sentences).split()
        if rng.random() < 0.7:
            b = rng.choice(sentences).split()
            i = max(2, int(len(a) * rng.uniform(0.4, 0.7)))
            j = min(len(b) - 2, int(len(b) * rng.uniform(0.3, 0.6)))
            toks = a[:i] + b[j:]
            if toks[i - 1][-1:] in ".!?":
                toks[i - 1] = toks[i - 1].rstrip(".!?")
            pert.swap(toks, 1)
        else:
            toks = list(a)
            pert.swap(toks, rng.choice((2, 3)))
        text = _finish(toks)
        h = hash(text)
        if h in seen:
            continue
        seen.add(h)
        made += 1
        yield text


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]  # transpose
    if kind == 1:
        return word[:i] + word[i + 1:]  # drop a letter
    if kind == 2:
        return word[:i] + word[i] + word[i:]  # double a letter
    return word[:i] + rng.choice(_KEYS) + word[i + 1:]  # wrong key


def paraphrase(text: str, rng: random.Random) -> str:
    """A claim a person might write from the passage: number words, a synonym (or two words
    swapped), a typo (two in a long sentence), one word dropped, half the time only 75-95% of
    the sentence, sometimes no final stop."""
    toks = text.split()
    if rng.random() < 0.5 and len(toks) >= 10:
        keep = max(8, round(len(toks) * rng.uniform(0.75, 0.95)))
        first = rng.randrange(len(toks) - keep + 1)
        toks = toks[first:first + keep]
    parts = [list(_CORE.match(t).groups()) for t in toks]  # type: ignore[union-attr]
    for p in parts:  # the first small whole number becomes words
        if p[1].isdigit() and len(p[1]) <= 2 and not p[2].startswith("%"):
            p[1] = number_words(int(p[1]))
            break
    syn = [p for p in parts if p[1].lower() in SYNONYMS]
    if syn:
        p = rng.choice(syn)
        new = SYNONYMS[p[1].lower()]
        p[1] = new.capitalize() if p[1][0].isupper() else new
    elif len(parts) > 3:
        i = rng.randrange(1, len(parts) - 2)
        parts[i][1], parts[i + 1][1] = parts[i + 1][1], parts[i][1]
    long = [p for p in parts if len(p[1]) >= 5 and p[1].isalpha()]
    for p in rng.sample(long, min(len(long), 1 if len(parts) < 16 else 2)):
        p[1] = _typo(p[1], rng)
    if len(parts) > 6:
        del parts[rng.randrange(1, len(parts) - 1)]
    out = " ".join("".join(p) for p in parts)
    out = out[:1].upper() + out[1:]
    if rng.random() < 0.5:
        out = out.rstrip(".")
    return out


def _single_passage(text: str) -> bool:
    """True when verify's splitter keeps ``text`` as one passage, so the gold is exact."""
    src = Source(id="x", path="x", title="", sha256="", text=text)
    ps = split_passages(src)
    return len(ps) == 1 and ps[0].text == text


def build(out_dir: Path, n_passages: int, n_claims: int, claims_csv: Path, gold_path: Path,
          roots: list[Path], seed: int = 1, per_file: int = 80, per_dir: int = 100) -> dict:
    """Write the corpus as ``per_file`` passages per .txt file (one sentence per line, a blank
    line between paragraphs of 3-7), then the claims and the gold. Returns a summary."""
    rng = random.Random(seed)
    sentences = base_sentences(roots)
    if not sentences:
        raise SystemExit(f"no source text found under {', '.join(map(str, roots))}")
    picked = set(rng.sample(range(n_passages), min(n_claims, n_passages)))
    golds: list[Gold] = []
    carry = 0  # a picked passage the splitter would cut in two passes its turn on
    out_dir.mkdir(parents=True, exist_ok=True)
    file_no, in_file, fh = -1, per_file, None
    line = offset = 0
    para_left = 0
    for k, text in enumerate(passages(sentences, n_passages, rng)):
        if in_file >= per_file:
            if fh:
                fh.close()
            file_no += 1
            rel = f"d{file_no // per_dir:04d}/f{file_no:06d}.txt"
            path = out_dir / rel
            path.parent.mkdir(exist_ok=True)
            fh = open(path, "w", encoding="utf-8", newline="\n")
            in_file, line, offset, para_left = 0, 1, 0, rng.randint(3, 7)
        if para_left == 0:
            fh.write("\n")
            line, offset, para_left = line + 1, offset + 1, rng.randint(3, 7)
        if k in picked or carry:
            if _single_passage(text):
                golds.append(Gold("", f"{out_dir.name}/{rel}", line,
                                  offset, text, ""))
                carry -= k not in picked
            else:
                carry += k in picked
        fh.write(text + "\n")
        line, offset = line + 1, offset + len(text) + 1
        in_file += 1
        para_left -= 1
    if fh:
        fh.close()
    crng = random.Random(seed + 1)
    crng.shuffle(golds)
    with open(claims_csv, "w", encoding="utf-8", newline="") as cf, \
            open(gold_path, "w", encoding="utf-8") as gf:
        w = csv.writer(cf)
        w.writerow(["id", "claim"])
        for i, g in enumerate(golds, 1):
            g.id = f"c{i:05d}"
            g.claim = paraphrase(g.text, crng)
            w.writerow([g.id, g.claim])
            gf.write(json.dumps(asdict(g), ensure_ascii=False) + "\n")
    return {"passages": n_passages, "files": file_no + 1, "claims": len(golds),
            "base_sentences": len(sentences), "seed": seed, "version": GENERATOR_VERSION}


def read_gold(path: Path) -> list[Gold]:
    with open(path, encoding="utf-8") as f:
        return [Gold(**json.loads(line)) for line in f if line.strip()]
