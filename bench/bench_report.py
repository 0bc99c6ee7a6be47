"""Benchmark: `token-monitor report` over a ledger of 1M events, beside a plain full scan.

    python3 bench/bench_report.py [--events 1000000] [--days 180] [--keep DIR]

Builds a synthetic ledger (5 agents, 2,000 sessions, 8 models over 4 providers, a mix of recorded,
missing and provider-billed costs, spread over --days days), then times in-process `report`
runs (best of 3, wall clock, `--no-collect`) and a plain full scan (`Ledger.iter_events`, what a
report without SQL aggregation would have to read). Target: every report <= 300 ms.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from token_monitor.cli import main as cli_main
from token_monitor.ledger.schema import EVENT_COLUMNS
from token_monitor.ledger.store import Ledger

MODELS = [("anthropic", "claude-sonnet-4-6"), ("anthropic", "claude-haiku-4-5"), ("openai", "gpt-5.1"),
          ("openai", "gpt-5-mini"), ("moonshot", "kimi-k2.5"), ("zai", "glm-4.7"), ("zai", "glm-4.5-air"),
          ("openrouter", "mystery-model")]
PRICES = {"anthropic": [{"id": "claude-sonnet-4-6", "cost": {"input": 3, "output": 15, "cacheRead": 0.3, "cacheWrite": 3.75}},
                        {"id": "claude-haiku-4-5", "cost": {"input": 1, "output": 5, "cacheRead": 0.1, "cacheWrite": 1.25}}],
          "openai": [{"id": "gpt-5.1", "cost": {"input": 1.25, "output": 10, "cacheRead": 0.125, "cacheWrite": 0}}],
          "zai": [{"id": "glm-4.7", "cost": {"input": 0.6, "output": 2.2, "cacheRead": 0.11, "cacheWrite": 0}}]}
END_MS = 1_796_083_200_000          # 2026-12-01T00:00Z


def build_ledger(data_dir: Path, *, events: int, days: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    ledger = Ledger.open(data_dir)
    start = END_MS - days * 86_400_000
    step = (END_MS - start) / events
    sessions = [(f"agent{i % 5}", f"{i:08x}-0000-4000-8000-{i:012x}") for i in range(2000)]
    keys = ["agent:{a}:main", "agent:{a}:telegram:group:{i}", "agent:{a}:cron:job{i}", "agent:{a}:subagent:{i}", "hook:{i}"]
    with ledger.transaction():
        ledger.conn.executemany(
            "INSERT INTO sessions (agent, session_id, session_key, channel, label) VALUES (?, ?, ?, ?, ?)",
            [(a, s, keys[i % 5].format(a=a, i=i), ["telegram", "whatsapp", None][i % 3], None) for i, (a, s) in enumerate(sessions)])
    cols = ", ".join(EVENT_COLUMNS)
    sql = f"INSERT INTO events ({cols}) VALUES ({', '.join('?' * len(EVENT_COLUMNS))})"
    batch = []
    for n in range(events):
        agent, sid = sessions[rng.randrange(len(sessions))]
        provider, model = MODELS[rng.randrange(len(MODELS))]
        inp, out, cr, cw = rng.randrange(200, 20000), rng.randrange(10, 2000), rng.randrange(0, 30000), rng.randrange(0, 500)
        tot = inp + out + cr + cw
        r = rng.random()
        cost, origin = (tot * 1e-6, "recorded") if r < 0.6 else ((tot * 2e-6, "provider-billed") if r < 0.7 else (None, None))
        status = "ok" if r < 0.98 else "error"
        if status != "ok":
            inp = out = cr = cw = tot = 0
        ts = int(start + n * step)
        batch.append((f"k{n}", agent, sid, provider, model, "api", ts, inp, out, cr, cw, tot, cost, None, None, None, None,
                      origin, "stop", status, "heartbeat" if r > 0.95 else None, None, None, "sqlite", "bench", str(n),
                      f"{ts:015d}:0:{sid}", "", END_MS))
        if len(batch) == 20000:
            with ledger.transaction():
                ledger.conn.executemany(sql, batch)
            batch.clear()
    if batch:
        with ledger.transaction():
            ledger.conn.executemany(sql, batch)
    ledger.conn.execute("ANALYZE")
    ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ledger.close()


def time_cli(argv: list[str], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        out = io.StringIO()
        t0 = time.perf_counter()
        with contextlib.redirect_stdout(out):
            code = cli_main(argv)
        best = min(best, time.perf_counter() - t0)
        if code != 0:
            raise SystemExit(f"report failed ({code}): {argv}")
    return best


def time_full_scan(data_dir: Path) -> float:
    t0 = time.perf_counter()
    ledger = Ledger.open(data_dir, create=False)
    total = 0
    for e in ledger.iter_events():
        total += e["total_tokens"]
    ledger.close()
    return time.perf_counter() - t0


CASES = [[], ["week"], ["month"], ["month", "--by", "day"], ["week", "--by", "agent,model"], ["month", "--by", "trigger"],
         ["week", "--by", "session", "--json"], ["--last", "24h", "--by", "hour"], ["--last", "90d", "--by", "provider"]]
# Before the schema-3 block rollups (same machine, bench/RESULTS.md "report over 1M events"), kept for the table.
BEFORE_MS = {"today": 57, "week": 75, "month": 668, "month --by day": 734, "week --by agent,model": 80,
             "month --by trigger": 848, "week --by session --json": 117, "--last 24h --by hour": 32,
             "--last 90d --by provider": 2074, "full scan": 4429}


def case_name(case: list[str]) -> str:
    return " ".join(case) or "today"


def prepare(root: Path, *, events: int = 1_000_000, days: int = 180, log=print) -> tuple[Path, Path, float | None]:
    """(state, data, build seconds or None when reused): the synthetic ledger under root."""
    state, data = root / "state", root / "data"
    state.mkdir(parents=True, exist_ok=True)
    (state / "openclaw.json").write_text(json.dumps({"models": {"providers": {p: {"models": m} for p, m in PRICES.items()}}}))
    built = None
    if not (data / "ledger.sqlite").exists():
        t0 = time.perf_counter()
        build_ledger(data, events=events, days=days)
        built = time.perf_counter() - t0
        log(f"built ledger: {events:,} events over {days} days in {built:.1f}s")
    return state, data, built


def run_cases(state: Path, data: Path, *, repeat: int = 3, log=print) -> dict[str, float]:
    """Seconds (best of `repeat`) per case name, plus "full scan" (one plain `Ledger.iter_events` pass)."""
    base = ["--state-dir", str(state), "--data-dir", str(data), "report", "--no-collect", "--now", "2026-11-30T18:00Z", "--tz", "Europe/Berlin"]
    out = {"full scan": time_full_scan(data)}
    log(f"plain full scan (Ledger.iter_events): {out['full scan'] * 1000:.0f} ms")
    for case in CASES:
        t = time_cli(base + case, repeat)
        out[case_name(case)] = t
        log(f"report {case_name(case):32s} {t * 1000:7.1f} ms   ratio {t / out['full scan']:6.3f} of full scan")
    return out


def table(results: dict[str, float]) -> list[str]:
    """The RESULTS.md table: case, before ms (pre-schema-3, kept), after ms (this run)."""
    lines = ["| case | before ms | after ms |", "| --- | --- | --- |"]
    for name, t in results.items():
        if name == "full scan":
            continue
        lines.append(f"| {name} | {BEFORE_MS.get(name, float('nan')):,} | {t * 1000:.1f} |")
    lines.append(f"| plain full scan (`Ledger.iter_events`) | {BEFORE_MS['full scan']:,} | {results['full scan'] * 1000:,.0f} |")
    return lines


def worst_case(results: dict[str, float]) -> float:
    return max(t for name, t in results.items() if name != "full scan")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--days", type=int, default=180)
    ap.add_argument("--keep", metavar="DIR", help="build (or reuse) the ledger in DIR instead of a temp dir")
    args = ap.parse_args()
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="tm-bench-"))
    state, data, _ = prepare(root, events=args.events, days=args.days)
    results = run_cases(state, data)
    worst = worst_case(results)
    print(f"worst report: {worst * 1000:.0f} ms ({'OK' if worst <= 0.3 else 'OVER'} the 300 ms target)")
    print("\n".join(table(results)))
    if not args.keep:
        shutil.rmtree(root, ignore_errors=True)
    return 0 if worst <= 0.3 else 1


if __name__ == "__main__":
    sys.exit(main())
