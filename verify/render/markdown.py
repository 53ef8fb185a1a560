"""A Markdown report that reads well on GitHub, in a pull request and pasted into chat.

Untrusted text (claims, passages, titles, reader comments) is escaped so that it can never
become a link, an image, HTML, a code span or a table cell break: every Markdown special is
backslash-escaped, newlines are folded (a passage cannot start a heading or list), URL-looking
text loses its autolink (``https\\://``, ``www\\.``, an invisible word joiner after ``@`` for
e-mail addresses and @mentions), and only http(s) URLs become links.
The report is read as a plain dict, like the HTML renderer, whose helpers it shares.
"""
from __future__ import annotations

import re
from typing import Any

from verify.render.common import as_data
from verify.render.html import (
    LABELS,
    QUOTE_LABELS,
    cite,
    confidence,
    count_verdicts,
    items,
    safe_url,
    same_value,
    source_index,
    text,
    verdict_of,
)

ICONS = {"supported": "✅", "contradicted": "❌", "disputed": "⚖️", "unverified": "❔"}

# only what can start markup mid-line; (, ), ! and - are inert once [ and ] are escaped
_SPECIAL = re.compile(r"([\\`*_\[\]#|<>~&$])")
# what GitHub would autolink: scheme://..., www., and the bare schemes of the GFM spec; a
# backslash before the colon (or the dot of www.) keeps the text but drops the link
_AUTOLINK = re.compile(r"(?i)(?<![a-z0-9])(?:[a-z][a-z0-9+.\-]*(?=://)|mailto|xmpp|javascript|"
                       r"vbscript|data|file)(?=:)|(?<![a-z0-9])www(?=\.)")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACE = re.compile(r"\s+")


def md(value: Any) -> str:
    """Untrusted text as inert inline Markdown on one line (safe in a table cell too)."""
    s = _SPACE.sub(" ", _CONTROL.sub("", text(value))).strip()
    s = _AUTOLINK.sub(lambda m: m.group(0) + "\x00", s)
    s = _SPECIAL.sub(r"\\\1", s)
    s = s.replace("\x00:", "\\:").replace("\x00.", "\\.").replace("\x00", "")
    # an escaped @ is still an email autolink (and a GitHub @mention): a word joiner
    # (U+2060, invisible) after it breaks both
    s = s.replace("@", "@\u2060")
    s = re.sub(r"^([-+=])", r"\\\1", s)  # a list item or setext line at the start
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", s)


def md_link(url: Any, label: Any) -> str:
    """``[label](url)`` for an http(s) URL; anything else is just the escaped label."""
    safe = safe_url(url)
    shown = md(text(label) or text(url))
    if not safe:
        return shown
    dest = safe.replace("<", "%3C").replace(">", "%3E").replace("\\", "%5C")
    return f"[{shown}](<{dest}>)"


def verdict(value: Any, fallback: str = "not checked") -> str:
    v = verdict_of(value)
    return f"{ICONS[v]} {LABELS[v]}" if v else md(text(value) or fallback)


def _bold_value(passage: str, value: Any) -> str:
    """The passage escaped, with the source's value in bold (found on the raw text)."""
    needle = text(value).strip()
    m = re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", passage, re.IGNORECASE) if needle else None
    if not m:
        return md(passage)
    a, b = m.span()
    head, mid, tail = passage[:a], passage[a:b], passage[b:]
    return f"{md(head)}{' ' if head[-1:].isspace() else ''}**{md(mid)}**" \
           f"{' ' if tail[:1].isspace() else ''}{md(tail)}"


def _evidence(ev: dict[str, Any], sources: dict[str, dict[str, Any]]) -> list[str]:
    src = sources.get(text(ev.get("source"))) or {}
    title = text(ev.get("title")) or text(src.get("title")) or text(ev.get("source"))
    url = ev.get("url") or src.get("url")
    where = [md_link(url, title) if safe_url(url) else md(title), md(cite(ev))]
    if url and not safe_url(url):
        where.append(f"URL not linked: {md(url)}")
    sha = text(src.get("sha256"))
    if sha:
        where.append(f"sha256 `{sha[:12]}`" if re.fullmatch(r"[0-9a-fA-F]+", sha) else f"sha256 {md(sha[:12])}")
    lines = [f"> {_bold_value(text(ev.get('passage')), ev.get('source_value'))}", ">",
             f"> — {' · '.join(where)}"]
    cv, sv = ev.get("claim_value"), ev.get("source_value")
    note = md(ev.get("reason"))
    if cv or sv:
        same = "same value" if same_value(cv, sv) else "differs"
        note = f"Claim says **{md(cv) or '?'}**, source says **{md(sv) or '?'}** ({same}). {note}"
    if note.strip():
        lines += [">", f"> {note.strip()}"]
    return lines + [""]


def _evidence_sections(evidence: Any, sources: dict[str, dict[str, Any]]) -> list[str]:
    evs = items(evidence)
    if not evs:
        return ["*No passage in the sources bears on this.*", ""]
    out = []
    groups = (("supports", "Supporting"), ("contradicts", "Contradicting"), (None, "Related"))
    for stance, head in groups:
        chosen = [e for e in evs if e.get("stance") == stance] if stance else \
            [e for e in evs if e.get("stance") not in ("supports", "contradicts")]
        if not chosen and stance is None:
            continue
        out += [f"**{head} ({len(chosen)})**" + ("" if chosen else ": none found."), ""]
        for ev in chosen:
            out += _evidence(ev, sources)
    return out


def _counts_table(counts: dict[str, int]) -> list[str]:
    return ["| Verdict | Count |", "|---|---:|"] + \
        [f"| {verdict(v)} | {n} |" for v, n in counts.items()] + [""]


def _tail(report: dict[str, Any]) -> list[str]:
    out = []
    srcs = items(report.get("sources"))
    if srcs:
        out += ["## Sources", "", "| Source | File | Published | sha256 |", "|---|---|---|---|"]
        for s in srcs:
            out.append(f"| {md_link(s.get('url'), s.get('title') or s.get('path'))} | "
                       f"{md(s.get('path') or s.get('id'))} | {md(s.get('published'))} | {md(s.get('sha256'))} |")
        out.append("")
    skipped = items(report.get("skipped"))
    if skipped:
        out += [f"## Left out ({len(skipped)})", ""]
        out += [f"- {md(s.get('kind') or 'item')}: {md(s.get('what'))}: {md(s.get('reason'))}" for s in skipped]
        out.append("")
    return out + ["*Verdicts say what these sources say, not what is true.*", ""]


def _check(report: dict[str, Any], sources: dict[str, dict[str, Any]]) -> list[str]:
    claims = items(report.get("claims"))
    corpus = report.get("corpus") if isinstance(report.get("corpus"), dict) else {}
    n_src = corpus.get("sources", len(items(report.get("sources"))))  # type: ignore[union-attr]
    out = ["# Fact-check report", "",
           f"{len(claims)} claims checked against {md(n_src)} sources"
           + (f" ({md(corpus['passages'])} passages)." if corpus.get("passages") else "."), ""]  # type: ignore[index, union-attr]
    out += _counts_table(count_verdicts(claims))
    out += ["| # | Id | Verdict | Confidence | Claim |", "|---:|---|---|---:|---|"]
    out += [f"| {i} | {md(c.get('id'))} | {verdict(c.get('verdict'))} | {confidence(c.get('confidence'))} "
            f"| {md(c.get('claim'))} |" for i, c in enumerate(claims, 1)]
    out.append("")
    for i, c in enumerate(claims, 1):
        conf = confidence(c.get("confidence"))
        about = [f"**{verdict(c.get('verdict'))}**"] + ([f"confidence {conf}"] if conf else [])
        if text(c.get("id")):
            about.append(f"id {md(c.get('id'))}")
        if c.get("row") not in (None, "", 0):
            about.append(f"row {md(c.get('row'))}")
        out += [f"## {i}. {md(c.get('claim')) or '(empty claim)'}", "", " · ".join(about), "",
                f"**Why:** {md(c.get('reason')) or 'no reason given'}", ""]
        fields = c.get("fields") if isinstance(c.get("fields"), dict) else {}
        if fields:
            out += [", ".join(f"{md(k)}: {md(v)}" for k, v in fields.items()), ""]
        out += _evidence_sections(c.get("evidence"), sources)
    return out


def _audit(report: dict[str, Any], sources: dict[str, dict[str, Any]]) -> list[str]:
    rows = items(report.get("statements"))
    checked = [s for s in rows if s.get("kind") in ("claim", "quote") or verdict_of(s.get("verdict"))]
    done = {id(s) for s in checked}
    out = ["# Draft audit", ""]
    if report.get("draft"):
        out += [f"Draft: {md(report['draft'])}", ""]
    out += [f"{len(rows)} sentences: {len(checked)} checked, {len(rows) - len(checked)} not checked.", ""]
    out += _counts_table(count_verdicts(checked))
    for i, s in enumerate(checked, 1):
        q = s.get("quote") if isinstance(s.get("quote"), dict) else None
        head = f"## Line {md(s.get('line'))}: {verdict(s.get('verdict'))}"
        if q:
            st = text(q.get("status"))
            head += f", {md(QUOTE_LABELS.get(st, st or 'quote'))}"
        out += [head, "", f"**Draft:** {md(s.get('text'))}", ""]
        if q:
            said, src = md(q.get("speaker")), md(q.get("source_speaker"))
            if q.get("status") == "misattributed" and src:
                out += [f"The draft gives these words to **{said or 'someone'}**; the source gives them to **{src}**.", ""]
            elif said:
                out += [f"Speaker: **{said}**.", ""]
            if q.get("diff"):
                diff = q["diff"]
                out += [f"Word changes: {md(' '.join(map(text, diff)) if isinstance(diff, list) else diff)}", ""]
        out += [f"**Why:** {md(s.get('reason')) or 'no reason given'}", ""]
        out += _evidence_sections(s.get("evidence"), sources)
    rest = [s for s in rows if id(s) not in done]
    if rest:
        out += ["## Not checked", "", "| Line | Kind | Sentence | Why not |", "|---:|---|---|---|"]
        out += [f"| {md(s.get('line'))} | {md(s.get('kind'))} | {md(s.get('text'))} | {md(s.get('reason'))} |"
                for s in rest]
        out.append("")
    return out


def _comments(report: dict[str, Any], sources: dict[str, dict[str, Any]]) -> list[str]:
    from verify.render.html import _threads, needs_attention

    rows = items(report.get("comments"))
    threads = _threads(rows)
    out = ["# Comment review", "",
           f"{len(rows)} comments in {len(threads)} threads; **{sum(map(needs_attention, rows))} need "
           "a moderator's attention** (contradicted or disputed claims, replies disputing a parent).", ""]
    out += _counts_table(count_verdicts(rows))
    for n, thread in enumerate(threads, 1):
        out += [f"## Thread {n}", ""]
        verdicts = {c.get("verdict") for _, c in thread}
        if any(c.get("disputes_parent") for _, c in thread):
            out += ["**Look here:** a reply disputes a factual claim of its parent.", ""]
        if {"supported", "contradicted"} <= verdicts:
            out += ["**Look here:** the verdicts of comments in this thread disagree.", ""]
        for depth, c in thread:
            arrow = "↳ " * min(depth, 6)
            v = verdict(c.get("verdict"), "no claim") if c.get("verdict") is not None else "no claim"
            who = ", ".join(md(x) for x in (c.get("id"), c.get("date")) if text(x))
            out += [f"### {arrow}{md(c.get('author')) or 'anonymous'} ({who}): {v}, {md(c.get('kind') or 'other')}", ""]
            if c.get("disputes_parent"):
                out += ["*Disputes its parent.*", ""]
            if text(c.get("text")):
                out += [f"> {md(c.get('text'))}", ""]
            if text(c.get("reason")):
                out += [f"Why {md(c.get('kind') or 'other')}: {md(c.get('reason'))}", ""]
            for k in items(c.get("claims")):
                out += [f"- {verdict(k.get('verdict'))}: {md(k.get('claim'))}", ""]
                out += _evidence_sections(k.get("evidence"), sources)
    return out


def render_markdown(report: Any, *, kind: str | None = None) -> str:
    """Markdown for a ``check``, ``audit`` or ``comments`` report: a typed report, or the
    dict of a saved one (``kind`` when the caller knows it, else known by its keys)."""
    report, kind = as_data(report) if kind is None else (report, kind)
    sources = source_index(report)
    body = {"check": _check, "audit": _audit, "comments": _comments}[kind](report, sources)
    lines = body + _tail(report)
    return "\n".join(lines).rstrip() + "\n"

