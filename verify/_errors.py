"""One exception family for everything the library raises on bad input.

The CLI turns any ``VerifyError`` into a one-line message and an exit code, so every
error says *where* (file, row or URL) in its own text and never needs a traceback.
"""
from __future__ import annotations


class VerifyError(Exception):
    """Base of every error the library raises on purpose."""

    exit_code = 2

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class InputError(VerifyError):
    """A claims file, draft or comments export that cannot be used."""


class SourceError(VerifyError):
    """A source file that cannot be read; usually skipped rather than raised."""


class FetchError(VerifyError):
    """A URL that could not be fetched (network, policy or content problem)."""


class IndexError_(VerifyError):
    """The passage index could not be opened or written."""
