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
import os
import re
import sqlite3
from pathlib import Path

from ..errors import SourceUnreadable
from ..strings import text
from .agent_db import open_readonly

AGENT_DB_NAME = "openclaw-agent.sqlite"
ARCHIVE_RE = re.compile(r"^(?P<sid>.+?)\.jsonl\.(?P<kind>reset|deleted|bak)\.(?P<rest>.+)$")
IMPORTED_RE = re.compile(r"\.imported-\d+(\.\d+)?$")
UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
SKIP_FILE_RE = re.compile(r"(\.trajectory\.jsonl|\.trajectory-path\.json|\.checkpoint\.[^/]*\.jsonl|^sessions\.json.*|\.usage-cost-cache\.json)$")

# Source kinds and their rank when choosing which copy of a call owns it (lower wins on ties).
KIND_RANK = {"sqlite": 0, "live": 1, "reset": 2, "bak": 3, "deleted": 4, "archive": 5, "imported": 6, "cold": 7}
# Everything the collector ranks after the hot transcript is an archive: OpenClaw never appends to it
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
        # Escaped (a file name that is not UTF-8): ids are stored in the ledger and printed.
        return "file:" + text(self.path_str)


@dataclasses.dataclass(frozen=True)
class SqliteSource:
    agent: str
    path: Path

    @property
    def source_id(self) -> str:
        return f"sqlite:{text(str(self.path))}"


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
