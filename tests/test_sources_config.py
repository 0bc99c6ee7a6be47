"""OpenClaw's config as we read it: `$include` files are merged as OpenClaw merges them, and an include
outside the config's directory is refused."""

from __future__ import annotations

import json

import pytest

from conftest import write_jsonl_state


def test_config_include_is_resolved(cli, tmp_path):
    state = write_jsonl_state(tmp_path / "s", [{"iso": "2026-11-20T23:30:00.000Z", "ms": 1795217400000}],
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
    (tmp_path / "outside.json5").write_text('{"defaults": {"userTimezone": "Asia/Shanghai"}}')
    state = write_jsonl_state(tmp_path / "s", [{}], config={"agents": {"$include": "../outside.json5"}})
    # A command that needs the config stops with one line naming the refusal ...
    res = cli("--state-dir", state, "--data-dir", tmp_path / "d", "budget", "status")
    assert res.code == 2 and "outside the config directory" in res.err and len(res.err.strip().splitlines()) == 1
    # ... a report (only the ledger is needed) answers, warns once, and applies nothing from outside.
    res = cli("--state-dir", state, "--data-dir", tmp_path / "d", "report")
    assert res.code == 0 and "outside the config directory" in res.err and len(res.err.strip().splitlines()) == 1
    d = cli("--state-dir", state, "--data-dir", tmp_path / "d", "report", "--json").json()
    assert d["data"]["window"]["timeZone"] != "Asia/Shanghai"
    assert any("outside the config directory" in w for w in d["warnings"])


def test_config_syntax_error_does_not_stop_ledger_only_commands(cli, tmp_path):
    """report --json / export / sessions need only the ledger: a broken openclaw.json is a warning naming the
    file (its zone and prices not applied), never a stop; a command that needs the config still stops."""
    state = write_jsonl_state(tmp_path / "s", [{}])
    data = tmp_path / "d"
    assert cli("--state-dir", state, "--data-dir", data, "collect").code == 0
    (state / "openclaw.json").write_text('{ "agents": { "defaults": { "userTimezone": "Asia/Shanghai", } ')
    rep = cli("--state-dir", state, "--data-dir", data, "report", "--json", "--no-collect", "--since", "2026-11-01")
    assert rep.code == 0, rep
    d = rep.json()
    assert d["data"]["totals"]["totalTokens"] == 110
    assert any("openclaw.json" in w and "not applied" in w for w in d["warnings"])
    exp = cli("--state-dir", state, "--data-dir", data, "export", "--no-collect")
    assert exp.code == 0 and len(exp.out.splitlines()) == 1 and "openclaw.json" in exp.err
    assert len(exp.err.strip().splitlines()) == 1
    ses = cli("--state-dir", state, "--data-dir", data, "sessions", "--json", "--no-collect")
    assert ses.code == 0 and ses.json()["data"]["total"] == 1
    res = cli("--state-dir", state, "--data-dir", data, "budget", "status")
    assert res.code == 2 and "openclaw.json" in res.err and len(res.err.strip().splitlines()) == 1
