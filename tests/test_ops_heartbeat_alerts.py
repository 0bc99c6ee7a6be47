"""`collect --heartbeat`: only the quiet token when nothing is due; one alert when a budget crosses
80 %, none on the next run, one more at 100 %; two concurrent runs send one alert; anomalies."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pytest

from conftest import CANARIES, ROOT
from token_monitor.ledger.store import Ledger
from token_monitor.ops import alerts

SHIM = ROOT / "scripts" / "token-monitor.py"
CONTENT_MARKER = "PRIVATE-MESSAGE-CONTENT-9f2c"


class MiniState:
    """A tiny JSONL-era OpenClaw state: one session file we append assistant calls to."""

    def __init__(self, root: Path, version: str = "2026.9.6"):
        self.root = root
        self.dir = root / "agents" / "main" / "sessions"
        self.dir.mkdir(parents=True)
        (root / "openclaw.json").write_text(json.dumps({"meta": {"lastTouchedVersion": version}}))
        self.sid = str(uuid.uuid4())
        self.path = self.dir / f"{self.sid}.jsonl"
        now = dt.datetime.now(dt.timezone.utc)
        self._write({"type": "session", "version": 3, "id": self.sid, "timestamp": _iso(now), "cwd": "/tmp"})
        self.n = 0

    def _write(self, obj) -> None:
        with self.path.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(obj) + "\n")

    def call(self, *, cost: float | None, tokens: int = 1000, provider: str = "anthropic", model: str = "claude-test",
             at: dt.datetime | None = None) -> None:
        at = at or dt.datetime.now(dt.timezone.utc)
        self.n += 1
        self._write({"type": "message", "id": f"u{self.n:07x}", "timestamp": _iso(at),
                     "message": {"role": "user", "content": f"{CONTENT_MARKER} {CANARIES[0]}", "timestamp": _ms(at)}})
        usage = {"input": tokens // 2, "output": tokens - tokens // 2, "cacheRead": 0, "cacheWrite": 0, "totalTokens": tokens}
        if cost is not None:
            usage["cost"] = {"input": cost / 2, "output": cost / 2, "cacheRead": 0, "cacheWrite": 0, "total": cost}
        self._write({"type": "message", "id": f"a{self.n:07x}", "timestamp": _iso(at),
                     "message": {"role": "assistant", "content": [{"type": "text", "text": CONTENT_MARKER}],
                                 "provider": provider, "model": model, "api": "anthropic-messages", "usage": usage,
                                 "stopReason": "stop", "timestamp": _ms(at), "responseId": f"r{self.n}"}})


def _iso(t: dt.datetime) -> str:
    return t.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


def _ms(t: dt.datetime) -> int:
    return int(t.timestamp() * 1000)


@pytest.fixture
def mini(tmp_path):
    s = MiniState(tmp_path / "state")
    s.args = ("--state-dir", str(s.root), "--data-dir", str(tmp_path / "data"))
    return s


def heartbeat(cli, mini, *extra):
    res = cli(*mini.args, "collect", "--heartbeat", "--tz", "UTC", *extra)
    assert res.code == 0, res
    for secret in [CONTENT_MARKER, *CANARIES]:
        assert secret not in res.out and secret not in res.err
    return res.out


def test_quiet_when_nothing_is_due(cli, mini):
    assert heartbeat(cli, mini) == "NO_REPLY\n"
    mini.call(cost=0.10)
    assert heartbeat(cli, mini) == "NO_REPLY\n"
    assert heartbeat(cli, mini) == "NO_REPLY\n"


def test_quiet_token_follows_the_openclaw_version(cli, tmp_path):
    old = MiniState(tmp_path / "old", version="2026.6.11")
    args = ("--state-dir", str(old.root), "--data-dir", str(tmp_path / "d"))
    assert cli(*args, "collect", "--heartbeat").out == "HEARTBEAT_OK\n"
    assert cli(*args, "collect", "--heartbeat", "--quiet-token", "NO_REPLY").out == "NO_REPLY\n"
    assert cli(*args, "collect", "--heartbeat", "--quiet-token", "none").out == ""


def test_budget_alerts_once_at_80_and_once_at_100(cli, mini):
    assert cli(*mini.args, "budget", "set", "daily", "1.00", "--usd").code == 0
    mini.call(cost=0.50)
    assert heartbeat(cli, mini) == "NO_REPLY\n"

    mini.call(cost=0.35)                      # 85 %
    out = heartbeat(cli, mini)
    assert out.startswith("token-monitor: ") and "NO_REPLY" not in out
    assert len(out.strip().splitlines()) == 1 and "85%" in out and "daily" in out and "$0.85 of $1.00" in out
    assert heartbeat(cli, mini) == "NO_REPLY\n"
    mini.call(cost=0.05)                      # 90 %: same threshold, no new alert
    assert heartbeat(cli, mini) == "NO_REPLY\n"

    mini.call(cost=0.20)                      # 110 %
    out = heartbeat(cli, mini)
    assert "is over its limit (110%)" in out and len(out.strip().splitlines()) == 1
    assert heartbeat(cli, mini) == "NO_REPLY\n"
    mini.call(cost=0.50)
    assert heartbeat(cli, mini) == "NO_REPLY\n"

    # budget status reports the crossing with exit code 7
    st = cli(*mini.args, "budget", "status", "--tz", "UTC", "--json")
    assert st.code == 7 and st.json()["data"]["budgets"][0]["percent"] == pytest.approx(160.0)


def test_jump_past_100_sends_one_alert_and_no_late_80(cli, mini):
    assert cli(*mini.args, "budget", "set", "daily", "50k", "--tokens").code == 0
    mini.call(cost=None, tokens=60_000)
    out = heartbeat(cli, mini)
    assert "is over its limit (120%)" in out and out.count("budget") == 1
    assert heartbeat(cli, mini) == "NO_REPLY\n"


def test_raising_a_budget_rearms_it(cli, mini):
    cli(*mini.args, "budget", "set", "daily", "1")
    mini.call(cost=0.9)
    assert "90%" in heartbeat(cli, mini)
    cli(*mini.args, "budget", "set", "daily", "2")
    assert heartbeat(cli, mini) == "NO_REPLY\n"
    mini.call(cost=0.8)
    assert "85%" in heartbeat(cli, mini)


def test_two_concurrent_runs_send_one_alert(cli, mini):
    assert cli(*mini.args, "budget", "set", "daily", "1").code == 0
    mini.call(cost=0.95)
    cmd = [sys.executable, str(SHIM), *mini.args, "collect", "--heartbeat", "--tz", "UTC"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    outs = [p.communicate(timeout=60) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], outs
    stdout = [o for o, _ in outs]
    assert sum("95%" in o for o in stdout) == 1, stdout
    assert sum(o == "NO_REPLY\n" for o in stdout) == 2, stdout


def test_claim_alert_is_won_by_exactly_one_connection(tmp_path):
    Ledger.open(tmp_path).close()
    results, barrier = [], threading.Barrier(8)

    def worker():
        ledger = Ledger.open(tmp_path)
        try:
            barrier.wait()
            results.append(ledger.claim_alert("budget:test", detail="x", at_ms=1))
        finally:
            ledger.close()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [False] * 7 + [True]


def test_quiet_run_is_fast(cli, mini):
    for _ in range(50):
        mini.call(cost=0.001)
    cli(*mini.args, "budget", "set", "monthly", "100")
    heartbeat(cli, mini)
    assert heartbeat(cli, mini) == "NO_REPLY\n"
    # Fast by construction, not by stopwatch: the quiet run read no source and wrote no event.
    ledger = Ledger.open(Path(mini.args[3]))
    try:
        stats = ledger.last_run()["stats"]
    finally:
        ledger.close()
    assert stats["sources_read"] == 0 and stats["new_events"] == 0


def test_a_scheduled_run_prices_calls_only_for_a_money_budget(cli, mini, monkeypatch):
    """Pricing (the price list lookup) is work a heartbeat does every half hour: only a USD budget needs it."""
    from token_monitor import request

    priced, real = [], request.price_table
    monkeypatch.setattr(request, "price_table", lambda *a, **k: priced.append(1) or real(*a, **k))
    mini.call(cost=None, tokens=60_000)
    assert heartbeat(cli, mini) == "NO_REPLY\n" and not priced                   # no budget
    assert cli(*mini.args, "budget", "set", "daily", "50k", "--tokens").code == 0
    assert "is over its limit (120%)" in heartbeat(cli, mini) and not priced       # a token budget
    assert cli(*mini.args, "settings", "set", "currency.CNY", "7.12").code == 0
    assert cli(*mini.args, "budget", "set", "weekly", "100", "--currency", "CNY").code == 0
    heartbeat(cli, mini)
    assert priced                                                                  # a budget in another currency
    priced.clear()
    assert cli(*mini.args, "budget", "remove", "weekly").code == 0
    assert cli(*mini.args, "budget", "set", "daily", "1.00", "--usd").code == 0
    heartbeat(cli, mini)
    assert priced                                                                  # a money budget


def test_provider_that_stopped_reporting_usage_alerts_once(cli, mini):
    now = dt.datetime.now(dt.timezone.utc)
    for d in (3, 2):
        mini.call(cost=0.01, provider="zai", model="glm-4.7", at=now - dt.timedelta(days=d))
    assert heartbeat(cli, mini) == "NO_REPLY\n"
    for m in (30, 20):
        mini.call(cost=None, tokens=0, provider="zai", model="glm-4.7", at=now - dt.timedelta(minutes=m))
    out = heartbeat(cli, mini)
    assert "Provider zai stopped reporting token usage" in out
    assert heartbeat(cli, mini) == "NO_REPLY\n"


def test_daily_spike_alert(cli, mini):
    now = dt.datetime.now(dt.timezone.utc)
    for d in range(1, 11):
        mini.call(cost=None, tokens=10_000, at=now - dt.timedelta(days=d))
    assert heartbeat(cli, mini) == "NO_REPLY\n"
    mini.call(cost=None, tokens=50_000, at=now)
    out = heartbeat(cli, mini)
    assert "usual day" in out and "5.0x" in out
    assert heartbeat(cli, mini) == "NO_REPLY\n"


# ---------------------------------------------------------------- pure detectors

def test_spike_finding():
    assert alerts.spike_finding(31, [10] * 14) == 10
    assert alerts.spike_finding(30, [10] * 14) is None           # exactly 3x is not above
    assert alerts.spike_finding(1000, [0] * 8 + [10] * 6) is None  # too little history


def test_silent_provider_findings():
    assert alerts.silent_provider_findings({"zai": (0, 3), "anthropic": (5, 1)}, {"zai": 4}) == ["zai"]
    assert alerts.silent_provider_findings({"kimi": (0, 3)}, {}) == []       # never reported: diagnose's job
    assert alerts.silent_provider_findings({"zai": (0, 1)}, {"zai": 4}) == []


def test_background_share_finding():
    assert alerts.background_share_finding((40, 100), (10, 100)) == (0.1, 0.4)
    assert alerts.background_share_finding((12, 100), (10, 100)) is None
    assert alerts.background_share_finding((40, 100), (0, 0)) is None
