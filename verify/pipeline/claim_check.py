"""One claim through the pipeline: its candidate passages, their stance, its verdict.

``check_claim`` is shared by the whole-run pipelines (``check``, ``audit``, ``comments``)
and by the worker processes and cluster tasks that run it (``parallel``, ``cluster``), which
import it from here rather than from ``check``, which imports them.
"""
from __future__ import annotations

import sqlite3

from ..errors import IndexError_, ModelError
from ..model import Claim, ClaimResult, Evidence, Source
from ..reading.facts import DENIAL_VERBS
from ..retrieval import Retriever
from ..retrieval.candidates import candidates
from ..stance import Candidate, Judged, Stance, make_stance
from ..text import stem
from ..verdict import decide

MAX_RELATED = 3


def check_claim(claim: Claim, index: Retriever, sources: dict[str, Source],
                stance: Stance | None = None, about: str | None = None) -> ClaimResult:
    """Judge the best candidate passages for one claim and decide its verdict.

    ``about``: the id of the source the claim was made about (the article a reader comments
    on), whose every passage is a candidate beside the corpus's best.

    A fault in judging one claim (a bug, not bad input) leaves that claim unverified with the
    fault as its reason, so one odd sentence never loses a run of thousands. A stance model
    that cannot be loaded at all is not such a fault: it ends the run (``ModelError``)."""
    stance = stance or make_stance()
    try:
        return _check_claim(claim, index, sources, stance, about)
    except sqlite3.DatabaseError as exc:  # the index itself failed: the run cannot go on
        unseal = getattr(index, "unseal", None)  # PassageIndex: check the file next time
        if unseal is not None:
            unseal()
        raise IndexError_(f"the index failed while checking claim {claim.id} ({exc}); "
                          "the next run checks it, and rebuilds it if damaged",
                          where=getattr(index, "path", None)) from None
    except ModelError:
        raise
    except Exception as exc:  # noqa: BLE001
        return ClaimResult(claim=claim, verdict="unverified", confidence=0.0, evidence=[],
                           reason=f"could not be judged: internal error ({type(exc).__name__}: {exc})")


# at most this many passages of the source a claim is about join its candidates (an article)
ABOUT_PASSAGES = 400


def claim_candidates(claim: Claim, index: Retriever, sources: dict[str, Source],
                     about: str | None = None) -> list[Candidate]:
    """Retrieval: the claim's best passages, each with the sentences around it; with ``about``,
    every passage of that source too. A reader's comment speaks of the article it is under
    ('the jet was at 32,000 ft'): its words may match another report better than the
    article's sentence, which the stance's own first look then ranks among them."""
    hits = candidates(index, claim.text)
    if about is not None:
        seen = {(p.source_id, p.index) for p, _sim in hits}
        hits += [(p, 0.0) for p in index.span(about, 0, ABOUT_PASSAGES - 1)
                 if (p.source_id, p.index) not in seen]
    passages = [p for p, _sim in hits]
    return [Candidate(p, around, sources.get(p.source_id), sim, rank)
            for rank, ((p, sim), around) in enumerate(zip(hits, index.contexts(passages, before=2, after=1)))]


def _check_claim(claim: Claim, index: Retriever, sources: dict[str, Source],
                 stance: Stance, about: str | None = None) -> ClaimResult:
    judged = stance.judge(claim.text, claim_candidates(claim, index, sources, about), index.idf)
    evidence = _evidence(judged)
    verdict, confidence, reason = decide(evidence)
    calibrated = getattr(stance, "confidence", None)  # optional: P(right) for this stance
    if calibrated is not None:
        confidence = calibrated(verdict, confidence)
    return ClaimResult(claim=claim, verdict=verdict, confidence=confidence,  # type: ignore[arg-type]
                       evidence=evidence, reason=reason)


def _evidence(judged: list[Judged]) -> list[Evidence]:
    out: list[Evidence] = []
    related = 0
    kept: list[tuple[str, int, int]] = []
    for jd in sorted(judged, key=lambda t: (t.judgement.label == "related", -t.judgement.score)):
        j, p, src = jd.judgement, jd.passage, jd.candidate.source
        # a sentence counts once: alone, or inside a span joined with its neighbour
        if any(s == p.source_id and a < p.end and p.start < b for s, a, b in kept):
            continue
        kept.append((p.source_id, p.start, p.end))
        if j.label == "related":
            if related >= MAX_RELATED:
                continue
            related += 1
        voice = "denial" if any(stem(w) in DENIAL_VERBS for w in p.text.lower().split()) else None
        out.append(Evidence(
            stance=j.label, source=p.source_id, passage=p.text, line=p.line, start=p.start,  # type: ignore[arg-type]
            end=p.end, score=round(j.score, 3), reason=j.reason, title=src.title if src else "",
            url=src.url if src else None, matched=j.matched, claim_value=j.claim_value,
            source_value=j.source_value, voice=voice, check=j.check,
            probs=[round(x, 4) for x in j.probs] if j.probs else None,
        ))
    return out
