"""Find and read source documents: text, Markdown and HTML files, with front matter.

Discovery (paths, hashes) is separate from loading (decoding, extraction) so that an index can
skip the expensive part for files whose hash it already knows.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import SourceError
from ..model import Skipped, Source
from ..text import clean_controls

TEXT_SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}


@dataclass
class SourceFile:
    """A file found on disk, identified and hashed but not yet decoded."""

    id: str
    path: Path
    sha256: str
    kind: str
    size: int = -1
    mtime_ns: int = -1


# What an index remembers of a file: size, mtime (ns), when it was indexed (ns), its hash.
KnownStat = tuple[int, int, int, str]
_RACY_NS = 2_000_000_000


def discover(paths: list[str | Path], known: dict[str, KnownStat] | None = None,
             ids: dict[str, str] | None = None) -> tuple[list[SourceFile], list[Skipped]]:
    """Walk files and folders (recursively, hidden entries ignored); hash each usable file.

    ``known`` (from the index) lets a file whose size and mtime are unchanged keep its hash
    unread, as git does: a re-run over a large corpus then costs a ``stat`` per file. A file
    modified within two seconds of being indexed is always re-hashed (its mtime may not
    have ticked). ``ids`` names files given directly by another id (a fetched page: its
    URL) instead of their path."""
    found: list[SourceFile] = []
    skipped: list[Skipped] = []
    seen: set[Path] = set()
    for given in paths:
        given_s = str(given)
        root = Path(given_s)
        if not root.exists():
            skipped.append(Skipped(given_s, "no such file or folder"))
            continue
        if root.is_file():
            candidates = [root]
        else:
            candidates = _walk(root)
        for path in candidates:
            real = path.resolve()
            if real in seen:
                continue
            seen.add(real)
            sid = (ids or {}).get(str(path)) or _source_id(root, path)
            kind = TEXT_SUFFIXES.get(path.suffix.lower())
            if kind is None:
                skipped.append(Skipped(sid, f"unsupported file type {path.suffix or '(none)'!r}"))
                continue
            try:
                st = path.stat()
                k = known.get(sid) if known else None
                if k and k[0] == st.st_size and k[1] == st.st_mtime_ns and st.st_mtime_ns < k[2] - _RACY_NS:
                    digest = k[3]
                else:
                    digest = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError as exc:
                skipped.append(Skipped(sid, f"cannot read ({exc.strerror})"))
                continue
            found.append(SourceFile(sid, path, digest, kind, st.st_size, st.st_mtime_ns))
    return found, skipped


def any_source_file(paths: list[str | Path]) -> bool:
    """Whether any of ``paths`` is, or holds, a file of a source type: a cheap look (it stops
    at the first one) before anything is created for a corpus that is not there."""
    for given in paths:
        root = Path(given)
        if root.is_file():
            return True
        if not root.is_dir():
            continue
        for dirpath, dirnames, files in os.walk(root):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            if any(not f.startswith(".") and Path(f).suffix.lower() in TEXT_SUFFIXES for f in files):
                return True
    return False


def _walk(root: Path) -> list[Path]:
    out: list[Path] = []
    for dirpath, dirnames, files in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))  # skip .raw, .verify
        out.extend(Path(dirpath) / f for f in sorted(files) if not f.startswith("."))
    return out


def _source_id(root: Path, path: Path) -> str:
    """Path relative to where it was given: stable across runs from the same place."""
    if root.is_file():
        return root.name if root.is_absolute() else os.path.normpath(str(root)).replace(os.sep, "/")
    rel = path.relative_to(root).as_posix()
    base = root.name if root.is_absolute() else os.path.normpath(str(root)).replace(os.sep, "/")
    return rel if base in ("", ".") else f"{base}/{rel}"


def load_source(sf: SourceFile) -> Source:
    """Decode and extract one file. Raises ``SourceError`` (naming the file) when unusable."""
    raw = sf.path.read_bytes()
    if not raw.strip():
        raise SourceError("empty file", where=sf.id)
    if b"\x00" in raw[:8192]:
        raise SourceError("binary file, not text", where=sf.id)
    text, note = _decode(raw, sf.id)
    text = clean_controls(text)  # one for one: offsets into the file stay exact
    if sf.kind == "html":
        return _from_html(sf, text)
    meta, body_offset = parse_front_matter(text)
    body = text[body_offset:]
    if not body.strip():
        raise SourceError("no text after the front matter", where=sf.id)
    if note:
        meta.setdefault("encoding", note)
    title = meta.get("title") or _first_line(body) or sf.path.stem
    return Source(id=sf.id, path=str(sf.path), title=title, sha256=sf.sha256, text=text,
                  kind=sf.kind, meta=meta, body_offset=body_offset,
                  body_line=text.count("\n", 0, body_offset) + 1)


def load_sources(paths: list[str | Path]) -> tuple[list[Source], list[Skipped]]:
    """Discover and load every source under ``paths``; unusable files are listed, not raised."""
    files, skipped = discover(paths)
    sources: list[Source] = []
    for sf in files:
        try:
            sources.append(load_source(sf))
        except SourceError as exc:
            skipped.append(Skipped(sf.id, str(exc).removeprefix(f"{sf.id}: ")))
    return sources, skipped


def _decode(raw: bytes, where: str) -> tuple[str, str | None]:
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None or best.chaos > 0.2:
        raise SourceError("not UTF-8 and no other text encoding fits", where=where)
    return str(best), best.encoding


def parse_front_matter(text: str) -> tuple[dict[str, str], int]:
    """A leading ``---`` block of ``key: value`` lines is metadata; return it and where the body
    starts. The one front-matter reader: sources, drafts and fetched pages (``render_document``
    writes what it reads) all use it. A block holding any other line is no front matter: the
    file is all text (YAML lists and indented values under a key are skipped)."""
    if not text.startswith("---"):
        return {}, 0
    first_nl = text.find("\n")
    if first_nl < 0 or text[:first_nl].strip() != "---":
        return {}, 0
    meta: dict[str, str] = {}
    pos = first_nl + 1
    while pos < len(text):
        nl = text.find("\n", pos)
        line = text[pos: nl if nl >= 0 else len(text)]
        end = nl + 1 if nl >= 0 else len(text)
        if line.strip() in ("---", "..."):
            return meta, end
        if not line.strip() or line.lstrip().startswith("#") or line.startswith((" ", "\t", "- ")):
            pos = end  # a blank line, a comment, or a YAML list or folded value under the last key
            continue
        key, sep, value = line.partition(":")
        if not sep or not key.strip() or " " in key.strip():
            return {}, 0  # not front matter after all: treat the whole file as text
        meta[key.strip().lower()] = _unquote(value.strip())
        pos = end
    return {}, 0


def _unquote(value: str) -> str:
    """A value in one matching pair of quotes is what they hold ('"A title"' -> 'A title')."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _first_line(body: str) -> str:
    for line in body.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:200]
    return ""


def _from_html(sf: SourceFile, html: str) -> Source:
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      favor_recall=True)
    data = doc.as_dict() if hasattr(doc, "as_dict") else (doc or {})  # type: ignore[union-attr]
    text = clean_controls(data.get("text") or "").strip()
    if not text:
        raise SourceError("no article text found in the HTML", where=sf.id)
    meta = {k: " ".join(clean_controls(str(data[k])).split())
            for k in ("title", "author", "date", "sitename", "url") if data.get(k)}
    if "date" in meta:
        meta["published"] = meta.pop("date")
    return Source(id=sf.id, path=str(sf.path), title=meta.get("title") or sf.path.stem,
                  sha256=sf.sha256, text=text, kind="html", meta=meta)
