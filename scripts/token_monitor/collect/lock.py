"""One collector at a time per data dir."""

from __future__ import annotations

import fcntl
import time
from pathlib import Path

from .. import files
from ..errors import LedgerBusyError, NotWritableError

LOCK_NAME = "collect.lock"
WAIT_S = 120.0      # how long a second collector waits before answering "busy" (exit 8)


class CollectLock:
    """One collector at a time per data dir; others wait (heartbeat + user), then find nothing new."""

    def __init__(self, data_dir: Path, *, timeout_s: float | None = None):
        self.path = data_dir / LOCK_NAME
        self.timeout_s = WAIT_S if timeout_s is None else timeout_s
        self.fh = None

    def __enter__(self):
        try:
            files.private_dir(self.path.parent)
            self.fh = files.open_private(self.path, "a+")
        except OSError as exc:
            what = "is a file, not a directory" if self.path.parent.is_file() else f"cannot be written ({exc.strerror})"
            raise NotWritableError(f"data dir {self.path.parent} {what}",
                                   hint="fix its permissions or pass --data-dir to a writable directory") from None
        deadline = time.monotonic() + self.timeout_s
        while True:
            try:
                fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return self
            except BlockingIOError:
                if time.monotonic() > deadline:
                    self.fh.close()
                    raise LedgerBusyError(f"busy: another collect has held {self.path} for {self.timeout_s:.0f}s",
                                          hint="wait for it to finish and run again (the ledger is fine; do not rebuild)")
                time.sleep(0.05)

    def __exit__(self, *exc):
        fcntl.flock(self.fh, fcntl.LOCK_UN)
        self.fh.close()
