"""A claim read in its parts (``verify.reading.parts``): its main statement, and its aside
about its subject, each judged on its own by the model stance."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import Passage
from ..reading.parts import parts
from ._types import Candidate, Judged

if TYPE_CHECKING:
    from .model import ModelStance


def by_parts(stance: "ModelStance", claim: str, candidates: Sequence[Candidate], idf: Callable[[str], float],
             judged: list[Judged]) -> list[Judged]:
    """The claim's aside about its subject read on its own (``verify.reading.parts``:
    'Thi, a restaurant manager aged 22, speaks Vietnamese...'), in the sources that state
    the main part. A passage that states a claim's main part says nothing of its aside,
    and a model reading the whole claim calls such a passage neutral.

    - Undecided claim: when a passage supports the main part, one of the same source
      supports the aside, and no passage read speaks against either, both support the claim
      (``check``: ``model:parts``).
    - With ``parts_contradict``, a source that states the main part but gives the aside
      otherwise, by a value the rules name ('August, a Norwegian aid worker' against
      'August, a Swedish aid worker'), contradicts the claim; a passage supporting the
      whole claim without stating the aside then only relates to it.
    """
    supported = [j for j in judged if j.judgement.label == "supports"]
    if any(j.judgement.label == "contradicts" for j in judged):
        return judged
    for main, side in parts(claim):
        main_support = supported
        if not main_support:
            got = stance.judge_whole(main, candidates, idf)
            if any(j.judgement.label == "contradicts" for j in got):
                continue
            main_support = [j for j in got if j.judgement.label == "supports"]
            if not main_support:
                continue
        # the aside is read in the sources that state the main part: one report, one subject
        here = {j.passage.source_id for j in main_support}
        got = stance.judge_whole(side, [c for c in candidates if c.passage.source_id in here], idf)
        side_support = [j for j in got if j.judgement.label == "supports"]
        against = [j for j in got if j.judgement.label == "contradicts"]
        if against and not side_support:
            if not (stance.params.get("parts_contradict")
                    and all(j.judgement.check.startswith("rules:") for j in against)):
                continue
            kept = [j if j.judgement.label != "supports" else replace(j, judgement=replace(
                j.judgement, label="related", score=round(j.judgement.score * 0.5, 3),
                reason=f"{j.judgement.reason}; but not '{side.rstrip('.')}'")) for j in judged]
            return kept + [replace(j, judgement=replace(
                j.judgement, check=j.judgement.check + "+parts",
                reason=f"{j.judgement.reason} (of the part '{side.rstrip('.')}')")) for j in against]
        if supported or not side_support or against:
            continue
        return _supported_by_parts(judged, [(main, main_support), (side, side_support)])
    return judged


def _supported_by_parts(judged: list[Judged], found: list[tuple[str, list[Judged]]]) -> list[Judged]:
    """``judged`` with the passages that support each part supporting the claim."""
    score = min(j.judgement.score for _t, js in found for j in js)
    kept = list(judged)
    for (text, js), (_other, others) in zip(found, found[::-1]):
        rest = ", ".join(dict.fromkeys(f"line {o.passage.line}" for o in others))
        for j in js:
            kept = [k for k in kept if not overlap(k.passage, j.passage)]
            kept.append(replace(j, judgement=replace(
                j.judgement, label="supports", score=round(score, 3), check="model:parts",
                reason=f"states the part '{text.rstrip('.')}' ({j.judgement.check}: {j.judgement.reason}); "
                       f"the rest: {rest}")))
    return kept


def overlap(a: Passage, b: Passage) -> bool:
    """Two spans of one source that share characters."""
    return a.source_id == b.source_id and a.start < b.end and b.start < a.end
