#!/usr/bin/env python3
"""Rebuild the newsdev corpus (sources/*.txt) from the gold article texts in
/work/shared/html.  Stdlib only.  The repository stores only this script and
the list of MANIFEST keys below -- never the article text itself.

Each output file: first line = title, blank line, then the body text.

Gold text per folder:
  aeb          ground-truth.selected.json[<hash>]['articleBody']  (human-annotated body)
  newspaper    text/<name>.txt                                    (expected body text)
  readability  <case>/expected.html (+ expected-metadata.json)    (expected readable HTML -> text)
  trafilatura  evaldata.selected.json only has must-contain snippets, not full text, so the
               body is the run of <p> paragraphs of html/<file> between two anchor strings;
               the script asserts that every gold 'with' snippet is contained in the result.
"""
import csv
import json
import os
import re
import sys
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
# the team's shared folder sits beside the repository: <repo>/../shared/html
ROOT = os.environ.get("NEWSDEV_HTML", os.path.join(HERE, "..", "..", "..", "shared", "html"))
# the corpus is built outside the tracked tree: <repo>/build/newsdev/sources
OUT = os.environ.get("NEWSDEV_SOURCES", os.path.join(HERE, "..", "..", "build", "newsdev", "sources"))

# short-name -> MANIFEST key: the `gold` column (before any space; aeb hashes may
# be abbreviated) or, for trafilatura pages whose gold column is shared, the
# `html_path` column; trafilatura pages also give (start anchor, end anchor,
# paragraph prefixes to drop).
SELECTION = [
    # --- aeb (human-annotated article bodies; key = gold column, hash abbreviated) ---
    ("disney-plus",     "aeb/ground-truth.selected.json#098bb3e96c0a"),   # latimes.com
    ("meth-campaign",   "aeb/ground-truth.selected.json#156770d676ce"),   # thehill.com
    ("alibaba-hk",      "aeb/ground-truth.selected.json#360c732d1fdb"),   # cityam.com
    ("duvet-lung",      "aeb/ground-truth.selected.json#7bb1ca903543"),   # gizmodo.com
    ("plague-hunter",   "aeb/ground-truth.selected.json#8b1945303082"),   # thesun.co.uk
    ("euro2020",        "aeb/ground-truth.selected.json#9a440270bf86"),   # cbssports.com
    ("taliban-swap",    "aeb/ground-truth.selected.json#a1fca19b884e"),   # nypost.com
    ("pge-shutoff",     "aeb/ground-truth.selected.json#d0382c0d9573"),   # timesunion.com (AP)
    # --- readability (expected readable HTML) ---
    ("obama-guns",      "readability/bbc-1/expected.html"),
    ("sudan-sanctions", "readability/nytimes-1/expected.html"),
    ("mugabe-coup",     "readability/telegraph/expected.html"),
    ("bardo-attack",    "readability/wapo-1/expected.html"),
    ("halibut",         "readability/seattletimes-1/expected.html"),
    ("minecraft",       "readability/ars-1/expected.html"),
    # --- newspaper (expected body text) ---
    ("jobs-states",     "newspaper/text/bloomberg.com1.txt"),
    ("winter-storm",    "newspaper/text/cnn.txt"),
    ("violent-year",    "newspaper/text/foxnews.com1.txt"),
    ("pew-immigration", "newspaper/text/pewresearch.org1.txt"),
    ("airasia",         "newspaper/text/reuters.com3.txt"),
    ("candidate-visits","newspaper/text/usnews.com1.txt"),
    # --- trafilatura (key = html_path; body = <p> paragraphs between anchors) ---
    ("kobe-masks",      "trafilatura/html/japantimes.co.jp.surgical.html",
                        ("KOBE – A total of", "a shortage of face masks",
                         ("RELATED STORIES", "Do masks offer", "Hoarding and price-gouging",
                          "Wanted Chinese man", "Japan gets creative"))),
    ("texas-trs",       "trafilatura/html/kxan.com-Voters.html",
                        ("AUSTIN (KXAN)", "turnover is far more expensive", ())),
    ("nycha-vote",      "trafilatura/html/citylimits.org-Nycha.html",
                        ("This City Limits video delves", "Email vote@NYCHA.nyc.gov",
                         ("RSVP for", "Are you a Nostrand tenant"))),
    ("bvi-premier",     "trafilatura/html/stluciatimes.com-dea.html",
                        ("British Virgin Islands (BVI) Governor", "He also urged calm and patience", ())),
]


BLOCK = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
         "blockquote", "br", "tr", "table", "figure", "figcaption", "section", "article", "pre"}


def norm(s):
    return " ".join(s.split())


class BlockText(HTMLParser):
    """HTML -> text with one line per block element."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.buf, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "noscript"):
            self.skip += 1
        if tag in BLOCK:
            self.buf.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "noscript"):
            self.skip = max(0, self.skip - 1)
        if tag in BLOCK:
            self.buf.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.buf.append(data)

    def text(self):
        lines = [norm(line) for line in "".join(self.buf).split("\n")]
        return "\n\n".join(line for line in lines if line)


class Paras(HTMLParser):
    """Collect the text of every <p> element (a <br> inside one splits it)."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paras, self.cur, self.skip = [], None, 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        if tag == "p":
            self.cur = []
        elif tag == "br" and self.cur is not None:
            self.cur.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        if tag == "p" and self.cur is not None:
            for t in "".join(self.cur).split("\n"):
                t = norm(t)
                if t:
                    self.paras.append(t)
            self.cur = None

    def handle_data(self, data):
        if self.cur is not None and not self.skip:
            self.cur.append(data)


def read(path):
    with open(os.path.join(ROOT, path), encoding="utf-8", errors="replace") as f:
        return f.read()


def html_title(html):
    m = re.search(r"<title[^>]*>(.*?)</title>", html, re.S | re.I)
    if not m:
        return ""
    p = BlockText()
    p.feed(m.group(1))
    return norm(p.text())


_json_cache = {}
def load_json(path):
    if path not in _json_cache:
        _json_cache[path] = json.loads(read(path))
    return _json_cache[path]


def manifest():
    rows = {}
    with open(os.path.join(ROOT, "MANIFEST.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["source"] == "trafilatura":
                rows[r["html_path"]] = r
            else:
                rows[r["gold"].split(" ")[0]] = r
    return rows


def lookup(rows, key):
    """Find the manifest row for a (possibly abbreviated aeb-hash) key."""
    if key in rows:
        return rows[key]
    hits = [r for k, r in rows.items() if k.startswith(key)]
    if len(hits) != 1:
        sys.exit("key %r matches %d MANIFEST rows" % (key, len(hits)))
    return hits[0]


def build(rows, name, key, extra=None):
    row = lookup(rows, key)
    gold = row["gold"].split(" ")[0]
    src = row["source"]
    if src == "aeb":
        path, h = gold.split("#", 1)
        body = load_json(path)[h]["articleBody"]
        title = html_title(read(row["html_path"]))
        paras = [norm(p) for p in body.split("\n")]
        body = "\n\n".join(p for p in paras if p)
    elif src == "newspaper":
        title = html_title(read(row["html_path"]))
        paras = [norm(p) for p in read(gold).split("\n")]
        body = "\n\n".join(p for p in paras if p)
    elif src == "readability":
        meta = json.loads(read(os.path.join(os.path.dirname(gold), "expected-metadata.json")))
        title = norm(meta.get("title") or "")
        p = BlockText()
        p.feed(read(gold))
        body = p.text()
    elif src == "trafilatura":
        fname = os.path.basename(row["html_path"])
        entries = [v for v in load_json(gold).values() if v.get("file") == fname]
        if len(entries) != 1:
            sys.exit("%s: %d evaldata entries for %s" % (name, len(entries), fname))
        entry = entries[0]
        start, end, drop = extra
        p = Paras()
        p.feed(read(row["html_path"]))
        i = next(n for n, t in enumerate(p.paras) if start in t)
        j = next(n for n, t in enumerate(p.paras) if end in t)
        paras = [t for t in p.paras[i:j + 1] if not t.startswith(drop or ("\0",))]
        body = "\n\n".join(paras)
        title = norm(entry.get("title") or html_title(read(row["html_path"])))
        for snip in entry.get("with", []):
            if norm(snip) not in norm(body):
                sys.exit("%s: gold snippet missing from extracted body: %r" % (name, snip))
    else:
        sys.exit("unknown source " + src)
    title = title or "(untitled) " + (row.get("original_url") or row["html_path"])
    return title + "\n\n" + body.strip() + "\n"


def main():
    rows = manifest()
    os.makedirs(OUT, exist_ok=True)
    for old in os.listdir(OUT):
        if old.endswith(".txt"):
            os.remove(os.path.join(OUT, old))
    for item in SELECTION:
        name, key = item[0], item[1]
        text = build(rows, name, key, item[2] if len(item) > 2 else None)
        with open(os.path.join(OUT, name + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
        print("%-18s %6d chars  <- %s" % (name, len(text), key[:70]))


if __name__ == "__main__":
    main()
