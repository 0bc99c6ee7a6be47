"""`token-monitor report`: usage and cost for a period, sized for a chat reply.

The shell around `build.build_report` and `render`: resolve the zone (--tz > OpenClaw's
agents.defaults.userTimezone > the host's), collect first, pick "now" (the clock, --now, or in
demo mode the latest event so the bundled data shows real numbers), then print.
Helpers here are shared by `sessions` and `session`.
"""

from __future__ import annotations

import sys

from .. import files, options, request
from ..errors import UsageError
from ..ledger import usage
from ..ops import settings
from ..output import envelope, print_json
from ..report import build, chart, currency, periods, render, words

NAME = "report"
ORDER = 10
HELP = "usage and cost for today, yesterday, this week or month (collects first)"
DESCRIPTION = """Usage and cost for a period, in your time zone: a headline (tokens split input/output/cache,
cost, calls, sessions), a breakdown table, the change against the previous equal period, a daily
sparkline for multi-day periods, the top sessions and at most three notes. Text fits 20 lines of
64 columns. Costs: recorded when OpenClaw recorded one; "est" = estimated from the model's price in
openclaw.json; "list" = estimated from the bundled price list (genai-prices) for calls OpenClaw
left unpriced; "billed" = provider-billed; "mixed" = a sum of different kinds (a note splits it);
"free" = configured price is zero; "unpriced" = no price anywhere (never shown as $0). `week` and
`month` add "on pace for …" once a tenth of the period has passed. --json prints a versioned envelope (references/report-json.md).
--chart also draws the period as a PNG and ends the text with a MEDIA:<path> line (references/charts.md).
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
  token-monitor report week --chart            + a PNG; last line MEDIA:/tmp/openclaw/token-monitor/….png
  token-monitor report month --currency CNY    costs at the rate set with: settings set currency.CNY 7.12

cost labels: est = estimated from openclaw.json prices · list = estimated from the price list · billed = provider-billed · mixed = several
  kinds in one sum · free = priced at zero · unpriced = no price known · +? = plus unpriced tokens
  not in the sum ($3.00 est+?)"""


def register(p) -> None:
    request.add_time_options(p)
    p.add_argument("--by", metavar="DIM[,DIM]", help="breakdown: " + "|".join(build.DIMENSIONS) + " (default: model)")
    request.add_filter_options(p)
    p.add_argument("--top", type=request.positive_int, metavar="N", help="rows per level before '+N more' (default: what fits)")
    p.add_argument("--format", choices=["text", "markdown"], default="text", help="text (default) or markdown")
    options.add_shared_options(p, "--json", "--no-collect")
    p.add_argument("--chart", nargs="?", const="", metavar="PATH",
                   help="also draw the period as a PNG (per day stacked by model; per hour for one day) and end the "
                        "output with a MEDIA:<path> line; default folder: OpenClaw's temp root (/tmp/openclaw/token-monitor)")
    p.add_argument("--chart-metric", choices=["auto", "tokens", "cost"], default="auto",
                   help="what the chart stacks (default: cost when every token is priced, else tokens)")
    p.add_argument("--currency", metavar="CODE",
                   help="show costs in CODE at the rate stored with: token-monitor settings set currency.CODE RATE")


# --------------------------------------------------------------------------- run
def run(ctx) -> int:
    a = ctx.args
    by = build.parse_by(a.by) or ("model",)
    req = request.usage_request(ctx)
    filters, tz = req.filters, req.tz
    rate = settings.currency_rate(settings.read_settings(ctx.data_dir), a.currency) if a.currency else None
    ledger, collected = request.open_ledger(ctx, req)
    try:
        now, demo = request.resolve_now(ctx, ledger, tz)
        prices = request.price_table(ctx, req.prices, ledger, now=now)
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
        if a.chart is not None:
            data["chart"] = draw_chart(ctx, query, data, window=window, filters=resolved, prices=prices, tz=tz,
                                       tz_name=req.tz_name, rate=rate)
    finally:
        ledger.close()
    if not a.json:
        for w in req.warnings:
            print(f"token-monitor: warning: {w}", file=sys.stderr)
    if a.json:
        if rate is not None:
            data["currency"] = {**rate, "label": settings.rate_label(rate)}
        print_json(envelope(NAME, data=data, warnings=list(req.warnings) + unmatched + [n["text"] for n in data["notes"]]))
        return request.exit_code(fresh)
    shown = {**currency.with_currency(data, rate, settings.rate_label(rate) if rate else None), "unmatchedFilters": unmatched}
    if a.format == "markdown":
        print(render.render_markdown(shown), end="")
    else:
        print(render.render_text(shown), end="")
    if data.get("chart"):
        # Last line, plain text, so the agent can copy it as its own reply line (references/charts.md §1).
        print(data["chart"]["media"])
    return request.exit_code(fresh)


def draw_chart(ctx, query, data: dict, *, window, filters, prices, tz, tz_name: str, rate: dict | None) -> dict:
    """Render the report's period as a PNG; return the `chart` block (path, MEDIA line, size, metric)."""
    import os
    from pathlib import Path

    from ..report.totals import grouped_totals

    t = data["totals"]
    metric = ctx.args.chart_metric
    if metric == "auto":
        metric = "cost" if t["cost"] and not t["unpricedTokens"] else "tokens"
    dim, _ = chart.chart_buckets(window, tz)
    groups = grouped_totals(query, [dim, "model"], start_ms=window.start_ms, end_ms=window.end_ms, filters=filters,
                            prices=prices, segments=periods.offset_segments(window.start_ms, window.end_ms, tz))
    sym, per_usd = (rate["symbol"], rate["perUsd"]) if rate else ("$", 1.0)
    cost = render.cost_cell({**t, "cost": None if t["cost"] is None else t["cost"] * per_usd}, sym)
    spec = chart.report_chart_spec(
        groups, window=window, tz=tz, tz_name=tz_name, metric=metric,
        headline=f"{words.tokens_text(t['totalTokens'])} · {cost}",
        span=render.span_of(data["window"]), symbol=sym, per_usd=per_usd,
        rate_text=settings.rate_label(rate) if rate else None)
    if ctx.args.chart:
        dest = Path(os.path.abspath(os.path.expanduser(ctx.args.chart)))
        folder = None
    else:
        folder = chart.default_chart_dir(ctx.env, uid=os.getuid() if hasattr(os, "getuid") else None)
        stamp = ctx.now().strftime("%Y%m%dT%H%M%S")
        dest = folder / f"{chart.CHART_PREFIX}{window.kind}-{stamp}-{os.getpid()}.png"
    if dest.suffix.lower() != ".png":
        raise UsageError(f"--chart {ctx.args.chart}: the chart is a PNG", hint="give a path ending in .png")
    try:
        if folder is not None:
            files.private_dir(folder, ours=(chart.CHART_PREFIX, "."))      # other users must not read the charts
        info = chart.write_png(spec, dest)
    except ImportError:
        raise UsageError("--chart needs matplotlib, which is not installed", code="dependency.missing",
                         hint="python3 -m pip install 'matplotlib>=3.8' (or reinstall token-monitor)") from None
    except OSError as exc:
        raise UsageError(f"cannot write the chart to {dest} ({exc.strerror or type(exc).__name__})",
                         hint="pass --chart PATH.png in a folder you can write (for OpenClaw: its temp root or your workspace)") from None
    if folder is not None:
        chart.remove_old_charts(folder, now_s=ctx.now().timestamp(), keep=dest)
    return {"path": str(dest), "media": f"MEDIA:{dest}", "width": info["width"], "height": info["height"], "metric": metric}


