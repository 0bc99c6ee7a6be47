"""Budgets: parse what the user asks for, find the current period, measure spend, project it.

Budgets live in the ledger (`budgets` table) in the data dir. A budget is a limit per
calendar period (day, ISO week from Monday, month) in the user's time zone, in USD or tokens,
optionally narrowed to one agent, provider and/or model. Spend is the report's usage query priced
by classify's cost rule (recorded/provider-billed cost, else an estimate from configured prices;
calls with no price anywhere are counted, not $0).

`parse_*`, `period_bounds`, `project` and `status_line` are pure: `now` and the zone are parameters.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from typing import Mapping

from ..collect.normalize import normalize_provider
from ..errors import UsageError
from ..model import Filters, Price
from ..report.totals import Totals, grouped_totals
from ..report.words import amount_text, plural

PERIODS = ("daily", "weekly", "monthly")
UNITS = ("usd", "tokens")
PERIOD_NOUN = {"daily": "today", "weekly": "this week", "monthly": "this month"}
PERIOD_END = {"daily": "end of day", "weekly": "end of week", "monthly": "end of month"}
THRESHOLDS = (80, 100)

_AMOUNT_RE = re.compile(r"^\s*(?P<cur>\$)?\s*(?P<num>[0-9]+(?:\.[0-9]+)?|\.[0-9]+)\s*(?P<suffix>[A-Za-z$]*)\s*$")
_TOKEN_MULT = {"": 1, "k": 1_000, "m": 1_000_000, "b": 1_000_000_000}


@dataclasses.dataclass(frozen=True)
class Budget:
    id: int | None
    period: str            # daily | weekly | monthly
    unit: str              # usd | tokens
    amount: float
    agent: str | None = None
    provider: str | None = None
    model: str | None = None

    @classmethod
    def from_row(cls, row: Mapping) -> "Budget":
        return cls(row["id"], row["period"], row["unit"], float(row["amount"]),
                   row["agent"] or None, row["provider"] or None, row["model"] or None)

    @property
    def scope(self) -> str:
        parts = [f"{k}={v}" for k, v in (("agent", self.agent), ("provider", self.provider), ("model", self.model)) if v]
        return ", ".join(parts) if parts else "all usage"

    @property
    def scope_key(self) -> str:
        return f"{self.period}/{self.unit}/{self.agent or '*'}/{self.provider or '*'}/{self.model or '*'}"


@dataclasses.dataclass(frozen=True)
class BudgetStatus:
    budget: Budget
    used: float
    percent: float                   # of the limit
    projected: float | None          # linear projection to the end of the period
    unpriced_calls: int              # USD budgets: calls we could not price (not in `used`)
    period_start: dt.datetime
    period_end: dt.datetime
    period_key: str                  # "2026-11-28", "2026-W48", "2026-11"

    @property
    def threshold(self) -> int | None:
        """The highest alert threshold reached (80 or 100), or None."""
        reached = [t for t in THRESHOLDS if self.percent >= t]
        return reached[-1] if reached else None

    def as_dict(self) -> dict:
        b = self.budget
        return {
            "id": b.id, "period": b.period, "unit": b.unit, "limit": b.amount,
            "agent": b.agent, "provider": b.provider, "model": b.model,
            "used": self.used, "percent": round(self.percent, 1), "projected": self.projected,
            "unpricedCalls": self.unpriced_calls, "periodKey": self.period_key,
            "periodStart": self.period_start.isoformat(), "periodEnd": self.period_end.isoformat(),
        }


# ---------------------------------------------------------------- parsing user input

def parse_period(value: str) -> str:
    v = (value or "").strip().lower()
    aliases = {"day": "daily", "week": "weekly", "month": "monthly", "每天": "daily", "每周": "weekly", "每月": "monthly"}
    v = aliases.get(v, v)
    if v not in PERIODS:
        raise UsageError(f"unknown budget period {value!r}", hint="use daily, weekly or monthly")
    return v


def parse_unit(value: str | None) -> str | None:
    if value is None:
        return None
    v = value.strip().lower()
    v = {"$": "usd", "dollar": "usd", "dollars": "usd", "token": "tokens", "tok": "tokens"}.get(v, v)
    if v not in UNITS:
        raise UsageError(f"unknown budget unit {value!r}", hint="use --usd or --tokens")
    return v


def parse_amount(value: str, *, unit: str | None) -> tuple[float, str]:
    """(amount, unit) from "5", "$5", "5usd", "2.5", "200k", "1.5M tokens"-style input.

    A suffix decides the unit when no flag did; a suffix that contradicts the flag is an error.
    """
    text = (value or "").strip().replace("_", "").replace(",", "")
    if text.startswith("-"):
        raise UsageError(f"budget amount must be positive, got {value!r}", hint="e.g. budget set daily 5 --usd")
    if text.lower().endswith("tokens"):
        text = text[: -len("tokens")].rstrip()
        suffix_unit = "tokens"
    else:
        suffix_unit = None
    m = _AMOUNT_RE.match(text)
    if not m:
        raise UsageError(f"cannot read budget amount {value!r}", hint="e.g. 5, $5, 5usd, 200k --tokens")
    num = float(m.group("num"))
    suffix = m.group("suffix").lower()
    if m.group("cur") or suffix in ("usd", "$"):
        suffix_unit = suffix_unit or "usd"
        if suffix_unit != "usd" or suffix not in ("", "usd", "$"):
            raise UsageError(f"cannot read budget amount {value!r}", hint="e.g. 5, $5, 5usd, 200k --tokens")
        mult = 1
    elif suffix in _TOKEN_MULT and suffix:
        suffix_unit = "tokens"
        mult = _TOKEN_MULT[suffix]
    elif suffix in ("tok",):
        suffix_unit, mult = "tokens", 1
    elif suffix:
        raise UsageError(f"unknown budget unit {suffix!r} in {value!r}", hint="use --usd or --tokens (k/M for thousands/millions of tokens)")
    else:
        mult = 1
    if unit and suffix_unit and unit != suffix_unit:
        raise UsageError(f"amount {value!r} is in {suffix_unit} but --{unit} was given", hint="drop one of them")
    final_unit = unit or suffix_unit or "usd"
    amount = num * mult
    if not math.isfinite(amount) or amount <= 0:
        raise UsageError(f"budget amount must be positive, got {value!r}", hint="e.g. budget set daily 5 --usd")
    if final_unit == "tokens":
        amount = float(round(amount))
        if amount < 1:
            raise UsageError(f"a token budget needs at least 1 token, got {value!r}", hint="e.g. budget set daily 200k --tokens")
    elif amount < 0.0001:
        raise UsageError(f"budget amount {value!r} is below $0.0001", hint="e.g. budget set daily 0.50 --usd")
    return amount, final_unit


def normalize_filters(*, agent: str | None, provider: str | None, model: str | None) -> tuple[str | None, str | None, str | None]:
    def clean(v: str | None, what: str) -> str | None:
        if v is None:
            return None
        v = v.strip()
        if not v:
            raise UsageError(f"--{what} must not be empty")
        return v
    provider = clean(provider, "provider")
    return clean(agent, "agent"), normalize_provider(provider) if provider else None, clean(model, "model")


# ---------------------------------------------------------------- time

def period_bounds(period: str, now: dt.datetime, tz: dt.tzinfo) -> tuple[dt.datetime, dt.datetime, str]:
    """[start, end) of the calendar period containing `now`, in `tz`, and a stable key for it."""
    local = now.astimezone(tz)
    day = local.date()
    if period == "daily":
        start_d, end_d, key = day, day + dt.timedelta(days=1), day.isoformat()
    elif period == "weekly":
        start_d = day - dt.timedelta(days=day.weekday())
        end_d = start_d + dt.timedelta(days=7)
        iso = start_d.isocalendar()
        key = f"{iso[0]}-W{iso[1]:02d}"
    elif period == "monthly":
        start_d = day.replace(day=1)
        end_d = (start_d + dt.timedelta(days=32)).replace(day=1)
        key = f"{start_d.year}-{start_d.month:02d}"
    else:
        raise ValueError(period)
    # Midnight through ZoneInfo so DST days are 23 or 25 hours long, as the user lives them.
    start = dt.datetime.combine(start_d, dt.time(), tzinfo=tz)
    end = dt.datetime.combine(end_d, dt.time(), tzinfo=tz)
    return start, end, key


def project(used: float, *, start: dt.datetime, end: dt.datetime, now: dt.datetime) -> float | None:
    """Linear projection of `used` to the end of the period; None in the first minutes (too noisy)."""
    # Timestamps, not aware-datetime subtraction: the latter ignores DST within one zone.
    total = end.timestamp() - start.timestamp()
    elapsed = now.timestamp() - start.timestamp()
    if elapsed <= 0 or total <= 0:
        return None
    if elapsed < min(900.0, total / 48):
        return None
    return used * total / min(elapsed, total)


# ---------------------------------------------------------------- spend

def spend(conn, budget: Budget, *, start_ms: int, end_ms: int, prices: Mapping[tuple[str, str], Price]) -> tuple[float, int]:
    """(used, unpriced calls) for a budget's scope in [start_ms, end_ms); its filters match as a report's do."""
    filters = Filters(agents=(budget.agent,) if budget.agent else (), providers=(budget.provider,) if budget.provider else (),
                      models=(budget.model,) if budget.model else ())
    t = Totals()
    for group in grouped_totals(conn.execute, [], start_ms=start_ms, end_ms=end_ms, filters=filters, prices=prices).values():
        t.add(group)
    if budget.unit == "tokens":
        return float(t.total_tokens), 0
    return t.known_cost or 0.0, t.unpriced_calls


def budget_status(conn, budget: Budget, *, now: dt.datetime, tz: dt.tzinfo,
                  prices: Mapping[tuple[str, str], Price]) -> BudgetStatus:
    start, end, key = period_bounds(budget.period, now, tz)
    used, unpriced = spend(conn, budget, start_ms=int(start.timestamp() * 1000), end_ms=int(end.timestamp() * 1000), prices=prices)
    pct = 100.0 * used / budget.amount if budget.amount else 0.0
    return BudgetStatus(budget, used, pct, project(used, start=start, end=end, now=now), unpriced, start, end, key)


# ---------------------------------------------------------------- words


def alert_sentence(st: BudgetStatus, tz_name: str) -> str:
    b = st.budget
    state = "is over its limit" if st.percent >= 100 else "has reached"
    s = (f"Your {b.period} token-monitor budget for {b.scope} {state} ({st.percent:.0f}%): "
         f"{amount_text(st.used, b.unit)} of {amount_text(b.amount, b.unit)} used {PERIOD_NOUN[b.period]} ({tz_name})")
    if st.projected is not None and st.percent < 100:
        s += f", on pace for {amount_text(st.projected, b.unit)} by {PERIOD_END[b.period]}"
    if st.unpriced_calls:
        s += f"; {plural(st.unpriced_calls, 'call')} had no price and are not counted"
    return s + "."
