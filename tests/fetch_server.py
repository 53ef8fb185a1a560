"""A real HTTP server on 127.0.0.1 that serves stored article pages and misbehaves on purpose.

Used by tests/web/test_fetch.py through a fixture; it records every request (path + headers) so
tests can assert what the client sent, and keeps per-path counters for "fail then succeed".
"""
from __future__ import annotations

import gzip
import hashlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

DATA = Path(__file__).parent / "data" / "html"
ARTICLE = "c00962aabe7bdd1fca78f5360ea7fa93cd7674863b05157e00827506a7aa58c4"
LAST_MODIFIED = "Tue, 19 Nov 2019 10:00:00 GMT"
ROBOTS = "User-agent: *\nDisallow: /private/\n"

ACCENTED = "Le café du coin sert un crème brûlée; la façade rénovée plaît à la clientèle fidèle."


def simple_page(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title></head>"
            f"<body><article><h1>{title}</h1>\n{body}</article></body></html>")


FILLER = [
    "The city council met on Tuesday evening to discuss the new budget for the coming year.",
    "Members argued for several hours about the cost of repairing the old bridge over the river.",
    "In the end they agreed to spend twelve million dollars on the work, starting next spring.",
    "Residents who attended the meeting said they were relieved that a decision had been made.",
]


class Handler(BaseHTTPRequestHandler):
    server: "FetchTestServer"
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:  # keep pytest output clean
        pass

    def do_GET(self) -> None:  # noqa: C901 - a route table reads best as one function
        parts = urlsplit(self.path)
        path, query = parts.path, parse_qs(parts.query)
        srv = self.server
        with srv.lock:
            srv.requests.append((path, dict(self.headers.items())))
            srv.hits[path] = srv.hits.get(path, 0) + 1
            hits = srv.hits[path]
        if path == "/robots.txt":
            if srv.robots is None:
                return self.send(404, b"no robots", "text/plain")
            return self.send(200, srv.robots.encode(), "text/plain")
        if path.startswith("/article/") or path.startswith("/private/"):
            name = path.rsplit("/", 1)[1] or ARTICLE
            file = DATA / f"{name}.html"
            if not file.is_file():
                return self.send(404, b"not found", "text/plain")
            body = file.read_bytes()
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                return self.send(304, b"", None, {"ETag": etag})
            return self.send(200, body, "text/html; charset=utf-8", {"ETag": etag, "Last-Modified": LAST_MODIFIED})
        if path == "/slow":
            time.sleep(float(query.get("s", ["2"])[0]))
            return self.send(200, simple_page("Slow", FILLER).encode(), "text/html")
        if path == "/drip":  # headers at once, then a byte at a time
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            try:
                for _ in range(1000):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.05)
            except OSError:
                pass
            return None
        if path == "/flaky":
            fails = int(query.get("fail", ["1"])[0])
            if hits <= fails:
                return self.send(503, b"busy", "text/plain", {"Retry-After": query.get("ra", ["120"])[0]})
            return self.send(200, simple_page("Recovered page", FILLER).encode(), "text/html")
        if path == "/missing":
            return self.send(404, b"<h1>Not found</h1>", "text/html")
        if path == "/loop-a":
            return self.redirect("/loop-b")
        if path == "/loop-b":
            return self.redirect("/loop-a")
        if path.startswith("/chain/"):
            n = int(path.rsplit("/", 1)[1])
            return self.redirect(f"/chain/{n - 1}") if n > 0 else self.redirect(f"/article/{ARTICLE}")
        if path == "/redirect":
            return self.redirect(query["to"][0])
        if path == "/big":
            size = int(query.get("n", ["2000000"])[0])
            body = simple_page("Big", FILLER).encode() + b"<!--" + b"x" * size + b"-->"
            return self.send(200, body, "text/html")
        if path == "/big-chunked":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            try:
                for _ in range(200):
                    chunk = b"<p>" + b"y" * 10_000 + b"</p>"
                    self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                self.wfile.write(b"0\r\n\r\n")
            except OSError:
                pass
            return None
        if path == "/wrong-charset":  # says utf-8, is windows-1252
            body = simple_page("Café review", [ACCENTED] + FILLER).encode("cp1252")
            return self.send(200, body, "text/html; charset=utf-8")
        if path == "/wrong-charset-latin1":  # says iso-8859-1, is utf-8
            body = simple_page("Café review", [ACCENTED] + FILLER).encode("utf-8")
            body = body.replace(b'<meta charset="utf-8">', b"")
            return self.send(200, body, "text/html; charset=iso-8859-1")
        if path == "/binary":
            return self.send(200, bytes(range(256)) * 40, "application/octet-stream")
        if path == "/image-as-html":
            return self.send(200, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(2000), "text/html")
        if path == "/doc.pdf":
            return self.send(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n" * 50, "application/pdf")
        if path == "/pdf-as-html":
            return self.send(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n" * 50, "text/html")
        if path == "/evil-title":
            title = query.get("t", ["../../etc/passwd"])[0]
            return self.send(200, simple_page(title, FILLER).encode(), "text/html; charset=utf-8")
        if path == "/changing":  # same URL, new title on every visit
            return self.send(200, simple_page(f"Edition {hits}", FILLER).encode(), "text/html")
        if path == "/gzip":
            raw = (DATA / f"{ARTICLE}.html").read_bytes()
            return self.send(200, gzip.compress(raw), "text/html; charset=utf-8", {"Content-Encoding": "gzip"})
        if path == "/plain.txt":
            return self.send(200, ("Plain notes\n\n" + "\n".join(FILLER)).encode(), "text/plain; charset=utf-8")
        return self.send(404, b"unknown route", "text/plain")

    def redirect(self, location: str) -> None:
        self.send(302, b"", None, {"Location": location})

    def send(self, status: int, body: bytes, ctype: str | None, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            pass


class FetchTestServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.lock = threading.Lock()
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.hits: dict[str, int] = {}
        self.robots: str | None = ROBOTS
        self.thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def handle_error(self, request, client_address) -> None:
        pass  # clients hanging up mid-body (timeouts, caps) are expected here

    def reset(self) -> None:
        with self.lock:
            self.requests.clear()
            self.hits.clear()
            self.robots = ROBOTS

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def start(self) -> "FetchTestServer":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
