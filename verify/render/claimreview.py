"""schema.org ClaimReview JSON-LD: the format fact-checkers publish and Google Fact Check reads.

One ``ClaimReview`` object per checked claim (per checked statement of an audit, per claim
of a comment), as a JSON list. Our verdicts say what the *sources* say, so the textual
rating (``alternateName``, the only part search engines show) uses the field's usual words
and ``reviewBody`` keeps our reason, which names the sources' evidence.

Verdict -> rating, on the common 1 (false) .. 5 (true) scale:

============  ===========  =============
verdict       ratingValue  alternateName
============  ===========  =============
supported     5            True
disputed      3            Mixed
contradicted  1            False
unverified    (none)       Unproven
============  ===========  =============

``unverified`` has no ``ratingValue`` (nor best/worst): it means the sources are silent,
not that the claim is half true. Giving it the middle value would put it next to
``disputed`` (sources that disagree) for anyone sorting by number, and schema.org assumes
a 1..5 scale when the bounds are absent, so an omitted value is the honest one. Google
requires only ``alternateName`` on the rating.

``itemReviewed.appearance`` lists the evidence behind the verdict (the brief of issue 8):
each source's URL, or for a local file its relative path, with the archived copy's sha256
as an ``identifier``. Only http(s) URLs and scheme-less relative paths are emitted as
``url``. ``<``, ``>`` and ``&`` are written as ``\\u003c`` etc. so the output can be pasted
into a ``<script type="application/ld+json">`` block without a claim closing the tag.
"""
from __future__ import annotations

import datetime as _dt
import json
from typing import Any

from verify.render.common import as_data
from verify.render.html import items, safe_url, source_index, text, verdict_of

RATINGS: dict[str, dict[str, Any]] = {
    "supported": {"ratingValue": 5, "bestRating": 5, "worstRating": 1, "alternateName": "True"},
    "disputed": {"ratingValue": 3, "bestRating": 5, "worstRating": 1, "alternateName": "Mixed"},
    "contradicted": {"ratingValue": 1, "bestRating": 5, "worstRating": 1, "alternateName": "False"},
    "unverified": {"alternateName": "Unproven"},
}

def _appearances(evidence: Any, sources: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for ev in items(evidence):
        if ev.get("stance") not in ("supports", "contradicts"):
            continue
        key = text(ev.get("source"))
        if key in seen:
            continue
        seen.add(key)
        src = sources.get(key) or {}
        work: dict[str, Any] = {"@type": "CreativeWork"}
        name = text(ev.get("title")) or text(src.get("title"))
        if name:
            work["name"] = name
        # a url field is a URL, never a local path: a file source without one is named and
        # identified by its hash instead
        url = safe_url(ev.get("url")) or safe_url(src.get("url"))
        if url:
            work["url"] = url
        if src.get("published"):
            work["datePublished"] = text(src["published"])
        if src.get("sha256"):
            work["identifier"] = {"@type": "PropertyValue", "propertyID": "sha256",
                                  "value": text(src["sha256"])}
        out.append(work)
    return out


def _checked(report: dict[str, Any], kind: str) -> list[tuple[str, dict[str, Any]]]:
    """(anchor, item) for everything that carries a verdict, matching the HTML anchors."""
    if kind == "check":
        return [(f"claim-{i}", c)
                for i, c in enumerate(items(report.get("claims")), 1)]
    if kind == "audit":
        return [(f"s-{i}", {**s, "claim": s.get("text")})
                for i, s in enumerate(items(report.get("statements")), 1) if verdict_of(s.get("verdict"))]
    return [(f"comment-{i}-{j}", {**k, "_said_by": c.get("author")})
            for i, c in enumerate(items(report.get("comments")), 1)
            for j, k in enumerate(items(c.get("claims")), 1)]


def claim_reviews(report: Any, *, publisher: str = "verify", publisher_url: str | None = None,
                  date_published: str | None = None, url: str | None = None,
                  kind: str | None = None) -> list[dict[str, Any]]:
    """The ClaimReview objects as Python data (for callers that embed them elsewhere), for a
    typed report or the dict of a saved one (``kind`` when the caller knows it)."""
    report, kind = as_data(report) if kind is None else (report, kind)
    sources = source_index(report)
    author: dict[str, Any] = {"@type": "Organization", "name": publisher}
    if safe_url(publisher_url):
        author["url"] = publisher_url
    date = date_published or _dt.date.today().isoformat()
    out = []
    for anchor, c in _checked(report, kind):
        v = verdict_of(c.get("verdict"))
        if v is None or not text(c.get("claim")).strip():
            continue
        review: dict[str, Any] = {"@context": "https://schema.org", "@type": "ClaimReview"}
        if safe_url(url):
            review["url"] = f"{url.split('#')[0]}#{anchor}"  # type: ignore[union-attr]
        review["claimReviewed"] = text(c.get("claim"))
        review["reviewRating"] = {"@type": "Rating", **RATINGS[v]}
        item: dict[str, Any] = {"@type": "Claim"}
        if text(c.get("_said_by")):  # a reader's comment: the claim is theirs
            item["author"] = {"@type": "Person", "name": text(c["_said_by"])}
        appearance = _appearances(c.get("evidence"), sources)
        if appearance:
            item["appearance"] = appearance
        review["itemReviewed"] = item
        review["author"] = author
        review["datePublished"] = date
        if text(c.get("reason")):
            review["reviewBody"] = text(c.get("reason"))
        out.append(review)
    return out


def render_claimreview(report: Any, *, publisher: str = "verify",
                       publisher_url: str | None = None, date_published: str | None = None,
                       url: str | None = None, kind: str | None = None) -> str:
    """JSON-LD text: a list with one ClaimReview per claim that has a verdict.

    ``url`` is the page where the review is published; each review gets ``url#claim-N``,
    the anchor the HTML report gives that claim. ``date_published`` defaults to today."""
    data = claim_reviews(report, publisher=publisher, publisher_url=publisher_url,
                         date_published=date_published, url=url, kind=kind)
    out = json.dumps(data, ensure_ascii=False, indent=2)
    return out.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"
