"""Sanity checks for draft.md / draft-gold.csv (does not run the tool)."""
import collections
import csv
import re
import unicodedata
from pathlib import Path

# written by bench/newsdev/make_sources.py
SRC = str(Path(__file__).resolve().parents[2] / "build/newsdev/sources") + "/"
def norm(t):
    t = unicodedata.normalize("NFKC", t)
    t = t.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                                   "\u2014": "-"}))
    return re.sub(r"\s+", " ", t).strip().casefold()
draft = open("draft.md", encoding="utf-8").read()
rows = list(csv.DictReader(open("draft-gold.csv", newline="", encoding="utf-8")))
print(len(rows), "rows", dict(collections.Counter(r["expected"] for r in rows)))
sents = re.split(r'(?<=[.?!"])\s+(?=["A-Z#])', draft)
ok = True
for r in rows:
    s = r["snippet"]
    n = draft.count(s)
    w = len(s.split())
    ins = [x for x in sents if s in x]
    if n != 1 or len(ins) != 1 or not 5 <= w <= 15:
        ok = False
        print("BAD", n, w, len(ins), s)
for x in sents:
    k = [r["snippet"] for r in rows if r["snippet"] in x]
    if len(k) > 1:
        ok = False
        print("MULTI", k)
srcs = {f: norm(open(SRC + f, encoding="utf-8").read()) for f in
        ["disney-plus.txt", "alibaba-hk.txt", "pge-shutoff.txt"]}
def where(q):
    return [f for f, t in srcs.items() if norm(q) in t]
checks = {  # quote text as written in the draft -> expectation
    "Operating is a lot different than a strategy role": True,
    "We will see the industry shake out a bit": True,
    "This lack of rain is keeping the threat of fire very real, this late in the season, in many areas": True,
    "We want to serve consumers the way they wish to be served": True,
    "We won't roll the dice on public safety": True,
    "We've never had demand like we saw that day, and we don't expect to see it again": False,
    "lack of service is not a mere inconvenience, it endangers businesses": False,
}
for q, want in checks.items():
    got = where(q)
    print(("OK " if bool(got) == want else "BAD"), want, got, q[:60])
    ok &= bool(got) == want
print("ALL OK" if ok else "PROBLEMS")
