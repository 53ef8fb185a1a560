"""Pieces of the HTML report shared by the check, audit and comments pages: badges, links,
the verdict bar, evidence side by side, the sources table and what was left out.

Every string passes through ``escape`` and only ``safe_url`` URLs reach an ``href``.
"""
from __future__ import annotations

from typing import Any

from verify.render.common import (
    LABELS,
    cite,
    escape,
    highlight,
    items,
    safe_url,
    same_value,
    text,
    verdict_of,
)


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
