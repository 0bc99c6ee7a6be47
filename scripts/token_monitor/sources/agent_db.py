"""OpenClaw's per-agent SQLite stores (>= 2026.7.2), opened read-only; session metadata rows."""

from __future__ import annotations

import dataclasses
import os
import sqlite3
import stat
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .. import files, strings
from ..errors import SourceUnreadable
from ..model import Malformed, RawRecord, SessionMeta
from . import bounded, compressed
from .compressed import decode_zstd

KNOWN_AGENT_SCHEMA_MAX = 23
BUSY_TIMEOUT_MS = 5000


# ---------------------------------------------------------------- SQLite, read-only

COPY_PREFIX = "token-monitor-copies-"


def copies_root() -> Path:
    """Our private directory for the rare temporary database copy: one per user, mode 0700."""
    import tempfile

    return Path(tempfile.gettempdir()) / f"{COPY_PREFIX}{os.getuid()}"


def _private_copy_dir() -> Path:
    """A fresh per-process directory under `copies_root`, which must be ours and private (never follow
    a directory planted by someone else: the copy holds OpenClaw's credentials)."""
    import tempfile

    root = copies_root()
    try:
        root.mkdir(mode=0o700)
    except FileExistsError:
        pass
    st = os.lstat(root)
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid() or files.is_loose(st.st_mode):
        raise SourceUnreadable(f"{root} is not a private directory of ours; remove it")
    return Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=root))


def sweep_stale_copies() -> int:
    """Remove copies left by a run that was killed (kill -9, power loss): every per-process directory
    whose process is gone. Called by every collect. Returns how many were removed."""
    import shutil

    root = copies_root()
    removed = 0
    try:
        entries = list(root.iterdir())
    except OSError:
        return 0
    for d in entries:
        pid = d.name.split("-", 1)[0]
        if pid.isdigit() and (int(pid) == os.getpid() or _alive(int(pid))):
            continue                # ours, or a running collect's
        shutil.rmtree(d, ignore_errors=True)
        removed += 1
    try:
        root.rmdir()
    except OSError:
        pass
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def open_readonly(path: Path) -> Iterator[sqlite3.Connection]:
    """Open an OpenClaw database without writing a byte to it or its -wal/-shm.

    WAL databases are read with `readonly_shm=1` (the -shm is left untouched). Without a -wal
    the main file is complete and is opened immutable. A -wal without a -shm cannot be read in
    place read-only (SQLite would create the -shm), so only then the pair is copied, into our
    private per-user directory; the copy is removed on the way out, and by the next collect
    after a crash (`sweep_stale_copies`).
    """
    import shutil  # only for the rare copy fallback: kept off the warm path's import time

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
            tmpdir = _private_copy_dir()
            copy = tmpdir / "db.sqlite"
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
            try:
                tmpdir.parent.rmdir()
            except OSError:
                pass


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


# ---------------------------------------------------------------- transcript rows
@dataclasses.dataclass(frozen=True)
class StoreLayout:
    """What one agent store holds, as far as usage goes."""

    version: int
    tables: frozenset[str]
    missing: tuple[str, ...]          # transcript_events columns we need and it lacks
    select: str                       # the row columns to read, NULL for those it lacks

    @property
    def has_transcripts(self) -> bool:
        return "transcript_events" in self.tables


def store_layout(conn: sqlite3.Connection) -> StoreLayout:
    tables = frozenset(r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'"))
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if "transcript_events" not in tables:
        return StoreLayout(version, tables, (), "")
    cols = table_columns(conn, "transcript_events")
    missing = tuple(sorted({"session_id", "seq", "event_json"} - cols))
    has_zstd = "event_zstd" in cols
    # For compressed rows, navigation_json (a small uncompressed projection) names the message role:
    # tool results, the bulk of compressed rows, carry no usage and are skipped undecoded.
    skip_tool_results = has_zstd and "navigation_json" in cols
    select = ("seq, event_json, " + ("event_zstd" if has_zstd else "NULL") + ", "
              + ("event_utf8_bytes" if "event_utf8_bytes" in cols else "NULL") + ", "
              + ("created_at" if "created_at" in cols else "NULL")
              + (", CASE WHEN event_json IS NULL THEN navigation_json END" if skip_tool_results else ", NULL"))
    return StoreLayout(version, tables, missing, select)


def rewrite_generations(conn: sqlite3.Connection, layout: StoreLayout) -> dict[str, int]:
    """session id -> the generation OpenClaw bumps when it rewrites a session's rows."""
    if "transcript_rewrite_watermarks" not in layout.tables:
        return {}
    return dict(conn.execute("SELECT session_id, generation FROM transcript_rewrite_watermarks"))


def session_heads(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """(session id, highest integer seq) per session. A store whose STRICT was dropped can hold any type in
    any column: rows whose seq is not an integer are reported by `bad_seq_rows`, never compared."""
    return conn.execute(
        "SELECT session_id, MAX(seq) FROM transcript_events WHERE typeof(seq) = 'integer' AND typeof(session_id) = 'text' "
        "GROUP BY session_id").fetchall()


def bad_seq_rows(conn: sqlite3.Connection, *, limit: int = 1000) -> list[Malformed]:
    """Rows whose seq is not an integer (e.g. 'seven'): located problems, at most `limit` of them."""
    rows = conn.execute("SELECT session_id, seq, typeof(session_id), typeof(seq) FROM transcript_events "
                        "WHERE typeof(seq) != 'integer' OR typeof(session_id) != 'text' LIMIT ?", (limit,)).fetchall()
    return [Malformed(f"{strings.text(str(sid))[:80]}#{strings.text(str(seq))[:40]}",
                      f"seq is {kind}, not an integer" if kind != "integer" else f"session_id is {sid_kind}, not text")
            for sid, seq, sid_kind, kind in rows]


def session_record_chunks(conn: sqlite3.Connection, layout: StoreLayout, session_id: str, *, after_seq: int,
                          chunk: int) -> Iterator[tuple[int, list[RawRecord | Malformed]]]:
    """(last seq read, its records) per chunk of a session's rows after `after_seq`, in seq order."""
    last = after_seq
    while True:
        rows = conn.execute(
            f"SELECT {layout.select} FROM transcript_events WHERE session_id = ? AND typeof(seq) = 'integer' "
            "AND seq > ? ORDER BY seq LIMIT ?",
            (session_id, last, chunk),
        ).fetchall()
        if not rows:
            return
        records: list[RawRecord | Malformed] = []
        for seq, text, blob, nbytes, created, nav in rows:
            last = seq
            if nav.__class__ is str and _is_tool_result(nav):
                continue
            loc = f"{strings.text(str(session_id))}#{seq}"
            try:
                obj = decode_event_row(text, blob, nbytes)
            except (ValueError, compressed.ZstdError) as exc:
                records.append(Malformed(loc, f"undecodable row: {exc}"))
                continue
            # Any column can hold any type once STRICT is gone: a created_at that is not an int is unknown.
            records.append(RawRecord(obj, loc, created_ms=created if created.__class__ is int else None))
        yield last, records


def decode_event_row(text: str | None, blob: bytes | None, nbytes: int | None) -> dict:
    """A transcript row's event; {} for a row that cannot hold usage, a header or a user turn."""
    if text is None:
        if not isinstance(blob, bytes):
            raise ValueError("row has neither event_json nor event_zstd")
        if nbytes is not None and (nbytes.__class__ is not int or not 0 < nbytes <= bounded.MAX_DECOMPRESSED_BYTES):
            raise ValueError("event_utf8_bytes is not a valid length")
        try:
            text = decode_zstd(blob, expected_len=nbytes).decode("utf-8")
        except UnicodeDecodeError:
            raise ValueError("not UTF-8") from None
    elif isinstance(text, bytes):        # TEXT affinity is not enforced without STRICT
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise ValueError("not UTF-8") from None
    elif not isinstance(text, str):
        raise ValueError(f"event_json is {type(text).__name__}, not text")
    if '"assistant"' not in text and '"session"' not in text and '"user"' not in text:
        return {}      # cheap filter: cannot be a usage row, header or user turn
    return bounded.loads_record(text)


def _is_tool_result(nav: str) -> bool:
    """True only when a row's navigation projection says, unambiguously, it is a tool result."""
    if '"toolResult"' not in nav:
        return False
    try:
        msg = bounded.loads(nav)["navigation"]["message"]
    except (ValueError, KeyError, TypeError):
        return False
    return isinstance(msg, dict) and msg.get("role") == "toolResult"
