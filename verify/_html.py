"""A self-contained HTML report: one file to mail to an editor, attach to a ticket or print.

The renderer reads the report as a plain dict (the documented JSON shape) so a saved report
renders exactly like a fresh one. Everything in it came from claims, sources or readers and
is untrusted: every string goes through ``html.escape`` and only http(s) URLs ever reach an
``href``; the page needs no JavaScript and makes no request of its own (inline CSS only).
The helpers at the top (``report_kind``, ``safe_url``, ``source_index``) are shared with the
Markdown and ClaimReview renderers so the three agree on what a report is.
"""
from __future__ import annotations

import re
from html import escape as _escape
from typing import Any
from urllib.parse import urlsplit

from verify._errors import InputError
from verify._model import VERDICTS

KINDS = ("check", "audit", "comments")
_KIND_KEY = {"claims": "check", "statements": "audit", "comments": "comments"}
LABELS = {"supported": "Supported", "contradicted": "Contradicted", "disputed": "Disputed",
          "unverified": "Unverified"}


def report_kind(report: Any) -> str:
    """``check``, ``audit`` or ``comments``, from the top-level key that holds the items."""
    if isinstance(report, dict):
        for key, kind in _KIND_KEY.items():
            if isinstance(report.get(key), list):
                return kind
    raise InputError("not a verify report (expected a JSON object with a list under "
                     "'claims', 'statements' or 'comments')")


def safe_url(value: Any) -> str | None:
    """The URL if it is a plain http(s) URL, else None: ``javascript:``, ``data:`` and
    relative or malformed URLs are shown as text, never followed."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    if not url or any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


# control characters, lone surrogates and noncharacters: invalid in HTML and unwritable
# as UTF-8 (a JSON report can hold "\ud800"); shown as U+FFFD so the reader sees a gap
_NONCHARS = "".join(chr(plane * 0x10000 + 0xFFFE) + chr(plane * 0x10000 + 0xFFFF) for plane in range(17))
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef" + _NONCHARS + "]")


def text(value: Any) -> str:
    """Any JSON value as display text; a saved report may hold numbers or nulls anywhere."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _BAD_CHARS.sub("\ufffd", value if isinstance(value, str) else str(value))


def escape(value: str, quote: bool = True) -> str:
    """``html.escape`` of clean text: every string reaching the page passes here."""
    return _escape(_BAD_CHARS.sub("\ufffd", value), quote=quote)


def items(value: Any) -> list[dict[str, Any]]:
    """The dicts of a JSON list, skipping anything else a hand-edited report may hold."""
    return [x for x in value if isinstance(x, dict)] if isinstance(value, list) else []


def source_index(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Sources by id and by path: evidence names its source by id, older reports by path."""
    out: dict[str, dict[str, Any]] = {}
    for src in items(report.get("sources")):
        for key in (src.get("path"), src.get("id")):
            if isinstance(key, str) and key:
                out[key] = src
    return out


def confidence(value: Any) -> str:
    """``0.862`` -> ``86%``; empty when the value is not a number."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return ""
    return f"{round(max(0.0, min(1.0, float(value))) * 100)}%"


def verdict_of(value: Any) -> str | None:
    return value if value in VERDICTS else None


def count_verdicts(rows: list[dict[str, Any]]) -> dict[str, int]:
    """Counted from the items themselves so the summary always matches what is shown."""
    out = {v: 0 for v in VERDICTS}
    for row in rows:
        if row.get("verdict") in out:
            out[row["verdict"]] += 1
    return out


def cite(ev: dict[str, Any]) -> str:
    """``sources/x.txt:52`` (or just the source when the line is unknown)."""
    src, line = text(ev.get("source")), ev.get("line")
    return f"{src}:{line}" if isinstance(line, int) and not isinstance(line, bool) and src else src


def same_value(a: Any, b: Any) -> bool:
    norm = lambda s: re.sub(r"[\W_]+", " ", text(s).lower()).strip()  # noqa: E731
    return bool(norm(a)) and norm(a) == norm(b)


# ---------------------------------------------------------------- highlighting

def _find_all(hay: str, needle: str, *, prefix: bool = False) -> list[tuple[int, int]]:
    needle = needle.strip()
    if not needle or len(needle) > 200:
        return []
    tail = r"\w*" if prefix else r"(?!\w)"
    pat = re.compile(r"(?<!\w)" + re.escape(needle) + tail, re.IGNORECASE)
    return [m.span() for m in pat.finditer(hay)]


def highlight(value: str, words: Any = (), marks: tuple[tuple[Any, str], ...] = ()) -> str:
    """Escaped text with ``words`` in ``<mark>`` and each ``(value, css class)`` of ``marks``
    in ``<mark class=...>``. Spans are found on the raw text and each piece is escaped on its
    own, so a match can never split an entity or a tag."""
    classes: list[str | None] = [None] * len(value)
    for needle, cls in marks:  # values first: they win where they overlap a matched word
        for a, b in _find_all(value, text(needle)):
            for i in range(a, b):
                classes[i] = classes[i] or cls
    for word in words if isinstance(words, list) else []:
        spans = _find_all(value, text(word)) or _find_all(value, text(word), prefix=True)
        for a, b in spans:
            for i in range(a, b):
                classes[i] = classes[i] or "m"
    out, i = [], 0
    while i < len(value):
        j, cls = i, classes[i]
        while j < len(value) and classes[j] == cls:
            j += 1
        piece = escape(value[i:j])
        if cls is None:
            out.append(piece)
        elif cls == "m":
            out.append(f"<mark>{piece}</mark>")
        else:
            out.append(f'<mark class="{cls}">{piece}</mark>')
        i = j
    return "".join(out)


# ---------------------------------------------------------------- building blocks

def badge(verdict: Any, label: str | None = None) -> str:
    v = verdict_of(verdict)
    cls = v or "none"
    shown = label if label is not None else (LABELS[v] if v else text(verdict) or "not checked")
    return f'<span class="badge b-{cls}">{escape(shown)}</span>'


def tag(label: Any, cls: str = "tag") -> str:
    return f'<span class="{cls}">{escape(text(label))}</span>'


def link(url: Any, label: Any) -> str:
    """An anchor only for a safe URL; anything else is plain escaped text."""
    safe = safe_url(url)
    shown = escape(text(label) or text(url))
    return f'<a href="{escape(safe, quote=True)}">{shown}</a>' if safe else shown


def bar(counts: dict[str, int]) -> str:
    total = sum(counts.values())
    if not total:
        return ""
    segs = []
    for v, n in counts.items():
        if n:
            pct = round(100 * n / total, 2)
            segs.append(f'<span class="seg s-{v}" style="width:{pct}%" title="{LABELS[v]}: {n}">'
                        f'{n if pct >= 8 else ""}</span>')
    words = ", ".join(f"{n} {v}" for v, n in counts.items() if n)
    return f'<div class="bar" role="img" aria-label="{escape(words)}">{"".join(segs)}</div>'


def count_list(counts: dict[str, int]) -> str:
    return '<ul class="counts">' + "".join(
        f"<li>{badge(v)} <strong>{n}</strong></li>" for v, n in counts.items()) + "</ul>"


def evidence_block(ev: dict[str, Any], sources: dict[str, dict[str, Any]]) -> str:
    """One passage: the quote with matched words and values marked, why it counts, and
    where it is (URL or file path with line, plus the archived copy's hash)."""
    cv, sv = ev.get("claim_value"), ev.get("source_value")
    cls = "val same" if same_value(cv, sv) else "val diff"
    quote = highlight(text(ev.get("passage")), ev.get("matched"), ((sv, cls),) if sv else ())
    src = sources.get(text(ev.get("source"))) or {}
    title = text(ev.get("title")) or text(src.get("title")) or text(ev.get("source"))
    url = ev.get("url") or src.get("url")
    parts = [link(url, title) if safe_url(url) else f"<span>{escape(title)}</span>"]
    if url and not safe_url(url):
        parts.append(f'<span class="unsafe">{escape(text(url))}</span>')
    parts.append(f"<code>{escape(cite(ev))}</code>")
    if src.get("published"):
        parts.append(f"published {escape(text(src['published']))}")
    if src.get("sha256"):
        sha = text(src["sha256"])
        parts.append(f'sha256 <code title="{escape(sha)}">{escape(sha[:12])}</code>')
    if ev.get("voice"):
        parts.append(f"voice: {escape(text(ev['voice']))}")
    values = ""
    if cv or sv:
        values = (f'<p class="values">Claim says <mark class="val claim">{escape(text(cv) or "?")}'
                  f'</mark>; source says <mark class="{cls}">{escape(text(sv) or "?")}</mark></p>')
    return (f'<figure class="ev"><blockquote>{quote}</blockquote><figcaption>{values}'
            f'<p class="why">{escape(text(ev.get("reason")))}</p>'
            f'<p class="cite">{" · ".join(parts)}</p></figcaption></figure>')


def evidence_sections(evidence: Any, sources: dict[str, dict[str, Any]]) -> str:
    """Supporting and contradicting side by side (stacked on a phone), related below."""
    evs = items(evidence)
    if not evs:
        return '<p class="none">No passage in the sources bears on this.</p>'
    by = {s: [e for e in evs if e.get("stance") == s] for s in ("supports", "contradicts")}
    other = [e for e in evs if e.get("stance") not in by]
    if not by["supports"] and not by["contradicts"]:
        out = '<p class="none">No passage supports or contradicts this.</p>'
        return out + (f'<section class="related"><h4>Related, neither supporting nor contradicting '
                      f'({len(other)})</h4>{"".join(evidence_block(e, sources) for e in other)}</section>')
    cols = []
    for stance, head in (("supports", "Supporting"), ("contradicts", "Contradicting")):
        body = "".join(evidence_block(e, sources) for e in by[stance]) or \
            f'<p class="none">No {head.lower()} passage found.</p>'
        cols.append(f'<section class="side {stance}"><h4>{head} ({len(by[stance])})</h4>'
                    f"{body}</section>")
    out = f'<div class="sides">{"".join(cols)}</div>'
    if other:
        out += (f'<section class="related"><h4>Related, neither supporting nor contradicting '
                f'({len(other)})</h4>{"".join(evidence_block(e, sources) for e in other)}</section>')
    return out


def sources_section(report: dict[str, Any]) -> str:
    rows = []
    for s in items(report.get("sources")):
        url = s.get("url")
        where = link(url, url) if safe_url(url) else escape(text(url))
        rows.append(f"<tr><td>{escape(text(s.get('title')))}</td><td><code>"
                    f"{escape(text(s.get('path') or s.get('id')))}</code></td><td>{where}</td>"
                    f"<td>{escape(text(s.get('published')))}</td>"
                    f'<td><code class="hash">{escape(text(s.get("sha256")))}</code></td></tr>')
    if not rows:
        return ""
    return ('<section class="sources"><h2>Sources</h2><div class="scroll"><table><thead><tr>'
            "<th>Title</th><th>File</th><th>URL</th><th>Published</th><th>sha256 of the archived "
            f'copy</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div></section>')


def skipped_section(report: dict[str, Any]) -> str:
    rows = [f"<li>{tag(s.get('kind') or 'item')} <code>{escape(text(s.get('what')))}</code>: "
            f"{escape(text(s.get('reason')))}</li>" for s in items(report.get("skipped"))]
    if not rows:
        return ""
    return f'<section class="skipped"><h2>Left out ({len(rows)})</h2><ul>{"".join(rows)}</ul></section>'


LEGEND = ('<p class="legend"><mark>matched word</mark> a word of the claim found in the passage · '
          '<mark class="val diff">differing value</mark> the source gives another value · '
          '<mark class="val same">same value</mark> the source gives the claim\'s value</p>')


# ---------------------------------------------------------------- the check report

def _check_body(report: dict[str, Any], sources: dict[str, dict[str, Any]]) -> tuple[str, str]:
    claims = items(report.get("claims"))
    counts = count_verdicts(claims)
    corpus = report.get("corpus") if isinstance(report.get("corpus"), dict) else {}
    n_src = corpus.get("sources", len(items(report.get("sources"))))
    meta = f"{len(claims)} claim{'s' * (len(claims) != 1)} checked against {escape(text(n_src))} sources"
    if corpus.get("passages"):
        meta += f" ({escape(text(corpus['passages']))} passages)"
    toc = "".join(
        f"<tr><td>{badge(c.get('verdict'))}<br><span class=\"where\">{escape(confidence(c.get('confidence')))}"
        f'</span></td><td><a href="#claim-{i}">{escape(text(c.get("claim")) or "(empty claim)")}</a>'
        f' <span class="where">{escape(text(c.get("id")))}</span></td></tr>' for i, c in enumerate(claims, 1))
    summary = (f'<section class="summary"><p class="meta">{meta}</p>{bar(counts)}'
               f'{count_list(counts)}<table class="toc"><thead><tr><th>Verdict</th>'
               f"<th>Claim</th></tr></thead><tbody>{toc}</tbody></table></section>")
    blocks = []
    for i, c in enumerate(claims, 1):
        evs = items(c.get("evidence"))
        cvals = tuple((e.get("claim_value"), "val claim") for e in evs if e.get("claim_value"))
        where = [f"id {text(c.get('id'))}"] if c.get("id") not in (None, "") else []
        if c.get("row") not in (None, "", 0):
            where.append(f"row {text(c.get('row'))}")
        conf = confidence(c.get("confidence"))
        fields = c.get("fields") if isinstance(c.get("fields"), dict) else {}
        dl = "".join(f"<dt>{escape(text(k))}</dt><dd>{escape(text(v))}</dd>" for k, v in fields.items())
        blocks.append(
            f'<article class="item v-{verdict_of(c.get("verdict")) or "none"}" id="claim-{i}">'
            f'<header><p class="line">{badge(c.get("verdict"))}'
            f'{f" <span class=conf>confidence {conf}</span>" if conf else ""}'
            f' <span class="where">{escape(" · ".join(where))}</span></p>'
            f'<h3 class="claim">{highlight(text(c.get("claim")), (), cvals)}</h3></header>'
            f'<p class="reason"><strong>Why:</strong> {escape(text(c.get("reason")) or "no reason given")}</p>'
            f"{evidence_sections(evs, sources)}"
            f'{f"<dl class=fields>{dl}</dl>" if dl else ""}</article>')
    body = summary + LEGEND + '<section class="items"><h2>Claims</h2>' + "".join(blocks) + "</section>"
    return body, "Fact-check report"


# ---------------------------------------------------------------- the audit report

QUOTE_LABELS = {"exact": "exact quote", "altered": "altered quote",
                "misattributed": "misattributed quote", "not-found": "quote not found"}


def quote_tag(status: Any) -> str:
    st = text(status)
    return tag(QUOTE_LABELS.get(st, st or "quote"), "tag q-" + (st if st in QUOTE_LABELS else "x"))


def _quote_detail(q: dict[str, Any]) -> str:
    said, src = text(q.get("speaker")), text(q.get("source_speaker"))
    if q.get("status") == "misattributed" and src:
        out = (f"The draft gives these words to <strong>{escape(said or 'someone')}</strong>; the "
               f"source gives them to <strong>{escape(src)}</strong>.")
    else:
        out = f"Speaker: <strong>{escape(said or 'not named')}</strong>." if said or src else ""
    diff = q.get("diff")
    if isinstance(diff, list):
        diff = " ".join(text(d) for d in diff)
    if diff:
        out += f' Word changes: <code class="diff">{escape(text(diff))}</code>'
    return f'<p class="quote">{out}</p>' if out else ""


def _audit_body(report: dict[str, Any], sources: dict[str, dict[str, Any]]) -> tuple[str, str]:
    rows = items(report.get("statements"))
    checked = [s for s in rows if s.get("kind") in ("claim", "quote") or verdict_of(s.get("verdict"))]
    counts = count_verdicts(checked)
    quotes: dict[str, int] = {}
    for s in rows:
        if isinstance(s.get("quote"), dict):
            status = text(s["quote"].get("status"))
            quotes[status] = quotes.get(status, 0) + 1
    left = len(rows) - len(checked)
    meta = (f"{len(rows)} sentences of the draft: {len(checked)} checked, {left} not checked "
            "(opinion, questions, headings)")
    if report.get("draft"):
        meta = f"<code>{escape(text(report['draft']))}</code>: " + meta
    qline = " ".join(f"{quote_tag(k)} <strong>{n}</strong>" for k, n in quotes.items())
    summary = (f'<section class="summary"><p class="meta">{meta}</p>{bar(counts)}{count_list(counts)}'
               f'{f"<p class=quotes>Quotations: {qline}</p>" if qline else ""}</section>')
    blocks = []
    done = {id(s) for s in checked}
    for i, s in enumerate(rows, 1):
        q = s.get("quote") if isinstance(s.get("quote"), dict) else None
        line = f'line {escape(text(s.get("line")))}' if s.get("line") not in (None, "") else ""
        kind = tag(s.get("kind") or "statement")
        if id(s) not in done:
            why = escape(text(s.get("reason")) or text(s.get("kind")))
            blocks.append(f'<article class="item muted" id="s-{i}"><p class="line">{kind} '
                          f'<span class="where">{line}</span></p><p class="draft">'
                          f'{escape(text(s.get("text")))}</p><p class="reason">Not checked: {why}</p></article>')
            continue
        evs = items(s.get("evidence"))
        cvals = tuple((e.get("claim_value"), "val claim") for e in evs if e.get("claim_value"))
        qtag = " " + quote_tag(q.get("status")) if q else ""
        blocks.append(
            f'<article class="item v-{verdict_of(s.get("verdict")) or "none"}" id="s-{i}">'
            f'<p class="line">{badge(s.get("verdict"))}{qtag} {kind} <span class="where">{line}</span></p>'
            f'<h3 class="claim">{highlight(text(s.get("text")), (), cvals)}</h3>'
            f'{_quote_detail(q) if q else ""}'
            f'<p class="reason"><strong>Why:</strong> {escape(text(s.get("reason")) or "no reason given")}</p>'
            f"{evidence_sections(evs, sources)}</article>")
    return (summary + LEGEND + '<section class="items"><h2>The draft, sentence by sentence</h2>'
            + "".join(blocks) + "</section>"), "Draft audit"


# ---------------------------------------------------------------- the comments report

def _threads(rows: list[dict[str, Any]]) -> list[list[tuple[int, dict[str, Any]]]]:
    """Each thread as (depth, comment) in reading order. Replies to unknown parents start
    their own thread; cycles and very deep chains cannot loop or blow the stack."""
    ids = {text(c.get("id")) for c in rows if text(c.get("id"))}
    kids: dict[str, list[dict[str, Any]]] = {}
    roots = []
    for c in rows:
        pid = text(c.get("parent_id"))
        if pid and pid in ids and pid != text(c.get("id")):
            kids.setdefault(pid, []).append(c)
        else:
            roots.append(c)
    seen: set[int] = set()
    threads = []
    for root in roots + rows:  # rows again: comments caught in a cycle have no root
        if id(root) in seen:
            continue
        thread, stack = [], [(0, root)]
        while stack:
            depth, c = stack.pop()
            if id(c) in seen:
                continue
            seen.add(id(c))
            thread.append((depth, c))
            stack.extend((depth + 1, k) for k in reversed(kids.get(text(c.get("id")), [])))
        threads.append(thread)
    return threads


def needs_attention(c: dict[str, Any]) -> bool:
    return c.get("verdict") in ("contradicted", "disputed") or bool(c.get("disputes_parent"))


def _comment(c: dict[str, Any], depth: int, n: int, sources: dict[str, dict[str, Any]]) -> str:
    who = " · ".join(escape(text(x)) for x in (c.get("date"), c.get("id")) if text(x))
    flags = ' <span class="flag">disputes its parent</span>' if c.get("disputes_parent") else ""
    if isinstance(c.get("flags"), list):
        flags += "".join(" " + tag(f, "flag") for f in c["flags"])
    said = f'<blockquote class="said">{escape(text(c.get("text")))}</blockquote>' if text(c.get("text")) else ""
    claims = "".join(
        f'<div class="sub" id="comment-{n}-{j}"><p class="line">{badge(k.get("verdict"))} <span class="claim">'
        f'{escape(text(k.get("claim")))}</span></p>{evidence_sections(k.get("evidence"), sources)}</div>'
        for j, k in enumerate(items(c.get("claims")), 1))
    indent = min(depth, 6)
    kind = text(c.get("kind")) or "other"
    why = f'<p class="reason">Why {escape(kind)}: {escape(text(c.get("reason")))}</p>' if text(c.get("reason")) else ""
    return (f'<article class="comment v-{verdict_of(c.get("verdict")) or "none"} d{indent}" id="comment-{n}">'
            f'<p class="line">{badge(c.get("verdict"), None if verdict_of(c.get("verdict")) else "no claim")} '
            f'{tag(kind)}{flags} <strong>{escape(text(c.get("author")) or "anonymous")}</strong>'
            f' <span class="where">{who}</span></p>{said}'
            f"{why}{claims}</article>")


def _comments_body(report: dict[str, Any], sources: dict[str, dict[str, Any]]) -> tuple[str, str]:
    rows = items(report.get("comments"))
    counts = count_verdicts(rows)
    kinds: dict[str, int] = {}
    for c in rows:
        kinds[text(c.get("kind")) or "other"] = kinds.get(text(c.get("kind")) or "other", 0) + 1
    attention = sum(needs_attention(c) for c in rows)
    threads = _threads(rows)
    pos = {id(c): i for i, c in enumerate(rows, 1)}  # anchors follow the input order
    meta = (f"{len(rows)} comments in {len(threads)} threads; <strong>{attention} need a "
            f"moderator's attention</strong> (contradicted or disputed claims, replies disputing a parent)")
    kline = " ".join(f"{tag(k)} <strong>{n}</strong>" for k, n in kinds.items())
    summary = (f'<section class="summary"><p class="meta">{meta}</p><p>Kinds: {kline}</p>'
               f'{bar(counts)}{count_list(counts)}</section>')
    blocks = []
    for n, thread in enumerate(threads, 1):
        verdicts = {c.get("verdict") for _, c in thread}
        notes = []
        if any(c.get("disputes_parent") for _, c in thread):
            notes.append("a reply disputes a factual claim of its parent")
        if {"supported", "contradicted"} <= verdicts:
            notes.append("the verdicts of comments in this thread disagree")
        note = f'<p class="flag">Look here: {escape("; ".join(notes))}</p>' if notes else ""
        blocks.append(f'<section class="thread" id="thread-{n}"><h3>Thread {n}</h3>{note}'
                      + "".join(_comment(c, d, pos[id(c)], sources) for d, c in thread) + "</section>")
    return summary + LEGEND + '<section class="items"><h2>Threads</h2>' + "".join(blocks) + "</section>", "Comment review"


CSS = """
:root{--sup:#1a7f37;--con:#cf222e;--dis:#9a6700;--unv:#6e7781;--ink:#1f2328;--mute:#59636e;--line:#d1d9e0;--bg:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:#fff}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.25rem;margin:2rem 0 .75rem;border-bottom:1px solid var(--line)}
h3{font-size:1.1rem;margin:.25rem 0 .5rem}h4{font-size:.95rem;margin:.25rem 0 .5rem;color:var(--mute)}
code{font:.85em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
a{color:#0969da}table{border-collapse:collapse;width:100%}.scroll{overflow-x:auto}
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--line)}
.meta{color:var(--mute)}.toc td:first-child{width:8.5rem}.toc a{color:inherit}.where{color:var(--mute);font-size:.9em}
.bar{display:flex;height:1.4rem;border-radius:.3rem;overflow:hidden;margin:.75rem 0;border:1px solid var(--line)}
.seg{color:#fff;font-size:.8rem;text-align:center;line-height:1.4rem}
.s-supported,.b-supported{background:var(--sup)}.s-contradicted,.b-contradicted{background:var(--con)}
.s-disputed,.b-disputed{background:var(--dis)}.s-unverified,.b-unverified{background:var(--unv)}.b-none{background:#afb8c1}
.counts{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.25rem}
.badge{display:inline-block;color:#fff;border-radius:1rem;padding:0 .6rem;font-size:.8rem;font-weight:600;white-space:nowrap}
.tag,.flag{display:inline-block;border:1px solid var(--line);border-radius:1rem;padding:0 .5rem;font-size:.8rem;background:var(--bg)}
.flag{border-color:var(--con);color:var(--con);background:#fff}
.q-altered,.q-misattributed,.q-not-found{border-color:var(--con);color:var(--con)}.q-exact{border-color:var(--sup);color:var(--sup)}
.conf{font-size:.9em}
.item,.comment{border:1px solid var(--line);border-left:.4rem solid #afb8c1;border-radius:.4rem;padding:.75rem 1rem;margin:1rem 0}
.v-supported{border-left-color:var(--sup)}.v-contradicted{border-left-color:var(--con)}.v-disputed{border-left-color:var(--dis)}.v-unverified{border-left-color:var(--unv)}
.muted{color:var(--mute);background:var(--bg)}.line{margin:0}
.claim{font-weight:600}.reason{margin:.4rem 0}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:1rem;margin-top:.5rem}
.side,.related{min-width:0}.related{margin-top:.5rem}.related .ev{font-size:.9rem;background:#fff;border:1px dashed var(--line)}
.ev{margin:0 0 .75rem;padding:.5rem .75rem;background:var(--bg);border-radius:.3rem}
.supports .ev{border-left:3px solid var(--sup)}.contradicts .ev{border-left:3px solid var(--con)}
blockquote{margin:0;font-family:Georgia,"Times New Roman",serif;overflow-wrap:anywhere}
.ev p{margin:.3rem 0 0;font-size:.875rem}.cite{color:var(--mute)}
.none{color:var(--mute);font-style:italic}
mark{background:#fff8c5;color:inherit;padding:0 .1em}
mark.val{font-weight:700;padding:0 .2em;border-radius:.2em}mark.diff{background:#ffcecb;outline:1px solid var(--con)}
mark.same{background:#aceebb}mark.claim{background:#ddf4ff;outline:1px solid #54aeff}
.legend{font-size:.875rem;color:var(--mute)}
.said{border-left:3px solid var(--line);padding-left:.75rem}
.sub{margin-top:.5rem;padding-top:.5rem;border-top:1px dashed var(--line)}
.d1{margin-left:1.5rem}.d2{margin-left:3rem}.d3{margin-left:4.5rem}.d4,.d5,.d6{margin-left:6rem}
.hash{word-break:break-all}.unsafe{color:var(--con);overflow-wrap:anywhere}
dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:0 1rem;font-size:.875rem;margin:.5rem 0 0}
dl.fields dt{color:var(--mute)}dl.fields dd{margin:0;overflow-wrap:anywhere}
footer{margin-top:2rem;color:var(--mute);font-size:.85rem}
@media screen and (prefers-color-scheme:dark){:root{--ink:#e6edf3;--mute:#9198a1;--line:#3d444d;--bg:#151b23}
body{background:#0d1117}a{color:#4493f8}.b-none{background:#656c76}.flag,.related .ev{background:#0d1117}
mark{color:#1f2328}.muted{background:#151b23}}
@media (max-width:40rem){main{padding:.6rem}.sides{grid-template-columns:1fr}
.d1,.d2,.d3,.d4,.d5,.d6{margin-left:.75rem}.item,.comment{padding:.6rem .7rem}h1{font-size:1.35rem}}
@media print{body{font-size:11pt}main{max-width:none;padding:0}a{color:inherit}
a[href^="http"]::after{content:" <" attr(href) ">";font-size:.8em;overflow-wrap:anywhere}
.bar,.seg,.badge,mark,.ev{-webkit-print-color-adjust:exact;print-color-adjust:exact}
h2,h3{break-after:avoid}.ev{break-inside:avoid}}
"""


def render_html(report: dict[str, Any], *, title: str | None = None) -> str:
    """The whole page for a ``check``, ``audit`` or ``comments`` report (detected by key)."""
    kind = report_kind(report)
    sources = source_index(report)
    if kind == "check":
        body, default = _check_body(report, sources)
    elif kind == "audit":
        body, default = _audit_body(report, sources)
    else:
        body, default = _comments_body(report, sources)
    head = escape(title if title is not None else default)
    body += sources_section(report) + skipped_section(report)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="verify"><title>{head}</title><style>{CSS}</style></head>'
        f'<body><main><h1>{head}</h1>{body}<footer><p>Made by verify. Each passage is quoted '
        "from the archived copy of its source named by its sha256; verdicts say what these "
        "sources say, not what is true.</p></footer></main></body></html>\n")

