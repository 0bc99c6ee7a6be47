"""The package passes the ruff configuration in pyproject.toml (pyflakes, pycodestyle, import order, and
no print() outside cli.py and commands/), so `pytest` alone enforces it."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

RUFF = [sys.executable, "-m", "ruff"]     # installed by the test extras


def test_ruff_finds_nothing_in_scripts():
    res = subprocess.run([*RUFF, "check", "--no-cache", "scripts"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stdout + res.stderr


def test_print_is_reserved_for_the_shell(tmp_path):
    """The print rule is on: a print() in a library module is an error, in a command it is not."""
    for rel, bad in (("scripts/token_monitor/report/x.py", True), ("scripts/token_monitor/commands/x.py", False)):
        res = subprocess.run([*RUFF, "check", "--no-cache", "--stdin-filename", rel, "-"], cwd=ROOT, input='print("x")\n',
                             capture_output=True, text=True, timeout=60)
        assert (res.returncode != 0 and "T201" in res.stdout) == bad, res.stdout
