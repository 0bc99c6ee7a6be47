"""The two rules that decide what a call's numbers mean, each written once, SQL and Python side by side.

Cost class — which cost we can defend for a call, and how we know it (openclaw-storage.md §4.1, §8):
  B  provider-billed: the provider's own total, as is;
  R  recorded: OpenClaw recorded a cost (a positive total, or any non-zero component);
  Z  no tokens: nothing to price;
  P  priced by us: an estimate from the configured price (USD per 1M tokens, OpenClaw's
     `calculateUsageCost` rules), else from the bundled price list (basis "price-list", never shown
     as recorded); a configured all-zero price means plan-billed or free ("zero-priced"); no price
     anywhere means "unpriced" — never a silent $0.00. A price in openclaw.json always wins over the
     list (`effective_prices`), so a user can correct or zero any list price.
Trigger class — what started a call: a heartbeat poll (the event's own trigger), a cron job or a hook
(the session key after `agent:<id>:`), a sub-agent (a key containing `subagent`), else a user turn.
Names compare ASCII-case-insensitively, as SQLite's LIKE does.

`COST_CLASS_SQL` reads an `events` row (unqualified columns); `TRIGGER_CLASS_SQL` reads `e` (an events
or rollup_hour row) and `s` (its LEFT JOINed sessions row). tests/ledger/test_classify.py holds each
SQL form equal to its Python twin on arbitrary events.
"""

from __future__ import annotations

from typing import Mapping

from ..model import Price

# ---------------------------------------------------------------- cost class
PROVIDER_BILLED = "provider-billed"      # cost basis labels, also used in JSON output
RECORDED = "recorded"
ESTIMATED = "estimated"
ZERO_PRICED = "zero-priced"
UNPRICED = "unpriced"
NO_TOKENS = "no-tokens"
PRICE_LIST = "price-list"                # estimated from the bundled price list, not from openclaw.json
CONFIGURED = "openclaw.json"             # Price.source of a price the user configured
BASES = (RECORDED, PROVIDER_BILLED, ESTIMATED, PRICE_LIST, ZERO_PRICED)    # the keys of a cost split

COST_COMPONENTS = ("cost_input", "cost_output", "cost_cache_read", "cost_cache_write")
COST_CLASS_SQL = (
    "CASE WHEN cost_origin = 'provider-billed' AND cost_total IS NOT NULL THEN 'B' "
    "WHEN cost_total IS NOT NULL AND (cost_total > 0 OR COALESCE(cost_input, 0) != 0 "
    "OR COALESCE(cost_output, 0) != 0 OR COALESCE(cost_cache_read, 0) != 0 "
    "OR COALESCE(cost_cache_write, 0) != 0) THEN 'R' "
    "WHEN total_tokens = 0 THEN 'Z' ELSE 'P' END"
)


def cost_class(ev: Mapping) -> str:
    """Python twin of COST_CLASS_SQL for one event (a mapping with the ledger's column names)."""
    total = ev.get("cost_total")
    if ev.get("cost_origin") == PROVIDER_BILLED and total is not None:
        return "B"
    if total is not None and (total > 0 or any(ev.get(k) for k in COST_COMPONENTS)):
        return "R"
    if ev.get("total_tokens") == 0:
        return "Z"
    return "P"


def estimate(price: Price, *, input: int, output: int, cache_read: int, cache_write: int) -> float:
    return (input * price.input + output * price.output + cache_read * price.cache_read + cache_write * price.cache_write) / 1e6


def class_cost(cls: str, price: Price | None, *, cost_sum: float | None, input: int, output: int, cache_read: int,
               cache_write: int) -> tuple[float | None, str]:
    """(USD or None, basis) for calls of one cost class: a single call, or the sums of a group of one
    (provider, model, class) — estimation is linear in tokens, so pricing sums equals pricing each call."""
    if cls == "B":
        return float(cost_sum or 0.0), PROVIDER_BILLED
    if cls == "R":
        return float(cost_sum or 0.0), RECORDED
    if cls == "Z":
        return 0.0, NO_TOKENS
    if price is None:
        return None, UNPRICED
    if price.is_zero:
        return 0.0, ZERO_PRICED if price.source == CONFIGURED else PRICE_LIST
    return (estimate(price, input=input, output=output, cache_read=cache_read, cache_write=cache_write),
            ESTIMATED if price.source == CONFIGURED else PRICE_LIST)


def effective_prices(configured: Mapping[tuple[str, str], Price],
                     listed: Mapping[tuple[str, str], Price | None]) -> dict[tuple[str, str], Price]:
    """The price table every command prices with: the user's configured prices, and list prices only for
    (provider, model) pairs the user did not price. A configured zero stays zero ("free"), whatever the list says."""
    out = {k: v for k, v in listed.items() if v is not None and k not in configured}
    out.update(configured)
    return out


def basis_label(basis: str, prices: Mapping[tuple[str, str], Price] | None = None) -> str:
    """Provenance of a figure, as a person reads it: "recorded", "provider-billed", "est (openclaw.json)",
    "est (price list genai-prices 0.2.5)", "free (openclaw.json)", "unpriced"."""
    if basis == ESTIMATED:
        return f"est ({CONFIGURED})"
    if basis == PRICE_LIST:
        sources = sorted({p.source for p in (prices or {}).values() if p.source != CONFIGURED})
        return f"est ({', '.join(sources) or 'price list'})"
    if basis == ZERO_PRICED:
        return f"free ({CONFIGURED})"
    return basis


def resolve_cost(ev: Mapping, prices: Mapping[tuple[str, str], Price]) -> tuple[float | None, str]:
    """(USD or None, basis) for one ledger event."""
    return class_cost(cost_class(ev), prices.get((ev.get("provider"), ev.get("model"))), cost_sum=ev.get("cost_total"),
                      input=ev.get("input") or 0, output=ev.get("output") or 0, cache_read=ev.get("cache_read") or 0,
                      cache_write=ev.get("cache_write") or 0)


# ---------------------------------------------------------------- trigger class
TRIGGERS = ("user", "heartbeat", "cron", "subagent", "hook")
BACKGROUND_TRIGGERS = ("heartbeat", "cron")     # turns nobody typed: the alerts watch their share

_KEY_REST = ("(CASE WHEN s.session_key LIKE 'agent:%' THEN substr(s.session_key, instr(substr(s.session_key, 7), ':') + 7) "
             "ELSE COALESCE(s.session_key, '') END)")
SESSION_JOIN = " LEFT JOIN sessions s ON s.agent = e.agent AND s.session_id = e.session_id"
TRIGGER_CLASS_SQL = (
    "CASE WHEN e.trigger = 'heartbeat' THEN 'heartbeat' "
    f"WHEN {_KEY_REST} LIKE 'cron:%' THEN 'cron' "
    f"WHEN {_KEY_REST} LIKE 'hook:%' THEN 'hook' "
    "WHEN COALESCE(s.session_key, '') LIKE '%subagent%' THEN 'subagent' ELSE 'user' END"
)

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def fold(text: str) -> str:
    """Lower-case the way SQLite's lower() and LIKE do (ASCII only), so both sides of a comparison agree."""
    return text.translate(_ASCII_LOWER)


def trigger_class(session_key: str | None, event_trigger: str | None) -> str:
    """Python twin of TRIGGER_CLASS_SQL. The event's own trigger is required: it alone marks heartbeats."""
    if event_trigger == "heartbeat":
        return "heartbeat"
    key = fold(session_key or "")
    rest = key
    if key.startswith("agent:"):
        tail = key[len("agent:"):]
        rest = tail.partition(":")[2] if ":" in tail else tail
    if rest.startswith("cron:"):
        return "cron"
    if rest.startswith("hook:"):
        return "hook"
    if "subagent" in key:
        return "subagent"
    return "user"
