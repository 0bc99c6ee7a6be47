"""The seed users' question on a real corpus (tests/fixtures/real-upgrade-legacy-hook: a real token-logging
hook's log written live by OpenClaw 2026.6.11, then the real 2026.9.6 doctor upgrade): reconcile names
exactly the calls the mock's ground truth says the log missed, matches every line of the log, and reports
nothing as "only in the old log"."""

from __future__ import annotations

import json

from conftest import FIXTURES, copy_state

FIX = FIXTURES / "real-upgrade-legacy-hook"


def test_reconcile_names_exactly_the_omitted_calls_and_matches_every_line(cli, tmp_path):
    state, data = copy_state(FIX.name, tmp_path / "state"), tmp_path / "data"
    res = cli("--state-dir", state, "--data-dir", data, "reconcile", "--json")
    assert res.code == 0, res
    d = res.json()["data"]
    expected = json.loads((FIX / "expected-missed.json").read_text())
    want = sorted((m["agent"], m["sessionId"], m["model"], m["totalTokens"]) for m in expected["missed"])
    got = sorted((m["agent"], m["sessionId"], m["model"], m["totalTokens"]) for m in d["missedByLegacy"])
    assert got == want and len(got) == 8
    lines = (state / "workspace" / "memory" / "token-usage.jsonl").read_text().splitlines()
    assert d["legacyLines"] == len(lines) == 15
    assert d["onlyInLegacy"] == [] and d["transcriptsComplete"] is True
    assert d["matched"] + len(d["openclawOwnLines"]) == len(lines)
    assert d["matchedNoUsage"] == 2                      # the no-usage turn and the HTTP-500 turn
    assert [o["model"] for o in d["openclawOwnLines"]] == ["gateway-injected"]
    assert d["missedSummary"]["text"] == "all kimi-k2.5 calls of 12-15 (5) and 3 others"
    assert d["missedSummary"]["agentsMissed"] == ["main", "work"]
    assert d["missedSummary"]["agentsWithoutLines"] == [{"agent": "work", "calls": 7}]

    text = cli("--state-dir", state, "--data-dir", data, "reconcile", "--no-collect")
    assert text.code == 0
    out = text.out.splitlines()
    assert out[1] == "The old log missed 8 calls (14,706 tokens): all kimi-k2.5 calls of 12-15 (5) and 3 others."
    assert out[2] == "It has no line of agent work (7 calls in these days)."
    assert out[3].startswith("Every line of the old log is a call in OpenClaw's transcripts")
    assert "only in the old log" not in text.out


def test_diagnose_on_the_same_corpus_says_the_same_in_one_phone_line(cli, tmp_path):
    state, data = copy_state(FIX.name, tmp_path / "state"), tmp_path / "data"
    assert cli("--state-dir", state, "--data-dir", data, "collect").code in (0, 5)
    out = cli("--state-dir", state, "--data-dir", data, "diagnose").out.splitlines()
    i = out.index("· old log missed 8 calls: all kimi-k2.5 of 12-15 (5) and 3 more")
    assert out[i + 1] == "  → token-monitor reconcile"
