"""The README's two set-up commands are the ones that work, and .ci/run runs the second verbatim."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import ROOT


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text()
    return [b.strip() for b in re.findall(r"```bash\n(.*?)```", text, re.S)]


def test_exactly_two_setup_commands_and_ci_runs_the_test_one():
    cmds = readme_commands()
    assert len(cmds) == 2 and all("\n" not in c for c in cmds)
    main, tests = cmds
    # No install step the user must get right: the script prepares its own environment (PEP 668 safe).
    assert main.startswith("python3 scripts/token-monitor.py ") and "report" in main and "pip install" not in main
    assert tests.startswith("python3 -m venv .venv && ") and "pytest" in tests
    ci = (ROOT / ".ci" / "run").read_text()
    assert tests in ci.splitlines()


def test_main_job_runs_on_bundled_demo_without_openclaw(tmp_path):
    main = readme_commands()[0]
    job = main.split()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENCLAW_", "TOKEN_MONITOR_"))}
    env.update(HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path / "cache"))
    res = subprocess.run([sys.executable, *job[1:]], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert "demo data" in lines[0]
    assert len(lines) <= 20 and max(len(l) for l in lines) <= 64
    assert re.search(r"\d[\d.]*K? tokens", res.stdout)
    # The demo's ledger lives in the user's cache, never inside the repository.
    assert (tmp_path / "cache" / "token-monitor" / "demo" / "ledger.sqlite").exists()
    assert not list((ROOT / "scripts").rglob("ledger.sqlite"))
