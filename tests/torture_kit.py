"""Helpers for the robustness suite: ledger snapshots that can be compared across state copies,
writable SQLite states rebuilt from real rows, and the benchmark generator for bigger states.

Nothing here prints record content; comparisons are on ledger columns only.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES, ROOT

sys.path.insert(0, str(ROOT / "bench"))

import gen_state  # noqa: E402  (bench/gen_state.py: real-row generator)

from token_monitor.collect.collector import collect

SHIM = ROOT / "scripts" / "token-monitor.py"

# Every ledger column that describes the call and where its owning copy was read.
FULL = ("key", "agent", "session_id", "provider", "model", "api", "ts_ms", "input", "output", "cache_read",
        "cache_write", "total_tokens", "cost_total", "cost_input", "cost_output", "cost_cache_read",
        "cost_cache_write", "cost_origin", "stop_reason", "usage_status", "trigger", "entry_id", "response_id",
        "source_kind", "source_path", "source_loc", "owner_rank")
# What a call is, independent of which file holds its copy (files renamed or replaced between runs).
USAGE = ("key", "agent", "session_id", "provider", "model", "ts_ms", "input", "output", "cache_read",
         "cache_write", "total_tokens", "cost_total", "stop_reason", "usage_status")


def snapshot(data_dir: Path, state: Path, cols=FULL) -> list[tuple]:
    """The ledger's events as sorted tuples, source paths made relative to `state`."""
    conn = sqlite3.connect(f"file:{data_dir / 'ledger.sqlite'}?mode=ro", uri=True)
    try:
        rows = conn.execute(f"SELECT {', '.join(cols)} FROM events ORDER BY key").fetchall()
    finally:
        conn.close()
    if "source_path" not in cols:
        return rows
    i = cols.index("source_path")
    prefix = str(state.resolve()) + os.sep
    alt = str(state) + os.sep
    return [r[:i] + (r[i].replace(prefix, "").replace(alt, ""),) + r[i + 1:] for r in rows]


def one_shot(state: Path, data_dir: Path, cols=FULL) -> list[tuple]:
    collect(state, data_dir)
    return snapshot(data_dir, state, cols)


def copy_tree(src: Path, dest: Path) -> Path:
    shutil.copytree(src, dest, symlinks=True)
    for p in [dest, *dest.rglob("*")]:
        if not p.is_symlink():
            p.chmod(p.stat().st_mode | 0o200)
    return dest


def connect_writable(db: Path) -> sqlite3.Connection:
    """A writer connection like OpenClaw's (WAL), able to satisfy schema-23 CHECKs on SQLite < 3.43."""
    conn = gen_state.connect_writable(db)
    conn.execute("PRAGMA busy_timeout=10000")
    conn.execute("PRAGMA journal_mode=WAL")
    return conn


TE_COLS = ("session_id", "seq", "event_json", "created_at", "event_zstd", "event_utf8_bytes", "navigation_json")


def empty_transcripts(state: Path) -> dict[Path, list[tuple]]:
    """Remove every `transcript_events` row from each agent DB under `state`; return them (real rows,
    zstd ones included) in append order for replay."""
    held: dict[Path, list[tuple]] = {}
    for db in sorted(state.glob("agents/*/agent/openclaw-agent.sqlite")):
        conn = connect_writable(db)
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'transcript_events'").fetchone():
            conn.close()
            continue
        rows = conn.execute(f"SELECT {', '.join(TE_COLS)} FROM transcript_events ORDER BY created_at, session_id, seq").fetchall()
        conn.execute("DELETE FROM transcript_events")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        held[db] = rows
    return held


def whole_ledger_file(data_dir: Path) -> Path:
    """The ledger with its write-ahead log checkpointed into the file, so damage to the file's bytes is
    damage to the ledger (what a test then corrupts)."""
    ledger = data_dir / "ledger.sqlite"
    conn = sqlite3.connect(ledger)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return ledger


def insert_rows(db: Path, rows: list[tuple], conn: sqlite3.Connection | None = None) -> None:
    own = conn is None
    conn = conn or connect_writable(db)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(f"INSERT INTO transcript_events ({', '.join(TE_COLS)}) VALUES ({', '.join('?' * len(TE_COLS))})", rows)
        conn.execute("COMMIT")
    finally:
        if own:
            conn.close()


def generated_state(dest: Path, size: str = "smoke", seed: int = 7) -> Path:
    gen_state.generate(dest, size=size, seed=seed)
    return dest


def run_collect_proc(state: Path, data: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(SHIM), "--state-dir", str(state), "--data-dir", str(data), "collect", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )


def run_report_proc(state: Path, data: Path, *extra: str) -> subprocess.Popen:
    """A reader: `report --no-collect --json` on the ledger collectors are writing."""
    return subprocess.Popen(
        [sys.executable, str(SHIM), "--state-dir", str(state), "--data-dir", str(data), "report", "--no-collect", "--json", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )


def corpus_src(name: str) -> Path:
    return FIXTURES / name / "state"


def full_run(request) -> bool:
    """`pytest --full`: the larger torture runs (tests/conftest.py)."""
    return bool(request.config.getoption("--full"))


def hypothesis_pair(fast_examples: int, *given_args, **given_kwargs):
    """Decorate a test body twice: a hypothesis test with `fast_examples` (the CI run) and a `slow`
    copy with 10 times as many (selected by `pytest --full`). Returns (fast, full); bind both
    at module level, e.g. `test_x, test_x_full = hypothesis_pair(15, st.data())(body)`."""
    import types

    import pytest
    from hypothesis import HealthCheck, given, settings

    factor = 10
    suppress = [HealthCheck.too_slow, HealthCheck.data_too_large]

    def wrap(body):
        def clone(name):
            f = types.FunctionType(body.__code__, body.__globals__, name, body.__defaults__, body.__closure__)
            f.__dict__.update(body.__dict__)
            f.__doc__, f.__qualname__ = body.__doc__, name
            return f
        fast = settings(max_examples=fast_examples, deadline=None, suppress_health_check=suppress)(
            given(*given_args, **given_kwargs)(clone(body.__name__)))
        full = settings(max_examples=fast_examples * factor, deadline=None, suppress_health_check=suppress)(
            given(*given_args, **given_kwargs)(clone(body.__name__ + "_full")))
        return fast, pytest.mark.slow(full)
    return wrap
