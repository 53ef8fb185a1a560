"""The features the check-worthiness model reads: word classes, uni/bi-grams and a few hand
features (numbers, names, reporting verbs, hedges, first and second person).

Kept apart from the classifier so that the training script (``bench/train_worthiness.py``)
and inference share exactly one definition of what the model sees.
"""
from __future__ import annotations

import re

from ..lexicon import month_names, number_words

_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2032": "'"})
_TOKEN = re.compile(r"\$?\d+(?:[.,]\d+)*%?|[A-Za-z]+(?:'[A-Za-z]+)*|[?!%$]")
# the number words the shipped weights were fitted with: not 'zero', 'thirteen', 'fourteen' or
# 'sixteen' to 'nineteen'
_NUMBER_WORDS = frozenset(w for w, v in number_words() if 1 <= v <= 12 or v == 15 or v >= 20) | frozenset(
    "hundred hundreds thousand thousands million millions billion billions "
    "trillion dozen dozens twice half percent per cent first second third fourth fifth".split()
)
_MONTHS = frozenset(month_names())
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
