"""Turn one raw transcript event (a dict) into a usage event, or say why not.

Pure: no I/O, no clock. Only assistant `message` entries carry billable usage
(openclaw-storage.md §3.4). Synthetic rows that were never model calls (`provider:"openclaw"`
delivery-mirror / gateway-injected, and 2026.2's provider-less `stopReason:"injected"` slash
replies) are skipped and counted. Zero-usage assistant rows are kept with a status so a
provider that never reports usage (the Kimi/GLM symptom) stays visible.

The dedupe key identifies one billed call across every copy OpenClaw makes of it (fork,
rewind, archives, import leftovers): entry id + `message.timestamp` + `responseId` + provider,
model and the usage numbers. Legacy 8-hex ids can collide; the other fields keep two distinct
calls apart, while verbatim copies agree on all of them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from typing import Any

from ..model import Skip, UsageEvent
from ..strings import text

HEARTBEAT_MARKER = "[OpenClaw heartbeat poll]"
# JSONL-era heartbeats sent the configured prompt itself; this is its default text.
LEGACY_HEARTBEAT_PROMPT = "Read HEARTBEAT.md if it exists (workspace context)."


def user_text_has_heartbeat(message: dict) -> bool:
    """True when a user message is OpenClaw's heartbeat poll. Only the marker is looked for; content is never kept."""
    content = message.get("content")
    texts = [content] if isinstance(content, str) else [
        p["text"] for p in content if isinstance(p, dict) and isinstance(p.get("text"), str)
    ] if isinstance(content, list) else []
    return any(HEARTBEAT_MARKER in t or LEGACY_HEARTBEAT_PROMPT in t for t in texts)

USAGE_KEYS = ("input", "output", "cacheRead", "cacheWrite")
PROVIDER_ALIASES = {"kimi-coding": "kimi", "kimi-code": "kimi", "z-ai": "zai", "z.ai": "zai"}
SYNTHETIC_PROVIDERS = {"openclaw"}
SYNTHETIC_APIS = {"openclaw-transcript"}
# Same output as json.dumps(parts, separators=(",", ":"), default=str), without building an
# encoder per call. The key format is persisted in ledgers: never change what this produces.
_KEY_ENCODER = json.JSONEncoder(separators=(",", ":"), sort_keys=False, default=str)


def normalize_provider(provider: str) -> str:
    p = provider.strip().lower()
    return PROVIDER_ALIASES.get(p, p)


# No single model call comes near this (the largest context windows are a few million tokens);
# a bigger count is a corrupt record, and summing a few of them would overflow SQLite's 64-bit sums.
MAX_TOKENS_PER_CALL = 10**10
# Plausible epoch-ms range for a call: 2001-09-09 .. 2286-11-20. Outside it, `message.timestamp` is
# in another unit (seconds, ns) or corrupt, and the entry's ISO timestamp is used instead.
MIN_EPOCH_MS, MAX_EPOCH_MS = 10**12, 10**13


def _int(value: Any) -> int | None:
    if value.__class__ is int:          # the common case, first (bool is not int here)
        return value if 0 <= value <= MAX_TOKENS_PER_CALL else None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 0 <= value <= MAX_TOKENS_PER_CALL else None
    if isinstance(value, float) and math.isfinite(value) and 0 <= value <= MAX_TOKENS_PER_CALL and value == int(value):
        return int(value)
    return None


# Dollars for one call. The priciest calls cost a few dollars; beyond this a cost is corrupt (1.7e308
# is finite, but two of them sum to inf and no report could be defended).
MAX_COST_PER_CALL = 1e6


def _num(value: Any) -> float | None:
    c = value.__class__
    if c is float:
        return value if math.isfinite(value) else None
    if c is int:
        return float(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) else None


def _bad_cost(cost: dict) -> str | None:
    """The first cost field that is a number but not a plausible one (NaN, ±inf, beyond MAX_COST_PER_CALL)."""
    for key in ("total", "input", "output", "cacheRead", "cacheWrite"):
        v = cost.get(key)
        # a number out of range; the comparison is False for NaN, so NaN is caught too
        if isinstance(v, (int, float)) and not isinstance(v, bool) and not -MAX_COST_PER_CALL <= v <= MAX_COST_PER_CALL:
            return key
    return None


def parse_iso_ms(value: Any) -> int | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=dt.timezone.utc)
        return int(parsed.timestamp() * 1000)
    except (ValueError, OverflowError, OSError):
        return None


def event_timestamp_ms(entry: dict, message: dict, fallback_ms: int | None) -> int | None:
    """`message.timestamp` (epoch ms) first, then the entry's ISO `timestamp`, then the store's time."""
    ts = message.get("timestamp")
    if isinstance(ts, (int, float)) and not isinstance(ts, bool) and math.isfinite(ts) and MIN_EPOCH_MS <= ts < MAX_EPOCH_MS:
        return int(ts)
    iso = parse_iso_ms(entry.get("timestamp"))
    if iso is not None and MIN_EPOCH_MS <= iso < MAX_EPOCH_MS:
        return iso
    if fallback_ms is not None and MIN_EPOCH_MS <= fallback_ms < MAX_EPOCH_MS:
        return fallback_ms
    return None


def dedupe_key(entry: dict, message: dict, numbers: tuple, *, session_id: str) -> str:
    entry_id = entry.get("id")
    parts: list[Any] = [
        entry_id if isinstance(entry_id, str) else None,
        message.get("timestamp"),
        message.get("responseId"),
        message.get("provider"),
        message.get("model"),
        message.get("stopReason"),
        *numbers,
    ]
    if not isinstance(entry_id, str) or not entry_id:
        # No entry id at all (never seen in real output): fall back to the session and entry time.
        parts += [session_id, entry.get("timestamp")]
    try:
        blob = _KEY_ENCODER.encode(parts)
    except (RecursionError, ValueError):      # a field nested absurdly deep, or NaN where an id belongs
        blob = repr(parts)[:4096]
    # surrogatepass: a lone surrogate in an id must still give a stable key (same bytes as before otherwise).
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def normalize_record(record: Any, *, session_id: str, fallback_ms: int | None = None) -> UsageEvent | Skip:
    """Normalise one transcript event. Returns a `UsageEvent` or a `Skip` saying why not.

    On the hot path of every collect: each field is read once (dict lookups are most of its time)."""
    if not isinstance(record, dict):
        return Skip("not-an-object", malformed=True, detail=type(record).__name__)
    if record.get("type") != "message":
        return Skip("not-a-message")
    message = record.get("message")
    if not isinstance(message, dict):
        return Skip("message-not-an-object", malformed=True)
    if message.get("role") != "assistant":
        return Skip("not-assistant")
    get = message.get
    provider_raw, api, stop_raw = get("provider"), get("api"), get("stopReason")
    if provider_raw is not None and not isinstance(provider_raw, str):
        return Skip("bad-provider", malformed=True)
    provider = normalize_provider(provider_raw) if provider_raw else None
    if provider in SYNTHETIC_PROVIDERS or (isinstance(api, str) and api in SYNTHETIC_APIS):
        return Skip("synthetic")
    if not provider_raw and stop_raw == "injected":
        return Skip("synthetic")
    usage = get("usage")
    if usage is None:
        usage = {}
    if not isinstance(usage, dict):
        return Skip("usage-not-an-object", malformed=True)
    uget = usage.get
    numbers = []
    for key in USAGE_KEYS:
        raw = uget(key, 0)
        value = _int(raw if raw is not None else 0)
        if value is None:
            return Skip("bad-usage-number", malformed=True, detail=key)
        numbers.append(value)
    inp, out, cache_read, cache_write = numbers
    total_raw = uget("totalTokens")
    if total_raw is None:
        total = inp + out + cache_read + cache_write
    else:
        total = _int(total_raw)
        if total is None:
            return Skip("bad-usage-number", malformed=True, detail="totalTokens")
    ts_ms = event_timestamp_ms(record, message, fallback_ms)
    if ts_ms is None:
        return Skip("no-timestamp", malformed=True)

    cost = uget("cost")
    cost_total = cost_in = cost_out = cost_cr = cost_cw = None
    origin = None
    if isinstance(cost, dict):
        bad = _bad_cost(cost)
        if bad:
            return Skip("bad-cost-number", malformed=True, detail=f"cost.{bad}")
        cget = cost.get
        cost_in, cost_out = _num(cget("input")), _num(cget("output"))
        cost_cr, cost_cw = _num(cget("cacheRead")), _num(cget("cacheWrite"))
        cost_total = _num(cget("total"))
        if cost_total is None:
            parts = [c for c in (cost_in, cost_out, cost_cr, cost_cw) if c is not None]
            cost_total = sum(parts) if parts else None
        if cost_total is not None:
            origin = "provider-billed" if cget("totalOrigin") == "provider-billed" else "recorded"

    stop = stop_raw if isinstance(stop_raw, str) else None
    if total > 0 or inp or out or cache_read or cache_write:
        status = "ok"
    elif stop in ("error", "aborted"):
        status = stop
    else:
        status = "missing"
    numbers.append(total)
    entry_id = record.get("id")
    entry_id = entry_id if isinstance(entry_id, str) else None
    response_id = get("responseId")
    model = get("model")
    return UsageEvent(
        key=dedupe_key(record, message, numbers, session_id=session_id),
        entry_id=text(entry_id),
        response_id=text(response_id) if isinstance(response_id, str) else None,
        provider=text(provider) if provider_raw else "(unknown)",
        model=text(model) if isinstance(model, str) and model else "(unknown)",
        api=text(api) if isinstance(api, str) else None,
        ts_ms=ts_ms, stop_reason=text(stop), usage_status=status,
        # the tokens, then what they cost (as recorded; None where the record has no cost)
        input=inp, output=out, cache_read=cache_read, cache_write=cache_write, total_tokens=total,
        cost_total=cost_total, cost_input=cost_in, cost_output=cost_out, cost_cache_read=cost_cr, cost_cache_write=cost_cw,
        cost_origin=origin,
    )
