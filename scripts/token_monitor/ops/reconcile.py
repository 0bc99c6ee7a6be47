"""Match the old token-logging hook's calls against the ledger's, call by call and per day x model.

Matching is pure: a legacy line matches a ledger call with the same provider, model and token
counts whose time is within `TOLERANCE_MS` (the hook logged the entry time, the ledger keeps
`message.timestamp`, set when the request started), nearest first, each call used once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Mapping

from ..sources.legacy_log import LegacyCall

TOLERANCE_MS = 15 * 60 * 1000


@dataclasses.dataclass
class Reconciliation:
    matched: int
    missed_by_legacy: list[dict]        # ledger calls (with tokens) the old log lacks
    only_in_legacy: list[LegacyCall]    # old-log calls the ledger lacks
    by_day_model: list[dict]            # per day x provider/model: counts and tokens on both sides


def _day(ts_ms: int, tz: dt.tzinfo) -> str:
    return dt.datetime.fromtimestamp(ts_ms / 1000, tz).strftime("%Y-%m-%d")


def _event_tokens(e: Mapping) -> tuple[int, int, int, int, int]:
    return (e["input"], e["output"], e["cache_read"], e["cache_write"], e["total_tokens"])


def reconcile(calls: list[LegacyCall], events: list[Mapping], *, tz: dt.tzinfo = dt.timezone.utc,
              since_ms: int | None = None, until_ms: int | None = None,
              tolerance_ms: int = TOLERANCE_MS) -> Reconciliation:
    """Pair old-log lines with ledger calls. Only ledger calls with tokens count: the old hook
    skipped `totalTokens == 0`. The compared window defaults to the old log's own span (by day),
    so calls from before it was installed or after it stopped are not listed as "missed"."""
    events = [e for e in events if e["total_tokens"] > 0]
    if calls and since_ms is None:
        first = min(c.ts_ms for c in calls)
        since_ms = int(dt.datetime.fromisoformat(_day(first, tz)).replace(tzinfo=tz).timestamp() * 1000)
    if calls and until_ms is None:
        last = max(c.ts_ms for c in calls)
        end = dt.datetime.fromisoformat(_day(last, tz)).replace(tzinfo=tz) + dt.timedelta(days=1)
        until_ms = int(end.timestamp() * 1000)
    if since_ms is not None:
        events = [e for e in events if e["ts_ms"] >= since_ms]
    if until_ms is not None:
        events = [e for e in events if e["ts_ms"] < until_ms]

    pool: dict[tuple, list[Mapping]] = {}
    for e in events:
        pool.setdefault((e["provider"], e["model"], _event_tokens(e)), []).append(e)
    used: set[str] = set()
    # Nearest pairs first, so one far-off duplicate cannot steal another line's partner.
    candidates = []
    for c in calls:
        for e in pool.get((c.provider, c.model, c.tokens), ()):
            gap = abs(e["ts_ms"] - c.ts_ms)
            if gap <= tolerance_ms and (not c.session or c.session in (e["session_id"], e.get("session_key"))):
                candidates.append((gap, c.line, e["key"], c))
    candidates.sort(key=lambda t: (t[0], t[1], t[2]))
    matched_lines: set[int] = set()
    for gap, line, key, c in candidates:
        if line in matched_lines or key in used:
            continue
        matched_lines.add(line)
        used.add(key)
    missed = [dict(e) for e in events if e["key"] not in used]
    only_legacy = [c for c in calls if c.line not in matched_lines]

    table: dict[tuple[str, str, str], dict] = {}

    def row(day, provider, model):
        return table.setdefault((day, provider, model), {
            "day": day, "provider": provider, "model": model,
            "ledgerCalls": 0, "ledgerTokens": 0, "legacyCalls": 0, "legacyTokens": 0,
            "missedCalls": 0, "missedTokens": 0, "onlyLegacyCalls": 0, "onlyLegacyTokens": 0})
    def of_event(e: dict) -> tuple:
        return e["ts_ms"], e["provider"], e["model"], e["total_tokens"]

    def of_call(c: LegacyCall) -> tuple:
        return c.ts_ms, c.provider, c.model, c.total_tokens

    for items, view, name in ((events, of_event, "ledger"), (calls, of_call, "legacy"), (missed, of_event, "missed"),
                              (only_legacy, of_call, "onlyLegacy")):
        for item in items:
            ts_ms, provider, model, tokens = view(item)
            r = row(_day(ts_ms, tz), provider, model)
            r[f"{name}Calls"] += 1
            r[f"{name}Tokens"] += tokens
    by_day_model = [table[k] for k in sorted(table)]
    return Reconciliation(len(matched_lines), sorted(missed, key=lambda e: (e["ts_ms"], e["key"])),
                          sorted(only_legacy, key=lambda c: (c.ts_ms, c.line)), by_day_model)
