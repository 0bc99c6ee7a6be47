"""Hypothesis-generated JSON values and byte strings never crash normalisation or
collection; whatever is not a usage event is a `Skip`, whatever is malformed is counted."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import strategies as st

from torture_kit import hypothesis_pair
from token_monitor.collect.collector import collect
from token_monitor.model import Skip, UsageEvent
from token_monitor.collect.normalize import normalize_record

# CI: 200 normalisation examples, 30 collections; `pytest --full` also runs `*_full` copies with 10x as many.

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=20)
json_values = st.recursive(scalars, lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=5),
                           max_leaves=25)
numberish = st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=5)

# Records shaped like assistant messages with every field possibly wrong: reaches the deep paths.
usage = st.fixed_dictionaries({}, optional={
    "input": numberish, "output": numberish, "cacheRead": numberish, "cacheWrite": numberish, "totalTokens": numberish,
    "cost": json_values | st.fixed_dictionaries({}, optional={k: numberish for k in ("input", "output", "total", "totalOrigin")}),
})
assistantish = st.fixed_dictionaries(
    {"type": st.sampled_from(["message", "session", "custom"]) | st.text(max_size=5)},
    optional={
        "id": json_values, "timestamp": st.text(max_size=30) | numberish,
        "message": json_values | st.fixed_dictionaries(
            {"role": st.sampled_from(["assistant", "user", "toolResult"]) | json_values},
            optional={"provider": json_values | st.sampled_from(["openclaw", "anthropic", "Kimi-Coding", ""]),
                      "model": json_values, "api": json_values, "usage": usage | json_values,
                      "stopReason": json_values | st.sampled_from(["stop", "error", "aborted", "injected"]),
                      "timestamp": numberish, "responseId": json_values}),
    })


def _check(result):
    assert isinstance(result, (UsageEvent, Skip))
    if isinstance(result, UsageEvent):
        assert min(result.input, result.output, result.cache_read, result.cache_write, result.total_tokens) >= 0
        assert result.usage_status in ("ok", "missing", "error", "aborted")
        assert isinstance(result.key, str) and len(result.key) == 32


def test_normalize_any_json_value(value, fallback):
    _check(normalize_record(value, session_id="s", fallback_ms=fallback))


test_normalize_any_json_value, test_normalize_any_json_value_full = hypothesis_pair(
    200, json_values, st.none() | st.integers(-2**63, 2**63))(test_normalize_any_json_value)


def test_normalize_assistant_shaped_records(record, fallback):
    _check(normalize_record(record, session_id="s", fallback_ms=fallback))


test_normalize_assistant_shaped_records, test_normalize_assistant_shaped_records_full = hypothesis_pair(
    200, assistantish, st.none() | st.integers(0, 2**45))(test_normalize_assistant_shaped_records)


def _state_with(files: dict[str, bytes], tmp: Path) -> Path:
    state = tmp / "state"
    sessions = state / "agents" / "main" / "sessions"
    sessions.mkdir(parents=True)
    for name, data in files.items():
        (sessions / name).write_bytes(data)
    return state


GOOD = json.dumps({"type": "message", "id": "a1", "timestamp": "2026-02-04T21:01:25.746Z",
                   "message": {"role": "assistant", "provider": "anthropic", "model": "m", "timestamp": 1770238885746,
                               "usage": {"input": 1, "output": 2, "cacheRead": 0, "cacheWrite": 0, "totalTokens": 3}}}).encode() + b"\n"


def test_collect_survives_any_bytes(chunks, good_at):
    with tempfile.TemporaryDirectory() as tmp:
        body = b"\n".join(chunks)
        pos = min(good_at, len(chunks))
        lines = body.split(b"\n")
        lines.insert(pos, GOOD.rstrip(b"\n"))
        data = b"\n".join(lines) + b"\n"
        state = _state_with({"0e0e0e0e-0000-4000-8000-000000000000.jsonl": data,
                             "0e0e0e0e-0000-4000-8000-000000000001.jsonl.deleted.2026-02-05T00-00-00.000Z.zst": body}, Path(tmp))
        stats = collect(state, Path(tmp) / "data")
        assert stats.new_events >= 1, "the one good line among the junk is still counted"
        again = collect(state, Path(tmp) / "data")
        assert again.new_events == 0 and again.malformed == 0


test_collect_survives_any_bytes, test_collect_survives_any_bytes_full = hypothesis_pair(
    30, st.lists(st.binary(max_size=200) | json_values.map(lambda v: json.dumps(v).encode()) |
                 assistantish.map(lambda v: json.dumps(v).encode()), max_size=12), st.integers(0, 12),
)(test_collect_survives_any_bytes)
