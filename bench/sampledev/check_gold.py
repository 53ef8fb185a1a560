#!/usr/bin/env python3
"""Sanity checks for the sample dev set (stdlib only).

- every quote in gold.csv supports/contradicts is a verbatim substring
  (after collapsing whitespace) of some article in /work/shared/seeds
- quotes are 3-12 words; claims are 6-25 words
- ids in claims.csv, gold.csv and claim_meta.csv match, are s001.. in order
- verdict-specific rules (supported needs supports, contradicted needs
  contradicts, unverified has neither)
- claim_meta source names an existing seed file
Prints verdict counts; exits non-zero on any problem.
"""
import csv
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = os.environ.get("SAMPLEDEV_SOURCES", os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "seeds"))
VERDICTS = {"supported", "contradicted", "disputed", "unverified"}


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def read(name):
    with open(os.path.join(HERE, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main():
    errors = []
    docs = {}
    for fn in sorted(os.listdir(SEEDS)):
        with open(os.path.join(SEEDS, fn), encoding="utf-8") as f:
            docs[fn] = norm(f.read())

    claims, gold, meta = read("claims.csv"), read("gold.csv"), read("claim_meta.csv")
    ids_c = [r["id"] for r in claims]
    ids_g = [r["id"] for r in gold]
    ids_m = [r["id"] for r in meta]
    expected = [f"s{i:03d}" for i in range(1, len(ids_c) + 1)]
    if ids_c != expected:
        errors.append("claims.csv ids are not s001..sNNN in order")
    if len(set(ids_c)) != len(ids_c):
        errors.append("duplicate ids in claims.csv")
    if ids_c != ids_g:
        errors.append("claims.csv and gold.csv ids differ")
    if ids_c != ids_m:
        errors.append("claims.csv and claim_meta.csv ids differ")

    seen_claims = set()
    for r in claims:
        n = len(r["claim"].split())
        if not 6 <= n <= 25:
            errors.append(f"{r['id']}: claim has {n} words")
        if r["claim"] in seen_claims:
            errors.append(f"{r['id']}: duplicate claim text")
        seen_claims.add(r["claim"])
        # supported claims must not copy a whole sentence: flag long verbatim overlap
        cl = norm(r["claim"]).rstrip(".")
        if any(cl in d for d in docs.values()):
            errors.append(f"{r['id']}: claim text appears verbatim in an article")

    src_of = {r["id"]: r["source"] for r in meta}
    for r in meta:
        if r["source"] not in docs:
            errors.append(f"{r['id']}: unknown source {r['source']}")

    counts = Counter()
    for r in gold:
        cid, v = r["id"], r["verdict"]
        counts[v] += 1
        if v not in VERDICTS:
            errors.append(f"{cid}: bad verdict {v!r}")
        sup = [q.strip() for q in r["supports"].split(" | ") if q.strip()]
        con = [q.strip() for q in r["contradicts"].split(" | ") if q.strip()]
        if v == "supported" and (not sup or con):
            errors.append(f"{cid}: supported needs supports and no contradicts")
        if v == "contradicted" and (not con or sup):
            errors.append(f"{cid}: contradicted needs contradicts and no supports")
        if v == "unverified" and (sup or con):
            errors.append(f"{cid}: unverified must have empty quotes")
        if v == "disputed" and not (sup and con):
            errors.append(f"{cid}: disputed needs both supports and contradicts")
        for q in sup + con:
            nq = norm(q)
            w = len(nq.split())
            if not 3 <= w <= 12:
                errors.append(f"{cid}: quote has {w} words: {q!r}")
            hits = [fn for fn, d in docs.items() if nq in d]
            if not hits:
                errors.append(f"{cid}: quote not found verbatim: {q!r}")
            elif src_of.get(cid) not in hits:
                errors.append(f"{cid}: quote found only in {hits}, not in source {src_of.get(cid)}")

    print("claims:", len(claims))
    for v in ["supported", "contradicted", "disputed", "unverified"]:
        print(f"  {v:13s} {counts[v]}")
    print("per source:", dict(sorted(Counter(src_of.values()).items())))
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  -", e)
        sys.exit(1)
    print("OK: all quotes verbatim, ids consistent")


if __name__ == "__main__":
    main()
