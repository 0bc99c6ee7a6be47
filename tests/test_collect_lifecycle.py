"""A real OpenClaw 2026.9.6 state with forks (sessions.fork and sessions.create
{fork:true}), a rewind, a delete, and a real 2026.6.11 -> 2026.9.6 upgrade (doctor import
archives plus reset/deleted/bak JSONL left beside SQLite) counts every billed call once,
attributed to the session where it first appeared. Fixtures: tools/realclient-lifecycle/."""

from __future__ import annotations

import collections
import json

import pytest

from conftest import load_expected, tree_digest

LIFECYCLE = ["real-lifecycle-2026.9.6", "real-upgrade-2026.6.11-to-2026.9.6"]


def exported(cli, state, data):
    res = cli("--state-dir", state, "--data-dir", data, "export")
    assert res.code == 0, res
    return [json.loads(line) for line in res.out.splitlines()]


@pytest.mark.parametrize("fixture", LIFECYCLE)
def test_each_call_once_with_exact_totals(cli, corpus_state, tmp_path, fixture):
    events = exported(cli, corpus_state(fixture), tmp_path / "data")
    expected = load_expected(fixture)
    billed = [e for e in events if e["usageStatus"] == "ok"]
    groups = collections.defaultdict(collections.Counter)
    cost = collections.defaultdict(float)
    for e in billed:
        k = (e["agent"], f'{e["provider"]}/{e["model"]}', e["timestamp"][:10])
        for f in ("input", "output", "cacheRead", "cacheWrite", "totalTokens"):
            groups[k][f] += e[f]
        groups[k]["calls"] += 1
        cost[k] += e["cost"]
    want = {(a, pm, d): v for a, ms in expected["agents"].items() for pm, days in ms.items() for d, v in days.items()}
    assert set(groups) == set(want)
    for k, v in want.items():
        for f in ("input", "output", "cacheRead", "cacheWrite", "totalTokens", "calls"):
            assert groups[k][f] == v[f], (k, f)
        assert cost[k] == pytest.approx(v["cost"], abs=1e-9)
    t = expected["totals"]
    assert sum(e["totalTokens"] for e in events) == t["totalTokens"]
    # The zero-usage rows (no-usage stream, HTTP 500) are kept as countable events, not dropped.
    assert len(events) - len(billed) == len(expected["zero_usage_rows"])
    # A naive sum over every copy, and OpenClaw's own usage-cost, are both wrong here.
    assert expected["naive_sum_without_dedupe_by_source_kind"]["ALL"]["totalTokens"] != t["totalTokens"]
    own = next(iter(expected["openclaw_own_usage_reports"].values()))["totals"]["totalTokens"]
    assert own != t["totalTokens"]


@pytest.mark.parametrize("fixture", LIFECYCLE)
def test_copies_attributed_where_they_first_appeared(cli, corpus_state, tmp_path, fixture):
    events = exported(cli, corpus_state(fixture), tmp_path / "data")
    expected = load_expected(fixture)
    by_id = collections.Counter(e["entryId"] for e in events)
    assert all(n == 1 for n in by_id.values())
    ours = {e["entryId"]: e for e in events}
    for call in expected["calls"] + expected["zero_usage_rows"]:
        got = ours[call["entryId"]]
        assert (got["agent"], got["sessionId"]) == (call["agent"], call["sessionId"])
        assert got["totalTokens"] == call["usage"]["totalTokens"]


def test_equal_usage_in_a_fork_child_is_two_calls(cli, corpus_state, tmp_path):
    """The fork child holds a copy of main's first call and its own new call with identical usage."""
    events = exported(cli, corpus_state("real-lifecycle-2026.9.6"), tmp_path / "data")
    same = [e for e in events if e["totalTokens"] == 1052]
    assert len(same) == 2 and len({e["responseId"] for e in same}) == 2


@pytest.mark.parametrize("fixture", LIFECYCLE)
def test_lifecycle_state_untouched_and_rerun_adds_nothing(cli, corpus_state, fixture):
    state = corpus_state(fixture)
    before = tree_digest(state, exclude=state / "token-monitor")
    first = cli("--state-dir", state, "collect", "--json").json()["data"]
    assert first["duplicates"] > 0           # the copies were seen and absorbed
    again = cli("--state-dir", state, "collect", "--json").json()["data"]
    assert again["new_events"] == 0 and again["sources_read"] == 0
    assert tree_digest(state, exclude=state / "token-monitor") == before


def test_upgrade_import_archives_and_leftovers_read(cli, corpus_state, tmp_path):
    """Calls that exist only in JSONL leftovers (.bak/.reset/.deleted) beside the SQLite import are counted."""
    events = exported(cli, corpus_state("real-upgrade-2026.6.11-to-2026.9.6"), tmp_path / "data")
    kinds = collections.Counter(e["sourceKind"] for e in events)
    # Imported rows are owned by the original JSONL copy (it predates the SQLite import rows).
    assert kinds["imported"] > 0 and kinds["bak"] > 0 and kinds["reset"] > 0 and kinds["deleted"] > 0
