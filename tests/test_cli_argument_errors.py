"""Every command answers a bad argument the same way: exit 2, one line on stderr naming the command and
its --help, and with --json the error envelope on stdout — budget's subcommands included."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("argv, where", [
    (["report", "--bogus"], ""),
    (["sessions", "--limit", "many"], "sessions: "),
    (["budget", "set", "daily"], "budget set: "),
    (["budget", "set", "daily", "5", "--bogus"], ""),
    (["budget", "frobnicate"], "budget: "),
    (["export", "--format", "xml"], "export: "),
])
def test_argument_errors_have_one_shape(cli, tmp_path, argv, where):
    base = ["--state-dir", tmp_path / "state", "--data-dir", tmp_path / "data"]
    res = cli(*base, *argv)
    assert res.code == 2 and res.out == ""
    [line] = res.err.strip().splitlines()
    assert line.startswith(f"token-monitor: {where}") and f"(see: token-monitor {argv[0]} --help)" in line
    envelope = cli(*base, *argv, "--json").json()
    assert envelope["status"] == "error" and envelope["command"] == argv[0]
    assert envelope["errors"][0]["code"] == "usage" and envelope["errors"][0]["message"] in line
    assert not (tmp_path / "data").exists()
