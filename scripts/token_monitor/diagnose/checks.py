"""Checks that explain why usage could be missing or wrong, and the fix for each.

Pure: every check takes plain values (gathered by `commands/diagnose.py` from the ledger,
cursors, `stat` and config — never by re-reading transcripts) plus `now`, and returns
`Finding`s. Codes are stable (references/troubleshooting.md lists each with its meaning and
fix); levels are error > warn > info > ok. Nothing here may carry a secret: findings are built
from counts, paths, provider/model names and profile ids only.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from ..ledger import classify
from ..report.words import age_text, bytes_text, count, day_text, plural

if TYPE_CHECKING:
    from ..ops.reconcile import Reconciliation
    from ..sources.legacy_log import LegacyLog

LEVELS = ("error", "warn", "info", "ok")
LEVEL_RANK = {lvl: i for i, lvl in enumerate(LEVELS)}

# Every stable code, in display order within a level.
CODES = (
    "state.not-found", "state.era", "config.timezone", "storage.unimported-jsonl", "env.sqlite", "env.zstd",
    "collect.never-run", "collect.stale", "sources.pending", "sources.unreadable", "records.malformed",
    "state.schema-unknown", "data.private", "usage.missing", "cost.unpriced", "cost.price-list", "cost.zero-recorded",
    "usage.gap-days",
    "hooks.internal-disabled", "hooks.token-logger-missing", "hooks.token-logger-disabled", "hooks.not-needed",
    "auth.provider-without-profile", "auth.profile-unused", "legacy.token-usage-gaps", "schedule.command-missing",
    "schedule.none",
)
CODE_RANK = {c: i for i, c in enumerate(CODES)}
GROUPS = sorted({c.split(".")[0] for c in CODES})

STALE_AFTER_MS = 12 * 3600 * 1000
UPDATE_REMEDY = ("update token-monitor: `openclaw skills update token-monitor-ledger` (ClawHub install), "
                 "`git pull` in its skill folder (git checkout), or reinstall the package (pip/pipx/uv tool)")
SQLITE_JSON_MIN = (3, 38, 0)


@dataclasses.dataclass(frozen=True)
class Finding:
    level: str
    code: str
    finding: str
    remedy: str = ""
    details: Any = None
    short: str = ""                       # the phone line (<= PHONE_COLS with its mark); "" = `finding`
    fix: str = ""                         # the phone fix line; "" = nothing to do

    def as_dict(self) -> dict:
        return {"level": self.level, "code": self.code, "finding": self.finding, "remedy": self.remedy or None,
                "details": self.details, "short": self.short or self.finding, "fix": self.fix or None}


# ---------------------------------------------------------------- facts (plain values)

@dataclasses.dataclass
class StateFacts:
    path: str | None
    how: str | None
    tried: list[str]
    config_path: str | None
    config_version: str | None = None     # meta.lastTouchedVersion


@dataclasses.dataclass
class AgentStore:
    agent: str
    db_path: str | None = None
    schema: int | None = None
    app_version: str | None = None
    has_transcripts: bool = False         # transcript_events exists (SQLite era)
    unreadable: str | None = None
    live_jsonl: int = 0                   # hot sessions/<id>.jsonl (what OpenClaw's doctor imports)
    archived_jsonl: int = 0               # .reset./.deleted./.bak./cold/imported (sources.discovery.is_archived)
    archived_kinds: dict[str, int] = dataclasses.field(default_factory=dict)   # kind -> files


@dataclasses.dataclass
class EnvFacts:
    python: str
    sqlite_version: str
    sqlite_json: bool
    zstd_version: str | None
    zstd_needed: bool


@dataclasses.dataclass
class CollectFacts:
    data_dir: str
    ledger_path: str
    ledger_exists: bool
    ledger_error: str | None = None
    last_run: dict | None = None          # {"finished_ms", "stats": {...}}
    events: int = 0
    pending_files: int = 0
    pending_new_files: int = 0
    pending_bytes: int = 0
    pending_dbs: int = 0
    pending_examples: list[str] = dataclasses.field(default_factory=list)
    problems: list[dict] = dataclasses.field(default_factory=list)    # ledger problems + discovery problems
    known_schema_max: int = 0


@dataclasses.dataclass
class UsageGroup:
    agent: str
    provider: str
    model: str
    calls: int
    tokens: int
    with_tokens: int
    missing: int
    missing_first_ms: int | None
    missing_last_ms: int | None
    priced_by_record: int                 # calls whose recorded cost is non-zero / provider-billed
    zero_recorded: int                    # calls with tokens and a recorded cost of exactly 0


@dataclasses.dataclass
class HookDir:
    path: str
    source: str                           # managed | extraDirs | workspace
    exists: bool
    hooks: list[dict]                     # {"name", "key", "path", "events": [...], "handler": bool}


@dataclasses.dataclass
class HookFacts:
    config_path: str | None
    internal_enabled: bool | None         # hooks.internal.enabled
    entries: dict[str, bool | None]       # hooks.internal.entries.<key>.enabled
    dirs: list[HookDir]
    legacy_log_exists: bool


@dataclasses.dataclass
class AuthFacts:
    profiles: list[dict]                  # {"id", "provider", "type", "store"}
    unreadable: list[tuple[str, str]]
    configured: list[str]                 # models.providers keys
    used: dict[str, int]                  # provider -> calls in the ledger
    with_config_key: set[str]
    with_env_key: set[str]
    config_path: str | None


@dataclasses.dataclass
class LegacyFacts:
    path: str | None                      # the log compared (None: none found)
    tried: list[str]
    error: str | None = None              # the log could not be read
    log: LegacyLog | None = None          # the log as read, when it was
    rec: Reconciliation | None = None     # its lines matched against the ledger's calls (ops/reconcile)


@dataclasses.dataclass
class ScheduleFacts:
    cron_jobs: list[dict]                 # {"name", "enabled", "store"}
    heartbeat_files: list[str]
    crontab_lines: int | None             # None: no crontab binary / unreadable
    sqlite_era: bool
    collect_command: str
    missing_programs: list[str] = dataclasses.field(default_factory=list)   # what a scheduled command runs, gone
    demo: bool = False                    # the bundled demo state: nothing to schedule


# ---------------------------------------------------------------- helpers


def _short_list(items: list[str], limit: int = 3) -> str:
    if len(items) <= limit:
        return ", ".join(items)
    return ", ".join(items[:limit]) + f" (+{len(items) - limit} more)"


def q(path: str) -> str:
    """A path as it can be pasted into a shell."""
    import shlex

    return shlex.quote(path)


# ---------------------------------------------------------------- installation

def check_state(state: StateFacts) -> list[Finding]:
    if state.path is None:
        return [Finding("error", "state.not-found",
                        "no OpenClaw state dir; tried: " + "; ".join(state.tried or ["(nothing)"]),
                        "pass --state-dir DIR, set OPENCLAW_STATE_DIR (or OPENCLAW_HOME), or use --profile NAME",
                        {"tried": state.tried}, short="no OpenClaw state dir found",
                        fix="token-monitor --state-dir DIR diagnose")]
    how = {"--state-dir": "from --state-dir", "OPENCLAW_STATE_DIR": "from $OPENCLAW_STATE_DIR",
           "--profile": "from --profile", "default": "default ~/.openclaw", "legacy": "legacy ~/.clawdbot",
           "demo": "bundled demo state"}.get(state.how or "", state.how or "")
    return [Finding("ok", "state.not-found", f"OpenClaw state dir {state.path} ({how})",
                    details={"path": state.path, "how": state.how, "config": state.config_path},
                    short=f"state dir found ({how})")]


def check_era(agents: list[AgentStore], *, config_version: str | None) -> list[Finding]:
    if not agents:
        return [Finding("warn", "state.era", "no agents in the state dir (agents/*/ is empty): nothing to collect",
                        "run OpenClaw once, or point --state-dir at the right directory",
                        short="no agents yet: nothing to collect", fix="openclaw agent --message hello")]
    parts = []
    for a in agents:
        kinds = []
        if a.has_transcripts:
            kinds.append(f"SQLite schema {a.schema}" + (f" (written by OpenClaw {a.app_version})" if a.app_version else ""))
        if a.live_jsonl:
            kinds.append(plural(a.live_jsonl, "JSONL transcript"))
        if a.archived_jsonl:
            what = ", ".join(f"{n} {ARCHIVE_NAMES.get(k, k)}" for k, n in sorted(a.archived_kinds.items()))
            kinds.append(plural(a.archived_jsonl, "archived JSONL file") + (f" ({what})" if what else ""))
        if not kinds:
            kinds.append("no transcripts yet")
        parts.append(f"{a.agent}: " + " + ".join(kinds))
    # the version OpenClaw wrote into its stores (schema_meta's version row) beats the config's
    versions = sorted({a.app_version for a in agents if a.app_version}, key=_version_key)
    version = versions[-1] if versions else config_version
    sqlite = any(a.has_transcripts for a in agents)
    era = "SQLite era" if sqlite else "JSONL era" if any(a.live_jsonl or a.archived_jsonl for a in agents) else "no transcripts yet"
    leftovers = sum(a.archived_jsonl + (a.live_jsonl if a.has_transcripts else 0) for a in agents) if sqlite else 0
    short = (f"OpenClaw {version}, " if version else "") + era + f", {plural(len(agents), 'agent')}" \
        + (f" + {plural(leftovers, 'JSONL file')}" if leftovers else "")
    details = [dataclasses.asdict(a) for a in agents]
    return [Finding("info", "state.era", (f"OpenClaw {version}; " if version else "") + "; ".join(parts), details=details,
                    short=short)]


NEVER_IMPORTED = {"reset", "deleted", "bak"}     # what OpenClaw's session-sqlite import leaves behind
ARCHIVE_NAMES = {"reset": ".reset", "deleted": ".deleted", "bak": ".bak (compaction)",
                 "imported": "moved to the doctor's import archive", "cold": "cold storage",
                 "deleted.zst": ".deleted.zst (OpenClaw's own archive)", "reset.zst": ".reset.zst", "bak.zst": ".bak.zst",
                 "imported.zst": "moved to the doctor's import archive"}


def _version_key(v: str) -> tuple:
    return tuple(int(x) if x.isdigit() else -1 for x in v.split("."))


def check_unimported(agents: list[AgentStore]) -> list[Finding]:
    """Hot `<id>.jsonl` files beside an SQLite store are what OpenClaw's doctor imports (warn, with the
    command). .reset/.deleted/.bak archives it never imports — its import lists only names ending in
    `.jsonl` — so they get an explanation and no remedy: token-monitor counts them anyway. (Files in the
    doctor's import archive were imported; cold storage is OpenClaw's own.)"""
    out = []
    hot = [a for a in agents if a.has_transcripts and a.live_jsonl]
    leftovers = {a.agent: sum(n for k, n in a.archived_kinds.items() if k in NEVER_IMPORTED)
                 for a in agents if a.has_transcripts}
    old = [(agent, n) for agent, n in sorted(leftovers.items()) if n]
    if hot:
        n = sum(a.live_jsonl for a in hot)
        names = ", ".join(f"{a.agent} ({plural(a.live_jsonl, 'file')})" for a in hot)
        out.append(Finding("warn", "storage.unimported-jsonl",
                           f"JSONL transcripts never imported into SQLite: {names}; token-monitor counts them, "
                           "OpenClaw's Gateway does not",
                           "openclaw doctor --fix (or: openclaw doctor --session-sqlite import --session-sqlite-all-agents); "
                           "token-monitor dedupes the copies",
                           [{"agent": a.agent, "files": a.live_jsonl} for a in hot],
                           short=f"{plural(n, 'JSONL transcript')} not imported into SQLite",
                           fix="openclaw doctor --fix"))
    if old:
        n = sum(k for _, k in old)
        names = ", ".join(f"{agent} ({k})" for agent, k in old)
        out.append(Finding("info", "storage.unimported-jsonl",
                           f".reset/.deleted/.bak JSONL transcripts beside the SQLite store: {names}. OpenClaw's doctor "
                           "never imports them (its import takes only names ending in .jsonl), so OpenClaw's store lacks "
                           "their calls; token-monitor counts each call once",
                           "", [{"agent": agent, "archived_files": k} for agent, k in old],
                           short=f"{plural(n, 'archived JSONL file')}: counted here, not by OpenClaw"))
    if not out:
        out.append(Finding("ok", "storage.unimported-jsonl", "no JSONL transcripts left beside an SQLite store",
                           short="no JSONL left beside SQLite"))
    return out


def check_env(env: EnvFacts) -> list[Finding]:
    out = []
    version = tuple(int(x) for x in env.sqlite_version.split(".")[:3] if x.isdigit())
    if not env.sqlite_json:
        out.append(Finding("warn", "env.sqlite",
                           f"SQLite {env.sqlite_version} in this Python lacks JSON functions: auth profiles cannot be read safely",
                           "use a Python built with SQLite >= 3.38 (python.org or distro python3.11+)",
                           short=f"SQLite {env.sqlite_version} lacks JSON functions",
                           fix="use a Python with SQLite >= 3.38"))
    elif version < SQLITE_JSON_MIN:
        out.append(Finding("ok", "env.sqlite", f"SQLite {env.sqlite_version} (JSON1 available)"))
    else:
        out.append(Finding("ok", "env.sqlite", f"SQLite {env.sqlite_version}, Python {env.python}"))
    if env.zstd_version is None:
        level = "error" if env.zstd_needed else "warn"
        out.append(Finding(level, "env.zstd",
                           "python module zstandard missing: compressed transcripts and archives cannot be read"
                           + (" (this state has some)" if env.zstd_needed else ""),
                           "python3 -m pip install 'zstandard>=0.21'",
                           short="zstandard missing: .zst data unreadable", fix="python3 -m pip install 'zstandard>=0.21'"))
    else:
        out.append(Finding("ok", "env.zstd", f"zstandard {env.zstd_version}"))
    return out


# ---------------------------------------------------------------- privacy of our own files

def check_private(data_dir: str, modes: Mapping[str, int], *, only_ours: bool) -> list[Finding]:
    """token-monitor's data dir should be 0700 and its files 0600: the ledger says who talked to the
    assistant, when and how much. `modes` maps each existing path (dir first) to its permission bits."""
    if not modes:
        return []
    loose = {p: m for p, m in modes.items() if m & 0o077}
    if not loose:
        return [Finding("ok", "data.private", f"token-monitor's data dir {data_dir} is private (0700, files 0600)")]
    shown = ", ".join(f"{p} ({m:04o})" for p, m in list(loose.items())[:3])
    if only_ours:
        remedy = (f"chmod 700 {data_dir} && chmod 600 {data_dir}/ledger.sqlite* {data_dir}/collect.lock "
                  "(token-monitor also tightens them on its next collect)")
    else:
        remedy = (f"the data dir holds other files too, so token-monitor leaves its mode alone: point --data-dir "
                  f"(or TOKEN_MONITOR_DATA_DIR) at a directory of its own, or chmod 700 {data_dir}")
    return [Finding("warn", "data.private", f"other users can read token-monitor's data: {shown}", remedy,
                    {"loose": {p: f"{m:04o}" for p, m in loose.items()}, "onlyTokenMonitorFiles": only_ours})]


# ---------------------------------------------------------------- collection

def check_collect(c: CollectFacts, *, now_ms: int, stale_after_ms: int = STALE_AFTER_MS) -> list[Finding]:
    if c.ledger_error:
        return [Finding("error", "collect.never-run", f"ledger {c.ledger_path} unreadable: {c.ledger_error}",
                        "token-monitor collect --rebuild (the damaged file is kept beside it)",
                        short="the ledger is unreadable", fix="token-monitor collect --rebuild")]
    if not c.ledger_exists or c.last_run is None:
        return [Finding("error", "collect.never-run", f"nothing collected yet (no ledger at {c.ledger_path})",
                        "token-monitor collect", short="nothing collected yet", fix="token-monitor collect")]
    age = now_ms - int(c.last_run["finished_ms"])
    stats = c.last_run.get("stats") or {}
    run_text = f"last collect {age_text((age) / 1000)} ago: {plural(int(stats.get('new_events', 0)), 'new call')}, " \
               f"{count(c.events)} in the ledger"
    if age > stale_after_ms:
        return [Finding("warn", "collect.stale", run_text,
                        "token-monitor collect (and schedule it: see schedule.none)",
                        {"age_ms": age, "finished_ms": c.last_run["finished_ms"]},
                        short=f"last collect {age_text(age / 1000)} ago", fix="token-monitor collect")]
    return [Finding("ok", "collect.stale", run_text, details={"age_ms": age},
                    short=f"collected {age_text(age / 1000)} ago, {plural(c.events, 'call')}")]


def check_pending(c: CollectFacts) -> list[Finding]:
    if not c.ledger_exists or c.last_run is None:
        return []
    if not (c.pending_files or c.pending_dbs):
        return [Finding("ok", "sources.pending", "every transcript and store is collected up to its last change",
                        short="everything collected")]
    parts = []
    if c.pending_files:
        parts.append(f"{plural(c.pending_files, 'transcript file')} ({bytes_text(c.pending_bytes)} new"
                     + (f", {c.pending_new_files} never seen" if c.pending_new_files else "") + ")")
    if c.pending_dbs:
        parts.append(f"{plural(c.pending_dbs, 'SQLite session store')} changed")
    example = f"; e.g. {c.pending_examples[0]}" if c.pending_examples else ""
    return [Finding("warn", "sources.pending", "not yet collected: " + " and ".join(parts) + example,
                    "token-monitor collect",
                    {"files": c.pending_files, "new_files": c.pending_new_files, "bytes": c.pending_bytes,
                     "stores": c.pending_dbs, "examples": c.pending_examples},
                    short=f"{plural(c.pending_files + c.pending_dbs, 'source')} changed since the last collect",
                    fix="token-monitor collect")]


def _problem_loc(p: Mapping) -> str:
    source = str(p.get("source", "")).removeprefix("file:").removeprefix("sqlite:").removeprefix("index:")
    return source + (f":{p['location']}" if p.get("location") else "")


def check_problems(c: CollectFacts) -> list[Finding]:
    out = []
    unreadable = [p for p in c.problems if p["code"] == "sources.unreadable"]
    malformed = [p for p in c.problems if p["code"] == "records.malformed"]
    schema = [p for p in c.problems if p["code"] == "state.schema-unknown"]
    if unreadable:
        first = unreadable[0]
        path = _problem_loc(first)
        out.append(Finding("error", "sources.unreadable",
                           f"{plural(len(unreadable), 'source')} unreadable, usage in them is not counted: "
                           f"{path} ({first['detail']})" + (f" (+{len(unreadable) - 1} more)" if len(unreadable) > 1 else ""),
                           f"make it readable (ls -l {q(path.split(':')[0] if not path.startswith('/') else path)}; "
                           "chmod u+r), then: token-monitor collect",
                           [{"source": _problem_loc(p), "detail": p["detail"]} for p in unreadable[:50]],
                           short=f"{plural(len(unreadable), 'source')} unreadable: usage not counted",
                           fix="make it readable (--verbose names it), then collect"))
    elif c.ledger_exists:
        out.append(Finding("ok", "sources.unreadable", "every source was readable", short="every source readable"))
    if malformed:
        sources = sorted({str(p["source"]) for p in malformed})
        first = malformed[0]
        out.append(Finding("warn", "records.malformed",
                           f"{plural(len(malformed), 'malformed record')} in {plural(len(sources), 'source')} skipped "
                           f"(the rest is counted); first: {_problem_loc(first)}: {first['detail']}",
                           # No command that prints the line: transcripts hold private message text.
                           "usually a line cut short by a crash or a full disk; nothing to do unless the count grows "
                           "(then check free disk space and OpenClaw's log); the record's tokens cannot be counted",
                           [{"at": _problem_loc(p), "detail": p["detail"]} for p in malformed[:50]],
                           short=f"{plural(len(malformed), 'malformed record')} skipped"))
    elif c.ledger_exists:
        out.append(Finding("ok", "records.malformed", "no malformed records", short="no malformed records"))
    if schema:
        out.append(Finding("warn", "state.schema-unknown",
                           f"{plural(len(schema), 'store')} written by a newer OpenClaw than token-monitor knows: "
                           f"{_problem_loc(schema[0])} ({schema[0]['detail']}); known tables are still read",
                           UPDATE_REMEDY,
                           [{"at": _problem_loc(p), "detail": p["detail"]} for p in schema],
                           short="a store is newer than token-monitor knows",
                           fix="update token-monitor (--verbose says how)"))
    return out


def _line_no(p: Mapping) -> str:
    loc = str(p.get("location") or "")
    return loc.removeprefix("line ") if loc.startswith("line ") else "1"


def check_schema_live(agents: list[AgentStore], *, known_max: int, already: Iterable[Finding]) -> list[Finding]:
    """Stores newer than we know, seen now (the ledger may not have met them yet)."""
    if any(f.code == "state.schema-unknown" for f in already):
        return []
    newer = [a for a in agents if a.schema is not None and a.schema > known_max]
    if not newer:
        return [Finding("ok", "state.schema-unknown", f"every store's schema is known (<= {known_max})",
                        short=f"store schemas known (<= {known_max})")]
    a = newer[0]
    return [Finding("warn", "state.schema-unknown",
                    f"{a.db_path} has agent schema {a.schema} > {known_max} (newest known); known tables are still read",
                    UPDATE_REMEDY,
                    [{"agent": x.agent, "schema": x.schema} for x in newer],
                    short=f"agent schema {a.schema} is newer than {known_max}",
                    fix="update token-monitor (--verbose says how)")]


# ---------------------------------------------------------------- coverage

def check_usage_missing(groups: list[UsageGroup], *, tz: dt.tzinfo) -> list[Finding]:
    by_provider: dict[str, list[UsageGroup]] = {}
    for g in groups:
        if g.missing:
            by_provider.setdefault(g.provider, []).append(g)
    if not by_provider:
        return [Finding("ok", "usage.missing", "every successful call carried usage", short="every call carried usage")]
    out = []
    for provider, gs in sorted(by_provider.items(), key=lambda kv: -sum(g.missing for g in kv[1])):
        n = sum(g.missing for g in gs)
        total = sum(g.calls for g in gs)
        first = min(g.missing_first_ms for g in gs if g.missing_first_ms is not None)
        last = max(g.missing_last_ms for g in gs if g.missing_last_ms is not None)
        per_agent: dict[str, int] = {}
        for g in gs:
            per_agent[g.agent] = per_agent.get(g.agent, 0) + g.missing
        agents = ", ".join(f"{a} {k}" for a, k in sorted(per_agent.items()))
        models = sorted({g.model for g in gs})
        out.append(Finding(
            "warn", "usage.missing",
            f"{provider}: {n} of {plural(total, 'call')} finished without usage ({agents}; {', '.join(models)}), "
            f"{day_text(first, tz)} → {day_text(last, tz)}; likely the endpoint sent no streaming usage, so tokens are unknown (not 0)",
            f"check that models.providers.{provider}.baseUrl honours stream_options.include_usage "
            "(native Moonshot/Z.AI endpoints do; some proxies drop it); past calls cannot be recovered",
            [{"agent": g.agent, "provider": g.provider, "model": g.model, "missing": g.missing, "calls": g.calls,
              "first": day_text(g.missing_first_ms, tz), "last": day_text(g.missing_last_ms, tz)} for g in gs],
            short=f"{provider}: {n} of {plural(total, 'call')} without usage",
            fix=f"check models.providers.{provider}.baseUrl" if len(provider) <= 24 else "check the provider's baseUrl"))
    return out


def check_costs(groups: list[UsageGroup], prices: Mapping[tuple[str, str], Any], *, config_path: str | None,
                price_list_version: str | None = None) -> list[Finding]:
    models: dict[tuple[str, str], dict] = {}
    for g in groups:
        m = models.setdefault((g.provider, g.model), {"with_tokens": 0, "priced": 0, "zero": 0, "tokens": 0})
        m["with_tokens"] += g.with_tokens
        m["priced"] += g.priced_by_record
        m["zero"] += g.zero_recorded
        m["tokens"] += g.tokens
    unpriced, listed, zero = [], [], []
    for (prov, model), m in sorted(models.items()):
        if not m["with_tokens"]:
            continue
        price = prices.get((prov, model))
        from_list = price is not None and price.source != classify.CONFIGURED
        if m["priced"] < m["with_tokens"] and price is None:
            unpriced.append((prov, model, m["with_tokens"] - m["priced"], m["tokens"]))
        elif m["priced"] < m["with_tokens"] and from_list:
            listed.append((prov, model, m["with_tokens"] - m["priced"], price))
        if m["zero"] == m["with_tokens"] and not (m["priced"] < m["with_tokens"] and (price is None or from_list)):
            # an unpriced or list-priced model's $0 records are that same fact (cost.unpriced, cost.price-list)
            basis = ("configured price is 0 (plan-billed or free)" if price is not None and price.is_zero and not from_list
                     else f"now estimated from the {price.source}" if from_list
                     else "now estimated from the configured price" if price is not None else "no price configured")
            zero.append((prov, model, m["with_tokens"], basis))
    cfg = config_path or "openclaw.json"
    out = []
    if unpriced:
        names = [f"{p}/{m} ({plural(n, 'call')}, {count(t)} tokens)" for p, m, n, t in unpriced]
        p, m = unpriced[0][0], unpriced[0][1]
        out.append(Finding("warn", "cost.unpriced",
                           f"tokens but no price in {classify.CONFIGURED} or the price list (cost shown as unknown, not $0): "
                           f"{_short_list(names)}",
                           f"add a price in {cfg}: models.providers.{p}.models[id={m}].cost = "
                           "{input, output, cacheRead, cacheWrite} (USD per 1M tokens)"
                           + ("" if price_list_version else "; or install the price list: python3 -m pip install genai-prices"),
                           [{"provider": p_, "model": m_, "calls": n_, "tokens": t_} for p_, m_, n_, t_ in unpriced],
                           short=f"no price for {p}/{m}" + (f" (+{len(unpriced) - 1} more)" if len(unpriced) > 1 else ""),
                           fix=f"set models.providers.{p}.models[].cost" if len(p) <= 20 else "set a price for it in the config"))
    else:
        out.append(Finding("ok", "cost.unpriced", "every model with tokens has a recorded, configured or listed price",
                           short="every model has a price"))
    if listed:
        names = [f"{p}/{m} as {pr.matched} ({plural(n, 'call')})" for p, m, n, pr in listed]
        p, m = listed[0][0], listed[0][1]
        out.append(Finding("info", "cost.price-list",
                           f"estimated from the {listed[0][3].source} (OpenClaw recorded no cost): {_short_list(names)}",
                           f"to use your own price instead, set models.providers.{p}.models[id={m}].cost in {cfg}; "
                           "it always wins over the list",
                           [{"provider": p_, "model": m_, "calls": n_, "matched": pr.matched, "source": pr.source,
                             "price": {"input": pr.input, "output": pr.output, "cacheRead": pr.cache_read,
                                       "cacheWrite": pr.cache_write}} for p_, m_, n_, pr in listed],
                           short=f"{listed[0][0]}/{listed[0][1]} priced from the list" + (f" (+{len(listed) - 1} more)" if len(listed) > 1 else ""),
                           fix=""))
    if zero:
        names = [f"{p}/{m} ({plural(n, 'call')}; {b})" for p, m, n, b in zero]
        out.append(Finding("info", "cost.zero-recorded",
                           f"recorded cost is always $0 for {_short_list(names, 2)}",
                           f"if not plan-billed, set models.providers.<provider>.models[].cost in {cfg}; "
                           "token-monitor then estimates it (basis 'estimated')",
                           [{"provider": p, "model": m, "calls": n, "basis": b} for p, m, n, b in zero],
                           short=f"recorded cost always $0: {zero[0][0]}/{zero[0][1]}"
                           + (f" (+{len(zero) - 1} more)" if len(zero) > 1 else ""),
                           fix="" if all(b.startswith("configured price is 0") for _, _, _, b in zero)
                           else "if not plan-billed: set a price in the config"))
    return out


def check_gap_days(days: list[dict]) -> list[Finding]:
    """`days`: [{"day", "calls", "tokens", "missing", "errors"}] in the report time zone."""
    gaps = [d for d in days if d["calls"] and not d["tokens"]]
    if not gaps:
        return [Finding("ok", "usage.gap-days", f"every day with calls has usage ({plural(len(days), 'day')})",
                        short="every day with calls has usage")]
    names = [f"{d['day']} ({d['calls']} calls: {d['missing']} without usage, {d['errors']} failed)" for d in gaps]
    return [Finding("warn", "usage.gap-days",
                    f"{plural(len(gaps), 'day')} with calls but no tokens: {_short_list(names, 2)}",
                    "see usage.missing for the provider; failed calls (errors) are not billed",
                    gaps, short=f"{plural(len(gaps), 'day')} with calls but no tokens")]


# ---------------------------------------------------------------- hooks (the old design)

def _is_token_logger(name: str) -> bool:
    n = name.lower()
    return "token" in n and any(w in n for w in ("log", "usage", "track", "monitor", "audit", "stat", "count", "cost"))


def check_hooks(h: HookFacts) -> list[Finding]:
    out = []
    cfg = h.config_path or "openclaw.json"
    found = [(d, hk) for d in h.dirs for hk in d.hooks if _is_token_logger(hk["name"]) or _is_token_logger(hk["key"])]
    configured = {k: v for k, v in h.entries.items() if _is_token_logger(k)}
    evidence = bool(found or configured or h.legacy_log_exists)
    if h.internal_enabled is False or (h.internal_enabled is None and not h.entries):
        state = "false" if h.internal_enabled is False else "unset, no entries"
        out.append(Finding("info", "hooks.internal-disabled",
                           f"internal hooks are off (hooks.internal.enabled {state} in {cfg}): no directory hook runs"
                           + (", so an old token-logger hook wrote nothing" if evidence else ""),
                           "nothing to do for token-monitor; only an old hook would need: "
                           "openclaw config set hooks.internal.enabled true",
                           short="internal hooks are off" + (": the old logger wrote nothing" if evidence else "")))
    if evidence and not found:
        where = [d.path for d in h.dirs]
        out.append(Finding("info", "hooks.token-logger-missing",
                           "no token-logging hook installed in "
                           + _short_list(where, 3) + (f" although {cfg} names {', '.join(sorted(configured))}" if configured else ""),
                           ("not needed: token-monitor reads transcripts; remove hooks.internal.entries."
                            + sorted(configured)[0] + f" from {cfg}") if configured else
                           "nothing to do: token-monitor reads transcripts; the old log stopped when its hook went",
                           short="old token-logger hook is gone (not needed)",
                           fix=("remove hooks.internal.entries." + sorted(configured)[0]) if configured
                           and len(sorted(configured)[0]) <= 30 else ""))
    for d, hk in found:
        key = hk["key"]
        problems = []
        if h.internal_enabled is False:
            problems.append("hooks.internal.enabled is false")
        enabled = h.entries.get(key)
        if enabled is False:
            problems.append(f"hooks.internal.entries.{key}.enabled is false")
        elif enabled is None and (d.source == "workspace" or h.entries):
            problems.append(f"hooks.internal.entries.{key} is not enabled"
                            + (" (workspace hooks need enabled: true)" if d.source == "workspace" else " (entries form an allowlist)"))
        if not hk["events"]:
            problems.append("HOOK.md declares no events")
        if not hk["handler"]:
            problems.append("no handler.ts/handler.js/index.ts/index.js")
        if problems:
            out.append(Finding("info", "hooks.token-logger-disabled",
                               f"hook {hk['name']} in {hk['path']} never runs: " + "; ".join(problems),
                               "not needed for token-monitor; to run it anyway: openclaw hooks enable " + key,
                               {"hook": hk, "problems": problems},
                               short=f"old hook {hk['name']} never runs (not needed)"))
    if not out and not found:
        out.append(Finding("ok", "hooks.internal-disabled", "no token-logging hook configured or installed",
                           short="no token-logging hook"))
    active = [(d, hk) for d, hk in found if not any(f.code == "hooks.token-logger-disabled" and f.details["hook"] is hk
                                                    for f in out)]
    out.append(Finding("info" if active else "ok", "hooks.not-needed",
                       "token-monitor reads OpenClaw's transcripts and stores directly; it needs no hook, and "
                       "OpenClaw has no per-call usage hook event"
                       + (f"; the old hook {active[0][1]['name']} still runs and can be disabled" if active else ""),
                       f"openclaw hooks disable {active[0][1]['key']}" if active else "",
                       short=f"old hook {active[0][1]['name']} still runs; not needed" if active
                       else "token-monitor needs no hook",
                       fix=f"openclaw hooks disable {active[0][1]['key']}" if active and len(active[0][1]['key']) <= 30 else ""))
    return out


# ---------------------------------------------------------------- auth profiles

def check_auth(a: AuthFacts) -> list[Finding]:
    out = []
    by_provider: dict[str, list[dict]] = {}
    for p in a.profiles:
        if p.get("provider"):
            by_provider.setdefault(p["provider"], []).append(p)
    cfg = a.config_path or "openclaw.json"
    providers = sorted(set(a.configured) | set(a.used))
    no_creds, other_creds = [], []
    for prov in providers:
        if prov in by_provider or prov == "(unknown)":
            continue
        if prov in a.with_config_key or prov in a.with_env_key:
            other_creds.append((prov, "apiKey in config" if prov in a.with_config_key else "environment variable"))
        else:
            no_creds.append(prov)
    for prov in no_creds:
        used = a.used.get(prov, 0)
        out.append(Finding("warn", "auth.provider-without-profile",
                           f"{prov} is {'used (' + plural(used, 'call') + ')' if used else 'configured'} "
                           "but has no auth profile and no apiKey in config or a known env var here",
                           f"add auth.profiles.\"{prov}:default\" = {{provider: \"{prov}\", mode: \"api_key\"}} in {cfg} "
                           f"and store the key with openclaw configure, or set models.providers.{prov}.apiKey",
                           {"provider": prov, "calls": used},
                           short=f"{prov}: no auth profile or API key here",
                           fix=f"openclaw models auth paste-token --provider {prov}" if len(prov) <= 14 else "openclaw configure"))
    if other_creds:
        text = ", ".join(f"{p} ({how})" for p, how in other_creds)
        out.append(Finding("info", "auth.provider-without-profile",
                           f"no auth profile but credentials elsewhere: {text} — that works; a missing profile does not "
                           "hide usage", "",
                           [{"provider": p, "credentials": how} for p, how in other_creds],
                           short=f"{plural(len(other_creds), 'provider')} "
                           f"{'use keys' if len(other_creds) != 1 else 'uses a key'} outside auth profiles (fine)"))
    seen_ids: set[tuple[str, str | None]] = set()
    unused = []
    for p in a.profiles:
        k = (p["id"], p.get("provider"))
        if k in seen_ids:
            continue
        seen_ids.add(k)
        if p.get("provider") and p["provider"] not in a.used:
            unused.append(p)
    if unused:
        names = [f"{p['id']} ({p['provider']}, {p.get('type') or '?'}; {p['store']})" for p in unused]
        out.append(Finding("info", "auth.profile-unused",
                           f"{plural(len(unused), 'profile')} never used in the ledger: {_short_list(names, 2)}",
                           "nothing to fix if intended; otherwise check auth.order and the agent's model in " + cfg,
                           [{"id": p["id"], "provider": p["provider"], "type": p.get("type"), "store": p["store"]} for p in unused],
                           short=f"{plural(len(unused), 'auth profile')} never used"))
    for path, reason in a.unreadable:
        out.append(Finding("warn", "auth.provider-without-profile", f"auth store {path} unreadable ({reason})",
                           f"check its permissions (ls -l {q(path)})",
                           short="an auth store is unreadable", fix="check its permissions (--verbose names it)"))
    if not out:
        ids = sorted({p["id"] for p in a.profiles})
        out.append(Finding("ok", "auth.provider-without-profile",
                           f"every configured or used provider has a profile ({_short_list(ids, 4) or 'none needed'})",
                           short="every provider has credentials"))
    return out


# ---------------------------------------------------------------- legacy log

def check_legacy(legacy: LegacyFacts) -> list[Finding]:
    if legacy.error:
        return [Finding("warn", "legacy.token-usage-gaps", f"cannot read old log {legacy.path}: {legacy.error}",
                        "check the path; token-monitor reconcile --legacy FILE",
                        short="the old token log is unreadable", fix="token-monitor reconcile --legacy FILE")]
    if legacy.path is None:
        return [Finding("ok", "legacy.token-usage-gaps", "no old token-usage.jsonl to compare", "",
                        {"tried": legacy.tried}, short="no old token log")]
    log, rec = legacy.log, legacy.rec
    if log.unknown_keys is not None:
        return [Finding("info", "legacy.token-usage-gaps",
                        f"old log {legacy.path} has an unknown line shape (first line's keys: "
                        f"{', '.join(log.unknown_keys)}); not compared", "", {"path": legacy.path, "keys": log.unknown_keys},
                        short="old token log: unknown line shape, not compared")]
    missed, only = len(rec.missed_by_legacy), len(rec.only_in_legacy)
    if not (missed or only):
        return [Finding("ok", "legacy.token-usage-gaps",
                        f"old log {legacy.path} agrees with the ledger ({plural(rec.matched, 'call')})",
                        short=f"old token log agrees ({plural(rec.matched, 'line')})")]
    worst = rec.differing_rows()
    summary = rec.missed_summary["text"]
    examples = "; ".join(f"{r['day']} {r['model']}: ledger {r['ledgerCalls']}, old log {r['legacyCalls']} calls" for r in worst[:2])
    level = "warn" if only else "info"
    text = (f"old log {legacy.path} misses {plural(missed, 'call')} ({count(rec.missed_tokens)} tokens) the transcripts have"
            + (f" and has {plural(only, 'call')} ({count(rec.only_legacy_tokens)} tokens) they no longer have"
               if only else "")
            + (f"; {examples}" if examples else ""))
    short = (f"old log has {plural(only, 'call')} no transcript has" if only
             else f"old log missed {missed} calls: " + summary.replace(" calls of ", " of ")
             .replace(" others", " more").replace(" other", " more") if summary
             else f"old log missed {plural(missed, 'call')}")
    text += f"; missed: {summary}" if summary else ""
    return [Finding(level, "legacy.token-usage-gaps", text,
                    f"token-monitor reconcile --legacy {q(legacy.path)} lists each call; trust the ledger, retire the old log",
                    short=short, fix="token-monitor reconcile",
                    details={"path": legacy.path, "matched": rec.matched, "missed_calls": missed,
                             "missed_tokens": rec.missed_tokens, "summary": summary,
                             "only_legacy_calls": only, "only_legacy_tokens": rec.only_legacy_tokens,
                             "malformed_lines": len(log.malformed), "rows": worst})]


# ---------------------------------------------------------------- time zone

def check_timezone(configured: str | None, valid: bool, used: str, config_path: str | None) -> list[Finding]:
    """agents.defaults.userTimezone decides what "today" means; a typo there must not go unnoticed."""
    if configured and not valid:
        return [Finding("warn", "config.timezone",
                        f"agents.defaults.userTimezone {configured!r} is not a known IANA zone; days are counted in {used} instead",
                        f"set agents.defaults.userTimezone to an IANA name such as Europe/Berlin in {config_path or 'openclaw.json'}, "
                        "or pass --tz ZONE", short=f"userTimezone {configured!r} is not a time zone"[:60],
                        fix="set agents.defaults.userTimezone, e.g. Europe/Berlin")]
    if configured:
        return [Finding("ok", "config.timezone", f"days are counted in {configured} (agents.defaults.userTimezone)",
                        short=f"days counted in {configured}")]
    return [Finding("ok", "config.timezone", f"days are counted in {used} (host zone; set agents.defaults.userTimezone to change)",
                    short=f"days counted in {used} (host zone)")]


# ---------------------------------------------------------------- scheduling

def check_schedule(s: ScheduleFacts) -> list[Finding]:
    if s.demo:
        # `schedule --apply` refuses the bundled demo state: advising it would be advice that fails
        return [Finding("ok", "schedule.none", "the bundled demo state: nothing to schedule",
                        short="demo state: nothing to schedule")]
    missing = []
    if s.missing_programs:
        missing = [Finding("error", "schedule.command-missing",
                           f"scheduled collection runs {s.missing_programs[0]}, which no longer exists "
                           "(skill folder moved or venv removed): it silently never collects",
                           _schedule_remedy(s).replace(" (plan first", " again from where token-monitor is now (plan first"),
                           details={"missing": s.missing_programs},
                           short="scheduled collection runs a program that is gone",
                           fix="token-monitor schedule --apply")]
    return missing + _schedule_state(s)


def _schedule_state(s: ScheduleFacts) -> list[Finding]:
    jobs = [j for j in s.cron_jobs if j.get("enabled") is not False]
    if jobs:
        return [Finding("ok", "schedule.none", f"collection scheduled: OpenClaw cron job {jobs[0]['name']} ({jobs[0]['store']})",
                        details={"jobs": s.cron_jobs}, short="collection scheduled (OpenClaw cron)")]
    if s.crontab_lines:
        return [Finding("ok", "schedule.none", f"collection scheduled: {plural(s.crontab_lines, 'crontab line')} run token-monitor",
                        short="collection scheduled (crontab)")]
    if s.heartbeat_files:
        note = " (HEARTBEAT.md is retired in SQLite-era OpenClaw: move it to a cron job)" if s.sqlite_era else ""
        return [Finding("info" if s.sqlite_era else "ok", "schedule.none",
                        f"collection via heartbeat instruction in {s.heartbeat_files[0]}{note}",
                        _schedule_remedy(s) if s.sqlite_era else "",
                        short="heartbeat collection is retired in 2026.9+" if s.sqlite_era
                        else "collection scheduled (HEARTBEAT.md)",
                        fix="token-monitor schedule --apply" if s.sqlite_era else "")]
    disabled = [j for j in s.cron_jobs if j.get("enabled") is False]
    extra = f" (cron job {disabled[0]['name']} is disabled)" if disabled else ""
    return [Finding("warn", "schedule.none",
                    "collection is not scheduled" + extra + ": usage in sessions OpenClaw prunes (isolated cron runs after 24 h) "
                    "is lost before it is collected",
                    _schedule_remedy(s), short="collection is not scheduled" + (" (cron job disabled)" if disabled else ""),
                    fix="token-monitor schedule --apply")]


def _schedule_remedy(s: ScheduleFacts) -> str:
    """`schedule` picks the right mechanism for this OpenClaw (cron command job, HEARTBEAT.md or crontab)."""
    base = s.collect_command.removesuffix(" collect --quiet")
    return f"{base} schedule --apply (plan first without --apply; runs collection every 30 min at no model cost)"


# ---------------------------------------------------------------- ordering, filtering, rendering

def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    indexed = list(enumerate(findings))
    indexed.sort(key=lambda t: (LEVEL_RANK[t[1].level], CODE_RANK.get(t[1].code, 99), t[0]))
    return [f for _, f in indexed]


def select(findings: Iterable[Finding], checks: list[str] | None) -> list[Finding]:
    if not checks:
        return list(findings)
    return [f for f in findings if any(f.code == c or f.code.startswith(c.rstrip(".") + ".") for c in checks)]


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    out = {lvl: 0 for lvl in LEVELS}
    for f in findings:
        out[f.level] += 1
    return out
