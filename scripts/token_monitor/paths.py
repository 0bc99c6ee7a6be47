"""Where things live: OpenClaw's state dir, its config, and our data dir.

Paths and environment variables are resolved here, once. Resolution follows OpenClaw's own
rules (`src/config/state-dir.ts`, `src/cli/profile-utils.ts`): `OPENCLAW_STATE_DIR` wins,
`--profile NAME` means `~/.openclaw-NAME`, `OPENCLAW_HOME` replaces `$HOME`, and the legacy
`~/.clawdbot` is used only when `~/.openclaw` does not exist. Every miss is remembered so a
"not found" error can list each place tried and the variable that overrides it.
"""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path
from typing import Mapping

from .errors import StateNotFoundError, UsageError

PROFILE_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$", re.IGNORECASE)


@dataclasses.dataclass(frozen=True)
class StateLocation:
    path: Path
    how: str                      # "--state-dir", "OPENCLAW_STATE_DIR", "--profile", "default", "legacy", "demo"
    tried: tuple[str, ...] = ()

    @property
    def is_demo(self) -> bool:
        return self.how == "demo"


def home_dir(env: Mapping[str, str]) -> Path:
    for var in ("OPENCLAW_HOME", "HOME", "USERPROFILE"):
        value = env.get(var)
        if value:
            return Path(os.path.expanduser(value))
    return Path.home()


def _expand(value: str, env: Mapping[str, str]) -> Path:
    if value.startswith("~"):
        value = str(home_dir(env)) + value[1:]
    return Path(value)


def resolve_state_dir(
    *, state_dir: str | None, profile: str | None, env: Mapping[str, str], demo: str = "never"
) -> StateLocation:
    """Find OpenClaw's state dir. `demo` is "never", "auto" (fall back to the bundled demo) or "always"."""
    home = home_dir(env)
    if demo == "always":
        return StateLocation(_demo_state(env, home), "demo")
    tried: list[str] = []

    def found(path: Path, how: str) -> StateLocation | None:
        # Absolute, so cursors recorded from one working directory match from another.
        path = Path(os.path.abspath(path))
        if path.is_dir():
            return StateLocation(path, how, tuple(tried))
        tried.append(f"{path} ({how})")
        return None

    if state_dir:
        loc = found(_expand(state_dir, env), "--state-dir")
        if loc:
            return loc
        if _expand(state_dir, env).exists():
            raise StateNotFoundError(f"--state-dir {state_dir} is a file, not a directory",
                                     hint="pass the directory that holds openclaw.json and agents/")
        raise StateNotFoundError(
            f"OpenClaw state dir not found: {state_dir}",
            hint="check the --state-dir path",
        )
    profile = profile or env.get("OPENCLAW_PROFILE") or None
    if profile:
        if not PROFILE_RE.match(profile):
            raise UsageError(f"invalid --profile {profile!r}", hint="use letters, digits, '_' or '-'")
        path = home / ".openclaw" if profile.lower() == "default" else home / f".openclaw-{profile}"
        loc = found(path, "--profile")
        if loc:
            return loc
    elif env.get("OPENCLAW_STATE_DIR"):
        loc = found(_expand(env["OPENCLAW_STATE_DIR"], env), "OPENCLAW_STATE_DIR")
        if loc:
            return loc
    else:
        loc = found(home / ".openclaw", "default") or found(home / ".clawdbot", "legacy")
        if loc:
            return loc
    if demo == "auto" and _demo().demo_available():
        return StateLocation(_demo_state(env, home), "demo", tuple(tried))
    raise StateNotFoundError(
        "OpenClaw state dir not found; tried: " + "; ".join(tried),
        hint="pass --state-dir DIR, set OPENCLAW_STATE_DIR or OPENCLAW_HOME, or use --profile NAME",
    )


def _demo():
    """demo.py, imported when the demo is asked for (it pulls shutil, tempfile, importlib.resources)."""
    from . import demo

    return demo


def _demo_state(env: Mapping[str, str], home: Path) -> Path:
    """The bundled demo, materialised once into the user's cache (it ships as text; see demo.py)."""
    demo_mod = _demo()
    try:
        return demo_mod.materialise_demo(demo_mod.cache_root(env, home))
    except OSError as exc:
        raise StateNotFoundError(f"cannot prepare the demo state in {demo_mod.cache_root(env, home)} ({exc.strerror})",
                                 hint="set XDG_CACHE_HOME to a writable directory") from None


def resolve_data_dir(*, data_dir: str | None, state: StateLocation | None, env: Mapping[str, str]) -> Path:
    """Our own data dir. The demo's ledger goes to the user cache, beside its materialised state."""
    # Absolute: the path is written into scheduled commands, which run from another directory.
    if data_dir:
        return Path(os.path.abspath(_expand(data_dir, env)))
    if env.get("TOKEN_MONITOR_DATA_DIR"):
        return Path(os.path.abspath(_expand(env["TOKEN_MONITOR_DATA_DIR"], env)))
    if state.is_demo:
        return _demo().cache_root(env, home_dir(env)) / "demo"
    return state.path / "token-monitor"


def config_path(state: Path, env: Mapping[str, str]) -> Path | None:
    """OpenClaw's config file: `$OPENCLAW_CONFIG_PATH`, else `openclaw.json`, else legacy `clawdbot.json`."""
    if env.get("OPENCLAW_CONFIG_PATH"):
        return _expand(env["OPENCLAW_CONFIG_PATH"], env)
    for name in ("openclaw.json", "clawdbot.json"):
        if (state / name).is_file():
            return state / name
    return None
