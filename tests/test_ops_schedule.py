"""`schedule` against a fake `openclaw` (and a fake `crontab`) on PATH that record their arguments:
plan, apply, apply again (no second job), remove — for OpenClaw with cron command payloads (2026.9+),
for older OpenClaw (HEARTBEAT.md block) and with no OpenClaw CLI (crontab)."""

from __future__ import annotations

import json
import os
import shlex
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, write_jsonl_state
from token_monitor.ops import schedule as sched

FAKES = ROOT / "tests" / "fake_openclaw"


def _bin(tmp_path: Path, *names: str) -> Path:
    d = tmp_path / "bin"
    d.mkdir(exist_ok=True)
    for n in names:
        (d / n).symlink_to(FAKES / n)
    return d


@pytest.fixture
def env(tmp_path, monkeypatch):
    """A state dir with a workspace, a data dir, and a PATH without any real openclaw/crontab."""
    state = tmp_path / "state"
    (state / "workspace").mkdir(parents=True)
    (state / "openclaw.json").write_text('{"meta": {"lastTouchedVersion": "2026.9.6"}}')
    log = tmp_path / "openclaw-calls.jsonl"
    monkeypatch.setenv("FAKE_OPENCLAW_LOG", str(log))
    monkeypatch.setenv("FAKE_CRONTAB_FILE", str(tmp_path / "crontab.txt"))

    def use(*names: str, version: str | None = None):
        bindir = _bin(tmp_path, *names)
        monkeypatch.setenv("PATH", os.pathsep.join([str(bindir), str(Path(sys.executable).parent), "/usr/bin", "/bin"]))
        if version:
            monkeypatch.setenv("FAKE_OPENCLAW_VERSION", version)

    class Env:
        pass

    e = Env()
    e.state, e.data, e.log, e.use = state, tmp_path / "data", log, use
    e.jobs = lambda: json.loads((tmp_path / "fake-openclaw-jobs.json").read_text()) if (tmp_path / "fake-openclaw-jobs.json").exists() else []
    e.calls = lambda: [json.loads(l)["argv"] for l in log.read_text().splitlines()] if log.exists() else []
    e.args = ("--state-dir", str(state), "--data-dir", str(tmp_path / "data"))
    return e


def _adds(calls):
    return [c for c in calls if c[:2] == ["cron", "add"] and "--help" not in c]


def test_cron_generation_plan_apply_apply_remove(cli, env):
    env.use("openclaw", version="2026.9.6")

    plan = cli(*env.args, "schedule")
    assert plan.code == 0, plan
    assert "plan only" in plan.out and "openclaw cron add" in plan.out and "--command" in plan.out
    assert _adds(env.calls()) == [] and env.jobs() == []

    first = cli(*env.args, "schedule", "--apply")
    assert first.code == 0, first
    jobs = env.jobs()
    assert len(jobs) == 1
    job = jobs[0]
    assert job["name"] == "token-monitor" and job["declarationKey"] == sched.DECLARATION_KEY
    assert job["schedule"] == {"kind": "every", "everyMs": 30 * 60_000}
    cmd = job["payload"]["argv"][2]
    assert "collect --heartbeat --quiet-token NO_REPLY" in cmd and str(env.state) in cmd
    add = _adds(env.calls())[0]
    assert add[add.index("--every") + 1] == "30m" and "--announce" in add and "--no-deliver" not in add

    again = cli(*env.args, "schedule", "--apply")
    assert again.code == 0 and "already scheduled" in again.out
    assert len(env.jobs()) == 1 and len(_adds(env.calls())) == 1

    hourly = cli(*env.args, "schedule", "--every", "1h", "--apply")
    assert hourly.code == 0, hourly
    assert [j["schedule"]["everyMs"] for j in env.jobs()] == [3_600_000]

    removed = cli(*env.args, "schedule", "--remove")
    assert removed.code == 0 and "removed" in removed.out
    assert env.jobs() == []
    assert any(c[:2] == ["cron", "rm"] for c in env.calls())
    assert "no token-monitor automation job" in cli(*env.args, "schedule", "--remove").out


def test_cron_job_runs_the_collector_quietly(cli, env, corpus_state, tmp_path):
    """The command the job stores really runs: a quiet run prints only NO_REPLY."""
    env.use("openclaw", version="2026.9.6")
    state = corpus_state("real-2026.9.6")
    assert cli("--state-dir", state, "--data-dir", env.data, "schedule", "--apply").code == 0
    argv = env.jobs()[0]["payload"]["argv"]
    res = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    assert res.stdout == "NO_REPLY\n"


def test_cron_no_deliver_option(cli, env):
    env.use("openclaw", version="2026.9.6")
    assert cli(*env.args, "schedule", "--apply", "--deliver", "none").code == 0
    assert "--no-deliver" in _adds(env.calls())[0]
    assert env.jobs()[0]["delivery"]["mode"] == "none"
    # Switching delivery replaces the job; still one.
    assert cli(*env.args, "schedule", "--apply").code == 0
    assert [j["delivery"]["mode"] for j in env.jobs()] == ["announce"]


def test_older_openclaw_gets_one_heartbeat_block(cli, env):
    env.use("openclaw", version="2026.6.11")
    hb = env.state / "workspace" / "HEARTBEAT.md"
    original = "# Heartbeat checklist\n\n- check the inbox\n"
    hb.write_text(original)

    plan = cli(*env.args, "schedule")
    assert plan.code == 0 and "HEARTBEAT.md" in plan.out and "plan only" in plan.out
    assert hb.read_text() == original

    assert cli(*env.args, "schedule", "--apply").code == 0
    text = hb.read_text()
    assert text.startswith(original) and text.count("token-monitor:begin") == 1 and text.count("token-monitor:end") == 1
    assert "collect --heartbeat --quiet-token HEARTBEAT_OK" in text

    again = cli(*env.args, "schedule", "--apply")
    assert again.code == 0 and "already scheduled" in again.out
    assert hb.read_text() == text
    assert _adds(env.calls()) == []          # never tries a command payload on an old OpenClaw

    assert cli(*env.args, "schedule", "--remove").code == 0
    assert hb.read_text() == original


def test_command_payloads_without_declaration_keys_get_the_heartbeat_block(cli, env):
    """Real 2026.6.11 `cron add --help` lists --command and --no-deliver but not --declaration-key
    (tests/fixtures/integration/README.md); the job could not be found again, so no cron job there."""
    env.use("openclaw", version="2026.6.11")
    help_text = subprocess.run(["openclaw", "cron", "add", "--help"], capture_output=True, text=True).stdout
    assert "--command" in help_text and "--declaration-key" not in help_text
    info = sched.detect_openclaw(os.environ)
    assert info.version == (2026, 6, 11) and info.command_payloads is False
    plan = cli(*env.args, "schedule", "--json")
    assert plan.code == 0 and '"heartbeat"' in plan.out
    assert _adds(env.calls()) == []


def test_heartbeat_block_created_and_removed_cleanly(cli, env):
    env.use("openclaw", version="2026.2.1")
    hb = env.state / "workspace" / "HEARTBEAT.md"
    assert cli(*env.args, "schedule", "--apply").code == 0
    assert hb.read_text().count("token-monitor:begin") == 1
    assert cli(*env.args, "schedule", "--apply").code == 0
    assert hb.read_text().count("token-monitor:begin") == 1
    assert cli(*env.args, "schedule", "--remove").code == 0
    assert not hb.exists()


def test_no_openclaw_uses_crontab(cli, env, tmp_path):
    env.use("crontab")
    tab = tmp_path / "crontab.txt"
    tab.write_text("MAILTO=me@example.invalid\n0 3 * * * /usr/bin/backup\n")

    plan = cli(*env.args, "schedule")
    assert plan.code == 0 and "*/30 * * * *" in plan.out and "crontab" in plan.out
    assert cli(*env.args, "schedule", "--apply").code == 0
    assert cli(*env.args, "schedule", "--apply").code == 0
    lines = tab.read_text().splitlines()
    ours = [l for l in lines if l.endswith(sched.CRON_MARKER)]
    assert len(ours) == 1 and "--quiet-token none" in ours[0] and ours[0].startswith("*/30 * * * * ")
    assert cli(*env.args, "schedule", "--every", "2h", "--apply").code == 0
    assert [l.split(" /")[0] for l in tab.read_text().splitlines() if l.endswith(sched.CRON_MARKER)] == ["0 */2 * * *"]
    assert cli(*env.args, "schedule", "--remove").code == 0
    assert tab.read_text() == "MAILTO=me@example.invalid\n0 3 * * * /usr/bin/backup\n"


def test_bad_every_is_one_line(cli, env):
    env.use("openclaw")
    res = cli(*env.args, "schedule", "--every", "often")
    assert res.code == 2 and len(res.err.strip().splitlines()) == 1
    assert cli(*env.args, "schedule", "--every", "1m").code == 2


def test_schedule_json_plan(cli, env):
    env.use("openclaw", version="2026.9.6")
    res = cli(*env.args, "schedule", "--json")
    assert res.code == 0
    data = res.json()["data"]
    assert data["applied"] is False and data["plan"]["method"] == "cron" and data["plan"]["quietToken"] == "NO_REPLY"


# ---------------------------------------------------------------- pure helpers

def test_block_round_trip():
    block = sched.heartbeat_block("python3 x collect --heartbeat", "HEARTBEAT_OK")
    for original in ["", "# list\n", "# list\n\n- a\n", "no newline"]:
        once = sched.with_block(original, block)
        assert sched.with_block(once, block) == once
        assert once.count(sched.BLOCK_END) == 1
        back = sched.without_block(once)
        assert back == original or (original == "no newline" and back == "no newline\n")


def test_cron_expressions_and_intervals():
    assert sched.cron_expression(sched.parse_every("30m")) == "*/30 * * * *"
    assert sched.cron_expression(sched.parse_every("1h")) == "0 * * * *"
    assert sched.cron_expression(sched.parse_every("6h")) == "0 */6 * * *"
    assert sched.cron_expression(sched.parse_every("1d")) == "0 0 * * *"
    assert sched.canonical_every(sched.parse_every("60m")) == "1h"


def test_quiet_token_by_version():
    assert sched.quiet_token_for((2026, 9, 6)) == "NO_REPLY"
    assert sched.quiet_token_for((2026, 6, 11)) == "HEARTBEAT_OK"
    assert sched.quiet_token_for(None) == "NO_REPLY"
    assert sched.parse_version("OpenClaw 2026.9.6 (eb377ac)") == (2026, 9, 6)


def test_collector_command_is_shell_safe(tmp_path):
    weird = tmp_path / "state with 'quote' and $dollar"
    cmd = sched.collector_command(quiet_token="NO_REPLY", state_dir=weird, data_dir=None,
                                  runner=["/usr/bin/python3", "/skills/token-monitor/scripts/token-monitor.py"])
    assert shlex.split(cmd)[-1] == str(weird)


def test_relative_data_dir_is_made_absolute_in_scheduled_commands(cli, tmp_path, monkeypatch):
    write_jsonl_state(tmp_path / "s", [{}])
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", "/nonexistent")          # no openclaw CLI: the crontab plan
    res = cli("--state-dir", "s", "--data-dir", "d", "schedule", "--json")
    assert res.code == 0, res
    text = json.dumps(res.json())
    assert f"--data-dir {shlex.quote(str(tmp_path / 'd'))}" in text or str(tmp_path / "d") in text
    assert " --data-dir d " not in text


def test_heartbeat_block_goes_to_the_workspace_openclaw_uses(cli, env, tmp_path, monkeypatch):
    """One workspace rule for schedule and diagnose (openclaw-storage.md §1.1): $OPENCLAW_WORKSPACE_DIR
    wins over the state dir's workspace, and diagnose then finds the block schedule wrote there."""
    env.use("openclaw", version="2026.6.11")
    ws = tmp_path / "elsewhere"
    ws.mkdir()
    monkeypatch.setenv("OPENCLAW_WORKSPACE_DIR", str(ws))
    assert cli(*env.args, "schedule", "--apply").code == 0
    assert "token-monitor:begin" in (ws / "HEARTBEAT.md").read_text()
    assert not (env.state / "workspace" / "HEARTBEAT.md").exists()
    found = cli(*env.args, "diagnose", "--json", "--check", "schedule").json()["data"]["findings"]
    [f] = [f for f in found if f["code"].startswith("schedule.")]
    assert f["level"] == "ok" and str(ws / "HEARTBEAT.md") in f["finding"], found


def test_every_reads_durations_as_last_does():
    from token_monitor.errors import UsageError

    assert sched.parse_every("90 minutes") == sched.parse_every("90m") == 5400
    with pytest.raises(UsageError, match="--every"):
        sched.parse_every("soon")


def test_heartbeat_file_keeps_its_mode_and_a_new_one_is_private(cli, env):
    env.use("openclaw", version="2026.6.11")
    hb = env.state / "workspace" / "HEARTBEAT.md"
    hb.write_text("# Heartbeat checklist\n")
    hb.chmod(0o640)
    old = os.umask(0o022)
    try:
        assert cli(*env.args, "schedule", "--apply").code == 0
        assert stat.S_IMODE(hb.stat().st_mode) == 0o640          # never loosened (nor changed) by our edit
        hb.unlink()
        assert cli(*env.args, "schedule", "--apply").code == 0
        assert stat.S_IMODE(hb.stat().st_mode) == 0o600
    finally:
        os.umask(old)
