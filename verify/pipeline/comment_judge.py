"""Judging one comment: what kind it is, which statements in it to check, one verdict per
comment, whether a reply disputes its parent, and where an article page's own comment
section starts (so a comment is never its own evidence).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import ClaimResult
from ..reading.parts import AUXILIARIES

if TYPE_CHECKING:
    from ..model import Comment, CommentResult

# A trailing ", not X like some outlets wrote" names what the reader corrects; the claim is
# what comes before it.
_CORRECTION = re.compile(r",?\s+(?:and\s+)?not\s+[^,]*?(?:\s+(?:like|as)\s+[^,]*)?$", re.I)
# Vague time words a reader adds from memory; they make a sourced fact look unsupported.
_VAGUE_TIME = re.compile(r"\s+(?:many\s+|some\s+|several\s+)?(?:years|months|decades|ages|long)\s+ago\b"
                         r"|\s+(?:a\s+while|way)\s+back\b", re.I)
_AND = re.compile(r",\s+and\s+(?!(?:it|that|this|then)\b)", re.I)
# Pages write apostrophes typographically (&rsquo;), exports mostly do not: both count.
_DISPUTE_CUE = re.compile(
    r"^\s*(?:no\b|nope\b|not true\b|not so\b|wrong\b|false\b|incorrect\b|untrue\b|actually\b|in fact\b)"
    r"|\b(?:(?:that|this|it)(?:['\u2019]s| is) (?:not true|false|wrong|incorrect|a lie|misleading|untrue)"
    r"|(?:isn['\u2019]t|is not|wasn['\u2019]t|was not) true|never happened|you['\u2019]re wrong|you are wrong)\b",
    re.I,
)
# A reply's opening word, set off by punctuation: "No, ...", "Actually, ...", "Wrong. ..."
_REPLY_WORD = re.compile(r"^\s*(?:no|nope|yes|yeah|yep|well|actually|wrong|false|not true|in fact)\s*[,.!;:\u2014-]+\s+",
                         re.I)
RESCUE_MARGIN = 0.15
# a part opening with an auxiliary, a modal or a past form has no subject of its own
_NO_SUBJECT = re.compile(r"\s*(?:" + "|".join(sorted(AUXILIARIES)) + r"|\w+ed)\b", re.I)


def claim_texts(text: str) -> tuple[str, str, list[str]]:
    """Kind, reason and the statements to check for one comment."""
    from ..reading.worthiness import classify_text, split_claims

    w = classify_text(text)
    claims = split_claims(text) if w.kind == "claim" else []
    if w.kind == "claim" and not claims:
        claims = [text]
    return w.kind, w.reason, [p for c in claims for p in _parts(c)]


def borderline_claims(text: str) -> list[str]:
    """Clauses the model nearly calls check-worthy and that pass no judgement: checked, and
    counted as claims only if the sources speak to them (see ``assess``)."""
    from ..reading.worthiness import _clauses, _judgemental, _question, _score, load_model, split_sentences

    model = load_model()
    out: list[str] = []
    for sentence in split_sentences(text):
        if _question(sentence):
            continue
        for clause in _clauses(sentence):
            score, best, _ = _score(model, clause)
            if score >= model.threshold - RESCUE_MARGIN and not _judgemental(clause) and len(best.split()) >= 4:
                out += _parts(best.rstrip(" .!,;"))
    return out


def _parts(claim: str) -> list[str]:
    """Split 'A, and B' into two checks and drop corrections, vague time words and the
    reply word in front ('No, it opened in 1998' states that it did)."""
    out = []
    pieces: list[str] = []
    for piece in _AND.split(_REPLY_WORD.sub("", claim)):
        # '..., and may have stalled' goes on about the first part's subject: not a claim alone
        if pieces and _NO_SUBJECT.match(piece):
            pieces[-1] += ", and " + piece
        else:
            pieces.append(piece)
    for part in pieces:
        part = _VAGUE_TIME.sub("", part)
        cut = _CORRECTION.sub("", part)
        part = cut if len(cut.split()) >= 3 else part
        part = part.strip(" ,;.")
        if part:
            out.append(part[:1].upper() + part[1:])
    return out


def overall(verdicts: list[str]) -> str | None:
    """One verdict per comment: the worst news wins, so a single false claim is not hidden
    behind true ones."""
    for v in ("contradicted", "disputed", "unverified", "supported"):
        if v in verdicts:
            return v
    return None


def disputes(reply: "CommentResult", parent: "CommentResult", idf) -> bool:
    """Does the reply dispute a factual claim of its parent? Either in words ('that's not
    true') or because the stance engine reads the reply's statement as contradicting it."""
    from .._stance import judge
    from ..reading.facts import read_facts

    if not parent.claims:
        return False
    if _DISPUTE_CUE.search(reply.comment.text):
        return True
    context = read_facts(reply.comment.text)
    for pc in parent.claims:
        facts = read_facts(pc.claim.text)
        for rc in reply.claims:
            if judge(facts, read_facts(rc.claim.text), context, idf).label == "contradicts":
                return True
    return False


def comment_section(page: str, comments: "list[Comment]", gap: int = 1000) -> int | None:
    """Where the reader comments start on an article page that carries them, or None.

    Article pages often end with their comment section; those passages are readers talking,
    not the source, and a comment must never be its own evidence. The section starts at the
    first sentence of an exported comment that is followed closely by another comment's
    sentence: a lone verbatim quote of the article body does not start it.
    """
    from ..reading.worthiness import split_sentences

    hits: list[tuple[int, str]] = []
    for c in comments:
        for sentence in split_sentences(c.text):
            if len(sentence) >= 20 and (pos := page.find(sentence)) >= 0:
                hits.append((pos, c.id))
    hits.sort()
    for i, (pos, cid) in enumerate(hits):
        if any(other != cid and nxt - pos <= gap for nxt, other in hits[i + 1:]):
            return pos
    return None


def outside(result: ClaimResult, source_id: str, start: int | None) -> ClaimResult:
    """The result without evidence from the page's comment section, verdict decided again."""
    from ..verdict import decide

    if start is None:
        return result
    kept = [e for e in result.evidence if not (e.source == source_id and e.start >= start)]
    if len(kept) == len(result.evidence):
        return result
    verdict, confidence, reason = decide(kept)
    return ClaimResult(result.claim, verdict, confidence, kept, reason)  # type: ignore[arg-type]
