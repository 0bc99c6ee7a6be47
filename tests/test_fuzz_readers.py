"""Fuzzing every reader of OpenClaw's data and our own ledger. Each reader, given anything, returns
a value or raises its one documented error; a whole collect over byte-mutated real transcripts and stores,
or over a ledger damaged at random pages, never shows a traceback, exits with a documented code, keeps
the good records exact, reports the damaged ones with their location, leaves OpenClaw's files byte-identical
and TMPDIR empty, and prints no canary secret. CI runs the fast variants; `pytest --full` 10x as many."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import strategies as st

from conftest import CANARIES, FIXTURES, run_cli, tree_digest
from token_monitor.errors import ExitCode
from token_monitor.model import Malformed, RawRecord
from token_monitor.sources import agent_db, bounded, jsonl
from token_monitor.sources.compressed import ZstdError
from token_monitor.sources.openclaw_config import ConfigError, load_config
from torture_kit import FULL, USAGE, copy_tree, hypothesis_pair, one_shot, snapshot, whole_ledger_file

DOCUMENTED = {int(c) for c in ExitCode}
LIVE_21 = "agents/main/sessions/86ea90bc-40cd-4d2b-911c-e6aec9f70ef5.jsonl"
MAIN_DB = "agents/main/agent/openclaw-agent.sqlite"

any_value = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30) | st.binary(max_size=60)
nested_json = st.integers(1, 3000).map(lambda n: "[" * n + "]" * n) | st.integers(1, 3000).map(lambda n: '{"a":' * n + "0" + "}" * n)
json_text = st.text(max_size=200) | nested_json | st.from_regex(r"-?[0-9]{1,6000}(e[0-9]{1,5})?", fullmatch=True) | \
    st.sampled_from(["NaN", "Infinity", "-Infinity", "1e999", '"\\ud800"', '{"a": NaN}'])


# ------------------------------------------------------------------ one reader at a time

def loads_anything(data):
    try:
        bounded.loads(data)
    except ValueError as exc:
        assert "\n" not in str(exc) and len(str(exc)) < 100


test_fuzz_json_loader, test_fuzz_json_loader_full = hypothesis_pair(300, json_text | st.binary(max_size=300))(loads_anything)


def line_reader_anything(data, final):
    import io

    offset = line = 0
    for rec in jsonl.jsonl_records(io.BytesIO(data), final=final):
        assert rec.resume[0] >= offset and rec.resume[1] >= line and rec.loc.startswith("line ")
        assert isinstance(rec, RawRecord) or (isinstance(rec, Malformed) and "\n" not in rec.detail and len(rec.detail) < 100)
        offset, line = rec.resume
    assert offset <= len(data)


test_fuzz_line_reader, test_fuzz_line_reader_full = hypothesis_pair(
    200, st.lists(json_text.map(str.encode) | st.binary(max_size=80), max_size=8).map(b"\n".join), st.booleans(),
)(line_reader_anything)


def row_decoder_anything(text, blob, nbytes):
    try:
        agent_db.decode_event_row(text, blob, nbytes)
    except (ValueError, ZstdError):
        pass


test_fuzz_sqlite_row_decoder, test_fuzz_sqlite_row_decoder_full = hypothesis_pair(
    200, any_value | json_text, any_value, any_value)(row_decoder_anything)


def session_index_anything(data):
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "sessions.json"
        p.write_bytes(data)
        try:
            metas = jsonl.read_session_index(p, "main")
        except ValueError:
            return
        for m in metas.values():
            assert isinstance(m.session_id, str)


test_fuzz_session_index, test_fuzz_session_index_full = hypothesis_pair(
    150, json_text.map(str.encode) | st.binary(max_size=200) |
    st.dictionaries(st.text(max_size=10), st.dictionaries(st.sampled_from(["sessionId", "label", "channel", "origin"]), any_value.filter(
        lambda v: not isinstance(v, bytes)), max_size=4), max_size=4).map(lambda d: json.dumps(d).encode()),
)(session_index_anything)


def config_anything(data):
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "openclaw.json"
        p.write_bytes(data)
        try:
            assert isinstance(load_config(p, {}), dict)
        except ConfigError as exc:
            assert "\n" not in exc.one_line()


test_fuzz_config_reader, test_fuzz_config_reader_full = hypothesis_pair(
    100, json_text.map(str.encode) | st.binary(max_size=200) | st.sampled_from([b'{"$include": "../../etc/passwd"}', b'{"$include": "./x.json"}']),
)(config_anything)


# ------------------------------------------------------------------ whole collects over mutated real data

def _mutate(raw: bytes, positions: list[int], flips: list[int]) -> tuple[bytes, set[int]]:
    """Flip bytes at positions (never into or out of a newline, so line numbers stay put); the 1-based
    lines touched."""
    out = bytearray(raw)
    touched = set()
    for pos, flip in zip(positions, flips):
        i = pos % len(out)
        if out[i] == 0x0A:
            continue
        new = out[i] ^ (flip or 1)
        if new == 0x0A:
            continue
        out[i] = new
        touched.add(raw.count(b"\n", 0, i) + 1)
    return bytes(out), touched


def _run_all(state: Path, data: Path, tmpdir: Path) -> list:
    """Every reading command on the state, with temp files directed into `tmpdir` (made here), which must
    be empty afterwards."""
    tmpdir.mkdir()
    old = tempfile.tempdir
    tempfile.tempdir = str(tmpdir)
    try:
        results = [run_cli("--state-dir", state, "--data-dir", data, *argv) for argv in
                   (["collect", "--json"], ["report", "--since", "2026-01-01", "--json", "--no-collect"],
                    ["export", "--no-collect"], ["diagnose", "--json"])]
    finally:
        tempfile.tempdir = old
    for res in results:
        assert "Traceback" not in res.err and res.code in DOCUMENTED, res
        for canary in CANARIES:
            assert canary not in res.out and canary not in res.err
    assert not any(tmpdir.iterdir()), list(tmpdir.iterdir())
    return results


def mutated_transcript(positions, flips):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        state = copy_tree(FIXTURES / "real-2026.2.1" / "state", tmp / "state")
        clean = [r for r in one_shot(state, tmp / "clean", FULL)]
        raw = (state / LIVE_21).read_bytes()
        mutated, touched = _mutate(raw, positions, flips)
        (state / LIVE_21).write_bytes(mutated)
        before = tree_digest(state)
        res = _run_all(state, tmp / "data", tmp / "tmpdir")[0]
        assert tree_digest(state, exclude=tmp / "data") == before
        loc_i, path_i = FULL.index("source_loc"), FULL.index("source_path")
        got = snapshot(tmp / "data", state, FULL)
        # Every call on an untouched line is there, exactly as a clean collect has it (owner copies may move
        # when a copy's line was damaged, so calls are compared by key and numbers).
        untouched = {r[0]: r for r in clean if not (r[path_i].endswith(LIVE_21) and int(r[loc_i].split()[-1]) in touched)}
        by_key = {r[0]: r for r in got}
        usage_cols = [FULL.index(c) for c in USAGE if c not in ("agent", "session_id")]
        for key, row in untouched.items():
            assert key in by_key and [by_key[key][i] for i in usage_cols] == [row[i] for i in usage_cols]
        # Every touched line that no longer parses is reported with its file and line.
        d = res.json()["data"]
        reported = {p["location"] for p in d["problems"] if p["code"] == "records.malformed"}
        lines = mutated.split(b"\n")
        for n in touched:
            try:
                json.loads(lines[n - 1])
            except ValueError:
                assert any(loc.endswith(f"{LIVE_21}:line {n}") for loc in reported), (n, reported)


test_fuzz_mutated_real_transcript, test_fuzz_mutated_real_transcript_full = hypothesis_pair(
    12, st.lists(st.integers(0, 10**7), min_size=1, max_size=8), st.lists(st.integers(0, 255), min_size=8, max_size=8),
)(mutated_transcript)


def mutated_store(positions, flips):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        state = copy_tree(FIXTURES / "real-2026.9.6" / "state", tmp / "state")
        for suffix in ("", "-wal"):
            p = Path(f"{state / MAIN_DB}{suffix}")
            raw = p.read_bytes()
            if raw:
                p.write_bytes(_mutate(raw, positions, flips)[0])
        before = tree_digest(state)
        res = _run_all(state, tmp / "data", tmp / "tmpdir")[0]
        assert res.code in (0, int(ExitCode.PARTIAL))
        assert tree_digest(state, exclude=tmp / "data") == before
        # The untouched store (agent "work") is exact whatever happened to "main".
        clean = copy_tree(FIXTURES / "real-2026.9.6" / "state", tmp / "clean-state")
        shutil.rmtree(clean / "agents" / "main")
        want = [r for r in one_shot(clean, tmp / "clean", USAGE) if r[1] == "work"]
        got = [r for r in snapshot(tmp / "data", state, USAGE) if r[1] == "work"]
        assert got == want


test_fuzz_mutated_real_store, test_fuzz_mutated_real_store_full = hypothesis_pair(
    10, st.lists(st.integers(0, 10**6), min_size=1, max_size=40), st.lists(st.integers(0, 255), min_size=40, max_size=40),
)(mutated_store)


def damaged_ledger(pages, pattern):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        state = copy_tree(FIXTURES / "real-2026.2.1" / "state", tmp / "state")
        want = one_shot(state, tmp / "clean", USAGE)
        data = tmp / "data"
        assert run_cli("--state-dir", state, "--data-dir", data, "collect").code == 0
        ledger = whole_ledger_file(data)
        raw = bytearray(ledger.read_bytes())
        n_pages = len(raw) // 4096
        for page in pages:
            start = (page % n_pages) * 4096
            for i in range(start + (pattern % 97), start + 4096, 11):
                raw[i] ^= pattern or 0xFF
        ledger.write_bytes(bytes(raw))
        res = run_cli("--state-dir", state, "--data-dir", data, "collect")
        assert "Traceback" not in res.err and res.code in (0, int(ExitCode.LEDGER)), res
        if res.code == 0:
            rep = run_cli("--state-dir", state, "--data-dir", data, "report", "--since", "2026-01-01", "--json", "--no-collect")
            if rep.code == 0:       # a wrong total with exit 0 is the one outcome never allowed
                assert rep.json()["data"]["totals"]["calls"] == len(want)
            else:
                assert rep.code == int(ExitCode.LEDGER) and "Traceback" not in rep.err
        res = run_cli("--state-dir", state, "--data-dir", data, "collect", "--rebuild")
        assert res.code == 0, res
        assert snapshot(data, state, USAGE) == want


test_fuzz_ledger_damaged_at_random_pages, test_fuzz_ledger_damaged_at_random_pages_full = hypothesis_pair(
    12, st.lists(st.integers(0, 1000), min_size=1, max_size=4), st.integers(0, 255),
)(damaged_ledger)
