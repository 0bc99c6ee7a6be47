"""reconcile: on an old token-usage.jsonl that lacks some calls, list exactly those calls
(day, session, model, tokens) and the ones only it has, with totals per day x model."""

from __future__ import annotations

import collections
import datetime as dt
import json

from test_diagnose import EXTRA_LEGACY, collect, write_legacy


def test_lists_exactly_the_missed_and_extra_calls(cli, corpus_state, tmp_path):
    state, data = corpus_state("real-2026.2.1"), tmp_path / "data"
    collect(cli, state, data)
    drop = {0, 3, 11}
    path, events = write_legacy(cli, state, data, drop=drop)
    with_tokens = [e for e in events if e["totalTokens"] > 0]
    expected_missed = sorted((e["timestamp"][:10], e["sessionId"], e["model"], e["totalTokens"])
                             for i, e in enumerate(with_tokens) if i in drop)
    res = cli("--state-dir", state, "--data-dir", data, "reconcile", "--json")
    assert res.code == 0, res
    d = res.json()["data"]
    got = sorted((m["day"], m["sessionId"], m["model"], m["totalTokens"]) for m in d["missedByLegacy"])
    assert got == expected_missed
    assert [(o["day"], o["model"], o["totalTokens"], o["line"]) for o in d["onlyInLegacy"]] == \
        [("2026-02-03", "glm-4.5-air", 1500, len(with_tokens) - len(drop) + 1)]
    assert d["matched"] == len(with_tokens) - len(drop)

    # totals per day x model: ledger side equals the export; differences equal the listed calls
    ledger = collections.Counter()
    for e in with_tokens:
        ledger[(e["timestamp"][:10], e["model"])] += e["totalTokens"]
    for r in d["byDayModel"]:
        key = (r["day"], r["model"])
        assert r["ledgerTokens"] == ledger.get(key, 0)
        assert r["ledgerTokens"] - r["missedTokens"] == r["legacyTokens"] - r["onlyLegacyTokens"]
        assert r["missedCalls"] == sum(1 for m in got if (m[0], m[2]) == key)

    text = cli("--state-dir", state, "--data-dir", data, "reconcile")
    assert text.code == 0
    assert f"The old log missed {len(drop)} calls" in text.out and "1 line is in no transcript" in text.out
    assert "line 20: 2026-02-03 09:15:00 zai/glm-4.5-air 1,500 tokens — no glm-4.5-air call within 15 min" in text.out
    for day, sid, model, tokens in expected_missed:
        assert any(day in ln and sid[:8] in ln and model in ln and f"{tokens:,}" in ln for ln in text.out.splitlines())
    assert "per day × model" in text.out


def test_old_log_format_variants_and_malformed_lines(tmp_path):
    from token_monitor.sources import legacy_log as legacy

    p = tmp_path / "token-usage.jsonl"
    p.write_text("\n".join([
        json.dumps(EXTRA_LEGACY),
        json.dumps({"ts": 1770249804258, "model": "zai/glm-4.7", "inputTokens": 10, "outputTokens": 5, "sessionId": "s1"}),
        "{torn",
        json.dumps({"timestamp": "2026-02-03T09:15:00Z"}),
    ]) + "\n")
    log = legacy.read_legacy_log(p)
    assert [(c.provider, c.model, c.tokens, c.session, c.stated.cache_read) for c in log.calls] == \
        [("zai", "glm-4.5-air", 1500, None, 0), ("zai", "glm-4.7", 15, "s1", None)]
    assert log.malformed == [(3, "invalid JSON"), (4, "no token fields")]


def test_matching_is_nearest_first_and_one_to_one():
    from token_monitor.ops.reconcile import reconcile
    from token_monitor.sources import legacy_log as legacy

    base = int(dt.datetime(2026, 2, 2, 12, tzinfo=dt.timezone.utc).timestamp() * 1000)
    ev = lambda k, t: {"key": k, "agent": "main", "session_id": "s", "provider": "zai", "model": "m", "ts_ms": t,
                       "input": 1, "output": 1, "cache_read": 0, "cache_write": 0, "total_tokens": 2}
    calls = [legacy.LegacyCall(1, base + 60_000, "openclaw-flat", "m", "zai", legacy.StatedTokens(1, 1, 0, 0, 2))]
    rec = reconcile(calls, [ev("a", base), ev("b", base + 59_000)])
    assert rec.matched == 1 and [e["key"] for e in rec.missed_by_legacy] == ["a"] and not rec.only_in_legacy


def test_no_legacy_log_is_a_usage_error(cli, corpus_state, tmp_path):
    state = corpus_state("real-2026.9.6")
    res = cli("--state-dir", state, "--data-dir", tmp_path / "data", "reconcile")
    assert res.code == 2 and "no old token-usage.jsonl found" in res.err and "--legacy FILE" in res.err


def _ev(key, t, *, tokens=2, model="m", status="ok"):
    return {"key": key, "agent": "main", "session_id": "s", "provider": "zai", "model": model, "ts_ms": t,
            "input": 1 if tokens else 0, "output": tokens - 1 if tokens else 0, "cache_read": 0, "cache_write": 0,
            "total_tokens": tokens, "usage_status": status}


def test_matching_is_an_assignment_not_greedy_nearest():
    """Line 1 is nearest to call a but also fits b; line 2 fits only a. Greedy nearest-first would pair
    1-a and leave line 2 "only in the old log"; the assignment pairs 1-b and 2-a."""
    from token_monitor.ops import reconcile as rc
    from token_monitor.sources import legacy_log as legacy

    base = int(dt.datetime(2026, 2, 2, 12, tzinfo=dt.timezone.utc).timestamp() * 1000)
    calls = [legacy.LegacyCall(1, base + 1_000, "openclaw-flat", "m", "zai", legacy.StatedTokens(1, 1, 0, 0, 2)),
             legacy.LegacyCall(2, base - 14 * 60_000, "openclaw-flat", "m", "zai", legacy.StatedTokens(1, 1, 0, 0, 2))]
    rec = rc.reconcile(calls, [_ev("a", base), _ev("b", base + 10 * 60_000)])
    assert rec.matched == 2 and not rec.only_in_legacy and not rec.missed_by_legacy
    assert sorted((c.line, e["key"]) for c, e in rec.pairs) == [(1, "b"), (2, "a")]


def test_a_zero_token_line_matches_a_call_without_usage_never_a_billed_one():
    from token_monitor.ops import reconcile as rc
    from token_monitor.sources import legacy_log as legacy

    base = int(dt.datetime(2026, 2, 2, 12, tzinfo=dt.timezone.utc).timestamp() * 1000)
    zero = legacy.LegacyCall(1, base + 500, "openclaw-flat", "m", "zai", legacy.StatedTokens(0, 0, 0, 0, 0))
    own = legacy.LegacyCall(2, base + 900, "openclaw-flat", "gateway-injected", "openclaw", legacy.StatedTokens(0, 0, 0, 0, 0))
    rec = rc.reconcile([zero, own], [_ev("billed", base + 400), _ev("err", base, tokens=0, status="error")])
    assert [(c.line, e["key"]) for c, e in rec.pairs] == [(1, "err")] and rec.matched_no_usage == 1
    assert rec.openclaw_own == [own] and not rec.only_in_legacy
    assert [e["key"] for e in rec.missed_by_legacy] == ["billed"]


def test_missed_calls_are_named_the_way_the_question_was_asked():
    from token_monitor.ops import reconcile as rc
    from token_monitor.sources import legacy_log as legacy

    day = int(dt.datetime(2026, 12, 17, 9, tzinfo=dt.timezone.utc).timestamp() * 1000)
    events = [_ev(f"air{i}", day + i * 1000, model="glm-4.5-air") for i in range(4)] + \
             [_ev(f"k{i}", day + 5000 + i * 1000, model="kimi-k2.5") for i in range(5)]
    missed = events[:4] + events[4:7]
    s = rc.summarize_missed(missed, events, tz=dt.timezone.utc)
    assert s["text"] == "all glm-4.5-air calls of 12-17 (4) and 3 others"
