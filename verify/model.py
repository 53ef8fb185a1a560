"""The small dataclasses that flow between the pipeline's stages, and the three reports.

claims -> sources -> passages -> candidates -> stance -> verdict -> report. Each stage
takes and returns these plain objects so that any stage can be used (and tested) alone.
A report (``Report`` of a check, ``AuditReport``, ``CommentsReport``) says its ``kind``;
``to_dict`` is its documented JSON shape and ``from_dict`` reads that shape back
(``report_from_dict`` for a saved report of any kind).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar, Literal

from .errors import InputError

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

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Source:
        """A report's source entry (its text is not in the report: left empty)."""
        meta = {k: d[k] for k in ("url", "published") if d.get(k)}
        return cls(id=d["id"], path=d["path"], title=d["title"], sha256=d["sha256"], text="",
                   kind=d.get("kind", "txt"), meta=meta)


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

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Report:
        """The report ``to_dict`` wrote (counts and per-side sources are recomputed)."""
        claims = [_claim_result(c, Claim(id=c["id"], text=c["claim"], row=c.get("row", 0),
                                         fields=dict(c.get("fields") or {})))
                  for c in d["claims"]]
        return cls(claims, *_corpus(d))


def _claim_result(c: dict[str, Any], claim: Claim) -> ClaimResult:
    return ClaimResult(claim=claim, verdict=c["verdict"], confidence=c["confidence"],
                       evidence=[Evidence(**e) for e in c.get("evidence") or []], reason=c.get("reason", ""))


def _corpus(d: dict[str, Any]) -> tuple[list[Source], list[Skipped], int]:
    """What every report says of its corpus: sources, skips, passage count."""
    return ([Source.from_dict(s) for s in d.get("sources") or []],
            [Skipped(**s) for s in d.get("skipped") or []], (d.get("corpus") or {}).get("passages", 0))


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


# --- the audit of a draft ---------------------------------------------------------------------

QUOTE_STATUSES = ("exact", "altered", "misattributed", "not-found")


@dataclass
class Statement:
    """One sentence of the draft (or several, when a quotation runs across them)."""

    text: str
    line: int
    start: int
    end: int
    kind: str
    reason: str
    score: float = 0.0
    verdict: str | None = None
    confidence: float = 0.0
    quote: dict[str, Any] | None = None
    evidence: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "line": self.line, "start": self.start, "end": self.end,
                "kind": self.kind, "verdict": self.verdict, "confidence": round(self.confidence, 3),
                "score": self.score, "quote": self.quote, "evidence": self.evidence,
                "reason": self.reason}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Statement:
        return cls(text=d["text"], line=d["line"], start=d["start"], end=d["end"], kind=d["kind"],
                   reason=d.get("reason", ""), score=d.get("score", 0.0), verdict=d.get("verdict"),
                   confidence=d.get("confidence", 0.0), quote=d.get("quote"),
                   evidence=list(d.get("evidence") or []))


@dataclass
class AuditReport:
    kind: ClassVar[str] = "audit"  # which report this is, for ``verify.render``
    draft: str
    statements: list[Statement]
    sources: list[Source]
    skipped: list[Skipped] = field(default_factory=list)
    passages: int = 0

    def summary(self) -> dict[str, Any]:
        """Counts of what the report shows, each statement once under its own kind: claims
        by verdict, quotations by status (a quotation's verdict is not a claim's)."""
        kinds: dict[str, int] = {}
        for s in self.statements:
            kinds[s.kind] = kinds.get(s.kind, 0) + 1
        verdicts = {v: 0 for v in VERDICTS}
        quotes = {q: 0 for q in QUOTE_STATUSES}
        for s in self.statements:
            if s.quote:
                quotes[s.quote["status"]] += 1
            elif s.verdict in verdicts:
                verdicts[s.verdict] += 1
        checked = sum(s.verdict is not None for s in self.statements)
        return {"sentences": len(self.statements), "checked": checked, "kinds": kinds, **verdicts,
                "quotes": quotes}

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": 1,
            "draft": self.draft,
            "corpus": {"sources": len(self.sources), "passages": self.passages},
            "summary": self.summary(),
            "statements": [s.to_dict() for s in self.statements],
            "sources": [s.to_dict() for s in self.sources],
            "skipped": [asdict(s) for s in self.skipped],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> AuditReport:
        """The report ``to_dict`` wrote (the summary is recomputed)."""
        sources, skipped, passages = _corpus(d)
        return cls(d["draft"], [Statement.from_dict(s) for s in d["statements"]], sources, skipped, passages)


# --- the review of reader comments -------------------------------------------------------------

# "Flags" a moderator sees on a comment and on its thread.
DISPUTES_PARENT = "disputes its parent"
VERDICTS_DISAGREE = "verdicts in this thread disagree"


@dataclass
class Comment:
    """One reader comment as exported; ``row`` is where it was in the file (1-based)."""

    id: str
    text: str
    parent_id: str | None = None
    author: str = ""
    date: str = ""
    row: int = 0


@dataclass
class CommentResult:
    comment: Comment
    kind: str
    reason: str
    verdict: str | None
    claims: list[ClaimResult] = field(default_factory=list)
    thread: str = ""
    flags: list[str] = field(default_factory=list)


@dataclass
class CommentsReport:
    kind: ClassVar[str] = "comments"  # which report this is, for ``verify.render``
    comments: list[CommentResult]
    sources: list[Source]
    article: str
    skipped: list[Skipped] = field(default_factory=list)
    passages: int = 0

    def threads(self) -> list[dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for r in self.comments:
            t = out.setdefault(r.thread, {"id": r.thread, "comments": [], "flags": []})
            t["comments"].append(r.comment.id)
        for t in out.values():
            members = [r for r in self.comments if r.thread == t["id"]]
            if any(DISPUTES_PARENT in r.flags for r in members):
                t["flags"].append("a reply disputes a factual claim of its parent")
            if verdicts_disagree({r.verdict for r in members}):
                t["flags"].append("the verdicts of comments in this thread disagree")
        return list(out.values())

    def summary(self) -> dict[str, Any]:
        kinds = {k: 0 for k in ("claim", "opinion", "question", "other")}
        verdicts = {k: 0 for k in ("supported", "contradicted", "disputed", "unverified")}
        for r in self.comments:
            kinds[r.kind] = kinds.get(r.kind, 0) + 1
            if r.verdict:
                verdicts[r.verdict] += 1
        return {"comments": len(self.comments), "threads": len(self.threads()), "kinds": kinds,
                "verdicts": verdicts, "need_attention": sum(needs_attention(r) for r in self.comments),
                "skipped": len(self.skipped)}

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": 1,
            "article": self.article,
            "corpus": {"sources": len(self.sources), "passages": self.passages},
            "summary": self.summary(),
            "comments": [_comment_dict(r) for r in self.comments],
            "threads": self.threads(),
            "sources": [s.to_dict() for s in self.sources],
            "skipped": [asdict(s) for s in self.skipped],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> CommentsReport:
        """The report ``to_dict`` wrote (summary and threads are recomputed)."""
        sources, skipped, passages = _corpus(d)
        comments = [_comment_result(c) for c in d["comments"]]
        return cls(comments, sources, d.get("article", ""), skipped, passages)


def needs_attention(r: CommentResult) -> bool:
    """What a moderator should read first: a claim the sources reject or argue about, or a
    reply fighting its parent over facts."""
    return r.verdict in ("contradicted", "disputed") or DISPUTES_PARENT in r.flags


def verdicts_disagree(verdicts: set[str | None]) -> bool:
    return "supported" in verdicts and bool(verdicts & {"contradicted", "disputed"})


def _comment_dict(r: CommentResult) -> dict[str, Any]:
    c = r.comment
    return {
        "id": c.id, "parent_id": c.parent_id, "author": c.author, "date": c.date, "text": c.text,
        "kind": r.kind, "reason": r.reason, "verdict": r.verdict,
        "claims": [
            {"claim": k.claim.text, "verdict": k.verdict, "confidence": round(k.confidence, 3),
             "reason": k.reason,
             "evidence": [{**asdict(e), "score": round(e.score, 3)} for e in k.evidence]}
            for k in r.claims
        ],
        "thread": r.thread, "flags": list(r.flags), "disputes_parent": DISPUTES_PARENT in r.flags,
    }


def _comment_result(c: dict[str, Any]) -> CommentResult:
    comment = Comment(id=c["id"], text=c["text"], parent_id=c.get("parent_id"), author=c.get("author", ""),
                      date=c.get("date", ""))
    claims = [_claim_result(k, Claim(id=f"{c['id']}.{n}", text=k["claim"]))
              for n, k in enumerate(c.get("claims") or [], 1)]
    return CommentResult(comment=comment, kind=c["kind"], reason=c.get("reason", ""),
                         verdict=c.get("verdict"), claims=claims, thread=c.get("thread", ""),
                         flags=list(c.get("flags") or []))


# --- any report ---------------------------------------------------------------------------------

AnyReport = Report | AuditReport | CommentsReport
_KIND_KEY = {"claims": "check", "statements": "audit", "comments": "comments"}
_BY_KIND: dict[str, type[Report] | type[AuditReport] | type[CommentsReport]] = {
    "check": Report, "audit": AuditReport, "comments": CommentsReport}


def report_kind(report: Any) -> str:
    """The kind of a saved report (its dict): ``check``, ``audit`` or ``comments``. Its JSON
    names no kind (the shape is documented and kept): the key that holds its items says it."""
    if isinstance(report, dict):
        for key, kind in _KIND_KEY.items():
            if isinstance(report.get(key), list):
                return kind
    raise InputError("not a verify report (expected a JSON object with a list under "
                     "'claims', 'statements' or 'comments')")


def report_from_dict(d: dict[str, Any]) -> AnyReport:
    """A saved report of any kind, typed again."""
    return _BY_KIND[report_kind(d)].from_dict(d)
