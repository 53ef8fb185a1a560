"""verify: check factual claims against a corpus of sources.

    >>> from verify import check
    >>> report = check("claims.csv", sources=["sources/"])
    >>> report.claims[0].verdict, report.claims[0].evidence[0].reason

The public API is ``__all__`` (the table below says where each name lives); names are
imported lazily so that the command line starts fast. The package's layout is the pipeline:
``inputs`` -> ``retrieval`` -> ``reading`` and ``stance`` -> ``verdict`` -> ``pipeline``
-> ``render`` -> ``cli`` (README, *Architecture*).
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# where each public name lives (the layout is the pipeline: inputs -> retrieval -> reading and
# stance -> verdict -> pipeline -> render)
_MODULES = {
    ".errors": ("VerifyError", "InputError", "SourceError", "FetchError", "RunError", "ModelError",
                "VerifyWarning"),
    ".model": ("Claim", "ClaimResult", "Evidence", "Passage", "Report", "Skipped", "Source",
               "AuditReport", "Statement", "CommentsReport", "CommentResult", "Comment", "report_from_dict"),
    ".inputs.claims": ("read_claims",),
    ".inputs.sources": ("load_sources",),
    ".inputs.passages": ("split_passages",),
    ".retrieval": ("Retriever",),
    ".retrieval.index": ("PassageIndex", "SyncStats"),
    ".reading.quantities": ("extract_quantities",),
    ".reading.dates": ("extract_dates",),
    ".reading.facts": ("read_facts",),
    ".reading.worthiness": ("classify",),
    ".reading.quotes": ("find_quotes", "match_quote"),
    "._stance": ("judge",),
    ".stance": ("Stance", "RulesStance", "ModelStance", "make_stance"),
    ".pipeline.check": ("check", "check_claim", "open_index"),
    ".pipeline.audit": ("audit",),
    ".inputs.drafts": ("read_draft",),
    ".pipeline.comments": ("assess", "read_comments", "read_comment_page"),
    ".web.fetch": ("fetch_urls", "fetch_source", "FetchOptions"),
    ".render.html": ("render_html",),
    ".render.markdown": ("render_markdown",),
    ".render.claimreview": ("render_claimreview",),
}
_EXPORTS = {name: module for module, names in _MODULES.items() for name in names}
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
    from .inputs.drafts import read_draft as read_draft
    from .inputs.passages import split_passages as split_passages
    from .inputs.sources import load_sources as load_sources
    from .model import (
        AuditReport as AuditReport,
        Claim as Claim,
        ClaimResult as ClaimResult,
        Comment as Comment,
        CommentResult as CommentResult,
        CommentsReport as CommentsReport,
        Evidence as Evidence,
        Passage as Passage,
        Report as Report,
        Skipped as Skipped,
        Source as Source,
        Statement as Statement,
        report_from_dict as report_from_dict,
    )
    from .pipeline.audit import audit as audit
    from .pipeline.check import check as check, check_claim as check_claim, open_index as open_index
    from .pipeline.comments import (
        assess as assess,
        read_comment_page as read_comment_page,
        read_comments as read_comments,
    )
    from .reading.dates import extract_dates as extract_dates
    from .reading.facts import read_facts as read_facts
    from .reading.quantities import extract_quantities as extract_quantities
    from .reading.quotes import find_quotes as find_quotes, match_quote as match_quote
    from .reading.worthiness import classify as classify
    from .render.claimreview import render_claimreview as render_claimreview
    from .render.html import render_html as render_html
    from .render.markdown import render_markdown as render_markdown
    from .retrieval import Retriever as Retriever
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
