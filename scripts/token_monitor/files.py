"""Writing token-monitor's own files: atomically, private to the user (mode 0600).

A reader — another token-monitor run, the user's editor, a spreadsheet — sees the old file or the
new one, never half of one: the text goes to a temporary file in the same directory, is flushed
to disk, then renamed over the target. Files that hold usage (exports, settings) are the user's
business only, so they are created 0600 whatever the umask.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import IO, Callable


def write_private(path: Path, write: Callable[[IO[str]], None]) -> None:
    """Create or replace `path` with what `write(handle)` writes (text, UTF-8), atomically, mode 0600."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)   # created 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
