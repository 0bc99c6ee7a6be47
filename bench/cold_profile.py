#!/usr/bin/env python3
"""Where a cold JSONL collect spends its time (issue 15), for bench/run's RESULTS.md section.

- `profile_cold`: token-monitor's cold collect (fresh ledger, read in-process) under cProfile in a
  child process; the top functions by cumulative time and the hot spots the issue names (decode,
  normalize_record, placing, ledger writes, block reads).
- `line_census`: what the JSONL lines are (how many can carry usage at all) and, in this process, the
  cost of the reading strategies the issue proposes on the same bytes: readline + json.loads of every
  line (today's shape), a byte pre-check before decoding, whole-file read + split, orjson if installed.

usage: bench/cold_profile.py STATE [--data DIR]      (prints both as JSON)
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import shutil
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
SHIM = BENCH.parent / "scripts" / "token-monitor.py"

# Hot spots by (file suffix or "~", function name); summed when several match (e.g. both executemany owners).
HOT = [
    ("collect total (Collector.run)", ("collector.py", "run")),
    ("JSONL reading: jsonl_records (block reads + decode + records)", ("jsonl.py", "jsonl_records")),
    ("block reads and line split (bounded.raw_lines)", ("bounded.py", "raw_lines")),
    ("decode (bounded.loads_record: orjson, json where they differ)", ("bounded.py", "loads_record")),
    ("json.loads (all callers)", ("json/__init__.py", "loads")),
    ("normalize_record", ("normalize.py", "normalize_record")),
    ("place_records (normalize + dedupe + owner bookkeeping)", ("placing.py", "place_records")),
    ("dedupe_key", ("normalize.py", "dedupe_key")),
    ("json encode (JSONEncoder.encode, all callers)", ("json/encoder.py", "encode")),
    ("Collector._flush (ledger writes + cursors)", ("collector.py", "_flush")),
    ("Ledger.upsert_events", ("store.py", "upsert_events")),
    ("sqlite executemany (ledger writes)", ("~", "<method 'executemany' of 'sqlite3.Connection' objects>")),
    ("sqlite execute", ("~", "<method 'execute' of 'sqlite3.Connection' objects>")),
    ("sqlite commit", ("~", "<method 'commit' of 'sqlite3.Connection' objects>")),
]


def profile_cold(state: Path, data: Path, python: str = sys.executable, top: int = 25) -> dict:
    shutil.rmtree(data, ignore_errors=True)
    prof = data.parent / (data.name + ".prof")
    t0 = time.monotonic()
    # In-process reading (TOKEN_MONITOR_READERS=1): cProfile sees one process only.
    r = subprocess.run([python, "-m", "cProfile", "-o", str(prof), str(SHIM), "--state-dir", str(state),
                        "--data-dir", str(data), "collect", "--json"], capture_output=True,
                       env={**os.environ, "TOKEN_MONITOR_READERS": "1"})
    wall = time.monotonic() - t0
    if r.returncode not in (0, 5):
        raise RuntimeError(f"profiled collect exited {r.returncode}: {r.stderr.decode(errors='replace')[-300:]}")
    st = pstats.Stats(str(prof))
    raw = st.stats      # {(file, line, func): (primitive calls, calls, tottime, cumtime, callers)}
    hot = []
    for label, (suffix, func) in HOT:
        calls = tt = ct = 0
        for (f, _, fn), (_, nc, t, c, _) in raw.items():
            if fn == func and (f == suffix if suffix == "~" else f.endswith(suffix)):
                calls, tt, ct = calls + nc, tt + t, ct + c
        hot.append({"what": label, "calls": calls, "tottime": tt, "cumtime": ct})
    rows = sorted(raw.items(), key=lambda kv: -kv[1][3])
    tops = []
    for (f, line, fn), (_, nc, t, c, _) in rows:
        if "cProfile" in f or fn in ("<module>", "exec", "main") or f.endswith("runpy.py"):
            continue
        short = fn if f == "~" else f"{f.split('/scripts/')[-1].split('/lib/python')[-1]}:{line}({fn})"
        tops.append({"fn": short, "calls": nc, "tottime": t, "cumtime": c})
        if len(tops) >= top:
            break
    prof.unlink(missing_ok=True)
    stats = json.loads(r.stdout)["data"] if r.stdout.strip() else {}
    return {"wall": wall, "elapsed_ms": stats.get("elapsed_ms"), "hot": hot, "top": tops,
            "total_tt": sum(v[2] for v in raw.values())}


MARKERS = (b'"usage"', b'"type":"session"', b'"model_change"', b'"model-snapshot"', b'"custom"')


def line_census(state: Path) -> dict:
    """Line kinds in every JSONL transcript file of `state`, and in-process timings of reading strategies."""
    files = sorted(p for p in state.glob("agents/*/sessions/*") if ".jsonl" in p.name and not p.name.endswith(".zst"))
    out = {"files": len(files), "bytes": 0, "lines": 0, "usage_lines": 0, "usage_bytes": 0, "marker_lines": 0,
           "marker_bytes": 0, "t": {}}
    t = out["t"]

    def best(label, fn, n=3):       # best of n: the machine is shared
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        t[label] = min(times)

    def readline_only():
        for p in files:
            with open(p, "rb") as fh:
                for raw in iter(fh.readline, b""):
                    pass

    def readline_loads():           # the collector's shape before issue 15: readline per line, json.loads of every line
        for p in files:
            with open(p, "rb") as fh:
                for raw in iter(fh.readline, b""):
                    text = raw.strip()
                    if text:
                        json.loads(text.decode("utf-8"))

    def read_split():
        for p in files:
            p.read_bytes().split(b"\n")

    def read_split_precheck():      # whole file + split + byte pre-check + decode only what can matter
        for p in files:
            for ln in p.read_bytes().split(b"\n"):
                if b'"usage"' in ln or b'"type":"session"' in ln or b'"model_change"' in ln:
                    json.loads(ln.decode("utf-8"))

    best("readline only", readline_only)
    best("readline + json.loads every line (the collector's reading before issue 15)", readline_loads)

    def records_now():              # the collector's reader now: sources/jsonl.jsonl_records (1 MiB blocks, loads_record)
        sys.path.insert(0, str(BENCH.parent / "scripts"))
        from token_monitor.sources.jsonl import jsonl_records
        for p in files:
            with open(p, "rb") as fh:
                for _ in jsonl_records(fh):
                    pass

    best("jsonl_records of every file: block reads + orjson/json decode + records (the collector's reading now)", records_now)
    best("read_bytes + split", read_split)
    best("read_bytes + split + byte pre-check + json.loads of usage/session/model_change lines", read_split_precheck)
    blobs = []
    for p in files:
        b = p.read_bytes()
        out["bytes"] += len(b)
        for ln in b.split(b"\n"):
            if not ln.strip():
                continue
            out["lines"] += 1
            if b'"usage"' in ln:
                out["usage_lines"] += 1
                out["usage_bytes"] += len(ln)
            if any(m in ln for m in MARKERS):
                out["marker_lines"] += 1
                out["marker_bytes"] += len(ln)
        blobs.append(b)

    def loads_all():
        for b in blobs:
            for ln in b.split(b"\n"):
                if ln.strip():
                    json.loads(ln.decode("utf-8"))

    def loads_precheck():
        for b in blobs:
            for ln in b.split(b"\n"):
                if b'"usage"' in ln or b'"type":"session"' in ln or b'"model_change"' in ln:
                    json.loads(ln.decode("utf-8"))

    best("json.loads every line (bytes in memory)", loads_all)
    best("json.loads of usage/session/model_change lines only (bytes in memory)", loads_precheck)
    try:
        import orjson
    except ImportError:
        orjson = None
    if orjson:
        def orjson_all():
            for b in blobs:
                for ln in b.split(b"\n"):
                    if ln.strip():
                        orjson.loads(ln)
        def orjson_precheck():
            for b in blobs:
                for ln in b.split(b"\n"):
                    if b'"usage"' in ln or b'"type":"session"' in ln or b'"model_change"' in ln:
                        orjson.loads(ln)
        best("orjson.loads every line (bytes in memory)", orjson_all)
        best("orjson.loads of usage/session/model_change lines only (bytes in memory)", orjson_precheck)
    else:
        t["orjson"] = float("nan")      # not installed in this interpreter: `pip install orjson` to time it
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("state", type=Path)
    ap.add_argument("--data", type=Path, default=BENCH / ".work" / "data-profile")
    args = ap.parse_args(argv)
    print(json.dumps({"profile": profile_cold(args.state, args.data), "census": line_census(args.state)}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
