"""A damaged ledger: detect it, move it aside, salvage every readable row into a fresh one."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from .schema import BUDGET_COLUMNS, CUBES, EVENT_COLUMNS, LEDGER_NAME
from .store import REQUIRED_TABLES, Ledger, now_ms


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


# quick_check reads every page: affordable on every collect up to this size (a year of heavy use is
# well below it); a larger ledger is checked by our own invariants only, and fully by `--rebuild`.
QUICK_CHECK_MAX_BYTES = 256 * 1024 * 1024


def ledger_damage(data_dir: Path, *, full: bool = False) -> str | None:
    """None when the ledger is sound (or absent), else what is wrong with it, in a few words.

    SQLite's quick_check (any page) plus our own invariants: every table present, every event's key,
    time and token count of the type we write (an altered key is caught by `--rebuild`, which matches
    every stored call against its source)."""
    path = data_dir / LEDGER_NAME
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{_uri(path)}?mode=ro", uri=True, timeout=30)
    except sqlite3.DatabaseError as exc:
        return str(exc)
    conn.text_factory = lenient_text
    try:
        if full or path.stat().st_size <= QUICK_CHECK_MAX_BYTES:
            # integrity_check also matches every index against its table (a rebuild writes through them)
            rows = conn.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check").fetchall()
            if rows != [("ok",)]:
                return f"{'integrity' if full else 'quick'}_check: {' '.join(str(rows[0][0]).split())[:120]}"
        have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if conn.execute("PRAGMA user_version").fetchone()[0] == 0:
            return None     # created, schema never committed (a first run killed early): Ledger.open creates it
        missing = [t for t in REQUIRED_TABLES if t not in have]
        if missing:
            return f"table {missing[0]} is missing"
        for table in TYPED_TABLES + tuple(c.table for c in CUBES.values()):
            if table in have and conn.execute(f"SELECT 1 FROM {table} WHERE {_wrong_types(conn, table)} LIMIT 1").fetchone():
                return f"{table} holds values of the wrong type"
    except sqlite3.DatabaseError as exc:
        msg = str(exc).lower()
        if "locked" in msg or "busy" in msg or "unable to open" in msg:
            return None     # not damage: Ledger.open reports busy / not writable precisely
        return str(exc)
    except UnicodeDecodeError:        # SQLite's own message quoting damaged bytes
        return "undecodable text in a damaged page"
    finally:
        conn.close()
    return None


# Tables whose declared column types reports rely on: a page damaged into valid SQLite with the wrong type
# (text where a count belongs) would otherwise surface later as a crash or a wrong sum.
TYPED_TABLES = ("events", "sessions", "rollup_hour", "budgets")
_ALLOWED = {"INTEGER": ("integer",), "REAL": ("real", "integer"), "TEXT": ("text",)}


def lenient_text(raw: bytes) -> str:
    """Text from a damaged ledger: invalid UTF-8 is escaped, not a UnicodeDecodeError."""
    return raw.decode("utf-8", "backslashreplace")


def _wrong_types(conn: sqlite3.Connection, table: str) -> str:
    """An SQL condition true for a row with a value its column's declared type does not allow."""
    terms = []
    for _cid, name, decl, notnull, _default, _pk in conn.execute(f"PRAGMA table_info({table})"):
        allowed = _ALLOWED.get((decl or "").upper())
        if allowed:
            kinds = allowed + (() if notnull else ("null",))
            terms.append(f"typeof({name}) NOT IN ({', '.join(repr(k) for k in kinds)})")
    return " OR ".join(terms) or "0"


VERIFIED_NAME = "ledger.verified"


def _stamp(data_dir: Path) -> list | None:
    try:
        st = os.stat(data_dir / LEDGER_NAME)
    except OSError:
        return None
    wal = Path(f"{data_dir / LEDGER_NAME}-wal")
    return [st.st_size, st.st_mtime_ns, st.st_ino, wal.stat().st_size if wal.exists() else 0]


def unchanged_since_verified(data_dir: Path) -> bool:
    """True when the ledger file is exactly as the last successful collect left it (same size, mtime and
    inode): nothing outside token-monitor's writes touched it, so the full check can be skipped."""
    marker = data_dir / VERIFIED_NAME
    try:
        recorded = json.loads(marker.read_text())
        marked_ns = marker.stat().st_mtime_ns
    except (OSError, ValueError):
        return False
    # Racy-git's rule: a ledger modified in the same clock tick as the marker could change unseen.
    return isinstance(recorded, list) and recorded == _stamp(data_dir) and recorded[1] < marked_ns


def mark_verified(data_dir: Path) -> None:
    """Remember the ledger's stamp after a successful collect (best effort: no stamp only means a check)."""
    from ..files import write_private

    stamp = json.dumps(_stamp(data_dir))
    try:
        write_private(data_dir / VERIFIED_NAME, lambda f: f.write(stamp))
    except OSError:
        pass


def _uri(path: Path) -> str:
    from urllib.parse import quote

    return quote(str(path))


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
    old.text_factory = lenient_text
    try:
        ledger.ensure_budget_table()
        for table, cols in SALVAGE:
            try:
                top = old.execute(f"SELECT MAX(rowid) FROM {table}").fetchone()[0] or 0
                have = {r[1] for r in old.execute(f"PRAGMA table_info({table})")}
            except (sqlite3.DatabaseError, UnicodeDecodeError):     # (SQLite's message can quote damaged bytes)
                continue
            cols = tuple(c for c in cols if c in have)     # a ledger from before a column was added
            n = 0
            for lo in range(0, top + 1, chunk):
                try:
                    rows = old.execute(f"SELECT {', '.join(cols)} FROM {table} WHERE rowid >= ? AND rowid < ?",
                                       (lo, lo + chunk)).fetchall()
                except (sqlite3.DatabaseError, UnicodeDecodeError):
                    saved[f"{table}_lost_chunks"] = saved.get(f"{table}_lost_chunks", 0) + 1
                    continue
                if table == "events":     # a row without a text key, a time and a count is not a call
                    k, t, c = cols.index("key"), cols.index("ts_ms"), cols.index("total_tokens")
                    rows = [r for r in rows if isinstance(r[k], str) and type(r[t]) is int and type(r[c]) is int]
                with ledger.transaction():
                    ledger.conn.executemany(
                        f"INSERT OR IGNORE INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", rows)
                n += len(rows)
            saved[table] = n
    finally:
        old.close()
    return saved
