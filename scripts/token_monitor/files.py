"""Private files: everything token-monitor writes is the user's alone, whatever the umask.

The data dir is 0700; the ledger (and SQLite's -wal/-shm beside it, which SQLite creates with the
ledger's own mode), the collect lock, exports written with --output, settings and any other file we
write are 0600. Whole files are written atomically (a temporary sibling, fsync, rename): a reader sees
the old file or the new one, never half of one. Every file and directory we create goes through here, so there is one place that decides.
Only our own paths are tightened: OpenClaw's files are never written, so never chmod-ed.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path
from typing import IO, Callable, Iterator

DIR_MODE = 0o700
FILE_MODE = 0o600
LOOSE = stat.S_IRWXG | stat.S_IRWXO       # any group/other bit


def is_loose(mode: int) -> bool:
    return bool(stat.S_IMODE(mode) & LOOSE)


# What token-monitor keeps in its data dir (ledger.sqlite, its -wal/-shm and .corrupt-* copies, the
# ledger.verified stamp, the collect lock, settings, the price-list cache, temporary files of atomic writes). A directory holding anything else is not
# only ours (someone pointed --data-dir at a shared place): it is reported by diagnose, never chmod-ed.
OUR_NAMES = ("ledger.", "collect.lock", "settings", "price-list-cache", ".")


def is_our_dir(path: Path, ours: tuple[str, ...] = OUR_NAMES) -> bool:
    """Ours to tighten: owned by us, not a shared (sticky or world-writable) dir, and every name in it
    starts with one of `ours` (token-monitor's data files by default)."""
    try:
        st = os.stat(path)
        names = os.listdir(path)
    except OSError:
        return False
    if st.st_uid != os.getuid() or st.st_mode & (stat.S_ISVTX | stat.S_IWOTH):
        return False                    # someone else's, or a shared dir like /tmp
    return all(n.startswith(ours) for n in names)


def private_dir(path: Path, *, ours: tuple[str, ...] = OUR_NAMES) -> Path:
    """Create `path` (and missing parents) as 0700, or tighten it to 0700 when it exists with
    group/other bits and holds only files named like `ours` (token-monitor's data files by default; the
    chart folder passes its chart prefix). Existing parents are left as they are."""
    existed = path.is_dir()
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    if not existed or is_our_dir(path, ours):
        _tighten(path)
    return path


def private_file(path: Path) -> Path:
    """Make sure `path` exists as a 0600 file (created empty when missing, tightened when loose)."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), FILE_MODE)
    try:
        if is_loose(os.fstat(fd).st_mode):
            os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)
    return path


def tighten_file(path: Path) -> bool:
    """0600 for an existing file of ours with group/other bits; True when it changed."""
    try:
        return _tighten(path)
    except FileNotFoundError:
        return False


def open_private(path: Path, mode: str = "a+", *, encoding: str | None = "utf-8") -> IO:
    """`open(path, mode)` for a file that is created 0600 (and tightened when it exists loose)."""
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0)
    if "a" in mode:
        flags |= os.O_APPEND
    if "w" in mode:
        flags |= os.O_TRUNC
    fd = os.open(path, flags, FILE_MODE)
    try:
        if is_loose(os.fstat(fd).st_mode):
            os.fchmod(fd, FILE_MODE)
        return os.fdopen(fd, mode, encoding=None if "b" in mode else encoding)
    except BaseException:
        os.close(fd)
        raise


@contextlib.contextmanager
def atomic_private(path: Path, *, binary: bool = False) -> Iterator[IO]:
    """Write `path` atomically as a 0600 file: a temporary sibling, fsync, rename over the target.
    On an exception the target is untouched and the temporary file removed."""
    tmp = path.with_name(f".{path.name}.token-monitor.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_private(path: Path, write: Callable[[IO[str]], None]) -> None:
    """Create or replace `path` with what `write(handle)` writes (text, UTF-8), atomically, mode 0600
    (exports with --output, settings). A missing parent directory is created 0700."""
    path = Path(path)
    if not path.parent.is_dir():
        private_dir(path.parent)
    with atomic_private(path) as handle:
        write(handle)


def _tighten(path: Path) -> bool:
    """Drop the group/other bits of a path we own (0755 -> 0700, 0644 -> 0600); True when it changed."""
    st = os.stat(path)
    if is_loose(st.st_mode) and st.st_uid == os.getuid():
        try:
            os.chmod(path, stat.S_IMODE(st.st_mode) & ~LOOSE)
        except PermissionError:
            return False        # immutable or read-only: diagnose's data.private reports it with the fix
        return True
    return False
