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

from verify._errors import InputError

Kind = Literal["claim", "opinion", "question", "other"]
MODEL_PATH = Path(__file__).parent / "data" / "worthiness.json"


@dataclass
class Worthiness:
    """The verdict on one sentence. ``score`` is the probability it is check-worthy."""

    kind: Kind
    score: float
    reason: str

    @property
    def is_check_worthy(self) -> bool:
        return self.kind == "claim"


# --- words and hand features ---------------------------------------------------------------

_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2032": "'"})
_TOKEN = re.compile(r"\$?\d+(?:[.,]\d+)*%?|[A-Za-z]+(?:'[A-Za-z]+)*|[?!%$]")
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty "
    "sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion billions "
    "trillion dozen dozens twice half percent per cent first second third fourth fifth".split()
)
_MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
_INTERROGATIVES = frozenset(
    "who whom whose what when where why how which is are was were do does did can could will would "
    "should shall has have had any isn't aren't don't doesn't didn't won't wouldn't can't".split()
)
_MODALS = frozenset("should must ought shouldn't mustn't".split())
_SOFT_MODALS = frozenset("would could might may can".split())
_COMPARATIVES = frozenset("than more less fewer most least higher lower larger smaller bigger".split())
_SPEECH = frozenset("said says say told announced reported according stated wrote claimed admitted".split())
_FIRST_SING = frozenset("i i'm i've i'd i'll me my mine myself".split())
_FIRST_PLUR = frozenset("we we're we've we'd we'll us our ours ourselves".split())
_SECOND = frozenset("you you're you've your yours yourself".split())
_FUTURE = frozenset("will won't going".split())
# A general-purpose list of evaluative words: they mark a judgement, not a fact.
_EVALUATIVE = frozenset(
    """good great bad terrible awful horrible wonderful amazing awesome excellent outrageous shameful
    shame disgrace disgraceful heartbreaking sad tragic appalling shocking ridiculous absurd stupid
    silly crazy insane brave bravery courage courageous hero heroes heroic villain evil wrong right
    unfair fair unjust just important key crucial vital essential best worst beautiful ugly
    disgusting pathetic sickening horrific inspiring inspirational admirable grateful thankful
    love hate hope wish glad happy angry sorry afraid worried fine nice lovely interesting boring
    scary dangerous risky slippery obvious obviously clearly surely absolutely totally definitely
    really truly honestly sadly unfortunately fortunately hopefully deserve deserves deserved
    should must needs matters meaningful pointless useless worthless valuable""".split()
)
_OPINION_HEDGES = re.compile(
    r"\b(i|we) (really )?(think|believe|feel|guess|suppose|hope|wish|doubt|reckon|suspect)\b"
    r"|\bin my (view|opinion)\b|\bimo\b|\bimho\b|\bit seems\b|\bseems (to me|like)\b|\bi'?m all for\b"
    r"|\bi (love|hate|like|agree|disagree)\b|\bmakes me\b|\bimagine\b|\bshame on\b",
    re.I,
)
# Reported-speech hedges keep a claim checkable: "I've read that X" asserts X.
_REPORT_HEDGE = re.compile(
    r"^\s*(?:(?:well|so|but|and|also|actually),?\s+)?"
    r"(?:i(?:'ve| have)? (?:read|heard|seen|learned|learnt)(?: (?:somewhere|online|recently|before))?"
    r"|i (?:was told|saw)|(?:we|i) (?:all )?know|it(?:'s| is| was) (?:reported|known|said)"
    r"|(?:apparently|reportedly|allegedly|supposedly|rumou?r has it)|people say|they say"
    r"|(?:according to|as) (?:some|many|several|the|a|an) (?:reports?|articles?|sources?|news|outlets?))"
    r"(?: that)?,?\s+",
    re.I,
)
_WHEN = re.compile(
    r"\b(?:ago|yesterday|last (?:year|month|week|decade|century|spring|summer|autumn|fall|winter)|"
    r"(?:this|next) (?:year|month|week)|in the (?:past|last) \w+ (?:years?|months?|weeks?|days?))\b",
    re.I,
)
_GREETING = re.compile(
    r"^\s*(hi|hello|hey|thanks?|thank you|thx|cheers|great (article|reporting|piece|story|work)|"
    r"well said|agreed|absolutely|exactly|indeed|true|yes|yeah|yep|nope|ok|okay|lol|wow|"
    r"\+1|bump|congrat\w*|well done|good (point|job|work))\b[\s.!,]*",
    re.I,
)


def _words(sentence: str) -> list[str]:
    return _TOKEN.findall(sentence.translate(_APOS))


def _word_class(word: str) -> str:
    """Collapse numbers to their shape so '1947' and '1952' share a weight."""
    w = word.lower()
    if w[0].isdigit() or w[0] == "$":
        if w.startswith("$"):
            return "<money>"
        if w.endswith("%"):
            return "<pct>"
        digits = w.replace(",", "")
        if re.fullmatch(r"(1[89]|20)\d\d", digits):
            return "<year>"
        return "<num>"
    return w


def _capitalised(words: list[str], common: frozenset[str] = frozenset()) -> list[str]:
    """Capitalised words, a rough stand-in for named entities. The first word counts only when
    it is not a common word (``common`` = words the training text uses in lower case), so
    'Thailand signed' has a name and 'The treaty' does not."""
    out = [
        w for i, w in enumerate(words)
        if w[0].isupper() and w != "I" and not w.startswith("I'") and w.lower() not in _MONTHS
        and (i > 0 or (common and w.lower() not in common))
    ]
    return [w for w in out if w.lower() != "the"]


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


def hand_features(sentence: str, common: frozenset[str] = frozenset()) -> dict[str, float]:
    """Signals the n-grams miss or dilute: is there a number, a name, a hedge, a question?"""
    text = sentence.translate(_APOS).strip()
    words = _words(text)
    low = [w.lower() for w in words]
    lowset = set(low)
    f: dict[str, float] = {}
    if any(w[0].isdigit() or w[0] == "$" for w in words):
        f["#digit"] = 1.0
    if lowset & _NUMBER_WORDS:
        f["#numword"] = 1.0
    if lowset & _MONTHS or any(_word_class(w) == "<year>" for w in words) or _WHEN.search(text):
        f["#date"] = 1.0
    caps = _capitalised(words, common)
    if caps:
        f["#cap"] = 1.0
        if caps[0] is words[0]:
            f["#cap_first"] = 1.0
        if len(caps) >= 2:
            f["#cap2"] = 1.0
    if any(len(w) >= 2 and w.isupper() and w != "I" for w in words):
        f["#acronym"] = 1.0
    if text.endswith("?"):
        f["#q_end"] = 1.0
    if low and low[0] in _INTERROGATIVES:
        f["#q_start"] = 1.0
    for name, vocab in (("#i", _FIRST_SING), ("#we", _FIRST_PLUR), ("#you", _SECOND),
                        ("#modal", _MODALS), ("#soft_modal", _SOFT_MODALS), ("#compare", _COMPARATIVES),
                        ("#speech", _SPEECH), ("#future", _FUTURE), ("#eval", _EVALUATIVE)):
        if lowset & vocab:
            f[name] = 1.0
    if _OPINION_HEDGES.search(text):
        f["#opinion_hedge"] = 1.0
    if _REPORT_HEDGE.match(text):
        f["#report_hedge"] = 1.0
    if "!" in text:
        f["#exclaim"] = 1.0
    if sum(1 for w in low if len(w) > 3 and w.endswith("ed")) >= 1:
        f["#past"] = 1.0
    n = len(words)
    f["#len" + ("<5" if n < 5 else "<10" if n < 10 else "<20" if n < 20 else "<35" if n < 35 else "35+")] = 1.0
    return f


def features(sentence: str, common: frozenset[str] = frozenset()) -> dict[str, float]:
    """Everything the model sees: lowercased uni/bi-grams (numbers by shape) plus hand features."""
    toks = [_word_class(w) for w in _words(sentence)]
    f: dict[str, float] = {}
    for t in toks:
        f["w:" + t] = 1.0
    for a, b in zip(["<s>"] + toks, toks + ["</s>"]):
        f["b:" + a + " " + b] = 1.0
    f.update(hand_features(sentence, common))
    return f


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


# --- sentences and clauses ------------------------------------------------------------------

_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Rev|Hon|No|Vol|vs|etc|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|est|Inc|Ltd|Co|Corp)"
    r"|\b[A-Z]|\b(?:[A-Za-z]\.){2,})\.$"
)
_BOUNDARY = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])|\n\s*\n|\n(?=\s*[#*>-])")
_CLAUSE = re.compile(
    r",\s+(?=(?:so|which|but|though|although|yet|this|that's|that is|and this|and that|"
    r"not that|whereas)\b)|;\s+|\s+[-\u2013\u2014]{1,2}\s+",
    re.I,
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, so callers can point back into the draft."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        head = text[start:m.start() + 1].rstrip()
        if _ABBREV.search(text[max(start, m.start() - 12):m.start() + 1]) and "\n" not in m.group():
            continue
        if head.strip():
            spans.append((start + len(text[start:]) - len(text[start:].lstrip()), start + len(head)))
        start = m.end()
    rest = text[start:]
    if rest.strip():
        lead = len(rest) - len(rest.lstrip())
        spans.append((start + lead, start + len(rest.rstrip())))
    return [(a, b) for a, b in spans if b > a]


def split_sentences(text: str) -> list[str]:
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
