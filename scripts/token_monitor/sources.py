"""Discover every place OpenClaw may have written usage, and read raw records from it.

Two storage eras yield the same raw records (the transcript event dicts):
  * SQLite era (>= 2026.7.2): `agents/<id>/agent/openclaw-agent.sqlite`, table
    `transcript_events` (rows in `event_json` or zstd `event_zstd`), plus deleted-session
    archives (`session_transcript_archives`) and cold archives.
  * JSONL era: `agents/<id>/sessions/<sid>.jsonl` and its `.reset.`/`.deleted.`/`.bak.`
    renames (plain or `.zst`), doctor's `session-sqlite-import-archive/*.imported-*`,
    cold `sessions/cold/*.jsonl.zst`.

Invariants: OpenClaw's databases are opened read-only without touching their `-shm`
(`readonly_shm=1`), never written, vacuumed or checkpointed; secret-bearing tables
(`auth_profile_store`, `auth_profile_state`, shared `config_machine_state`) are never
selected from; from `state/openclaw.sqlite` only `agent_databases(agent_id, path)` is read.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import io
import json
import os
import re
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import zstandard

AGENT_DB_NAME = "openclaw-agent.sqlite"
KNOWN_AGENT_SCHEMA_MAX = 23
ARCHIVE_RE = re.compile(r"^(?P<sid>.+?)\.jsonl\.(?P<kind>reset|deleted|bak)\.(?P<rest>.+)$")
IMPORTED_RE = re.compile(r"\.imported-\d+(\.\d+)?$")
UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
SKIP_FILE_RE = re.compile(r"(\.trajectory\.jsonl|\.trajectory-path\.json|\.checkpoint\.[^/]*\.jsonl|^sessions\.json.*|\.usage-cost-cache\.json)$")
HEARTBEAT_MARKER = "[OpenClaw heartbeat poll]"
# JSONL-era heartbeats sent the configured prompt itself; this is its default text.
LEGACY_HEARTBEAT_PROMPT = "Read HEARTBEAT.md if it exists (workspace context)."
BUSY_TIMEOUT_MS = 5000
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
ZstdError = zstandard.ZstdError

# Source kinds and their rank when choosing which copy of a call owns it (lower wins on ties).
KIND_RANK = {"sqlite": 0, "live": 1, "reset": 2, "bak": 3, "deleted": 4, "archive": 5, "imported": 6, "cold": 7}
# Everything but the hot transcript (and SQLite itself) is an archive: OpenClaw never appends to it
# again and its doctor never imports it. One rule for the collector's ranking and diagnose's counts.
ARCHIVED_KINDS = frozenset(k for k, rank in KIND_RANK.items() if rank > KIND_RANK["live"])


def is_archived(kind: str) -> bool:
    """A `FileSource.kind` that is an archive (.reset/.bak/.deleted/imported/cold), not a hot transcript."""
    return kind in ARCHIVED_KINDS


@dataclasses.dataclass(frozen=True)
class FileSource:
    agent: str
    path_str: str        # a string: building 10k `Path`s costs more than a whole warm pass
    kind: str            # live | reset | deleted | bak | imported | cold
    session_id: str | None
    compressed: bool

    @functools.cached_property
    def path(self) -> Path:
        return Path(self.path_str)

    @property
    def source_id(self) -> str:
        return "file:" + self.path_str


@dataclasses.dataclass(frozen=True)
class SqliteSource:
    agent: str
    path: Path

    @property
    def source_id(self) -> str:
        return f"sqlite:{self.path}"


@dataclasses.dataclass(frozen=True)
class SessionIndexFile:
    agent: str
    path: Path


@dataclasses.dataclass
class Discovery:
    sqlite: list[SqliteSource]
    files: list[FileSource]
    indexes: list[SessionIndexFile]
    agents: list[str]
    problems: list[tuple[str, str, str]]   # (code, location, detail)


@dataclasses.dataclass
class SessionMeta:
    agent: str
    session_id: str
    session_key: str | None = None
    channel: str | None = None
    label: str | None = None
    chat_type: str | None = None
    parent_session_key: str | None = None
    created_ms: int | None = None


class SourceUnreadable(Exception):
    """A whole source could not be read this time (locked, corrupt, permission, loop)."""


# ---------------------------------------------------------------- discovery

def _file_session_id(name: str) -> tuple[str | None, str | None, bool]:
    """(kind, session id, compressed) for a name in `agents/<id>/sessions/`, or (None, ..) to ignore."""
    if name.endswith(".jsonl") and name.count(".jsonl") == 1 and not name.startswith("sessions.json") \
            and not name.endswith(".trajectory.jsonl") and ".checkpoint." not in name[:-5]:
        return "live", name[:-6], False     # the common case, without the regexes (10k names a warm pass)
    if SKIP_FILE_RE.search(name):
        return None, None, False
    compressed = name.endswith(".zst")
    base = name[:-4] if compressed else name
    m = ARCHIVE_RE.match(base)
    if m:
        return m.group("kind"), m.group("sid"), compressed
    if base.endswith(".jsonl"):
        return "live", base[: -len(".jsonl")], compressed
    return None, None, False


def _imported_session_id(name: str) -> str | None:
    base = IMPORTED_RE.sub("", name)
    if base.endswith(".zst"):
        base = base[:-4]
    if ".jsonl" not in base or SKIP_FILE_RE.search(base):   # imported sessions.json / trajectory telemetry
        return None     # e.g. the imported sessions.json
    head = base.split(".jsonl")[0]
    uuids = UUID_RE.findall(head)
    if uuids:
        return uuids[-1]
    return head.rsplit(".", 1)[-1] or None


def _scandir(path: Path, problems: list) -> list[os.DirEntry]:
    try:
        with os.scandir(path) as it:
            return sorted(it, key=lambda e: e.name)
    except FileNotFoundError:
        return []
    except OSError as exc:
        problems.append(("sources.unreadable", str(path), exc.strerror or str(exc)))
        return []


def _is_file(entry: os.DirEntry, problems: list) -> bool:
    """True for a regular file (or a link to one). Anything else named like a transcript is reported:
    a directory or a symlink loop there is a transcript we cannot read. A dangling link is not."""
    try:
        if entry.is_file():
            return True
        if entry.is_dir():
            problems.append(("sources.unreadable", entry.path, "is a directory, not a transcript file"))
        return False
    except OSError as exc:   # symlink loop, permission
        problems.append(("sources.unreadable", entry.path, exc.strerror or str(exc)))
        return False


def _registry_agents(state: Path, problems: list) -> list[tuple[str, Path]]:
    db = state / "state" / "openclaw.sqlite"
    if not db.exists():
        return []
    try:
        with open_readonly(db) as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "agent_databases" not in tables:
                return []
            rows = conn.execute("SELECT agent_id, path FROM agent_databases").fetchall()
    except (sqlite3.Error, SourceUnreadable, OSError) as exc:
        problems.append(("sources.unreadable", str(db), f"agent registry: {exc}"))
        return []
    out = []
    for agent_id, rel in rows:
        if isinstance(agent_id, str) and isinstance(rel, str) and rel:
            p = Path(rel)
            out.append((agent_id, p if p.is_absolute() else state / p))
    return out


def discover_sources(state: Path) -> Discovery:
    problems: list[tuple[str, str, str]] = []
    sqlite_sources: dict[Path, SqliteSource] = {}
    files: list[FileSource] = []
    indexes: list[SessionIndexFile] = []
    agents: set[str] = set()
    for entry in _scandir(state / "agents", problems):
        try:
            if not entry.is_dir():
                continue
        except OSError as exc:
            problems.append(("sources.unreadable", entry.path, exc.strerror or str(exc)))
            continue
        agent = entry.name
        agents.add(agent)
        agent_dir = Path(entry.path)
        db = agent_dir / "agent" / AGENT_DB_NAME
        if db.exists():
            sqlite_sources[db] = SqliteSource(agent, db)
        sessions = agent_dir / "sessions"
        for f in _scandir(sessions, problems):
            if f.name == "sessions.json":
                indexes.append(SessionIndexFile(agent, Path(f.path)))
                continue
            kind, sid, compressed = _file_session_id(f.name)
            if kind and _is_file(f, problems):
                files.append(FileSource(agent, f.path, kind, sid, compressed))
        for f in _scandir(sessions / "cold", problems):
            if f.name.endswith(".jsonl.zst") and _is_file(f, problems):
                files.append(FileSource(agent, f.path, "cold", None, True))
        for f in _scandir(agent_dir / "session-sqlite-import-archive", problems):
            sid = _imported_session_id(f.name)
            if sid and _is_file(f, problems):
                files.append(FileSource(agent, f.path, "imported", sid, f.name.endswith(".zst")))
    for agent_id, path in _registry_agents(state, problems):
        agents.add(agent_id)
        if path.exists() and path not in sqlite_sources:
            sqlite_sources[path] = SqliteSource(agent_id, path)
    return Discovery(
        sqlite=sorted(sqlite_sources.values(), key=lambda s: str(s.path)),
        files=files,
        indexes=indexes,
        agents=sorted(agents),
        problems=problems,
    )


# ---------------------------------------------------------------- SQLite, read-only

@contextmanager
def open_readonly(path: Path) -> Iterator[sqlite3.Connection]:
    """Open an OpenClaw database without writing a byte to it or its -wal/-shm.

    WAL databases are read with `readonly_shm=1` (the -shm is left untouched). Without a -wal
    the main file is complete and is opened immutable. A -wal without a -shm cannot be read in
    place read-only, so the pair is copied to a temp dir first.
    """
    import shutil      # only for the rare copy fallback: kept off the warm path's import time
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


_DCTX: list = []


def decode_zstd(blob: bytes, *, expected_len: int | None = None) -> bytes:
    # One decompressor for the process: building a context per row cost more than decompressing it.
    if not _DCTX:
        _DCTX.append(zstandard.ZstdDecompressor())
    dctx = _DCTX[0]
    if expected_len:
        out = dctx.decompress(blob, max_output_size=expected_len)
    else:
        out = dctx.stream_reader(io.BytesIO(blob)).read()
    if expected_len is not None and len(out) != expected_len:
        raise ValueError(f"decompressed {len(out)} bytes, expected {expected_len}")
    return out


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


def read_session_index(path: Path, agent: str) -> dict[str, SessionMeta]:
    """Session keys from a JSONL-era `sessions.json` (only ids, keys, labels and channels are read)."""
    with open(path, "rb") as fh:
        data = json.loads(fh.read().decode("utf-8"))
    metas: dict[str, SessionMeta] = {}
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    for key, entry in data.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("sessionId"), str):
            continue
        origin = entry.get("origin") if isinstance(entry.get("origin"), dict) else {}
        channel = entry.get("channel") or entry.get("lastChannel") or origin.get("provider")
        label = entry.get("label") or entry.get("displayName")
        metas[entry["sessionId"]] = SessionMeta(
            agent, entry["sessionId"], key,
            channel if isinstance(channel, str) else None,
            label if isinstance(label, str) else None,
            entry.get("chatType") if isinstance(entry.get("chatType"), str) else None,
        )
    return metas


# ---------------------------------------------------------------- JSONL reading

@dataclasses.dataclass
class Line:
    obj: Any                  # parsed JSON value, or None when `error` is set
    error: str | None
    line_no: int              # 1-based
    end_offset: int           # offset to resume from: just past this line, or its start if `unterminated`
    unterminated: bool = False  # a parsed last line without its newline (yet): re-read next time


def iter_jsonl_bytes(stream: io.BufferedIOBase, *, start: int = 0, start_line: int = 0, final: bool) -> Iterator[Line]:
    """Yield complete lines from `stream` (positioned at `start`).

    A last line without a newline is yielded only if it parses (a writer may be mid-append),
    or if `final` (an immutable archive). Offsets are exact byte offsets.
    """
    offset, line_no = start, start_line
    while True:
        raw = stream.readline()
        if not raw:
            return
        complete = raw.endswith(b"\n")
        line_no += 1
        text = raw.strip()
        if not text:
            if complete:
                offset += len(raw)
                continue
            return
        try:
            obj = json.loads(text.decode("utf-8"))
            error = None
        except UnicodeDecodeError:
            obj, error = None, "not UTF-8"
        except ValueError as exc:
            obj, error = None, f"invalid JSON ({exc.msg})"
        if not complete and error and not final:
            return      # torn last line: re-read next time
        if not complete and not final:
            # Parsed, but its newline may still be coming: resume before it so the next run
            # re-reads it whole (the event key absorbs the repeat) and line numbers stay exact.
            yield Line(obj, error, line_no, offset, unterminated=True)
            return
        offset += len(raw)
        yield Line(obj, error, line_no, offset)


def open_file_stream(src: FileSource) -> io.BufferedIOBase:
    fh = open(src.path, "rb")
    if not src.compressed:
        return fh
    head = fh.read(4)
    fh.seek(0)
    if head != ZSTD_MAGIC:   # OpenClaw writes plain JSONL under a .zst name when zstd is unavailable
        return fh
    reader = zstandard.ZstdDecompressor().stream_reader(fh, closefd=True, read_across_frames=True)
    return io.BufferedReader(reader, buffer_size=1 << 16)


def file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def head_fingerprint(path: Path, length: int) -> str:
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read(length)).hexdigest()


def user_text_has_heartbeat(message: dict) -> bool:
    """True when a user message is OpenClaw's heartbeat poll. Only the marker is looked for; content is never kept."""
    content = message.get("content")
    texts = [content] if isinstance(content, str) else [
        p["text"] for p in content if isinstance(p, dict) and isinstance(p.get("text"), str)
    ] if isinstance(content, list) else []
    return any(HEARTBEAT_MARKER in t or LEGACY_HEARTBEAT_PROMPT in t for t in texts)
