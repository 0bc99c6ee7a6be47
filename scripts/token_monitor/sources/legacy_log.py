"""Read the old token-logging hook's `token-usage.jsonl` (ops/reconcile.py matches it against the ledger).

The format (documented in references/troubleshooting.md, "legacy log"): the community
token-logger hook / token-stats-cron extractor appended, per assistant message with
`totalTokens > 0`, one line
`{"timestamp": <entry ISO time>, "date": "YYYY-MM-DD", "provider", "model", "input", "output",
"cacheRead", "cacheWrite", "totalTokens", "cost": {"input","output","cacheRead","cacheWrite","total"}}`
to `<workspace>/memory/token-usage.jsonl`, deduplicated by `timestamp` only and without a
session id. Variants we also accept: `sessionId`/`session_id`/`sessionKey`, `agent`/`agentId`,
`ts` or epoch-ms timestamps, `model` as `provider/model`, and `inputTokens`/`outputTokens`
(or `promptTokens`/`completionTokens`).
"""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path
from typing import Iterable, Mapping

from ..collect.normalize import normalize_provider, parse_iso_ms

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


