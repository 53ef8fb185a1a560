"""Check-worthiness: which sentences make a checkable factual statement.

An audit or a comment thread is mostly made of sentences nobody can fact-check (opinions,
questions, greetings); checking them wastes time and produces noise. A logistic regression
over word uni/bi-grams and a few hand features, trained on the ClaimBuster debate sentences
(``bench/train_worthiness.py``), gives the probability that a sentence is check-worthy. A few
plain rules on top of it separate the three kinds of "not worth checking" that readers need
told apart: questions, opinions and filler.

The model is a JSON file of feature weights, so inference is pure Python and loads in a few
milliseconds, with no numpy or network at run time.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from ..errors import InputError
from .sentences import sentence_spans
from .worthiness_features import (  # noqa: F401  (features, hand_features: re-exported)
    _APOS,
    _COMPARATIVES,
    _EVALUATIVE,
    _GREETING,
    _MODALS,
    _MONTHS,
    _NUMBER_WORDS,
    _OPINION_HEDGES,
    _REPORT_HEDGE,
    _SPEECH,
    _capitalised,
    _word_class,
    _words,
    features,
    hand_features,
)

Kind = Literal["claim", "opinion", "question", "other"]
MODEL_PATH = Path(__file__).parents[1] / "data" / "worthiness.json"


@dataclass
class Worthiness:
    """The verdict on one sentence. ``score`` is the probability it is check-worthy."""

    kind: Kind
    score: float
    reason: str

    @property
    def is_check_worthy(self) -> bool:
        return self.kind == "claim"


# --- the model ------------------------------------------------------------------------------


@dataclass
class Model:
    bias: float
    weights: dict[str, float]
    threshold: float = 0.5
    common: frozenset[str] = frozenset()

    def score(self, sentence: str) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features(sentence, self.common).items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> Model:
    """Read the shipped weights once; a broken file is an install problem, said plainly."""
    p = Path(path) if path else MODEL_PATH
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
        return Model(float(data["bias"]), {k: float(v) for k, v in data["weights"].items()},
                     float(data.get("threshold", 0.5)), frozenset(data.get("common", [])))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"cannot read the check-worthiness model ({exc})", where=str(p)) from exc


def name_runs(sentence: str, common: frozenset[str] | None = None) -> list[str]:
    """Runs of capitalised words ('Kampong Chhnang', 'Sam Rainsy'), for reasons shown to people."""
    words = _words(sentence.translate(_APOS))
    caps = set(_capitalised(words, load_model().common if common is None else common))
    runs: list[list[str]] = []
    prev = False
    for w in words:
        if w in caps:
            if prev:
                runs[-1].append(w)
            else:
                runs.append([w])
        prev = w in caps
    return list(dict.fromkeys(" ".join(r) for r in runs))


# --- sentences and clauses ------------------------------------------------------------------

_CLAUSE = re.compile(
    r",\s+(?=(?:so|which|but|though|although|yet|this|that's|that is|and this|and that|"
    r"not that|whereas)\b)|;\s+|\s+[-\u2013\u2014]{1,2}\s+",
    re.I,
)


def split_sentences(text: str) -> list[str]:
    """The sentences of a plain text, cut as sources' passages are (``sentence_spans``)."""
    return [text[a:b] for a, b in sentence_spans(text)]


def _clauses(sentence: str) -> list[str]:
    parts = [p.strip(" ,;") for p in _CLAUSE.split(sentence)]
    return [p for p in parts if p]


def strip_hedge(sentence: str) -> str:
    """'I've read that his video had inaccuracies' -> 'his video had inaccuracies'."""
    m = _REPORT_HEDGE.match(sentence.translate(_APOS))
    return sentence[m.end():].strip() if m else sentence.strip()


# --- kinds ----------------------------------------------------------------------------------

_AUX_QUESTION = re.compile(
    r"^(?:is|are|was|were|do|does|did|can|could|will|would|should|shall|has|have|had|isn't|aren't|"
    r"don't|doesn't|didn't|won't|wouldn't|can't|any)\s+(?:there|it|this|that|these|those|he|she|they|"
    r"we|you|i|anyone|anybody|someone|the|a|an|any|his|her|their|our|your|my)\b",
    re.I,
)
_WH = re.compile(r"^(?:who|whom|whose|what|when|where|why|how|which)\b", re.I)


def _question(text: str) -> str | None:
    body = text.strip().rstrip("\"'\u201d\u2019)")
    if body.endswith("?"):
        return "question: ends with '?'"
    if _AUX_QUESTION.match(body) and not body.endswith("."):
        return f"question: starts with '{body.split()[0]}'"
    return None


def _other(text: str, words: list[str]) -> str | None:
    if not words:
        return "no words"
    if re.match(r"#{1,6}\s", text):
        return "heading"
    m = _GREETING.match(text)
    if m and len(_words(text[m.end():])) <= 2:
        return "greeting, thanks or agreement"
    if len(words) < 3 and not any(c.isdigit() for c in text):
        return "too short to check"
    return None


def _opinion_reason(text: str) -> str:
    m = _OPINION_HEDGES.search(text.translate(_APOS))
    if m:
        return f"opinion: '{m.group(0)}'"
    low = {w.lower() for w in _words(text)}
    modal = sorted(low & _MODALS)
    if modal:
        return f"opinion: says what {modal[0]} happen"
    judged = sorted(low & _EVALUATIVE - {"right", "just", "fine", "key", "needs"})
    if judged:
        return f"opinion: judgement word '{judged[0]}'"
    return "no checkable fact"


def _claim_reason(text: str, hedged: bool) -> str:
    words = _words(text)
    low = {w.lower() for w in words}
    bits: list[str] = []
    nums = [w for w in words if w[0].isdigit() or w[0] == "$"] + [w for w in words if w.lower() in _NUMBER_WORDS]
    if any(_word_class(w) == "<year>" for w in words) or low & _MONTHS:
        bits.append("a date")
    if nums and not (len(nums) == 1 and _word_class(nums[0]) == "<year>"):
        bits.append("a number")
    names = name_runs(text)
    if names:
        bits.append(("names " if len(names) > 1 else "a name ") + "(" + ", ".join(names[:3]) + ")")
    if low & _COMPARATIVES:
        bits.append("a comparison")
    if low & _SPEECH:
        bits.append("an attribution")
    lead = "reported as fact" if hedged else "states"
    if not bits:
        return f"{lead}: a factual statement" if hedged else "states a factual statement"
    return f"{lead} " + (", ".join(bits[:-1]) + " and " + bits[-1] if len(bits) > 1 else bits[0])


def _score(model: Model, sentence: str) -> tuple[float, str, bool]:
    """Score a sentence by its best clause: 'X happened, which is appalling' is still a claim.
    Returns the score, that clause and whether a reporting hedge was cut off."""
    core = strip_hedge(sentence)
    hedged = core != sentence.strip()
    best, best_text = model.score(core), core
    clauses = _clauses(core)
    if len(clauses) > 1:
        for c in clauses:
            if len(_words(c)) >= 4 and (sc := model.score(c)) > best:
                best, best_text = sc, c
    return best, best_text, hedged


def _judgemental(text: str) -> bool:
    """A judgement word with no number or date to check: 'Piseth is a hero'."""
    f = hand_features(text)
    return ("#eval" in f or "#opinion_hedge" in f or "#modal" in f) and not ("#digit" in f or "#date" in f)


# How much surer the model must be when the best clause also passes a judgement.
JUDGEMENT_MARGIN = 0.15


def classify(sentence: str, model: Model | None = None) -> Worthiness:
    """Sort one sentence into claim / opinion / question / other with a reason in plain words."""
    text = " ".join(sentence.split())
    words = _words(text)
    reason = _other(text, words)
    if reason:
        return Worthiness("other", 0.0, reason)
    model = model or load_model()
    score, clause, hedged = _score(model, text)
    reason = _question(text)
    if reason:
        return Worthiness("question", round(score, 3), reason)
    core = strip_hedge(text)
    if hedged and len(_words(core)) >= 3 and not _OPINION_HEDGES.search(core):
        # 'I heard X' asserts X as something a reader has been told: checkable by construction.
        score = max(score, model.threshold)
    bar = model.threshold + (JUDGEMENT_MARGIN if _judgemental(clause) else 0.0)
    if score >= bar:
        return Worthiness("claim", round(score, 3), _claim_reason(core, hedged))
    return Worthiness("opinion", round(score, 3), _opinion_reason(text))


_RANK = {"claim": 3, "question": 2, "opinion": 1, "other": 0}


def classify_text(text: str) -> Worthiness:
    """One kind for a whole comment: any claim makes it a claim, then a question, then opinion.

    A comment that says outright 'I think ...' is an opinion even when it ends on a
    (rhetorical) question; so is a question that opens with 'If'.
    """
    results = [classify(s) for s in split_sentences(text)]
    if not results:
        return Worthiness("other", 0.0, "no words")
    rank = dict(_RANK)
    if any(r.kind == "opinion" and r.reason.startswith("opinion: '") for r in results):
        rank["opinion"] = rank["question"] + 1
    for i, r in enumerate(results):
        if r.kind == "question" and re.match(r"\s*(if|when)\b", split_sentences(text)[i], re.I):
            results[i] = Worthiness("opinion", r.score, "rhetorical question")
    best = max(results, key=lambda r: (rank[r.kind], r.score))
    return Worthiness(best.kind, max(r.score for r in results), best.reason)


def split_claims(text: str) -> list[str]:
    """The check-worthy statements of a comment or paragraph, hedges and judgements cut off.

    A clause that is itself opinion ('..., which is appalling') is dropped so the claim is
    checked on its facts alone.
    """
    out: list[str] = []
    for sentence in split_sentences(text):
        if not classify(sentence).is_check_worthy:
            continue
        core = strip_hedge(" ".join(sentence.split()))
        clauses = _clauses(core)
        if len(clauses) > 1:
            kept = [c for c in clauses if classify(c).kind == "claim"]
            if kept and len(kept) < len(clauses):
                core = ", ".join(kept)
        core = core.rstrip(" .!,;")
        out.append(core[:1].upper() + core[1:] if core else core)
    return [c for c in out if c]
