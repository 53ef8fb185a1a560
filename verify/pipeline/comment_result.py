"""What ``verify comments`` says of one comment: its kind, its verdict, its thread and flags.

Its own module so that ``_comments`` (which builds the results) and ``_comment_judge`` (which
reads them) both import it without importing each other.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..inputs.comments import Comment
from ..model import ClaimResult


@dataclass
class CommentResult:
    comment: Comment
    kind: str
    reason: str
    verdict: str | None
    claims: list[ClaimResult] = field(default_factory=list)
    thread: str = ""
    flags: list[str] = field(default_factory=list)
