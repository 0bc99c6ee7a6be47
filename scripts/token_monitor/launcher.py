"""How to run this token-monitor again from another process (a cron job, a heartbeat, a fix line).

A scheduled command must name something that exists after this process is gone, however
token-monitor was started:
  * the skill's script under `uv run` → `<uv> run --quiet <script>` (uv rebuilds its cached env itself);
  * the skill's script under a python3 that bootstrapped a private env → that base python3 and the
    script (the script re-creates the env if it was removed);
  * the script under any other python that has the dependencies (a venv, a checkout) → that python;
  * an installed entry point (`pip install .`, `uv tool install .`, `pipx install .`) → that program;
  * `python -m token_monitor` → the same interpreter with `-m token_monitor`.
Never a path computed from this module's location that may not exist (a wheel has no script).
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path
from typing import Mapping, Sequence

SCRIPT_NAME = "token-monitor.py"


def self_command(*, env: Mapping[str, str], argv0: str | None = None, executable: str | None = None) -> list[str]:
    argv0 = sys.argv[0] if argv0 is None else argv0
    executable = executable or sys.executable
    path = Path(os.path.abspath(argv0)) if argv0 else None
    if path is not None and path.name == SCRIPT_NAME and path.is_file():
        uv = env.get("UV")
        if uv and os.path.isfile(uv):
            return [uv, "run", "--quiet", str(path)]
        return [env.get("TOKEN_MONITOR_LAUNCHER") or executable, str(path)]
    if path is not None and path.name == "__main__.py":
        return [executable, "-m", "token_monitor"]
    if path is not None and path.is_file() and path.name.startswith("token-monitor"):
        return [str(path)]
    found = shutil.which("token-monitor", path=env.get("PATH"))
    return [found] if found else [executable, "-m", "token_monitor"]


def command_line(prefix: Sequence[str], *args: str) -> str:
    return shlex.join([*prefix, *args])


def missing_program(command: str) -> str | None:
    """The program or script a recorded command runs that no longer exists (None when all exist).

    Only the leading program and, for a python or `uv run`, its script are checked; nothing of the
    command is returned but that path (a command can carry secrets after it).
    """
    try:
        argv = shlex.split(command)
    except ValueError:
        return None
    argv = [os.path.expanduser(a) for a in argv]
    if not argv:
        return None
    if os.path.isabs(argv[0]) and not os.path.exists(argv[0]):
        return argv[0]
    rest = argv[1:]
    if rest[:1] == ["run"]:
        rest = [a for a in rest[1:] if not a.startswith("-")]
    script = rest[0] if rest and rest[0].endswith(SCRIPT_NAME) else None
    if script and os.path.isabs(script) and not os.path.exists(script):
        return script
    return None
