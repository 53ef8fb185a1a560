"""What a passage does not assert: questions, conditions, doubts, requests, promises and
other people's contested claims.

Split from ``_stance``: these words keep a passage from confirming or refuting a claim, because
the passage reports that something is asked, feared, promised or disputed, not that it is so.
"""
from __future__ import annotations

import re

from ..text import STOPWORDS, canon, words

# a question, or a sentence opening on a condition ('If Thailand deports him', 'Had the
# elections not been held'), states nothing either way
ASKS = re.compile(r"^\s*(?:if|unless|suppose|supposing|imagine|had\s+(?:\w+\s+){1,4}not)\b"
                  r"|\?[\"”’']?\s*$", re.IGNORECASE)
# a passage that asks, plans, predicts, requests or reports a claim as false asserts nothing it
# could refute with: 'to determine whether X differed', 'could cause', 'prosecutors sought 15
# years', 'falsely claiming that'
HEDGES = frozenset(("whether hypothesis hypothesized hypothesised hypothesize could might falsely "
                    "predicted predicts projected sought seeks seeking demanded demands requested "
                    "proposed faces facing if "
                    # someone's contested claim, promise or forecast, not the passage's own word
                    "claimed claims insisted insists argue argued argues assert asserted asserts "
                    "promised promises vowed vows wrongly expect expects expected forecast "
                    "forecasts plans planned fear fears feared debunked").split())
# A passage unsure of a claim, or reporting a figure asked for, confirms nothing: 'it is unclear
# whether he was deported', 'prosecutors sought 12 years' (science's 'may' and 'could' qualify
# findings, so they do not count here)
UNSURE = frozenset("whether unclear uncertain unconfirmed rumoured rumored speculated sought seeks "
                   "seeking demanded demands requested proposed faces facing might falsely wrongly "
                   "debunked promised promises vowed vows expect expects expected forecast "
                   "forecasts plans planned fear fears feared".split())


# where a hedge word's reach ends: a clause break or the sentence's end (not a quote: 'falsely
# claiming that a "peer-reviewed study"...' reaches into it)
_REACH_END = re.compile(r"[,;:()\[\]]|\s[-–—]\s|[.!?](?:\s|$)")


# words that judge a statement wherever it stands ('a claim debunked by scientists'): they
# always hedge
_JUDGING = frozenset("debunked falsely wrongly unconfirmed rumoured rumored speculated".split())


def hedges_other_words(text: str, word: str, claim_stems: set[str]) -> bool:
    """Every ``word`` (a hedge) in ``text`` governs words of its own, none of the claim's:
    '...said he first applied in 2019, and fears arrest and deportation' fears the arrest,
    not the application. A hedge with nothing after it in its clause ('exports fell, analysts
    speculated') or before any of the claim's words still hedges them."""
    if word.lower() in _JUDGING:
        return False
    found = False
    for m in re.finditer(rf"\b{re.escape(word)}\b", text, re.IGNORECASE):
        rest = text[m.end():]
        end = _REACH_END.search(rest)
        after = [w for w in words(rest[:end.start() if end else len(rest)])
                 if w not in STOPWORDS and len(w) > 2 and not w.isdigit()]
        if not after or any(canon(w) in claim_stems for w in after):
            return False
        found = True
    return found
