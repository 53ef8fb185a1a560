"""The small dataclasses that flow between the pipeline's stages.

claims -> sources -> passages -> candidates -> stance -> verdict -> report. Each stage
takes and returns these plain objects so that any stage can be used (and tested) alone.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar, Literal

Verdict = Literal["supported", "contradicted", "disputed", "unverified"]
StanceLabel = Literal["supports", "contradicts", "related"]
VERDICTS: tuple[str, ...] = ("supported", "contradicted", "disputed", "unverified")


@dataclass
class Claim:
    """One claim to check. ``fields`` keeps the input row's other columns."""

    id: str
    text: str
    row: int = 0
    fields: dict[str, str] = field(default_factory=dict)
    urls: list[str] = field(default_factory=list)


@dataclass
class Source:
    """A document of the corpus. ``text`` is what gets split into passages; ``body_offset``
    is where it starts in the original file so offsets and lines point into the file."""

    id: str
    path: str
    title: str
    sha256: str
    text: str
    kind: str = "txt"
    meta: dict[str, str] = field(default_factory=dict)
    body_offset: int = 0
    body_line: int = 1

    @property
    def url(self) -> str | None:
        return self.meta.get("final_url") or self.meta.get("url")

    @property
    def published(self) -> str | None:
        return self.meta.get("published") or self.meta.get("date")

    def to_dict(self) -> dict[str, Any]:
        """The report's entry for this source (the same in check, audit and comments)."""
        return {"id": self.id, "title": self.title, "path": self.path, "url": self.url,
                "sha256": self.sha256, "kind": self.kind, "published": self.published}


@dataclass
class Passage:
    """A sentence of a source. ``start``/``end`` are character offsets and ``line`` the
    1-based line in the original file; ``para`` groups sentences of one paragraph."""

    source_id: str
    index: int
    text: str
    start: int
    end: int
    line: int
    para: int = 0


@dataclass
class Evidence:
    """A passage judged against a claim, with the reason in plain words."""

    stance: StanceLabel
    source: str
    passage: str
    line: int
    start: int
    end: int
    score: float
    reason: str
    title: str = ""
    url: str | None = None
    matched: list[str] = field(default_factory=list)
    claim_value: str | None = None
    source_value: str | None = None
    voice: str | None = None
    check: str = ""                   # what decided the stance: model, rules:values:quantity, ...
    probs: list[float] | None = None  # the model's P(entails, neutral, contradicts), if it ran


@dataclass
class ClaimResult:
    claim: Claim
    verdict: Verdict
    confidence: float
    evidence: list[Evidence] = field(default_factory=list)
    reason: str = ""

    def sources_for(self, stance: str) -> list[str]:
        """Independent sources behind one side (a source counts once)."""
        seen: list[str] = []
        for ev in self.evidence:
            if ev.stance == stance and ev.source not in seen:
                seen.append(ev.source)
        return seen


@dataclass
class Skipped:
    """Something left out of the run, and why: a source file, an input row or a URL."""

    what: str
    reason: str
    kind: str = "source"


@dataclass
class Report:
    """Everything a check produced; ``to_dict`` is the documented JSON shape."""

    kind: ClassVar[str] = "check"  # which report this is, for ``verify.render``
    claims: list[ClaimResult]
    sources: list[Source]
    skipped: list[Skipped] = field(default_factory=list)
    passages: int = 0

    def counts(self) -> dict[str, int]:
        out = {v: 0 for v in VERDICTS}
        for r in self.claims:
            out[r.verdict] += 1
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": 1,
            "corpus": {"sources": len(self.sources), "passages": self.passages},
            "summary": self.counts(),
            "claims": [_claim_dict(r) for r in self.claims],
            "sources": [s.to_dict() for s in self.sources],
            "skipped": [asdict(s) for s in self.skipped],
        }


def _claim_dict(r: ClaimResult) -> dict[str, Any]:
    return {
        "id": r.claim.id,
        "claim": r.claim.text,
        "verdict": r.verdict,
        "confidence": round(r.confidence, 3),
        "reason": r.reason,
        "row": r.claim.row,
        "fields": r.claim.fields,
        "sources_supporting": r.sources_for("supports"),
        "sources_contradicting": r.sources_for("contradicts"),
        "evidence": [
            {**asdict(e), "score": round(e.score, 3)} for e in r.evidence
        ],
    }
