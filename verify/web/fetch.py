"""Fetch web pages into source documents, with an archive that makes checks reproducible.

Each page becomes ``<into>/<slug>-<hash>.txt`` (front matter + article text) and its raw body
is kept under ``<into>/.raw/`` with the response headers needed to revalidate it. Re-running
``verify check`` months later can then use ``offline=True`` and get the very same bytes, and
the sha256 in the front matter lets anyone confirm the text came from that body (the storing
is ``archive``'s; this module is the HTTP side).

Networking is plain httpx with one shared client in a thread pool: simpler to reason about
than asyncio for a CLI, and the GIL is irrelevant because workers wait on sockets.
"""
from __future__ import annotations

import email.utils
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from verify.errors import FetchError
from verify.web import extract as _extract, netpolicy as _netpolicy
from verify.web.archive import (
    Archive,
    Fail as _Fail,
    FetchResult,
    Response as _Response,
    cache_key,
    normalize_url,
)

__all__ = ["FetchOptions", "FetchResult", "FetchReport", "fetch_urls", "fetch_source", "USER_AGENT"]

USER_AGENT = "verify-fetch/0.1 (+https://github.com/verify/verify; fact-checking source archiver)"
RETRY_STATUSES = {429, 500, 502, 503, 504}
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
RAW_DIR = ".raw"
ROBOTS_MAX_BYTES = 512_000

@dataclass
class FetchOptions:
    """How to fetch. ``timeout`` is the total budget of one attempt (connect + headers +
    body); ``backoff`` is the first retry delay, doubled each time and capped by
    ``max_retry_wait`` (which also caps a server's Retry-After). ``allow_networks`` lets
    specific private networks through without ``allow_private`` (e.g. ``"127.0.0.1/32"``)."""

    timeout: float = 20.0
    connect_timeout: float = 10.0
    max_bytes: int = 10_000_000
    concurrency: int = 8
    per_host: int = 2
    retries: int = 3
    backoff: float = 0.5
    max_retry_wait: float = 30.0
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    respect_robots: bool = True
    allow_private: bool = False
    allow_networks: tuple[str, ...] = ()
    refresh: bool = False
    offline: bool = False


@dataclass
class FetchReport:
    """Per-URL outcomes, in input order."""

    results: list[FetchResult] = field(default_factory=list)

    @property
    def failed(self) -> list[FetchResult]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def ok(self) -> bool:
        return not self.failed

    def path_for(self, url: str) -> Path | None:
        for r in self.results:
            if r.url == url:
                return r.path
        return None


def fetch_urls(urls: list[str], into: Path, options: FetchOptions | None = None, progress: bool = False,
               cache_dir: Path | None = None) -> FetchReport:
    """Fetch every URL into ``into`` (documents) and ``cache_dir`` (default ``into/.raw``).

    One URL failing never stops the others; duplicates are fetched once. Nothing raises for
    a bad page -- the report says what failed and why.
    """
    options = options or FetchOptions()
    into = Path(into)
    raw_dir = Path(cache_dir) if cache_dir is not None else into / RAW_DIR
    for folder in (into, raw_dir):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise FetchError(f"cannot create the folder ({exc.strerror or exc})", where=str(folder)) from None
    unique = list(dict.fromkeys(u.strip() for u in urls if u and u.strip()))
    fetcher = _Fetcher(into, raw_dir, options)
    results: dict[str, FetchResult] = {}
    try:
        with ThreadPoolExecutor(max_workers=max(1, options.concurrency)) as pool:
            futures = {url: pool.submit(fetcher.fetch_one, url) for url in unique}
            if progress:
                _show_progress(futures)
            for url, fut in futures.items():
                results[url] = fut.result()
    finally:
        fetcher.close()
    return FetchReport([results[u] for u in unique])


def fetch_source(url: str, cache_dir: Path, options: FetchOptions | None = None) -> Path:
    """Fetch one page into ``cache_dir`` (or reuse the archive) and return its document path,
    for ``verify check --sources https://...``. Raises FetchError naming the URL."""
    result = fetch_urls([url], Path(cache_dir), options).results[0]
    if result.path is None:
        raise FetchError(result.reason or "could not be fetched", where=url)
    return result.path


def _show_progress(futures) -> None:
    from concurrent.futures import as_completed

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ..console import make_console

    with Progress(TextColumn("fetching"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=make_console(stderr=True), transient=True) as bar:
        task = bar.add_task("fetch", total=len(futures))
        for _ in as_completed(futures.values()):
            bar.advance(task)


class _Fetcher:
    """Shared state of one run: the client, per-host semaphores, robots cache, archive."""

    def __init__(self, into: Path, raw_dir: Path, options: FetchOptions) -> None:
        self.archive = Archive(into, raw_dir)
        self.opts = options
        self.robots = _netpolicy.RobotsCache(options.user_agent)
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._hosts_lock = threading.Lock()
        self.networks = _netpolicy.parse_networks(options.allow_networks)
        self.client = None if options.offline else self._make_client()

    def _make_client(self):
        import httpx

        limits = httpx.Limits(max_connections=max(2, self.opts.concurrency * 2),
                              max_keepalive_connections=max(1, self.opts.concurrency))
        transport = httpx.HTTPTransport(limits=limits, retries=0)
        pool = getattr(transport, "_pool", None)
        if pool is None or not hasattr(pool, "_network_backend"):  # pragma: no cover - httpx internals moved
            raise FetchError("this httpx version does not allow the address guard; refusing to fetch")
        pool._network_backend = _netpolicy.guarded_backend(self.opts.allow_private, self.networks)
        t = self.opts.timeout
        timeout = httpx.Timeout(t, connect=min(self.opts.connect_timeout, t))
        # trust_env=False: an environment proxy would connect on our behalf and bypass the guard.
        return httpx.Client(transport=transport, timeout=timeout, follow_redirects=False, trust_env=False,
                            headers={"User-Agent": self.opts.user_agent, "Accept": "text/html,text/plain;q=0.9,*/*;q=0.1"})

    def close(self) -> None:
        if self.client is not None:
            self.client.close()

    # -- one URL -----------------------------------------------------------------------

    def fetch_one(self, url: str) -> FetchResult:
        try:
            return self._fetch_one(url)
        except _Fail as exc:
            return FetchResult(url, "failed", reason=str(exc), http_status=exc.http_status)
        except FetchError as exc:
            return FetchResult(url, "failed", reason=str(exc))
        except Exception as exc:  # noqa: BLE001 - one bad URL must never stop the run
            return FetchResult(url, "failed", reason=f"unexpected error: {type(exc).__name__}: {exc}")

    def _fetch_one(self, url: str) -> FetchResult:
        refusal = _netpolicy.scheme_refusal(url)
        if refusal:
            raise _Fail(refusal)
        key = cache_key(url)
        entry = None if self.opts.refresh else self.archive.load_entry(key)
        if self.opts.offline:
            if entry is None:
                raise _Fail("not in the cache (offline)")
            return self.archive.from_cache(url, key, entry, "offline: archived copy")
        headers = {}
        if entry is not None:
            if entry.get("etag"):
                headers["If-None-Match"] = entry["etag"]
            if entry.get("last_modified"):
                headers["If-Modified-Since"] = entry["last_modified"]
        try:
            resp = self._get_following(url, headers)
        except _Fail as exc:
            if entry is not None:
                return self.archive.from_cache(url, key, entry, f"revalidation failed ({exc}); archived copy kept")
            raise
        if resp.status == 304 and entry is not None:
            return self.archive.from_cache(url, key, entry, "not modified")
        if resp.status != 200:
            raise _Fail(f"HTTP {resp.status}", resp.status)
        return self.archive.store(url, key, resp)

    # -- HTTP ------------------------------------------------------------------------------

    def _get_following(self, url: str, headers: dict[str, str]) -> _Response:
        """GET with redirects followed by hand, so every hop passes scheme, robots and
        address checks (the address check happens at connect time in the guard)."""
        seen = {normalize_url(url)}
        current = url
        for _hop in range(self.opts.max_redirects + 1):
            refusal = _netpolicy.scheme_refusal(current)
            if refusal:
                raise _Fail(f"redirect to {current}: {refusal}")
            self._precheck(current)
            if self.opts.respect_robots:
                ok, why = self.robots.allowed(current, self._fetch_robots)
                if not ok:
                    raise _Fail(why)
            resp = self._get_with_retries(current, headers)
            if resp.status not in REDIRECT_STATUSES:
                return resp
            location = resp.headers.get("location")
            if not location:
                raise _Fail(f"HTTP {resp.status} redirect without a Location header", resp.status)
            nxt = urljoin(current, location.strip())
            if normalize_url(nxt) in seen:
                raise _Fail(f"redirect loop at {nxt}", resp.status)
            seen.add(normalize_url(nxt))
            current = nxt
        raise _Fail(f"more than {self.opts.max_redirects} redirects")

    def _precheck(self, url: str) -> None:
        """Refuse a forbidden address before anything (robots.txt included) is requested;
        the connect-time guard still re-checks, which closes the DNS-rebinding gap."""
        if self.opts.allow_private:
            return
        parts = urlsplit(url)
        try:
            port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
            _netpolicy.resolve_allowed(parts.hostname or "", port, False, self.networks)
        except _netpolicy.AddressRefused as exc:
            raise _Fail(str(exc)) from None
        except Exception as exc:  # noqa: BLE001 - unresolvable: let the request report it
            if "resolve" not in str(exc):
                raise _Fail(f"invalid URL: {exc}") from None
            raise _Fail(str(exc)) from None

    def _host_slot(self, url: str) -> threading.BoundedSemaphore:
        host = (urlsplit(url).hostname or "").lower()
        with self._hosts_lock:
            return self._hosts.setdefault(host, threading.BoundedSemaphore(max(1, self.opts.per_host)))

    def _get_with_retries(self, url: str, headers: dict[str, str], max_bytes: int | None = None,
                          robots: bool = False) -> _Response:
        import httpx

        attempts = max(0, self.opts.retries) + 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                with self._host_slot(url):
                    resp = self._get_once(url, headers, max_bytes or self.opts.max_bytes, robots)
            except _netpolicy.AddressRefused as exc:
                raise _Fail(str(exc)) from None
            except httpx.TimeoutException as exc:
                if last:
                    raise _Fail(f"timed out after {self.opts.timeout:g}s ({type(exc).__name__})") from None
                self._sleep(attempt, None)
                continue
            except httpx.TransportError as exc:
                if last or isinstance(exc, httpx.UnsupportedProtocol):
                    raise _Fail(f"network error: {exc or type(exc).__name__}") from None
                self._sleep(attempt, None)
                continue
            if resp.status in RETRY_STATUSES and not last:
                self._sleep(attempt, resp.headers.get("retry-after"))
                continue
            return resp
        raise AssertionError("unreachable")  # pragma: no cover

    def _sleep(self, attempt: int, retry_after: str | None) -> None:
        wait = self.opts.backoff * (2 ** attempt)
        hinted = parse_retry_after(retry_after)
        if hinted is not None:
            wait = hinted
        time.sleep(max(0.0, min(wait, self.opts.max_retry_wait)))

    def _get_once(self, url: str, headers: dict[str, str], max_bytes: int, robots: bool) -> _Response:
        deadline = time.monotonic() + self.opts.timeout
        with self.client.stream("GET", url, headers=headers) as r:  # type: ignore[union-attr]
            out = _Response(str(r.url), r.status_code, {k.lower(): v for k, v in r.headers.items()})
            if r.status_code != 200:
                return out  # redirects, errors and 304 bodies are not needed
            length = r.headers.get("content-length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise _Fail(f"body of {int(length)} bytes is over the {max_bytes}-byte cap", 200)
            ctype = r.headers.get("content-type")
            if not robots and _extract.media_type(ctype) not in ("", "application/octet-stream", *_extract.HTML_TYPES,
                                                                 *_extract.TEXT_TYPES):
                _kind, why = _extract.sniff_kind(ctype, b"")
                raise _Fail(f"skipped: {why}", 200)  # decided on the header alone: no download
            chunks, size = [], 0
            for chunk in r.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise _Fail(f"body is over the {max_bytes}-byte cap", 200)
                if time.monotonic() > deadline:
                    raise _Fail(f"timed out after {self.opts.timeout:g}s while reading the body", 200)
                chunks.append(chunk)
            out.body = b"".join(chunks)
            return out

    def _fetch_robots(self, robots_url: str) -> tuple[int, str]:
        seen = set()
        current = robots_url
        for _ in range(5):
            resp = self._get_with_retries(current, {}, ROBOTS_MAX_BYTES, robots=True)
            if resp.status in REDIRECT_STATUSES and resp.headers.get("location"):
                current = urljoin(current, resp.headers["location"])
                if current in seen or _netpolicy.scheme_refusal(current):
                    return 404, ""
                seen.add(current)
                continue
            return resp.status, resp.body.decode("utf-8", errors="replace")
        return 404, ""

def parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())
