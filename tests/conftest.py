"""Test isolation: every test gets its own copy of OpenClaw state under tmp_path, TZ pinned,
no network, no real ~/.openclaw. Fixtures are catalogued in tests/fixtures/INDEX.md."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
sys.path.insert(0, str(ROOT / "scripts"))

CORPORA = ["real-2026.2.1", "real-2026.6.11", "real-2026.9.6"]
# Fake credentials OpenClaw wrote into the corpora; no output of ours may ever contain them.
CANARIES = ["sk-CANARY-legacy-7f3a", "sk-test-not-a-secret", "sk-ant-test-not-a-secret"]


def pytest_addoption(parser):
    parser.addoption("--full", action="store_true", help="run the larger torture/benchmark-sized tests")
    parser.addoption("--update-golden", action="store_true", help="rewrite golden output files instead of comparing")


def pytest_collection_modifyitems(config, items):
    if not config.getoption("--full"):
        skip = pytest.mark.skip(reason="larger run: use --full")
        for item in items:
            if "slow" in item.keywords:
                item.add_marker(skip)


@pytest.fixture(autouse=True)
def isolated_env(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    for var in ("OPENCLAW_STATE_DIR", "OPENCLAW_HOME", "OPENCLAW_PROFILE", "OPENCLAW_CONFIG_PATH",
                "TOKEN_MONITOR_DATA_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("TZ", "UTC")
    yield


@pytest.fixture
def update_golden(request) -> bool:
    return bool(request.config.getoption("--update-golden"))


def copy_state(name: str, dest: Path) -> Path:
    """Copy a fixture's `state/` to dest (writable) and return the copy's path."""
    src = FIXTURES / name / "state"
    shutil.copytree(src, dest, symlinks=True)
    for p in [dest, *dest.rglob("*")]:
        if not p.is_symlink():
            p.chmod(p.stat().st_mode | 0o200)
    return dest


@pytest.fixture
def corpus_state(tmp_path):
    def make(name: str) -> Path:
        return copy_state(name, tmp_path / f"state-{name}")
    return make


def load_expected(name: str) -> dict:
    return json.loads((FIXTURES / name / "expected.json").read_text())


class CliResult:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err

    def json(self):
        return json.loads(self.out)

    def __repr__(self):
        return f"CliResult(code={self.code}, out={self.out[:400]!r}, err={self.err[:400]!r})"


def run_cli(*argv: str) -> CliResult:
    """Run token-monitor in-process and capture what a user (or agent) would see."""
    from token_monitor.cli import main

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main([str(a) for a in argv])
        except SystemExit as exc:       # argparse errors
            code = exc.code if isinstance(exc.code, int) else 2
    return CliResult(code, out.getvalue(), err.getvalue())


@pytest.fixture
def cli():
    return run_cli


def tree_digest(root: Path, *, exclude: Path | None = None) -> dict[str, str]:
    """sha256 of every file under root (symlinks by target text), optionally excluding a subtree."""
    out = {}
    for p in sorted(root.rglob("*")):
        if exclude and (p == exclude or exclude in p.parents):
            continue
        if p.is_symlink():
            out[str(p.relative_to(root))] = "link:" + os.readlink(p)
        elif p.is_file():
            out[str(p.relative_to(root))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


JSONL_SID = "0d2c5a9e-1111-4a3b-9c7d-2b1f0e9a7c10"


def write_jsonl_state(root: Path, calls: list[dict], *, config: dict | None = None, extra_files: dict | None = None) -> Path:
    """A JSONL-era state: one session whose assistant rows have the shape OpenClaw 2026.2 writes."""
    sessions = root / "agents" / "main" / "sessions"
    sessions.mkdir(parents=True)
    lines = [{"type": "session", "version": 3, "id": JSONL_SID, "timestamp": "2026-11-20T08:00:00.000Z", "cwd": "/tmp"}]
    for i, c in enumerate(calls):
        usage = {"input": 100, "output": 10, "cacheRead": 0, "cacheWrite": 0, "totalTokens": 110}
        usage.update(c.get("usage", {}))
        msg = {"role": "assistant", "content": [{"type": "text", "text": "x"}], "api": "openai-completions",
               "provider": c.get("provider", "moonshot"), "model": c.get("model", "kimi-k2.5"), "usage": usage,
               "stopReason": "stop", "timestamp": c.get("ms", 1795161600000 + i * 1000)}
        lines.append({"type": "message", "id": f"{i:08x}", "parentId": None,
                      "timestamp": c.get("iso", "2026-11-20T08:00:%02d.000Z" % i), "message": msg})
    (sessions / f"{JSONL_SID}.jsonl").write_text("".join(json.dumps(l) + "\n" for l in lines))
    (root / "openclaw.json").write_text(json.dumps(config or {}))
    for name, text in (extra_files or {}).items():
        (root / name).write_text(text)
    return root

