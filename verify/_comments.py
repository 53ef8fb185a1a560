"""Reader comments: which make checkable claims, whether the article and sources back them,
and where a thread argues about facts.

Moderators read threads, not rows, so a comment is judged with its parent in view: a reply
that contradicts its parent's claim, or a thread whose comments get opposite verdicts, is
where a moderator's time is best spent. Exports arrive as CSV, JSON or JSONL under many
column names; rows that cannot be placed (no text, unknown parent, broken bytes) are
reported and left out rather than guessed at.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ._errors import InputError
from ._model import Claim, ClaimResult, Skipped, Source

ID_KEYS = ("id", "comment_id", "cid")
PARENT_KEYS = ("parent_id", "parent", "in_reply_to", "reply_to", "in_reply_to_id", "parentid")
AUTHOR_KEYS = ("author", "user", "username", "name", "author_name")
DATE_KEYS = ("date", "created_at", "timestamp", "created", "time", "published")
TEXT_KEYS = ("text", "body", "comment", "content", "message")
MAX_TEXT = 5000
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
            if _disagree({r.verdict for r in members}):
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
            "sources": [
                {"id": s.id, "title": s.title, "path": s.path, "url": s.url, "sha256": s.sha256,
                 "kind": s.kind, "published": s.published}
                for s in self.sources
            ],
            "skipped": [asdict(s) for s in self.skipped],
        }


def needs_attention(r: CommentResult) -> bool:
    """What a moderator should read first: a claim the sources reject or argue about, or a
    reply fighting its parent over facts."""
    return r.verdict in ("contradicted", "disputed") or DISPUTES_PARENT in r.flags


def _disagree(verdicts: set[str | None]) -> bool:
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


# --- reading exports --------------------------------------------------------------------------


def read_comments(path: str | Path) -> tuple[list[Comment], list[Skipped]]:
    """Comments from a CSV, JSON (a list, or an object holding one) or JSONL export.

    Rows with no text, broken bytes, a duplicate id, or a parent that is not in the export
    (or that was itself skipped) are returned as ``Skipped`` with the row and the reason.
    """
    name = str(path)
    p = Path(name)
    if not p.exists():
        raise InputError("no such file", where=name)
    if p.is_dir():
        raise InputError("is a folder, expected a CSV, JSON or JSONL comments export", where=name)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", where=name) from None
    if b"\x00" in raw[:4096]:
        raise InputError("looks like a binary file, not a comments export", where=name)
    # Bad bytes are kept as surrogates so that only the rows holding them are skipped.
    text = raw.decode("utf-8-sig", errors="surrogateescape")
    suffix = p.suffix.lower()
    head = text.lstrip()[:1]
    if suffix == ".jsonl" or (suffix != ".csv" and head == "{" and "\n{" in text.strip()):
        records = _jsonl(text, name)
    elif suffix == ".json" or (suffix != ".csv" and head in "[{" and head):
        records = _json(text, name)
    else:
        records = _csv(text, name)
    return _build(records, name)


def _json(text: str, name: str) -> list[tuple[int, Any]]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise InputError(f"not valid JSON ({exc})", where=name) from None
    if isinstance(data, dict):
        data = next((data[k] for k in ("comments", "data", "items", "results") if isinstance(data.get(k), list)),
                    None)
    if not isinstance(data, list):
        raise InputError("expected a list of comments (or an object with a 'comments' list)", where=name)
    return list(enumerate(data, 1))


def _jsonl(text: str, name: str) -> list[tuple[int, Any]]:
    out: list[tuple[int, Any]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append((n, json.loads(line)))
        except ValueError:
            out.append((n, ValueError("not valid JSON")))
    return out


def _csv(text: str, name: str) -> list[tuple[int, Any]]:
    # The header line decides the delimiter: csv.Sniffer misreads doubled quotes in text.
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t|", key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter if first.count(delimiter) else ",")
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        raise InputError("empty file", where=name) from None
    keys = [h.strip().lower().replace(" ", "_") for h in header]
    if not any(k in TEXT_KEYS for k in keys):
        raise InputError(f"no text column (looked for {', '.join(TEXT_KEYS)}); found {', '.join(header)}",
                         where=name)
    out: list[tuple[int, Any]] = []
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                out.append((reader.line_num, dict(zip(keys, row))))
    except csv.Error as exc:
        raise InputError(f"broken CSV near line {reader.line_num} ({exc})", where=name) from None
    return out


def _pick(rec: dict[str, Any], keys: tuple[str, ...]) -> str:
    low = {str(k).strip().lower().replace(" ", "_"): v for k, v in rec.items()}
    for k in keys:
        v = low.get(k)
        if isinstance(v, dict):  # {"author": {"name": ...}}
            v = v.get("name") or v.get("id")
        if v is not None and str(v).strip():
            return str(v).strip()
    return ""


_BROKEN = re.compile("[\udc80-\udcff\ufffd]")


def _build(records: list[tuple[int, Any]], name: str) -> tuple[list[Comment], list[Skipped]]:
    comments: list[Comment] = []
    skipped: list[Skipped] = []
    seen: set[str] = set()
    for row, rec in records:
        where = f"{name} row {row}"
        if not isinstance(rec, dict):
            skipped.append(Skipped(where, "not a comment object" if not isinstance(rec, Exception) else str(rec),
                                   "row"))
            continue
        text = _pick(rec, TEXT_KEYS)
        fields = [text, _pick(rec, ID_KEYS), _pick(rec, PARENT_KEYS), _pick(rec, AUTHOR_KEYS),
                  _pick(rec, DATE_KEYS)]
        if any(_BROKEN.search(f) for f in fields):
            skipped.append(Skipped(where, "broken encoding (not valid UTF-8)", "row"))
            continue
        if not text:
            skipped.append(Skipped(where, "no text", "row"))
            continue
        if len(text) > MAX_TEXT:
            skipped.append(Skipped(where, f"text longer than {MAX_TEXT} characters", "row"))
            continue
        cid = fields[1] or f"row{row}"
        if cid in seen:
            skipped.append(Skipped(where, f"duplicate id {cid!r}", "row"))
            continue
        seen.add(cid)
        comments.append(Comment(cid, " ".join(text.split()), fields[2] or None, fields[3], fields[4], row))
    return _drop_orphans(comments, skipped, name)


def _drop_orphans(comments: list[Comment], skipped: list[Skipped],
                  name: str) -> tuple[list[Comment], list[Skipped]]:
    """A reply whose parent is missing (or skipped, or part of a loop) cannot be placed."""
    by_id = {c.id: c for c in comments}
    bad: dict[str, str] = {}
    for c in comments:
        chain, cur = set(), c
        while cur.parent_id is not None:
            if cur.parent_id == cur.id or cur.id in chain:
                bad[c.id] = "replies form a loop"
                break
            chain.add(cur.id)
            parent = by_id.get(cur.parent_id)
            if parent is None:
                bad[c.id] = (f"unknown parent {c.parent_id!r}" if cur is c
                             else f"its thread's parent {cur.parent_id!r} is unknown")
                break
            cur = parent
    for c in comments:
        if c.id in bad:
            skipped.append(Skipped(f"{name} row {c.row}", bad[c.id], "row"))
    return [c for c in comments if c.id not in bad], skipped


# --- judging ----------------------------------------------------------------------------------

# A trailing ", not X like some outlets wrote" names what the reader corrects; the claim is
# what comes before it.
_CORRECTION = re.compile(r",?\s+(?:and\s+)?not\s+[^,]*?(?:\s+(?:like|as)\s+[^,]*)?$", re.I)
# Vague time words a reader adds from memory; they make a sourced fact look unsupported.
_VAGUE_TIME = re.compile(r"\s+(?:many\s+|some\s+|several\s+)?(?:years|months|decades|ages|long)\s+ago\b"
                         r"|\s+(?:a\s+while|way)\s+back\b", re.I)
_AND = re.compile(r",\s+and\s+(?!(?:it|that|this|then)\b)", re.I)
_DISPUTE_CUE = re.compile(
    r"^\s*(?:no\b|nope\b|not true\b|not so\b|wrong\b|false\b|incorrect\b|untrue\b|actually\b|in fact\b)"
    r"|\b(?:(?:that|this|it)(?:'s| is) (?:not true|false|wrong|incorrect|a lie|misleading|untrue)"
    r"|(?:isn't|is not|wasn't|was not) true|never happened|you're wrong|you are wrong)\b",
    re.I,
)
RESCUE_MARGIN = 0.1


def claim_texts(text: str) -> tuple[str, str, list[str]]:
    """Kind, reason and the statements to check for one comment."""
    from ._worthiness import classify_text, split_claims

    w = classify_text(text)
    claims = split_claims(text) if w.kind == "claim" else []
    if w.kind == "claim" and not claims:
        claims = [text]
    return w.kind, w.reason, [p for c in claims for p in _parts(c)]


def borderline_claims(text: str) -> list[str]:
    """Clauses the model nearly calls check-worthy and that pass no judgement: checked, and
    counted as claims only if the sources speak to them (see ``assess``)."""
    from ._worthiness import _clauses, _judgemental, _question, _score, load_model, split_sentences

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
    """Split 'A, and B' into two checks and drop corrections and vague time words."""
    out = []
    for part in _AND.split(claim):
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


def _disputes(reply: CommentResult, parent: CommentResult, idf) -> bool:
    """Does the reply dispute a factual claim of its parent? Either in words ('that's not
    true') or because the stance engine reads the reply's statement as contradicting it."""
    from ._facts import read_facts
    from ._stance import judge

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


def comment_section(page: str, comments: list[Comment], gap: int = 1000) -> int | None:
    """Where the reader comments start on an article page that carries them, or None.

    Article pages often end with their comment section; those passages are readers talking,
    not the source, and a comment must never be its own evidence. The section starts at the
    first sentence of an exported comment that is followed closely by another comment's
    sentence: a lone verbatim quote of the article body does not start it.
    """
    from ._worthiness import split_sentences

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


def _outside(result: ClaimResult, source_id: str, start: int | None) -> ClaimResult:
    """The result without evidence from the page's comment section, verdict decided again."""
    from ._verdict import decide

    if start is None:
        return result
    kept = [e for e in result.evidence if not (e.source == source_id and e.start >= start)]
    if len(kept) == len(result.evidence):
        return result
    verdict, confidence, reason = decide(kept)
    return ClaimResult(result.claim, verdict, confidence, kept, reason)  # type: ignore[arg-type]


def assess(comments_path: str | Path, article: str | Path, sources: list[str | Path] | tuple = (), *,
           cache: str | Path | None = None) -> "CommentsReport":
    """Classify and check every comment against the article (always a source) and ``sources``."""
    from ._check import check_claim, default_cache, open_index

    comments, skipped = read_comments(comments_path)
    art = str(article)
    if re.match(r"https?://", art, re.I):
        from ._fetch import fetch_source

        cache_dir = Path(cache) if cache else Path(".verify")
        art_path: str | Path = fetch_source(art, cache_dir / "fetched")
    else:
        if not Path(art).is_file():
            raise InputError("no such article file", where=art)
        art_path = art
    paths = [art_path] + [s for s in sources if Path(s).resolve() != Path(art_path).resolve()]
    index, srcs, more = open_index(paths, cache or default_cache(paths))
    skipped += more
    by_id = {s.id: s for s in srcs}
    art_id = next((s.id for s in srcs if Path(s.path).resolve() == Path(art_path).resolve()),
                  srcs[0].id if srcs else "")
    try:
        page = Path(art_path).read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        page = ""
    section = comment_section(page, comments)

    def check(cid: str, i: int, text: str, row: int) -> ClaimResult:
        return _outside(check_claim(Claim(f"{cid}.{i}", text, row=row), index, by_id), art_id, section)

    results: dict[str, CommentResult] = {}
    for c in comments:
        kind, reason, texts = claim_texts(c.text)
        checked = [check(c.id, i, t, c.row) for i, t in enumerate(texts, 1)]
        if kind == "opinion" and not texts:
            rescued = [check(c.id, i, t, c.row) for i, t in enumerate(borderline_claims(c.text), 1)]
            decisive = [r for r in rescued if r.verdict in ("supported", "contradicted", "disputed")]
            if decisive:
                kind, checked = "claim", decisive
                reason = "states a fact the sources speak to (" + decisive[0].verdict + ")"
        results[c.id] = CommentResult(c, kind, reason, overall([r.verdict for r in checked]), checked)
    for r in results.values():
        root = r.comment
        while root.parent_id is not None:
            root = results[root.parent_id].comment
        r.thread = root.id
        parent = results.get(r.comment.parent_id or "")
        if parent is not None and _disputes(r, parent, index.idf):
            r.flags.append(DISPUTES_PARENT)
    threads: dict[str, set[str | None]] = {}
    for r in results.values():
        threads.setdefault(r.thread, set()).add(r.verdict)
    for r in results.values():
        if r.verdict and _disagree(threads[r.thread]) and r.verdict in ("supported", "contradicted", "disputed"):
            r.flags.append(VERDICTS_DISAGREE)
    return CommentsReport(list(results.values()), srcs, str(article), skipped, index.count())
