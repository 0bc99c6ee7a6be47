"""Benchmark: `token-monitor diagnose` on a state with 10k transcript files.

Builds a JSONL-era state (default 10,000 files across 4 agents, one assistant call each),
collects it once, touches 1% of the files, then times diagnose (text and --json). diagnose must
not re-read transcripts: it stats them against their cursors. Target: under a second.

    python3 bench/bench_diagnose.py [--files N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from token_monitor.cli import main


def build(state: Path, files: int, agents: int = 4) -> None:
    state.mkdir(parents=True, exist_ok=True)
    (state / "openclaw.json").write_text(json.dumps({"models": {"providers": {"zai": {"apiKey": "bench-not-a-secret",
        "models": [{"id": "glm-4.7", "cost": {"input": 0.6, "output": 2.2, "cacheRead": 0.11, "cacheWrite": 0}}]}}}}))
    t0 = 1_770_000_000_000
    for i in range(files):
        agent = f"agent{i % agents}"
        sessions = state / "agents" / agent / "sessions"
        sessions.mkdir(parents=True, exist_ok=True)
        sid = str(uuid.UUID(int=i))
        ts = t0 + i * 60_000
        iso = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ts / 1000)) + ".000Z"
        lines = [
            {"type": "session", "version": 3, "id": sid, "timestamp": iso},
            {"type": "message", "id": f"u{i}", "timestamp": iso, "message": {"role": "user", "content": "hi", "timestamp": ts}},
            {"type": "message", "id": f"a{i}", "timestamp": iso, "message": {
                "role": "assistant", "content": [], "provider": "zai", "model": "glm-4.7", "api": "openai-completions",
                "usage": {"input": 100, "output": 20, "cacheRead": 0, "cacheWrite": 0, "totalTokens": 120,
                          "cost": {"input": 0.00006, "output": 0.000044, "cacheRead": 0, "cacheWrite": 0, "total": 0.000104}},
                "stopReason": "stop", "timestamp": ts + 70}},
        ]
        (sessions / f"{sid}.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines))


def timed(argv: list[str]) -> tuple[float, int, str]:
    out = io.StringIO()
    t0 = time.perf_counter()
    with contextlib.redirect_stdout(out):
        code = main(argv)
    return time.perf_counter() - t0, code, out.getvalue()


def run(files: int, keep: str | None) -> None:
    root = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="tm-bench-diagnose-"))
    state, data = root / "state", root / "data"
    try:
        if not state.exists():
            t = time.perf_counter()
            build(state, files)
            print(f"built {files} transcript files in {time.perf_counter() - t:.1f}s")
        secs, code, _ = timed(["--state-dir", str(state), "--data-dir", str(data), "collect", "--quiet"])
        print(f"collect (first or catch-up): {secs:.2f}s, exit {code}")
        for p in sorted((state / "agents").glob("*/sessions/*.jsonl"))[:: 100]:
            with open(p, "a") as fh:
                fh.write('{"type":"custom","id":"later"}\n')
        for argv in (["diagnose"], ["diagnose", "--json"], ["diagnose", "--check", "sources.pending"]):
            best = min(timed(["--state-dir", str(state), "--data-dir", str(data), *argv])[0] for _ in range(3))
            secs, code, out = timed(["--state-dir", str(state), "--data-dir", str(data), *argv])
            pending = next((ln for ln in out.splitlines() if "sources.pending" in ln), "")[:110]
            print(f"{' '.join(argv):<36} best of 3: {best:.3f}s  (exit {code})  {pending}")
    finally:
        if not keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=10_000)
    ap.add_argument("--keep", metavar="DIR", help="build into / reuse DIR instead of a temp dir")
    a = ap.parse_args()
    run(a.files, a.keep)
