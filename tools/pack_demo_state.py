#!/usr/bin/env python3
"""Pack an OpenClaw state dir into the text form of the bundled demo (scripts/token_monitor/demo_state.json).

    python3 tools/pack_demo_state.py STATE_DIR [--out scripts/token_monitor/demo_state.json] [--check]

SQLite stores (read through SQLite, so a `-wal` beside them is included) become SQL scripts that
recreate every table, virtual table (FTS5 shadow tables are filled, not recreated), row, index,
trigger and `user_version`; zstd archives are stored decompressed; everything else is stored as it
is. `-wal`/`-shm` files are folded into their store; OpenClaw's `logs/` and our own
`token-monitor/` data are left out (token-monitor reads neither as usage). `--check` packs STATE_DIR, materialises the
result, packs that again and fails unless both packs are identical.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "scripts" / "token_monitor" / "demo_state.json"
SQLITE_MAGIC = b"SQLite format 3\x00"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"


def sql_literal(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, bytes):
        return "X'" + value.hex() + "'"
    return "'" + str(value).replace("'", "''") + "'"


def dump_sqlite(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        kinds = {r[1]: r[2] for r in conn.execute("PRAGMA table_list") if r[0] == "main"}
        objects = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid").fetchall()
        out = []
        tables = []
        for typ, name, sql in objects:
            if typ != "table":
                continue
            if kinds.get(name) not in ("shadow",) and name != "sqlite_sequence":
                out.append(sql + ";")
            if kinds.get(name) in ("table", "shadow"):
                tables.append(name)
        for name in tables:
            quoted = '"' + name.replace('"', '""') + '"'
            for row in conn.execute(f"SELECT * FROM {quoted} ORDER BY rowid" if _has_rowid(conn, name)
                                    else f"SELECT * FROM {quoted}"):
                out.append(f"INSERT OR REPLACE INTO {quoted} VALUES({','.join(map(sql_literal, row))});")
        out += [sql + ";" for typ, name, sql in objects if typ in ("index", "trigger", "view")]
        out.append(f"PRAGMA user_version={conn.execute('PRAGMA user_version').fetchone()[0]};")
        return "\n".join(out) + "\n"
    finally:
        conn.close()


def _has_rowid(conn: sqlite3.Connection, name: str) -> bool:
    for r in conn.execute("PRAGMA table_list"):
        if r[1] == name:
            return not r[4]          # wr = WITHOUT ROWID
    return True


def pack(state: Path, out: Path) -> dict:
    """Write `out`: one JSON object, one line per OpenClaw file (so no two files share lines)."""
    files = []
    for src in sorted(p for p in state.rglob("*") if p.is_file()):
        rel = src.relative_to(state).as_posix()
        if rel.endswith(("-wal", "-shm", "-journal")) or rel.startswith(("token-monitor/", "logs/")) or "/." in "/" + rel:
            continue
        head = src.read_bytes()[:16]
        if head.startswith(SQLITE_MAGIC):
            kind, text = "sqlite", dump_sqlite(src)
        elif head.startswith(ZSTD_MAGIC):
            import zstandard

            with zstandard.ZstdDecompressor().stream_reader(src.open("rb")) as reader:
                kind, text = "zstd", reader.read().decode("utf-8")
        else:
            # binary files other than SQLite/zstd have no text form: fail loudly
            kind, text = "text", src.read_bytes().decode("utf-8")
        files.append({"path": rel, "kind": kind, "text": text})
    manifest = {"format": 2, "about": "OpenClaw demo state in text form; see token_monitor/demo.py", "files": files}
    lines = ",\n".join(json.dumps(f, ensure_ascii=False, sort_keys=True) for f in files)
    head = json.dumps({k: v for k, v in manifest.items() if k != "files"}, sort_keys=True)[:-1]
    out.write_text(f'{head}, "files": [\n{lines}\n]}}\n', encoding="utf-8")
    assert json.loads(out.read_text(encoding="utf-8")) == manifest
    return manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("state", type=Path)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true", help="fail unless pack -> materialise -> pack is identical")
    args = ap.parse_args(argv)
    manifest = pack(args.state, args.out)
    print(f"packed {len(manifest['files'])} files into {args.out}")
    if args.check:
        sys.path.insert(0, str(ROOT / "scripts"))
        from token_monitor import demo

        with tempfile.TemporaryDirectory() as tmp:
            state = demo.materialise_demo(Path(tmp) / "cache") if args.out == DEFAULT_OUT else None
            if state is None:
                print("--check needs the default --out", file=sys.stderr)
                return 2
            again = Path(tmp) / "again.json"
            pack(state, again)
            if again.read_bytes() != args.out.read_bytes():
                print("round trip differs", file=sys.stderr)
                return 1
        print("round trip identical")
    return 0


if __name__ == "__main__":
    sys.exit(main())
