"""Read OpenClaw's config (JSON5) and agent-local `models.json`, exposing only what we need.

Secrets live next to what we need (`models.providers.*.apiKey`, `headers`, `env`, tokens):
accessors return prices, time zone, hook flags and auth profile ids/types only, and
`redact()` masks every secret-looking key before anything could be shown.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, Mapping

import json5

from ..errors import ExitCode, TokenMonitorError
from ..model import Price
from .bounded import MAX_WHOLE_FILE_BYTES

SECRET_KEY_RE = re.compile(r"(api[-_]?key|token|password|secret|passphrase|credential|authorization|^key$|^env$|headers|access|refresh|private)", re.I)


class ConfigError(TokenMonitorError, exit_code=ExitCode.USAGE, code="config.unreadable"):
    """OpenClaw's config (or a file it $includes) cannot be read or parsed, or its $include chain is invalid."""


INCLUDE_KEY = "$include"
MAX_INCLUDE_DEPTH = 10      # as OpenClaw's src/config/includes.ts


def _parse_file(path: Path) -> Any:
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_WHOLE_FILE_BYTES + 1)
        if len(raw) > MAX_WHOLE_FILE_BYTES:
            raise ValueError("file too large")
        return json5.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        reason = getattr(exc, "strerror", None) or ("nested too deep" if isinstance(exc, RecursionError) else type(exc).__name__)
        raise ConfigError(f"cannot read OpenClaw config {path} ({reason})",
                          hint="fix the JSON5 syntax (openclaw doctor reports it) or pass --state-dir") from None


def deep_merge(target: Any, source: Any) -> Any:
    """OpenClaw's rule: objects merge recursively, arrays concatenate, otherwise the source wins."""
    if isinstance(target, dict) and isinstance(source, dict):
        out = dict(target)
        for k, v in source.items():
            out[k] = deep_merge(out[k], v) if k in out else v
        return out
    if isinstance(target, list) and isinstance(source, list):
        return target + source
    return source


def _resolve_includes(node: Any, *, base: Path, roots: list[Path], chain: tuple[Path, ...]) -> Any:
    if isinstance(node, list):
        return [_resolve_includes(v, base=base, roots=roots, chain=chain) for v in node]
    if not isinstance(node, dict):
        return node
    siblings = {k: _resolve_includes(v, base=base, roots=roots, chain=chain) for k, v in node.items() if k != INCLUDE_KEY}
    if INCLUDE_KEY not in node:
        return siblings
    refs = node[INCLUDE_KEY] if isinstance(node[INCLUDE_KEY], list) else [node[INCLUDE_KEY]]
    merged: Any = {}
    for ref in refs:
        if not isinstance(ref, str):
            raise ConfigError(f"bad $include in {chain[-1]}", hint="$include takes a path or a list of paths")
        target = Path(os.path.normpath(base / os.path.expanduser(ref)))
        if not any(target == r or r in target.parents for r in roots):
            raise ConfigError(f"$include {ref!r} in {chain[-1]} points outside the config directory",
                              hint="OpenClaw refuses it too; move the file next to openclaw.json or set OPENCLAW_INCLUDE_ROOTS")
        if target in chain or len(chain) > MAX_INCLUDE_DEPTH:
            raise ConfigError(f"$include cycle or depth > {MAX_INCLUDE_DEPTH} at {target}", hint="fix the $include chain")
        included = _resolve_includes(_parse_file(target), base=target.parent, roots=roots, chain=chain + (target,))
        merged = deep_merge(merged, included)
    return deep_merge(merged, siblings)


def load_config(path: Path | None, env: Mapping[str, str] | None = None) -> dict:
    """The parsed config with `$include`s resolved, {} when there is none. A config we cannot parse
    is an error naming the file. `${ENV}` placeholders are left as they are: the values we read
    (prices, time zone, hooks, profile ids) are not secrets, and env values may be."""
    if path is None or not path.exists():
        return {}
    data = _parse_file(path)
    env = os.environ if env is None else env
    roots = [path.parent.resolve()] + [Path(p).resolve() for p in (env.get("OPENCLAW_INCLUDE_ROOTS") or "").split(os.pathsep) if p]
    try:
        data = _resolve_includes(data, base=path.parent.resolve(), roots=roots, chain=(path.resolve(),))
    except RecursionError:
        raise ConfigError(f"cannot read OpenClaw config {path} (nested too deep)",
                          hint="fix the config (openclaw doctor reports it) or pass --state-dir") from None
    return data if isinstance(data, dict) else {}


def load_config_or_warning(path: Path | None, env: Mapping[str, str] | None = None) -> tuple[dict, str | None]:
    """For commands that only read our ledger (report, export, sessions): a config we cannot parse is
    a warning, not a stop — its time zone and prices are then not applied, and the warning says so."""
    try:
        return load_config(path, env), None
    except ConfigError as exc:
        return {}, f"{exc.one_line()}; its time zone and prices are not applied"


def dig(obj: Any, *keys: str, default: Any = None) -> Any:
    for k in keys:
        if not isinstance(obj, dict) or k not in obj:
            return default
        obj = obj[k]
    return obj


def user_timezone(cfg: dict) -> str | None:
    tz = dig(cfg, "agents", "defaults", "userTimezone")
    return tz if isinstance(tz, str) and tz else None


def _num(v: Any) -> float:
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else 0.0


def _prices_from_providers(providers: Any, out: dict) -> None:
    if not isinstance(providers, dict):
        return
    from ..collect.normalize import normalize_provider

    for pid, prov in providers.items():
        models = prov.get("models") if isinstance(prov, dict) else None
        if not isinstance(models, list):
            continue
        for m in models:
            if not isinstance(m, dict) or not isinstance(m.get("id"), str):
                continue
            cost = m.get("cost")
            if isinstance(cost, dict):
                out[(normalize_provider(pid), m["id"])] = Price(
                    _num(cost.get("input")), _num(cost.get("output")), _num(cost.get("cacheRead")), _num(cost.get("cacheWrite"))
                )


def model_prices(cfg: dict, state_dir: Path | None = None) -> dict[tuple[str, str], Price]:
    """(provider, model id) -> price. Agent-local `models.json` prices win over openclaw.json, as in OpenClaw."""
    prices: dict[tuple[str, str], Price] = {}
    _prices_from_providers(dig(cfg, "models", "providers"), prices)
    if state_dir is not None:
        for mj in sorted((state_dir / "agents").glob("*/agent/models.json")):
            try:
                data = json.loads(mj.read_text(encoding="utf-8"))
            except (OSError, ValueError, UnicodeDecodeError):
                continue
            _prices_from_providers(data.get("providers") if isinstance(data, dict) else None, prices)
    return prices


def configured_providers(cfg: dict) -> list[str]:
    providers = dig(cfg, "models", "providers")
    return sorted(providers) if isinstance(providers, dict) else []


def redact(obj: Any) -> Any:
    """A copy with every secret-looking value replaced by "<redacted>" (for --verbose dumps)."""
    if isinstance(obj, dict):
        return {k: ("<redacted>" if SECRET_KEY_RE.search(str(k)) else redact(v)) for k, v in obj.items()}
    if isinstance(obj, list):
        return [redact(v) for v in obj]
    return obj


# ---------------------------------------------------------------- workspaces (openclaw-storage.md §1.1)
def _workspace_path(value: str, state_dir: Path, env: Mapping[str, str]) -> Path:
    value = value.strip()
    if value.startswith("~"):
        value = (env.get("OPENCLAW_HOME") or env.get("HOME") or str(Path.home())) + value[1:]
    path = Path(value)
    return path if path.is_absolute() else state_dir / path


def main_workspace(cfg: dict, state_dir: Path, env: Mapping[str, str]) -> Path:
    """The default agent's workspace: $OPENCLAW_WORKSPACE_DIR, else agents.defaults.workspace, else
    <stateDir>/workspace."""
    return workspaces(state_dir, cfg, env, [])[0]


def workspaces(state_dir: Path, cfg: dict, env: Mapping[str, str], agents: list[str]) -> list[Path]:
    """Every workspace OpenClaw may use, the default agent's first, then each agent's, deduplicated."""
    out: list[Path] = []
    if env.get("OPENCLAW_WORKSPACE_DIR", "").strip():
        out.append(_workspace_path(env["OPENCLAW_WORKSPACE_DIR"], state_dir, env))
    default = dig(cfg, "agents", "defaults", "workspace")
    if isinstance(default, str) and default.strip():
        out.append(_workspace_path(default, state_dir, env))
    out.append(state_dir / "workspace")
    entries = dig(cfg, "agents", "entries")
    listed = dig(cfg, "agents", "list")
    specs = dict(entries) if isinstance(entries, dict) else {}
    if isinstance(listed, list):
        specs.update({x["id"]: x for x in listed if isinstance(x, dict) and isinstance(x.get("id"), str)})
    for agent in agents:
        ws = specs.get(agent, {}).get("workspace") if isinstance(specs.get(agent), dict) else None
        if isinstance(ws, str) and ws.strip():
            out.append(_workspace_path(ws, state_dir, env))
        out.append(state_dir / f"workspace-{agent}")
    return list(dict.fromkeys(out))
