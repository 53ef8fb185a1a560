#!/usr/bin/env python3
"""Sanity-check the newsdev gold file (stdlib only).

* every quote in gold.csv `supports` / `contradicts` (split on ' | ') must be a
  verbatim substring of at least one file in sources/ after collapsing whitespace;
* ids in gold.csv and claims.csv must match one-to-one (same order not required);
* verdicts must be one of supported/contradicted/disputed/unverified, with quotes
  consistent with the verdict;
* if claim_meta.csv exists, each quote must come from the claim's listed source;
* prints counts per verdict (and per source file if claim_meta.csv exists).
Exit status 1 on any error.
"""
import csv
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
VERDICTS = {"supported", "contradicted", "disputed", "unverified"}


def norm(s):
    return " ".join(s.split())


def load_csv(name):
    with open(os.path.join(HERE, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main():
    errors = []
    src_dir = os.environ.get("NEWSDEV_SOURCES", os.path.join(HERE, "..", "..", "build", "newsdev", "sources"))
    if not os.path.isdir(src_dir) or not os.listdir(src_dir):
        sys.exit("sources/ missing or empty -- run make_sources.py first")
    sources = {}
    for fn in sorted(os.listdir(src_dir)):
        if fn.endswith(".txt"):
            with open(os.path.join(src_dir, fn), encoding="utf-8") as f:
                sources[fn] = norm(f.read())

    claims = load_csv("claims.csv")
    gold = load_csv("gold.csv")
    cids = [r["id"] for r in claims]
    gids = [r["id"] for r in gold]
    for name, ids in (("claims.csv", cids), ("gold.csv", gids)):
        dup = [i for i, n in Counter(ids).items() if n > 1]
        if dup:
            errors.append("%s: duplicate ids %s" % (name, dup))
    if set(cids) != set(gids):
        errors.append("id mismatch: only in claims %s; only in gold %s"
                      % (sorted(set(cids) - set(gids)), sorted(set(gids) - set(cids))))
    for r in claims:
        if not r["claim"].strip():
            errors.append("%s: empty claim" % r["id"])

    meta_path = os.path.join(HERE, "claim_meta.csv")
    src_of = {}
    if os.path.exists(meta_path):  # optional: id -> intended source file
        src_of = {r["id"]: r["source"] + ".txt" for r in load_csv("claim_meta.csv")}
        for i, fn in src_of.items():
            if fn not in sources:
                errors.append("%s: claim_meta source %s not in sources/" % (i, fn))

    for r in gold:
        v = r["verdict"].strip()
        if v not in VERDICTS:
            errors.append("%s: bad verdict %r" % (r["id"], v))
        fields = {}
        for col in ("supports", "contradicts"):
            qs = [q.strip() for q in (r.get(col) or "").split(" | ") if q.strip()]
            fields[col] = qs
            for q in qs:
                hits = [fn for fn, t in sources.items() if norm(q) in t]
                if not hits:
                    errors.append("%s: %s quote not found verbatim: %r" % (r["id"], col, q))
                elif r["id"] in src_of and src_of[r["id"]] not in hits:
                    errors.append("%s: quote %r not in its claim_meta source %s"
                                  % (r["id"], q, src_of[r["id"]]))
        s, c = fields["supports"], fields["contradicts"]
        if v == "supported" and (not s or c):
            errors.append("%s: supported needs supports quotes and no contradicts" % r["id"])
        if v == "contradicted" and (not c or s):
            errors.append("%s: contradicted needs contradicts quotes and no supports" % r["id"])
        if v == "disputed" and not (s and c):
            errors.append("%s: disputed needs both supports and contradicts" % r["id"])
        if v == "unverified" and (s or c):
            errors.append("%s: unverified must have no quotes" % r["id"])

    counts = Counter(r["verdict"].strip() for r in gold)
    print("claims: %d   sources: %d" % (len(claims), len(sources)))
    for v in ("supported", "contradicted", "disputed", "unverified"):
        print("  %-13s %3d" % (v, counts.get(v, 0)))
    if src_of:
        per = Counter(r["source"] for r in load_csv("claim_meta.csv"))
        missing = [fn[:-4] for fn in sources if fn[:-4] not in per]
        print("claims per source: min %d, max %d%s" % (min(per.values()), max(per.values()),
              ("; sources without claims: %s" % missing) if missing else ""))
    if errors:
        print("\n%d ERROR(S):" % len(errors))
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("OK: all quotes verbatim, ids consistent.")


if __name__ == "__main__":
    main()
