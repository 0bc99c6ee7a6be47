"""Which alerts are due, and sending each at most once.

Budget alerts fire at 80 % and 100 % of a budget, once per budget, threshold and period. Anomaly
alerts: a provider that stopped reporting usage, a day above 3x the trailing median, and
heartbeat/cron turns taking a growing share of tokens. "Once" is enforced by the ledger's
`alerts_sent` table: `Ledger.claim_alert` inserts the key in a transaction and only the caller
whose insert happened prints, so concurrent heartbeat runs never double-send.

The detectors (`spike_finding`, `silent_provider_findings`, `background_share_finding`) are pure;
`due_alerts` gathers their inputs with the ledger's named queries. Alert text names budgets, providers and numbers only —
never message content.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gettext
import statistics
from typing import Mapping

from ..ledger import usage
from ..ledger.classify import BACKGROUND_TRIGGERS
from ..model import Price
from ..report.words import amount_text
from .budget import Budget, BudgetStatus, alert_sentence, budget_status, is_currency

SPIKE_FACTOR = 3.0
SPIKE_HISTORY_DAYS = 14
SPIKE_MIN_ACTIVE_DAYS = 7
SILENT_WINDOW_MS = 24 * 3600 * 1000
SILENT_MIN_CALLS = 2
SILENT_HISTORY_DAYS = 14
SHARE_WINDOW_DAYS = 7
SHARE_MIN = 0.20
SHARE_GROWTH = 1.5


@dataclasses.dataclass(frozen=True)
class Alert:
    key: str            # the alerts_sent key: at most one send per key, ever
    text: str
    quiet_keys: tuple[str, ...] = ()   # keys to mark as sent alongside (a skipped 80 % when 100 % fires)


# ---------------------------------------------------------------- budgets

def budget_alert_key(st: BudgetStatus, threshold: int) -> str:
    b = st.budget
    # The limit is part of the key: raising a budget after its alert re-arms it.
    scope = f"{b.period}/{b.unit}/{b.agent or '*'}/{b.provider or '*'}/{b.model or '*'}"
    return f"budget:{scope}:{b.amount:g}:{st.period_key}:{threshold}"


def budget_alerts(statuses: list[BudgetStatus], tz_name: str, tr: gettext.NullTranslations | None = None) -> list[Alert]:
    out = []
    for st in statuses:
        t = st.threshold
        if t is None:
            continue
        lower = tuple(budget_alert_key(st, x) for x in (80, 100) if x < t)
        out.append(Alert(budget_alert_key(st, t), alert_sentence(st, tz_name, tr), lower))
    return out


# ---------------------------------------------------------------- anomaly detectors (pure)

def spike_finding(today: float, history: list[float]) -> float | None:
    """The trailing median when today's tokens exceed SPIKE_FACTOR x it, else None.

    `history` is the previous days' totals, zeros included; too little activity means no verdict.
    """
    if sum(1 for v in history if v > 0) < SPIKE_MIN_ACTIVE_DAYS:
        return None
    med = statistics.median(history)
    if med <= 0 or today <= SPIKE_FACTOR * med:
        return None
    return med


def silent_provider_findings(recent: Mapping[str, tuple[int, int]], earlier_ok: Mapping[str, int]) -> list[str]:
    """Providers whose recent calls all came back without usage although they reported it before.

    `recent`: provider -> (calls with usage, calls without usage) in the last window.
    """
    out = []
    for provider, (ok, missing) in sorted(recent.items()):
        if ok == 0 and missing >= SILENT_MIN_CALLS and earlier_ok.get(provider, 0) > 0:
            out.append(provider)
    return out


def background_share_finding(recent: tuple[float, float], previous: tuple[float, float]) -> tuple[float, float] | None:
    """(previous share, recent share) of heartbeat/cron tokens when it grew past the thresholds.

    Each argument is (background tokens, all tokens) for one window.
    """
    (rb, rt), (pb, pt) = recent, previous
    if rt <= 0 or pt <= 0:
        return None
    r, p = rb / rt, pb / pt
    if r >= SHARE_MIN and r >= SHARE_GROWTH * p and r - p >= 0.05:
        return p, r
    return None


# ---------------------------------------------------------------- gathering

def _day_start(d: dt.date, tz: dt.tzinfo) -> int:
    return int(dt.datetime.combine(d, dt.time(), tzinfo=tz).timestamp() * 1000)


def anomaly_alerts(conn, *, now: dt.datetime, tz: dt.tzinfo, tz_name: str,
                   tr: gettext.NullTranslations | None = None) -> list[Alert]:
    t = tr or gettext.NullTranslations()
    out: list[Alert] = []
    now_ms = int(now.timestamp() * 1000)
    today = now.astimezone(tz).date()

    # A day far above normal (today so far vs the previous 14 local days).
    bounds = [_day_start(today - dt.timedelta(days=i), tz) for i in range(SPIKE_HISTORY_DAYS, -2, -1)]
    totals = [float(usage.tokens_between(conn.execute, a, b)) for a, b in zip(bounds, bounds[1:])]
    med = spike_finding(totals[-1], totals[:-1])
    if med is not None:
        out.append(Alert(
            f"anomaly:spike:{today.isoformat()}",
            t.gettext("Token use today is %(factor)sx your usual day: %(today)s so far vs a median of %(median)s "
                      "over the last %(days)s days (%(zone)s).")
            % {"factor": f"{totals[-1] / med:.1f}", "today": amount_text(totals[-1], "tokens"),
               "median": amount_text(med, "tokens"), "days": SPIKE_HISTORY_DAYS, "zone": tz_name},
        ))

    # A provider that stopped reporting usage (the Kimi/GLM symptom): calls arrive, tokens do not.
    since = now_ms - SILENT_WINDOW_MS
    recent = {p: (ok, missing) for p, (ok, missing) in usage.usage_status_by_provider(conn.execute, since, now_ms + 1).items()}
    earlier = {p: ok for p, (ok, _) in usage.usage_status_by_provider(
        conn.execute, since - SILENT_HISTORY_DAYS * 86_400_000, since).items() if ok}
    for provider in silent_provider_findings(recent, earlier):
        n = recent[provider][1]
        out.append(Alert(
            f"anomaly:provider-silent:{provider}:{today.isoformat()}",
            t.gettext("Provider %(provider)s stopped reporting token usage: its last %(n)s calls in 24 h came back "
                      "with no counts, so they are missing from totals (run token-monitor diagnose).")
            % {"provider": provider, "n": n},
        ))

    # Heartbeat/cron turns taking a growing share of tokens (last 7 days vs the 7 before).
    def window(end_ms: int) -> tuple[float, float]:
        tokens = usage.tokens_by_trigger(conn.execute, end_ms - SHARE_WINDOW_DAYS * 86_400_000, end_ms)
        return float(sum(tokens.get(t, 0) for t in BACKGROUND_TRIGGERS)), float(sum(tokens.values()))

    share = background_share_finding(window(now_ms + 1), window(now_ms + 1 - SHARE_WINDOW_DAYS * 86_400_000))
    if share is not None:
        iso = today.isocalendar()
        out.append(Alert(
            f"anomaly:background-share:{iso[0]}-W{iso[1]:02d}",
            t.gettext("Heartbeat and cron turns now take %(share)s of your tokens (up from %(before)s the week before); "
                      "consider a longer heartbeat interval or a cheaper heartbeat model.")
            % {"share": f"{share[1]:.0%}", "before": f"{share[0]:.0%}"},
        ))
    return out


def budget_statuses(conn, budgets: list[Budget], *, now: dt.datetime, tz: dt.tzinfo,
                    prices: Mapping[tuple[str, str], Price], rates: Mapping[str, float] | None = None) -> list[BudgetStatus]:
    """Every budget's status; a budget in a currency whose rate was removed is left out (`budget status`
    says so; a scheduled alert run must not fail over it)."""
    return [budget_status(conn, b, now=now, tz=tz, prices=prices, rates=rates) for b in budgets
            if not is_currency(b.unit) or b.unit.upper() in (rates or {})]


def due_alerts(conn, budgets: list[Budget], *, now: dt.datetime, tz: dt.tzinfo, tz_name: str,
               prices: Mapping[tuple[str, str], Price], tr: gettext.NullTranslations | None = None,
               rates: Mapping[str, float] | None = None) -> list[Alert]:
    statuses = budget_statuses(conn, budgets, now=now, tz=tz, prices=prices, rates=rates)
    return budget_alerts(statuses, tz_name, tr) + anomaly_alerts(conn, now=now, tz=tz, tz_name=tz_name, tr=tr)


def send_once(ledger, alerts: list[Alert], *, at_ms: int) -> list[Alert]:
    """The alerts this caller won the right to send (each key claimed in its own transaction)."""
    won = []
    for a in alerts:
        if ledger.alert_sent(a.key):
            continue
        if ledger.claim_alert(a.key, detail=a.text[:500], at_ms=at_ms):
            won.append(a)
        for k in a.quiet_keys:
            ledger.claim_alert(k, detail=f"superseded by {a.key}", at_ms=at_ms)
    return won


def alert_paragraph(alerts: list[Alert]) -> str:
    """The one paragraph a heartbeat prints: the alerts' sentences after our name ("token-monitor: …");
    sentences that end in a Chinese full stop are joined without a space, as Chinese text is."""
    return "token-monitor: " + "".join(a.text + ("" if a.text.endswith("。") else " ") for a in alerts).rstrip()
