"""One exception family for everything the library raises on purpose, and its exit codes.

The CLI turns any ``VerifyError`` into a one-line message and the class's exit code, so every
error says *where* (file, row or URL) in its own text and never needs a traceback:

* ``InputError``, ``SourceError``, ``FetchError`` (exit 2): bad usage or unusable input;
* ``RunError`` and ``IndexError_`` (exit 3): the run itself failed (the index, permissions).

Anything else escaping a command is an internal fault: one line, exit 3. Warnings the user
should see (a damaged index rebuilt, a duplicate claim id) are ``VerifyWarning``s, printed
by the CLI as one ``verify: warning:`` line each.
"""
from __future__ import annotations

import warnings

EXIT_OK = 0
EXIT_FAIL_ON = 1
EXIT_USAGE = 2
EXIT_RUN_FAILED = 3
EXIT_INTERRUPTED = 130


class VerifyError(Exception):
    """Base of every error the library raises on purpose."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class InputError(VerifyError):
    """A claims file, draft or comments export that cannot be used."""


class SourceError(VerifyError):
    """A source file that cannot be read; usually skipped rather than raised."""


class FetchError(VerifyError):
    """A URL that could not be fetched (network, policy or content problem)."""


class RunError(VerifyError):
    """The run itself failed (not the input): a cache that cannot be written, an index that
    cannot be used. Exit 3, so a gate never mistakes it for a clean run."""

    exit_code = EXIT_RUN_FAILED


class IndexError_(RunError):
    """The passage index could not be opened, written or read."""


class VerifyWarning(UserWarning):
    """Something the user should know that does not stop the run."""


def warn(message: str) -> None:
    """Emit a ``VerifyWarning`` (the CLI prints it as one ``verify: warning:`` line)."""
    warnings.warn(message, VerifyWarning, stacklevel=2)


class ModelError(RunError):
    """The stance model could not be loaded or run: nothing could really be checked (exit 3)."""
