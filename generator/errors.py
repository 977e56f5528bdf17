"""The errors a user is told of, each with the exit code the command line gives it.

Every stage raises these (or a subclass) for what a person can act on; ``cli.py`` turns each
into one sentence and its code, in one place. Anything else is a bug (exit code 3).
"""

from __future__ import annotations


class AccountbookError(Exception):
    """Something the user can act on; the message says what, in one sentence or a few."""

    exit_code = 3


class OutputError(AccountbookError):
    """The output cannot be written, or is refused (exit code 2)."""

    exit_code = 2


class SiteBuildError(OutputError):
    """The engine could not build the site, or warned (the build is strict)."""
