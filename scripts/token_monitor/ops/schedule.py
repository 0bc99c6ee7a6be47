"""Periodic collection without model cost: pick the mechanism the installed OpenClaw offers.

  * OpenClaw with cron command payloads and declaration keys (2026.9+; detected from
    `openclaw cron add --help`, which must list every flag in CRON_ADD_FLAGS; 2026.6.11 lists
    --command but not --declaration-key, so it counts as older):
    one `openclaw cron add --command …` job that runs `collect --heartbeat` with no model turn.
    Found again by its declaration key / name, so applying twice never makes a second job.
  * Older OpenClaw: a marked block in the workspace `HEARTBEAT.md` telling the heartbeat turn to
    run the collector (this costs a heartbeat turn; OpenClaw had nothing cheaper then).
  * No `openclaw` on PATH: a crontab line, marked so it is found and replaced, never duplicated.

Plans are values (`Plan`); only `apply_plan` runs programs or writes files. The quiet token a
heartbeat run prints depends on the generation: `NO_REPLY` (2026.9+, and the only silent token
for command payloads), `HEARTBEAT_OK` before.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shlex
import shutil
import stat
import subprocess
from pathlib import Path
from typing import Mapping, Sequence

from .. import files
from ..errors import ExitCode, TokenMonitorError, UsageError
from ..report.periods import parse_duration

JOB_NAME = "token-monitor"
DECLARATION_KEY = "token-monitor:collect"
CRON_MARKER = "# token-monitor:collect"
BLOCK_BEGIN = "<!-- token-monitor:begin (managed by `token-monitor schedule`; remove with `token-monitor schedule --remove`) -->"
BLOCK_END = "<!-- token-monitor:end -->"
COMMAND_PAYLOAD_MIN = (2026, 9, 0)
QUIET_TOKENS = ("NO_REPLY", "HEARTBEAT_OK", "none")
TIMEOUT_S = 60
# `openclaw cron add` flags the job needs (as listed by 2026.9.6's `cron add --help`)
CRON_ADD_FLAGS = ("--command", "--declaration-key", "--no-deliver", "--announce")


class ScheduleError(TokenMonitorError, exit_code=ExitCode.USAGE, code="schedule.failed"):
    """OpenClaw's cron CLI or crontab could not be run or failed (or --method needs what this machine lacks)."""


@dataclasses.dataclass(frozen=True)
class OpenClawInfo:
    path: str
    version: tuple[int, int, int] | None
    command_payloads: bool

    @property
    def version_text(self) -> str:
        return ".".join(map(str, self.version)) if self.version else "unknown version"


@dataclasses.dataclass
class Plan:
    method: str                       # "cron" | "heartbeat" | "crontab"
    action: str                       # "install" | "remove"
    every: str
    command: str                      # the collector command line that will run
    summary: list[str]                # human lines describing what will happen
    quiet_token: str
    openclaw: OpenClawInfo | None = None
    heartbeat_file: Path | None = None
    cron_line: str | None = None
    add_argv: list[str] | None = None

    def as_dict(self) -> dict:
        return {
            "method": self.method, "action": self.action, "every": self.every, "command": self.command,
            "quietToken": self.quiet_token, "summary": self.summary,
            "openclaw": {"path": self.openclaw.path, "version": self.openclaw.version_text,
                         "commandPayloads": self.openclaw.command_payloads} if self.openclaw else None,
            "heartbeatFile": str(self.heartbeat_file) if self.heartbeat_file else None,
            "cronLine": self.cron_line, "openclawArgv": self.add_argv,
        }


# ---------------------------------------------------------------- versions and tokens

def parse_version(text: str | None) -> tuple[int, int, int] | None:
    m = re.search(r"(20\d\d)\.(\d{1,2})\.(\d{1,3})", text or "")
    return (int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def quiet_token_for(version: tuple[int, int, int] | None) -> str:
    """What OpenClaw treats as "nothing to say": NO_REPLY from 2026.9 (and when unknown), else HEARTBEAT_OK."""
    if version is not None and version < COMMAND_PAYLOAD_MIN:
        return "HEARTBEAT_OK"
    return "NO_REPLY"


def parse_every(value: str) -> int:
    """Seconds in an interval such as 30m, 1h, 2h, 1d (between 5 minutes and 1 day)."""
    seconds = int(parse_duration(value, option="--every").total_seconds())
    if not 300 <= seconds <= 86400:
        raise UsageError(f"--every {value} is out of range", hint="collect between every 5m and every 1d")
    return seconds


def cron_expression(seconds: int) -> str:
    minutes = seconds // 60
    if minutes < 60:
        if 60 % minutes:
            raise UsageError(f"crontab cannot run every {minutes}m exactly", hint="use a divisor of 60: 5m, 10m, 15m, 20m, 30m")
        return f"*/{minutes} * * * *"
    hours = minutes // 60
    if minutes % 60 or (hours < 24 and 24 % hours):
        raise UsageError(f"crontab cannot run every {minutes}m exactly", hint="use 1h, 2h, 3h, 4h, 6h, 8h, 12h or 1d")
    return "0 0 * * *" if hours >= 24 else ("0 * * * *" if hours == 1 else f"0 */{hours} * * *")


def canonical_every(seconds: int) -> str:
    if seconds % 86400 == 0:
        return f"{seconds // 86400}d"
    if seconds % 3600 == 0:
        return f"{seconds // 3600}h"
    return f"{seconds // 60}m"


# ---------------------------------------------------------------- detection

def _run(argv: Sequence[str], env: Mapping[str, str], *, input: str | None = None) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(list(argv), env=dict(env), input=input, capture_output=True, text=True, timeout=TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ScheduleError(f"could not run {Path(argv[0]).name}: {exc}") from None


def detect_openclaw(env: Mapping[str, str]) -> OpenClawInfo | None:
    path = shutil.which("openclaw", path=env.get("PATH"))
    if not path:
        return None
    ver = _run([path, "--version"], env)
    version = parse_version(ver.stdout + ver.stderr)
    helptext = _run([path, "cron", "add", "--help"], env)
    # Every flag the job is created with must be there: 2026.6.11 already lists --command (and
    # --no-deliver) but not --declaration-key, so it gets the HEARTBEAT.md block instead.
    has_command = helptext.returncode == 0 and all(
        re.search(rf"^\s*{re.escape(flag)}\b", helptext.stdout, re.M) for flag in CRON_ADD_FLAGS)
    return OpenClawInfo(path, version, has_command)


# ---------------------------------------------------------------- planning

def collector_command(*, quiet_token: str, state_dir: Path, data_dir: Path | None, runner: Sequence[str]) -> str:
    """`runner` is how this token-monitor runs from another process (`launcher.self_command`)."""
    argv = [*runner, "collect", "--heartbeat", "--quiet-token", quiet_token, "--state-dir", str(state_dir)]
    if data_dir is not None:
        argv += ["--data-dir", str(data_dir)]
    return shlex.join(argv)


def make_plan(*, action: str, every_s: int, method: str | None, openclaw: OpenClawInfo | None,
              state_dir: Path, data_dir: Path | None, workspace: Path, deliver: str, runner: Sequence[str]) -> Plan:
    if method is None:
        method = "crontab" if openclaw is None else ("cron" if openclaw.command_payloads else "heartbeat")
    if method in ("cron", "heartbeat") and openclaw is None:
        raise ScheduleError(f"--method {method} needs the openclaw CLI on PATH", hint="install OpenClaw or use --method crontab")
    if method == "cron" and not openclaw.command_payloads:
        raise ScheduleError(f"OpenClaw {openclaw.version_text} has no cron command payloads with declaration keys",
                            hint="upgrade to 2026.9 or later, or use --method heartbeat")
    every = canonical_every(every_s)
    if method == "cron":
        token = "NO_REPLY"
    elif method == "heartbeat":
        # This generation was recognised by lacking command payloads; an unknown version is an old one.
        token = "NO_REPLY" if openclaw.version and openclaw.version >= COMMAND_PAYLOAD_MIN else "HEARTBEAT_OK"
    else:
        token = "none"
    cmd = collector_command(quiet_token=token, state_dir=state_dir, data_dir=data_dir, runner=runner)
    plan = Plan(method, action, every, cmd, [], token, openclaw)
    oc = f"OpenClaw {openclaw.version_text}" if openclaw else "no openclaw CLI on PATH"
    if method == "cron":
        plan.add_argv = [openclaw.path, "cron", "add", "--name", JOB_NAME, "--declaration-key", DECLARATION_KEY,
                         "--description", "token-monitor: collect usage, alert on budgets (no model call)",
                         "--every", every, "--command", cmd, "--timeout-seconds", "300"]
        plan.add_argv += ["--announce", "--best-effort-deliver"] if deliver == "announce" else ["--no-deliver"]
        if action == "install":
            plan.summary = [
                f"{oc}: an automation job with a command payload (no model call, no tokens) every {every}.",
                "It runs the collector; a quiet run prints NO_REPLY, which OpenClaw never posts."
                + (" Budget and anomaly alerts are announced to your last chat." if deliver == "announce"
                   else " Output is never delivered (--deliver none): read alerts with `budget status`."),
                "command: " + shlex.join(["openclaw"] + plan.add_argv[1:]),
            ]
        else:
            plan.summary = [f"{oc}: remove the automation job named {JOB_NAME} (declaration key {DECLARATION_KEY})."]
    elif method == "heartbeat":
        plan.heartbeat_file = workspace / "HEARTBEAT.md"
        if action == "install":
            plan.summary = [
                f"{oc}: no cron command payloads with declaration keys (2026.9+), so the heartbeat runs the collector.",
                f"Adds a marked block to {plan.heartbeat_file} (once; re-applying replaces it).",
                "Each heartbeat is an agent turn and costs tokens; its interval is OpenClaw's "
                "agents.defaults.heartbeat.every (default 30m), not --every.",
                "command: " + cmd,
            ]
        else:
            plan.summary = [f"{oc}: remove the token-monitor block from {plan.heartbeat_file}."]
    elif method == "crontab":
        plan.cron_line = f"{cron_expression(every_s)} {cmd} {CRON_MARKER}"
        if action == "install":
            plan.summary = [
                f"{oc}: a line in your user crontab (once; re-applying replaces it).",
                "Quiet runs print nothing; alerts go to cron's mail (MAILTO).",
                "line: " + plan.cron_line,
            ]
        else:
            plan.summary = ["Remove the token-monitor line from your user crontab."]
    else:
        raise UsageError(f"unknown --method {method!r}", hint="use cron, heartbeat or crontab")
    return plan


# ---------------------------------------------------------------- heartbeat block (pure text edits)

def heartbeat_block(command: str, token: str) -> str:
    return "\n".join([
        BLOCK_BEGIN,
        "## token-monitor: usage collection",
        f"On every heartbeat, run this with the exec tool: `{command}`",
        f"If it prints only {token}, it has nothing to report: treat it as nothing needing attention.",
        "Otherwise it printed one alert paragraph: send that paragraph to the user as it is.",
        BLOCK_END,
    ])


_BLOCK_RE = re.compile(re.escape("<!-- token-monitor:begin") + r".*?" + re.escape(BLOCK_END) + r"\n?", re.S)


def without_block(text: str) -> str:
    """`text` with every token-monitor block and the blank line we put before it removed."""
    while True:
        m = _BLOCK_RE.search(text)
        if not m:
            return text
        before, after = text[: m.start()], text[m.end():]
        if before.endswith("\n\n"):
            before = before[:-1]
        text = before + after


def with_block(text: str, block: str) -> str:
    """`text` with exactly one token-monitor block, equal to `block`, at the end."""
    base = without_block(text)
    if not base.strip():
        return block + "\n"
    return base + ("" if base.endswith("\n") else "\n") + "\n" + block + "\n"


def _write_atomic(path: Path, text: str) -> None:
    """Replace the user's HEARTBEAT.md atomically, keeping its mode (the new copy is never looser
    than the old one; a new file is private)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else None
    with files.atomic_private(path) as fh:
        fh.write(text)
    if mode is not None:
        os.chmod(path, mode)


# ---------------------------------------------------------------- crontab (pure text edits)

def with_cron_line(text: str, line: str) -> str:
    return "\n".join(without_cron_line(text).splitlines() + [line]) + "\n"


def without_cron_line(text: str) -> str:
    kept = [ln for ln in text.splitlines() if not ln.rstrip().endswith(CRON_MARKER)]
    return ("\n".join(kept) + "\n") if kept else ""


# ---------------------------------------------------------------- OpenClaw cron jobs

def _jobs(openclaw: OpenClawInfo, env: Mapping[str, str]) -> list[dict]:
    res = _run([openclaw.path, "cron", "list", "--all", "--json"], env)
    if res.returncode != 0:
        first = (res.stderr or res.stdout).strip().splitlines()[:1]
        raise ScheduleError("openclaw cron list failed" + (f": {first[0][:200]}" if first else ""),
                            hint="is the Gateway running? (openclaw gateway status)")
    try:
        data = json.loads(res.stdout)
    except ValueError:
        raise ScheduleError("openclaw cron list --json did not print JSON", hint="check the installed OpenClaw") from None
    jobs = data.get("jobs") if isinstance(data, dict) else data
    return [j for j in jobs or [] if isinstance(j, dict)]


def _ours(job: dict) -> bool:
    return job.get("declarationKey") == DECLARATION_KEY or job.get("name") == JOB_NAME


def _matches(job: dict, plan: Plan, every_s: int) -> bool:
    payload, sched = job.get("payload") or {}, job.get("schedule") or {}
    delivery = job.get("delivery") or {}
    want_mode = "none" if "--no-deliver" in (plan.add_argv or []) else "announce"
    mode = delivery.get("mode")
    return (job.get("declarationKey") == DECLARATION_KEY and job.get("name") == JOB_NAME
            and payload.get("kind") == "command" and payload.get("argv") == ["sh", "-lc", plan.command]
            and sched.get("kind") == "every" and sched.get("everyMs") == every_s * 1000
            and (mode is None or mode == want_mode))


def _rm(openclaw: OpenClawInfo, job_id: str, env: Mapping[str, str]) -> None:
    res = _run([openclaw.path, "cron", "rm", job_id], env)
    if res.returncode != 0:
        first = (res.stderr or res.stdout).strip().splitlines()[:1]
        raise ScheduleError(f"openclaw cron rm {job_id} failed" + (f": {first[0][:200]}" if first else ""))


# ---------------------------------------------------------------- apply

def apply_plan(plan: Plan, *, every_s: int, env: Mapping[str, str]) -> list[str]:
    """Perform the plan idempotently; returns what was done, one line each."""
    if plan.method == "cron":
        jobs = [j for j in _jobs(plan.openclaw, env) if _ours(j)]
        if plan.action == "remove":
            for j in jobs:
                _rm(plan.openclaw, str(j.get("id")), env)
            return [f"removed automation job {j.get('id')}" for j in jobs] or ["no token-monitor automation job to remove"]
        keep = next((j for j in jobs if _matches(j, plan, every_s)), None)
        done = []
        for j in jobs:
            if j is not keep:
                _rm(plan.openclaw, str(j.get("id")), env)
                done.append(f"removed outdated automation job {j.get('id')}")
        if keep is not None:
            return done + [f"already scheduled: automation job {keep.get('id')} every {plan.every}"]
        res = _run(plan.add_argv, env)
        if res.returncode != 0:
            first = (res.stderr or res.stdout).strip().splitlines()[:1]
            raise ScheduleError("openclaw cron add failed" + (f": {first[0][:200]}" if first else ""),
                                hint="command payloads need operator.admin and a running Gateway")
        job_id = None
        try:
            out = json.loads(res.stdout)
            job_id = (out.get("job") or out).get("id") if isinstance(out, dict) else None
        except ValueError:
            pass
        return done + [f"scheduled automation job {job_id or JOB_NAME} every {plan.every}"]

    if plan.method == "heartbeat":
        path = plan.heartbeat_file
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        if plan.action == "remove":
            new = without_block(old)
            if new == old:
                return [f"no token-monitor block in {path}"]
            if new.strip():
                _write_atomic(path, new)
            else:
                path.unlink()
            return [f"removed the token-monitor block from {path}"]
        new = with_block(old, heartbeat_block(plan.command, plan.quiet_token))
        if new == old:
            return [f"already scheduled: block present in {path}"]
        _write_atomic(path, new)
        return [f"{'updated' if BLOCK_END in old else 'added'} the token-monitor block in {path}"]

    crontab = shutil.which("crontab", path=env.get("PATH"))
    if not crontab:
        raise ScheduleError("no crontab command on PATH", hint="add the printed line with your scheduler of choice")
    res = _run([crontab, "-l"], env)
    old = res.stdout if res.returncode == 0 else ""
    new = without_cron_line(old) if plan.action == "remove" else with_cron_line(old, plan.cron_line)
    if new == old:
        return ["no token-monitor crontab line to remove" if plan.action == "remove" else "already scheduled: crontab line present"]
    res = _run([crontab, "-"], env, input=new)
    if res.returncode != 0:
        first = (res.stderr or res.stdout).strip().splitlines()[:1]
        raise ScheduleError("crontab update failed" + (f": {first[0][:200]}" if first else ""))
    return ["removed the token-monitor crontab line" if plan.action == "remove" else "installed the token-monitor crontab line"]
