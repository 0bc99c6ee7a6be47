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
import gettext
import math
import re
from typing import Mapping

from ..collect.normalize import normalize_provider
from ..errors import UsageError
from ..model import Filters, Price
from ..report.periods import period_window, projection_factor
from ..report.totals import Totals, grouped_totals
from ..report.words import amount_text

PERIODS = ("daily", "weekly", "monthly")
UNITS = ("usd", "tokens")
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

_WINDOW_OF = {"daily": "today", "weekly": "week", "monthly": "month"}


def period_bounds(period: str, now: dt.datetime, tz: dt.tzinfo) -> tuple[dt.datetime, dt.datetime, str]:
    """[start, end) of the calendar period containing `now`, in `tz` (the report's periods: weeks from
    Monday, local midnights, so DST days are 23 or 25 hours long), and a stable key for it."""
    if period not in _WINDOW_OF:
        raise ValueError(period)
    w = period_window(_WINDOW_OF[period], now=now, tz=tz, week_start=0)
    first = w.start.astimezone(tz).date()
    if period == "daily":
        key = first.isoformat()
    elif period == "weekly":
        iso = first.isocalendar()
        key = f"{iso[0]}-W{iso[1]:02d}"
    else:
        key = f"{first.year}-{first.month:02d}"
    return w.start, w.end, key


def project(used: float, *, start: dt.datetime, end: dt.datetime, now: dt.datetime) -> float | None:
    """Linear projection of `used` to the end of the period; None until enough of it has passed
    (periods.projection_factor: the one rule reports and budgets share)."""
    factor = projection_factor(start, end, now)
    return None if factor is None else used * factor


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


def alert_sentence(st: BudgetStatus, tz_name: str, tr: gettext.NullTranslations | None = None) -> str:
    """One budget alert in the language of `tr` (gettext; English when None). Amounts are formatted
    first, so they read the same in every language."""
    t = tr or gettext.NullTranslations()
    b = st.budget
    words = {
        "period": {"daily": t.gettext("daily"), "weekly": t.gettext("weekly"), "monthly": t.gettext("monthly")}[b.period],
        "scope": b.scope if (b.agent or b.provider or b.model) else t.gettext("all usage"),
        "percent": f"{st.percent:.0f}%", "used": amount_text(st.used, b.unit), "limit": amount_text(b.amount, b.unit),
        "when": {"daily": t.gettext("today"), "weekly": t.gettext("this week"), "monthly": t.gettext("this month")}[b.period],
        "zone": tz_name,
    }
    if st.percent >= 100:
        s = t.gettext("Your %(period)s token-monitor budget for %(scope)s is over its limit (%(percent)s): "
                      "%(used)s of %(limit)s used %(when)s (%(zone)s)") % words
    else:
        s = t.gettext("Your %(period)s token-monitor budget for %(scope)s has reached %(percent)s: "
                      "%(used)s of %(limit)s used %(when)s (%(zone)s)") % words
    if st.projected is not None and st.percent < 100:
        end = {"daily": t.gettext("end of day"), "weekly": t.gettext("end of week"), "monthly": t.gettext("end of month")}
        s += t.gettext(", on pace for %(projected)s by %(end)s") % {"projected": amount_text(st.projected, b.unit),
                                                                      "end": end[b.period]}
    if st.unpriced_calls:
        s += t.ngettext("; %(n)s call had no price and is not counted", "; %(n)s calls had no price and are not counted",
                        st.unpriced_calls) % {"n": st.unpriced_calls}
    return s + t.gettext(".")
