"""`token-monitor session ID|KEY`: one session's calls by model and by day."""

from __future__ import annotations

import shlex

from .. import model, options
from .. import request as shell
from ..errors import UsageError
from ..ledger import usage
from ..output import envelope, print_json
from ..report import build, render
from ..report.periods import offset_segments
from ..report.totals import Totals, grouped_totals

AMBIGUOUS_SHOWN = 8

NAME = "session"
ORDER = 13
HELP = "one session's usage by model and day (by the name `sessions` prints, id, id prefix, key or label)"
DESCRIPTION = """One session's tokens, cost and calls, by model and by local day. The session is named as
`sessions` and `report` print it (main/main, main/whatsapp:direct:+49…5678, work/main#2e592595; a name
shortened with "…" works too), or by its id, a unique id prefix (6+ characters), its session key
(agent:main:main) or its label. When several sessions match, their names are listed to paste back."""
EPILOG = """examples:
  token-monitor session main/main
  token-monitor session 'main/whatsapp:direct:+49…5678'
  token-monitor session agent:main:main
  token-monitor session df9740d1
  token-monitor session claude-chat --json"""


def register(p) -> None:
    p.add_argument("ident", metavar="ID|KEY", help="session id, id prefix, session key or label")
    options.add_shared_options(p, "--tz", "--json", "--no-collect")


def run(ctx) -> int:
    a = ctx.args
    req = shell.usage_request(ctx, filters=model.Filters(sessions=(a.ident,)))
    tz, tz_name, show_ids = req.tz, req.tz_name, req.show_ids
    ledger, _ = shell.open_ledger(ctx, req)
    try:
        prices = shell.price_table(ctx, req.prices, ledger, now=ctx.now())
        query = usage.ledger_query(ledger)
        names = build.session_names(query, show_ids=show_ids)
        found = _find(query, a.ident, names=names, prices=prices, tz=tz)
        if not found:
            raise UsageError(f"no session matches {a.ident!r}", hint="list them with: token-monitor sessions",
                             code="session.not-found")
        if len(found) > 1:
            titles = [s["title"] for s in found]
            shown = ", ".join(titles[:AMBIGUOUS_SHOWN]) + (f", +{len(titles) - AMBIGUOUS_SHOWN} more"
                                                            if len(titles) > AMBIGUOUS_SHOWN else "")
            raise UsageError(f"{len(found)} sessions match {a.ident!r}: {shown}",
                             hint=f"name one of them as listed, e.g.: token-monitor session {shlex.quote(titles[0])}",
                             code="session.ambiguous")
        s = found[0]
        s.pop("lastCallMs", None)
        pair = [(s["agent"], s["sessionId"])]
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
        print(render.render_session_text(data, show_ids=show_ids), end="")
    return 0


def _find(query, ident: str, *, names, prices, tz) -> list[dict]:
    """The sessions with usage that `ident` names: any name `names` resolves (titles as printed, masked or
    not, keys, labels, ids), else the ledger's own match (id, id prefix, key, label) for sessions
    without metadata, also as `agent/<id prefix>`."""
    pairs = set(names.resolve(ident))
    if not pairs:
        names = build.with_all_sessions(query, names)
        pairs = set(names.resolve(ident))
    if pairs:
        filters = model.Filters(sessions=tuple(sorted({sid for _, sid in pairs})))
        rows = build.session_rows(query, start_ms=None, end_ms=None, filters=filters, prices=prices, tz=tz, names=names)
        return sorted((r for r in rows if (r["agent"], r["sessionId"]) in pairs), key=lambda r: r["title"])
    agent, slash, rest = ident.partition("/")
    for filters in (model.Filters(sessions=(ident,)),
                    model.Filters(agents=(agent,), sessions=(rest,)) if slash and rest else None):
        if filters is None:
            continue
        rows = build.session_rows(query, start_ms=None, end_ms=None, filters=filters, prices=prices, tz=tz, names=names)
        if rows:
            return sorted(rows, key=lambda r: r["title"])
    return []
