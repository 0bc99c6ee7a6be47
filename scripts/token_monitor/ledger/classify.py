"""Which cost we can defend for a call, and how we know it.

Pure. Order (openclaw-storage.md §4.1, §8): a provider-billed total as is; a recorded cost
when it is non-zero; otherwise an estimate from the configured price (USD per 1M tokens,
OpenClaw's `calculateUsageCost` rules); a configured all-zero price means plan-billed or
free ("zero-priced"); no price anywhere means "unpriced" — never a silent $0.00.
"""

from __future__ import annotations

from typing import Mapping

from ..model import Price

# The cost class of one event, as the reports price it (mirrors pricing.resolve_cost):
# B provider-billed, R recorded, Z no tokens, P priced by us (estimated / zero-priced / unpriced).
ROLLUP_CLASS_SQL = (
    "CASE WHEN cost_origin = 'provider-billed' AND cost_total IS NOT NULL THEN 'B' "
    "WHEN cost_total IS NOT NULL AND (cost_total > 0 OR COALESCE(cost_input, 0) != 0 "
    "OR COALESCE(cost_output, 0) != 0 OR COALESCE(cost_cache_read, 0) != 0 "
    "OR COALESCE(cost_cache_write, 0) != 0) THEN 'R' "
    "WHEN total_tokens = 0 THEN 'Z' ELSE 'P' END"
)

# What started a call (user turn, heartbeat, cron, sub-agent, hook), from the event's own trigger
# and its session key (`e` an events or rollup_hour row, `s` its LEFT JOINed sessions row).
_KEY_REST = ("(CASE WHEN s.session_key LIKE 'agent:%' THEN substr(s.session_key, instr(substr(s.session_key, 7), ':') + 7) "
             "ELSE COALESCE(s.session_key, '') END)")
TRIGGER_CLASS_SQL = (
    "CASE WHEN e.trigger = 'heartbeat' THEN 'heartbeat' "
    f"WHEN {_KEY_REST} LIKE 'cron:%' THEN 'cron' "
    f"WHEN {_KEY_REST} LIKE 'hook:%' THEN 'hook' "
    "WHEN COALESCE(s.session_key, '') LIKE '%subagent%' THEN 'subagent' ELSE 'user' END"
)

# Cost basis labels, also used in JSON output.
PROVIDER_BILLED = "provider-billed"
RECORDED = "recorded"
ESTIMATED = "estimated"
ZERO_PRICED = "zero-priced"
UNPRICED = "unpriced"
NO_TOKENS = "no-tokens"


def estimate(price: Price, *, input: int, output: int, cache_read: int, cache_write: int) -> float:
    return (input * price.input + output * price.output + cache_read * price.cache_read + cache_write * price.cache_write) / 1e6


def resolve_cost(ev: Mapping, prices: Mapping[tuple[str, str], Price]) -> tuple[float | None, str]:
    """(USD or None, basis) for one ledger event (a mapping with the ledger's column names)."""
    total = ev.get("cost_total")
    if ev.get("cost_origin") == PROVIDER_BILLED and total is not None:
        return float(total), PROVIDER_BILLED
    components = [ev.get(k) for k in ("cost_input", "cost_output", "cost_cache_read", "cost_cache_write")]
    if total is not None and (total > 0 or any(c for c in components if c)):
        return float(total), RECORDED
    if not ev.get("total_tokens"):
        return 0.0, NO_TOKENS
    price = prices.get((ev.get("provider"), ev.get("model")))
    if price is None:
        return None, UNPRICED
    if price.is_zero:
        return 0.0, ZERO_PRICED
    return estimate(price, input=ev.get("input", 0), output=ev.get("output", 0),
                    cache_read=ev.get("cache_read", 0), cache_write=ev.get("cache_write", 0)), ESTIMATED
