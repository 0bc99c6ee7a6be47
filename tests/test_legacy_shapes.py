"""reconcile accepts every known old-log shape (tests/fixtures/legacy-token-logs/SHAPES.md): each sample
line, built from a real call of the real-2026.9.6 corpus with its shape's field names, units and time
semantics, matches exactly that call; an unknown shape is refused with its first line's keys."""

from __future__ import annotations

import json

import pytest

from conftest import FIXTURES

SAMPLES = FIXTURES / "legacy-token-logs"

# sample file -> the calls (UTC message time, model, total tokens as the ledger has them) its lines are
CASES = {
    "shape-a-openclaw-flat.jsonl": ("openclaw-flat", [("2026-11-26T23:14:01", "kimi-k2.5", 1350),
                                                     ("2026-11-26T23:14:40", "glm-4.7", 1586),
                                                     ("2026-11-27T23:17:15", "kimi-k2.5", 0)]),
    "shape-b-fork-logger.jsonl": ("fork-logger", [("2026-11-26T23:14:08", "kimi-k2.5", 1136),
                                                 ("2026-11-28T23:20:58", "claude-sonnet-4-6", 3612)]),
    "shape-b-fork-logger-doc.jsonl": ("fork-logger", [("2026-11-26T23:14:28", "glm-4.5-air", 1254)]),
    "shape-c-token-auditor.jsonl": ("token-auditor", [("2026-11-27T23:19:20", "kimi-k2.5", 2546),
                                                     ("2026-11-28T23:21:01", "claude-sonnet-4-6", 1230)]),
    "shape-d-fetch-interceptor.jsonl": ("fetch-interceptor", [("2026-11-28T23:21:02", "claude-sonnet-4-6", 3738)]),
}


@pytest.fixture(scope="module")
def ledger_dirs(tmp_path_factory):
    from conftest import copy_state, run_cli

    root = tmp_path_factory.mktemp("shapes")
    state = copy_state("real-2026.9.6", root / "state")
    data = root / "data"
    res = run_cli("--state-dir", state, "--data-dir", data, "collect")
    assert res.code in (0, 5), res
    return state, data


@pytest.mark.parametrize("sample", sorted(CASES))
def test_each_known_shape_matches_exactly_its_calls(cli, ledger_dirs, sample):
    state, data = ledger_dirs
    shape, calls = CASES[sample]
    res = cli("--state-dir", state, "--data-dir", data, "reconcile", "--no-collect", "--legacy",
              SAMPLES / sample, "--json")
    assert res.code == 0, res
    d = res.json()["data"]
    assert d["shapes"] == {shape: len(calls)}
    assert d["onlyInLegacy"] == [] and d["openclawOwnLines"] == [] and d["transcriptsComplete"] is True
    assert d["matched"] == len(calls)
    assert d["matchedNoUsage"] == sum(1 for _, _, t in calls if t == 0)
    missed = {(m["timestamp"][:19], m["model"]) for m in d["missedByLegacy"]}
    for ts, model, _ in calls:
        assert (ts, model) not in missed
    # message text some loggers stored (shape D's ctx/preview) never reaches the output
    text = cli("--state-dir", state, "--data-dir", data, "reconcile", "--no-collect", "--legacy", SAMPLES / sample)
    assert text.code == 0 and "CANARY" not in text.out + text.err and "CANARY" not in res.out


def test_a_line_without_cache_fields_still_matches_a_call_with_cache_reads(cli, ledger_dirs, tmp_path):
    """The log has no cache fields: they are not compared (a missing field is not a zero)."""
    state, data = ledger_dirs
    p = tmp_path / "token-usage.jsonl"
    p.write_text(json.dumps({"timestamp": "2026-11-28T23:21:04.000Z", "provider": "anthropic",
                             "model": "claude-sonnet-4-6", "input": 718, "output": 88, "totalTokens": 3738}) + "\n")
    d = cli("--state-dir", state, "--data-dir", data, "reconcile", "--no-collect", "--legacy", p, "--json").json()["data"]
    assert d["matched"] == 1 and d["onlyInLegacy"] == []


def test_an_unmatched_line_says_why_its_nearest_call_differs(cli, ledger_dirs, tmp_path):
    state, data = ledger_dirs
    p = tmp_path / "token-usage.jsonl"
    p.write_text(json.dumps({"timestamp": "2026-11-28T23:21:02.300Z", "provider": "anthropic",
                             "model": "claude-sonnet-4-6", "input": 718, "output": 99, "cacheRead": 2900,
                             "cacheWrite": 32, "totalTokens": 3749}) + "\n")
    d = cli("--state-dir", state, "--data-dir", data, "reconcile", "--no-collect", "--legacy", p, "--json").json()["data"]
    assert d["matched"] == 0 and d["transcriptsComplete"] is False
    (only,) = d["onlyInLegacy"]
    assert "output 99 ≠ 88" in only["reason"] and "total 3,749 ≠ 3,738" in only["reason"]
    assert "claude-sonnet-4-6 at 23:21:02" in only["reason"]


def test_unknown_shape_is_refused_with_the_first_lines_keys(cli, ledger_dirs):
    state, data = ledger_dirs
    res = cli("--state-dir", state, "--data-dir", data, "reconcile", "--no-collect", "--legacy",
              SAMPLES / "unknown-shape.jsonl")
    assert res.code == 2 and res.out == ""
    assert "unknown line shape, first line's keys: agents, date, estimatedCostUsd" in res.err
    assert "openclaw-flat" in res.err and "Traceback" not in res.err


def test_diagnose_names_an_unknown_shape_instead_of_guessing(cli, ledger_dirs):
    state, data = ledger_dirs
    res = cli("--state-dir", state, "--data-dir", data, "diagnose", "--json", "--check", "legacy",
              "--legacy", SAMPLES / "unknown-shape.jsonl")
    (f,) = res.json()["data"]["findings"]
    assert f["level"] == "info" and f["details"]["keys"] == ["agents", "date", "estimatedCostUsd"]
    assert f["short"] == "old token log: unknown line shape, not compared" and f["fix"] is None
