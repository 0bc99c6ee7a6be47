"""`token-monitor collect`: read new usage from every OpenClaw source into the ledger."""

from __future__ import annotations

from .. import options
from ..collect.collector import CollectStats, collect
from ..errors import ExitCode, UsageError
from ..output import envelope, print_json
from ..report.words import plural

NAME = "collect"
ORDER = 20
HELP = "read new usage from OpenClaw into the ledger (incremental, exactly once)"
DESCRIPTION = """Read every usage-bearing record OpenClaw has written (SQLite stores, JSONL transcripts and
their reset/deleted/bak/import/cold archives) into token-monitor's ledger. Incremental: a run with
nothing new only stats files. Safe to run from cron, a heartbeat and by hand at the same time."""
EPILOG = """examples:
  token-monitor collect
  token-monitor collect --json
  token-monitor collect --rebuild      re-read every source (keeps events whose sources are gone)
  token-monitor collect --heartbeat    for schedulers: prints only NO_REPLY unless an alert is due"""


def register(p) -> None:
    options.add_shared_options(p, "--json")
    p.add_argument("--quiet", action="store_true", help="print nothing unless something went wrong")
    p.add_argument("--rebuild", action="store_true", help="re-read every source; a damaged ledger is set aside first")
    p.add_argument("--heartbeat", action="store_true",
                   help="scheduled run: print only the quiet token, or one alert paragraph when a budget/anomaly alert "
                        "is due (each alert once); exit 0 either way")
    p.add_argument("--quiet-token", choices=["auto", "NO_REPLY", "HEARTBEAT_OK", "none"], default="auto",
                   help="--heartbeat: what a quiet run prints (auto: NO_REPLY for OpenClaw 2026.9+, HEARTBEAT_OK before; "
                        "none: nothing)")
    options.add_shared_options(p, "--tz", only_with="--heartbeat")
    p.add_argument("--lang", metavar="TAG", help="--heartbeat: language of alert paragraphs, a BCP 47 tag: en, zh-CN "
                                                 "(default: the one `schedule --apply --lang` stored, else en)")


def summary_line(stats: CollectStats) -> str:
    parts = [f"collected {plural(stats.new_events, 'new call')}",
             f"{stats.sources} sources ({stats.sources_read} read)"]
    if stats.duplicates:
        parts.append(f"{stats.duplicates} duplicate copies skipped")
    if stats.malformed:
        first = next((p for p in stats.problems if p[0] == "records.malformed"), None)
        parts.append(f"{plural(stats.malformed, 'malformed record')}"
                     + (f" (first: {first[1]}: {first[2]})" if first else ""))
    if stats.unreadable:
        first = next((p for p in stats.problems if p[0] == "sources.unreadable"), None)
        parts.append(f"{plural(stats.unreadable, 'unreadable source')}"
                     + (f" (first: {first[1]}: {first[2]})" if first else ""))
    if stats.schema_unknown:
        parts.append("newer OpenClaw schema than known (see: diagnose)")
    parts.append(f"{stats.elapsed_ms / 1000:.2f}s")
    return " · ".join(parts)


def exit_code(stats: CollectStats) -> int:
    return int(ExitCode.PARTIAL) if (stats.malformed or stats.unreadable) else int(ExitCode.OK)


def run(ctx) -> int:
    if ctx.args.heartbeat:
        return run_heartbeat(ctx)
    stats = collect(ctx.state.path, ctx.data_dir, rebuild=ctx.args.rebuild, host_name=_host_name(ctx))
    code = exit_code(stats)
    if ctx.args.json:
        data = stats.as_dict()
        data.update({"state_dir": str(ctx.state.path), "state_dir_how": ctx.state.how, "data_dir": str(ctx.data_dir)})
        print_json(envelope("collect", status="ok" if code == 0 else "partial", data=data))
    elif not ctx.args.quiet or code:
        print(summary_line(stats))
    return code


def quiet_token(ctx, cfg: dict) -> str:
    """The "nothing to say" reply for the OpenClaw that wrote the config (meta.lastTouchedVersion)."""
    from ..ops.schedule import parse_version, quiet_token_for
    from ..sources.openclaw_config import dig

    chosen = ctx.args.quiet_token
    if chosen != "auto":
        return "" if chosen == "none" else chosen
    version = dig(cfg, "meta", "lastTouchedVersion")
    return quiet_token_for(parse_version(version if isinstance(version, str) else None))


def alert_language(ctx) -> str:
    """--lang, else the language `schedule --apply --lang` stored in our settings, else English."""
    from ..i18n import DEFAULT_LANG, normalize_lang
    from ..ops.settings import load_settings

    if ctx.args.lang:
        return normalize_lang(ctx.args.lang)
    stored = load_settings(ctx.data_dir).get("lang")
    try:
        return normalize_lang(stored) if isinstance(stored, str) else DEFAULT_LANG
    except UsageError:              # a hand-edited settings file must not silence alerts
        return DEFAULT_LANG


def run_heartbeat(ctx) -> int:
    """Collect, then print one alert paragraph if an alert is due and this run won it, else the quiet token.

    Exit 0 whether or not an alert is printed: OpenClaw records a non-zero command run as a failure.
    Unreadable sources do not make noise here every half hour; `diagnose` reports them.
    """
    from ..errors import LedgerBusyError
    from ..i18n import translations
    from ..ledger.store import Ledger
    from ..ops.alerts import alert_paragraph, due_alerts, send_once
    from ..ops.budget import Budget
    from ..request import alert_inputs

    try:
        collect(ctx.state.path, ctx.data_dir, rebuild=ctx.args.rebuild, host_name=_host_name(ctx))
    except LedgerBusyError:
        # Another collect (the user's, or an overlapping schedule) is doing this run's work; alerts are
        # evaluated by the next heartbeat. A scheduled run stays quiet and succeeds.
        token = "" if ctx.args.quiet_token == "none" else (ctx.args.quiet_token if ctx.args.quiet_token != "auto" else None)
        if ctx.args.json:
            print_json(envelope("collect", status="ok", data={"alerts": [], "busy": True}))
        else:
            from ..sources.openclaw_config import load_config_or_warning

            token = quiet_token(ctx, load_config_or_warning(ctx.config_path)[0]) if token is None else token
            if token:
                print(token)
        return int(ExitCode.OK)
    tr = translations(alert_language(ctx))
    ledger = Ledger.open(ctx.data_dir)
    try:
        budgets = [Budget.from_row(r) for r in ledger.budgets()]
        cfg, tz, tz_name, rates, prices = alert_inputs(ctx, ctx.args.tz, ledger, prices=any(b.unit != "tokens" for b in budgets))
        alerts = due_alerts(ledger.conn, budgets, now=ctx.now(), tz=tz, tz_name=tz_name, prices=prices, tr=tr, rates=rates)
        won = send_once(ledger, alerts, at_ms=ctx.now_ms())
    finally:
        ledger.close()
    if ctx.args.json:
        print_json(envelope("collect", status="alert" if won else "ok",
                            data={"alerts": [{"key": a.key, "text": a.text} for a in won]}))
    elif won:
        print(alert_paragraph(won))
    else:
        token = quiet_token(ctx, cfg)
        if token:
            print(token)
    return int(ExitCode.OK)


def _host_name(ctx) -> str | None:
    """This machine's name for the ledger (hosts.py), or None when OpenClaw's config cannot be read (the
    collect itself must not fail on it: diagnose reports the config)."""
    from ..hosts import local_config, local_name
    from ..sources.openclaw_config import ConfigError

    try:
        return local_name(ctx.env, local_config(ctx))
    except (ConfigError, OSError):
        return None
