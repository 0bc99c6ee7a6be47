#!/usr/bin/env python3
# /// script
# requires-python = ">=3.11"
# dependencies = [
#   "jsonlines>=3.1",
#   "tabulate>=0.10",
#   "wcwidth>=0.2.13",
#   "python-dateutil>=2.8",
#   "zstandard>=0.21",
#   "json5>=0.9",
#   "prometheus-client>=0.20",
#   "genai-prices==0.2.5",
#   "matplotlib>=3.8",
#   "orjson>=3.9",
# ]
# ///
"""The skill's entry point: `uv run {baseDir}/scripts/token-monitor.py COMMAND` or `python3 … COMMAND`.

Under `uv run`, the PEP 723 block above gives the dependencies (it lists exactly pyproject.toml's
runtime dependencies; a test keeps the two equal). Under a plain `python3` that lacks them — a stock
Debian/Ubuntu/Homebrew Python where PEP 668 forbids installing into the system — this file prepares a
private environment once (uv when it is on PATH, else `python3 -m venv` + pip), then runs itself there.
Everything above `run_token_monitor` is stdlib only, and nothing but the one progress line and a
one-line error ever reaches stdout or stderr: an agent reads this output.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve()
EXIT_SETUP = 2                      # the documented "fix what the one-line error says" code
MARKER = ".token-monitor-env-ready"
# distribution name -> import name, where they differ
IMPORT_NAMES = {"python-dateutil": "dateutil", "prometheus-client": "prometheus_client",
                "genai-prices": "genai_prices"}


def declared_dependencies(text: str) -> list[str]:
    """The `dependencies` of this file's PEP 723 `script` block (the reference regex of PEP 723)."""
    m = re.search(r"(?m)^# /// script\s*$\s(?P<content>(^#(| .*)$\s)+)^# ///$", text)
    if not m:
        return []
    body = "".join(line[2:] if line.startswith("# ") else line[1:]
                   for line in m.group("content").splitlines(keepends=True))
    deps = re.search(r"(?ms)^dependencies\s*=\s*\[(.*?)\]", body)
    return re.findall(r'"([^"]+)"', deps.group(1)) if deps else []


def import_name(requirement: str) -> str:
    dist = re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].strip().lower()
    return IMPORT_NAMES.get(dist, dist.replace("-", "_"))


def missing_modules(deps: list[str]) -> list[str]:
    return [d for d in deps if importlib.util.find_spec(import_name(d)) is None]


def fail(message: str, fix: str) -> int:
    print(f"token-monitor: {message} — fix: {fix}", file=sys.stderr)
    return EXIT_SETUP


def env_dir(deps: list[str]) -> Path:
    """One private environment per interpreter and dependency set, outside the skill folder."""
    override = os.environ.get("TOKEN_MONITOR_ENV_DIR")
    if override:
        return Path(os.path.expanduser(override))
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    key = hashlib.sha256("\n".join([os.path.realpath(sys.executable), *deps]).encode()).hexdigest()[:10]
    return Path(base) / "token-monitor" / f"env-py{sys.version_info[0]}.{sys.version_info[1]}-{key}"


def env_python(env: Path) -> Path:
    return env / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def system_fix() -> str:
    if Path("/etc/debian_version").exists():
        return "sudo apt install python3-venv (or install uv: https://docs.astral.sh/uv/) and rerun"
    return "install uv (https://docs.astral.sh/uv/, e.g. `brew install uv`) and run the command with `uv run`"


def last_line(text: str) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return lines[-1][:200] if lines else "no output"


class SetupFailed(Exception):
    def __init__(self, message: str, fix: str):
        super().__init__(message)
        self.message, self.fix = message, fix


def run_quietly(argv: list[str], what: str, fix: str) -> None:
    try:
        res = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=900)
    except (OSError, subprocess.SubprocessError) as exc:
        raise SetupFailed(f"{what} failed ({exc})", fix) from None
    if res.returncode != 0:
        out = res.stderr + res.stdout
        if "ensurepip" in out or "No module named venv" in out:
            raise SetupFailed(f"{what} failed: this Python has no working venv module", system_fix())
        raise SetupFailed(f"{what} failed: {last_line(out)}", fix)


def build_env(env: Path, deps: list[str]) -> None:
    net_fix = "check the network or proxy (PyPI must be reachable once), or install uv and use `uv run`"
    uv = shutil.which("uv")
    if env.exists():
        shutil.rmtree(env, ignore_errors=True)      # an install that was interrupted: start over
    how = "uv" if uv else "venv + pip"
    print(f"token-monitor: first run: installing its Python dependencies into {env} with {how} (once)",
          file=sys.stderr, flush=True)
    if uv:
        run_quietly([uv, "venv", "--quiet", "--python", sys.executable, str(env)], "uv venv", net_fix)
        run_quietly([uv, "pip", "install", "--quiet", "--python", str(env_python(env)), *deps],
                    "installing dependencies with uv", net_fix)
    else:
        run_quietly([sys.executable, "-m", "venv", str(env)], f"{sys.executable} -m venv", system_fix())
        run_quietly([str(env_python(env)), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                     "--no-input", *deps], "pip install", net_fix)
    (env / MARKER).write_text("\n".join(deps) + "\n", encoding="utf-8")


def ensure_env(deps: list[str]) -> Path:
    """The private environment's python, built once; concurrent first runs wait for one builder."""
    env = env_dir(deps)
    if ready(env):
        return env_python(env)
    env.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    lock_path = env.parent / f".{env.name}.lock"
    with open(lock_path, "a+") as lock:
        try:
            import fcntl

            fcntl.flock(lock, fcntl.LOCK_EX)        # a second agent waits here, then finds the marker
        except ImportError:                         # Windows: no flock; one builder at a time is likely
            pass
        if not ready(env):
            build_env(env, deps)
    return env_python(env)


def ready(env: Path) -> bool:
    """Finished by a builder (marker written last) and not damaged since (its python still there)."""
    return (env / MARKER).is_file() and env_python(env).exists()


def run_token_monitor() -> int:
    sys.path.insert(0, str(SCRIPT.parent))
    from token_monitor.cli import main

    return main()


def bootstrap() -> int:
    if sys.version_info < (3, 11):
        return fail(f"needs Python 3.11 or newer (this is {sys.version.split()[0]})",
                    "install uv (https://docs.astral.sh/uv/) and run the command with `uv run`, or use python3.11+")
    deps = declared_dependencies(SCRIPT.read_text(encoding="utf-8"))
    missing = missing_modules(deps)
    if not missing:
        return run_token_monitor()
    if os.environ.get("TOKEN_MONITOR_BOOTSTRAPPED"):
        env = env_dir(deps)
        return fail(f"dependencies still missing after setup ({', '.join(missing)}) in {env}",
                    f"delete {env} and rerun")
    try:
        python = ensure_env(deps)
    except SetupFailed as exc:
        return fail(exc.message, exc.fix)
    except OSError as exc:
        return fail(f"cannot create the private environment ({exc.strerror}: {exc.filename})",
                    "set TOKEN_MONITOR_ENV_DIR to a writable directory, or install uv and use `uv run`")
    except KeyboardInterrupt:
        return 130
    env = dict(os.environ, TOKEN_MONITOR_BOOTSTRAPPED="1",
               TOKEN_MONITOR_LAUNCHER=os.environ.get("TOKEN_MONITOR_LAUNCHER") or sys.executable)
    argv = [str(python), str(SCRIPT), *sys.argv[1:]]
    try:
        if os.name == "nt":
            return subprocess.run(argv, env=env).returncode
        os.execve(str(python), argv, env)
    except OSError as exc:
        return fail(f"cannot start {python} ({exc.strerror})", f"delete {python.parent.parent} and rerun")
    return 1  # not reached


if __name__ == "__main__":
    sys.exit(bootstrap())
