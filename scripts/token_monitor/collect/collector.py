"""Checkpointed collection: read what is new in every source into the ledger, exactly once.

Flow per run: lock -> discover -> session indexes -> each SQLite store -> plan each file (stat, cursor)
-> read the changed ones (JSONL files in reader processes when a first collect has much to read:
collect/parallel.py; records become chunks of placed events in collect/placing.py) -> run record.
Each batch of events is committed together with the cursor that produced it, so a crash
(kill -9 included) at any point leaves a ledger that the next run completes exactly.
A second collector waits on the lock and then finds nothing new; reports never wait.

A run with nothing new costs a `stat` per file and per database (plus its -wal), one query
loading every cursor, and the run record.

Writes are grouped: the events of several small files (or SQLite sessions) are committed in one
transaction together with all of their cursors and the problems found while reading them, in the
order they were staged. A cursor is therefore never durable before the events it covers.
"""

from __future__ import annotations

import dataclasses
import os
import sqlite3
import time
from pathlib import Path

from ..errors import LedgerError
from ..ledger.store import Ledger, now_ms, parse_state
from ..model import Malformed, RawRecord, SessionMeta
from ..sources import agent_db, archives, compressed, jsonl
from ..sources.agent_db import open_readonly
from ..sources.discovery import (
    Discovery,
    FileSource,
    SourceUnreadable,
    SqliteSource,
    discover_sources,
)
from ..strings import text
from . import parallel
from .lock import CollectLock
from .placing import BATCH, HEAD_LEN, Chunk, FileRead, SessionState, place_records

GROUP_OPS = 256         # cursors/problems staged before a commit, for many small files


@dataclasses.dataclass
class CollectStats:
    sources: int = 0            # stores, files and session indexes discovered
    sources_read: int = 0       # of those, opened this run (changed since their cursor)
    new_events: int = 0         # calls added to the ledger
    duplicates: int = 0         # copies of calls already in it (forks, archives, re-reads)
    synthetic_skipped: int = 0  # rows that were never model calls (delivery mirrors, injected replies)
    malformed: int = 0          # records that could not be parsed (counted with their location)
    unreadable: int = 0         # whole sources that could not be read this time
    schema_unknown: int = 0     # stores newer than the newest schema we know
    elapsed_ms: int = 0
    rollup_ms: int = 0          # of elapsed_ms: refreshing the report rollups (derived data)
    sqlite_ms: int = 0          # of elapsed_ms: reading the SQLite-era stores
    readers: int = 0            # reader processes that read JSONL files (0: read in this process)
    problems: list = dataclasses.field(default_factory=list)   # (code, location, detail) found this run

    def as_dict(self) -> dict:
        d = dataclasses.asdict(self)
        d["problems"] = [{"code": c, "location": loc, "detail": det} for c, loc, det in self.problems[:50]]
        d["problems_total"] = len(self.problems)
        return d


@dataclasses.dataclass(frozen=True, slots=True)
class _PlainRead:
    """A changed JSONL file's read (placing.FileRead) and what its cursors must record."""

    job: FileRead
    ino: int                       # the file as planned (its cursor records it; a file that grows is looked at again)
    dev: int
    size: int
    mtime_ns: int
    adopted_from: str | None       # the cursor of its old name (a .reset/.deleted rename), deleted after


class Collector:
    def __init__(self, ledger: Ledger, state_dir: Path, *, rebuild: bool = False, clock=now_ms, host_name: str | None = None):
        self.ledger = ledger
        self.state_dir = state_dir
        self.rebuild = rebuild
        self.host_name = host_name      # this machine's name, recorded with the run (hosts.py)
        self.clock = clock
        self.stats = CollectStats()
        # Staged writes, committed together by `_commit` (events first, then ops in staging order).
        self._events: list[tuple] = []        # ledger rows (ledger.store.event_row)
        self._ops: list[tuple] = []
        self._staged_ids: set[str] = set()
        self._cursors_raw: dict[str, str] = {}
        self._unreadable: set[str] = set()
        self._reported_unreadable: set[str] = set()

    # ------------------------------------------------------------ entry point
    def run(self) -> CollectStats:
        started = self.clock()
        t0 = time.monotonic()
        self.ledger.defer_checkpoints()
        if self.rebuild:
            self.ledger.reset_cursors()
            self.ledger.begin_rebuild()
        disc = discover_sources(self.state_dir)
        # One query for the cursors a warm pass compares (parsed on use), one for the sources flagged
        # unreadable. Session, archive and digest cursors are looked up only when a store or file changed.
        self._cursors_raw = self.ledger.cursor_states(("index", "sqlite"))
        self._load_file_cursors()
        self._unreadable = self.ledger.sources_with_problem("sources.unreadable")
        for code, loc, detail in disc.problems:
            if code == "sources.unreadable":
                self.stats.unreadable += 1      # a loop or a directory where a transcript should be
            self._problem(loc, "", code, detail, None)
        self.stats.sources = len(disc.sqlite) + len(disc.files) + len(disc.indexes)
        self._collect_indexes(disc)
        t_sqlite = time.monotonic()
        for source in disc.sqlite:
            self._guard(source.source_id, source.agent, lambda s=source: self._collect_sqlite(s))
        self._commit()
        self.stats.sqlite_ms = int((time.monotonic() - t_sqlite) * 1000)
        self._collect_files(disc.files)
        # A source reported unreadable before and not this run is readable again, or gone: either way
        # the finding's cause is gone (diagnose must not keep reporting it).
        for source in sorted(self._unreadable - self._reported_unreadable):
            self._stage("clear", source, "sources.unreadable")
        self._commit()
        if self.rebuild:
            self.stats.duplicates += self.ledger.finish_rebuild()
        t_rollup = time.monotonic()
        self.ledger.refresh_rollup()
        self.stats.rollup_ms = int((time.monotonic() - t_rollup) * 1000)
        self.stats.elapsed_ms = int((time.monotonic() - t0) * 1000)
        if self.host_name:
            # Named here, inside the run the integrity stamp covers: a report naming the host afterwards
            # would change the file and cost the next collect a full check.
            from ..hosts import new_host_id

            self.ledger.local_host(self.host_name, new_id=new_host_id(), at_ms=self.clock())
        self.ledger.record_run(
            started_ms=started, finished_ms=self.clock(), mode="rebuild" if self.rebuild else "incremental",
            stats=self.stats.as_dict(),
        )
        return self.stats

    def _guard(self, source_id: str, agent: str | None, fn) -> None:
        try:
            fn()
            if source_id in self._unreadable:
                self._stage("clear", source_id, "sources.unreadable")
        except (SourceUnreadable, OSError, sqlite3.DatabaseError, compressed.ZstdError, ValueError) as exc:
            if isinstance(exc, sqlite3.DatabaseError) and _is_ledger_error(exc):
                from ..ledger.store import classify_ledger_error

                raise classify_ledger_error(exc, self.ledger.path) from exc
            detail = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
            self.stats.unreadable += 1
            self._problem(source_id, "", "sources.unreadable", detail, agent)

    def _problem(self, source: str, location: str, code: str, detail: str, agent: str | None) -> None:
        if code == "sources.unreadable":
            self._reported_unreadable.add(text(source))
        self.stats.problems.append((code, f"{source.removeprefix('file:').removeprefix('sqlite:')}{':' + location if location else ''}", detail))
        # Committed with the cursor that moves past it (or at the end of the run), not on its own.
        self._stage("problem", source, location, code, detail, agent)

    # ------------------------------------------------------------ staged writes
    def _cursor(self, source_id: str, *, preloaded: bool = False) -> dict | None:
        """A cursor as it was when this run started (the collect lock keeps it ours meanwhile).
        Index and store cursors were loaded up front; others are read when needed."""
        if not preloaded:
            return self.ledger.cursor(source_id)
        raw = self._cursors_raw.get(source_id)
        return parse_state(raw) if raw is not None else None

    def _load_file_cursors(self) -> None:
        """File cursors as (dev, ino, size, mtime_ns) stamps, extracted by SQLite; whole states on demand.

        Parsing 10k JSON states in Python would be most of a warm pass; a file whose stamp still
        matches its `stat` is not read, so its state is never parsed."""
        self._file_stamps = self.ledger.file_cursor_stamps()
        self._file_parsed: dict[str, dict | None] = {}
        self._by_inode = None       # built on first need: only a file without a cursor looks for its old name

    def _file_cursor(self, sid: str) -> dict | None:
        if sid not in self._file_stamps:
            return None
        if sid not in self._file_parsed:
            self._file_parsed[sid] = _valid(self.ledger.cursor(sid), FILE_CURSOR_INTS, required=True)
        return self._file_parsed[sid]

    def _stage(self, op: str, *args) -> None:
        self._ops.append((op, args))
        if op == "cursor":
            self._staged_ids.add(args[0])
        if len(self._ops) >= GROUP_OPS:
            self._commit()

    def _stage_cursor(self, source_id: str, kind: str, agent: str | None, path: str | None, state: dict) -> None:
        self._stage("cursor", source_id, kind, agent, path, state)

    def _commit(self) -> None:
        """One transaction: staged events, then cursors/problems/clears in staging order."""
        if not self._events and not self._ops:
            return
        at = self.clock()
        with self.ledger.transaction():
            new, dup = self.ledger.upsert_events(self._events, collected_ms=at, rebuild=self.rebuild)
            for op, args in self._ops:
                if op == "cursor":
                    sid, kind, agent, path, state = args
                    self.ledger.set_cursor(sid, kind=kind, agent=agent, path=path, state=state, at_ms=at)
                elif op == "problem":
                    source, location, code, detail, agent = args
                    self.ledger.add_problem(source=source, location=location, code=code, detail=detail, agent=agent, at_ms=at)
                elif op == "clear":
                    self.ledger.clear_problems(*args)
                elif op == "delete-cursor":
                    self.ledger.delete_cursor(*args)
                elif op == "session":
                    self._upsert_meta(*args)
        self.stats.new_events += new
        self.stats.duplicates += dup
        self._events = []
        self._ops = []
        self._staged_ids = set()

    # ------------------------------------------------------------ session indexes (JSONL era)
    def _collect_indexes(self, disc: Discovery) -> None:
        for idx in disc.indexes:
            sid = f"index:{idx.path}"
            try:
                st = idx.path.stat()
                stamp = {"size": st.st_size, "mtime_ns": st.st_mtime_ns}
                if self._cursor(sid, preloaded=True) == stamp:
                    continue
                metas = jsonl.read_session_index(idx.path, idx.agent)
            except (OSError, ValueError) as exc:
                self.stats.unreadable += 1
                self._problem(sid, "", "sources.unreadable", getattr(exc, "strerror", None) or str(exc), idx.agent)
                continue
            self._commit()
            with self.ledger.transaction():
                for meta in metas.values():
                    self._upsert_meta(meta)
                self.ledger.set_cursor(sid, kind="index", agent=idx.agent, path=str(idx.path), state=stamp, at_ms=self.clock())

    def _upsert_meta(self, meta: SessionMeta) -> None:
        channel = meta.channel or _channel_from_key(meta.session_key)
        self.ledger.upsert_session(
            agent=meta.agent, session_id=meta.session_id, session_key=meta.session_key, channel=channel,
            label=meta.label, chat_type=meta.chat_type, parent_session_key=meta.parent_session_key,
        )

    # ------------------------------------------------------------ normalisation + batching
    def _flush(self, batch: list[tuple], cursor: tuple | None = None) -> None:
        """Stage a chunk's events with the cursor just past them; commit when enough is staged."""
        self._events.extend(batch)
        batch.clear()
        if cursor:
            self._stage_cursor(*cursor)
        if len(self._events) >= BATCH:
            self._commit()

    # ------------------------------------------------------------ SQLite era
    def _collect_sqlite(self, source: SqliteSource) -> None:
        db_id = source.source_id
        stamp = db_stamp(source.path)
        if self._cursor(db_id, preloaded=True) == stamp:
            return
        self.stats.sources_read += 1
        session_cursors = self.ledger.cursors_with_prefix(db_id + "#")
        with open_readonly(source.path) as conn:
            conn.execute("BEGIN")     # one read snapshot for the whole store
            try:
                self._read_store(conn, source, session_cursors)
            finally:
                conn.execute("COMMIT")
        # Staged after every session cursor of this store: durable only together with or after them.
        self._stage_cursor(db_id, "sqlite", source.agent, str(source.path), stamp)

    def _read_store(self, conn: sqlite3.Connection, source: SqliteSource, session_cursors: dict) -> None:
        layout = agent_db.store_layout(conn)
        db_id = source.source_id
        if layout.version > agent_db.KNOWN_AGENT_SCHEMA_MAX:
            self.stats.schema_unknown += 1
            self._problem(db_id, "", "state.schema-unknown",
                          f"agent schema {layout.version} > {agent_db.KNOWN_AGENT_SCHEMA_MAX} (newest known)", source.agent)
        else:
            self._stage("clear", db_id, "state.schema-unknown")
        if not layout.has_transcripts:
            return      # a JSONL-era store (auth only): transcripts are files
        if layout.missing:
            raise SourceUnreadable(f"transcript_events lacks columns {list(layout.missing)} (schema {layout.version})")
        metas = agent_db.read_session_meta(conn, source.agent)
        self._commit()
        with self.ledger.transaction():
            for meta in metas.values():
                self._upsert_meta(meta)
        generations = agent_db.rewrite_generations(conn, layout)
        path = str(source.path)
        for session_id, max_seq in agent_db.session_heads(conn):
            cid = f"{db_id}#{session_id}"
            cur = _valid(session_cursors.get(cid), ("seq",)) or {}
            gen = generations.get(session_id)
            start = cur.get("seq", -1)
            state = SessionState(cur.get("header_ms"), cur.get("heartbeat", False))
            if cur and (cur.get("gen") != gen or max_seq < start):
                start, state = -1, SessionState()          # rewritten or truncated: read again, dedupe absorbs
            if max_seq <= start:
                continue
            for last, records in agent_db.session_record_chunks(conn, layout, session_id, after_seq=start, chunk=BATCH):
                batch, _ = self._consume(records, source_id=db_id, agent=source.agent, session_id=session_id, kind="sqlite",
                                      path=path, state=state)
                self._flush(batch, (cid, "sqlite-session", source.agent, path,
                                    {"seq": last, "gen": gen, "header_ms": state.header_ms, "heartbeat": state.heartbeat}))
        bad_rows = agent_db.bad_seq_rows(conn)
        if bad_rows:
            self._consume(bad_rows, source_id=db_id, agent=source.agent, session_id="(unknown)", kind="sqlite",
                          path=path, state=SessionState())
        if "session_transcript_archives" in layout.tables:
            for arc in archives.db_archives(conn):
                cid = f"{db_id}#archive:{arc.name}"
                if self._cursor(cid) or cid in self._staged_ids:
                    continue
                if arc.session_key:
                    self._stage("session", SessionMeta(source.agent, arc.session_id, arc.session_key))
                records = jsonl.jsonl_records(arc.read(), loc_prefix=f"archive:{arc.name}:")
                self._read_whole(records, cursor_id=cid, source_id=db_id, agent=source.agent, session_id=arc.session_id,
                                 kind="archive", path=path)
        if "session_transcript_cold_archives" in layout.tables:
            for arc in archives.db_cold_archives(conn):
                cid = f"{db_id}#cold:{arc.name}"
                if self._cursor(cid) or cid in self._staged_ids:
                    continue
                records = archives.cold_records(arc.read(), loc_prefix=f"cold:{arc.name}:", session_id=arc.session_id)
                self._read_whole(records, cursor_id=cid, source_id=db_id, agent=source.agent, session_id=arc.session_id,
                                 kind="cold", path=path)

    # ------------------------------------------------------------ files
    def _collect_files(self, files: list[FileSource]) -> None:
        """Plan every file (a `stat` and its cursor: most are unchanged), then read what changed in discovery
        order: plain JSONL files through `parallel.read_chunks` (reader processes when there is enough to
        read), compressed and cold files here. Events are staged in the same order either way."""
        planned: list[tuple[FileSource, os.stat_result | _PlainRead]] = []
        for source in files:
            self._guard(source.source_id, source.agent, lambda s=source: planned.append(self._plan_file(s)))
        jobs = [p.job for _, p in planned if isinstance(p, _PlainRead)]
        readers = parallel.reader_count(jobs) if jobs else 1      # nothing to read: a bad setting is not looked at
        self.stats.readers = readers if readers > 1 else 0
        results = parallel.read_chunks(jobs, readers)
        try:
            for source, plan in planned:
                if isinstance(plan, _PlainRead):
                    chunks = next(results)
                    self._guard(source.source_id, source.agent, lambda p=plan, c=chunks: self._apply_plain_read(p, c))
                elif plan is not None:
                    self._guard(source.source_id, source.agent, lambda s=source, st=plan: self._collect_immutable_file(s, st))
        finally:
            results.close()

    def _plan_file(self, source: FileSource) -> tuple[FileSource, os.stat_result | _PlainRead | None]:
        st = os.stat(source.path_str)
        if source.compressed or source.kind in ("cold",):
            return source, st
        return source, self._plan_plain_file(source, st)

    def _collect_immutable_file(self, source: FileSource, st: os.stat_result) -> None:
        sid = source.source_id
        stamp = self._file_stamps.get(sid)
        if stamp and stamp[2] == st.st_size and stamp[3] == st.st_mtime_ns:
            return
        digest = jsonl.file_digest(source.path)
        state = {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "digest": digest, "done": True}
        if self._cursor(f"digest:{digest}") or f"digest:{digest}" in self._staged_ids:
            self._stage_cursor(sid, "file", source.agent, str(source.path), state)   # same bytes read before under another name
            return
        self.stats.sources_read += 1
        with jsonl.open_file_stream(source) as stream:
            records = archives.cold_records(stream, loc_prefix="line ", session_id=None) if source.kind == "cold" \
                else jsonl.jsonl_records(stream)
            self._read_whole(records, cursor_id=None, source_id=sid, agent=source.agent,
                             session_id=source.session_id or "(unknown)", kind=source.kind, path=str(source.path))
        self._stage_cursor(f"digest:{digest}", "digest", source.agent, str(source.path), {"done": True})
        self._stage_cursor(sid, "file", source.agent, str(source.path), state)

    def _plan_plain_file(self, source: FileSource, st: os.stat_result) -> _PlainRead | None:
        """Where a changed JSONL file is to be read from (None: unchanged; a rename only moves its cursor)."""
        sid = source.source_id
        stamp = self._file_stamps.get(sid)
        if stamp and stamp[1] == st.st_ino and stamp[2] == st.st_size and stamp[3] == st.st_mtime_ns:
            return None      # the warm path: nothing parsed, nothing written
        cur = self._file_cursor(sid)
        adopted_from = None
        if cur is None:
            cur, adopted_from = self._find_renamed(source, st)
        if cur and cur.get("ino") == st.st_ino and cur.get("size") == st.st_size and cur.get("mtime_ns") == st.st_mtime_ns:
            if adopted_from:       # renamed (.reset/.deleted) and unchanged: the cursor moves to the new name
                self._stage_cursor(sid, "file", source.agent, str(source.path), cur)
                self._stage("delete-cursor", adopted_from)
            return None
        start, line_no, header_ms, heartbeat = 0, 0, None, False
        if cur and cur.get("ino") == st.st_ino and st.st_size >= cur.get("offset", 0) \
                and cur.get("head_len") is not None and jsonl.head_fingerprint(source.path, cur["head_len"]) == cur.get("head"):
            start, line_no = cur["offset"], cur.get("line", 0)
            header_ms, heartbeat = cur.get("header_ms"), cur.get("heartbeat", False)
        job = FileRead(sid, source.agent, source.path_str, source.kind, source.session_id or "(unknown)", start, line_no,
                       header_ms, heartbeat, max(st.st_size - start, 0), min(st.st_size, HEAD_LEN))
        return _PlainRead(job, st.st_ino, st.st_dev, st.st_size, st.st_mtime_ns, adopted_from)

    def _apply_plain_read(self, plan: _PlainRead, chunks) -> None:
        """Stage a file's chunks, each full one with the cursor just past it, the rest with the cursor where
        its last record ended. If the file grew while it was read, the stored size/mtime are the earlier
        ones: the next run looks again."""
        self.stats.sources_read += 1
        job = plan.job

        def cursor(chunk: Chunk, resume: tuple[int, int]) -> tuple:
            return (job.source_id, "file", job.agent, job.path, {
                "ino": plan.ino, "dev": plan.dev, "offset": resume[0], "line": resume[1], "size": plan.size,
                "mtime_ns": plan.mtime_ns, "head_len": job.head_len, "head": chunk.head,
                "header_ms": chunk.header_ms, "heartbeat": chunk.heartbeat})

        final = self._apply_chunks(chunks, job.agent, lambda ch: cursor(ch, ch.last.resume))
        self._flush(final.events, cursor(final, final.last.resume if final.last is not None else (job.start, job.line_no)))
        if plan.adopted_from:
            self._stage("delete-cursor", plan.adopted_from)

    def _find_renamed(self, source: FileSource, st: os.stat_result) -> tuple[dict | None, str | None]:
        """A JSONL file renamed by OpenClaw (`.reset.`/`.deleted.`) continues where its old name stopped."""
        if self._by_inode is None:
            self._by_inode = {}
            for sid, (dev, ino, _size, _mtime) in self._file_stamps.items():
                if ino is not None:
                    self._by_inode.setdefault((dev, ino), []).append(sid)
        for sid in self._by_inode.get((st.st_dev, st.st_ino), []):
            cur = self._file_cursor(sid)
            if cur is not None and sid != source.source_id:
                old_path = sid.removeprefix("file:")
                if os.path.exists(old_path) and os.stat(old_path).st_ino == st.st_ino:
                    continue     # a hard link, not a rename
                try:
                    if jsonl.head_fingerprint(source.path, cur.get("head_len", 0)) == cur.get("head"):
                        return cur, sid
                except OSError:
                    return None, None
        return None, None

    # ------------------------------------------------------------ records, from any source
    def _consume(self, records, *, source_id: str, agent: str, session_id: str, kind: str, path: str,
                 state: SessionState, chunk_cursor=None) -> tuple[list[tuple], RawRecord | Malformed | None]:
        """Place every record a source yields (placing.place_records) and apply the chunks: every full one
        is staged at once (with `chunk_cursor(last record)` when given); the final one's events are
        returned, with its last record, for the caller to stage with its own cursor."""
        chunks = place_records(records, source_id=source_id, agent=agent, session_id=session_id, kind=kind, path=path,
                               state=state)
        final = self._apply_chunks(chunks, agent, chunk_cursor and (lambda ch: chunk_cursor(ch.last)))
        return final.events, final.last

    def _apply_chunks(self, chunks, agent: str, cursor_of=None) -> Chunk:
        """Apply chunks in order: count, report their malformed records, stage their events (a full chunk with
        `cursor_of(chunk)`). Returns the final chunk, its events not staged yet."""
        for chunk in chunks:
            self.stats.synthetic_skipped += chunk.synthetic
            for source, loc, detail in chunk.problems:
                self.stats.malformed += 1
                self._problem(source, loc, "records.malformed", detail, agent)
            if chunk.final:
                return chunk
            self._flush(chunk.events, cursor_of(chunk) if cursor_of else None)
        raise AssertionError("place_records ends with a final chunk")

    def _read_whole(self, records, *, cursor_id: str | None, source_id: str, agent: str, session_id: str, kind: str,
                    path: str) -> None:
        """An immutable source (archive, compressed or cold file), read once; its cursor says it is done."""
        batch, _ = self._consume(records, source_id=source_id, agent=agent, session_id=session_id, kind=kind, path=path,
                                 state=SessionState())
        self._flush(batch, (cursor_id, "archive", agent, path, {"done": True}) if cursor_id else None)


FILE_CURSOR_INTS = ("ino", "offset", "line", "size", "mtime_ns", "head_len")


def _valid(cursor: dict | None, ints: tuple[str, ...], *, required: bool = False) -> dict | None:
    """A cursor whose position fields are not non-negative ints (`seq` may be -1) is damaged: discarded, so
    the source is read again from its start and the event keys absorb the re-read."""
    if not cursor:
        return None
    for k in ints:
        v = cursor.get(k)
        if (v is not None or required) and (type(v) is not int or v < -1):
            return None
    hb = cursor.get("heartbeat")
    if hb is not None and not isinstance(hb, bool):
        return None
    hm = cursor.get("header_ms")
    if hm is not None and type(hm) is not int:
        return None
    return cursor


def db_stamp(path: Path) -> dict:
    stamp = {}
    for suffix in ("", "-wal"):
        try:
            st = os.stat(f"{path}{suffix}")
            stamp[suffix or "db"] = [st.st_size, st.st_mtime_ns, st.st_ino]
        except FileNotFoundError:
            stamp[suffix or "db"] = None
    return stamp


def _channel_from_key(key: str | None) -> str | None:
    """`agent:<id>:<channel>:group:<id>` and friends carry the channel as the third part."""
    if not key:
        return None
    parts = key.split(":")
    if len(parts) >= 4 and parts[0] == "agent" and parts[3] in ("group", "channel", "room", "direct", "dm", "thread"):
        return parts[2]
    return None


def _is_ledger_error(exc: sqlite3.DatabaseError) -> bool:
    # Only our ledger is ever written: a write failure is ours. "database disk image is malformed"
    # names a damaged *source* here (a half-written OpenClaw database), not a ledger problem.
    msg = str(exc).lower()
    return "readonly" in msg or "disk i/o" in msg or "full" in msg


def _fresh_ledger(data_dir: Path, *, damaged: bool) -> Ledger:
    """The ledger a rebuild writes: the existing one when sound, else a new one holding what is still
    readable of the damaged file (kept beside it as ledger.sqlite.corrupt-<ms>)."""
    from ..ledger.repair import move_aside_corrupt, salvage_into

    aside = move_aside_corrupt(data_dir) if damaged else None
    try:
        ledger = Ledger.open(data_dir)
    except LedgerError as exc:
        if exc.code != "ledger.corrupt":
            raise
        aside = move_aside_corrupt(data_dir) or aside
        ledger = Ledger.open(data_dir)
    if aside is not None:
        salvage_into(aside, ledger)
    return ledger


def collect(state_dir: Path, data_dir: Path, *, rebuild: bool = False, host_name: str | None = None) -> CollectStats:
    """One collect run under the data dir's lock. A damaged ledger stops a normal run (exit 4);
    `rebuild` sets it aside, salvages what is readable and re-reads every source. `host_name`: this
    machine's name, recorded in the ledger by the run (hosts.local_name).

    The integrity check (quick_check + our invariants) reads the whole ledger, so it runs when the file is
    not exactly as the last successful collect left it; a warm scheduled run pays one stat for it."""
    from ..ledger.repair import ledger_damage, mark_verified, unchanged_since_verified
    from ..ledger.store import classify_ledger_error
    from ..sources.agent_db import sweep_stale_copies

    with CollectLock(data_dir):
        sweep_stale_copies()
        damage = None if unchanged_since_verified(data_dir) and not rebuild else ledger_damage(data_dir, full=rebuild)
        if rebuild:
            ledger = _fresh_ledger(data_dir, damaged=bool(damage))
            try:
                stats = Collector(ledger, state_dir, rebuild=True, host_name=host_name).run()
            except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
                # Damage no check saw (a page first read by this rebuild's writes, text that is not UTF-8):
                # set the file aside and rebuild once more from a fresh one — once, never a loop.
                ledger.close()
                err = classify_ledger_error(exc, ledger.path) if isinstance(exc, sqlite3.DatabaseError) else None
                if err is not None and err.code != "ledger.corrupt":
                    raise err from exc
                return _run_and_close(_fresh_ledger(data_dir, damaged=True), state_dir, data_dir, rebuild=True,
                                      host_name=host_name)
            except BaseException:
                ledger.close()
                raise
            ledger.close()
            mark_verified(data_dir)
            return stats
        else:
            if damage:
                raise LedgerError(f"ledger {data_dir / 'ledger.sqlite'} is damaged ({damage})",
                                  hint="run: token-monitor collect --rebuild (it keeps what is still readable)",
                                  code="ledger.corrupt")
            ledger = Ledger.open(data_dir)
        return _run_and_close(ledger, state_dir, data_dir, rebuild=rebuild, host_name=host_name)


def _run_and_close(ledger: Ledger, state_dir: Path, data_dir: Path, *, rebuild: bool, host_name: str | None) -> CollectStats:
    """One collect run on an open ledger; the ledger is closed whatever happens, stamped verified after success."""
    from ..ledger.repair import mark_verified
    from ..ledger.store import classify_ledger_error

    try:
        stats = Collector(ledger, state_dir, rebuild=rebuild, host_name=host_name).run()
    except sqlite3.DatabaseError as exc:
        raise classify_ledger_error(exc, ledger.path) from exc
    finally:
        ledger.close()
    mark_verified(data_dir)
    return stats
