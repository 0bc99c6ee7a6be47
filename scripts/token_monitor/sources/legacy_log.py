"""Read an old token-logging hook's log (`token-usage.jsonl` and kin) and match it against the ledger.

Known line shapes (tests/fixtures/legacy-token-logs/SHAPES.md has the sources):
- A `openclaw-flat`: the community token-logger / token-stats scanner. Entry time `timestamp`,
  `provider`, `model`, `input`, `output`, `cacheRead`, `cacheWrite`, `totalTokens` (with cache),
  `cost`; no session. Zero-token lines are no-usage or failed turns (or OpenClaw's own messages).
- B `fork-logger`: a patched OpenClaw. Log time `timestamp`, `provider`, `model`, `sessionKey`,
  nested `usage` {`inputTokens`|`input`, `outputTokens`|`output`, `cacheReadTokens`|`cacheRead`,
  `cacheWriteTokens`|`cacheWrite`, `totalTokens`|`total`}.
- C `token-auditor`: an `agent_end` hook. Log time `timestamp`, `model` as `provider/model`,
  `promptTokens`, `completionTokens`, `totalTokens`, `cacheReadTokens`, `cacheWriteTokens`,
  `sessionKey`, `agentId`.
- D `fetch-interceptor`: an Anthropic fetch patch. `ts` in epoch seconds, Anthropic's raw `model`
  id, `input_tokens`, `output_tokens`, `cache_read`, `cache_write`; it also stores message text
  (`ctx`, `preview`), which is never read.
A line is read for the fields it has; a field it lacks stays None and is never compared. A log
whose first line fits no shape is not guessed at: `LegacyLog.unknown_keys` names its keys.
Matching the lines against the ledger lives in `ops/reconcile.py`.
"""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path
from typing import Iterable, Mapping, NamedTuple

from ..collect.normalize import normalize_provider, parse_iso_ms

DEFAULT_RELATIVE = Path("memory") / "token-usage.jsonl"
SHAPES = ("openclaw-flat", "fork-logger", "token-auditor", "fetch-interceptor")
# Providers whose zero-token rows are OpenClaw's own messages (gateway-injected replies, delivery
# mirrors), never model calls: the ledger does not hold them, a log that copied them is not wrong.
OPENCLAW_PROVIDERS = {"openclaw"}


class StatedTokens(NamedTuple):
    """The token counts one log line states, in the ledger's order; None where the line does not say
    (each of the four log shapes carries a different subset)."""

    input: int | None
    output: int | None
    cache_read: int | None
    cache_write: int | None
    total_tokens: int | None


# OpenClaw's usage names of StatedTokens' fields (the reconcile JSON uses them).
STATED_JSON_NAMES = ("input", "output", "cacheRead", "cacheWrite", "totalTokens")


@dataclasses.dataclass(frozen=True)
class LegacyCall:
    line: int
    ts_ms: int
    shape: str
    model: str
    provider: str | None
    stated: StatedTokens
    session: str | None = None
    agent: str | None = None

    @property
    def tokens(self) -> int:
        """The line's token count as it states it (its total, else the sum of what it has)."""
        if self.stated.total_tokens is not None:
            return self.stated.total_tokens
        return sum(v for v in self.stated[:4] if v is not None)

    @property
    def no_usage(self) -> bool:
        return self.tokens == 0

    @property
    def openclaw_own(self) -> bool:
        return self.no_usage and (self.provider or "") in OPENCLAW_PROVIDERS


@dataclasses.dataclass
class LegacyLog:
    path: Path
    calls: list[LegacyCall]
    malformed: list[tuple[int, str]]       # (line, reason)
    unknown_keys: list[str] | None = None  # the first line's keys when no known shape fits
    shapes: dict[str, int] = dataclasses.field(default_factory=dict)


def _count(v) -> int | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, int) and v >= 0:
        return v
    if isinstance(v, float) and math.isfinite(v) and v >= 0 and v == int(v):
        return int(v)
    return None


def _first_key(obj: Mapping, *keys):
    """(key, value) of the first key present (even when its value is 0), else (None, None)."""
    for k in keys:
        if k in obj and obj[k] is not None:
            return k, obj[k]
    return None, None


def _ts_ms(raw) -> int | None:
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and math.isfinite(raw) and raw > 0:
        return int(raw if raw > 1e11 else raw * 1000)
    return parse_iso_ms(raw) if isinstance(raw, str) else None


INPUT_KEYS = ("input", "inputTokens", "promptTokens", "input_tokens", "prompt_tokens")
OUTPUT_KEYS = ("output", "outputTokens", "completionTokens", "output_tokens", "completion_tokens")
CACHE_READ_KEYS = ("cacheRead", "cacheReadTokens", "cache_read", "cache_read_tokens", "cache_read_input_tokens")
CACHE_WRITE_KEYS = ("cacheWrite", "cacheWriteTokens", "cache_write", "cache_write_tokens",
                    "cache_creation_input_tokens")
TOTAL_KEYS = ("totalTokens", "total", "total_tokens")
STATED_KEYS = (INPUT_KEYS, OUTPUT_KEYS, CACHE_READ_KEYS, CACHE_WRITE_KEYS, TOTAL_KEYS)    # StatedTokens' order


def detect_shape(obj: Mapping) -> str | None:
    """Which known shape a line has, from its keys alone."""
    if isinstance(obj.get("usage"), dict) and ("timestamp" in obj or "ts" in obj) and "model" in obj:
        return "fork-logger"
    if "promptTokens" in obj or "completionTokens" in obj:
        return "token-auditor"
    if "input_tokens" in obj or "output_tokens" in obj:
        return "fetch-interceptor"
    if "model" in obj and any(k in obj for k in ("input", "output", "totalTokens", "inputTokens", "outputTokens")):
        return "openclaw-flat"
    return None


def parse_line(obj, line: int) -> LegacyCall | str:
    """A `LegacyCall`, or the reason the line is not one. Never reads text fields (`ctx`, `preview`)."""
    if not isinstance(obj, dict):
        return "not an object"
    shape = detect_shape(obj)
    if shape is None:
        return "no token fields"
    ts = _ts_ms(_first_key(obj, "timestamp", "ts", "time")[1])
    if ts is None:
        return "no timestamp"
    model = obj.get("model")
    if not isinstance(model, str) or not model or model == "unknown":
        return "no model"
    provider = obj.get("provider") if isinstance(obj.get("provider"), str) else None
    if provider in ("", "unknown"):
        provider = None
    if "/" in model:
        head, _, rest = model.partition("/")
        if rest:
            provider, model = provider or head, rest
    src = obj["usage"] if shape == "fork-logger" else obj
    counts = []
    for keys in STATED_KEYS:
        key, value = _first_key(src, *keys)
        if key is None:
            counts.append(None)
            continue
        n = _count(value)
        if n is None:
            return f"{key} is not a token count"
        counts.append(n)
    if all(c is None for c in counts):
        return "no token fields"
    session = _first_key(obj, "sessionId", "session_id", "sessionKey", "session")[1]
    agent = _first_key(obj, "agentId", "agent")[1]
    return LegacyCall(line, ts, shape, model, normalize_provider(provider) if provider else None, StatedTokens(*counts),
                      session=session if isinstance(session, str) and session and session != "unknown" else None,
                      agent=agent if isinstance(agent, str) and agent and agent != "unknown" else None)


def read_legacy_log(path: Path) -> LegacyLog:
    """Parse the whole log (numbers, model names, times; text fields are never kept). Raises OSError."""
    calls: list[LegacyCall] = []
    malformed: list[tuple[int, str]] = []
    first_keys: list[str] | None = None
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
            if first_keys is None:
                first_keys = sorted(obj) if isinstance(obj, dict) else [type(obj).__name__]
                if not isinstance(obj, dict) or detect_shape(obj) is None:
                    return LegacyLog(path, [], [], unknown_keys=first_keys)
            parsed = parse_line(obj, line_no)
            if isinstance(parsed, str):
                malformed.append((line_no, parsed))
            else:
                calls.append(parsed)
    shapes: dict[str, int] = {}
    for c in calls:
        shapes[c.shape] = shapes.get(c.shape, 0) + 1
    return LegacyLog(path, calls, malformed, shapes=shapes)


def default_paths(workspaces: Iterable[Path]) -> list[Path]:
    return [w / DEFAULT_RELATIVE for w in workspaces]
