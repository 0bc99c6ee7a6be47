"""`token-monitor report`: usage and cost for a period, sized for a chat reply.

The shell around `build.build_report` and `render`: resolve the zone (--tz > OpenClaw's
agents.defaults.userTimezone > the host's), collect first, pick "now" (the clock, --now, or in
demo mode the latest event so the bundled data shows real numbers), then print.
Helpers here are shared by `sessions` and `session`.
"""

from __future__ import annotations

from .. import request
from ..ledger import usage
from ..output import envelope, print_json
from ..report import build, periods, render

NAME = "report"
ORDER = 10
HELP = "usage and cost for today, yesterday, this week or month (collects first)"
DESCRIPTION = """Usage and cost for a period, in your time zone: a headline (tokens split input/output/cache,
cost, calls, sessions), a breakdown table, the change against the previous equal period, a daily
sparkline for multi-day periods, the top sessions and at most three notes. Text fits 20 lines of
64 columns. Costs: recorded when OpenClaw recorded one; "est" = estimated from the model's price in
openclaw.json; "billed" = provider-billed; "mixed" = a sum of different kinds (a note splits it);
"free" = configured price is zero; "unpriced" = no price anywhere (never shown as $0). `week` and
`month` add "on pace for …" once a tenth of the period has passed. --json prints a versioned envelope (references/report-json.md).
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
  token-monitor report last-month --by provider   (also: last-week, 上周, 上个月)
  token-monitor report --since 'last month' --until 'this month' --tz UTC+8
  token-monitor report --since 3天前                 since 3 days ago, up to now

cost labels: est = estimated from openclaw.json prices · billed = provider-billed · mixed = several
  kinds in one sum · free = priced at zero · unpriced = no price known · +? = plus unpriced tokens
  not in the sum ($3.00 est+?)"""


def register(p) -> None:
    request.add_time_options(p)
    p.add_argument("--by", metavar="DIM[,DIM]", help="breakdown: " + "|".join(build.DIMENSIONS) + " (default: model)")
    request.add_filter_options(p)
    p.add_argument("--top", type=request.positive_int, metavar="N", help="rows per level before '+N more' (default: what fits)")
    p.add_argument("--format", choices=["text", "markdown"], default="text", help="text (default) or markdown")
    p.add_argument("--json", action="store_true", help="print the versioned JSON envelope")
    p.add_argument("--no-collect", action="store_true", help="report the ledger as it is, without collecting first")


# --------------------------------------------------------------------------- run
def run(ctx) -> int:
    a = ctx.args
    by = build.parse_by(a.by) or ("model",)
    req = request.usage_request(ctx)
    filters, tz, prices = req.filters, req.tz, req.prices
    ledger, collected = request.open_ledger(ctx, req)
    try:
        now, demo = request.resolve_now(ctx, ledger, tz)
        window, week_start = request.time_window(ctx, now=now, tz=tz)
        previous = periods.previous_window(window, tz=tz, week_start=week_start)
        fresh = request.freshness(ledger, collected_now=collected, real_now_ms=ctx.now_ms())
        query = usage.ledger_query(ledger)
        resolved = build.resolve_session_filters(query, filters)
        data = build.build_report(
            query, window=window, previous=previous, by=by, filters=resolved, prices=prices, tz=tz,
            tz_name=req.tz_name, tz_source=req.tz_source, now=now, top=a.top, demo=demo, freshness=fresh,
            last_window=lambda t: periods.containing_window(window, t, tz=tz, week_start=week_start),
            show_ids=req.show_ids,
        )
        data["filters"] = filters.as_json()          # as the user wrote them
        unmatched = request.with_unmatched(query, resolved, empty=data["totals"]["calls"] == 0 and not data["lastUsage"])
    finally:
        ledger.close()
    if a.json:
        print_json(envelope(NAME, data=data, warnings=unmatched + [n["text"] for n in data["notes"]]))
    elif a.format == "markdown":
        print(render.render_markdown({**data, "unmatchedFilters": unmatched}), end="")
    else:
        print(render.render_text({**data, "unmatchedFilters": unmatched}), end="")
    return request.exit_code(fresh)


