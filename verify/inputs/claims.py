"""Read claims from CSV, TSV or plain text.

Fact-checkers export claims from spreadsheets in whatever shape they have, so the reader
finds the claim column by name, sniffs the delimiter and tolerates a BOM; anything it
cannot use is reported with the file and row, never silently dropped.
"""
from __future__ import annotations

import codecs
import csv
import io
import sys
from pathlib import Path

from ..errors import InputError, warn
from ..model import Claim, Skipped
from ..text import clean_controls

CLAIM_COLUMNS = ("claim", "claims", "text", "statement", "claim_text", "sentence", "quote", "content")
ID_COLUMNS = ("id", "claim_id", "key")
URL_COLUMNS = ("url", "urls", "sources", "source_urls")
MAX_CLAIM_CHARS = 2000


def read_claims(path: str | Path, *, encoding: str = "utf-8") -> tuple[list[Claim], list[Skipped]]:
    """Read claims from ``path`` (``-`` for stdin). A ``.txt`` file holds one claim per line.

    Returns the claims and the rows skipped (blank, too long) with reasons.
    """
    name = str(path)
    raw = _read_bytes(name)
    text = _decode(raw, name, encoding)
    if name.lower().endswith(".txt"):
        return _from_lines(text, name)
    return parse_claims_csv(text, name)


def _read_bytes(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    p = Path(name)
    if not p.exists():
        raise InputError("no such file", where=name)
    if p.is_dir():
        raise InputError("is a folder, expected a CSV or .txt file of claims", where=name)
    try:
        return p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", where=name) from None


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"), (codecs.BOM_UTF8, "utf-8-sig"))
# A NUL inside a text is kept as this noncharacter through the CSV reader, so that the row
# holding it is skipped and named rather than the whole file refused.
_NUL = "\uffff"


def _decode(raw: bytes, name: str, encoding: str) -> str:
    bom = next((enc for mark, enc in _BOMS if raw.startswith(mark)), None)
    if bom:  # a byte-order mark says what the file is, whatever --encoding said
        encoding = bom
    elif raw[:4096].count(b"\x00") > 8 and not encoding.lower().startswith(("utf-16", "utf-32")):
        raise InputError("looks like a binary file, not CSV or text", where=name)
    enc = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    try:
        return raw.decode(enc).replace("\x00", _NUL)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid {encoding} (byte {exc.start}); try --encoding latin-1 or --encoding cp1252",
            where=name,
        ) from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", where=name) from None


def _from_lines(text: str, name: str) -> tuple[list[Claim], list[Skipped]]:
    claims: list[Claim] = []
    skipped: list[Skipped] = []
    for n, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if _NUL in line:
            skipped.append(Skipped(f"{name}, line {n}", "holds a NUL byte (binary data?)", "row"))
            continue
        _add(claims, skipped, str(n), clean_controls(line), n, {}, [], name)
    if not claims:
        raise InputError("no claims found", where=name)
    return claims, skipped


def _sniff(text: str) -> str:
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        first = sample.splitlines()[0] if sample else ""
        counts = {d: first.count(d) for d in ",;\t"}
        best = max(counts, key=counts.get)  # type: ignore[arg-type]
        return best if counts[best] else ","


def _find(header: list[str], names: tuple[str, ...]) -> int | None:
    lowered = [h.strip().lower() for h in header]
    for name in names:
        if name in lowered:
            return lowered.index(name)
    return None


def parse_claims_csv(text: str, name: str = "<claims>") -> tuple[list[Claim], list[Skipped]]:
    """Parse CSV text with a header row; see ``read_claims``."""
    if not text.strip():
        raise InputError("empty file: expected a header row and claims", where=name)
    rows = list(csv.reader(io.StringIO(text), delimiter=_sniff(text)))
    while rows and not any(c.strip() for c in rows[0]):
        rows.pop(0)
    header = [clean_controls(h).strip() for h in rows[0]]
    col = _find(header, CLAIM_COLUMNS)
    first = 2  # the row number of the first data row
    if col is None and _reads_like_claim(header):
        # no header at all: the first row is a claim. Several "columns" are commas inside
        # plain sentences, one per line (as piped text is).
        if len(header) > 1:
            warn(f"{name}: no header names a claim column and the first line reads like a "
                 "claim: reading one claim per line")
            return _from_lines(text, name)
        warn(f"{name}: no header names a claim column and the first row reads like a claim: "
             "reading it as one")
        header, col, first = [""], 0, 1
        rows.insert(0, [])
    if col is None:
        if len(header) == 1:
            col = 0
        else:
            raise InputError(
                f"no claim column: expected one named {', '.join(CLAIM_COLUMNS[:4])}... "
                f"(found {', '.join(repr(h) for h in header)})",
                where=name,
            )
    claims, skipped = _rows_to_claims(rows[1:], header, col, first, name)
    if not claims:
        raise InputError("no claims found (only a header or blank rows)", where=name)
    return claims, skipped


def _rows_to_claims(rows: list[list[str]], header: list[str], col: int, first: int,
                    name: str) -> tuple[list[Claim], list[Skipped]]:
    """The data rows (the first is row ``first`` of the file) as claims: ids from the id
    column or the row number (duplicates renamed), URLs from the url column, the other
    columns kept as fields; rows without claim text or with binary data skipped."""
    id_col = _find(header, ID_COLUMNS)
    url_col = _find(header, URL_COLUMNS)
    claims: list[Claim] = []
    skipped: list[Skipped] = []
    seen_ids: dict[str, int] = {}
    for n, row in enumerate(rows, start=first):
        if not any(c.strip() for c in row):
            continue
        where = f"{name}, row {n}"
        if any(_NUL in c for c in row):
            skipped.append(Skipped(where, "holds a NUL byte (binary data?)", "row"))
            continue
        row = [clean_controls(c) for c in row]
        text_ = row[col].strip() if col < len(row) else ""
        if not text_:
            skipped.append(Skipped(where, "no claim text", "row"))
            continue
        cid = row[id_col].strip() if id_col is not None and id_col < len(row) else ""
        cid = cid or str(n - 1 if first == 2 else n)
        if cid in seen_ids:
            renamed = f"{cid}#{n}"
            warn(f"{where}: duplicate id {cid!r} (first on row {seen_ids[cid]}); renamed {renamed!r}")
            cid = renamed
        seen_ids.setdefault(cid, n)
        fields = {
            h: (row[i] if i < len(row) else "")
            for i, h in enumerate(header)
            if i not in (col, id_col) and h
        }
        urls = []
        if url_col is not None and url_col < len(row):
            urls = [u for u in row[url_col].replace(";", " ").replace(",", " ").split() if u]
        _add(claims, skipped, cid, text_, n, fields, urls, name)
    return claims, skipped


def _reads_like_claim(first_row: list[str]) -> bool:
    """A first row that is a sentence rather than column names: a final stop, or many words."""
    line = " ".join(c.strip() for c in first_row if c.strip())
    return bool(line) and (line[-1] in ".!?\"'”’" or len(line.split()) >= 6)


def _add(claims: list[Claim], skipped: list[Skipped], cid: str, text: str, row: int,
         fields: dict[str, str], urls: list[str], name: str) -> None:
    if len(text) > MAX_CLAIM_CHARS:
        skipped.append(Skipped(
            f"{name}, row {row}",
            f"claim of {len(text):,} characters is longer than {MAX_CLAIM_CHARS:,}: split it into single claims",
            "row",
        ))
        return
    claims.append(Claim(id=cid, text=" ".join(text.split()), row=row, fields=fields, urls=urls))
