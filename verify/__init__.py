"""verify: check factual claims against a corpus of sources.

    >>> from verify import check
    >>> report = check("claims.csv", sources=["sources/"])
    >>> report.claims[0].verdict, report.claims[0].evidence[0].reason

Names are imported lazily so that the command line starts fast.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "check": ".pipeline.check", "check_claim": ".pipeline.check", "open_index": ".pipeline.check",
    "read_claims": ".inputs.claims", "load_sources": ".inputs.sources", "split_passages": ".inputs.passages",
    "PassageIndex": ".retrieval.index",
    "Claim": ".model", "ClaimResult": ".model", "Evidence": ".model", "Passage": ".model",
    "Report": ".model", "Skipped": ".model", "Source": ".model",
    "VerifyError": ".errors", "InputError": ".errors", "SourceError": ".errors",
    "FetchError": ".errors", "RunError": ".errors", "ModelError": ".errors",
    "VerifyWarning": ".errors",
    "Stance": ".stance", "RulesStance": ".stance", "ModelStance": ".stance", "make_stance": ".stance",
    "extract_quantities": ".reading.quantities", "extract_dates": ".reading.dates", "judge": "._stance",
    "read_facts": ".reading.facts",
    "audit": ".pipeline.audit", "AuditReport": ".pipeline.audit", "read_draft": ".pipeline.audit",
    "CommentsReport": ".pipeline.comments", "assess": ".pipeline.comments",
    "read_comments": ".pipeline.comments", "read_comment_page": ".pipeline.comments",
    "SyncStats": ".retrieval.index",
    "fetch_urls": ".web.fetch", "fetch_source": ".web.fetch", "FetchOptions": ".web.fetch",
    "classify": ".reading.worthiness", "find_quotes": ".reading.quotes", "match_quote": ".reading.quotes",
    "render_html": "._html", "render_markdown": "._markdown", "render_claimreview": "._claimreview",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'verify' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:  # every public name, for type checkers and IDEs (``X as X``: re-exported)
    from ._claimreview import render_claimreview as render_claimreview
    from ._html import render_html as render_html
    from ._markdown import render_markdown as render_markdown
    from ._stance import judge as judge
    from .errors import (
        FetchError as FetchError,
        InputError as InputError,
        ModelError as ModelError,
        RunError as RunError,
        SourceError as SourceError,
        VerifyError as VerifyError,
        VerifyWarning as VerifyWarning,
    )
    from .inputs.claims import read_claims as read_claims
    from .inputs.passages import split_passages as split_passages
    from .inputs.sources import load_sources as load_sources
    from .model import (
        Claim as Claim,
        ClaimResult as ClaimResult,
        Evidence as Evidence,
        Passage as Passage,
        Report as Report,
        Skipped as Skipped,
        Source as Source,
    )
    from .pipeline.audit import AuditReport as AuditReport, audit as audit, read_draft as read_draft
    from .pipeline.check import check as check, check_claim as check_claim, open_index as open_index
    from .pipeline.comments import (
        CommentsReport as CommentsReport,
        assess as assess,
        read_comment_page as read_comment_page,
        read_comments as read_comments,
    )
    from .reading.dates import extract_dates as extract_dates
    from .reading.facts import read_facts as read_facts
    from .reading.quantities import extract_quantities as extract_quantities
    from .reading.quotes import find_quotes as find_quotes, match_quote as match_quote
    from .reading.worthiness import classify as classify
    from .retrieval.index import PassageIndex as PassageIndex, SyncStats as SyncStats
    from .stance import (
        ModelStance as ModelStance,
        RulesStance as RulesStance,
        Stance as Stance,
        make_stance as make_stance,
    )
    from .web.fetch import (
        FetchOptions as FetchOptions,
        fetch_source as fetch_source,
        fetch_urls as fetch_urls,
    )
