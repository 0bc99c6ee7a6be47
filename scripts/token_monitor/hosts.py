"""Which machine an event was collected on: a stable host id plus a friendly name.

The id is random, made once per ledger and kept in it (`Ledger.local_host`); it is what import
compares, so renaming a machine never splits or merges hosts. The name is for people and for the
`host` label: `TOKEN_MONITOR_HOST`, else token-monitor's entry in OpenClaw's config
(`skills.entries.token-monitor.config.host`), else the machine's hostname. Pure: the caller passes
the environment, the config and the hostname.
"""

from __future__ import annotations

import uuid
from typing import Any, Mapping

from .sources.openclaw_config import dig

HOST_ENV = "TOKEN_MONITOR_HOST"
SKILL_KEY = "token-monitor"
MAX_NAME = 64


def clean_name(text: Any) -> str | None:
    """A host name as we store it: printable, trimmed, at most MAX_NAME characters; None when empty."""
    if not isinstance(text, str):
        return None
    name = "".join(ch for ch in text if ch.isprintable()).strip()[:MAX_NAME]
    return name or None


def resolve_host_name(env: Mapping[str, str], cfg: Mapping | None, hostname: str) -> str:
    """The friendly name of this machine, by the precedence in the module docstring."""
    for candidate in (env.get(HOST_ENV), dig(cfg or {}, "skills", "entries", SKILL_KEY, "config", "host")):
        name = clean_name(candidate)
        if name:
            return name
    return clean_name(hostname.split(".")[0]) or "localhost"


def new_host_id() -> str:
    return uuid.uuid4().hex


def local_name(env: Mapping[str, str], cfg: Mapping | None) -> str:
    """This machine's friendly name, from the real hostname as the fallback."""
    import socket

    return resolve_host_name(env, cfg, socket.gethostname())


def register_local(ledger, *, env: Mapping[str, str], cfg: Mapping | None, at_ms: int) -> str:
    """Record this machine in the ledger under its current name; returns its stable host id."""
    return ledger.local_host(local_name(env, cfg), new_id=new_host_id(), at_ms=at_ms)


def local_config(ctx) -> dict | None:
    """OpenClaw's config when this machine has OpenClaw state, else None (an import-only machine)."""
    from .errors import StateNotFoundError
    from .sources.openclaw_config import load_config

    try:
        path = ctx.config_path
    except StateNotFoundError:
        return None
    return load_config(path)
