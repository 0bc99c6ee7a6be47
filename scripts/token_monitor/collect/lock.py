"""One collector at a time per data dir."""

from __future__ import annotations

import fcntl
import time
from pathlib import Path

from .. import files
from ..errors import LedgerError

LOCK_NAME = "collect.lock"


class CollectLock:
    """One collector at a time per data dir; others wait (heartbeat + user), then find nothing new."""

    def __init__(self, data_dir: Path, *, timeout_s: float = 120.0):
        self.path = data_dir / LOCK_NAME
        self.timeout_s = timeout_s
        self.fh = None

    def __enter__(self):
        files.private_dir(self.path.parent)
        self.fh = files.open_private(self.path, "a+")
        deadline = time.monotonic() + self.timeout_s
        while True:
            try:
                fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return self
            except BlockingIOError:
                if time.monotonic() > deadline:
                    self.fh.close()
                    raise LedgerError(f"another collect has held {self.path} for {self.timeout_s:.0f}s",
                                      hint="wait for it to finish, or check for a stuck token-monitor process")
                time.sleep(0.05)

    def __exit__(self, *exc):
        fcntl.flock(self.fh, fcntl.LOCK_UN)
        self.fh.close()
