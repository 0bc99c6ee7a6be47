"""`token-monitor sessions`: sessions with usage, filterable and sortable by tokens, cost or recency."""

from __future__ import annotations

import sys

from .. import options
from .. import request as shell
from ..ledger import usage
from ..output import envelope, print_json
from ..report import build, periods, render

NAME = "sessions"
ORDER = 12
HELP = "list sessions with their usage (sort by tokens, cost or recent)"
DESCRIPTION = """Sessions that made calls in a period (default: all time), with a human name (label, session key
or short id), tokens, cost, calls and the last call. Filter by agent, provider or model."""
EPILOG = """examples:
  token-monitor sessions                       all time, most tokens first
  token-monitor sessions week --sort cost
  token-monitor sessions --last 24h --sort recent --agent main
  token-monitor sessions --json --limit 50"""


def register(p) -> None:
    shell.add_time_options(p, default_period="all")
    shell.add_filter_options(p)
    p.add_argument("--sort", choices=["tokens", "cost", "recent"], default="tokens", help="order (default: tokens)")
    p.add_argument("--limit", type=shell.positive_int, default=15, metavar="N", help="sessions shown (default: 15)")
    options.add_shared_options(p, "--json", "--no-collect")


def run(ctx) -> int:
    a = ctx.args
    req = shell.usage_request(ctx)
    all_time = a.period is None or a.period.strip().lower() == "all"
    a.period = None if all_time else periods.period_named(a.period)     # a wrong word is exit 2 before collecting
    filters, tz, tz_name = req.filters, req.tz, req.tz_name
    ledger, _ = shell.open_ledger(ctx, req)
    try:
        now, demo = shell.resolve_now(ctx, ledger, tz)
        prices = shell.price_table(ctx, req.prices, ledger, now=now)
        if all_time and not (a.last or a.since or a.until):
            start_ms = end_ms = None
            title = "all time"
        else:
            window, _ = shell.time_window(ctx, now=now, tz=tz)
            start_ms, end_ms = window.start_ms, window.end_ms
            title = f"{window.title} · {render.span_of({'start': window.start.isoformat(), 'end': window.end.isoformat(), 'kind': window.kind})}"
        query = usage.ledger_query(ledger)
        resolved = build.resolve_session_filters(query, filters)
        rows = build.session_rows(query, start_ms=start_ms, end_ms=end_ms, filters=resolved, prices=prices, tz=tz,
                                  show_ids=req.show_ids)
        unmatched = shell.with_unmatched(query, resolved, empty=not rows)
    finally:
        ledger.close()
    keys = {
        "tokens": lambda r: (-r["totalTokens"], -(r["cost"] or 0.0), r["agent"], r["sessionId"]),
        "cost": lambda r: (-(r["cost"] if r["cost"] is not None else -1.0), -r["totalTokens"], r["agent"], r["sessionId"]),
        "recent": lambda r: (-(r["lastCallMs"] or 0), r["agent"], r["sessionId"]),
    }
    rows.sort(key=keys[a.sort])
    for r in rows:
        r.pop("lastCallMs", None)
    data = {"title": title, "timeZone": tz_name, "demo": demo, "sort": a.sort, "filters": filters.as_json(),
            "total": len(rows), "sessions": rows[: a.limit]}
    if a.json:
        print_json(envelope(NAME, data=data, warnings=list(req.warnings) + unmatched))
    else:
        for w in req.warnings:
            print(f"token-monitor: warning: {w}", file=sys.stderr)
        print(render.render_sessions_text({**data, "unmatchedFilters": unmatched}), end="")
    return 0
