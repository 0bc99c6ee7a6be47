"""What `clawhub skill publish` would upload from a clean clone is a working skill on its own.

The file set comes from tools/clawhub_publish_set.py, a port of the real clawhub CLI's filter that
tests/test_clawhub_filter.py holds equal to the real package's decisions (0.23.3 and the text-only
0.20.0). From that set alone, with an empty HOME: the skill's run line answers `report today` on a copy
of a real OpenClaw state and `report --demo always` shows the demo of both storage eras.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

LIMIT_BYTES = 50 * 1024 * 1024


@pytest.fixture(scope="module")
def clean_clone(tmp_path_factory) -> Path:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: no clean clone to publish from")
    dest = tmp_path_factory.mktemp("clone") / "token-monitor"
    res = subprocess.run(["git", "clone", "-q", "--no-hardlinks", str(ROOT), str(dest)], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    return dest


@pytest.fixture(scope="module", params=["0.23.3", "0.20.0"])
def published(request, clean_clone, tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp(f"published-{request.param}") / "token-monitor-ledger"
    res = subprocess.run([sys.executable, str(ROOT / "tools" / "clawhub_publish_set.py"), str(clean_clone),
                          "--cli", request.param, "--copy", str(dest)], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    return dest


def files_of(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_published_set_is_the_skill_without_test_material(published):
    files = files_of(published)
    for needed in ("SKILL.md", "README.md", "LICENSE", "pyproject.toml", "scripts/token-monitor.py",
                   "scripts/token_monitor/cli.py", "scripts/token_monitor/demo_state.json"):
        assert needed in files, needed
    assert not [f for f in files if f.startswith(("tests/", "bench/", "tools/", "examples/"))]
    packed = json.loads((published / "scripts/token_monitor/demo_state.json").read_text())
    assert {e["kind"] for e in packed["files"]} == {"sqlite", "zstd", "text"}, "the demo survives the filter whole"
    assert sum((published / f).stat().st_size for f in files) < LIMIT_BYTES / 10


def run_skill(published: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENCLAW_", "TOKEN_MONITOR_", "XDG_"))}
    env["HOME"] = str(tmp_path / "home")
    return subprocess.run([sys.executable, str(published / "scripts" / "token-monitor.py"), *args],
                          env=env, capture_output=True, text=True, timeout=300, cwd=tmp_path)


def test_published_skill_reports_today_on_a_real_state(published, tmp_path):
    state = tmp_path / "state"
    shutil.copytree(ROOT / "tests" / "fixtures" / "real-2026.9.6" / "state", state)
    res = run_skill(published, tmp_path, "--state-dir", str(state), "report", "today", "--now", "2026-11-28T23:00:00Z")
    assert res.returncode == 0, res.stderr
    assert res.stdout.splitlines()[0].startswith("Today")
    assert "tokens" in res.stdout


def test_published_skill_shows_the_demo_of_both_eras(published, tmp_path):
    res = run_skill(published, tmp_path, "--demo", "always", "export", "--format", "jsonl")
    assert res.returncode == 0, res.stderr
    kinds = {json.loads(line)["sourceKind"] for line in res.stdout.splitlines()}
    assert "sqlite" in kinds and {"live", "deleted"} <= kinds
    report = run_skill(published, tmp_path, "--demo", "always", "report")
    assert report.returncode == 0 and "demo data" in report.stdout.splitlines()[0]
