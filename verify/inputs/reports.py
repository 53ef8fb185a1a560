"""A saved JSON report (``verify report``): read, checked, and handed back as the dict it
holds, for any of the three kinds.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import VERDICTS, report_kind


def load_report(path: str) -> dict[str, Any]:
    """The report as a dict, or an InputError naming the file (``-`` reads stdin)."""
    where = "<stdin>" if path == "-" else path
    try:
        raw = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as e:
        raise InputError(f"cannot read the report ({e.strerror or e})", where=where) from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError("the report is not UTF-8 text", where=where) from None
    except json.JSONDecodeError as e:
        raise InputError(f"not JSON (line {e.lineno}, column {e.colno}: {e.msg})", where=where) from None
    try:
        kind = report_kind(data)
    except InputError as e:
        raise InputError(str(e), where=where) from None
    _check_version(data.get("version"), where)
    _check_verdicts(data, kind, where)
    return data


REPORT_VERSION = 1
_ITEMS = {"check": ("claims", "claim"), "audit": ("statements", "statement"),
          "comments": ("comments", "comment")}


def _check_version(version: Any, where: str) -> None:
    """A report from a newer verify may mean something else by the same fields: refuse it."""
    if version is None:
        return
    if isinstance(version, bool) or not isinstance(version, int):
        raise InputError(f"unknown report version {version!r}", where=where)
    if version > REPORT_VERSION:
        raise InputError(f"report version {version} is newer than this verify reads "
                         f"({REPORT_VERSION}); upgrade verify", where=where)


def _check_verdicts(data: dict[str, Any], kind: str, where: str) -> None:
    """Every verdict must be one this verify knows, or the rendered page would state one
    it cannot stand behind. Names the first item that has another."""
    key, noun = _ITEMS[kind]
    for n, item in enumerate(data[key], 1):
        if not isinstance(item, dict):
            continue
        found = [item.get("verdict")]
        if kind == "comments":
            found += [k.get("verdict") for k in item.get("claims") or [] if isinstance(k, dict)]
        for v in found:
            if v is not None and v not in VERDICTS:
                label = f"{noun} {n}" + (f" (id {item['id']!r})" if isinstance(item.get("id"), str) else "")
                raise InputError(f"{label} has an unknown verdict {v!r} (expected "
                                 f"{', '.join(VERDICTS[:-1])} or {VERDICTS[-1]})", where=where)
