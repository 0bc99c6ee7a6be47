"""A damaged ledger: detect it, move it aside, salvage every readable row into a fresh one."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from .schema import BUDGET_COLUMNS, EVENT_COLUMNS, LEDGER_NAME
from .store import Ledger, now_ms


def move_aside_corrupt(data_dir: Path) -> Path | None:
    """Keep a damaged ledger beside the new one instead of deleting it."""
    path = data_dir / LEDGER_NAME
    if not path.exists():
        return None
    target = data_dir / f"{LEDGER_NAME}.corrupt-{now_ms()}"
    os.replace(path, target)
    for suffix in ("-wal", "-shm"):
        side = Path(f"{path}{suffix}")
        if side.exists():
            os.replace(side, Path(f"{target}{suffix}"))
    return target


def ledger_is_sound(data_dir: Path) -> bool:
    """False when the ledger cannot be opened or SQLite's quick_check finds damage (any page)."""
    path = data_dir / LEDGER_NAME
    if not path.exists():
        return True
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    return rows == [("ok",)]


SALVAGE = (
    ("events", EVENT_COLUMNS),
    ("sessions", ("agent", "session_id", "session_key", "channel", "label", "chat_type", "parent_session_key")),
    ("budgets", BUDGET_COLUMNS),
    ("alerts_sent", ("alert_key", "sent_ms", "detail")),
    ("hosts", ("key", "host_id", "name", "updated_ms")),
    ("imports", ("digest", "path", "host_ids", "records", "added", "duplicates", "own", "conflicts", "imported_ms")),
)


def salvage_into(damaged: Path, ledger: "Ledger", *, chunk: int = 1000) -> dict[str, int]:
    """Copy every row still readable from a damaged ledger into a fresh one, chunk by rowid.

    A rebuild re-reads every source, but events whose sources OpenClaw has since deleted exist only
    in the ledger: what can be read of them is kept, and unreadable chunks are skipped (counted)."""
    saved: dict[str, int] = {}
    try:
        old = sqlite3.connect(f"file:{damaged}?mode=ro", uri=True, timeout=30)
    except sqlite3.DatabaseError:
        return saved
    try:
        ledger.ensure_budget_table()
        for table, cols in SALVAGE:
            try:
                top = old.execute(f"SELECT MAX(rowid) FROM {table}").fetchone()[0] or 0
                have = {r[1] for r in old.execute(f"PRAGMA table_info({table})")}
            except sqlite3.DatabaseError:
                continue
            cols = tuple(c for c in cols if c in have)     # a ledger from before a column was added
            n = 0
            for lo in range(0, top + 1, chunk):
                try:
                    rows = old.execute(f"SELECT {', '.join(cols)} FROM {table} WHERE rowid >= ? AND rowid < ?",
                                       (lo, lo + chunk)).fetchall()
                except sqlite3.DatabaseError:
                    saved[f"{table}_lost_chunks"] = saved.get(f"{table}_lost_chunks", 0) + 1
                    continue
                with ledger.transaction():
                    ledger.conn.executemany(
                        f"INSERT OR IGNORE INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", rows)
                n += len(rows)
            saved[table] = n
    finally:
        old.close()
    return saved
