"""Archived transcripts: deleted sessions kept inside an agent's SQLite store, and cold storage
(`session_transcript_cold_archives` rows or `sessions/cold/*.jsonl.zst` files).

Archives are immutable: each is read whole, once. Blobs are read only when the collector asks
(`Archive.read`), so a store whose archives were all read before costs one small query.
Cold archives hold `{"kind":"header",...}` then `{"kind":"event","row":{"seq","event_json","created_at"}}`.
"""

from __future__ import annotations

import dataclasses
import io
import sqlite3
from typing import Callable, Iterator

from ..model import Malformed, RawRecord
from ..strings import text
from . import bounded
from .agent_db import table_columns
from .compressed import open_blob
from .jsonl import jsonl_records


@dataclasses.dataclass(frozen=True)
class Archive:
    session_id: str
    name: str
    session_key: str | None
    read: Callable[[], io.BufferedIOBase]    # a stream of the archive's JSONL bytes, decompressed as read


def db_archives(conn: sqlite3.Connection) -> Iterator[Archive]:
    """Deleted sessions' transcripts kept in `session_transcript_archives`."""
    cols = table_columns(conn, "session_transcript_archives")
    if not {"session_id", "archive_blob", "archive_name"} <= cols:
        return
    rows = conn.execute(
        "SELECT session_id, archive_name, " + ("encoding" if "encoding" in cols else "NULL") + ", "
        + ("session_key" if "session_key" in cols else "NULL") + " FROM session_transcript_archives"
    ).fetchall()
    for session_id, name, encoding, key in rows:
        def read(name=name, encoding=encoding) -> bytes:
            blob = _blob(conn.execute("SELECT archive_blob FROM session_transcript_archives WHERE archive_name = ?",
                                      (name,)).fetchone()[0])
            return io.BytesIO(blob) if encoding == "identity" else open_blob(blob)
        yield Archive(session_id, name, key, read)


def db_cold_archives(conn: sqlite3.Connection) -> Iterator[Archive]:
    """Cold-storage archives kept in the store itself (`storage = 'sqlite'`)."""
    cols = table_columns(conn, "session_transcript_cold_archives")
    if not {"session_id", "archive_blob", "storage", "archive_name"} <= cols:
        return
    for session_id, name in conn.execute(
        "SELECT session_id, archive_name FROM session_transcript_cold_archives WHERE storage = 'sqlite' AND archive_blob IS NOT NULL"
    ).fetchall():
        def read(session_id=session_id) -> bytes:
            return open_blob(_blob(conn.execute("SELECT archive_blob FROM session_transcript_cold_archives WHERE session_id = ?",
                                                (session_id,)).fetchone()[0]))
        yield Archive(session_id, name, None, read)


def _blob(value) -> bytes:
    """A blob column's bytes; text (no STRICT) as its UTF-8; anything else is not an archive."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass")
    raise ValueError(f"archive_blob is {type(value).__name__}, not a blob")


def cold_records(stream: io.BufferedIOBase, *, loc_prefix: str, session_id: str | None) -> Iterator[RawRecord | Malformed]:
    """The events of a cold archive, each with its session (named by the archive or its header)."""
    sid = session_id
    for rec in jsonl_records(stream, loc_prefix=loc_prefix):
        if rec.__class__ is Malformed:
            yield rec
            continue
        obj, loc = rec.obj, rec.loc
        if not isinstance(obj, dict):
            yield Malformed(loc, "not an object")
            continue
        if obj.get("kind") == "header":
            named = obj.get("sessionId") or obj.get("session_id")
            sid = sid or (text(named) if isinstance(named, str) else None)
            continue
        if obj.get("kind") != "event" or not isinstance(obj.get("row"), dict):
            continue
        row = obj["row"]
        try:
            event = bounded.loads(row["event_json"]) if isinstance(row.get("event_json"), str) else row.get("event")
        except ValueError:
            event = None
        if event is None:
            yield Malformed(loc, "cold row without event_json")
            continue
        created = row.get("created_at") if isinstance(row.get("created_at"), int) else None
        yield RawRecord(event, loc, session_id=sid or "(unknown)", created_ms=created)
