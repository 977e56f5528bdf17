"""The errors a user is told of, each with the exit code the command line gives it.

Every stage raises these (or a subclass) for what a person can act on; ``cli.py`` turns each
into one sentence and its code, in one place. Anything else is a bug (exit code 3).

\b
  AccountbookError          3  (the base; a bug when nothing more specific applies)
    InputError              2  the source, the config or the command line cannot be used
      SourceError (sources)      a workbook or sheet that cannot be read
        SheetsUnavailable   4  the network or the Sheets API failed, even after retrying
    InvalidWorkbookError    1  the workbook is read but has errors (pipeline.InvalidWorkbook)
    OutputError             2  the output cannot be written, or is refused
      SiteBuildError             the engine could not build the site
      OutputRefused (outputs)    a folder Accountbook did not make, or the project's own
"""

from __future__ import annotations


class AccountbookError(Exception):
    """Something the user can act on; the message says what, in one sentence or a few."""

    exit_code = 3


class InputError(AccountbookError):
    """The source, the config or the command line cannot be used (exit code 2)."""

    exit_code = 2


class UnavailableError(InputError):
    """A service failed, even after retrying: trying later may work (exit code 4)."""

    exit_code = 4


class InvalidWorkbookError(AccountbookError):
    """The workbook was read, and has errors: the report lists them (exit code 1)."""

    exit_code = 1


class OutputError(AccountbookError):
    """The output cannot be written, or is refused (exit code 2)."""

    exit_code = 2


class SiteBuildError(OutputError):
    """The engine could not build the site, or warned (the build is strict)."""
