"""Reading an article draft: Markdown, plain text, HTML, Word (.docx), a URL or stdin, as
plain text whose lines are the file's lines (so an audit's line numbers point into it).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from ..errors import InputError
from ..text import clean_controls
from .sources import parse_front_matter


def read_draft(draft: str | Path, *, cache: str | Path | None = None,
               fetch_options=None) -> tuple[str, str]:
    """The draft's plain text and a name for it. Markdown keeps its line structure (so line
    numbers point into the file) with inline markup removed; HTML and .docx are reduced to
    their text; a URL goes through the fetch path and its archive. Control characters and
    terminal escapes become spaces, as in every input."""
    text, name = _read_draft(draft, cache=cache, fetch_options=fetch_options)
    return clean_controls(text), name


def _read_draft(draft: str | Path, *, cache: str | Path | None = None,
                fetch_options=None) -> tuple[str, str]:
    name = str(draft)
    if name == "-":
        return _plain_markdown(sys.stdin.read()), "<stdin>"
    if re.match(r"https?://", name, re.I):
        from ..web.fetch import fetch_source

        path = fetch_source(name, Path(cache or ".verify") / "drafts", fetch_options)
        text = path.read_text(encoding="utf-8", errors="replace")
        _, offset = parse_front_matter(text)
        return _plain_markdown(text[offset:]), name
    path = Path(draft)
    if not path.is_file():
        raise InputError("no such file", where=name)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return _read_docx(path), name
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", where=name) from None
    text = _decode_draft(raw, name)
    if suffix in (".html", ".htm") or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        return _read_html(text, name), name
    return _plain_markdown(text), name


def _decode_draft(raw: bytes, name: str) -> str:
    """The draft's text; a PDF or other binary file is an ``InputError`` (exit 2), as a
    binary claims file is for ``check``, never garbage audited as sentences."""
    for bom, enc in ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(enc)
            except UnicodeDecodeError:
                break
    head = raw[:8192]
    if head.startswith(b"%PDF-"):
        raise InputError("is a PDF: save the draft as .docx, .md, .html or .txt", where=name)
    controls = sum(head.count(bytes([b])) for b in range(32) if b not in (9, 10, 12, 13))
    if b"\x00" in head or controls > len(head) // 20:
        raise InputError("looks like a binary file, not a .md, .txt, .html or .docx draft", where=name)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _read_html(html: str, where: str) -> str:
    from ..web.extract import extract_page

    text = extract_page(html, "", "html").text
    if not text.strip():
        raise InputError("no article text found in the page", where=where)
    # trafilatura puts one paragraph per line: blank lines keep paragraphs apart.
    return "\n\n".join(line for line in text.splitlines() if line.strip())


def _read_docx(path: Path) -> str:
    try:
        import docx  # type: ignore[import-not-found]
    except ImportError:
        raise InputError("reading .docx needs python-docx: pip install python-docx",
                         where=str(path)) from None
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several unrelated types on a bad file
        raise InputError(f"not a readable .docx file ({exc.__class__.__name__})", where=str(path)) from None
    return "\n\n".join(_docx_blocks(document))


def _docx_blocks(container) -> list[str]:
    """Paragraphs in document order, table cells included (each cell's paragraphs, row by
    row; a merged cell once), so a fact stated in a table is audited like any other."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out: list[str] = []
    for item in container.iter_inner_content():
        if isinstance(item, Paragraph):
            if item.text.strip():
                out.append(_docx_paragraph(item))
        elif isinstance(item, Table):
            for row in item.rows:
                seen: list = []  # the cells' XML elements: a merged cell repeats its element
                for cell in row.cells:
                    if any(cell._tc is tc for tc in seen):
                        continue
                    seen.append(cell._tc)
                    out.extend(_docx_blocks(cell))
    return out


def _docx_paragraph(p) -> str:
    """Word's heading styles become Markdown headings, so they are skipped as headings are."""
    style = (getattr(p.style, "name", "") or "").lower()
    if style == "title" or style.startswith("heading"):
        return "# " + p.text.strip()
    return p.text


_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")
_NUMBERED = re.compile(r"^([ \t]*)(\d+[.)])(?=[ \t])", re.M)


def _plain_markdown(text: str) -> str:
    """Inline Markdown removed line by line; front matter blanked out, not dropped, so that
    line numbers still match the file. Block markers (lists, block quotes) stay, as they
    end the sentence before them; numbered items become bullets for the same reason."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    _, offset = parse_front_matter(text)
    if offset:
        text = "\n" * text[:offset].count("\n") + text[offset:]
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\2", text)
    return _NUMBERED.sub(lambda mm: mm.group(1) + "-" + " " * (len(mm.group(2)) - 1), text)
