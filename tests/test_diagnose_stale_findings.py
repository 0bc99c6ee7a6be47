"""Findings clear when their cause is gone: diagnose never keeps reporting an unreadable
transcript that has become readable, nor calls a transcript OpenClaw renamed "not yet collected"."""

from __future__ import annotations

import pytest

from torture_kit import USAGE, one_shot, snapshot

LIVE_21 = "agents/main/sessions/86ea90bc-40cd-4d2b-911c-e6aec9f70ef5.jsonl"


def findings(cli, state, data) -> dict[str, dict]:
    res = cli("--state-dir", state, "--data-dir", data, "diagnose", "--json")
    assert "Traceback" not in res.err, res
    return {f["code"]: f for f in res.json()["data"]["findings"]}


@pytest.fixture
def jsonl_state(corpus_state, tmp_path):
    state = corpus_state("real-2026.2.1")
    return state, tmp_path / "data", one_shot(state, tmp_path / "oneshot", USAGE)


@pytest.mark.parametrize("unreadable", ["directory", "symlink-loop"])
def test_an_unreadable_transcript_that_becomes_readable_clears(cli, jsonl_state, unreadable):
    state, data, expected = jsonl_state
    bad = state / "agents/main/sessions/0e0e0e0e-0000-4000-8000-00000000000b.jsonl"
    if unreadable == "directory":
        bad.mkdir()
    else:
        bad.symlink_to(bad.name)
    assert cli("--state-dir", state, "--data-dir", data, "collect").code == 5
    assert findings(cli, state, data)["sources.unreadable"]["level"] == "error"
    bad.rmdir() if unreadable == "directory" else bad.unlink()
    bad.write_bytes(b"")
    assert cli("--state-dir", state, "--data-dir", data, "collect").code == 0
    f = findings(cli, state, data)
    assert f["sources.unreadable"]["level"] == "ok", f["sources.unreadable"]
    assert snapshot(data, state, USAGE) == expected


def test_a_gone_unreadable_source_clears(cli, jsonl_state):
    state, data, _ = jsonl_state
    bad = state / "agents/main/sessions/0e0e0e0e-0000-4000-8000-00000000000c.jsonl"
    bad.mkdir()
    assert cli("--state-dir", state, "--data-dir", data, "collect").code == 5
    bad.rmdir()
    assert cli("--state-dir", state, "--data-dir", data, "collect").code == 0
    assert findings(cli, state, data)["sources.unreadable"]["level"] == "ok"


def test_a_reset_rename_is_not_called_not_yet_collected(cli, jsonl_state):
    state, data, expected = jsonl_state
    assert cli("--state-dir", state, "--data-dir", data, "collect").code == 0
    live = state / LIVE_21
    live.rename(f"{live}.reset.2026-11-30T10-00-00.000Z")
    assert cli("--state-dir", state, "--data-dir", data, "collect").code == 0
    f = findings(cli, state, data)
    assert f["sources.pending"]["level"] == "ok", f["sources.pending"]
    assert snapshot(data, state, USAGE) == expected
    again = cli("--state-dir", state, "--data-dir", data, "collect", "--json").json()["data"]
    assert again["sources_read"] == 0 and again["new_events"] == 0
