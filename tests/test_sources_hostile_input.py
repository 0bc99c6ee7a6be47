"""Hostile input from OpenClaw's side: every reader bounds what it reads. A damaged record is
skipped and reported with its file and line (exit 5), the good records are exactly what a clean
collect finds, output is strict JSON and valid UTF-8, and nothing crashes."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys

import pytest

from conftest import CANARIES, ROOT
from token_monitor.errors import ExitCode
from torture_kit import USAGE, connect_writable, one_shot, snapshot

PARTIAL = int(ExitCode.PARTIAL)
LIVE_21 = "agents/main/sessions/86ea90bc-40cd-4d2b-911c-e6aec9f70ef5.jsonl"
MAIN_DB = "agents/main/agent/openclaw-agent.sqlite"


def strict_loads(text: str):
    """json.loads that refuses NaN/Infinity, as strict parsers (jq, JavaScript's JSON.parse) do."""
    def refuse(name):
        raise AssertionError(f"non-finite number {name} in JSON output")
    return json.loads(text, parse_constant=refuse)


def assistant_line(usage: dict, *, model: str = "kimi-k2.5", entry: str = "hostile1") -> bytes:
    return (json.dumps({"type": "message", "id": entry, "parentId": None, "timestamp": "2026-02-04T21:03:00.000Z",
                        "message": {"role": "assistant", "provider": "moonshot", "model": model, "usage": usage,
                                    "stopReason": "stop", "timestamp": 1770238980000, "content": []}}) + "\n").encode()


def append(path, data: bytes) -> int:
    """Append `data` and return the 1-based line number of its first line."""
    before = path.read_bytes().count(b"\n")
    with open(path, "ab") as fh:
        fh.write(data)
    return before + 1


@pytest.fixture
def jsonl_state(corpus_state, tmp_path):
    state = corpus_state("real-2026.2.1")
    return state, tmp_path / "data", one_shot(state, tmp_path / "oneshot", USAGE)


def collect(cli, state, data):
    res = cli("--state-dir", state, "--data-dir", data, "collect", "--json")
    assert "Traceback" not in res.err and res.out, res
    return res, strict_loads(res.out)["data"]


HOSTILE_LINES = {
    "a usage number with 5000 digits": (b'{"type":"message","id":"d","message":{"role":"assistant","usage":{"output":'
                                        + b"9" * 5000 + b"}}}\n", "too many digits"),
    "an array nested 100,000 deep": (b"[" * 100_000 + b"]" * 100_000 + b"\n", "nested too deep"),
    "a message nested 100,000 deep": (b'{"type":"message","message":' + b'{"a":' * 100_000 + b"1" + b"}" * 100_001 + b"\n",
                                      "nested too deep"),
    "a cost of NaN": (assistant_line({"input": 1, "output": 1, "cost": {"total": float("nan")}}), "cost.total"),
    "a cost of Infinity": (assistant_line({"input": 1, "output": 1, "cost": {"total": float("inf")}}), "cost.total"),
    "a cost of 1e999": (assistant_line({"input": 1, "output": 1}).replace(b'"input": 1', b'"cost": {"total": 1e999}, "input": 1'),
                        "cost.total"),
    "a token count of 1e999": (assistant_line({"input": 1}).replace(b'"input": 1', b'"input": 1e999'), "input"),
}


@pytest.mark.parametrize("name", list(HOSTILE_LINES))
def test_hostile_line_is_skipped_and_located_the_rest_exact(cli, jsonl_state, name):
    state, data, expected = jsonl_state
    junk, why = HOSTILE_LINES[name]
    line = append(state / LIVE_21, junk)
    res, d = collect(cli, state, data)
    assert res.code == PARTIAL and d["malformed"] == 1, res
    [problem] = [p for p in d["problems"] if p["code"] == "records.malformed"]
    assert problem["location"].endswith(f"{LIVE_21}:line {line}") and why in problem["detail"], problem
    assert snapshot(data, state, USAGE) == expected
    rep = cli("--state-dir", state, "--data-dir", data, "report", "--since", "2026-01-01", "--json", "--no-collect")
    assert rep.code == 0 and strict_loads(rep.out)["data"]["totals"]["calls"] == len(expected)


def test_costs_that_sum_to_infinity_are_malformed_not_inf(cli, jsonl_state):
    state, data, expected = jsonl_state
    first = append(state / LIVE_21, assistant_line({"input": 1, "cost": {"total": 1.7e308}}, entry="big1")
                   + assistant_line({"input": 2, "cost": {"total": 1.7e308}}, entry="big2"))
    res, d = collect(cli, state, data)
    assert res.code == PARTIAL and d["malformed"] == 2
    assert {p["location"].rsplit(":", 1)[1] for p in d["problems"]} == {f"line {first}", f"line {first + 1}"}
    assert snapshot(data, state, USAGE) == expected
    for argv in (["report", "--since", "2026-01-01", "--json"], ["sessions", "--json"], ["budget", "status", "--json"]):
        res = cli("--state-dir", state, "--data-dir", data, *argv, "--no-collect")
        assert res.code in (0, 7) and "Infinity" not in res.out and "NaN" not in res.out, res
        strict_loads(res.out)


def test_lone_surrogates_are_counted_and_escaped_in_every_output(cli, jsonl_state):
    state, data, expected = jsonl_state
    append(state / LIVE_21, assistant_line({"input": 3, "output": 4}, model="kimi\ud800x", entry="surr1"))
    res, d = collect(cli, state, data)
    assert res.code == 0 and d["new_events"] == len(expected) + 1, res
    outputs = [
        cli("--state-dir", state, "--data-dir", data, "report", "--since", "2026-01-01", "--by", "model", "--no-collect"),
        cli("--state-dir", state, "--data-dir", data, "report", "--since", "2026-01-01", "--json", "--no-collect"),
        cli("--state-dir", state, "--data-dir", data, "export", "--no-collect"),
        cli("--state-dir", state, "--data-dir", data, "export", "--format", "csv", "--no-collect"),
    ]
    for res in outputs:
        assert res.code == 0, res
        res.out.encode("utf-8")                       # valid UTF-8: no lone surrogate reaches the output
        assert "kimi\\ud800x" in res.out or "kimi\\\\ud800x" in res.out, res     # escaped, not dropped
    rows = [json.loads(line) for line in outputs[2].out.splitlines()]
    assert sum(r["totalTokens"] for r in rows) == sum(e[USAGE.index("total_tokens")] for e in expected) + 7


def test_non_utf8_agent_and_transcript_names_are_collected_and_printed_escaped(cli, jsonl_state, tmp_path):
    state, data, expected = jsonl_state
    src = state / LIVE_21
    agent_dir = os.path.join(os.fsencode(state / "agents"), b"ag\xffent", b"sessions")
    os.makedirs(agent_dir)
    name = os.path.join(agent_dir, b"0e0e0e0e-0000-4000-8000-0000000000ff\xfe.jsonl")
    with open(name, "wb") as fh:
        fh.write(assistant_line({"input": 5, "output": 6}, entry="nonutf8"))
    res, d = collect(cli, state, data)
    assert res.code == 0 and d["new_events"] == len(expected) + 1, res
    again, d2 = collect(cli, state, data)
    assert again.code == 0 and d2["new_events"] == 0 and d2["duplicates"] == 0, again    # its cursor holds
    for argv in (["report", "--since", "2026-01-01", "--by", "agent"], ["sessions"], ["export"], ["diagnose"]):
        res = cli("--state-dir", state, "--data-dir", data, *argv, "--no-collect") if argv[0] != "diagnose" else \
            cli("--state-dir", state, "--data-dir", data, "diagnose")
        assert "Traceback" not in res.err and res.code in (0, 5, 6), res
        try:
            res.out.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise AssertionError(f"{argv}: {res.out[max(0, exc.start - 200):exc.end + 50]!r}") from None
    rows = [json.loads(line) for line in cli("--state-dir", state, "--data-dir", data, "export", "--no-collect").out.splitlines()]
    # The undecodable byte is kept as its escape (\udcff is how Python names byte 0xff of a file name).
    assert {r["agent"] for r in rows} == {"main", "work", "ag\\udcffent"}
    assert src.exists()


def test_text_in_an_integer_column_of_a_store_is_located_not_fatal(cli, corpus_state, tmp_path):
    state = corpus_state("real-2026.9.6")
    expected = one_shot(state, tmp_path / "oneshot", USAGE)
    conn = connect_writable(state / MAIN_DB)
    # OpenClaw's table is STRICT; a store whose STRICT was dropped (hand repair, another tool) accepts any type.
    sql, = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'transcript_events'").fetchone()
    conn.execute(sql.replace("transcript_events", "te_loose", 1).rstrip().removesuffix("STRICT").rstrip().rstrip(","))
    conn.execute("INSERT INTO te_loose SELECT * FROM transcript_events")
    conn.execute("DROP TABLE transcript_events")
    conn.execute("ALTER TABLE te_loose RENAME TO transcript_events")
    sid, = conn.execute("SELECT session_id FROM transcript_events LIMIT 1").fetchone()
    conn.execute("INSERT INTO transcript_events (session_id, seq, event_json, created_at) "
                 "SELECT session_id, 'seven', event_json, created_at FROM transcript_events WHERE session_id = ? "
                 "AND event_json IS NOT NULL LIMIT 1", (sid,))
    conn.execute("INSERT INTO transcript_events (session_id, seq, event_json, created_at) "
                 "SELECT session_id, 1000000, event_json, 'noon' FROM transcript_events WHERE session_id = ? "
                 "AND event_json LIKE '%\"user\"%' LIMIT 1", (sid,))
    conn.commit()
    conn.close()
    data = tmp_path / "data"
    res, d = collect(cli, state, data)
    assert res.code == PARTIAL and d["malformed"] == 1, res
    assert any(p["location"].endswith(f"{sid}#seven") and "not an integer" in p["detail"] for p in d["problems"]), d
    assert snapshot(data, state, USAGE) == expected
    again, d2 = collect(cli, state, data)
    assert again.code in (0, PARTIAL) and d2["new_events"] == 0


def _limited(max_bytes: int):
    def apply():
        resource.setrlimit(resource.RLIMIT_AS, (max_bytes, max_bytes))
    return apply


@pytest.mark.parametrize("size", [pytest.param("1536M", id="1.5GB"), pytest.param("6G", id="6GB", marks=pytest.mark.slow)])
def test_multi_gigabyte_sparse_transcript_in_bounded_memory(jsonl_state, tmp_path, size):
    """A sparse file of zeros (no newline) is one absurd 'line': skipped in chunks, reported, under a 1 GB
    address-space limit that a whole-file read would exceed."""
    state, data, expected = jsonl_state
    sparse = state / "agents/main/sessions/0e0e0e0e-0000-4000-8000-0000000000aa.jsonl"
    subprocess.run(["truncate", "-s", size, str(sparse)], check=True)
    with open(sparse, "ab") as fh:
        fh.write(b"\n" + assistant_line({"input": 7, "output": 8}, entry="after-the-hole"))
    env = dict(os.environ, PYTHONPATH=str(ROOT / "scripts"))
    proc = subprocess.run([sys.executable, "-m", "token_monitor", "--state-dir", str(state), "--data-dir", str(data),
                           "collect", "--json"], env=env, capture_output=True, text=True, preexec_fn=_limited(1 << 30),
                          timeout=600)
    assert proc.returncode == PARTIAL and "Traceback" not in proc.stderr, proc.stderr
    d = strict_loads(proc.stdout)["data"]
    assert d["malformed"] == 1 and d["new_events"] == len(expected) + 1
    [p] = [p for p in d["problems"] if p["code"] == "records.malformed"]
    assert p["location"].endswith("0e0e0e0e-0000-4000-8000-0000000000aa.jsonl:line 1") and "longer than" in p["detail"]


def test_no_canary_secret_in_any_hostile_output(cli, jsonl_state):
    state, data, _ = jsonl_state
    for junk, _why in HOSTILE_LINES.values():
        append(state / LIVE_21, junk)
    outs = [cli("--state-dir", state, "--data-dir", data, *argv) for argv in
            (["collect", "--json"], ["report", "--since", "2026-01-01", "--json"], ["export"], ["diagnose", "--json"])]
    for res in outs:
        assert "Traceback" not in res.err
        for canary in CANARIES:
            assert canary not in res.out and canary not in res.err
