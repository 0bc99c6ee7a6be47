"""On real OpenClaw output of three releases, exported totals per
agent x provider/model x UTC day equal the corpus's expected.json to the token (cost 1e-9)."""

from __future__ import annotations

import collections
import json

import pytest

from conftest import CANARIES, CORPORA, load_expected, tree_digest

SYNTHETIC = ("openclaw/", "(none)/")


def export_groups(cli, state, data):
    res = cli("--state-dir", state, "--data-dir", data, "export")
    assert res.code == 0, res
    groups = collections.defaultdict(collections.Counter)
    costs = collections.defaultdict(float)
    events = [json.loads(line) for line in res.out.splitlines()]
    for e in events:
        k = (e["agent"], f'{e["provider"]}/{e["model"]}', e["timestamp"][:10])
        for f in ("input", "output", "cacheRead", "cacheWrite", "totalTokens"):
            groups[k][f] += e[f]
        groups[k]["messages"] += 1
        costs[k] += e["cost"] or 0.0
    return groups, costs, events


@pytest.mark.parametrize("corpus", CORPORA)
def test_export_matches_expected(cli, corpus_state, tmp_path, corpus):
    state = corpus_state(corpus)
    groups, costs, _ = export_groups(cli, state, tmp_path / "data")
    expected = load_expected(corpus)
    table = expected.get("groups") or expected["agents"]
    seen = set()
    for agent, models in table.items():
        for pm, days in models.items():
            for day, v in days.items():
                key = (agent, pm, day)
                if pm.startswith(SYNTHETIC):
                    # Synthetic rows (gateway-injected, slash-command replies) are not model calls.
                    assert v["totalTokens"] == 0 and key not in groups
                    continue
                seen.add(key)
                got = groups[key]
                for f in ("input", "output", "cacheRead", "cacheWrite", "totalTokens", "messages"):
                    assert got[f] == v[f], (key, f)
                assert costs[key] == pytest.approx(v.get("cost_total", v.get("cost")), abs=1e-9)
    assert set(groups) == seen, "no group we invent beyond expected.json"


@pytest.mark.parametrize("corpus", CORPORA)
def test_second_collect_adds_nothing(cli, corpus_state, tmp_path, corpus):
    state, data = corpus_state(corpus), tmp_path / "data"
    first = cli("--state-dir", state, "--data-dir", data, "collect", "--json")
    assert first.code == 0, first
    assert first.json()["data"]["new_events"] > 0
    second = cli("--state-dir", state, "--data-dir", data, "collect", "--json")
    d = second.json()["data"]
    assert d["new_events"] == 0 and d["sources_read"] == 0 and d["duplicates"] == 0


@pytest.mark.parametrize("corpus", CORPORA)
def test_openclaw_files_untouched(cli, corpus_state, tmp_path, corpus):
    state = corpus_state(corpus)
    data = state / "token-monitor"            # the default data dir lives inside the state dir
    before = tree_digest(state, exclude=data)
    for argv in (["collect"], ["collect"], ["export"], ["collect", "--rebuild"], ["export", "--format", "csv"]):
        res = cli("--state-dir", state, *argv)
        assert res.code == 0, res
    assert (data / "ledger.sqlite").exists()
    assert tree_digest(state, exclude=data) == before


@pytest.mark.parametrize("corpus", CORPORA)
def test_no_secret_in_any_output_or_ledger(cli, corpus_state, tmp_path, corpus):
    state, data = corpus_state(corpus), tmp_path / "data"
    outputs = []
    for argv in (["collect", "--json"], ["collect"], ["export"], ["export", "--format", "csv"], ["--verbose", "collect", "--rebuild"]):
        res = cli("--state-dir", state, "--data-dir", data, *argv)
        outputs += [res.out, res.err]
    blob = "\n".join(outputs).encode()
    for f in data.rglob("*"):
        if f.is_file():
            blob += f.read_bytes()
    for canary in CANARIES:
        assert canary.encode() not in blob
    # Message content never reaches the ledger or any output: the mock LLM's answers and the
    # scenario's prompts are in every corpus transcript.
    for content in (b"Mock answer #", b"acknowledged.", b"Hello from", b"[[TOOL]]", b"turn 1 of the main session"):
        assert content not in blob


def test_zero_usage_rows_are_kept_with_status(cli, corpus_state, tmp_path):
    """2026.2.1: a stream without usage and four HTTP-500 failures are countable events with 0 tokens."""
    _, _, events = export_groups(cli, corpus_state("real-2026.2.1"), tmp_path / "data")
    statuses = collections.Counter(e["usageStatus"] for e in events if e["totalTokens"] == 0)
    assert statuses == {"missing": 1, "error": 4}
    assert all(e["usageStatus"] == "ok" for e in events if e["totalTokens"] > 0)


def test_session_keys_and_archives_attributed(cli, corpus_state, tmp_path):
    """2026.9.6: the deleted scratch session is counted once (SQLite blob + .zst file) with its key."""
    _, _, events = export_groups(cli, corpus_state("real-2026.9.6"), tmp_path / "data")
    scratch = [e for e in events if e["sessionKey"] == "agent:work:scratch"]
    assert len(scratch) == 1
    assert all(e["sessionKey"] for e in events)
