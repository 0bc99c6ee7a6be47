"""Defects found in review, each pinned by a test that failed before its fix."""

from __future__ import annotations

import datetime as dt
import json
import shlex
from pathlib import Path

import pytest

from token_monitor.report.timeparse import parse_point

SID = "0d2c5a9e-1111-4a3b-9c7d-2b1f0e9a7c10"


def jsonl_state(root: Path, calls: list[dict], *, config: dict | None = None, extra_files: dict | None = None) -> Path:
    """A JSONL-era state: one session whose assistant rows have the shape OpenClaw 2026.2 writes."""
    sessions = root / "agents" / "main" / "sessions"
    sessions.mkdir(parents=True)
    lines = [{"type": "session", "version": 3, "id": SID, "timestamp": "2026-11-20T08:00:00.000Z", "cwd": "/tmp"}]
    for i, c in enumerate(calls):
        usage = {"input": 100, "output": 10, "cacheRead": 0, "cacheWrite": 0, "totalTokens": 110}
        usage.update(c.get("usage", {}))
        msg = {"role": "assistant", "content": [{"type": "text", "text": "x"}], "api": "openai-completions",
               "provider": c.get("provider", "moonshot"), "model": c.get("model", "kimi-k2.5"), "usage": usage,
               "stopReason": "stop", "timestamp": c.get("ms", 1795161600000 + i * 1000)}
        lines.append({"type": "message", "id": f"{i:08x}", "parentId": None,
                      "timestamp": c.get("iso", "2026-11-20T08:00:%02d.000Z" % i), "message": msg})
    (sessions / f"{SID}.jsonl").write_text("".join(json.dumps(l) + "\n" for l in lines))
    (root / "openclaw.json").write_text(json.dumps(config or {}))
    for name, text in (extra_files or {}).items():
        (root / name).write_text(text)
    return root


def test_diagnose_survives_calls_without_any_cost_object(cli, tmp_path):
    state = jsonl_state(tmp_path / "s", [{"usage": {}}, {"model": "kimi-ä"}])
    # The rows above carry no cost object at all: diagnose must not crash on NULL sums.
    res = cli("--state-dir", state, "--data-dir", tmp_path / "d", "collect")
    assert res.code == 0, res
    res = cli("--state-dir", state, "--data-dir", tmp_path / "d", "diagnose", "--json")
    assert res.code in (0, 6), res
    codes = {f["code"]: f["level"] for f in res.json()["data"]["findings"]}
    assert codes.get("cost.unpriced") == "warn"


@pytest.mark.parametrize("bad_ms", [1795161600000 * 10**6, 1795161600, -5])
def test_message_timestamp_in_another_unit_falls_back_to_the_entry_time(cli, tmp_path, bad_ms):
    state = jsonl_state(tmp_path / "s", [{"ms": bad_ms, "iso": "2026-11-20T08:00:00.000Z"}])
    data = tmp_path / "d"
    out = cli("--state-dir", state, "--data-dir", data, "export")
    assert out.code == 0, out
    assert json.loads(out.out)["timestamp"] == "2026-11-20T08:00:00.000Z"
    for argv in (["sessions", "--no-collect"], ["session", SID, "--no-collect"], ["diagnose"]):
        res = cli("--state-dir", state, "--data-dir", data, *argv)
        assert res.code in (0, 6), (argv, res)


def test_absurd_token_counts_are_malformed_not_fatal(cli, tmp_path):
    state = jsonl_state(tmp_path / "s", [{"usage": {"input": 5 * 10**18, "totalTokens": 5 * 10**18}},
                                         {"usage": {"input": 2**70, "totalTokens": 2**70}},
                                         {}])
    data = tmp_path / "d"
    res = cli("--state-dir", state, "--data-dir", data, "collect", "--json")
    assert res.code == 5, res
    d = res.json()["data"]
    assert d["new_events"] == 1 and d["malformed"] == 2
    rep = cli("--state-dir", state, "--data-dir", data, "report", "--no-collect", "--since", "2026-11-20",
              "--until", "2026-11-21", "--tz", "UTC", "--json")
    assert rep.code == 0 and rep.json()["data"]["totals"]["totalTokens"] == 110


def test_budget_model_scope_accepts_provider_slash_model(cli, tmp_path):
    now_ms = int(dt.datetime.now(dt.timezone.utc).timestamp() * 1000)
    state = jsonl_state(tmp_path / "s", [{"ms": now_ms, "iso": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                                          "usage": {"cost": {"input": 0.5, "output": 0.5, "cacheRead": 0, "cacheWrite": 0, "total": 1.0}}}])
    args = ("--state-dir", state, "--data-dir", tmp_path / "d")
    for model in ("moonshot/kimi-k2.5", "kimi-k2.5", "Moonshot/Kimi-K2.5"):
        assert cli(*args, "budget", "set", "monthly", "2", "--model", model).code == 0
    status = cli(*args, "budget", "status", "--json").json()["data"]
    used = [b["used"] for b in status["budgets"]]
    assert used and all(u == pytest.approx(1.0) for u in used), status


@pytest.mark.parametrize("text,expected", [
    ("Nov 26", dt.datetime(2026, 11, 26)), ("monday", dt.datetime(2026, 11, 23)), ("Dec 5", dt.datetime(2025, 12, 5)),
    ("yesterday", dt.datetime(2026, 11, 27)), ("today", dt.datetime(2026, 11, 28)), ("2026-11-01", dt.datetime(2026, 11, 1)),
])
def test_natural_dates_without_year_mean_the_most_recent_one(text, expected):
    now = dt.datetime(2026, 11, 28, 15, 0, tzinfo=dt.timezone.utc)     # a Saturday
    got = parse_point(text, tz=dt.timezone.utc, option="--since", now=now)
    assert got == expected.replace(tzinfo=dt.timezone.utc)


def test_config_include_is_resolved(cli, tmp_path):
    state = jsonl_state(tmp_path / "s", [{"iso": "2026-11-20T23:30:00.000Z", "ms": 1795217400000}],
                        config={"agents": {"$include": "./agents.json5"},
                                "models": {"$include": "./models.json5"}},
                        extra_files={"agents.json5": "{defaults: {userTimezone: 'Asia/Shanghai'}, // comment\n}",
                                     "models.json5": json.dumps({"providers": {"moonshot": {"models": [
                                         {"id": "kimi-k2.5", "cost": {"input": 1000, "output": 0, "cacheRead": 0, "cacheWrite": 0}}]}}})})
    rep = cli("--state-dir", state, "--data-dir", tmp_path / "d", "report", "--since", "2026-11-21", "--until", "2026-11-22",
              "--json").json()["data"]
    assert rep["window"]["timeZone"] == "Asia/Shanghai" and rep["totals"]["totalTokens"] == 110
    assert rep["totals"]["cost"] == pytest.approx(0.1)          # 100 input tokens at $1000/M, estimated


def test_config_include_outside_the_config_dir_is_refused(cli, tmp_path):
    (tmp_path / "outside.json5").write_text("{}")
    state = jsonl_state(tmp_path / "s", [{}], config={"agents": {"$include": "../outside.json5"}})
    res = cli("--state-dir", state, "--data-dir", tmp_path / "d", "report")
    assert res.code == 2 and "outside the config directory" in res.err and len(res.err.strip().splitlines()) == 1


def test_export_cost_columns_reconcile_with_the_report(cli, tmp_path):
    state = jsonl_state(tmp_path / "s", [
        {"model": "priced", "usage": {"cost": {"input": 0, "output": 0, "cacheRead": 0, "cacheWrite": 0, "total": 0}}},
        {"model": "nopriced", "usage": {"cost": {"input": 0, "output": 0, "cacheRead": 0, "cacheWrite": 0, "total": 0}}},
    ], config={"models": {"providers": {"moonshot": {"models": [{"id": "priced", "cost": {"input": 10, "output": 0}}]}}}})
    rows = {json.loads(l)["model"]: json.loads(l) for l in cli("--state-dir", state, "--data-dir", tmp_path / "d", "export").out.splitlines()}
    assert rows["priced"]["costBasis"] == "estimated" and rows["priced"]["costUsd"] == pytest.approx(0.001)
    assert rows["nopriced"]["costBasis"] == "unpriced" and rows["nopriced"]["costUsd"] is None
    assert rows["nopriced"]["cost"] == 0.0          # what OpenClaw recorded stays visible, untouched


def test_bad_config_timezone_is_a_finding_not_a_usage_error(cli, tmp_path):
    state = jsonl_state(tmp_path / "s", [{}], config={"agents": {"defaults": {"userTimezone": "Europe/Berln"}}})
    cli("--state-dir", state, "--data-dir", tmp_path / "d", "collect")
    res = cli("--state-dir", state, "--data-dir", tmp_path / "d", "diagnose", "--json")
    assert res.code in (0, 6), res
    f = {x["code"]: x for x in res.json()["data"]["findings"]}["config.timezone"]
    assert f["level"] == "warn" and "Europe/Berln" in f["finding"]


def test_relative_data_dir_is_made_absolute_in_scheduled_commands(cli, tmp_path, monkeypatch):
    jsonl_state(tmp_path / "s", [{}])
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", "/nonexistent")          # no openclaw CLI: the crontab plan
    res = cli("--state-dir", "s", "--data-dir", "d", "schedule", "--json")
    assert res.code == 0, res
    text = json.dumps(res.json())
    assert f"--data-dir {shlex.quote(str(tmp_path / 'd'))}" in text or str(tmp_path / "d") in text
    assert " --data-dir d " not in text


@pytest.mark.parametrize("span", ["2d", "20d", "60d", "400d", "3650d"])
@pytest.mark.parametrize("fmt", [["--format", "text"], ["--format", "markdown"], ["--json"]])
def test_long_periods_render_in_every_format(cli, corpus_state, tmp_path, span, fmt):
    """The sparkline folds days into weeks, months or years; markdown used to crash past ~57 weeks."""
    state = corpus_state("real-2026.9.6")
    res = cli("--state-dir", state, "--data-dir", tmp_path / "d", "report", "--last", span, "--now", "2026-11-29",
              "--tz", "UTC", *fmt)
    assert res.code == 0, res
    if fmt[-1] == "text":
        lines = res.out.splitlines()
        assert len(lines) <= 20 and all(len(l) <= 64 for l in lines)
        assert "peak 28 Nov" in res.out          # the peak survives any folding
    if span == "3650d" and fmt[-1] != "--json":
        assert "2016" in res.out                 # a decade-long window names its years
