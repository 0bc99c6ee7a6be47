#!/usr/bin/env python3
"""The naive baseline: re-read every transcript line and SQLite row on every run, parse all of it,
dedupe by entry id in memory, sum usage. What a scanner without a ledger or cursors does.

usage: naive_scan.py STATE_DIR   (prints one JSON line of totals; never message content)"""

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


def main():
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
