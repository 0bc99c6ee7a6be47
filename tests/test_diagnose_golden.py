"""Golden diagnose output (text and JSON) for a healthy state and for every problem at once,
compared exactly after replacing tmp paths and this machine's versions. Regenerate with
`pytest tests/test_diagnose_golden.py --update-golden` and review the diff: it is what users see."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from conftest import ROOT
from test_diagnose import FIXED_NOW_MS, everything_state, healthy_state, set_run_time

GOLDEN = ROOT / "tests" / "golden" / "diagnose"


def normalize(text: str, state: Path, data: Path) -> str:
    from token_monitor.launcher import command_line, self_command

    runner = command_line(self_command(env=os.environ))      # how this test process would be rerun
    for real, token in sorted([(str(state), "<state>"), (str(data), "<data>"), (runner, "<token-monitor>")],
                              key=lambda t: -len(t[0])):
        text = text.replace(real, token)
    text = re.sub(r"SQLite \d+\.\d+\.\d+, Python \d+\.\d+\.\d+", "SQLite <v>, Python <v>", text)
    return re.sub(r"zstandard \d+[\w.]*", "zstandard <v>", text)


def check(name: str, text: str, update: bool) -> None:
    path = GOLDEN / name
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        return
    assert path.exists(), f"missing golden {path}: run pytest --update-golden"
    assert text == path.read_text(), f"{name} differs from golden (pytest --update-golden to accept)"


@pytest.fixture
def frozen(monkeypatch):
    from token_monitor.context import Context

    monkeypatch.setattr(Context, "now_ms", lambda self: FIXED_NOW_MS)


@pytest.mark.parametrize("name", ["healthy", "everything"])
def test_golden(cli, corpus_state, tmp_path, frozen, update_golden, name):
    if name == "healthy":
        state, data = healthy_state(cli, corpus_state, tmp_path)
        set_run_time(data, FIXED_NOW_MS - 7 * 60_000)
    else:
        state, data = everything_state(cli, corpus_state, tmp_path)
    text = cli("--state-dir", state, "--data-dir", data, "diagnose")
    js = cli("--state-dir", state, "--data-dir", data, "diagnose", "--json")
    assert text.code == js.code == (0 if name == "healthy" else 6)
    assert len(text.out.splitlines()) <= 25
    check(f"{name}.txt", normalize(text.out, state, data), update_golden)
    data_json = json.loads(normalize(js.out, state, data))
    check(f"{name}.json", json.dumps(data_json, indent=2, ensure_ascii=False) + "\n", update_golden)
