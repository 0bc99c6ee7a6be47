"""`token-monitor diagnose`: every reason usage could be missing or wrong, with the fix.

This module gathers plain facts; `token_monitor.diagnose` judges them. Gathering is cheap and
read-only: it reads our ledger (opened read-only), stats sources against their cursors, reads
openclaw.json, HOOK.md files, the old token-usage.jsonl, schema versions, cron job names and
auth profile ids/types (extracted inside SQLite). It never re-reads transcripts and never
writes to OpenClaw's files — or to our ledger.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import json
import os
import platform
import re
import shutil
import sqlite3
import stat
import subprocess
from pathlib import Path

from .. import files, launcher
from ..collect.collector import db_stamp
from ..collect.lock import LOCK_NAME
from ..errors import StateNotFoundError, UsageError
from ..ledger.schema import LEDGER_NAME
from ..ledger.store import Ledger
from ..ops.reconcile import reconcile as reconcile_calls
from ..report.prices import load_prices
from ..report.timeparse import zone
from ..sources import auth as auth_mod
from ..sources import legacy_log as legacy_mod
from ..sources import price_list
from ..sources.agent_db import KNOWN_AGENT_SCHEMA_MAX, open_readonly
from ..sources.discovery import Discovery, SourceUnreadable, discover_sources, is_archived
from ..sources.openclaw_config import dig, load_config, model_prices, user_timezone, workspaces
from . import checks as dg

HOOK_HANDLERS = ("handler.ts", "handler.js", "index.ts", "index.js")
QUARTER_MS = 15 * 60 * 1000


def validate_checks(checks: list[str] | None) -> list[str] | None:
    if not checks:
        return None
    bad = [c for c in checks if c not in dg.CODES and c.rstrip(".") not in dg.GROUPS]
    if bad:
        raise UsageError(f"unknown check {', '.join(bad)}",
                         hint="use a code (" + ", ".join(dg.CODES) + ") or a group (" + ", ".join(dg.GROUPS) + ")")
    return checks


def wants(checks: list[str] | None, *codes: str) -> bool:
    if not checks:
        return True
    return any(code == c or code.startswith(c.rstrip(".") + ".") for c in checks for code in codes)


# ---------------------------------------------------------------- gathering

def _valid_zone(name: str | None) -> bool:
    if not name:
        return False
    try:
        zone(name)
        return True
    except UsageError:
        return False


VERSION_RE = re.compile(r"^\d{4}\.\d+(\.\d+)?([-.+][0-9A-Za-z.-]+)?$")


def store_version(conn: sqlite3.Connection, cols: set[str]) -> str | None:
    """The OpenClaw version in `schema_meta`: its `primary` row (other rows are migration markers whose
    app_version holds JSON such as {"phase":"complete"}), else any row whose value is a version."""
    if "meta_key" in cols:
        row = conn.execute("SELECT app_version FROM schema_meta WHERE meta_key = 'primary'").fetchone()
        if row and isinstance(row[0], str) and VERSION_RE.match(row[0]):
            return row[0]
    order = " ORDER BY updated_at DESC" if "updated_at" in cols else ""
    for (value,) in conn.execute(f"SELECT app_version FROM schema_meta WHERE app_version IS NOT NULL{order}"):
        if isinstance(value, str) and VERSION_RE.match(value):
            return value
    return None


def gather_agents(state: Path, disc: Discovery) -> list[dg.AgentStore]:
    stores: dict[str, dg.AgentStore] = {a: dg.AgentStore(a) for a in disc.agents}
    for f in disc.files:
        s = stores.setdefault(f.agent, dg.AgentStore(f.agent))
        if is_archived(f.kind):
            s.archived_jsonl += 1
            # .zst archives are the SQLite era's own (a deleted session, also kept as an SQLite blob)
            kind = f.kind + (".zst" if f.compressed and f.kind != "cold" else "")
            s.archived_kinds[kind] = s.archived_kinds.get(kind, 0) + 1
        else:
            s.live_jsonl += 1
    for src in disc.sqlite:
        s = stores.setdefault(src.agent, dg.AgentStore(src.agent))
        s.db_path = str(src.path)
        try:
            with open_readonly(src.path) as conn:
                s.schema = conn.execute("PRAGMA user_version").fetchone()[0]
                tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
                s.has_transcripts = "transcript_events" in tables
                if "schema_meta" in tables:
                    cols = {r[1] for r in conn.execute("PRAGMA table_info(schema_meta)")}
                    if "app_version" in cols:
                        s.app_version = store_version(conn, cols)
        except (sqlite3.Error, SourceUnreadable, OSError) as exc:
            s.unreadable = getattr(exc, "strerror", None) or str(exc)
    return [stores[a] for a in sorted(stores)]


def gather_pending(ledger: Ledger, disc: Discovery, facts: dg.CollectFacts) -> None:
    """Sources whose stat differs from their cursor: counted with bytes, never opened."""
    cursors = {sid: json.loads(st) for sid, st in ledger.cursor_states(("file", "sqlite")).items()}
    for f in disc.files:
        try:
            st = os.stat(f.path)
        except OSError:
            continue        # gone since discovery, or unreadable (reported by collect)
        cur = cursors.get(f.source_id)
        if cur is None:
            facts.pending_files += 1
            facts.pending_new_files += 1
            facts.pending_bytes += st.st_size
        elif cur.get("size") == st.st_size and cur.get("mtime_ns") == st.st_mtime_ns \
                and cur.get("ino", st.st_ino) == st.st_ino:
            continue
        else:
            facts.pending_files += 1
            same = cur.get("ino") == st.st_ino and "offset" in cur and st.st_size >= cur["offset"]
            facts.pending_bytes += st.st_size - cur["offset"] if same else st.st_size
        if len(facts.pending_examples) < 3:
            facts.pending_examples.append(str(f.path))
    for s in disc.sqlite:
        if cursors.get(s.source_id) != db_stamp(s.path):
            facts.pending_dbs += 1
            if len(facts.pending_examples) < 3:
                facts.pending_examples.append(str(s.path))


def gather_collect(ledger: Ledger | None, error: str | None, data_dir: Path, disc: Discovery | None) -> dg.CollectFacts:
    facts = dg.CollectFacts(data_dir=str(data_dir), ledger_path=str(data_dir / LEDGER_NAME),
                            ledger_exists=ledger is not None, ledger_error=error, known_schema_max=KNOWN_AGENT_SCHEMA_MAX)
    if disc is not None:
        facts.problems += [{"code": c, "source": loc, "location": "", "detail": d} for c, loc, d in disc.problems]
    if ledger is None:
        return facts
    facts.last_run = ledger.last_run()
    facts.events = ledger.event_count()
    known = {(p["source"], p["code"]) for p in facts.problems}
    facts.problems += [p for p in ledger.problems() if (p["source"], p["code"]) not in known]
    if disc is not None:
        gather_pending(ledger, disc, facts)
    return facts


def gather_private(data_dir: Path) -> tuple[str, dict[str, int], bool]:
    """(data dir, {path: permission bits} of it and our files in it that exist, whether it holds only ours)."""
    modes: dict[str, int] = {}
    for p in (data_dir, data_dir / LEDGER_NAME, data_dir / f"{LEDGER_NAME}-wal", data_dir / f"{LEDGER_NAME}-shm",
              data_dir / LOCK_NAME):
        try:
            modes[str(p)] = stat.S_IMODE(p.stat().st_mode)
        except OSError:
            continue
    return str(data_dir), modes, files.is_our_dir(data_dir)


def gather_usage(ledger: Ledger | None) -> list[dg.UsageGroup]:
    if ledger is None:
        return []
    rows = ledger.usage_by_model()
    return [dg.UsageGroup(*r) for r in rows]


def gather_days(ledger: Ledger | None, tz: dt.tzinfo) -> list[dict]:
    if ledger is None:
        return []
    days: dict[str, dict] = {}
    for quarter, calls, tokens, missing, errors in ledger.usage_by_slot(QUARTER_MS):
        day = dt.datetime.fromtimestamp(quarter * QUARTER_MS / 1000, tz).strftime("%Y-%m-%d")
        d = days.setdefault(day, {"day": day, "calls": 0, "tokens": 0, "missing": 0, "errors": 0})
        d["calls"] += calls
        d["tokens"] += tokens
        d["missing"] += missing
        d["errors"] += errors
    return [days[k] for k in sorted(days)]


def read_hook_md(hook_dir: Path) -> dict:
    """Name, hookKey and events from HOOK.md frontmatter (YAML or inline JSON5 metadata), no YAML dependency."""
    text = (hook_dir / "HOOK.md").read_text(encoding="utf-8", errors="replace")
    front = text.split("---", 2)[1] if text.startswith("---") and text.count("---") >= 2 else ""
    name_m = re.search(r"^name:\s*['\"]?([^'\"\n]+?)['\"]?\s*$", front, re.M)
    key_m = re.search(r"hookKey['\"]?\s*:\s*['\"]?([A-Za-z0-9_.:-]+)", front)
    events: list[str] = []
    ev = re.search(r"events['\"]?\s*:\s*\[([^\]]*)\]", front, re.S)
    if ev:
        events = [e.strip().strip("'\"") for e in ev.group(1).split(",") if e.strip().strip("'\"")]
    else:
        block = re.search(r"^(\s*)events:\s*\n((?:\1\s+-\s*.+\n?)+)", front, re.M)
        if block:
            events = [ln.split("-", 1)[1].strip().strip("'\"") for ln in block.group(2).splitlines() if "-" in ln]
    name = name_m.group(1).strip() if name_m else hook_dir.name
    return {"name": name, "key": key_m.group(1) if key_m else name, "path": str(hook_dir), "events": events,
            "handler": any((hook_dir / h).is_file() for h in HOOK_HANDLERS)}


def gather_hooks(state: Path, cfg: dict, config_path: Path | None, ws: list[Path], legacy_exists: bool) -> dg.HookFacts:
    internal = dig(cfg, "hooks", "internal")
    enabled = internal.get("enabled") if isinstance(internal, dict) and isinstance(internal.get("enabled"), bool) else None
    entries_raw = dig(cfg, "hooks", "internal", "entries")
    entries: dict[str, bool | None] = {}
    if isinstance(entries_raw, dict):
        for k, v in entries_raw.items():
            entries[str(k)] = v.get("enabled") if isinstance(v, dict) and isinstance(v.get("enabled"), bool) else None
    dirs = [(state / "hooks", "managed")]
    extra = dig(cfg, "hooks", "internal", "load", "extraDirs")
    if isinstance(extra, list):
        dirs += [(Path(os.path.expanduser(x)), "extraDirs") for x in extra if isinstance(x, str)]
    dirs += [(w / "hooks", "workspace") for w in ws]
    out = []
    for path, source in dirs:
        hooks = []
        exists = path.is_dir()
        if exists:
            try:
                children = sorted(p for p in path.iterdir() if (p / "HOOK.md").is_file())
            except OSError:
                children = []
            for child in children:
                try:
                    hooks.append(read_hook_md(child))
                except OSError:
                    continue
        if exists or source != "workspace" or path.parent.exists():
            out.append(dg.HookDir(str(path), source, exists, hooks))
    return dg.HookFacts(str(config_path) if config_path else None, enabled, entries, out, legacy_exists)


def gather_auth(state: Path, cfg: dict, env, disc: Discovery, groups: list[dg.UsageGroup],
                config_path: Path | None) -> dg.AuthFacts:
    scan = auth_mod.scan_profiles(state, cfg, [(s.agent, s.path) for s in disc.sqlite])
    used: dict[str, int] = {}
    for g in groups:
        if g.with_tokens or g.calls - g.missing > 0:
            used[g.provider] = used.get(g.provider, 0) + g.calls
    from ..collect.normalize import normalize_provider

    configured = sorted({normalize_provider(p) for p in (dig(cfg, "models", "providers") or {})}) \
        if isinstance(dig(cfg, "models", "providers"), dict) else []
    return dg.AuthFacts(
        profiles=[dataclasses.asdict(p) for p in scan.profiles], unreadable=scan.unreadable, configured=configured,
        used=used, with_config_key=auth_mod.providers_with_config_key(cfg, state),
        with_env_key=auth_mod.providers_with_env_key(env), config_path=str(config_path) if config_path else None)


def find_legacy_log(explicit: str | None, ws: list[Path], env) -> tuple[Path | None, list[str]]:
    if explicit:
        return Path(os.path.expanduser(explicit)), [explicit]
    tried = legacy_mod.default_paths(ws)
    for p in tried:
        if p.is_file():
            return p, [str(t) for t in tried]
    return None, [str(t) for t in tried]


def gather_legacy(path: Path | None, tried: list[str], ledger: Ledger | None, tz: dt.tzinfo) -> dg.LegacyFacts:
    if path is None:
        return dg.LegacyFacts(None, tried)
    try:
        log = legacy_mod.read_legacy_log(path)
    except OSError as exc:
        return dg.LegacyFacts(str(path), tried, error=exc.strerror or type(exc).__name__)
    rec = reconcile_calls(log.calls, ledger.reconcile_calls() if ledger else [], tz=tz)
    return dg.LegacyFacts(str(path), tried, log=log, rec=rec)


def _crontab_text() -> str | None:
    """The user's crontab, or None when there is no crontab binary or no crontab."""
    exe = shutil.which("crontab")
    if not exe:
        return None
    try:
        res = subprocess.run([exe, "-l"], capture_output=True, text=True, timeout=3, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return res.stdout if res.returncode == 0 else None


def collect_command(ctx) -> str:
    from shlex import quote

    cmd = launcher.command_line(launcher.self_command(env=ctx.env))
    if ctx.state.how in ("--state-dir", "OPENCLAW_STATE_DIR"):
        cmd += f" --state-dir {quote(str(ctx.state.path))}"
    elif ctx.state.how == "--profile":
        cmd += f" --profile {quote(getattr(ctx.args, 'profile', None) or ctx.env.get('OPENCLAW_PROFILE', ''))}"
    if getattr(ctx.args, "data_dir", None):
        cmd += f" --data-dir {quote(str(ctx.data_dir))}"
    return cmd + " collect --quiet"


def _job_commands(job) -> list[str]:
    """The shell commands of a cron job's command payload (`sh -lc CMD` as OpenClaw stores it)."""
    if isinstance(job, (str, bytes)):
        try:
            job = json.loads(job)
        except ValueError:
            return []
    payload = job.get("payload") if isinstance(job, dict) else None
    argv = payload.get("argv") if isinstance(payload, dict) else None
    if not (isinstance(argv, list) and all(isinstance(a, str) for a in argv)):
        return []
    return [argv[2]] if argv[:2] in (["sh", "-lc"], ["sh", "-c"]) and len(argv) > 2 else [" ".join(argv)]


_HEARTBEAT_CMD = re.compile(r"run this with the exec tool: `([^`]+)`")


def gather_schedule(state: Path, ws: list[Path], agents: list[dg.AgentStore], command: str) -> dg.ScheduleFacts:
    jobs: list[dict] = []
    commands: list[str] = []
    shared = state / "state" / "openclaw.sqlite"
    if shared.exists():
        try:
            with open_readonly(shared) as conn:
                tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
                if "cron_jobs" in tables:
                    cols = {r[1] for r in conn.execute("PRAGMA table_info(cron_jobs)")}
                    text_cols = [c for c in ("name", "description", "job_json", "payload_message", "payload_json",
                                             "command", "payload_command") if c in cols]
                    if text_cols and "name" in cols:
                        where = " OR ".join(f"instr(COALESCE({c}, ''), 'token-monitor') > 0" for c in text_cols)
                        en = "enabled" if "enabled" in cols else "NULL"
                        payload = "job_json" if "job_json" in cols else "NULL"
                        # Only the job's name and flag leave this function, and the path of a program its
                        # command runs that no longer exists: payloads can carry --command-env secrets.
                        for name, enabled, job_json in conn.execute(
                                f"SELECT name, {en}, {payload} FROM cron_jobs WHERE {where}"):
                            jobs.append({"name": str(name), "enabled": None if enabled is None else bool(enabled),
                                         "store": "state/openclaw.sqlite"})
                            commands += _job_commands(job_json)
        except (sqlite3.Error, SourceUnreadable, OSError):
            pass
    legacy_jobs = state / "cron" / "jobs.json"
    if legacy_jobs.is_file():
        try:
            data = json.loads(legacy_jobs.read_text(encoding="utf-8"))
            for job in data.get("jobs", []) if isinstance(data, dict) else []:
                if isinstance(job, dict) and "token-monitor" in json.dumps(job):
                    jobs.append({"name": str(job.get("name") or job.get("id") or "?")[:60],
                                 "enabled": job.get("enabled") if isinstance(job.get("enabled"), bool) else None,
                                 "store": "cron/jobs.json"})
                    commands += _job_commands(job)
        except (OSError, ValueError, UnicodeDecodeError):
            pass
    heartbeat = []
    for w in ws:
        hb = w / "HEARTBEAT.md"
        try:
            hb_text = hb.read_text(encoding="utf-8", errors="replace") if hb.is_file() else ""
            if "token-monitor" in hb_text:
                heartbeat.append(str(hb))
                commands += _HEARTBEAT_CMD.findall(hb_text)
        except OSError:
            continue
    text = _crontab_text()
    lines = None
    if text is not None:
        ours = [ln for ln in text.splitlines() if "token-monitor" in ln and not ln.lstrip().startswith("#")]
        lines = len(ours)
        # `m h dom mon dow COMMAND # token-monitor:collect` (or `@every`-style specials: one field)
        commands += [" ".join(ln.split("#", 1)[0].split()[1 if ln.startswith("@") else 5:]) for ln in ours]
    missing = sorted({p for c in commands if (p := launcher.missing_program(c))})
    return dg.ScheduleFacts(jobs, heartbeat, lines, any(a.has_transcripts for a in agents), command, missing)


def gather_env(disc: Discovery | None, agents: list[dg.AgentStore]) -> dg.EnvFacts:
    try:
        sqlite3.connect(":memory:").execute("SELECT json_extract('{\"a\":1}', '$.a')").fetchone()
        has_json = True
    except sqlite3.Error:
        has_json = False
    try:
        zstd = importlib.import_module("zstandard")
        zver = getattr(zstd, "__version__", "?")
    except ImportError:
        zver = None
    needed = bool(disc and any(f.compressed for f in disc.files)) or any(a.has_transcripts for a in agents)
    return dg.EnvFacts(platform.python_version(), sqlite3.sqlite_version, has_json, zver, needed)


# ---------------------------------------------------------------- run

def gather_findings(ctx, checks: list[str] | None) -> tuple[list[dg.Finding], dg.StateFacts]:
    findings: list[dg.Finding] = []
    try:
        loc = ctx.state
    except StateNotFoundError as exc:
        tried = [t for t in exc.message.split("tried: ", 1)[-1].split("; ")] if "tried: " in exc.message else [exc.message]
        state = dg.StateFacts(None, None, tried, None)
        findings += dg.check_state(state)
        findings += dg.check_env(gather_env(None, []))
        return findings, state
    state_dir = loc.path
    config_path = ctx.config_path
    cfg = load_config(config_path)
    version = dig(cfg, "meta", "lastTouchedVersion")
    state = dg.StateFacts(str(state_dir), loc.how, list(loc.tried), str(config_path) if config_path else None,
                          version if isinstance(version, str) else None)
    from ..request import resolve_zone

    tz, tz_name, tz_source = resolve_zone(ctx, cfg)   # --tz, else a valid config zone, else the host's (as report)
    configured_tz = user_timezone(cfg)
    disc = discover_sources(state_dir)
    agents = gather_agents(state_dir, disc)
    ledger, ledger_error = Ledger.open_read_only(ctx.data_dir)
    try:
        findings += dg.check_state(state)
        findings += dg.check_era(agents, config_version=state.config_version)
        if wants(checks, "config.timezone"):
            findings += dg.check_timezone(configured_tz, tz_source == "config" or (tz_source == "--tz" and _valid_zone(configured_tz)),
                                          tz_name, state.config_path)
        findings += dg.check_unimported(agents)
        if wants(checks, "env.sqlite", "env.zstd"):
            findings += dg.check_env(gather_env(disc, agents))
        collect = gather_collect(ledger, ledger_error, ctx.data_dir, disc) if wants(
            checks, "collect.never-run", "collect.stale", "sources.pending", "sources.unreadable",
            "records.malformed", "state.schema-unknown") else None
        if collect is not None:
            findings += dg.check_collect(collect, now_ms=ctx.now_ms())
            findings += dg.check_pending(collect)
            findings += dg.check_problems(collect)
            findings += dg.check_schema_live(agents, known_max=KNOWN_AGENT_SCHEMA_MAX, already=findings)
        if wants(checks, "data.private"):
            data_dir, modes, ours = gather_private(ctx.data_dir)
            findings += dg.check_private(data_dir, modes, only_ours=ours)
        groups = gather_usage(ledger)
        if wants(checks, "usage.missing"):
            findings += dg.check_usage_missing(groups, tz=tz)
        if wants(checks, "cost.unpriced", "cost.zero-recorded"):
            findings += dg.check_costs(groups, load_prices(model_prices(cfg, state_dir), ledger, now=ctx.now(), cache_dir=ctx.data_dir,
                                                       use_list=ctx.price_list_enabled),
                                       config_path=str(config_path) if config_path else str(state_dir / "openclaw.json"),
                                       price_list_version=price_list.version() if ctx.price_list_enabled else None)
        if wants(checks, "usage.gap-days"):
            findings += dg.check_gap_days(gather_days(ledger, tz))
        ws = workspaces(state_dir, cfg, ctx.env, disc.agents)
        legacy_path, tried = find_legacy_log(getattr(ctx.args, "legacy", None), ws, ctx.env)
        if wants(checks, "hooks"):
            findings += dg.check_hooks(gather_hooks(state_dir, cfg, config_path, ws, legacy_path is not None))
        if wants(checks, "auth"):
            findings += dg.check_auth(gather_auth(state_dir, cfg, ctx.env, disc, groups, config_path))
        if wants(checks, "legacy"):
            findings += dg.check_legacy(gather_legacy(legacy_path, tried, ledger, tz))
        if wants(checks, "schedule"):
            sched = gather_schedule(state_dir, ws, agents, collect_command(ctx))
            sched.demo = bool(getattr(ctx.state, "is_demo", False))
            findings += dg.check_schedule(sched)
    finally:
        if ledger is not None:
            ledger.close()
    return findings, state
