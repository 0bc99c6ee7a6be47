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
    LEDGER = 4            # our ledger is damaged (collect --rebuild repairs it)
    PARTIAL = 5           # finished, but some sources were unreadable or records malformed
    FINDINGS = 6          # diagnose found at least one error-level problem
    ALERT = 7             # collect --heartbeat / budget status: an alert is due
    BUSY = 8              # another collect holds the data dir's lock: wait and run again
    NOT_WRITABLE = 9      # the data dir (or a file in it) cannot be created or written
    INTERRUPTED = 130     # Ctrl-C / SIGINT: stopped cleanly, nothing lost, run again


EXIT_CODE_HELP = "\n".join(
    [
        "exit codes:",
        "  0  ok",
        "  1  internal error (rerun with --verbose)",
        "  2  bad arguments",
        "  3  OpenClaw state directory not found",
        "  4  ledger damaged (run: collect --rebuild)",
        "  5  done, but some sources were unreadable or records malformed (see: diagnose)",
        "  6  diagnose found an error-level problem",
        "  7  a budget alert is due",
        "  8  busy: another collect is running (wait, then run again; do not rebuild)",
        "  9  data dir not writable (fix its permissions or pass --data-dir)",
        "  130  interrupted (Ctrl-C); nothing was lost, run again",
    ]
)


class TokenMonitorError(Exception):
    """An error the user can act on: one line, a stable code, a hint.

    A subclass names its exit code and default stable code as class keywords,
    `class XError(TokenMonitorError, exit_code=ExitCode.USAGE, code="x.failed")`; a raise site may pass a
    more precise `code=`."""

    exit_code: ExitCode = ExitCode.INTERNAL
    code: str = "error"

    def __init_subclass__(cls, *, exit_code: ExitCode | None = None, code: str | None = None, **kwargs):
        super().__init_subclass__(**kwargs)
        if exit_code is not None:
            cls.exit_code = exit_code
        if code is not None:
            cls.code = code

    def __init__(self, message: str, *, hint: str | None = None, code: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        if code:
            self.code = code

    def one_line(self) -> str:
        return f"{self.message} — {self.hint}" if self.hint else self.message


class UsageError(TokenMonitorError, exit_code=ExitCode.USAGE, code="usage"):
    """Bad arguments or option values: the user can correct the call."""


class StateNotFoundError(TokenMonitorError, exit_code=ExitCode.STATE_NOT_FOUND, code="state.not-found"):
    """No usable OpenClaw state directory: none where we looked (the message lists every path tried), a file
    where the directory should be, or the bundled demo state could not be prepared."""


class LedgerError(TokenMonitorError, exit_code=ExitCode.LEDGER, code="ledger.error"):
    """Our ledger is missing, written by a newer token-monitor, or damaged (collect --rebuild repairs damage)."""


class LedgerBusyError(TokenMonitorError, exit_code=ExitCode.BUSY, code="ledger.busy"):
    """Another collect holds the lock: nothing is wrong, the ledger is being updated."""


class NotWritableError(TokenMonitorError, exit_code=ExitCode.NOT_WRITABLE, code="data-dir.not-writable"):
    """Our data dir or ledger cannot be created or written (permissions, read-only file system, a file
    where a directory should be). The ledger itself is fine: rebuilding would not help."""


class SourceUnreadable(Exception):
    """A whole source could not be read this time (locked, corrupt, permission, loop)."""
