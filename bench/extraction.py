"""Main-text extraction quality of `verify fetch` on the article-extraction benchmark.

Serves the 26 human-annotated pages of ../shared/html/aeb from a local HTTP server, fetches
them with the same code path as `verify fetch` (into a temporary folder), strips the front
matter from each written document and scores it against the gold article body
(ground-truth.full.json, keyed by the file's sha256) with bag-of-words token F1 (\\w+
tokens, case-sensitive; the metric under which plain trafilatura scores 0.898 here).

    python bench/extraction.py [--aeb ../shared/html/aeb] [--json bench/out/extraction.json]
"""
from __future__ import annotations

import argparse
import functools
import json
import re
import sys
import tempfile
import threading
import time
from collections import Counter
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from verify.inputs.sources import parse_front_matter  # noqa: E402
from verify.web.fetch import FetchOptions, fetch_urls  # noqa: E402


def tokens(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text or ""))


def f1(gold: str, pred: str) -> float:
    g, p = tokens(gold), tokens(pred)
    inter = sum((g & p).values())
    if not inter:
        return 0.0
    precision, recall = inter / sum(p.values()), inter / sum(g.values())
    return 2 * precision * recall / (precision + recall)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--aeb", type=Path, default=ROOT.parent / "shared" / "html" / "aeb")
    ap.add_argument("--json", type=Path, help="write per-page scores here")
    ap.add_argument("--baseline", action="store_true", help="also score plain trafilatura.extract() defaults")
    args = ap.parse_args()

    gold = json.loads((args.aeb / "ground-truth.full.json").read_text(encoding="utf-8"))
    pages = sorted(p.stem for p in (args.aeb / "html").glob("*.html"))
    handler = functools.partial(_Quiet, directory=str(args.aeb / "html"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    urls = {f"{base}/{h}.html": h for h in pages}
    options = FetchOptions(timeout=30, retries=0, allow_networks=("127.0.0.1/32",))
    start = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        report = fetch_urls(list(urls), Path(tmp), options)
        elapsed = time.monotonic() - start
        rows = []
        for r in report.results:
            h = urls[r.url]
            if r.path is None:
                rows.append({"page": h, "f1": 0.0, "status": r.status, "reason": r.reason})
                continue
            text = r.path.read_text(encoding="utf-8")
            body = text[parse_front_matter(text)[1]:]
            rows.append({"page": h, "f1": f1(gold[h]["articleBody"], body), "status": r.status})
    server.shutdown()

    if args.baseline:
        import trafilatura

        for row in rows:
            raw = (args.aeb / "html" / f"{row['page']}.html").read_bytes()
            row["trafilatura"] = f1(gold[row["page"]]["articleBody"], trafilatura.extract(raw) or "")
    for row in rows:
        extra = f"  trafilatura={row['trafilatura']:.3f}" if "trafilatura" in row else ""
        print(f"{row['page'][:12]}  f1={row['f1']:.3f}{extra}  {row['status']} {row.get('reason', '')}")
    mean = sum(r["f1"] for r in rows) / len(rows)
    print(f"\npages={len(rows)} failed={len(report.failed)} fetch_seconds={elapsed:.1f}")
    print(f"mean token F1 (verify fetch): {mean:.4f}")
    if args.baseline:
        print(f"mean token F1 (trafilatura defaults): {sum(r['trafilatura'] for r in rows) / len(rows):.4f}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"mean_f1": mean, "pages": rows}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
