"""Read the old token-logging hook's `token-usage.jsonl` and match it against the ledger.

The format (documented in references/troubleshooting.md, "legacy log"): the community
token-logger hook / token-stats-cron extractor appended, per assistant message with
`totalTokens > 0`, one line
`{"timestamp": <entry ISO time>, "date": "YYYY-MM-DD", "provider", "model", "input", "output",
"cacheRead", "cacheWrite", "totalTokens", "cost": {"input","output","cacheRead","cacheWrite","total"}}`
to `<workspace>/memory/token-usage.jsonl`, deduplicated by `timestamp` only and without a
session id. Variants we also accept: `sessionId`/`session_id`/`sessionKey`, `agent`/`agentId`,
`ts` or epoch-ms timestamps, `model` as `provider/model`, and `inputTokens`/`outputTokens`
(or `promptTokens`/`completionTokens`).

Matching is pure: a legacy line matches a ledger call with the same provider, model and token
counts whose time is within `TOLERANCE_MS` (the hook logged the entry time, the ledger keeps
`message.timestamp`, set when the request started), nearest first, each call used once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from pathlib import Path
from typing import Iterable, Mapping

from ..collect.normalize import normalize_provider, parse_iso_ms

TOLERANCE_MS = 15 * 60 * 1000
DEFAULT_RELATIVE = Path("memory") / "token-usage.jsonl"


@dataclasses.dataclass(frozen=True)
class LegacyCall:
    line: int
    ts_ms: int
    provider: str
    model: str
    input: int
    output: int
    cache_read: int
    cache_write: int
    total_tokens: int
    session: str | None = None

    @property
    def tokens(self) -> tuple[int, int, int, int, int]:
        return (self.input, self.output, self.cache_read, self.cache_write, self.total_tokens)


@dataclasses.dataclass
class LegacyLog:
    path: Path
    calls: list[LegacyCall]
    malformed: list[tuple[int, str]]       # (line, reason)


def _count(v) -> int | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, int) and v >= 0:
        return v
    if isinstance(v, float) and math.isfinite(v) and v >= 0 and v == int(v):
        return int(v)
    return None


def _first(obj: Mapping, *keys):
    for k in keys:
        if obj.get(k) is not None:
            return obj[k]
    return None


def parse_line(obj, line: int) -> LegacyCall | str:
    """A `LegacyCall`, or the reason the line is not one."""
    if not isinstance(obj, dict):
        return "not an object"
    raw_ts = _first(obj, "timestamp", "ts", "time")
    if isinstance(raw_ts, (int, float)) and not isinstance(raw_ts, bool) and raw_ts > 0:
        ts = int(raw_ts if raw_ts > 1e11 else raw_ts * 1000)
    else:
        ts = parse_iso_ms(raw_ts)
    if ts is None:
        return "no timestamp"
    model = obj.get("model")
    provider = obj.get("provider")
    if not isinstance(model, str) or not model:
        return "no model"
    if not isinstance(provider, str) or not provider or provider == "unknown":
        provider, _, rest = model.partition("/") if "/" in model else ("(unknown)", "", model)
        model = rest or model
    counts = [
        _count(_first(obj, "input", "inputTokens", "promptTokens", "input_tokens")) or 0,
        _count(_first(obj, "output", "outputTokens", "completionTokens", "output_tokens")) or 0,
        _count(_first(obj, "cacheRead", "cache_read", "cacheReadTokens")) or 0,
        _count(_first(obj, "cacheWrite", "cache_write", "cacheWriteTokens")) or 0,
    ]
    total = _count(_first(obj, "totalTokens", "total_tokens", "total"))
    if total is None:
        total = sum(counts)
    session = _first(obj, "sessionId", "session_id", "sessionKey", "session")
    return LegacyCall(line, ts, normalize_provider(provider), model, *counts, total,
                      session if isinstance(session, str) and session else None)


def read_legacy_log(path: Path) -> LegacyLog:
    """Parse the whole log (it holds only numbers, model names and times). Raises OSError."""
    calls: list[LegacyCall] = []
    malformed: list[tuple[int, str]] = []
    import jsonlines

    line_no = 0

    def numbered(fh):          # jsonlines reads whole lines; it does not say which line a value came from
        nonlocal line_no
        for line_no, raw in enumerate(fh, 1):
            yield raw

    with open(path, "rb") as fh:
        reader = jsonlines.Reader(numbered(fh))
        while True:
            try:
                obj = reader.read(skip_empty=True)
            except EOFError:
                break
            except jsonlines.InvalidLineError as exc:
                malformed.append((exc.lineno, "invalid JSON"))
                continue
            parsed = parse_line(obj, line_no)
            if isinstance(parsed, str):
                malformed.append((line_no, parsed))
            else:
                calls.append(parsed)
    return LegacyLog(path, calls, malformed)


def default_paths(workspaces: Iterable[Path]) -> list[Path]:
    return [w / DEFAULT_RELATIVE for w in workspaces]


# ---------------------------------------------------------------- matching (pure)

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
