"""Which auth profiles exist: profile id, provider and type — never a credential.

Stores (openclaw-storage.md §5.3): config `auth.profiles.<id> = {provider, mode}` (no secrets),
legacy `agents/<id>/agent/auth-profiles.json`, the per-agent SQLite table `auth_profile_store`,
and the shared `state/openclaw.sqlite` (`config_machine_state` key `authProfiles.store`; the
2026.6.x table `auth_profile_stores`).

Invariant: secret-bearing stores are never parsed into Python objects. Ids, providers and types
are extracted inside SQLite with `json_each`/`json_extract`; only those three strings come back.
A legacy JSON file's bytes are handed straight to an in-memory SQLite and dropped. Profile ids
are printed, so anything that does not look like an id (`provider:name`) is masked.
"""

from __future__ import annotations

import dataclasses
import re
import sqlite3
from pathlib import Path
from typing import Iterable

from ..collect.normalize import normalize_provider
from ..errors import SourceUnreadable
from .agent_db import open_readonly
from .openclaw_config import dig

ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9:_.@+-]{0,79}$")
SECRETISH_RE = re.compile(r"^(sk-|sk_|xox|ghp_|eyJ)|[A-Za-z0-9_-]{40,}", re.I)
TYPES = {"api_key", "token", "oauth", "aws-sdk", "none"}

# Profiles come back as (id, provider, type); the JSON stays inside SQLite.
_PROFILES_SQL = """
SELECT p.key,
       CASE WHEN json_type(p.value, '$.provider') = 'text' THEN json_extract(p.value, '$.provider') END,
       CASE WHEN json_type(p.value, '$.type') = 'text' THEN json_extract(p.value, '$.type')
            WHEN json_type(p.value, '$.mode') = 'text' THEN json_extract(p.value, '$.mode') END
FROM json_each(CASE WHEN json_valid(:doc) AND json_type(:doc, '$.profiles') = 'object' THEN :doc ELSE '{"profiles":{}}' END,
               '$.profiles') AS p
WHERE p.type = 'object'
"""


@dataclasses.dataclass(frozen=True)
class Profile:
    id: str
    provider: str | None
    type: str | None
    store: str          # where it was found: "config", "auth-profiles.json (main)", "agent db (main)", "shared db"


@dataclasses.dataclass
class AuthScan:
    profiles: list[Profile]
    unreadable: list[tuple[str, str]]     # (store path, reason) — reason never includes content


def safe_id(value: str | None) -> str:
    if not isinstance(value, str) or not ID_RE.match(value) or SECRETISH_RE.search(value.split(":", 1)[-1]):
        return "<unprintable id>"
    return value


def _clean(value, allowed: set[str] | None = None) -> str | None:
    if not isinstance(value, str) or not ID_RE.match(value):
        return None
    if allowed is not None and value not in allowed:
        return "other"
    return value


def _rows_to_profiles(rows: Iterable[tuple], store: str) -> list[Profile]:
    out = []
    for pid, provider, ptype in rows:
        prov = _clean(provider)
        out.append(Profile(safe_id(pid), normalize_provider(prov) if prov else None, _clean(ptype, TYPES), store))
    return out


def profiles_from_config(cfg: dict) -> list[Profile]:
    """`auth.profiles` in openclaw.json carries no secrets (provider and mode only)."""
    profiles = dig(cfg, "auth", "profiles")
    if not isinstance(profiles, dict):
        return []
    out = []
    for pid, spec in profiles.items():
        if not isinstance(spec, dict):
            continue
        prov = _clean(spec.get("provider"))
        if prov is None and isinstance(pid, str) and ":" in pid:
            prov = _clean(pid.split(":", 1)[0])
        out.append(Profile(safe_id(pid), normalize_provider(prov) if prov else None,
                           _clean(spec.get("mode") or spec.get("type"), TYPES), "config"))
    return out


def _profiles_from_json_bytes(data: bytes, store: str) -> list[Profile]:
    conn = sqlite3.connect(":memory:")
    try:
        try:
            doc = data.decode("utf-8")
        except UnicodeDecodeError:
            return []
        rows = conn.execute(_PROFILES_SQL, {"doc": doc}).fetchall()
        del doc
        return _rows_to_profiles(rows, store)
    finally:
        conn.close()


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}


def _profiles_from_table(conn: sqlite3.Connection, table: str, doc_col: str, store: str,
                         where: str = "", args: tuple = ()) -> list[Profile]:
    sql = (
        "SELECT p.key, "
        "CASE WHEN json_type(p.value, '$.provider') = 'text' THEN json_extract(p.value, '$.provider') END, "
        "CASE WHEN json_type(p.value, '$.type') = 'text' THEN json_extract(p.value, '$.type') "
        "     WHEN json_type(p.value, '$.mode') = 'text' THEN json_extract(p.value, '$.mode') END "
        f"FROM {table} AS s, json_each(CASE WHEN json_valid(s.{doc_col}) AND json_type(s.{doc_col}, '$.profiles') = 'object' "
        f"THEN s.{doc_col} ELSE '{{\"profiles\":{{}}}}' END, '$.profiles') AS p WHERE p.type = 'object'" + where
    )
    return _rows_to_profiles(conn.execute(sql, args).fetchall(), store)


def profiles_from_agent_db(conn: sqlite3.Connection, agent: str) -> list[Profile]:
    if "auth_profile_store" not in _tables(conn) or "store_json" not in _columns(conn, "auth_profile_store"):
        return []
    return _profiles_from_table(conn, "auth_profile_store", "store_json", f"agent db ({agent})")


def profiles_from_shared_db(conn: sqlite3.Connection) -> list[Profile]:
    tables = _tables(conn)
    out: list[Profile] = []
    if "config_machine_state" in tables and {"state_key", "value_json"} <= _columns(conn, "config_machine_state"):
        out += _profiles_from_table(conn, "config_machine_state", "value_json", "shared db",
                                    " AND s.state_key = ?", ("authProfiles.store",))
    for table in ("auth_profile_stores", "auth_profile_store"):
        if table in tables and "store_json" in _columns(conn, table):
            out += _profiles_from_table(conn, table, "store_json", "shared db")
    return out


def scan_profiles(state: Path, cfg: dict, agent_dbs: Iterable[tuple[str, Path]]) -> AuthScan:
    """Every profile in every store. Unreadable stores are named with a reason, never content."""
    profiles = profiles_from_config(cfg)
    unreadable: list[tuple[str, str]] = []
    for path in sorted((state / "agents").glob("*/agent/auth-profiles.json")):
        agent = path.parent.parent.name
        try:
            profiles += _profiles_from_json_bytes(path.read_bytes(), f"auth-profiles.json ({agent})")
        except OSError as exc:
            unreadable.append((str(path), exc.strerror or type(exc).__name__))
    for agent, db in agent_dbs:
        try:
            with open_readonly(db) as conn:
                profiles += profiles_from_agent_db(conn, agent)
        except (sqlite3.Error, SourceUnreadable, OSError) as exc:
            unreadable.append((str(db), _reason(exc)))
    shared = state / "state" / "openclaw.sqlite"
    if shared.exists():
        try:
            with open_readonly(shared) as conn:
                profiles += profiles_from_shared_db(conn)
        except (sqlite3.Error, SourceUnreadable, OSError) as exc:
            unreadable.append((str(shared), _reason(exc)))
    return AuthScan(profiles, unreadable)


def _reason(exc: BaseException) -> str:
    # SQLite messages can quote SQL, never row values; OSError gives strerror. Keep it short anyway.
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return text[:80]


# Environment variables OpenClaw reads for a provider's key (docs/providers/*.md). Only their
# presence is ever looked at.
PROVIDER_ENV_VARS = {
    "moonshot": ("MOONSHOT_API_KEY",),
    "kimi": ("KIMI_API_KEY", "KIMI_CODE_API_KEY"),
    "zai": ("ZAI_API_KEY", "Z_AI_API_KEY"),
    "anthropic": ("ANTHROPIC_API_KEY",),
    "openai": ("OPENAI_API_KEY",),
    "openrouter": ("OPENROUTER_API_KEY",),
    "deepseek": ("DEEPSEEK_API_KEY",),
    "minimax": ("MINIMAX_API_KEY",),
    "google": ("GEMINI_API_KEY", "GOOGLE_API_KEY"),
    "xai": ("XAI_API_KEY",),
}


def providers_with_config_key(cfg: dict, state: Path) -> set[str]:
    """Providers whose `apiKey` is set in openclaw.json or an agent's models.json (presence only)."""
    import json

    out: set[str] = set()
    provs = dig(cfg, "models", "providers")
    if isinstance(provs, dict):
        for pid, spec in provs.items():
            if isinstance(spec, dict) and spec.get("apiKey"):
                out.add(normalize_provider(pid))
    for mj in sorted((state / "agents").glob("*/agent/models.json")):
        try:
            data = json.loads(mj.read_text(encoding="utf-8"))
        except (OSError, ValueError, UnicodeDecodeError):
            continue
        provs = data.get("providers") if isinstance(data, dict) else None
        if isinstance(provs, dict):
            for pid, spec in provs.items():
                if isinstance(spec, dict) and spec.get("apiKey"):
                    out.add(normalize_provider(pid))
    return out


def providers_with_env_key(env) -> set[str]:
    return {p for p, names in PROVIDER_ENV_VARS.items() if any(env.get(n) for n in names)}
