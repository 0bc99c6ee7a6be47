"""The bundled demo, shipped as text, is the same real OpenClaw state as before and covers both eras.

The demo must survive ClawHub's text-only filter and a wheel, so it is packed as SQL scripts and
transcripts (tools/pack_demo_state.py) and rebuilt into the user's cache on first `--demo` use.
"""

from __future__ import annotations

import collections
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from conftest import ROOT

EXPECTED = json.loads((ROOT / "tests" / "fixtures" / "demo-expected.json").read_text(encoding="utf-8"))


def run_demo(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENCLAW_", "TOKEN_MONITOR_", "XDG_"))}
    env.update(HOME=str(tmp_path / "home"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "token-monitor.py"), "--demo", "always", *args],
                          env=env, capture_output=True, text=True, timeout=120)


def test_demo_from_text_has_every_call_of_the_real_state_from_both_eras(tmp_path):
    res = run_demo(tmp_path, "export", "--format", "jsonl")
    assert res.returncode == 0, res.stderr
    kinds, totals = collections.Counter(), collections.defaultdict(lambda: {"calls": 0, "totalTokens": 0})
    for line in res.stdout.splitlines():
        d = json.loads(line)
        kinds[d["sourceKind"]] += 1
        key = f'{d["agent"]}|{d["provider"]}|{d["model"]}'
        totals[key]["calls"] += 1
        totals[key]["totalTokens"] += d["totalTokens"] or 0
    assert dict(kinds) == EXPECTED["bySourceKind"]
    assert kinds["sqlite"] and kinds["live"] and kinds["deleted"], "SQLite era and JSONL era both present"
    assert dict(totals) == EXPECTED["byAgentProviderModel"]


def test_materialised_demo_is_real_sqlite_and_zstd_and_repacks_identically(tmp_path):
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import pack_demo_state
    finally:
        sys.path.remove(str(ROOT / "tools"))
    from token_monitor import demo

    state = demo.materialise_demo(tmp_path / "cache")
    dbs = list(state.glob("agents/*/agent/openclaw-agent.sqlite"))
    assert len(dbs) == 2 and all(p.read_bytes()[:16] == b"SQLite format 3\x00" for p in dbs)
    assert any(p.read_bytes()[:4] == b"\x28\xb5\x2f\xfd" for p in state.glob("agents/*/sessions/*.zst"))
    again = tmp_path / "again.json"
    pack_demo_state.pack(state, again)
    assert again.read_bytes() == (ROOT / "scripts" / "token_monitor" / "demo_state.json").read_bytes()


def test_concurrent_first_demo_runs_build_one_copy(tmp_path):
    from token_monitor import demo

    results, errors = [], []

    def build():
        try:
            results.append(demo.materialise_demo(tmp_path / "cache"))
        except Exception as exc:      # the assertion below reports it
            errors.append(exc)

    threads = [threading.Thread(target=build) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(set(results)) == 1
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [results[0].name], "no temporary copy left behind"


def test_demo_report_says_demo_and_leaves_the_package_untouched(tmp_path):
    before = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "scripts").rglob("*") if "__pycache__" not in p.parts)
    res = run_demo(tmp_path, "report", "--no-collect")
    res = run_demo(tmp_path, "report")
    assert res.returncode == 0 and "demo data" in res.stdout.splitlines()[0]
    after = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "scripts").rglob("*") if "__pycache__" not in p.parts)
    assert before == after
