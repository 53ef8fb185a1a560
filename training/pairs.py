"""Training pairs for the stance cross-encoder: (passage, claim, label), label in E / N / C.

Every pair comes from data whose licence allows shipping derived weights (see
``../shared/datasets/nli/README.md``) or is made here from real sentences:

- public NLI and fact-verification pairs: SNLI dev+test, MNLI dev-matched, FEVER dev (gold
  evidence), FEVER-Symmetric v0.2 dev, Breaking-NLI (subsampled), WiCE dev, SciFact train;
- synthetic contrastive pairs from news sentences (the sample corpus and the human gold text of
  the article-extraction pages): a claim compressed from its sentence (E), the same claim with a
  number, year, month, name, polarity or direction changed (C), a neighbouring sentence's claim
  and the full sentence against its compressed form (N).

Never read: ``eval/`` test splits, VitaminC (its sample is the evaluation set), Climate-FEVER
(all of it is evaluation), and the non-commercial or unlicensed sets of ``nli/``.

    python training/pairs.py --shared ../shared --out build/pairs.jsonl

Deterministic for a given ``--seed``.
"""
from __future__ import annotations

import argparse
import glob
import hashlib
import json
import os
import random
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

E, N, C = "E", "N", "C"
Pair = tuple[str, str, str, str]  # passage, claim, label, origin

# --------------------------------------------------------------------------- public pairs


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _detok(s: str) -> str:
    """SNLI/FEVER text is tokenised ('packages .', '`` Babyface ''', '-LRB-'): undo it."""
    s = s.replace("-LRB-", "(").replace("-RRB-", ")").replace("-LSB-", "[").replace("-RSB-", "]")
    s = s.replace("``", '"').replace("''", '"')
    s = re.sub(r"\s+([.,;:!?%)\]'])", r"\1", s)
    s = re.sub(r"([(\[$])\s+", r"\1", s)
    s = re.sub(r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", s)
    return " ".join(s.split())


_NLI = {"entailment": E, "neutral": N, "contradiction": C}


def snli(root: Path) -> Iterator[Pair]:
    d = root / "nli/snli-dev-test"
    for split in ("dev", "test"):
        for s1, s2, lab in zip(_lines(d / f"s1.{split}"), _lines(d / f"s2.{split}"),
                               _lines(d / f"labels.{split}")):
            if lab.strip() in _NLI:
                yield _detok(s1), _detok(s2), _NLI[lab.strip()], "snli"


def mnli(root: Path) -> Iterator[Pair]:
    rows = _lines(root / "nli/mnli-dev-matched/mnli_development_set_number_of_correct_responses.txt")
    for row in rows[1:]:
        cols = row.split("\t")
        if len(cols) >= 4 and cols[3] in _NLI:
            yield cols[1], cols[2], _NLI[cols[3]], "mnli"


def fever(root: Path, rng: random.Random) -> Iterator[Pair]:
    d = root / "nli/fever-dev-rte"
    rows = list(zip(_lines(d / "dev.raw.input0"), _lines(d / "dev.raw.input1"), _lines(d / "dev.label")))
    by_word: dict[str, list[int]] = {}
    for i, (_ev, claim, _lab) in enumerate(rows):
        for w in set(re.findall(r"\b[A-Z][a-z]{3,}\b", claim)):
            by_word.setdefault(w, []).append(i)
    for i, (ev, claim, lab) in enumerate(rows):
        yield _detok(ev), claim.strip(), E if lab.strip() == "entailment" else C, "fever"
        # the evidence for another claim that shares a name is about the subject, not the claim
        # (only for supported claims: a refuted one is often refuted by that evidence too)
        names = sorted(set(re.findall(r"\b[A-Z][a-z]{3,}\b", claim)))
        if names and lab.strip() == "entailment" and rng.random() < 0.5:
            others = [j for j in by_word[rng.choice(names)] if _detok(rows[j][0]) != _detok(ev)]
            if others:
                yield _detok(rows[rng.choice(others)][0]), claim.strip(), N, "fever-other"


def fever_symmetric(root: Path) -> Iterator[Pair]:
    for line in _lines(root / "nli/fever-symmetric/v0.2_fever_symmetric_dev.jsonl"):
        r = json.loads(line)
        lab = {"SUPPORTS": E, "REFUTES": C}.get(r.get("gold_label") or r.get("label"))
        if lab:
            yield _detok(r["evidence"]), _detok(r["claim"]), lab, "fever-sym"


def breaking_nli(root: Path, rng: random.Random, keep: int = 3000) -> Iterator[Pair]:
    rows = [json.loads(x) for x in _lines(root / "nli/breaking-nli/dataset.jsonl")]
    rng.shuffle(rows)
    for r in rows[:keep]:
        if r["gold_label"] in _NLI:
            yield r["sentence1"], r["sentence2"], _NLI[r["gold_label"]], "breaking-nli"


def wice(root: Path, rng: random.Random) -> Iterator[Pair]:
    for line in _lines(root / "nli/wice/claim_dev.jsonl"):
        r = json.loads(line)
        ev = r["evidence"]
        cited = sorted({i for group in r.get("supporting_sentences", []) for i in group})
        if r["label"] == "supported" and cited:
            for group in r["supporting_sentences"][:2]:
                text = " ".join(ev[i] for i in group if i < len(ev))
                if text:
                    yield text, r["claim"], E, "wice"
        # a sentence of the cited page that is not among the support states something else
        others = [s for i, s in enumerate(ev) if i not in cited and len(s.split()) >= 8]
        if others:
            yield rng.choice(others), r["claim"], N, "wice"


def scifact_train(root: Path, rng: random.Random) -> Iterator[Pair]:
    corpus = {}
    for line in _lines(root / "scifact/corpus.jsonl"):
        doc = json.loads(line)
        corpus[str(doc["doc_id"])] = doc["abstract"]
    for line in _lines(root / "scifact/claims_train.jsonl"):
        r = json.loads(line)
        for doc_id, sets in (r.get("evidence") or {}).items():
            abstract = corpus.get(str(doc_id))
            if not abstract:
                continue
            used: set[int] = set()
            for ev in sets:
                idx = [i for i in ev["sentences"] if i < len(abstract)]
                used.update(idx)
                lab = E if ev["label"].startswith("SUPPORT") else C
                yield " ".join(abstract[i] for i in idx), r["claim"], lab, "scifact"
            rest = [s for i, s in enumerate(abstract) if i not in used]
            if rest:
                yield rng.choice(rest), r["claim"], N, "scifact"
        if not r.get("evidence"):
            for doc_id in r.get("cited_doc_ids", [])[:1]:
                abstract = corpus.get(str(doc_id))
                if abstract:
                    yield rng.choice(abstract), r["claim"], N, "scifact"


# --------------------------------------------------------------------------- news sentences

_SENT = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z0-9])")


def news_documents(root: Path) -> list[list[str]]:
    """Real news text, one list of sentences per article: the sample corpus and the
    human-annotated article bodies of the extraction pages."""
    texts: list[str] = []
    for f in sorted(glob.glob(str(root / "seeds/*.txt"))):
        body = Path(f).read_text(encoding="utf-8")
        if body.startswith("---"):
            body = body.split("---", 2)[-1]
        texts.append(body)
    aeb = json.loads((root / "html/aeb/ground-truth.full.json").read_text(encoding="utf-8"))
    texts += [aeb[k].get("articleBody", "") for k in sorted(aeb)]
    for f in sorted(glob.glob(str(root / "html/newspaper/text/*.txt"))):
        texts.append(Path(f).read_text(encoding="utf-8"))
    docs = []
    for t in texts:
        sents = []
        for para in t.split("\n"):
            for s in _SENT.split(para.strip()):
                s = " ".join(s.split())
                if 6 <= len(s.split()) <= 45 and _english(s) and not s.endswith("?"):
                    sents.append(s)
        if len(sents) >= 3:
            docs.append(sents)
    return docs


_COMMON = frozenset("the of and to in a is was were are for on that with by has have".split())


def _english(s: str) -> bool:
    """A prose sentence in English (the extraction pages hold other languages and captions)."""
    ws = s.lower().split()
    return sum(w in _COMMON for w in ws) >= max(2, len(ws) // 8) and not s.startswith(("“", '"'))


_ATTRIB = re.compile(r"^(?:According to [^,]{3,60}, )|(?:,? (?:he|she|they|it|[A-Z][\w.]+(?: [A-Z][\w.]+)*) "
                     r"(?:said|says|added|told \w+)\.?$)")
_AUX = re.compile(r"\b(is|was|were|are|has|have|had|will|would|can|could|should|did|does|do)\b"
                  r"(?! not\b| no\b|n't)")
_NOT = re.compile(r"\b(is|was|were|are|has|have|had|will|would|can|could|should|did|does|do)(?: not|n't)\b")
_MONTHS = ("January February March April May June July August September October November "
           "December").split()
_NOT_NAMES = frozenset(_MONTHS + "Monday Tuesday Wednesday Thursday Friday Saturday Sunday The This That "
                       "It He She They We In On At But And For A An If As".split())
_NUMBER_WORDS = "two three four five six seven eight nine ten eleven twelve".split()
# direction words: the opposite reading of a claim (training data only; never used at run time)
_OPPOSITES = [("increased", "decreased"), ("rose", "fell"), ("more", "fewer"), ("higher", "lower"),
              ("won", "lost"), ("before", "after"), ("largest", "smallest"), ("first", "last"),
              ("approved", "rejected"), ("allowed", "banned"), ("guilty", "innocent"),
              ("up", "down"), ("gained", "lost"), ("opened", "closed"), ("best", "worst"),
              ("increase", "decrease"), ("rise", "fall"), ("above", "below"), ("early", "late"),
              ("support", "oppose"), ("supported", "opposed"), ("accepted", "refused")]
_OPP = {a: b for a, b in _OPPOSITES} | {b: a for a, b in _OPPOSITES}
_NAME = re.compile(r"(?<!^)(?<![.!?] )\b([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})\b")


def compress(s: str, rng: random.Random) -> str | None:
    """A shorter claim the sentence entails: an attribution, an aside between commas or a
    trailing clause dropped."""
    options = []
    m = _ATTRIB.search(s)
    if m:
        options.append((s[:m.start()] + s[m.end():]).strip(" ,"))
    asides = [m for m in re.finditer(r", ([^,]{4,80}), ", s)]
    for a in asides:
        options.append(s[:a.start()] + " " + s[a.end():])
    for cut in (", which ", ", who ", ", while ", ", but ", ", as ", " because ", ", after ", ", and "):
        i = s.find(cut)
        if i > 25:
            options.append(s[:i])
    options = [" ".join(o.split()).rstrip(" ,;:") for o in options]
    options = [o if o.endswith(".") else o + "." for o in options if len(o.split()) >= 5 and o != s]
    return rng.choice(options) if options else None


def _swap_number(s: str, rng: random.Random) -> str | None:
    nums = list(re.finditer(r"(?<![\w.,])(\d{1,3}(?:,\d{3})*|\d+)(?:\.\d+)?(?![\w])", s))
    words = [m for m in re.finditer(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", s, re.I)]
    if nums:
        m = rng.choice(nums)
        raw = m.group(0).replace(",", "")
        try:
            v = float(raw)
        except ValueError:
            return None
        if 1900 <= v <= 2100 and "." not in raw:
            new = str(int(v) + rng.choice([-3, -2, -1, 1, 2, 4]))
        else:
            factor = rng.choice([0.5, 2, 3, 1.5, 0.3, 10])
            nv = v * factor if v > 3 else v + rng.choice([2, 3, 5])
            new = f"{nv:,.0f}" if nv >= 1000 else (f"{nv:g}" if "." in raw else str(round(nv)))
        if new == m.group(0):
            return None
        return s[:m.start()] + new + s[m.end():]
    if words:
        m = rng.choice(words)
        new = rng.choice([w for w in _NUMBER_WORDS if w != m.group(0).lower()])
        return s[:m.start()] + new + s[m.end():]
    return None


def _swap_month(s: str, rng: random.Random) -> str | None:
    found = [m for m in _MONTHS if re.search(rf"\b{m}\b", s)]
    if not found:
        return None
    m = rng.choice(found)
    return re.sub(rf"\b{m}\b", rng.choice([x for x in _MONTHS if x != m]), s, count=1)


def _negate(s: str, rng: random.Random) -> str | None:
    m = _NOT.search(s)
    if m:  # remove a negation
        return s[:m.start()] + m.group(1) + s[m.end():]
    m = _AUX.search(s)
    if m:
        return s[:m.end()] + " not" + s[m.end():]
    return None


def _opposite(s: str, rng: random.Random) -> str | None:
    hits = [m for m in re.finditer(r"\b\w+\b", s) if m.group(0).lower() in _OPP]
    if not hits:
        return None
    m = rng.choice(hits)
    new = _OPP[m.group(0).lower()]
    if m.group(0)[0].isupper():
        new = new.capitalize()
    return s[:m.start()] + new + s[m.end():]


def _swap_name(s: str, doc: list[str], rng: random.Random) -> str | None:
    mine = [m for m in _NAME.finditer(s) if m.group(1).split()[0] not in _NOT_NAMES]
    if not mine:
        return None
    pool = sorted({m.group(1) for t in doc for m in _NAME.finditer(t)
                   if m.group(1).split()[0] not in _NOT_NAMES and m.group(1) not in s})
    if not pool:
        return None
    m = rng.choice(mine)
    return s[:m.start(1)] + rng.choice(pool) + s[m.end(1):]


_CHANGES = [_swap_number, _swap_number, _swap_month, _negate, _opposite]


def synthetic(docs: list[list[str]], rng: random.Random) -> Iterator[Pair]:
    for doc in docs:
        for i, s in enumerate(doc):
            # the passage is sometimes read with the sentence before it, as at run time
            passage = (doc[i - 1] + " " + s) if i and rng.random() < 0.3 else s
            claim = compress(s, rng) or s
            if claim != s:
                yield passage, claim, E, "syn-compress"
                if rng.random() < 0.5:  # the claim says more than the shortened passage
                    yield claim, s, N, "syn-more"
            elif rng.random() < 0.3:
                yield passage, s, E, "syn-same"
            changes = list(_CHANGES)
            rng.shuffle(changes)
            for change in changes:
                changed = change(claim, rng)
                if changed and changed != claim:
                    yield passage, changed, C, f"syn-{change.__name__.strip('_')}"
                    break
            if rng.random() < 0.35:
                changed = _swap_name(claim, doc, rng)
                if changed and changed != claim:
                    yield passage, changed, C, "syn-name"
            j = i + rng.choice([-2, -1, 1, 2])
            if 0 <= j < len(doc) and rng.random() < 0.6:
                other = compress(doc[j], rng) or doc[j]
                yield s, other, N, "syn-neighbour"


def reference_documents(root: Path, rng: random.Random) -> list[list[str]]:
    """Encyclopaedic and scientific sentences for a second round of contrastive pairs: FEVER's
    Wikipedia evidence (grouped five lines at a time: neighbours there are other topics) and
    the abstracts that SciFact's train claims cite (never the abstracts of dev or test
    claims)."""
    lines = sorted({_detok(x) for x in _lines(root / "nli/fever-dev-rte/dev.raw.input0")})
    rng.shuffle(lines)
    sents = [s for line in lines for s in _SENT.split(line) if 6 <= len(s.split()) <= 45]
    docs = [sents[i:i + 5] for i in range(0, len(sents), 5)]
    corpus = {str(json.loads(x)["doc_id"]): json.loads(x)["abstract"]
              for x in _lines(root / "scifact/corpus.jsonl")}
    cited = sorted({str(d) for x in _lines(root / "scifact/claims_train.jsonl")
                    for d in json.loads(x).get("cited_doc_ids", [])})
    docs += [[s for s in corpus[d] if 6 <= len(s.split()) <= 45] for d in cited if d in corpus]
    return [d for d in docs if len(d) >= 3]


# --------------------------------------------------------------------------- assembly


def build(shared: Path, seed: int) -> list[dict]:
    rng = random.Random(seed)
    data = shared / "datasets"
    pairs: list[Pair] = []
    for source in (snli(data), mnli(data), fever(data, rng), fever_symmetric(data),
                   breaking_nli(data, rng), wice(data, rng), scifact_train(data, rng),
                   synthetic(news_documents(shared), rng)):
        pairs.extend(p for p in source if p[0].strip() and p[1].strip())
    return _dedupe_shuffle(pairs, rng)


def build_round2(shared: Path, seed: int, first: list[dict], held: int,
                 keep_first: int = 40_000, reference: int = 20_000) -> list[dict]:
    """The second epoch: ``keep_first`` of the first round's training pairs (its held-out ones
    excluded) and ``reference`` contrastive pairs from encyclopaedic and scientific sentences,
    reshuffled."""
    rng = random.Random(seed + 1)
    held_keys = {(r["passage"], r["claim"]) for r in first[:held]}
    pairs: list[Pair] = [(r["passage"], r["claim"], r["label"], r["origin"])
                         for r in first[held:held + keep_first]]
    made = [p for p in synthetic(reference_documents(shared / "datasets", rng), rng)
            if (p[0], p[1]) not in held_keys]
    rng.shuffle(made)
    return _dedupe_shuffle(pairs + made[:reference], rng)


def build_round3(first: list[dict], held: int, seed: int, n: int) -> list[dict]:
    """The third epoch: ``n`` of the first round's human-written training pairs (no synthetic
    ones, none held out), drawn at random."""
    rng = random.Random(seed + 2)
    human = [r for r in first[held:] if not r["origin"].startswith("syn")]
    return rng.sample(human, min(n, len(human)))


REWORDED = Path(__file__).resolve().parent / "data/reworded.jsonl"
BOUND = Path(__file__).resolve().parent / "data/bound.jsonl"


SOURCE_FILES = {"mnli-dev-matched": "mnli-dev-matched/mnli_development_set_number_of_correct_responses.txt",
                "fever-dev-rte": "fever-dev-rte/dev.raw.input0"}


def source_text(source: str, line: str) -> str | None:
    """The sentence a line of a ``SOURCE_FILES`` file holds: an MNLI row's premise, a FEVER
    evidence line detokenised (None for a row with no premise, such as MNLI's header)."""
    if source == "mnli-dev-matched":
        cols = line.split("\t")
        return " ".join(cols[1].split()) if len(cols) > 2 and cols[0] != "index" else None
    return _detok(line)


def _source_sentence(shared: Path, source: str, at: int, cache: dict) -> str:
    if source not in cache:
        cache[source] = _lines(shared / "datasets/nli" / SOURCE_FILES[source])
    text = source_text(source, cache[source][at])
    assert text is not None, f"{source} line {at} holds no sentence"
    return text


def reworded(shared: Path, path: Path = REWORDED, origin: str = "reworded") -> list[dict]:
    """The reworded claims of ``training/data/reworded.jsonl`` (see its README): for each real
    sentence, two claims it states in other words, one it refutes, one it leaves open. The file
    names each sentence by its place in ``../shared/datasets/nli``; the text is read from there."""
    out = []
    cache: dict[str, list[str]] = {}
    for line in _lines(path):
        r = json.loads(line)
        sentence = _source_sentence(shared, r["source"], r["at"], cache)
        for key, label in (("entails", E), ("contradicts", C), ("neutral", N)):
            for claim in r.get(key, []):
                out.append({"passage": sentence, "claim": " ".join(claim.split()), "label": label,
                            "origin": origin, "sentence_id": r["id"]})
    return out


def build_round4(first: list[dict], held: int, seed: int, rewritten: list[dict],
                 held_sentences: int, human: int, synthetic_n: int) -> tuple[list[dict], list[dict]]:
    """The fourth epoch: the reworded pairs (those of ``held_sentences`` sentences held out),
    with ``human`` human-written and ``synthetic_n`` synthetic pairs of round 1 replayed so
    that what the model learnt there stays. Returns (train, held-out reworded pairs)."""
    rng = random.Random(seed + 3)
    ids = sorted({r["sentence_id"] for r in rewritten})
    rng.shuffle(ids)
    out_ids = set(ids[:held_sentences])
    held_out = [r for r in rewritten if r["sentence_id"] in out_ids]
    train = [r for r in rewritten if r["sentence_id"] not in out_ids]
    rest = first[held:]
    pool_h = [r for r in rest if not r["origin"].startswith("syn")]
    pool_s = [r for r in rest if r["origin"].startswith("syn")]
    pairs: list[Pair] = [(r["passage"], r["claim"], r["label"], r["origin"]) for r in
                         train + rng.sample(pool_h, min(human, len(pool_h)))
                         + rng.sample(pool_s, min(synthetic_n, len(pool_s)))]
    return _dedupe_shuffle(pairs, rng), held_out


def _dedupe_shuffle(pairs: list[Pair], rng: random.Random) -> list[dict]:
    seen: set[tuple[str, str]] = set()
    out = []
    for passage, claim, label, origin in pairs:
        key = (passage, claim)
        if key in seen:
            continue
        seen.add(key)
        out.append({"passage": passage, "claim": claim, "label": label, "origin": origin})
    rng.shuffle(out)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--out", type=Path, default=Path("build/pairs.jsonl"))
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    rows = build(args.shared, args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    digest = hashlib.sha256(args.out.read_bytes()).hexdigest()
    print(f"{len(rows)} pairs -> {args.out} (sha256 {digest[:16]})")
    for (origin, label), n in sorted(Counter((r["origin"], r["label"]) for r in rows).items()):
        print(f"  {origin:16} {label} {n}")
    os.sync() if hasattr(os, "sync") else None


if __name__ == "__main__":
    main()
