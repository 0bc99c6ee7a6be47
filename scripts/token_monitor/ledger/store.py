"""Our durable ledger: one row per billed call, cursors, sessions, problems, runs.

A SQLite database in WAL mode in the data dir. New events and the cursors that produced
them are committed in one transaction, so a crash at any point neither loses nor
double-counts; a repeated read of the same records is absorbed by the event key.

Ownership of a call copied into several sessions (fork, rewind, archives) is decided by
`owner_rank` ("appeared at" ms, source kind, session id): the smallest wins whatever the
order the copies were read in, so incremental runs converge on the one-shot ledger.
Events are never deleted: the ledger keeps history after OpenClaw deletes or truncates.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import json
import math
import sqlite3
import time
from pathlib import Path
from typing import Any, Iterable, Iterator

from .. import files
from ..errors import LedgerBusyError, LedgerError, NotWritableError
from ..model import UsageEvent
from ..strings import text
from .classify import COST_CLASS_SQL, SESSION_JOIN, TRIGGER_CLASS_SQL
from .schema import (
    BUDGET_COLUMNS,
    BUDGET_SCHEMA,
    CUBES,
    EVENT_COLUMNS,
    HOUR_MS,
    HOUR_SQL,
    LEDGER_NAME,
    OWNER_COLUMNS,
    SCHEMA,
    SCHEMA_VERSION,
    Cube,
    _statements,
)


@dataclasses.dataclass(slots=True)     # not frozen: one per call on collect's hot path
class PlacedEvent:
    """A usage event plus where this copy of it was read."""

    event: UsageEvent
    agent: str
    session_id: str
    source_kind: str
    source_path: str
    source_loc: str
    owner_rank: str
    trigger: str | None = None


COLLECT_WAL_PAGES = 8000        # ~32 MB of WAL at SQLite's 4 KB pages (gone after the collect's close)


def owner_rank(appeared_ms: int, kind_rank: int, session_id: str) -> str:
    return f"{max(appeared_ms, 0):015d}:{kind_rank}:{session_id}"


def now_ms() -> int:
    return int(time.time() * 1000)


class Ledger:
    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn = conn
        self.path = path
        self._rebuilding = False        # between begin_rebuild and finish_rebuild

    # ------------------------------------------------------------ open / close
    @classmethod
    def open(cls, data_dir: Path, *, create: bool = True) -> "Ledger":
        """Open (creating when `create`) the ledger for writing; a reader (`create=False`) in a data dir it
        cannot write falls back to a read-only connection instead of calling the ledger damaged."""
        path = data_dir / LEDGER_NAME
        if data_dir.exists() and not data_dir.is_dir():
            raise NotWritableError(f"data dir {data_dir} is a file, not a directory",
                                   hint="move the file away or pass --data-dir to a directory")
        if not path.exists() and not create:
            raise LedgerError(f"no ledger yet at {path}", hint="run: token-monitor collect", code="collect.never-run")
        try:
            files.private_dir(data_dir)
            # created 0600 before SQLite opens it: SQLite gives -wal/-shm the database file's mode
            files.private_file(path)
            for side in ("-wal", "-shm"):
                files.tighten_file(Path(f"{path}{side}"))
        except OSError as exc:
            if not create:          # a reader of a data dir it cannot write: read what is there
                ledger, _why = cls.open_read_only(data_dir)
                if ledger is not None:
                    return ledger
            raise NotWritableError(f"cannot create data dir {data_dir}: {exc.strerror}",
                                   hint="fix its permissions or pass --data-dir to a writable directory") from exc
        conn = None
        try:
            conn = sqlite3.connect(str(path), timeout=30, isolation_level=None)
            conn.execute("PRAGMA busy_timeout=30000")
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise LedgerError(
                    f"ledger {path} was written by a newer token-monitor (schema {version})",
                    hint="upgrade token-monitor", code="ledger.newer",
                )
            if version < SCHEMA_VERSION:
                with _write(conn):
                    if version >= 1 and "host" not in {r[1] for r in conn.execute("PRAGMA table_info(events)")}:
                        # events.host: '' is this ledger's own host (hosts.key ''), else the host id it was imported from
                        conn.execute("ALTER TABLE events ADD COLUMN host TEXT NOT NULL DEFAULT ''")
                    for stmt in _statements(SCHEMA):
                        conn.execute(stmt)
                    if version >= 1:      # a ledger from before these rollups: every hour needs them
                        conn.execute(f"INSERT OR IGNORE INTO rollup_dirty (hour_ms) SELECT DISTINCT {HOUR_SQL} FROM events")
                    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            check_invariants(conn, path)
        except sqlite3.DatabaseError as exc:
            if conn is not None:
                conn.close()
            err = classify_ledger_error(exc, path)
            if not create and isinstance(err, NotWritableError):
                ledger, why = cls.open_read_only(data_dir)
                if ledger is not None:
                    return ledger
            raise err from exc
        except LedgerError:
            conn.close()
            raise
        return cls(conn, path)

    @classmethod
    def open_read_only(cls, data_dir: Path) -> tuple["Ledger | None", str | None]:
        """(ledger, None), (None, None) when there is none yet, or (None, why) when it cannot be read.

        In a data dir we cannot write (read-only mount, another user's dir) SQLite cannot create the
        -shm a WAL reader needs; nobody can be writing there either, so the file is read as immutable."""
        path = data_dir / LEDGER_NAME
        if not path.exists():
            return None, None
        why = None
        for uri in (f"file:{_uri_path(path)}?mode=ro", f"file:{_uri_path(path)}?mode=ro&immutable=1"):
            conn = None
            try:
                conn = sqlite3.connect(uri, uri=True, timeout=5, isolation_level=None)
                conn.execute("PRAGMA query_only=1")
                check_invariants(conn, path)
                return cls(conn, path), None
            except LedgerError as exc:
                conn.close()
                return None, exc.message
            except sqlite3.DatabaseError as exc:
                if conn is not None:
                    conn.close()
                why = str(exc)
                if not isinstance(classify_ledger_error(exc, path), NotWritableError):
                    break
        return None, why

    def close(self) -> None:
        self.conn.close()

    # ------------------------------------------------------------ writes
    def transaction(self):
        return _write(self.conn)

    def defer_checkpoints(self) -> None:
        """For a collect: let the WAL hold COLLECT_WAL_PAGES before SQLite copies pages back (its default
        is 1,000). A collect rewrites the same index pages transaction after transaction; copying them back
        every 4 MB cost a big first collect ~15 %. The last connection's close checkpoints the rest."""
        self.conn.execute(f"PRAGMA wal_autocheckpoint={COLLECT_WAL_PAGES}")

    def existing_keys(self, keys: Iterable[str]) -> set[str]:
        keys = list(keys)
        found: set[str] = set()
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            q = f"SELECT key FROM events WHERE key IN ({','.join('?' * len(chunk))})"
            found.update(r[0] for r in self.conn.execute(q, chunk))
        return found

    # ------------------------------------------------------------ rebuild: the sources are the truth
    def begin_rebuild(self) -> None:
        """Every event already in the ledger becomes provisional: one the sources show again is replaced by
        the fresh read; one that duplicates a fresh copy at the same place (a damaged key) is dropped at
        `finish_rebuild`; the rest (sources OpenClaw deleted or truncated) is kept."""
        self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS provisional (key TEXT PRIMARY KEY) WITHOUT ROWID")
        self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS seen_copies (path TEXT, loc TEXT, ts_ms INTEGER, "
                          "total_tokens INTEGER, model TEXT)")
        self.conn.execute("CREATE INDEX IF NOT EXISTS temp.seen_copies_at ON seen_copies (path, loc)")
        with self.transaction():
            self.conn.execute("DELETE FROM temp.provisional")
            self.conn.execute("DELETE FROM temp.seen_copies")
            self.conn.execute("INSERT OR IGNORE INTO temp.provisional SELECT key FROM events WHERE key IS NOT NULL")
        self._rebuilding = True

    def finish_rebuild(self) -> int:
        """Drop provisional events that are a re-read call under another key. Returns how many."""
        if not self._rebuilding:
            return 0
        with self.transaction():
            cur = self.conn.execute(
                "DELETE FROM events WHERE key IN (SELECT key FROM temp.provisional) AND EXISTS (SELECT 1 FROM "
                "temp.seen_copies s WHERE s.path = events.source_path AND s.loc = events.source_loc "
                "AND s.ts_ms IS events.ts_ms AND s.total_tokens IS events.total_tokens AND s.model IS events.model)")
            self.conn.execute("DELETE FROM temp.provisional")
            self.conn.execute("DELETE FROM temp.seen_copies")
        self._rebuilding = False
        return cur.rowcount

    def upsert_events(self, rows: list[tuple], *, collected_ms: int, rebuild: bool = False) -> tuple[int, int]:
        """Insert event rows (`event_row`); a copy with a smaller owner rank takes ownership. Returns (new, duplicates)."""
        if not rows:
            return 0, 0
        if self._rebuilding:
            self._replace_provisional(rows)
        existing = self.existing_keys(r[ROW_KEY] for r in rows)
        seen: set[str] = set()
        new = dup = 0
        for r in rows:
            key = r[ROW_KEY]
            if key in existing or key in seen:
                dup += 1
            else:
                new += 1
                seen.add(key)
        update_cols = EVENT_COLUMNS[1:-1] if rebuild else OWNER_COLUMNS
        sql = (
            f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join('?' * len(EVENT_COLUMNS))}) "
            f"ON CONFLICT(key) DO UPDATE SET {', '.join(f'{c}=excluded.{c}' for c in update_cols)} "
            f"WHERE excluded.owner_rank {'<=' if rebuild else '<'} events.owner_rank"
        )
        tail = ("", collected_ms)         # host: this machine's own events; collected now
        self.conn.executemany(sql, [r + tail for r in rows])
        return new, dup

    def _replace_provisional(self, rows: list[tuple]) -> None:
        """A provisional event read again is deleted first, so the fresh copy is inserted whole."""
        keys = list({r[ROW_KEY] for r in rows})
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            self.conn.execute(f"DELETE FROM events WHERE key IN ({marks}) AND key IN (SELECT key FROM temp.provisional)", chunk)
            self.conn.execute(f"DELETE FROM temp.provisional WHERE key IN ({marks})", chunk)
        self.conn.executemany("INSERT INTO temp.seen_copies VALUES (?, ?, ?, ?, ?)",
                              [(r[ROW_PATH], r[ROW_LOC], r[ROW_TS], r[ROW_TOTAL], r[ROW_MODEL]) for r in rows])

    def upsert_session(self, *, agent: str, session_id: str, session_key: str | None, channel: str | None,
                       label: str | None, chat_type: str | None, parent_session_key: str | None) -> None:
        # Knowledge is never lost: a later source that knows less (a deleted session's archive)
        # keeps what an earlier one told us.
        self.conn.execute(
            "INSERT INTO sessions (agent, session_id, session_key, channel, label, chat_type, parent_session_key) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(agent, session_id) DO UPDATE SET "
            "session_key=COALESCE(excluded.session_key, sessions.session_key), "
            "channel=COALESCE(excluded.channel, sessions.channel), "
            "label=COALESCE(excluded.label, sessions.label), "
            "chat_type=COALESCE(excluded.chat_type, sessions.chat_type), "
            "parent_session_key=COALESCE(excluded.parent_session_key, sessions.parent_session_key)",
            tuple(_meta(v) for v in (agent, session_id, session_key, channel, label, chat_type, parent_session_key)),
        )

    def set_cursor(self, source_id: str, *, kind: str, agent: str | None, path: str | None, state: dict, at_ms: int) -> None:
        self.conn.execute(
            "INSERT INTO cursors (source_id, kind, agent, path, state, updated_ms) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(source_id) DO UPDATE SET kind=excluded.kind, agent=excluded.agent, path=excluded.path, "
            "state=excluded.state, updated_ms=excluded.updated_ms",
            (text(source_id), kind, text(agent), text(path), json.dumps(state, sort_keys=True), at_ms),
        )

    def delete_cursor(self, source_id: str) -> None:
        self.conn.execute("DELETE FROM cursors WHERE source_id = ?", (text(source_id),))

    def add_problem(self, *, source: str, location: str, code: str, detail: str, agent: str | None, at_ms: int) -> None:
        self.conn.execute(
            "INSERT INTO problems (source, location, code, detail, agent, first_ms, last_ms) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(source, location, code) DO UPDATE SET detail=excluded.detail, last_ms=excluded.last_ms",
            (text(source), text(location), code, text(detail), text(agent), at_ms, at_ms),
        )

    def clear_problems(self, source: str, code: str) -> None:
        self.conn.execute("DELETE FROM problems WHERE source = ? AND code = ?", (text(source), code))

    def record_run(self, *, started_ms: int, finished_ms: int, mode: str, stats: dict) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO runs (started_ms, finished_ms, mode, stats) VALUES (?, ?, ?, ?)",
                (started_ms, finished_ms, mode, json.dumps(stats, sort_keys=True)),
            )
            # Keep the run log short; the ledger itself keeps every event.
            self.conn.execute("DELETE FROM runs WHERE id <= (SELECT MAX(id) FROM runs) - 500")

    # ------------------------------------------------------------ budgets and alerts
    def ensure_budget_table(self) -> None:
        self.conn.execute(BUDGET_SCHEMA)

    def budgets(self) -> list[dict]:
        self.ensure_budget_table()
        rows = self.conn.execute(f"SELECT {', '.join(BUDGET_COLUMNS)} FROM budgets ORDER BY id")
        return [dict(zip(BUDGET_COLUMNS, r)) for r in rows]

    def upsert_budget(self, *, period: str, unit: str, amount: float, agent: str, provider: str, model: str,
                      at_ms: int) -> int:
        """Set a budget; the same scope (period, unit, filters) keeps its id and gets the new amount."""
        self.ensure_budget_table()
        with self.transaction():
            self.conn.execute(
                "INSERT INTO budgets (period, unit, amount, agent, provider, model, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(period, unit, agent, provider, model) DO UPDATE SET amount=excluded.amount",
                (period, unit, amount, agent, provider, model, at_ms),
            )
            row = self.conn.execute(
                "SELECT id FROM budgets WHERE period=? AND unit=? AND agent=? AND provider=? AND model=?",
                (period, unit, agent, provider, model),
            ).fetchone()
        return int(row[0])

    def delete_budget(self, budget_id: int) -> bool:
        self.ensure_budget_table()
        with self.transaction():
            cur = self.conn.execute("DELETE FROM budgets WHERE id = ?", (budget_id,))
        return cur.rowcount == 1

    def claim_alert(self, alert_key: str, *, detail: str, at_ms: int) -> bool:
        """Record that an alert is being sent; True only for the one caller whose insert happened.

        Concurrent heartbeat runs race here, not on printing: the PRIMARY KEY lets exactly one win.
        """
        with self.transaction():
            cur = self.conn.execute(
                "INSERT OR IGNORE INTO alerts_sent (alert_key, sent_ms, detail) VALUES (?, ?, ?)",
                (alert_key, at_ms, detail),
            )
        return cur.rowcount == 1

    def alert_sent(self, alert_key: str) -> bool:
        return self.conn.execute("SELECT 1 FROM alerts_sent WHERE alert_key = ?", (alert_key,)).fetchone() is not None

    # ------------------------------------------------------------ hosts and imports
    def local_host(self, name: str, *, new_id: str, at_ms: int) -> str:
        """This ledger's own host id (made once: `new_id`), its friendly name updated to `name`."""
        row = self.conn.execute("SELECT host_id, name FROM hosts WHERE key = ''").fetchone()
        if row and row[1] == name:
            return row[0]           # nothing to write: a report on a read-only data dir still works
        with self.transaction():
            self.conn.execute("INSERT INTO hosts (key, host_id, name, updated_ms) VALUES ('', ?, ?, ?) "
                              "ON CONFLICT(key) DO UPDATE SET name=excluded.name, updated_ms=excluded.updated_ms "
                              "WHERE hosts.name != excluded.name", (new_id, name, at_ms))
        return self.conn.execute("SELECT host_id FROM hosts WHERE key = ''").fetchone()[0]

    def import_seen(self, digest: str) -> dict | None:
        cols = ("path", "records", "added", "duplicates", "own", "conflicts", "imported_ms")
        row = self.conn.execute(f"SELECT {', '.join(cols)} FROM imports WHERE digest = ?", (digest,)).fetchone()
        return dict(zip(cols, row)) if row else None

    def merge_imported(self, items: Iterable, *, local_id: str, digest: str, path: str, at_ms: int,
                       chunk: int = 5000) -> dict:
        """Add another host's exported events, exactly once, with the file's checkpoint, in one transaction.

        `items` (sources.exports.ImportedEvent) may be a generator: it is read in chunks, and an error
        it raises rolls the whole file back. A call already held (same key) with the same numbers adds
        nothing; with different numbers it is a conflict: reported, the held row kept. Events this host
        collected itself (its own id) are skipped."""
        stats: dict = {"records": 0, "added": 0, "duplicates": 0, "own": 0, "conflicts": [], "hosts": []}
        cols = ("key", "input", "output", "cache_read", "cache_write", "total_tokens", "cost_total")
        hosts: dict[str, str] = {}
        it = iter(items)
        with self.transaction():
            while batch := list(itertools.islice(it, chunk)):
                stats["records"] += len(batch)
                keys = list({x.placed.event.key for x in batch})
                held: dict[str, dict] = {}
                for i in range(0, len(keys), 500):
                    part = keys[i:i + 500]
                    for row in self.conn.execute(f"SELECT {', '.join(cols)} FROM events WHERE key IN ({','.join('?' * len(part))})", part):
                        held[row[0]] = dict(zip(cols, row))
                rows = []
                for x in batch:
                    e = x.placed.event
                    if x.host_id == local_id:
                        stats["own"] += 1
                        continue
                    hosts[x.host_id] = x.host_name        # a renamed host gets its new name even when nothing is new
                    if e.key in held:
                        if _same_numbers(held[e.key], e):
                            stats["duplicates"] += 1
                        else:
                            stats["conflicts"].append({"eventKey": e.key, "host": x.host_name, "agent": x.placed.agent,
                                                       "timestampMs": e.ts_ms})
                        continue
                    held[e.key] = {c: getattr(e, c) for c in cols[1:]}
                    rows.append(_event_row(x.placed, at_ms, x.host_id))
                    if x.session_key is not None or x.channel is not None:
                        self.upsert_session(agent=x.placed.agent, session_id=x.placed.session_id, session_key=x.session_key,
                                            channel=x.channel, label=None, chat_type=None, parent_session_key=None)
                self.conn.executemany(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join('?' * len(EVENT_COLUMNS))})", rows)
                stats["added"] += len(rows)
            for host_id, name in hosts.items():
                self.conn.execute("INSERT INTO hosts (key, host_id, name, updated_ms) VALUES (?, ?, ?, ?) "
                                  "ON CONFLICT(key) DO UPDATE SET name=excluded.name, updated_ms=excluded.updated_ms",
                                  (host_id, host_id, name, at_ms))
            self.conn.execute(
                "INSERT INTO imports (digest, path, host_ids, records, added, duplicates, own, conflicts, imported_ms) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(digest) DO UPDATE SET path=excluded.path, "
                "imported_ms=excluded.imported_ms",
                (digest, path, json.dumps(sorted(hosts)), stats["records"], stats["added"], stats["duplicates"],
                 stats["own"], len(stats["conflicts"]), at_ms))
        stats["hosts"] = sorted(set(hosts.values()))
        return stats

    def change_stamp(self) -> tuple:
        """Changes whenever what `metric_totals` answers could: events added or re-owned (each collect
        records a run), imports, host names. Cheap, so a metrics server re-reads only after a change."""
        return self.conn.execute(
            "SELECT (SELECT MAX(rowid) FROM events), (SELECT COUNT(*) FROM events), (SELECT MAX(id) FROM runs), "
            "(SELECT group_concat(key || '=' || name) FROM hosts), (SELECT MAX(imported_ms) FROM imports), "
            "(SELECT COUNT(*) FROM sessions)").fetchone()

    def metric_totals(self) -> list[tuple]:
        """All-time sums per (host name, agent, channel, provider, model, cost class): the ledger's side
        of `token-monitor metrics`, with the newest call of each group; sums in rollup_hour's order."""
        return self.conn.execute(
            f"SELECT COALESCE(h.name, e.host), e.agent, s.channel, e.provider, e.model, {COST_CLASS_SQL}, MAX(e.ts_ms), "
            "COUNT(*), SUM(e.input), SUM(e.output), SUM(e.cache_read), SUM(e.cache_write), SUM(e.total_tokens), "
            "SUM(e.cost_total), SUM(e.total_tokens = 0 AND e.usage_status NOT IN ('error', 'aborted')), "
            f"SUM(e.total_tokens = 0 AND e.usage_status IN ('error', 'aborted')) FROM events e{SESSION_JOIN} "
            "LEFT JOIN hosts h ON h.key = e.host GROUP BY 1, 2, 3, 4, 5, 6").fetchall()

    # ------------------------------------------------------------ hourly rollup (reports)
    def rollup_is_fresh(self) -> bool:
        return self.conn.execute("SELECT 1 FROM rollup_dirty LIMIT 1").fetchone() is None

    def refresh_rollup(self) -> int:
        """Recompute the rollup of every hour whose events changed. Returns the hours refreshed.

        Derived data only: it can always be recomputed from events, so a failure here loses nothing
        (reports then read events directly)."""
        hours = [r[0] for r in self.conn.execute("SELECT hour_ms FROM rollup_dirty ORDER BY hour_ms")]
        if not hours:
            return 0
        ranges: list[list[int]] = []
        for h in hours:
            if ranges and ranges[-1][1] == h:
                ranges[-1][1] = h + HOUR_MS
            else:
                ranges.append([h, h + HOUR_MS])
        with self.transaction():
            for lo, hi in ranges:
                self.conn.execute("DELETE FROM rollup_hour WHERE hour_ms >= ? AND hour_ms < ?", (lo, hi))
                self.conn.execute(
                    f"INSERT INTO rollup_hour SELECT {HOUR_SQL}, agent, session_id, provider, model, {COST_CLASS_SQL}, "
                    "trigger, COUNT(*), SUM(input), SUM(output), SUM(cache_read), SUM(cache_write), SUM(total_tokens), "
                    "SUM(cost_total), SUM(total_tokens = 0 AND usage_status NOT IN ('error', 'aborted')), "
                    "SUM(total_tokens = 0 AND usage_status IN ('error', 'aborted')), MIN(ts_ms), MAX(ts_ms) "
                    "FROM events WHERE ts_ms >= ? AND ts_ms < ? GROUP BY 1, 2, 3, 4, 5, 6, 7",
                    (lo, hi),
                )
                self.conn.execute("DELETE FROM rollup_dirty WHERE hour_ms >= ? AND hour_ms < ?", (lo, hi))
            for cube in CUBES.values():
                self._refresh_cube(cube, hours)
        return len(hours)

    def _refresh_cube(self, cube: Cube, hours: list[int]) -> None:
        """Recompute every block of `cube` holding a dirty hour, finest grain first: a block is summed
        from the grain below it (whose blocks are fresh by then), the first grain from rollup_hour."""
        prev = None
        dims = ", ".join(cube.dims)
        for g in cube.grains:
            span = g * HOUR_MS
            runs: list[list[int]] = []
            for b in sorted({h - h % span for h in hours}):
                if runs and runs[-1][1] == b:
                    runs[-1][1] = b + span
                else:
                    runs.append([b, b + span])
            if prev is None:
                exprs = [TRIGGER_CLASS_SQL if d == "trig" else f"e.{d}" for d in cube.dims]
                join = SESSION_JOIN if "trig" in cube.dims else ""
                source = f"rollup_hour e{join} WHERE e.hour_ms >= ? AND e.hour_ms < ?"
                at = "e.hour_ms"
            else:
                exprs = [f"e.{d}" for d in cube.dims]
                source = f"{cube.table} e WHERE e.grain = {prev} AND e.start_ms >= ? AND e.start_ms < ?"
                at = "e.start_ms"
            sums = ", ".join(f"SUM(e.{m})" for m in cube.sums)
            groups = ", ".join(str(i + 2) for i in range(len(exprs) + 1))
            insert = (f"INSERT INTO {cube.table} (grain, start_ms, {dims}, {', '.join(cube.sums)}) "
                      f"SELECT {g}, {at} - {at} % {span}, {', '.join(exprs)}, {sums} FROM {source} GROUP BY {groups}")
            for lo, hi in runs:
                self.conn.execute(f"DELETE FROM {cube.table} WHERE grain = ? AND start_ms >= ? AND start_ms < ?", (g, lo, hi))
                self.conn.execute(insert, (lo, hi))
            prev = g

    def reset_cursors(self) -> None:
        with self.transaction():
            self.conn.execute("DELETE FROM cursors")
            self.conn.execute("DELETE FROM problems")

    # ------------------------------------------------------------ reads
    def cursor(self, source_id: str) -> dict | None:
        row = self.conn.execute("SELECT state FROM cursors WHERE source_id = ?", (text(source_id),)).fetchone()
        return parse_state(row[0]) if row else None

    def cursors_with_prefix(self, prefix: str) -> dict[str, dict]:
        rows = self.conn.execute(
            "SELECT source_id, state FROM cursors WHERE source_id >= ? AND source_id < ?", (text(prefix), text(prefix) + "\uffff")
        )
        return {sid: st for sid, st in ((sid, parse_state(raw)) for sid, raw in rows) if st is not None}

    def file_cursors(self) -> dict[str, dict]:
        rows = self.conn.execute("SELECT source_id, state FROM cursors WHERE kind = 'file'")
        return {sid: st for sid, st in ((sid, parse_state(raw)) for sid, raw in rows) if st is not None}

    def cursor_states(self, kinds: Iterable[str]) -> dict[str, str]:
        """source id -> raw JSON state of the cursors of these kinds (parsed by the caller, on use)."""
        kinds = list(kinds)
        return dict(self.conn.execute(
            f"SELECT source_id, state FROM cursors WHERE kind IN ({','.join('?' * len(kinds))})", kinds))

    def file_cursor_stamps(self) -> dict[str, tuple]:
        """source id -> (dev, ino, size, mtime_ns) of every file cursor, extracted by SQLite when it can."""
        try:
            rows = self.conn.execute(
                "SELECT source_id, json_extract(state, '$.dev'), json_extract(state, '$.ino'), "
                "json_extract(state, '$.size'), json_extract(state, '$.mtime_ns') FROM cursors WHERE kind = 'file'").fetchall()
        except sqlite3.OperationalError:       # no JSON functions, or a damaged state ("malformed JSON")
            rows = []
            for sid, raw in self.conn.execute("SELECT source_id, state FROM cursors WHERE kind = 'file'"):
                c = parse_state(raw) or {}
                rows.append((sid, c.get("dev"), c.get("ino"), c.get("size"), c.get("mtime_ns")))
        # A stamp of the wrong types is damage: no stamp means the file is compared by reading it again.
        return {r[0]: r[1:] for r in rows if all(v is None or type(v) is int for v in r[1:])}

    def sources_with_problem(self, code: str) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT DISTINCT source FROM problems WHERE code = ?", (code,))}

    def event_count(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]

    def usage_by_model(self) -> list[tuple]:
        """Per (agent, provider, model): calls, tokens, calls with tokens, calls without usage and their first
        and last ms, calls with tokens whose cost OpenClaw recorded (cost class B or R), and calls with
        tokens whose recorded cost is zero (class P with a cost)."""
        return self.conn.execute(
            "SELECT agent, provider, model, COUNT(*), SUM(total_tokens), SUM(total_tokens > 0), "
            "SUM(usage_status = 'missing'), MIN(CASE WHEN usage_status = 'missing' THEN ts_ms END), "
            "MAX(CASE WHEN usage_status = 'missing' THEN ts_ms END), "
            "SUM(total_tokens > 0 AND cls IN ('B', 'R')), SUM(total_tokens > 0 AND cls = 'P' AND cost_total IS NOT NULL) "
            f"FROM (SELECT *, {COST_CLASS_SQL} AS cls FROM events) "
            "GROUP BY agent, provider, model ORDER BY agent, provider, model").fetchall()

    def models_priced_by_us(self) -> list[tuple[str, str]]:
        """(provider, model) of every model with calls whose cost OpenClaw did not record (cost class P,
        with tokens): the pairs a price table has to cover. The model rollup has the class precomputed; its
        coarsest blocks hold every call in a few rows per model (rollup_hour has about one per call)."""
        cube = CUBES["model"]
        source = (f"(SELECT * FROM {cube.table} WHERE grain = {max(cube.grains)})" if self.rollup_is_fresh()
                  else f"(SELECT provider, model, total_tokens, {COST_CLASS_SQL} AS cls FROM events)")
        return [(p, m) for p, m in self.conn.execute(
            f"SELECT DISTINCT provider, model FROM {source} WHERE cls = 'P' AND total_tokens > 0 ORDER BY 1, 2")]

    def usage_by_slot(self, slot_ms: int) -> list[tuple]:
        """(slot number, calls, tokens, calls without usage, failed calls) per `slot_ms` of UTC time."""
        return self.conn.execute(
            "SELECT ts_ms / ?, COUNT(*), SUM(total_tokens), SUM(usage_status = 'missing'), "
            "SUM(usage_status IN ('error', 'aborted')) FROM events GROUP BY 1", (slot_ms,)).fetchall()

    def reconcile_calls(self) -> list[dict]:
        """Every call, oldest first, with its session key — with or without usage: an old log's
        zero-token line (a failed or no-usage turn) matches a call without usage (for reconcile)."""
        cols = ("key", "agent", "session_id", "provider", "model", "ts_ms", "input", "output", "cache_read",
                "cache_write", "total_tokens", "usage_status")
        rows = self.conn.execute(
            f"SELECT {', '.join('e.' + c for c in cols)}, s.session_key FROM events e{SESSION_JOIN} "
            "ORDER BY e.ts_ms, e.key")
        return [dict(zip(cols + ("session_key",), r)) for r in rows]

    def last_run(self) -> dict | None:
        row = self.conn.execute("SELECT started_ms, finished_ms, mode, stats FROM runs ORDER BY id DESC LIMIT 1").fetchone()
        if not row:
            return None
        return {"started_ms": row[0] if type(row[0]) is int else None,
                "finished_ms": row[1] if type(row[1]) is int else None, "mode": row[2], "stats": parse_state(row[3]) or {}}

    def problems(self) -> list[dict]:
        cols = ("source", "location", "code", "detail", "agent", "first_ms", "last_ms")
        return [dict(zip(cols, r)) for r in self.conn.execute(f"SELECT {', '.join(cols)} FROM problems ORDER BY code, source, location")]

    def select(self, sql: str, params=()) -> list[tuple]:
        """Rows of one read-only query (the named queries of ledger/usage.py run through it)."""
        if not sql.lstrip().upper().startswith("SELECT"):
            raise ValueError("Ledger.select runs SELECT statements only")
        return self.conn.execute(sql, list(params)).fetchall()

    def event_bounds(self) -> tuple[int | None, int | None]:
        """(first, last) event ts_ms, or (None, None) for an empty ledger."""
        row = self.conn.execute("SELECT MIN(ts_ms), MAX(ts_ms) FROM events").fetchone()
        return (row[0], row[1]) if row else (None, None)

    def iter_events(self, *, since_ms: int | None = None, until_ms: int | None = None) -> Iterator[dict]:
        from .usage import time_where

        where, args = time_where(since_ms, until_ms)
        cols = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
        sql = (f"SELECT {cols}, s.session_key, s.channel, s.label, h.host_id, h.name FROM events e{SESSION_JOIN}"
               f" LEFT JOIN hosts h ON h.key = e.host{where} ORDER BY e.ts_ms, e.key")
        names = EVENT_COLUMNS + ("session_key", "channel", "label", "host_id", "host_name")
        for row in self.conn.execute(sql, args):
            yield dict(zip(names, row))


REQUIRED_TABLES = ("meta", "events", "sessions", "cursors", "problems", "runs", "rollup_hour", "rollup_dirty", "hosts")


def check_invariants(conn: sqlite3.Connection, path: Path) -> None:
    """Our own cheap checks on open (SQLite's quick_check reads every page; `collect` runs it where
    affordable): every table the ledger needs exists. A missing table is damage, never "no data"."""
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not have and conn.execute("PRAGMA user_version").fetchone()[0] == 0:
        # Created, schema never committed (a first collect killed early): nothing collected yet.
        raise LedgerError(f"no ledger yet at {path}", hint="run: token-monitor collect", code="collect.never-run")
    missing = [t for t in REQUIRED_TABLES if t not in have]
    if missing:
        raise LedgerError(f"ledger {path} is damaged: table {missing[0]} is missing",
                          hint="run: token-monitor collect --rebuild (it keeps what is still readable)", code="ledger.corrupt")


_NOT_WRITABLE = ("readonly", "read-only", "unable to open database file", "disk i/o error", "database or disk is full",
                 "permission denied", "authorization denied")


def classify_ledger_error(exc: BaseException, path: Path) -> LedgerError | NotWritableError | LedgerBusyError:
    """What an SQLite/OS error on our ledger means for the user: busy, not writable, or damaged."""
    msg = str(exc).lower()
    if "locked" in msg or "busy" in msg:
        return LedgerBusyError(f"ledger {path} is busy (another token-monitor is writing it)",
                               hint="wait a minute and run again")
    if isinstance(exc, OSError) or any(m in msg for m in _NOT_WRITABLE):
        why = getattr(exc, "strerror", None) or str(exc)
        hint = "free disk space" if "full" in msg else "fix the data dir's permissions or pass --data-dir to a writable directory"
        return NotWritableError(f"cannot write token-monitor's ledger {path} ({why})", hint=hint)
    return LedgerError(f"ledger {path} is damaged ({exc})",
                       hint="run: token-monitor collect --rebuild (it keeps what is still readable)", code="ledger.corrupt")


def _uri_path(path: Path) -> str:
    from urllib.parse import quote

    return quote(str(path))


def _meta(value: Any) -> Any:
    """Session metadata comes from OpenClaw's files and rows: text is escaped, a non-text value unknown."""
    if value is None or isinstance(value, str):
        return text(value)
    return str(value) if isinstance(value, int) else None


def parse_state(raw: Any) -> dict | None:
    """A cursor's stored JSON state, or None when it is not a JSON object (damaged): a cursor we cannot
    trust is discarded and re-derived by reading the source again (the event keys absorb the re-read)."""
    if not isinstance(raw, str):
        return None
    try:
        state = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    return state if isinstance(state, dict) else None


@contextlib.contextmanager
def _write(conn: sqlite3.Connection):
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")


def event_row(e: UsageEvent, *, agent: str, session_id: str, kind: str, path: str, loc: str, rank: str,
              trigger: str | None) -> tuple[Any, ...]:
    """One copy of a call as the ledger stores it: EVENT_COLUMNS but the last two (host, collected_ms),
    which the writer adds. Built where the copy is read (in a reader process too: a tuple is cheap to send)."""
    return (
        e.key, text(agent), text(session_id), e.provider, e.model, e.api, e.ts_ms, e.input, e.output,
        e.cache_read, e.cache_write, e.total_tokens, e.cost_total, e.cost_input, e.cost_output,
        e.cost_cache_read, e.cost_cache_write, e.cost_origin, e.stop_reason, e.usage_status, trigger,
        e.entry_id, e.response_id, kind, text(path), text(loc), text(rank),
    )


# Positions in an event row (EVENT_COLUMNS order) that the writer reads.
ROW_KEY, ROW_MODEL, ROW_TS, ROW_TOTAL, ROW_PATH, ROW_LOC = (EVENT_COLUMNS.index(c) for c in (
    "key", "model", "ts_ms", "total_tokens", "source_path", "source_loc"))


def _event_row(p: PlacedEvent, collected_ms: int, host: str = "") -> tuple[Any, ...]:
    return event_row(p.event, agent=p.agent, session_id=p.session_id, kind=p.source_kind, path=p.source_path,
                     loc=p.source_loc, rank=p.owner_rank, trigger=p.trigger) + (text(host), collected_ms)


def _same_numbers(held: dict, e: UsageEvent) -> bool:
    """Whether a held ledger row and an imported event report the same usage (the conflict rule)."""
    if (held["input"], held["output"], held["cache_read"], held["cache_write"], held["total_tokens"]) != \
            (e.input, e.output, e.cache_read, e.cache_write, e.total_tokens):
        return False
    a, b = held["cost_total"], e.cost_total
    return (a is None) == (b is None) and (a is None or math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12))
