"""The fetch archive: each URL's raw body and headers under ``.raw/``, and the source
document made from it, so a check can be re-run later on the very same bytes.

Kept apart from the HTTP side (``fetch``): what is stored, and how a stored copy becomes a
document again, does not depend on how the bytes arrived.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit, urlunsplit

from verify.web import extract as _extract

Status = Literal["fetched", "cached", "failed"]


@dataclass
class FetchResult:
    """What happened to one URL. ``path`` is the source document (None when failed)."""

    url: str
    status: Status
    path: Path | None = None
    reason: str = ""
    final_url: str | None = None
    http_status: int | None = None
    title: str = ""


class Fail(Exception):
    """Internal: this URL failed for the reason in the message (after any retries)."""

    def __init__(self, reason: str, http_status: int | None = None) -> None:
        super().__init__(reason)
        self.http_status = http_status


@dataclass
class Response:
    url: str
    status: int
    headers: dict[str, str]
    body: bytes = b""
    kind: str | None = None


def normalize_url(url: str) -> str:
    """Cache key form of a URL: trimmed, fragment dropped, scheme and host lower-cased."""
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


def cache_key(url: str) -> str:
    return hashlib.sha256(normalize_url(url).encode("utf-8")).hexdigest()[:40]


class Archive:
    """Raw bodies and their metadata in ``raw_dir``; documents in ``into``."""

    def __init__(self, into: Path, raw_dir: Path) -> None:
        self.into = into
        self.raw_dir = raw_dir

    def load_entry(self, key: str) -> dict | None:
        meta = self.raw_dir / f"{key}.json"
        body = self.raw_dir / f"{key}.body"
        if not (meta.is_file() and body.is_file()):
            return None
        try:
            entry = json.loads(meta.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return entry if isinstance(entry, dict) else None

    def store(self, url: str, key: str, resp: Response) -> FetchResult:
        ctype = resp.headers.get("content-type")
        kind, why = _extract.sniff_kind(ctype, resp.body[:2048])
        if kind is None:
            raise Fail(f"skipped: {why}", resp.status)
        entry = {
            "url": url,
            "final_url": resp.url,
            "status": resp.status,
            "content_type": ctype or "",
            "kind": kind,
            "etag": resp.headers.get("etag", ""),
            "last_modified": resp.headers.get("last-modified", ""),
            "fetched_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
            "sha256": hashlib.sha256(resp.body).hexdigest(),
        }
        previous = self.load_entry(key)
        _extract.atomic_write(self.raw_dir / f"{key}.body", resp.body)
        path, title = self.write_document(url, key, entry, resp.body)
        old_doc = (previous or {}).get("document")
        if isinstance(old_doc, str) and old_doc != path.name and old_doc == Path(old_doc).name:
            # The title changed: drop the old document so the corpus holds one copy per URL.
            (self.into / old_doc).unlink(missing_ok=True)
        entry["document"] = path.name
        entry["title"] = title
        _extract.atomic_write(self.raw_dir / f"{key}.json", json.dumps(entry, indent=1).encode("utf-8"))
        return FetchResult(url, "fetched", path, final_url=resp.url, http_status=resp.status, title=title)

    def from_cache(self, url: str, key: str, entry: dict, reason: str) -> FetchResult:
        doc = entry.get("document")
        path = self.into / doc if isinstance(doc, str) and doc == Path(doc).name else None
        title = str(entry.get("title", ""))
        if path is None or not path.is_file():
            body = (self.raw_dir / f"{key}.body").read_bytes()
            path, title = self.write_document(url, key, entry, body)
            if entry.get("document") != path.name:
                entry["document"], entry["title"] = path.name, title
                _extract.atomic_write(self.raw_dir / f"{key}.json", json.dumps(entry, indent=1).encode("utf-8"))
        return FetchResult(url, "cached", path, reason=reason, final_url=entry.get("final_url"),
                           http_status=entry.get("status"), title=title)

    def write_document(self, url: str, key: str, entry: dict, body: bytes) -> tuple[Path, str]:
        try:
            return _extract.write_document(self.into, self.raw_dir / f"{key}.body", normalize_url(url), url,
                                           entry, body)
        except _extract.NoText:
            raise Fail("no text could be extracted from the page", entry.get("status")) from None
