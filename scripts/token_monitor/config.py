"""Read OpenClaw's config (JSON5) and agent-local `models.json`, exposing only what we need.

Secrets live next to what we need (`models.providers.*.apiKey`, `headers`, `env`, tokens):
accessors return prices, time zone, hook flags and auth profile ids/types only, and
`redact()` masks every secret-looking key before anything could be shown.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Any

import json5

from .errors import TokenMonitorError, ExitCode

SECRET_KEY_RE = re.compile(r"(api[-_]?key|token|password|secret|passphrase|credential|authorization|^key$|^env$|headers|access|refresh|private)", re.I)


class ConfigError(TokenMonitorError):
    exit_code = ExitCode.USAGE
    code = "config.unreadable"


@dataclasses.dataclass(frozen=True)
class Price:
    """USD per 1M tokens, as OpenClaw's `models.providers.<p>.models[].cost`."""

    input: float = 0.0
    output: float = 0.0
    cache_read: float = 0.0
    cache_write: float = 0.0

    @property
    def is_zero(self) -> bool:
        return not (self.input or self.output or self.cache_read or self.cache_write)


def load_config(path: Path | None) -> dict:
    """The parsed config, {} when there is none. A config we cannot parse is an error naming the file."""
    if path is None or not path.exists():
        return {}
    try:
        text = path.read_text(encoding="utf-8")
        data = json5.loads(text)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or type(exc).__name__
        raise ConfigError(f"cannot read OpenClaw config {path} ({reason})",
                          hint="fix the JSON5 syntax (openclaw doctor reports it) or pass --state-dir") from None
    return data if isinstance(data, dict) else {}


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
    from .normalize import normalize_provider

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
