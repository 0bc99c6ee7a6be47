"""The ledger's tables: DDL, schema version, rollup cubes, column lists."""

from __future__ import annotations

import dataclasses
import sqlite3

SCHEMA_VERSION = 4          # 2: hourly rollup for reports over long periods; 3: block rollups (CUBES); 4: hosts
LEDGER_NAME = "ledger.sqlite"

# Token and cost columns an event and an hourly rollup row share.
_TOKEN_COLUMNS = """  input INTEGER NOT NULL,
  output INTEGER NOT NULL,
  cache_read INTEGER NOT NULL,
  cache_write INTEGER NOT NULL,
  total_tokens INTEGER NOT NULL,
  cost_total REAL,
"""

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events (
  key TEXT PRIMARY KEY,
  agent TEXT NOT NULL,
  session_id TEXT NOT NULL,
  provider TEXT NOT NULL,
  model TEXT NOT NULL,
  api TEXT,
  ts_ms INTEGER NOT NULL,
{token_columns}  cost_input REAL,
  cost_output REAL,
  cost_cache_read REAL,
  cost_cache_write REAL,
  cost_origin TEXT,
  stop_reason TEXT,
  usage_status TEXT NOT NULL,
  trigger TEXT,
  entry_id TEXT,
  response_id TEXT,
  source_kind TEXT NOT NULL,
  source_path TEXT NOT NULL,
  source_loc TEXT,
  owner_rank TEXT NOT NULL,
  host TEXT NOT NULL DEFAULT '',
  collected_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS events_ts ON events (ts_ms);
CREATE INDEX IF NOT EXISTS events_session ON events (agent, session_id, ts_ms);
CREATE TABLE IF NOT EXISTS sessions (
  agent TEXT NOT NULL,
  session_id TEXT NOT NULL,
  session_key TEXT,
  channel TEXT,
  label TEXT,
  chat_type TEXT,
  parent_session_key TEXT,
  PRIMARY KEY (agent, session_id)
);
CREATE TABLE IF NOT EXISTS cursors (
  source_id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  agent TEXT,
  path TEXT,
  state TEXT NOT NULL,
  updated_ms INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS problems (
  source TEXT NOT NULL,
  location TEXT NOT NULL,
  code TEXT NOT NULL,
  detail TEXT NOT NULL,
  agent TEXT,
  first_ms INTEGER NOT NULL,
  last_ms INTEGER NOT NULL,
  PRIMARY KEY (source, location, code)
);
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  started_ms INTEGER NOT NULL,
  finished_ms INTEGER NOT NULL,
  mode TEXT NOT NULL,
  stats TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS rollup_hour (
  hour_ms INTEGER NOT NULL,
  agent TEXT NOT NULL,
  session_id TEXT NOT NULL,
  provider TEXT NOT NULL,
  model TEXT NOT NULL,
  cls TEXT NOT NULL,
  trigger TEXT,
  calls INTEGER NOT NULL,
{token_columns}  no_usage INTEGER NOT NULL,
  failed INTEGER NOT NULL,
  min_ts INTEGER NOT NULL,
  max_ts INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS rollup_hour_ts ON rollup_hour (hour_ms);
CREATE TABLE IF NOT EXISTS rollup_dirty (hour_ms INTEGER PRIMARY KEY);
CREATE TRIGGER IF NOT EXISTS events_dirty_insert AFTER INSERT ON events BEGIN
  INSERT INTO rollup_dirty (hour_ms) SELECT h FROM (SELECT NEW.ts_ms - NEW.ts_ms % 3600000 AS h)
    WHERE NOT EXISTS (SELECT 1 FROM rollup_dirty WHERE hour_ms = h); END;
CREATE TRIGGER IF NOT EXISTS events_dirty_update AFTER UPDATE ON events BEGIN
  INSERT INTO rollup_dirty (hour_ms) SELECT DISTINCT h FROM (SELECT NEW.ts_ms - NEW.ts_ms % 3600000 AS h
    UNION SELECT OLD.ts_ms - OLD.ts_ms % 3600000) WHERE NOT EXISTS (SELECT 1 FROM rollup_dirty WHERE hour_ms = h); END;
CREATE TRIGGER IF NOT EXISTS events_dirty_delete AFTER DELETE ON events BEGIN
  INSERT INTO rollup_dirty (hour_ms) SELECT h FROM (SELECT OLD.ts_ms - OLD.ts_ms % 3600000 AS h)
    WHERE NOT EXISTS (SELECT 1 FROM rollup_dirty WHERE hour_ms = h); END;
CREATE TRIGGER IF NOT EXISTS sessions_dirty_insert AFTER INSERT ON sessions BEGIN
  INSERT INTO rollup_dirty (hour_ms) SELECT DISTINCT h FROM (SELECT ts_ms - ts_ms % 3600000 AS h FROM events
    WHERE agent = NEW.agent AND session_id = NEW.session_id) WHERE NOT EXISTS (SELECT 1 FROM rollup_dirty WHERE hour_ms = h); END;
CREATE TRIGGER IF NOT EXISTS sessions_dirty_update AFTER UPDATE ON sessions
  WHEN OLD.session_key IS NOT NEW.session_key OR OLD.agent IS NOT NEW.agent OR OLD.session_id IS NOT NEW.session_id BEGIN
  INSERT INTO rollup_dirty (hour_ms) SELECT DISTINCT h FROM (SELECT ts_ms - ts_ms % 3600000 AS h FROM events
    WHERE (agent = NEW.agent AND session_id = NEW.session_id) OR (agent = OLD.agent AND session_id = OLD.session_id))
    WHERE NOT EXISTS (SELECT 1 FROM rollup_dirty WHERE hour_ms = h); END;
CREATE TRIGGER IF NOT EXISTS sessions_dirty_delete AFTER DELETE ON sessions BEGIN
  INSERT INTO rollup_dirty (hour_ms) SELECT DISTINCT h FROM (SELECT ts_ms - ts_ms % 3600000 AS h FROM events
    WHERE agent = OLD.agent AND session_id = OLD.session_id) WHERE NOT EXISTS (SELECT 1 FROM rollup_dirty WHERE hour_ms = h); END;
CREATE TABLE IF NOT EXISTS hosts (
  key TEXT PRIMARY KEY,
  host_id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  updated_ms INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS imports (
  digest TEXT PRIMARY KEY,
  path TEXT NOT NULL,
  host_ids TEXT NOT NULL,
  records INTEGER NOT NULL,
  added INTEGER NOT NULL,
  duplicates INTEGER NOT NULL,
  own INTEGER NOT NULL,
  conflicts INTEGER NOT NULL,
  imported_ms INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS alerts_sent (
  alert_key TEXT PRIMARY KEY,
  sent_ms INTEGER NOT NULL,
  detail TEXT NOT NULL
);
"""

# Budgets. Kept out of SCHEMA's version gate: `ensure_budget_table` creates it in
# ledgers written before it existed, so adding it needs no schema-version bump.
# Filters use '' for "any" so the UNIQUE scope works (NULLs never compare equal in SQLite).
BUDGET_SCHEMA = """
CREATE TABLE IF NOT EXISTS budgets (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  period TEXT NOT NULL,
  unit TEXT NOT NULL,
  amount REAL NOT NULL,
  agent TEXT NOT NULL DEFAULT '',
  provider TEXT NOT NULL DEFAULT '',
  model TEXT NOT NULL DEFAULT '',
  created_ms INTEGER NOT NULL,
  UNIQUE (period, unit, agent, provider, model)
)
"""
BUDGET_COLUMNS = ("id", "period", "unit", "amount", "agent", "provider", "model", "created_ms")

HOUR_MS = 3_600_000
HOUR_SQL = f"(ts_ms - ts_ms % {HOUR_MS})"


@dataclasses.dataclass(frozen=True)
class Cube:
    """A rollup with fewer dimensions than rollup_hour, stored per epoch-aligned block of `grain` hours.

    Each grain divides the next, so any whole-hour range is a handful of blocks (aggregate._blocks).
    SQLite groups by sorting, so a report costs what it reads: with thousands of sessions an hour of
    rollup_hour is as many rows as events, while a day of `rollup_model` is a few dozen. Grain 1 of a
    cube that does not store it is read from rollup_hour. `trig` is the trigger class computed at
    refresh from the session key, so a change of the key marks the session's hours dirty (triggers).
    """

    table: str
    dims: tuple[str, ...]
    sums: tuple[str, ...]
    grains: tuple[int, ...]


ROLLUP_SUMS = ("calls", "input", "output", "cache_read", "cache_write", "total_tokens", "cost_total", "no_usage", "failed")
CUBES = {
    "model": Cube("rollup_model", ("provider", "model", "cls"), ROLLUP_SUMS, (1, 2, 4, 8, 24, 192, 1536)),
    "trigger": Cube("rollup_trigger", ("agent", "provider", "model", "cls", "trig"), ROLLUP_SUMS, (8, 24, 192, 1536)),
    "session": Cube("rollup_session", ("agent", "session_id"), ("calls", "total_tokens"), (24, 192, 1536)),
}


def _cube_ddl() -> str:
    out = []
    for c in CUBES.values():
        cols = [f"{d} TEXT NOT NULL" for d in c.dims] + [f"{m} {'REAL' if m == 'cost_total' else 'INTEGER NOT NULL'}" for m in c.sums]
        out.append(f"CREATE TABLE IF NOT EXISTS {c.table} (grain INTEGER NOT NULL, start_ms INTEGER NOT NULL, "
                   f"{', '.join(cols)}, PRIMARY KEY (grain, start_ms, {', '.join(c.dims)})) WITHOUT ROWID;\n")
    return "".join(out)


# The whole script, applied in order by Ledger.open when the schema version grows.
SCHEMA = _TABLES.format(token_columns=_TOKEN_COLUMNS) + BUDGET_SCHEMA + ";\n" + _cube_ddl()

EVENT_COLUMNS = (
    "key", "agent", "session_id", "provider", "model", "api", "ts_ms", "input", "output",
    "cache_read", "cache_write", "total_tokens", "cost_total", "cost_input", "cost_output",
    "cost_cache_read", "cost_cache_write", "cost_origin", "stop_reason", "usage_status", "trigger",
    "entry_id", "response_id", "source_kind", "source_path", "source_loc", "owner_rank", "host", "collected_ms",
)
OWNER_COLUMNS = ("agent", "session_id", "trigger", "source_kind", "source_path", "source_loc", "owner_rank")


def _statements(script: str) -> list[str]:
    """Split a schema script into statements (trigger bodies hold ';' of their own)."""
    out, buf = [], ""
    for part in script.split(";"):
        buf += part + ";"
        if sqlite3.complete_statement(buf):
            if buf.strip(" \n;"):
                out.append(buf.strip())
            buf = ""
    return out
