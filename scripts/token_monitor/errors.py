"""Exit codes and the user-facing error hierarchy.

One enum, repeated in `--help` and SKILL.md. `cli.main` is the only place that catches
`TokenMonitorError`; anything else is a bug and is reported as an internal error.
"""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    OK = 0
    INTERNAL = 1          # a bug: rerun with --verbose and report it
    USAGE = 2             # bad arguments or option values
    STATE_NOT_FOUND = 3   # no OpenClaw state directory found
    LEDGER = 4            # our ledger is corrupt, locked or unwritable
    PARTIAL = 5           # finished, but some sources were unreadable or records malformed
    FINDINGS = 6          # diagnose found at least one error-level problem
    ALERT = 7             # collect --heartbeat / budget status: an alert is due


EXIT_CODE_HELP = "\n".join(
    [
        "exit codes:",
        "  0  ok",
        "  1  internal error (rerun with --verbose)",
        "  2  bad arguments",
        "  3  OpenClaw state directory not found",
        "  4  ledger corrupt, locked or not writable (try: collect --rebuild)",
        "  5  done, but some sources were unreadable or records malformed (see: diagnose)",
        "  6  diagnose found an error-level problem",
        "  7  a budget alert is due",
    ]
)


class TokenMonitorError(Exception):
    """An error the user can act on: one line, a stable code, a hint."""

    exit_code: ExitCode = ExitCode.INTERNAL
    code: str = "error"

    def __init__(self, message: str, *, hint: str | None = None, code: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        if code:
            self.code = code

    def one_line(self) -> str:
        return f"{self.message} — {self.hint}" if self.hint else self.message


class UsageError(TokenMonitorError):
    exit_code = ExitCode.USAGE
    code = "usage"


class StateNotFoundError(TokenMonitorError):
    exit_code = ExitCode.STATE_NOT_FOUND
    code = "state.not-found"


class LedgerError(TokenMonitorError):
    exit_code = ExitCode.LEDGER
    code = "ledger.error"


class SourceUnreadable(Exception):
    """A whole source could not be read this time (locked, corrupt, permission, loop)."""
