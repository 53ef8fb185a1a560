"""The bodies of the three HTML reports: a fact-check, a draft audit and a comment review.

Each returns ``(body, default title)``; ``render_html`` wraps it in the page.
"""
from __future__ import annotations

from typing import Any

from verify.render.common import confidence, count_verdicts, escape, highlight, items, text, verdict_of
from verify.render.html.blocks import LEGEND, badge, bar, count_list, evidence_sections, tag

# ---------------------------------------------------------------- the check report

def _check_body(report: dict[str, Any], sources: dict[str, dict[str, Any]]) -> tuple[str, str]:
    claims = items(report.get("claims"))
    counts = count_verdicts(claims)
    corpus = report.get("corpus") if isinstance(report.get("corpus"), dict) else {}
    n_src = corpus.get("sources", len(items(report.get("sources"))))  # type: ignore[union-attr]
    meta = f"{len(claims)} claim{'s' * (len(claims) != 1)} checked against {escape(text(n_src))} sources"
    if corpus.get("passages"):  # type: ignore[union-attr]
        meta += f" ({escape(text(corpus['passages']))} passages)"  # type: ignore[index]
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
        dl = "".join(f"<dt>{escape(text(k))}</dt><dd>{escape(text(v))}</dd>" for k, v in fields.items())  # type: ignore[union-attr]
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
