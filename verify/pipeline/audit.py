"""Audit an article draft: every checkable sentence and every quotation, against the sources.

An editor does not have a claims file, only prose. So the draft is split into sentences,
each is sorted by check-worthiness (claims get checked, opinions and questions are listed
but left alone), and direct quotations are matched word for word against the sources,
because a misquote slips through a plain claim check: the source "supports" the topic while
a word or the speaker has changed. A sentence that holds a quotation is judged as a quote,
since the quoted words are what a reader will hold the publication to.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from ..inputs.drafts import read_draft
from ..model import AuditReport, Claim, ClaimResult, Source, Statement
from ..reading.quotes import Quote, QuoteMatch, find_quotes, match_quote
from ..reading.sentences import sentence_spans
from ..reading.worthiness import classify
from ..retrieval import Retriever
from ..stance import Stance, make_stance
from .check import check_claim, open_index

# How a quote's status reads as a verdict, so quotes count in the same summary as claims:
# words found as written back the sentence; words given to someone else contradict it;
# changed words are a dispute between draft and source; words nowhere are unverified.
QUOTE_VERDICT = {"exact": "supported", "altered": "disputed", "misattributed": "contradicted",
                 "not-found": "unverified"}
# When one sentence holds several quotations, the one shown is the most serious.
_SEVERITY = {"misattributed": 3, "altered": 2, "not-found": 1, "exact": 0}


_MARKERS = re.compile(r"^(?:[>*+-][ \t]*)+")


# --- splitting into statements -----------------------------------------------------------------

def _statements(text: str, quotes: list[Quote]) -> list[tuple[int, int, list[Quote]]]:
    """Sentence spans, merged where a quotation runs across sentences, with their quotes."""
    spans = [list(s) for s in sentence_spans(text)]
    for q in quotes:
        hit = [i for i, (a, b) in enumerate(spans) if a < q.end and q.start < b]
        if len(hit) > 1:
            first, last = hit[0], hit[-1]
            spans[first][1] = spans[last][1]
            del spans[first + 1:last + 1]
    out = []
    for a, b in spans:
        out.append((a, b, [q for q in quotes if a < q.end and q.start < b]))
    return out


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


# --- the audit ---------------------------------------------------------------------------------

def audit(draft: str | Path, sources: Sequence[str | Path] = ("sources",), *,
          cache: str | Path | None = None, retriever: Retriever | None = None,
          text: str | None = None, fetch_options=None, stance=None,
          stance_model: str | Path | None = None, index: Retriever | None = None,
          shards: bool = False) -> AuditReport:
    """Audit a draft (path, URL or ``-``; or ``text`` given directly) against ``sources``;
    ``fetch_options`` (a ``verify.web.fetch.FetchOptions``) governs fetching URLs; ``stance``
    and ``stance_model`` choose the judgement as in ``check``; ``retriever`` (``index``, its
    older name) searches an already open corpus instead of indexing ``sources``; ``shards``
    keeps that index as shard files searched as one, as in ``check``."""
    judge = make_stance(stance, stance_model)
    index = retriever or index
    if text is None:
        text, name = read_draft(draft, cache=cache, fetch_options=fetch_options)
    else:
        name = str(draft)
    if index is None:
        index, srcs, skipped = open_index(list(sources), cache, fetch_options=fetch_options, shards=shards)
    else:
        srcs, skipped = index.sources(), []
    by_id = {s.id: s for s in srcs}
    quotes = find_quotes(text)
    statements = []
    for n, (a, b, qs) in enumerate(_statements(text, quotes), 1):
        sentence = _MARKERS.sub("", " ".join(text[a:b].split()))
        st = Statement(sentence, _line(text, a), a, b, "other", "")
        if qs:
            _audit_quotes(st, qs, index, by_id)
        else:
            w = classify(sentence)
            st.kind, st.reason, st.score = w.kind, w.reason, w.score
            if w.kind == "claim":
                _take_result(st, _check_sentence(sentence, n, st.line, index, by_id, judge))
            else:
                st.reason = f"not checked: {w.reason}"
        statements.append(st)
    return AuditReport(name, statements, srcs, skipped, index.count())


_SAID = (r"(?:said|says|told (?:\w+ ){0,2}?\w+|reported|reports|added|noted|stated|wrote|estimated|"
         r"announced|confirmed)")
# "..., a UNHCR spokesperson said." / "..., said the ministry." / "..., according to X."
_TRAILING_ATTRIBUTION = re.compile(
    rf",\s*(?:according to [^,]{{1,80}}"
    rf"|(?!(?:who|which|that|and|but|so)\b)(?:[\w.'\u2019-]+\s+){{1,8}}?{_SAID}"
    rf"|{_SAID}\s+(?:the\s+|an?\s+|[A-Z])(?:[\w.'\u2019-]+\s*){{1,8}})\s*[.!]?$")
_LEADING_ATTRIBUTION = re.compile(r"^according to [^,]{1,80},\s*", re.I)
# "Nearly five years after X did Y, ..." / "As of the end of September, ...": a time or
# circumstance clause leading into the main statement.
_LEADING_CLAUSE = re.compile(
    r"^(?:[\w'-]+\s+){0,4}?(?:after|before|since|when|while|as of|by|during|following|until|"
    r"despite|although|though|once)\b[^,]{2,120},\s+(?=[\w\u201c\"])", re.I)


def claim_variants(sentence: str) -> list[str]:
    """The sentence as checked, then shorter readings of it: without the attribution (the
    sources state the fact, seldom who told the reporter) and without a leading time clause
    (the main statement, which the sources may say with a different frame). Each is a
    statement the sentence makes, so a source that decides one of them decides the sentence."""
    full = sentence.lstrip("#").strip()
    out = [full]
    core = _LEADING_ATTRIBUTION.sub("", _TRAILING_ATTRIBUTION.sub(".", full))
    if core != full and len(core.split()) >= 4:
        out.append(core[:1].upper() + core[1:])
    for text in list(out):
        m = _LEADING_CLAUSE.match(text)
        if m and len(text[m.end():].split()) >= 4:
            main = text[m.end():]
            out.append(main[:1].upper() + main[1:])
    return list(dict.fromkeys(out))


def _check_sentence(sentence: str, n: int, line: int, index: Retriever,
                    by_id: dict[str, Source], stance: Stance) -> ClaimResult:
    """Check the whole sentence; when no source decides it, its shorter readings. A decisive
    reading wins over an undecided whole; among readings the most confident one is kept,
    a contradiction before a support on a tie."""
    variants = claim_variants(sentence)
    results = [check_claim(Claim(id=str(n), text=variants[0], row=line), index, by_id, stance)]
    if results[0].verdict != "unverified":
        return results[0]
    for v in variants[1:]:
        results.append(check_claim(Claim(id=str(n), text=v, row=line), index, by_id, stance))
    decisive = [r for r in results[1:] if r.verdict != "unverified"]
    if not decisive:
        return results[0]
    best = max(decisive, key=lambda r: (r.confidence, r.verdict == "contradicted"))
    best.reason = f"{best.reason} (read as: {best.claim.text})"
    best.claim = results[0].claim
    return best


def _take_result(st: Statement, result: ClaimResult) -> None:
    st.verdict, st.confidence, st.reason = result.verdict, result.confidence, result.reason
    st.evidence = [{**asdict(e), "score": round(e.score, 3)} for e in result.evidence]


def _audit_quotes(st: Statement, qs: list[Quote], index: Retriever, by_id: dict[str, Source]) -> None:
    matched = []
    for q in qs:
        rows = _quote_context(q.text, index, by_id)
        m = match_quote(q, [(r[0], r[1]) for r in rows])
        if m.source:  # back from the key of a stretch of passages to the source's id
            m = replace(m, source=m.source.split(_BLOCK)[0])
        matched.append((q, m, rows))
    q, m, rows = max(matched, key=lambda t: (_SEVERITY[t[1].status], len(t[0].text)))
    st.kind, st.score = "quote", 1.0
    st.verdict = QUOTE_VERDICT[m.status]
    st.confidence = m.score if m.status != "not-found" else 0.0
    st.quote = {"status": m.status, "speaker": q.speaker, "source_speaker": m.source_speaker,
                "diff": m.diff, "text": q.text, "source": m.source, "score": m.score}
    st.reason = _quote_reason(q, m)
    if m.source and m.passage:
        st.evidence = [_quote_evidence(q, m, rows, by_id)]


_BLOCK = "\x00"
QUOTE_HITS = 50          # keyword hits read for each quotation
_SPEAKER_BEFORE, _SPEAKER_AFTER = 40, 6  # how far match_quote looks for who is speaking


def _quote_context(text: str, index: Retriever, by_id: dict[str, Source]) -> list[tuple]:
    """The stretches of source text where a quotation may be: the passages that share its
    words (keyword search) with enough around them to find the speaker, in document order.
    Reading every passage of a large archive for each quotation would not scale.

    Rows are (key, text, line, start, end); a source's separate stretches get separate keys
    (source id + ``_BLOCK`` + n) so that no quotation is matched across a gap."""
    hits = index.get([r for r, _ in index.search(text, limit=QUOTE_HITS)])
    spans: dict[str, list[list[int]]] = {}
    for p in sorted(hits, key=lambda p: (p.source_id, p.index)):
        if p.source_id not in by_id:
            continue
        lo, hi = p.index - _SPEAKER_BEFORE, p.index + _SPEAKER_AFTER
        blocks = spans.setdefault(p.source_id, [])
        if blocks and lo <= blocks[-1][1] + 1:
            blocks[-1][1] = max(blocks[-1][1], hi)
        else:
            blocks.append([lo, hi])
    rows: list[tuple] = []
    for sid, blocks in spans.items():
        for n, (lo, hi) in enumerate(blocks):
            rows += [(f"{sid}{_BLOCK}{n}", p.text, p.line, p.start, p.end)
                     for p in index.span(sid, lo, hi)]
    return rows


def _quote_reason(q: Quote, m: QuoteMatch) -> str:
    where = m.source or "the sources"
    if m.status == "exact":
        return f"quotation found word for word in {where}" + (
            f", said by {m.source_speaker}" if m.source_speaker else "")
    if m.status == "altered":
        return f"quotation differs from {where} ({m.score:.0%} of words alike): {m.diff}"
    if m.status == "misattributed":
        return f"the draft gives these words to {q.speaker}; {where} gives them to {m.source_speaker}"
    return "quotation not found in any source"


def _quote_evidence(q: Quote, m: QuoteMatch, rows: list[tuple], by_id: dict[str, Source]) -> dict[str, Any]:
    """An evidence entry in the same shape as ``check``'s, pointing at the source passage."""
    line, start, end = 0, 0, 0
    for key, ptext, pline, pstart, pend in rows:
        if key.split(_BLOCK)[0] == m.source and ptext and ptext in (m.passage or ""):
            line, start = pline, pstart
            end = start + len(m.passage or "")
            break
    src = by_id.get(m.source or "")
    stance = "supports" if m.status == "exact" else "contradicts"
    return {"stance": stance, "source": m.source, "passage": m.passage, "line": line, "start": start,
            "end": end, "score": m.score, "reason": _quote_reason(q, m), "title": src.title if src else "",
            "url": src.url if src else None, "matched": [], "claim_value": q.text if m.status != "exact" else None,
            "source_value": m.source_speaker if m.status == "misattributed" else None, "voice": None}
