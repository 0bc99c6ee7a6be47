"""token-monitor runs where users have it: `uv run` on the skill script, a plain python3 with nothing
installed (PEP 668 systems: the script prepares a private environment itself), and a regular
`pip install .` whose scheduled command exists and runs.

The set-up paths need PyPI (or this machine's pip wheel cache) once; when the package index cannot be
reached they skip with the one-line error token-monitor printed, never pass silently.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import pytest

from conftest import ROOT

SCRIPT = ROOT / "scripts" / "token-monitor.py"
NET_FAILURE = ("check the network", "PyPI must be reachable", "Failed to fetch", "dns error", "Could not find a version")


def load_script_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("tm_entry", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_script_block_lists_exactly_the_runtime_dependencies():
    declared = load_script_module().declared_dependencies(SCRIPT.read_text(encoding="utf-8"))
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = [re.sub(r"\s+", "", d) for d in project["dependencies"]]
    assert declared and sorted(declared) == sorted(runtime)


def test_script_block_is_valid_pep723():
    text = SCRIPT.read_text(encoding="utf-8")
    blocks = re.findall(r"(?m)^# /// (?P<type>[a-zA-Z0-9-]+)$\s(?P<content>(^#(| .*)$\s)+)^# ///$", text)
    assert [b[0] for b in blocks] == ["script"]
    body = "".join(l[2:] if l.startswith("# ") else l[1:] for l in blocks[0][1].splitlines(keepends=True))
    meta = tomllib.loads(body)
    assert meta["requires-python"] == ">=3.11" and meta["dependencies"]


def plain_python() -> list[str]:
    """A python3 without our dependencies: Debian's own when present (PEP 668), else the base one with -S."""
    debian = Path("/usr/bin/python3")
    if debian.exists():
        probe = subprocess.run([str(debian), "-c", "import sys, json5"], capture_output=True)
        ok = subprocess.run([str(debian), "-c", "import sys; assert sys.version_info >= (3, 11)"], capture_output=True)
        if probe.returncode != 0 and ok.returncode == 0:
            return [str(debian)]
    return [getattr(sys, "_base_executable", sys.executable), "-S"]


def clean_env(tmp_path: Path, *, path: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("OPENCLAW_", "TOKEN_MONITOR_", "VIRTUAL_ENV", "PYTHON", "UV_", "XDG_"))}
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env.update(HOME=str(home), PATH=path or "/usr/bin:/bin")
    return env


def skip_if_offline(res: subprocess.CompletedProcess) -> None:
    if res.returncode != 0 and any(s in res.stderr for s in NET_FAILURE):
        pytest.skip("package index unreachable here: " + res.stderr.strip().splitlines()[-1])


def test_plain_python3_prepares_a_private_env_once_then_runs(tmp_path):
    env = clean_env(tmp_path)
    cmd = [*plain_python(), str(SCRIPT), "report", "--demo", "always"]
    first = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    skip_if_offline(first)
    assert first.returncode == 0, first.stderr
    assert "demo data" in first.stdout.splitlines()[0]
    note = first.stderr.strip().splitlines()
    assert len(note) == 1 and "first run: installing its Python dependencies into" in note[0]
    assert str(tmp_path / "home" / ".local" / "share" / "token-monitor") in note[0]
    assert "Traceback" not in first.stderr
    again = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0 and again.stderr == "" and again.stdout == first.stdout
    # A damaged environment (its python removed) is rebuilt, not a traceback.
    for py in (tmp_path / "home" / ".local" / "share" / "token-monitor").glob("env-*/bin/python"):
        py.unlink()
    healed = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert healed.returncode == 0 and healed.stdout == first.stdout and "Traceback" not in healed.stderr


def test_two_first_runs_at_once_share_one_intact_env(tmp_path):
    env = clean_env(tmp_path)
    cmd = [*plain_python(), str(SCRIPT), "--version"]
    procs = [subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(p.wait(timeout=600), *p.communicate()) for p in procs]
    for rc, out, err in results:
        skip_if_offline(subprocess.CompletedProcess(cmd, rc, out, err))
        assert rc == 0 and out.startswith("token-monitor "), err
    notes = sum(err.count("first run: installing") for _, _, err in results)
    assert notes == 1, "one builder; the other waited for it"
    envs = list((tmp_path / "home" / ".local" / "share" / "token-monitor").glob("env-*"))
    assert len(envs) == 1 and (envs[0] / ".token-monitor-env-ready").is_file()


def test_no_venv_module_gives_one_line_with_the_fix_and_exit_2(tmp_path):
    # What `python3 -m venv` does on a Debian/Ubuntu without the python3-venv package (venv itself runs
    # ensurepip isolated, so ensurepip cannot be shadowed; the venv entry point is).
    shadow = tmp_path / "shadow"
    (shadow / "venv").mkdir(parents=True)
    (shadow / "venv" / "__init__.py").write_text("")
    (shadow / "venv" / "__main__.py").write_text(
        "raise SystemExit('The virtual environment was not created successfully because ensurepip is not\\n'\n"
        "                 'available.  On Debian/Ubuntu systems, you need to install the python3-venv package')\n")
    env = clean_env(tmp_path) | {"PYTHONPATH": str(shadow)}          # PATH has no uv
    res = subprocess.run([*plain_python(), str(SCRIPT), "report"], env=env, capture_output=True, text=True, timeout=300)
    assert res.returncode == 2 and res.stdout == ""
    lines = res.stderr.strip().splitlines()
    assert lines[-1].startswith("token-monitor: ") and "fix:" in lines[-1]
    assert ("python3-venv" in lines[-1]) or ("uv" in lines[-1])
    assert "Traceback" not in res.stderr and len(lines) <= 2


def uv_binary() -> str | None:
    here = Path(sys.executable).parent / "uv"
    return str(here) if here.exists() else shutil.which("uv")


@pytest.mark.skipif(uv_binary() is None, reason="uv is not installed (pip install uv, or the test extras)")
def test_uv_run_on_the_skill_script_works_in_a_fresh_home(tmp_path):
    uvbin = tmp_path / "uvbin"
    uvbin.mkdir()
    (uvbin / "uv").symlink_to(uv_binary())
    env = clean_env(tmp_path, path=f"/usr/bin:/bin:{uvbin}")
    env["UV_NATIVE_TLS"] = "1"          # this machine's network reaches PyPI only through the system store
    res = subprocess.run(["uv", "run", str(SCRIPT), "report", "--demo", "always"], env=env, capture_output=True,
                         text=True, timeout=600)
    skip_if_offline(res)
    assert res.returncode == 0, res.stderr
    assert "demo data" in res.stdout.splitlines()[0] and "Traceback" not in res.stderr


def test_installed_wheel_runs_demo_and_its_planned_schedule_command(tmp_path):
    target = tmp_path / "venv"
    venv.create(target, with_pip=True)
    py = target / "bin" / "python"
    inst = subprocess.run([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(ROOT)],
                          capture_output=True, text=True, timeout=600, cwd=tmp_path)
    if inst.returncode != 0 and ("Could not find" in inst.stderr or "connection" in inst.stderr.lower()):
        pytest.skip("package index unreachable: " + inst.stderr.strip().splitlines()[-1])
    assert inst.returncode == 0, inst.stderr
    env = clean_env(tmp_path)
    tm = str(target / "bin" / "token-monitor")
    demo = subprocess.run([tm, "report", "--demo", "always"], env=env, capture_output=True, text=True, cwd=tmp_path)
    assert demo.returncode == 0 and "demo data" in demo.stdout, demo.stderr
    state = tmp_path / "state"
    shutil.copytree(ROOT / "tests" / "fixtures" / "real-2026.9.6" / "state", state)
    plan = subprocess.run([tm, "--state-dir", str(state), "schedule", "--method", "crontab", "--json"],
                          env=env, capture_output=True, text=True, cwd=tmp_path)
    assert plan.returncode == 0, plan.stderr
    import json

    command = json.loads(plan.stdout)["data"]["plan"]["command"]
    argv = shlex.split(command)
    assert argv[0] == tm, "the installed entry point, not a script path inside site-packages"
    ran = subprocess.run(argv, env=env, capture_output=True, text=True, cwd="/")
    assert ran.returncode == 0, ran.stderr


def test_scheduled_command_is_how_token_monitor_was_started(tmp_path):
    from token_monitor.launcher import missing_program, self_command

    script = tmp_path / "skill" / "scripts" / "token-monitor.py"
    script.parent.mkdir(parents=True)
    script.write_text("")
    uv = tmp_path / "bin" / "uv"
    uv.parent.mkdir()
    uv.write_text("")
    # `uv run` on the skill script: uv itself sets $UV for the program it runs.
    assert self_command(env={"UV": str(uv)}, argv0=str(script), executable="/x/python") == [str(uv), "run", "--quiet", str(script)]
    # a plain python3 that bootstrapped a private env: the base python3, which rebuilds the env if needed
    assert self_command(env={"TOKEN_MONITOR_LAUNCHER": "/usr/bin/python3"}, argv0=str(script),
                        executable="/env/bin/python") == ["/usr/bin/python3", str(script)]
    # an installed entry point (pip/pipx/uv tool): that program, not a script inside site-packages
    entry = tmp_path / "venv" / "bin" / "token-monitor"
    entry.parent.mkdir(parents=True)
    entry.write_text("")
    assert self_command(env={}, argv0=str(entry), executable="/venv/bin/python") == [str(entry)]
    assert self_command(env={"PATH": ""}, argv0="/site-packages/token_monitor/__main__.py", executable="/p") == ["/p", "-m", "token_monitor"]
    assert missing_program(f"{uv} run --quiet {script} collect") is None
    assert missing_program(f"{uv} run --quiet {tmp_path}/moved/scripts/token-monitor.py collect").endswith("moved/scripts/token-monitor.py")
    assert missing_program(f"{tmp_path}/gone/bin/token-monitor collect") == f"{tmp_path}/gone/bin/token-monitor"
