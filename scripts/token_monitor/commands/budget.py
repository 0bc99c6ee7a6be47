"""`token-monitor budget`: set, list, remove and check spending limits (alerts come from `collect --heartbeat`)."""

from __future__ import annotations

import argparse
import sys

from .. import options, request
from ..errors import ExitCode, UsageError
from ..ledger.store import Ledger
from ..ledger.usage import unmatched_filters
from ..model import Filters
from ..ops import budget as bmod
from ..ops import settings
from ..ops.alerts import budget_statuses
from ..output import envelope, print_json
from ..report.render import plain_table
from ..report.words import amount_text, plural

NAME = "budget"
ORDER = 70
HELP = "spending limits per day/week/month with alerts at 80%% and 100%% (set, list, remove, status)"
DESCRIPTION = """Budgets per calendar day, ISO week (from Monday) or month in your time zone, in USD or tokens,
for all usage or one agent/provider/model. `collect --heartbeat` (see: schedule) sends one alert when a
budget passes 80% and one at 100%, once per budget per period. With no action, shows the status."""
EPILOG = """examples:
  token-monitor budget set daily 5                    $5 a day, all usage
  token-monitor budget set monthly 2M --tokens --agent work
  token-monitor budget set weekly 20 --usd --provider anthropic
  token-monitor budget list
  token-monitor budget status                         used, % of limit, projection
  token-monitor budget remove 2                       by id (see: budget list)
  token-monitor budget remove daily --agent work      by scope"""


def _scope_options(p, *, amount_units: bool = True) -> None:
    unit = p.add_mutually_exclusive_group()
    unit.add_argument("--usd", dest="unit", action="store_const", const="usd", help="limit in US dollars (default)")
    unit.add_argument("--tokens", dest="unit", action="store_const", const="tokens", help="limit in tokens (total)")
    unit.add_argument("--unit", dest="unit", metavar="UNIT", help="usd or tokens")
    unit.add_argument("--currency", dest="unit", metavar="CODE",
                      help="limit in another currency, converted at the rate stored with: settings set currency.CODE RATE")
    p.add_argument("--agent", metavar="A", help="only this agent")
    p.add_argument("--provider", metavar="P", help="only this provider")
    p.add_argument("--model", metavar="M", help="only this model id")


def register(p) -> None:
    options.add_shared_options(p, "--json", "--tz", "--no-collect")
    sub = p.add_subparsers(dest="budget_action", metavar="ACTION")
    s = sub.add_parser("set", help="set (or change) a budget", formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="AMOUNT: 5, $5, 5usd, 200k or 1.5M (tokens)")
    s.add_argument("period", metavar="daily|weekly|monthly")
    s.add_argument("amount", metavar="AMOUNT")
    _scope_options(s)
    r = sub.add_parser("remove", help="remove a budget by id or by scope")
    r.add_argument("target", metavar="ID|PERIOD")
    _scope_options(r)
    sub.add_parser("list", help="list budgets")
    st = sub.add_parser("status", help="used, %% of limit and projection for each budget")
    for sp in (s, r, sub.choices["list"], st):
        options.add_shared_options(sp, "--json", "--tz", "--no-collect", suppress=True)


# ---------------------------------------------------------------- shared with collect --heartbeat


def _row_text(b: bmod.Budget) -> str:
    return f"#{b.id}  {b.period:<7}  {amount_text(b.amount, b.unit):>14}  {b.scope}"


# ---------------------------------------------------------------- actions

def _set(ctx, ledger: Ledger) -> int:
    a = ctx.args
    period = bmod.parse_period(a.period)
    unit = bmod.parse_unit(a.unit)
    amount, unit = bmod.parse_amount(a.amount, unit=unit)
    if bmod.is_currency(unit):
        settings.currency_rate(settings.read_settings(ctx.data_dir), unit)     # no rate yet: the one-line fix
    agent, provider, model = bmod.normalize_filters(agent=a.agent, provider=a.provider, model=a.model)
    unseen = unmatched_filters(ledger.conn.execute, Filters(agents=(agent,) if agent else (),
                                                            providers=(provider,) if provider else (),
                                                            models=(model,) if model else ()))
    # A budget whose filter matches nothing stays silent ("--model claude"): stored, but said loudly.
    warnings = [f"warning: {text}; this budget counts nothing until such usage appears" for text in unseen]
    bid = ledger.upsert_budget(period=period, unit=unit, amount=amount, agent=agent or "", provider=provider or "",
                               model=model or "", at_ms=ctx.now_ms())
    b = bmod.Budget(bid, period, unit, amount, agent, provider, model)
    if getattr(a, "json", False):
        print_json(envelope("budget", data={"action": "set", "budget": _budget_dict(b)}, warnings=warnings))
    else:
        print(f"budget #{bid} set: {amount_text(amount, unit)} {period}, {b.scope}")
        for line in warnings:
            print(line, file=sys.stderr)
    return 0


def _budget_dict(b: bmod.Budget) -> dict:
    return {"id": b.id, "period": b.period, "unit": b.unit, "limit": b.amount,
            "agent": b.agent, "provider": b.provider, "model": b.model}


def _remove(ctx, ledger: Ledger) -> int:
    a = ctx.args
    budgets = [bmod.Budget.from_row(r) for r in ledger.budgets()]
    target = a.target.strip().lstrip("#")
    if target.isdigit():
        match = [b for b in budgets if b.id == int(target)]
        if not match:
            raise UsageError(f"no budget #{target}", hint="see: token-monitor budget list")
    else:
        period = bmod.parse_period(target)
        unit = bmod.parse_unit(a.unit)
        agent, provider, model = bmod.normalize_filters(agent=a.agent, provider=a.provider, model=a.model)
        match = [b for b in budgets if b.period == period and (unit is None or b.unit == unit)
                 and (b.agent, b.provider, b.model) == (agent, provider, model)]
        if not match:
            raise UsageError(f"no {period} budget for {bmod.Budget(None, period, unit or 'usd', 1, agent, provider, model).scope}",
                             hint="see: token-monitor budget list")
        if len(match) > 1:
            raise UsageError(f"{len(match)} {period} budgets match", hint="add --usd or --tokens, or remove by id")
    ledger.delete_budget(match[0].id)
    if getattr(a, "json", False):
        print_json(envelope("budget", data={"action": "remove", "budget": _budget_dict(match[0])}))
    else:
        print(f"budget #{match[0].id} removed ({match[0].period}, {match[0].scope})")
    return 0


def _list(ctx, ledger: Ledger) -> int:
    budgets = [bmod.Budget.from_row(r) for r in ledger.budgets()]
    if getattr(ctx.args, "json", False):
        print_json(envelope("budget", data={"action": "list", "budgets": [_budget_dict(b) for b in budgets]}))
    elif not budgets:
        print("no budgets set — e.g. token-monitor budget set daily 5")
    else:
        for b in budgets:
            print(_row_text(b))
    return 0


def _status(ctx, ledger: Ledger) -> int:

    _, tz, tz_name, rates, prices = request.alert_inputs(ctx, getattr(ctx.args, "tz", None), ledger)
    budgets = [bmod.Budget.from_row(r) for r in ledger.budgets()]
    now, _ = request.resolve_now(ctx, ledger, tz)         # the demo's data is old: its clock is its latest call
    statuses = budget_statuses(ledger.conn, budgets, now=now, tz=tz, prices=prices, rates=rates)
    no_rate = sorted({b.unit.upper() for b in budgets if bmod.is_currency(b.unit) and b.unit.upper() not in rates})
    due = any(st.threshold for st in statuses)
    if getattr(ctx.args, "json", False):
        print_json(envelope("budget", status="alert" if due else "ok",
                            data={"action": "status", "timeZone": tz_name, "budgets": [st.as_dict() for st in statuses]}))
        return int(ExitCode.ALERT) if due else 0
    if not statuses:
        print("no budgets set — e.g. token-monitor budget set daily 5")
        return 0
    print(f"budgets · {now.astimezone(tz):%Y-%m-%d %H:%M} {tz_name}")
    rows = []
    for st in statuses:
        b = st.budget
        rows.append([f"#{b.id}", f"{b.period} · {b.scope}", amount_text(st.used, b.unit),
                     amount_text(b.amount, b.unit), f"{st.percent:.0f}%",
                     amount_text(st.projected, b.unit) if st.projected is not None else "—"])
    print("\n".join(plain_table(["id", "budget", "used", "limit", "%", "projected"], rows, width=None,
                                 align=["left", "left", "right", "right", "right", "right"])))
    for code in no_rate:
        print(f"note: budgets in {code} are not shown: no rate stored — token-monitor settings set currency.{code} RATE")
    unpriced = sum(st.unpriced_calls for st in statuses if st.budget.unit != "tokens")
    if unpriced:
        print(f"note: {plural(unpriced, 'call')} have no price configured and are not in USD totals (see: diagnose)")
    return int(ExitCode.ALERT) if due else 0


def run(ctx) -> int:
    action = getattr(ctx.args, "budget_action", None) or "status"
    if action == "set":
        # Validate before touching the ledger, so bad input changes nothing and needs no state.
        bmod.parse_period(ctx.args.period)
        bmod.parse_amount(ctx.args.amount, unit=bmod.parse_unit(ctx.args.unit))
    filtered_set = action == "set" and any((ctx.args.agent, ctx.args.provider, ctx.args.model))
    if (action == "status" or filtered_set) and not getattr(ctx.args, "no_collect", False):
        from ..collect.collector import collect

        collect(ctx.state.path, ctx.data_dir)
    ledger = Ledger.open(ctx.data_dir)
    try:
        return {"set": _set, "remove": _remove, "list": _list, "status": _status}[action](ctx, ledger)
    finally:
        ledger.close()
