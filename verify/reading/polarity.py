"""Does a passage say the opposite of a claim: a negation, a denial, an opposite predicate.

Split from ``_stance``. Each finding comes with how weak it is, since most apparent
oppositions between a claim and a passage are not contradictions: the passage negates
something else, says the opposite of another thing, or of another kind of the same thing.
"""
from __future__ import annotations

import re

from ..lexicon import denial_verbs
from ..text import STOPWORDS, fold, token_match as _token_match, words
from .facts import ANTONYMS, DENIAL_VERBS, NEGATION_CUES, Facts, canon

# the forms of a denying verb that, opening a negation cue, name a denial
DENIAL_WORDS = {w for w, cue in denial_verbs() if cue}


def negated(f: Facts) -> set[str]:
    return {f.stems[i] for i, cue in zip(f.negations, f.cue_words) if not cue.startswith("without")}


Finding = tuple[bool, str, str]  # (opposite?, why, how weakly: "" is strong)


def polarity(claim: Facts, passage: Facts) -> Finding:
    """Whether the passage may say the opposite of the claim, why, and how weakly.

    Strong (``""``): a word both state is negated in the passage and not in the claim; the
    claim negates a word the passage states in a passage that negates nothing; the passage
    puts an opposite predicate on the same thing ('decreases apoptosis' / 'increased ...
    apoptosis'). Weak, which only keeps the passage from confirming: ``"double"``, the claim
    negates a word the passage states while negating something else ('not associated with
    an increased risk' / 'do not increase the risk' say the same); ``"absent"``, the claim
    negates a word the passage never uses; ``"far"``, an opposite predicate said of
    something else; ``"without"``, which marks a condition or a group ('women without
    cancer'), not a denial."""
    c_all = {claim.stems[i]: cue for i, cue in zip(claim.negations, claim.cue_words)}
    p_all = {passage.stems[i]: cue for i, cue in zip(passage.negations, passage.cue_words)}
    c_neg = {k: v for k, v in c_all.items() if not v.startswith("without")}
    p_neg = {k: v for k, v in p_all.items() if not v.startswith("without")}
    pstems = set(passage.stems)
    names = {canon(t) for ent in claim.entities for t in ent}
    return (_negated_words(claim, passage, c_neg, p_neg, names)
            or _opposite_predicate(claim, passage, c_neg, p_neg)
            or _without(claim, c_all, p_all, c_neg, p_neg, names, pstems)
            or _negated_in_other_words(claim, passage, c_neg, names)
            or (False, "", ""))


def _negated_words(claim: Facts, passage: Facts, c_neg: dict[str, str], p_neg: dict[str, str],
                   names: set[str]) -> Finding | None:
    """A word both state, negated in one only (a denial counts when it covers the claim)."""
    pstems = set(passage.stems)
    # 'evidence ... was lacking' negates though nothing follows the cue
    negates = bool(passage.negations) or any(w in NEGATION_CUES for w in passage.words)
    # the claim's words, and a value word a negation governs ('not the first')
    stated = list(claim.content) + [s for s in (*c_neg, *p_neg) if s in claim.stems and s not in STOPWORDS]
    flipped = [s for s in dict.fromkeys(stated)
               if s not in names and s in pstems and (s in c_neg) != (s in p_neg)]
    denial = []
    # a denial on either side ('X denied that...' against 'X said that...'); what it denies
    # must be what the other side says: 'He disputes the scientific understanding of climate
    # change' denies the understanding, not what the claim says about climate change
    for side, neg, other_neg, said in ((passage, p_neg, c_neg, claim), (claim, c_neg, p_neg, passage)):
        denied = [s for s in flipped if s in neg and neg[s].split()[0] in DENIAL_WORDS]
        if denied and not _denies_claim(side, set(said.stems)):
            flipped = [s for s in flipped if s not in denied]
            continue
        # a denial covers a clause: it must cover at least two of the claim's own words, names
        # included ('denied that they arrested Chantra')
        denial += denied + [s for s in dict.fromkeys(claim.content) if denied and s in names and s in pstems
                            and s not in other_neg and neg.get(s, "").split()[:1]
                            and neg[s].split()[0] in DENIAL_WORDS]
    covered = len(denial)
    denial = [s for s in denial if s in flipped]
    if flipped and (covered >= 2 or len(denial) < len(flipped)):
        s = next(w for w in flipped if w not in denial or covered >= 2)
        if s in p_neg:
            other = _negated_object(passage.text, p_neg[s], claim)
            if other:  # 'has not signed the Optional Protocol (of the convention)'
                return True, f"negates: '{p_neg[s]}', but of '{other}'", "other"
            return True, f"negates: '{p_neg[s]}'", ""
        # a claim naming no one ('no long term trend since 1950') meets the word everywhere
        return True, f"affirms what the claim negates ('{c_neg[s]}')", (
            "double" if negates else "" if claim.entities else "generic")
    if c_neg and not (set(c_neg) & pstems) and not p_neg:
        return True, f"affirms what the claim negates ('{next(iter(c_neg.values()))}')", (
            "double" if negates else "absent")
    return None


def _opposite_predicate(claim: Facts, passage: Facts, c_neg: dict[str, str],
                        p_neg: dict[str, str]) -> Finding | None:
    """An opposite predicate ('decreases' / 'increased') on the same thing, or on another."""
    pstems = set(passage.stems)
    far = ""
    for i, s in enumerate(claim.stems):
        opposite = ANTONYMS.get(s)
        if not opposite or s in pstems or not opposite & pstems or s in c_neg:
            continue
        near = _near(claim.stems, i) & set(claim.content)
        for j, t in enumerate(passage.stems):
            if t in opposite and t not in p_neg:  # 'failed to win' says 'lost'
                said, claimed = passage.words[j], claim.words[i]  # as written, not stems
                if near & _near(passage.stems, j):
                    return True, f"says the opposite: '{said}' vs '{claimed}'", ""
                far = far or f"says the opposite of something else: '{said}' vs '{claimed}'"
    if far:
        return True, far, "far"
    return None


def _without(claim: Facts, c_all: dict[str, str], p_all: dict[str, str], c_neg: dict[str, str],
             p_neg: dict[str, str], names: set[str], pstems: set[str]) -> Finding | None:
    """'without' on one side only: a condition or a group, weak."""
    if set(c_all) != set(c_neg) or set(p_all) != set(p_neg):
        flipped = [s for s in dict.fromkeys(claim.content)
                   if s not in names and s in pstems and (s in c_all) != (s in p_all)]
        if flipped:
            s = flipped[0]
            return True, f"'{p_all.get(s) or c_all.get(s)}'", "without"
    return None


def _negated_in_other_words(claim: Facts, passage: Facts, c_neg: dict[str, str],
                            names: set[str]) -> Finding | None:
    """The passage negates a verb the claim puts in other words, of the claim's own object
    ('did not issue a distress signal' / 'sent out a distress signal'): two of the claim's
    words among the three after the negated one, in its clause. Weak: the verbs may differ in
    sense. A claim that negates something itself is left to the checks above."""
    if c_neg:
        return None
    cs = {s for s in claim.content if s not in names}
    folded = fold(passage.text)
    for j, cue in zip(passage.negations, passage.cue_words):
        if cue.startswith("without") or passage.stems[j] in claim.stems or "..." in cue:
            continue  # a word both state is read by _negated_words
        m = re.search(r"\W+".join(re.escape(w) for w in cue.split()), folded, re.IGNORECASE)
        if not m:
            continue
        rest = re.split(r"[,;:.()]", folded[m.end():], maxsplit=1)[0]
        after = [canon(w) for w in words(rest) if w not in STOPWORDS][:3]
        if len([a for a in after if a in cs]) >= 2:
            return True, f"negates: '{cue} {' '.join(words(rest)[:4])}'", "other-words"
    return None


def _denies_claim(passage: Facts, claim_stems: set[str]) -> bool:
    """Some denial in the passage has for its object (the first content word after it,
    past 'that') a word of the claim."""
    for i, st in enumerate(passage.stems):
        if st in DENIAL_VERBS:
            nxt = next((k for k in range(i + 1, min(len(passage.words), i + 6))
                        if passage.words[k] not in STOPWORDS), None)
            if nxt is not None and passage.stems[nxt] in claim_stems:
                return True
    return False


def _negated_object(text: str, cue: str, claim: Facts) -> str | None:
    """The first word the negated verb takes in its clause, when the claim lacks it: what the
    passage denies is then another thing ('not signed the Optional Protocol')."""
    if cue.split()[0] in DENIAL_WORDS or "..." in cue:
        return None  # a denial's clause is the claim's own
    folded = fold(text)
    m = re.search(r"\W+".join(re.escape(w) for w in cue.split()), folded, re.IGNORECASE)
    if not m:
        return None
    rest = re.split(r"[,;:.()]", folded[m.end():], maxsplit=1)[0]
    pool = set(claim.stems) | set(claim.words)
    for w in words(rest)[:4]:
        if w in STOPWORDS or not w.isalpha():
            continue
        return None if _token_match(canon(w), pool) or _token_match(w, pool) else w
    return None


def other_kind(claim: Facts, passage: Facts) -> tuple[str, str] | None:
    """The passage says it of another kind of the same thing: 'pancreatic cancer' where it
    says 'bladder cancer', a modifier of a shared noun swapped for one the claim lacks."""
    cs, ps = set(claim.stems), set(passage.stems)
    heads: dict[str, list[int]] = {}
    for j in range(1, len(passage.stems)):
        heads.setdefault(passage.stems[j], []).append(j)
    for i in range(len(claim.words) - 1):
        a, head = claim.words[i], claim.stems[i + 1]
        if (not _modifier(a, claim.stems[i]) or _token_match(claim.stems[i], ps)
                or claim.words[i + 1] in STOPWORDS or head not in heads):
            continue
        for j in heads[head]:
            x = passage.words[j - 1]
            if _modifier(x, passage.stems[j - 1]) and not _token_match(passage.stems[j - 1], cs):
                return f"{a} {claim.words[i + 1]}", f"{x} {passage.words[j]}"
    return None


def _modifier(word: str, st: str) -> bool:
    """A word that may name a kind ('pancreatic', 'bladder'), not the predicate itself
    ('decreases', 'induced') nor a word without content."""
    return (word not in STOPWORDS and word.isalpha() and len(word) >= 4 and st not in ANTONYMS
            and not word.endswith(("ed", "ing", "es")))


def _near(stems: list[str], i: int, span: int = 4) -> set[str]:
    """The words either side of a predicate: what it is said of ('increased ... apoptosis')."""
    return set(stems[max(0, i - span):i] + stems[i + 1:i + 1 + span])
