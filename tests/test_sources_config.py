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
    (tmp_path / "outside.json5").write_text("{}")
    state = write_jsonl_state(tmp_path / "s", [{}], config={"agents": {"$include": "../outside.json5"}})
    res = cli("--state-dir", state, "--data-dir", tmp_path / "d", "report")
    assert res.code == 2 and "outside the config directory" in res.err and len(res.err.strip().splitlines()) == 1
