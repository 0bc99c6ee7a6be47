"""`kill -9` at random points of a real
`python3 scripts/token-monitor.py collect`, collectors started together, and a writer appending
JSONL lines and inserting SQLite rows (WAL, its own connection) while collect runs. After one
clean run the ledger equals a one-shot ledger: nothing lost, nothing counted twice."""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path

import pytest

from token_monitor.collect.collector import collect
from torture_kit import (
    connect_writable,
    empty_transcripts,
    generated_state,
    one_shot,
    run_collect_proc,
    run_report_proc,
    snapshot,
)


@pytest.fixture(scope="module")
def big_state(tmp_path_factory) -> tuple[Path, list]:
    """A state whose cold collect takes about a second (both eras, real-shaped rows)."""
    root = tmp_path_factory.mktemp("crash")
    state = generated_state(root / "state", size="crash", seed=11)
    return state, one_shot(state, root / "oneshot")


def _kill_rounds(state: Path, expected: list, tmp: Path, kills_wanted: int, seed: int) -> int:
    rng = random.Random(seed)
    t0 = time.monotonic()
    probe = run_collect_proc(state, tmp / "probe")
    probe.communicate()
    full_s = time.monotonic() - t0
    kills = rounds = 0
    data = tmp / "round-0"
    for attempt in range(kills_wanted * 6):
        if kills >= kills_wanted:
            break
        proc = run_collect_proc(state, data)
        try:
            proc.wait(timeout=rng.uniform(0.02, full_s * 1.05))
        except Exception:
            proc.kill()                     # SIGKILL: no cleanup, no finally blocks
            proc.wait()
            kills += 1
            continue
        out, err = proc.communicate()
        assert proc.returncode == 0, err.decode(errors="replace")[-400:]
        # This run finished: it must already have produced the one-shot ledger. Start a new round.
        assert snapshot(data, state) == expected
        rounds += 1
        data = tmp / f"round-{rounds}"
    assert kills >= kills_wanted, f"only {kills} kills landed mid-run"
    final = run_collect_proc(state, data)
    _, err = final.communicate()
    assert final.returncode == 0, err.decode(errors="replace")[-400:]
    assert snapshot(data, state) == expected
    return kills


def test_kill_9_at_random_points_then_one_clean_run(big_state, tmp_path):
    state, expected = big_state
    assert _kill_rounds(state, expected, tmp_path, kills_wanted=20, seed=1) >= 20


def test_kill_9_while_reader_processes_read_then_one_clean_run(big_state, tmp_path, monkeypatch):
    """Readers only read: a collector killed while they work leaves no half-applied file behind, and
    its orphaned readers never keep the next collector waiting."""
    monkeypatch.setenv("TOKEN_MONITOR_READERS", "2")
    state, expected = big_state
    assert _kill_rounds(state, expected, tmp_path, kills_wanted=8, seed=3) >= 8


def test_a_collect_leaves_no_write_ahead_log_behind(big_state, tmp_path):
    """A collect lets SQLite's write-ahead log grow between checkpoints (fewer copies of the same pages);
    when it ends, everything is in the ledger file and no log is left over."""
    state, expected = big_state
    proc = run_collect_proc(state, tmp_path / "data")
    _, err = proc.communicate()
    assert proc.returncode == 0, err.decode(errors="replace")[-400:]
    wal = tmp_path / "data" / "ledger.sqlite-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    assert snapshot(tmp_path / "data", state) == expected


@pytest.mark.slow
def test_kill_9_many_more_times(big_state, tmp_path):
    state, expected = big_state
    _kill_rounds(state, expected, tmp_path, kills_wanted=100, seed=2)


@pytest.mark.parametrize("n", [4, pytest.param(12, marks=pytest.mark.slow)])
def test_collectors_at_once(big_state, tmp_path, n):
    state, expected = big_state
    data = tmp_path / "data"
    procs = [run_collect_proc(state, data, "--json") for _ in range(n)]
    results = [p.communicate() for p in procs]
    for p, (out, err) in zip(procs, results):
        assert p.returncode == 0, err.decode(errors="replace")[-400:]
        assert b"locked" not in err and b"locked" not in out
    assert snapshot(data, state) == expected


def _writer(state: Path, held_lines: dict, held_rows: dict, stop: threading.Event, seed: int) -> None:
    """Append the held-back JSONL lines (sometimes torn across two writes) and SQLite rows."""
    rng = random.Random(seed)
    conns = {db: connect_writable(db) for db in held_rows}
    try:
        while any(held_lines.values()) or any(held_rows.values()):
            for path, lines in held_lines.items():
                for _ in range(min(len(lines), rng.randrange(0, 4))):
                    line = lines.pop(0)
                    with open(path, "ab") as fh:
                        if rng.random() < 0.3:
                            cut = rng.randrange(1, len(line))
                            fh.write(line[:cut])
                            fh.flush()
                            time.sleep(0.002)
                            fh.write(line[cut:])
                        else:
                            fh.write(line)
            for db, rows in held_rows.items():
                n = min(len(rows), rng.randrange(0, 40))
                if n:
                    batch, rows[:] = rows[:n], rows[n:]
                    conns[db].execute("BEGIN IMMEDIATE")
                    conns[db].executemany("INSERT INTO transcript_events VALUES (?,?,?,?,?,?,?)", batch)
                    conns[db].execute("COMMIT")
            time.sleep(rng.uniform(0, 0.01))
    finally:
        for c in conns.values():
            c.close()
        stop.set()


@pytest.mark.parametrize("size,collectors,reports", [
    ("smoke", 1, 0),
    ("smoke", 2, 1),
    pytest.param("crash", 4, 3, marks=pytest.mark.slow),     # --full: a ~10x longer writer, more processes
])
def test_writer_appending_while_collect_runs(tmp_path, size, collectors, reports):
    state = generated_state(tmp_path / "state", size=size, seed=5)
    rng = random.Random(3)
    # Hold back the second half of every live JSONL file and every SQLite row.
    held_lines = {}
    for p in sorted(state.glob("agents/*/sessions/*.jsonl")):
        lines = p.read_bytes().splitlines(keepends=True)
        keep = len(lines) // 2
        p.write_bytes(b"".join(lines[:keep]))
        held_lines[p] = lines[keep:]
    held_rows = {db: list(rows) for db, rows in empty_transcripts(state).items()}
    # Replay SQLite rows interleaved across sessions but, within a session, strictly in seq order,
    # as OpenClaw appends (fork copies keep their original created_at, so created_at alone would
    # insert a fork child's copied rows before its header: a row order OpenClaw never produces).
    for rows in held_rows.values():
        rows.sort(key=lambda r: (r[0], r[1]))
        visible_at, last = {}, {}
        for r in rows:
            last[r[0]] = max(last.get(r[0], r[3]), r[3])
            visible_at[(r[0], r[1])] = last[r[0]]
        rows.sort(key=lambda r: (visible_at[(r[0], r[1])], r[0], r[1]))
    stop = threading.Event()
    writer = threading.Thread(target=_writer, args=(state, held_lines, held_rows, stop, 9))
    data = tmp_path / "data"
    writer.start()
    runs = reads = 0
    try:
        while not stop.is_set() or runs < 3:
            procs = [run_collect_proc(state, data, "--json") for _ in range(collectors)]
            readers = [run_report_proc(state, data, "--last", "90d", "--by", "agent,model") for _ in range(reports if runs else 0)]
            for p in procs:
                out, err = p.communicate()
                assert p.returncode in (0, 5), err.decode(errors="replace")[-400:]
                assert b"locked" not in err and b"locked" not in out
            for p in readers:
                out, err = p.communicate()
                assert p.returncode == 0, err.decode(errors="replace")[-400:]
                assert b"locked" not in err and b"locked" not in out
                reads += 1
            runs += 1
    finally:
        writer.join()
    collect(state, data)
    expected = one_shot(state, tmp_path / "oneshot")
    assert runs >= 3 and reads >= reports
    assert snapshot(data, state) == expected
