"""OpenClaw's per-agent SQLite stores (>= 2026.7.2), opened read-only; session metadata rows."""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..errors import SourceUnreadable
from ..model import SessionMeta

KNOWN_AGENT_SCHEMA_MAX = 23
BUSY_TIMEOUT_MS = 5000


# ---------------------------------------------------------------- SQLite, read-only

@contextmanager
def open_readonly(path: Path) -> Iterator[sqlite3.Connection]:
    """Open an OpenClaw database without writing a byte to it or its -wal/-shm.

    WAL databases are read with `readonly_shm=1` (the -shm is left untouched). Without a -wal
    the main file is complete and is opened immutable. A -wal without a -shm cannot be read in
    place read-only, so the pair is copied to a temp dir first.
    """
    import shutil  # only for the rare copy fallback: kept off the warm path's import time
    import tempfile

    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    tmpdir = None
    try:
        if not os.access(path, os.R_OK):
            raise SourceUnreadable("permission denied")
        wal_size = wal.stat().st_size if wal.exists() else 0
        if shm.exists():
            uri = f"file:{_uri_path(path)}?mode=ro&readonly_shm=1"
        elif not wal_size:
            uri = f"file:{_uri_path(path)}?mode=ro&immutable=1"
        else:
            tmpdir = tempfile.mkdtemp(prefix="token-monitor-")
            copy = Path(tmpdir) / path.name
            shutil.copyfile(path, copy)
            shutil.copyfile(wal, Path(f"{copy}-wal"))
            uri = f"file:{_uri_path(copy)}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA query_only=1")
            yield conn
        finally:
            conn.close()
    finally:
        if tmpdir:
            shutil.rmtree(tmpdir, ignore_errors=True)


def _uri_path(path: Path) -> str:
    from urllib.parse import quote

    return quote(str(path.resolve()))


def table_columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}


def read_session_meta(conn: sqlite3.Connection, agent: str) -> dict[str, SessionMeta]:
    """Session key, channel and label per session id, from `session_windows` and `session_nodes`."""
    metas: dict[str, SessionMeta] = {}
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "session_windows" in tables:
        cols = table_columns(conn, "session_windows")
        want = [c for c in ("session_id", "session_key", "channel", "chat_type", "display_name", "parent_session_key", "created_at") if c in cols]
        if {"session_id", "session_key"} <= set(want):
            for row in conn.execute(f"SELECT {', '.join(want)} FROM session_windows"):
                r = dict(zip(want, row))
                metas[r["session_id"]] = SessionMeta(
                    agent, r["session_id"], r.get("session_key"), r.get("channel"),
                    r.get("display_name"), r.get("chat_type"), r.get("parent_session_key"), r.get("created_at"),
                )
    if "session_nodes" in tables:
        cols = table_columns(conn, "session_nodes")
        want = [c for c in ("session_key", "current_session_id", "label", "display_name") if c in cols]
        if {"session_key", "current_session_id"} <= set(want):
            for row in conn.execute(f"SELECT {', '.join(want)} FROM session_nodes"):
                r = dict(zip(want, row))
                sid = r["current_session_id"]
                meta = metas.setdefault(sid, SessionMeta(agent, sid, r["session_key"]))
                meta.session_key = meta.session_key or r["session_key"]
                meta.label = r.get("label") or r.get("display_name") or meta.label
    return metas
