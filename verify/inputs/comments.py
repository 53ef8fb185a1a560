"""Reading comment exports (CSV, JSON, JSONL) into ``Comment`` rows a moderator can thread.

Exports arrive under many column names; rows that cannot be placed (no text, unknown
parent, broken bytes, a duplicate id, a reply loop) are reported as ``Skipped`` with their
row and left out rather than guessed at. ``build_comments`` is shared with the article-page
reader (``comment_page``) so both inputs obey the same rules.
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Comment, Skipped
from ..text import clean_controls

ID_KEYS = ("id", "comment_id", "cid")
PARENT_KEYS = ("parent_id", "parent", "in_reply_to", "reply_to", "in_reply_to_id", "parentid")
AUTHOR_KEYS = ("author", "user", "username", "name", "author_name")
DATE_KEYS = ("date", "created_at", "timestamp", "created", "time", "published")
TEXT_KEYS = ("text", "body", "comment", "content", "message")
MAX_TEXT = 5000


def read_input(name: str, expected: str) -> bytes:
    """The bytes of an input file, or a one-line ``InputError`` naming it."""
    p = Path(name)
    if not p.exists():
        raise InputError("no such file", where=name)
    if p.is_dir():
        raise InputError(f"is a folder, expected {expected}", where=name)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", where=name) from None
    if b"\x00" in raw[:4096]:
        raise InputError(f"looks like a binary file, not {expected}", where=name)
    return raw


def read_comments(path: str | Path) -> tuple[list[Comment], list[Skipped]]:
    """Comments from a CSV, JSON (a list, or an object holding one) or JSONL export.

    Rows with no text, broken bytes, a duplicate id, or a parent that is not in the export
    (or that was itself skipped) are returned as ``Skipped`` with the row and the reason.
    """
    name = str(path)
    raw = read_input(name, "a CSV, JSON or JSONL comments export")
    # Bad bytes are kept as surrogates so that only the rows holding them are skipped.
    text = clean_controls(raw.decode("utf-8-sig", errors="surrogateescape"))
    suffix = Path(name).suffix.lower()
    head = text.lstrip()[:1]
    if suffix == ".jsonl" or (suffix != ".csv" and head == "{" and "\n{" in text.strip()):
        records = _jsonl(text, name)
    elif suffix == ".json" or (suffix != ".csv" and head in "[{" and head):
        records = _json(text, name)
    else:
        records = _csv(text, name)
    return build_comments(records, name)


def _json(text: str, name: str) -> list[tuple[int, Any]]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise InputError(f"not valid JSON ({exc})", where=name) from None
    if isinstance(data, dict):
        data = next((data[k] for k in ("comments", "data", "items", "results") if isinstance(data.get(k), list)),
                    None)
    if not isinstance(data, list):
        raise InputError("expected a list of comments (or an object with a 'comments' list)", where=name)
    return list(enumerate(data, 1))


def _jsonl(text: str, name: str) -> list[tuple[int, Any]]:
    out: list[tuple[int, Any]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append((n, json.loads(line)))
        except ValueError:
            out.append((n, ValueError("not valid JSON")))
    return out


def _csv(text: str, name: str) -> list[tuple[int, Any]]:
    # The header line decides the delimiter: csv.Sniffer misreads doubled quotes in text.
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t|", key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter if first.count(delimiter) else ",")
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        raise InputError("empty file", where=name) from None
    keys = [h.strip().lower().replace(" ", "_") for h in header]
    if not any(k in TEXT_KEYS for k in keys):
        raise InputError(f"no text column (looked for {', '.join(TEXT_KEYS)}); found {', '.join(header)}",
                         where=name)
    out: list[tuple[int, Any]] = []
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                out.append((reader.line_num, dict(zip(keys, row))))
    except csv.Error as exc:
        raise InputError(f"broken CSV near line {reader.line_num} ({exc})", where=name) from None
    return out


def _pick(rec: dict[str, Any], keys: tuple[str, ...]) -> str:
    low = {str(k).strip().lower().replace(" ", "_"): v for k, v in rec.items()}
    for k in keys:
        v = low.get(k)
        if isinstance(v, dict):  # {"author": {"name": ...}}
            v = v.get("name") or v.get("id")
        if v is not None and str(v).strip():
            return str(v).strip()
    return ""


_BROKEN = re.compile("[\udc80-\udcff\ufffd]")


def build_comments(records: list[tuple[int, Any]], name: str,
                   unit: str = "row") -> tuple[list[Comment], list[Skipped]]:
    """Comments from ``(position, record)`` pairs, each record a dict with any of the
    accepted keys; ``unit`` names the position in messages ("row 8", "comment 3")."""
    comments: list[Comment] = []
    skipped: list[Skipped] = []
    seen: set[str] = set()
    for row, rec in records:
        where = f"{name} {unit} {row}"
        if unit != "row" and isinstance(rec, dict) and rec.get("id"):
            where += f" (id {rec['id']})"  # the page's own id, to find it in the page
        if not isinstance(rec, dict):
            skipped.append(Skipped(where, "not a comment object" if not isinstance(rec, Exception) else str(rec),
                                   "row"))
            continue
        text = _pick(rec, TEXT_KEYS)
        fields = [text, _pick(rec, ID_KEYS), _pick(rec, PARENT_KEYS), _pick(rec, AUTHOR_KEYS),
                  _pick(rec, DATE_KEYS)]
        if any(_BROKEN.search(f) for f in fields):
            skipped.append(Skipped(where, "broken encoding (not valid UTF-8)", "row"))
            continue
        if not text:
            skipped.append(Skipped(where, "no text", "row"))
            continue
        if len(text) > MAX_TEXT:
            skipped.append(Skipped(where, f"text longer than {MAX_TEXT} characters", "row"))
            continue
        cid = fields[1] or f"row{row}"
        if cid in seen:
            skipped.append(Skipped(where, f"duplicate id {cid!r}", "row"))
            continue
        seen.add(cid)
        comments.append(Comment(cid, " ".join(text.split()), fields[2] or None, fields[3], fields[4], row))
    return _drop_orphans(comments, skipped, name, unit)


def _drop_orphans(comments: list[Comment], skipped: list[Skipped], name: str,
                  unit: str) -> tuple[list[Comment], list[Skipped]]:
    """A reply whose parent is missing (or skipped, or part of a loop) cannot be placed."""
    by_id = {c.id: c for c in comments}
    bad: dict[str, str] = {}
    for c in comments:
        chain, cur = set(), c
        while cur.parent_id is not None:
            if cur.parent_id == cur.id or cur.id in chain:
                bad[c.id] = "replies form a loop"
                break
            chain.add(cur.id)
            parent = by_id.get(cur.parent_id)
            if parent is None:
                bad[c.id] = (f"unknown parent {c.parent_id!r}" if cur is c
                             else f"its thread's parent {cur.parent_id!r} is unknown")
                break
            cur = parent
    for c in comments:
        if c.id in bad:
            skipped.append(Skipped(f"{name} {unit} {c.row}", bad[c.id], "row"))
    return [c for c in comments if c.id not in bad], skipped
