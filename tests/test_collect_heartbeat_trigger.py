"""What started a call: heartbeat polls are recognised from OpenClaw's marker (2026.9: `[OpenClaw
heartbeat poll]`; JSONL era: the default heartbeat prompt) without keeping any message text;
cron/hook/sub-agent from session keys. Built from a real 2026.2.1 transcript with the user turn
replaced by a heartbeat poll."""

from __future__ import annotations

import json

import pytest

SESSION = "agents/work/sessions/556a1bf8-8613-49d5-97e7-4888405dac77.jsonl"
POLLS = {
    "sqlite-era marker": "[OpenClaw heartbeat poll] If nothing needs attention, reply NO_REPLY.",
    "legacy prompt": "[Thu 2026-02-05 00:02 UTC] Read HEARTBEAT.md if it exists (workspace context). Follow it strictly. "
                     "If nothing needs attention, reply HEARTBEAT_OK.",
}


def _make_heartbeat(state, text):
    path = state / SESSION
    lines = []
    for line in path.read_text().splitlines():
        obj = json.loads(line)
        msg = obj.get("message") or {}
        if msg.get("role") == "user":
            msg["content"] = [{"type": "text", "text": text}]
        lines.append(json.dumps(obj))
    path.write_text("\n".join(lines) + "\n")


@pytest.mark.parametrize("kind", sorted(POLLS))
def test_heartbeat_calls_are_classified(cli, corpus_state, tmp_path, kind):
    state = corpus_state("real-2026.2.1")
    _make_heartbeat(state, POLLS[kind])
    data = tmp_path / "data"
    events = [json.loads(l) for l in cli("--state-dir", state, "--data-dir", data, "export").out.splitlines()]
    beats = [e for e in events if e["trigger"] == "heartbeat"]
    assert [e["sessionId"] for e in beats] == ["556a1bf8-8613-49d5-97e7-4888405dac77"]
    assert all(e["trigger"] is None for e in events if e not in beats)
    report = cli("--state-dir", state, "--data-dir", data, "report", "--no-collect", "--since", "2026-02-01",
                 "--until", "2026-02-10", "--tz", "UTC", "--by", "trigger", "--json").json()["data"]
    hb = [r for r in report["rows"] if "heartbeat" in json.dumps(r.get("key")) or r.get("label") == "heartbeat"]
    assert hb and hb[0]["totalTokens"] == beats[0]["totalTokens"]
    # The poll text itself is never stored or printed.
    blob = (data / "ledger.sqlite").read_bytes() + json.dumps(report).encode()
    assert b"HEARTBEAT.md if it exists" not in blob and b"heartbeat poll]" not in blob
