#!/usr/bin/env python3
"""The naive baseline: re-read every transcript line and SQLite row on every run, parse all of it,
dedupe by entry id in memory, sum usage. What a scanner without a ledger or cursors does.

usage: naive_scan.py STATE_DIR                (prints one JSON line of totals; never message content)
       naive_scan.py --all-copies STATE_DIR   (no dedupe: every assistant usage row in every source,
                                               archives included, totals per source kind)"""

import glob
import json
import os
import sqlite3
import sys

import zstandard


def rows(state):
    for path in glob.glob(os.path.join(state, "agents", "*", "sessions", "*.jsonl*")):
        if ".trajectory" in path or ".checkpoint." in path:
            continue
        with open(path, "rb") as fh:
            data = fh.read()
        if path.endswith(".zst") and data[:4] == b"\x28\xb5\x2f\xfd":
            data = zstandard.ZstdDecompressor().stream_reader(data).read()
        for line in data.splitlines():
            yield line
    for db in glob.glob(os.path.join(state, "agents", "*", "agent", "openclaw-agent.sqlite")):
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            for text, blob in conn.execute("SELECT event_json, event_zstd FROM transcript_events"):
                yield text if text is not None else zstandard.ZstdDecompressor().decompress(blob)
        except sqlite3.DatabaseError:
            pass
        conn.close()


def kind_of(path: str) -> str:
    name = os.path.basename(path)
    if "session-sqlite-import-archive" in path:
        return "import archive"
    for k in ("reset", "deleted", "bak"):
        if f".jsonl.{k}." in name:
            return f".{k}. file" if k != "deleted" or not name.endswith(".zst") or "/agents/sq" not in path else "deleted .zst"
    return "live .jsonl"


def all_rows(state):
    """(kind, raw row) for every row of every copy: transcripts and their archives, SQLite rows,
    SQLite archive blobs of deleted sessions, doctor import archives."""
    paths = glob.glob(os.path.join(state, "agents", "*", "sessions", "*.jsonl*"))
    paths += glob.glob(os.path.join(state, "agents", "*", "session-sqlite-import-archive", "*"))
    for path in paths:
        if ".trajectory" in path or ".checkpoint." in path:
            continue
        with open(path, "rb") as fh:
            data = fh.read()
        if data[:4] == b"\x28\xb5\x2f\xfd":
            data = zstandard.ZstdDecompressor().stream_reader(data).read()
        kind = kind_of(path)
        for line in data.splitlines():
            yield kind, line
    for db in glob.glob(os.path.join(state, "agents", "*", "agent", "openclaw-agent.sqlite")):
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            for text, blob in conn.execute("SELECT event_json, event_zstd FROM transcript_events"):
                if text is not None:
                    yield "sqlite row (text)", text
                else:
                    yield "sqlite row (zstd)", zstandard.ZstdDecompressor().decompress(blob)
            for (blob,) in conn.execute("SELECT archive_blob FROM session_transcript_archives"):
                for line in zstandard.ZstdDecompressor().stream_reader(bytes(blob)).read().splitlines():
                    yield "sqlite archive blob", line
        except sqlite3.DatabaseError:
            pass
        conn.close()


def all_copies(state):
    out = {}
    for kind, line in all_rows(state):
        try:
            obj = json.loads(line)
        except ValueError:
            continue
        msg = obj.get("message") if isinstance(obj, dict) else None
        if not isinstance(msg, dict) or msg.get("role") != "assistant" or msg.get("provider") == "openclaw":
            continue
        u = msg.get("usage") or {}
        for k in ("ALL", kind):
            t = out.setdefault(k, {"rows": 0, "totalTokens": 0, "cost": 0.0})
            t["rows"] += 1
            t["totalTokens"] += u.get("totalTokens") or 0
            t["cost"] += (u.get("cost") or {}).get("total") or 0
    return out


def main():
    if sys.argv[1] == "--all-copies":
        print(json.dumps(all_copies(sys.argv[2])))
        return
    seen, totals = set(), {"calls": 0, "totalTokens": 0, "cost": 0.0}
    for line in rows(sys.argv[1]):
        try:
            obj = json.loads(line)
        except ValueError:
            continue
        msg = obj.get("message") if isinstance(obj, dict) else None
        if not isinstance(msg, dict) or msg.get("role") != "assistant" or msg.get("provider") == "openclaw":
            continue
        if obj.get("id") in seen:
            continue
        seen.add(obj.get("id"))
        u = msg.get("usage") or {}
        totals["calls"] += 1
        totals["totalTokens"] += u.get("totalTokens") or 0
        totals["cost"] += (u.get("cost") or {}).get("total") or 0
    print(json.dumps(totals))


if __name__ == "__main__":
    main()
