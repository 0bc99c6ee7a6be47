"""`token-monitor report`: usage and cost for a period, sized for a chat reply.

The shell around `build.build_report` and `render`: resolve the zone (--tz > OpenClaw's
agents.defaults.userTimezone > the host's), collect first, pick "now" (the clock, --now, or in
demo mode the latest event so the bundled data shows real numbers), then print.
Helpers here are shared by `sessions` and `session`.
"""

from __future__ import annotations

import datetime as dt

from .. import model
from ..errors import ExitCode, UsageError
from ..ledger import usage
from ..ledger.store import Ledger
from ..output import envelope, print_json
from ..report import build, periods, render, timeparse
from ..report.timeparse import parse_point
from ..sources import openclaw_config as config

NAME = "report"
ORDER = 10
HELP = "usage and cost for today, yesterday, this week or month (collects first)"
DESCRIPTION = """Usage and cost for a period, in your time zone: a headline (tokens split input/output/cache,
cost, calls, sessions), a breakdown table, the change against the previous equal period, a daily
sparkline for multi-day periods, the top sessions and at most three notes. Text fits 20 lines of
64 columns. Costs: recorded when OpenClaw recorded one; "est" = estimated from the model's price in
openclaw.json; "billed" = provider-billed; "free" = configured price is zero; "unpriced" = no price
anywhere (never shown as $0). --json prints a versioned envelope (references/report-json.md).
Exits 5 (after answering) when the collect it ran found malformed records or unreadable sources."""
EPILOG = """examples:
  token-monitor report                         today, by model
  token-monitor report yesterday --by agent
  token-monitor report week --by agent,model
  token-monitor report month --by day --json
  token-monitor report --last 24h --by hour --tz Asia/Shanghai
  token-monitor report --since 2026-11-01 --until 2026-11-15 --provider anthropic
  token-monitor report week --by trigger       user turns vs heartbeat, cron, sub-agents, hooks
  token-monitor report --format markdown       for channels that render markdown

cost labels: est = estimated from openclaw.json prices · billed = provider-billed ·
  free = priced at zero · unpriced = no price known · +? = plus unpriced tokens not in the sum ($3.00 est+?)"""


def add_time_options(p, *, periods_allowed: bool = True) -> None:
    if periods_allowed:
        p.add_argument("period", nargs="?", choices=periods.PERIODS, help="calendar period (default: today)")
    p.add_argument("--last", metavar="DURATION", help="a rolling window ending now: 30m, 24h, 7d, 2w")
    p.add_argument("--since", metavar="WHEN", help="first instant included (2026-11-01, 2026-11-01T08:00, 'Nov 1 2026')")
    p.add_argument("--until", metavar="WHEN", help="first instant excluded (default: now)")
    p.add_argument("--tz", metavar="ZONE", help="IANA time zone (default: agents.defaults.userTimezone, else the host's)")
    p.add_argument("--week-start", metavar="DAY", default="monday", help="first day of a week (default: monday)")
    p.add_argument("--now", metavar="WHEN", help="answer as if it were WHEN (reproducible reports)")


def add_filter_options(p) -> None:
    p.add_argument("--agent", action="append", metavar="ID", help="only this agent (repeat or comma-separate)")
    p.add_argument("--provider", action="append", metavar="ID", help="only this provider")
    p.add_argument("--model", action="append", metavar="ID", help="only this model (id or provider/id)")
    p.add_argument("--session", action="append", metavar="ID|KEY", help="only this session (id, id prefix, key or label)")


def register(p) -> None:
    add_time_options(p)
    p.add_argument("--by", metavar="DIM[,DIM]", help="breakdown: " + "|".join(build.DIMENSIONS) + " (default: model)")
    add_filter_options(p)
    p.add_argument("--top", type=_positive_int, metavar="N", help="rows per level before '+N more' (default: what fits)")
    p.add_argument("--format", choices=["text", "markdown"], default="text", help="text (default) or markdown")
    p.add_argument("--json", action="store_true", help="print the versioned JSON envelope")
    p.add_argument("--no-collect", action="store_true", help="report the ledger as it is, without collecting first")


def _positive_int(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        import argparse
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {text!r}")
    return n


# --------------------------------------------------------------------------- shared shell helpers
def resolve_zone(ctx, cfg: dict) -> tuple[dt.tzinfo, str, str]:
    """(zone, name, source) by precedence: --tz, OpenClaw config, host (timeparse.resolve_zone)."""
    return timeparse.resolve_zone(getattr(ctx.args, "tz", None), config_tz=config.user_timezone(cfg), env=ctx.env)


def show_ids(ctx) -> bool:
    """--show-ids: peer ids in session names in full (text and markdown mask them by default)."""
    return bool(getattr(ctx.args, "show_ids", False))


def split_values(values) -> tuple[str, ...]:
    out = []
    for v in values or []:
        out += [x.strip() for x in v.split(",") if x.strip()]
    return tuple(out)


def filters_from(args) -> model.Filters:
    return model.Filters(agents=split_values(args.agent), providers=split_values(args.provider),
                             models=split_values(args.model), sessions=split_values(args.session))


def open_ledger(ctx):
    """Collect first (unless --no-collect), then open the ledger. Returns (ledger, collected_now)."""
    from ..collect.collector import collect

    collected = False
    if not getattr(ctx.args, "no_collect", False):
        collect(ctx.state.path, ctx.data_dir)
        collected = True
    return Ledger.open(ctx.data_dir, create=False), collected


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
    if not empty or not any((filters.agents, filters.providers, filters.models, filters.sessions)):
        return []
    return usage.unmatched_filters(query, filters, width=render.MAX_COLS)


def resolve_now(ctx, ledger: Ledger, tz: dt.tzinfo) -> tuple[dt.datetime, bool]:
    """(now, demo): --now, else in demo mode the latest event (the bundled data is old), else the clock."""
    demo = bool(ctx.state.is_demo)
    if getattr(ctx.args, "now", None):
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
    since = parse_point(a.since, tz=tz, option="--since", now=now) if a.since else None
    until = parse_point(a.until, tz=tz, option="--until", now=now) if a.until else None
    return periods.resolve_window(getattr(a, "period", None) or default, last=a.last, since=since, until=until,
                                  now=now, tz=tz, week_start=week_start), week_start


# --------------------------------------------------------------------------- run
def run(ctx) -> int:
    a = ctx.args
    reject_period_mix(a)
    by = build.parse_by(a.by) or ("model",)
    filters = filters_from(a)
    cfg = config.load_config(ctx.config_path)
    tz, tz_name, tz_source = resolve_zone(ctx, cfg)
    prices = config.model_prices(cfg, ctx.state.path)
    ledger, collected = open_ledger(ctx)
    try:
        now, demo = resolve_now(ctx, ledger, tz)
        window, week_start = time_window(ctx, now=now, tz=tz)
        previous = periods.previous_window(window, tz=tz, week_start=week_start)
        fresh = freshness(ledger, collected_now=collected, real_now_ms=ctx.now_ms())
        query = usage.ledger_query(ledger)
        resolved = build.resolve_session_filters(query, filters)
        data = build.build_report(
            query, window=window, previous=previous, by=by, filters=resolved, prices=prices, tz=tz,
            tz_name=tz_name, tz_source=tz_source, now=now, top=a.top, demo=demo, freshness=fresh,
            last_window=lambda t: periods.containing_window(window, t, tz=tz, week_start=week_start),
            show_ids=show_ids(ctx),
        )
        data["filters"] = filters.as_json()          # as the user wrote them
        unmatched = with_unmatched(query, resolved, empty=data["totals"]["calls"] == 0 and not data["lastUsage"])
    finally:
        ledger.close()
    if a.json:
        print_json(envelope(NAME, data=data, warnings=unmatched + [n["text"] for n in data["notes"]]))
    elif a.format == "markdown":
        print(render.render_markdown({**data, "unmatchedFilters": unmatched}), end="")
    else:
        print(render.render_text({**data, "unmatchedFilters": unmatched}), end="")
    return exit_code(fresh)


def reject_period_mix(args) -> None:
    if getattr(args, "period", None) and (args.last or args.since or args.until):
        raise UsageError("a period cannot be combined with --last/--since/--until", hint="use one of them")
