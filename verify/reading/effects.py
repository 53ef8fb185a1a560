"""Verbs that say which way an effect goes: a claim's 'exacerbates' is not stated by a passage
that says 'rescues', however many of the claim's other words it repeats.

A claim about an effect ('X increases Y', 'X impairs Y') is mostly its nouns, which a passage
about the opposite effect shares; so the direction word, when the claim has one, must itself
be stated (or a word of its group) for the passage to support the claim.
"""
from __future__ import annotations

from ..text import stem, token_match

# groups of direction words, as stems; a word is stated by any member of its group
_GROUPS = [
    "increase rise grow enhance elevate boost raise augment amplify upregulate potentiate",
    "decrease fall drop decline reduce diminish attenuate downregulate lessen",
    "inhibit suppress block prevent impair abolish abrogate hinder repress",
    "promote induce stimulate activate trigger drive facilitate",
    "improve restore rescue ameliorate alleviate relieve benefit",
    "worsen exacerbate aggravate impair deteriorate",
    "protect",
    "accelerate hasten speed",
    "delay slow retard",
]
_GROUP: dict[str, set[str]] = {}
for _g in _GROUPS:
    _stems = {stem(w) for w in _g.split()} | {stem(w + "s") for w in _g.split()} | {
        stem((w[:-1] if w.endswith("e") else w) + "ed") for w in _g.split()}
    for _s in _stems:
        _GROUP.setdefault(_s, set()).update(_stems)


def unstated_effect(claim_stems: list[str], claim_words: list[str], passage_stems: list[str]) -> str | None:
    """The claim's first direction word (as written) that the passage states in no form of its
    group, or None. Canonical stems of synonyms ('increase' for 'rise') are read too."""
    pool = set(passage_stems)
    for i, (w, s) in enumerate(zip(claim_words, claim_stems)):
        if i == 0:
            continue  # 'Activated Cdk5 regulates...': an opening participle names, not claims
        group = _GROUP.get(stem(w)) or _GROUP.get(s)
        if not group:
            continue
        if group & pool or token_match(stem(w), pool):
            continue
        heads = tuple(g[:max(4, len(g) - 1)] for g in group)  # 'reduc' in 'reduction'
        if any(p.startswith(heads) for p in pool):
            continue
        return w
    return None
