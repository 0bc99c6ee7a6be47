"""`token-monitor session ID|KEY`: one session's calls by model and by day."""

from __future__ import annotations

from .. import model
from .. import request as shell
from ..errors import UsageError
from ..ledger import usage
from ..output import envelope, print_json
from ..report import build, render
from ..report.periods import offset_segments
from ..report.totals import Totals, grouped_totals

NAME = "session"
ORDER = 13
HELP = "one session's usage by model and day (by id, id prefix, session key or label)"
DESCRIPTION = """One session's tokens, cost and calls, by model and by local day. The session is named by its
id, a unique id prefix (6+ characters), its session key (agent:main:main) or its label."""
EPILOG = """examples:
  token-monitor session agent:main:main
  token-monitor session df9740d1
  token-monitor session claude-chat --json"""


def register(p) -> None:
    p.add_argument("ident", metavar="ID|KEY", help="session id, id prefix, session key or label")
    p.add_argument("--tz", metavar="ZONE", help="IANA time zone for days (default: agents.defaults.userTimezone, else the host's)")
    p.add_argument("--json", action="store_true", help="print the versioned JSON envelope")
    p.add_argument("--no-collect", action="store_true", help="use the ledger as it is, without collecting first")


def run(ctx) -> int:
    a = ctx.args
    req = shell.usage_request(ctx, filters=model.Filters(sessions=(a.ident,)))
    filters, tz, tz_name = req.filters, req.tz, req.tz_name
    ledger, _ = shell.open_ledger(ctx, req)
    try:
        prices = shell.price_table(ctx, req.prices, ledger, now=ctx.now())
        found = build.session_rows(usage.ledger_query(ledger), start_ms=None, end_ms=None, filters=filters, prices=prices, tz=tz)
        if not found:
            raise UsageError(f"no session matches {a.ident!r}", hint="list them with: token-monitor sessions",
                             code="session.not-found")
        if len(found) > 1:
            names = ", ".join(f"{s['agent']}/{s['sessionId'][:12]}" for s in found[:5])
            raise UsageError(f"{len(found)} sessions match {a.ident!r}: {names}", hint="use the full session id",
                             code="session.ambiguous")
        s = found[0]
        s.pop("lastCallMs", None)
        pair = [(s["agent"], s["sessionId"])]
        query = usage.ledger_query(ledger)
        first_ms, last_ms = usage.session_bounds(query, *pair[0])
        segments = offset_segments(first_ms, last_ms + 1, tz)
        none = model.Filters()
        by_model = grouped_totals(query, ["model"], start_ms=None, end_ms=None, filters=none,
                                            prices=prices, pairs=pair)
        by_day = grouped_totals(query, ["day"], start_ms=None, end_ms=None, filters=none,
                                          prices=prices, pairs=pair, segments=segments)
    finally:
        ledger.close()
    totals = Totals()
    for t in by_model.values():
        totals.add(t)
    data = {
        "timeZone": tz_name, "demo": bool(ctx.state.is_demo), "session": s,
        "totals": totals.as_json(),
        "byModel": build.build_rows(by_model, ["model"], top=build.DEFAULT_TOP, tz=tz, meta={}),
        "byDay": build.build_rows(by_day, ["day"], top=400, tz=tz, meta={}),
    }
    if a.json:
        print_json(envelope(NAME, data=data))
    else:
        print(render.render_session_text(data), end="")
    return 0
