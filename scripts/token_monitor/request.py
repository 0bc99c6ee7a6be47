"""What a command asks, resolved once, below every command: the time and filter options,
the zone, filters, window and `now`, the ledger opened after a collect, and how fresh it is.

Commands do not import each other; what more than one of them needs lives here.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sqlite3

from . import hosts, model
from .errors import ExitCode, UsageError
from .ledger import usage
from .ledger.store import Ledger
from .options import add_shared_options
from .report import periods, render, timeparse
from .report.timeparse import parse_point
from .sources import openclaw_config as config


def add_time_options(p, *, default_period: str = "today") -> None:
    """A period word (any of periods.PERIOD_ALIASES, read by periods.period_named) and the window options.
    `default_period` is what no period means; "all" (all time) is then also a word the command takes."""
    words = periods.PERIODS + (("all",) if default_period == "all" else ())
    p.add_argument("period", nargs="?", metavar="PERIOD",
                   help="calendar period: " + ", ".join(words) + f" (also 今天 昨天 本周 本月 上周 上个月; default: {default_period})")
    p.add_argument("--last", metavar="DURATION", help="a rolling window ending now: 30m, 3h, 7d, 2w (3小时, 7天)")
    p.add_argument("--since", metavar="WHEN", help="first instant included: 2026-11-01, 2026-11-01T08:00, monday, "
                                                   "'last month', '3 days ago', Nov, 'Nov 1', 上周, 3天前")
    p.add_argument("--until", metavar="WHEN", help="first instant excluded (default: now); same forms as --since")
    add_shared_options(p, "--tz")
    p.add_argument("--week-start", metavar="DAY", default="monday", help="first day of a week (default: monday)")
    p.add_argument("--now", metavar="WHEN", help="answer as if it were WHEN (reproducible reports)")


def add_filter_options(p) -> None:
    p.add_argument("--agent", action="append", metavar="ID", help="only this agent (repeat or comma-separate)")
    p.add_argument("--provider", action="append", metavar="ID", help="only this provider")
    p.add_argument("--model", action="append", metavar="ID", help="only this model (id or provider/id)")
    p.add_argument("--session", action="append", metavar="ID|KEY", help="only this session (id, id prefix, key or label)")
    p.add_argument("--host", action="append", metavar="NAME", help="only calls collected on this host (name or id; see --by host)")


def positive_int(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {text!r}")
    return n


def resolve_zone(ctx, cfg: dict, tz_name: str | None = None) -> tuple[dt.tzinfo, str, str]:
    """(zone, name, source) by precedence: --tz (or `tz_name`), OpenClaw config, host (timeparse.resolve_zone)."""
    return timeparse.resolve_zone(tz_name or getattr(ctx.args, "tz", None), config_tz=config.user_timezone(cfg), env=ctx.env)


def split_values(values) -> tuple[str, ...]:
    out = []
    for v in values or []:
        out += [x.strip() for x in v.split(",") if x.strip()]
    return tuple(out)


def filters_from(args) -> model.Filters:
    return model.Filters(agents=split_values(args.agent), providers=split_values(args.provider),
                         models=split_values(args.model), sessions=split_values(args.session),
                         hosts=split_values(getattr(args, "host", None)))


def open_ledger(ctx, req: "UsageRequest | None" = None):
    """Collect first (unless --no-collect), then open the ledger, naming this host in it (hosts.py)
    when the request says its name. Returns (ledger, collected_now)."""
    from .collect.collector import collect

    collected = False
    if not getattr(ctx.args, "no_collect", False):
        collect(ctx.state.path, ctx.data_dir, host_name=req.host_name if req is not None else None)
        collected = True
    ledger = Ledger.open(ctx.data_dir, create=False)
    if req is not None and not collected:       # a collect names the host itself
        try:
            ledger.local_host(req.host_name, new_id=hosts.new_host_id(), at_ms=ctx.now_ms())
        except sqlite3.OperationalError:      # a read-only data dir: reports still answer, the name is the one stored
            pass
    return ledger, collected


def freshness(ledger: Ledger, *, collected_now: bool, real_now_ms: int) -> dict:
    """When the ledger was last collected and what that collect (this run's, when we just ran one)
    found. The `problems` table accumulates every problem ever seen; only the last run's counts say
    what is new, so an old malformed line does not come back on every report."""
    run = ledger.last_run()
    stats = (run or {}).get("stats") or {}
    malformed, unreadable = int(stats.get("malformed") or 0), int(stats.get("unreadable") or 0)
    last = run["finished_ms"] if run else None
    return {
        "lastCollect": dt.datetime.fromtimestamp(last / 1000, dt.timezone.utc).isoformat() if last else None,
        "ageSeconds": max(0, (real_now_ms - last) // 1000) if last else None,
        "collectedNow": collected_now,
        "problems": malformed + unreadable,
        "malformed": malformed,
        "unreadable": unreadable,
    }


def exit_code(fresh: dict) -> int:
    """5 (answered, but the collect this command ran found malformed records or unreadable sources)."""
    if fresh.get("collectedNow") and fresh.get("problems"):
        return int(ExitCode.PARTIAL)
    return int(ExitCode.OK)


def with_unmatched(query, filters: model.Filters, *, empty: bool) -> list[str]:
    """When a filtered answer is empty with no earlier usage: which filter values the ledger has never seen."""
    if not empty or not any((filters.agents, filters.providers, filters.models, filters.sessions, filters.hosts)):
        return []
    return usage.unmatched_filters(query, filters, width=render.MAX_COLS)


def resolve_now(ctx, ledger: Ledger, tz: dt.tzinfo) -> tuple[dt.datetime, bool]:
    """(now, demo): --now, else in demo mode the latest event (the bundled data is old), else the clock."""
    demo = bool(ctx.state.is_demo)
    if getattr(ctx.args, "now", None) is not None:
        return parse_point(ctx.args.now, tz=tz, option="--now", now=ctx.now()), demo
    if demo:
        _, last = ledger.event_bounds()
        if last is not None:
            return periods.from_ms(last, tz), demo
    return ctx.now(), demo


def time_window(ctx, *, now: dt.datetime, tz: dt.tzinfo, default: str = "today") -> tuple[periods.Window, int]:
    a = ctx.args
    week_start = periods.week_start_index(a.week_start)
    # Dates without a year ("Nov 26", "monday") are the most recent such day before the report's now.
    since = parse_point(a.since, tz=tz, option="--since", now=now, week_start=week_start) if a.since is not None else None
    until = parse_point(a.until, tz=tz, option="--until", now=now, week_start=week_start) if a.until is not None else None
    period = periods.period_named(getattr(a, "period", None))
    return periods.resolve_window(period or default, last=a.last, since=since, until=until,
                                  now=now, tz=tz, week_start=week_start), week_start


@dataclasses.dataclass(frozen=True)
class UsageRequest:
    """A usage question resolved once: which calls (filters), in which zone, priced how, and whether
    session names show peer ids in full (--show-ids; masked by default)."""

    filters: model.Filters
    tz: dt.tzinfo
    tz_name: str
    tz_source: str
    prices: dict
    host_name: str                       # this machine's name (hosts.resolve_host_name)
    warnings: tuple[str, ...] = ()        # e.g. an unreadable openclaw.json: answered without its zone/prices
    show_ids: bool = False


def usage_request(ctx, *, filters: model.Filters | None = None) -> UsageRequest:
    """Filters from the options (unless given), the zone by precedence, the configured prices."""
    reject_period_mix(ctx.args)
    cfg, warning = config.load_config_or_warning(ctx.config_path)
    tz, tz_name, tz_source = resolve_zone(ctx, cfg)
    return UsageRequest(filters if filters is not None else filters_from(ctx.args), tz, tz_name, tz_source,
                        config.model_prices(cfg, ctx.state.path), hosts.local_name(ctx.env, cfg),
                        (warning,) if warning else (), show_ids=bool(getattr(ctx.args, "show_ids", False)))


def reject_period_mix(args) -> None:
    if getattr(args, "period", None) and any(getattr(args, k, None) for k in ("last", "since", "until")):
        raise UsageError("a period cannot be combined with --last/--since/--until", hint="use one of them")


def price_table(ctx, configured: dict, ledger: Ledger, *, now: dt.datetime) -> dict:
    """The prices a command prices with: `configured` completed from the bundled price list for the
    models OpenClaw left unpriced (classify.effective_prices decides; TOKEN_MONITOR_PRICE_LIST=off skips it)."""
    from .report.prices import load_prices

    return load_prices(configured, ledger, now=now, cache_dir=ctx.data_dir, use_list=ctx.price_list_enabled)


def alert_inputs(ctx, tz_name: str | None, ledger: Ledger, *, prices: bool = True):
    """(config, tz, tz name, exchange rates, prices) for evaluating budgets and alerts in this context.
    `prices=False` (no budget is in money): no price table is built (a scheduled run stays cheap)."""
    from .ops import settings

    cfg = config.load_config(ctx.config_path)
    tz, name, _ = resolve_zone(ctx, cfg, tz_name)
    rates = settings.rates_per_usd(settings.read_settings(ctx.data_dir))
    table = price_table(ctx, config.model_prices(cfg, ctx.state.path), ledger, now=ctx.now()) if prices else {}
    return cfg, tz, name, rates, table

