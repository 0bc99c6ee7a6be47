"""A big first collect reads JSONL files in reader processes (TOKEN_MONITOR_READERS, or one per core
when there is enough to read). Whatever the number of readers, the ledger is the one an in-process read
gives: the same events with the same owning copies, the same cursors (also mid-file, every chunk), the
same problems for damaged lines and for a file that fails while it is read; and an incremental run
after appends continues exactly. A bad TOKEN_MONITOR_READERS is a one-line error (exit 2)."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from conftest import CORPORA, run_cli
from token_monitor.collect import parallel, placing
from token_monitor.collect.collector import collect
from token_monitor.sources import jsonl
from torture_kit import copy_tree, corpus_src, generated_state, snapshot


def ledger_facts(data: Path, state: Path) -> tuple:
    """Events (with their owning copy), cursors and problems, paths relative to the state."""
    conn = sqlite3.connect(f"file:{data / 'ledger.sqlite'}?mode=ro", uri=True)
    try:
        cursors = conn.execute("SELECT source_id, kind, agent, path, state FROM cursors ORDER BY source_id").fetchall()
        problems = conn.execute("SELECT source, location, code, detail, agent FROM problems ORDER BY 1, 2, 3").fetchall()
    finally:
        conn.close()
    rel = str(state.resolve()) + os.sep

    def strip(v):
        return v.replace(rel, "").replace(str(state) + os.sep, "") if isinstance(v, str) else v
    return snapshot(data, state), [tuple(map(strip, r)) for r in cursors], [tuple(map(strip, r)) for r in problems]


def collect_with(readers: int, state: Path, data: Path, monkeypatch) -> None:
    """Collect with that many readers, and prove they were used (reader processes for 2+ files to read)."""
    monkeypatch.setenv(parallel.ENV, str(readers))
    used = []
    real = parallel.reader_count
    monkeypatch.setattr(parallel, "reader_count", lambda jobs: used.append((len(jobs), real(jobs))) or used[-1][1])
    collect(state, data)
    monkeypatch.setattr(parallel, "reader_count", real)
    files, started = used[0]
    assert started == (1 if files < 2 or readers == 1 else min(readers, files))


@pytest.mark.parametrize("corpus", [c for c in CORPORA if c != "real-2026.9.6"])    # 9.6: one JSONL file
def test_reader_processes_give_the_ledger_an_in_process_read_gives(corpus, tmp_path, monkeypatch):
    state = copy_tree(corpus_src(corpus), tmp_path / "state")
    monkeypatch.setattr(placing, "BATCH", 7)        # chunk cursors mid-file too
    collect_with(1, state, tmp_path / "one", monkeypatch)
    collect_with(3, state, tmp_path / "three", monkeypatch)
    one, three = ledger_facts(tmp_path / "one", state), ledger_facts(tmp_path / "three", state)
    assert one[0] and one == three


def test_generated_history_with_resets_forks_and_backups_is_read_alike(tmp_path, monkeypatch):
    state = generated_state(tmp_path / "state", size="smoke", seed=3)
    collect_with(1, state, tmp_path / "one", monkeypatch)
    collect_with(2, state, tmp_path / "two", monkeypatch)
    one, two = ledger_facts(tmp_path / "one", state), ledger_facts(tmp_path / "two", state)
    assert len(one[0]) > 100 and one == two


def damaged_state(root: Path) -> Path:
    state = copy_tree(corpus_src("real-2026.2.1"), root)
    files = sorted((state / "agents").glob("*/sessions/*.jsonl"))
    assert len(files) >= 2
    with open(files[0], "ab") as fh:
        fh.write(b'{"type":"message","message":{"role":"assistant","usage":{"input":NaN}}}\n')
        fh.write(b"\xff\xfe not json\n")
        fh.write(b'{"type":"message","id":"torn","message":{"role":"assis')        # a writer mid-append
    return state


def test_damaged_lines_and_a_torn_last_line_are_reported_and_resumed_alike(tmp_path, monkeypatch):
    state = damaged_state(tmp_path / "state")
    monkeypatch.setattr(placing, "BATCH", 5)
    collect_with(1, state, tmp_path / "one", monkeypatch)
    collect_with(2, state, tmp_path / "two", monkeypatch)
    first = ledger_facts(tmp_path / "one", state)
    assert first == ledger_facts(tmp_path / "two", state)
    assert {p[2] for p in first[2]} == {"records.malformed"} and len(first[2]) == 2
    # The writer finishes its line and appends a call: both ledgers continue from their cursors alike.
    f = sorted((state / "agents").glob("*/sessions/*.jsonl"))[0]
    lines = f.read_bytes().splitlines(keepends=True)      # the last one is the torn line: replaced whole
    good = next(json.loads(ln) for ln in lines if b'"usage"' in ln and b'"assistant"' in ln and b"NaN" not in ln)
    good["id"], good["message"]["responseId"] = "appended-1", "appended-1"
    f.write_bytes(b"".join(lines[:-1]) + json.dumps(good).encode() + b"\n")
    collect_with(1, state, tmp_path / "one", monkeypatch)
    collect_with(2, state, tmp_path / "two", monkeypatch)
    second = ledger_facts(tmp_path / "one", state)
    assert second == ledger_facts(tmp_path / "two", state)
    assert len(second[0]) == len(first[0]) + 1


def test_a_file_that_fails_while_read_is_unreadable_alike_and_keeps_what_was_read(tmp_path, monkeypatch):
    state = copy_tree(corpus_src("real-2026.2.1"), tmp_path / "state")
    victim = sorted((state / "agents").glob("*/sessions/*.jsonl"))[0]
    real = jsonl.jsonl_records

    def failing(stream, **kw):
        for n, rec in enumerate(real(stream, **kw)):
            if n == 3 and str(getattr(stream, "name", "")).endswith(victim.name):
                raise OSError(5, "Input/output error")
            yield rec
    monkeypatch.setattr(jsonl, "jsonl_records", failing)
    monkeypatch.setattr(placing, "BATCH", 2)
    collect_with(1, state, tmp_path / "one", monkeypatch)
    collect_with(2, state, tmp_path / "two", monkeypatch)
    one = ledger_facts(tmp_path / "one", state)
    assert one == ledger_facts(tmp_path / "two", state)
    assert [p[2:4] for p in one[2]] == [("sources.unreadable", "Input/output error")]
    victim_cursor = [c for c in one[1] if c[0].endswith(victim.name)]
    assert victim_cursor and json.loads(victim_cursor[0][4])["line"] == 2     # the chunk read before the error


def test_a_reader_that_dies_costs_nothing_its_files_are_read_in_process(tmp_path, monkeypatch):
    """A reader killed mid-run (out of memory, a signal) leaves its files to the collector: same ledger."""
    state = copy_tree(corpus_src("real-2026.6.11"), tmp_path / "state")
    collect_with(1, state, tmp_path / "one", monkeypatch)
    parent, real = os.getpid(), parallel._read_all

    def dies_on_its_second_file(job, seen=[]):
        seen.append(job)
        if os.getpid() != parent and len(seen) == 2:
            os._exit(9)
        return real(job)
    monkeypatch.setattr(parallel, "_read_all", dies_on_its_second_file)
    collect_with(2, state, tmp_path / "two", monkeypatch)
    assert ledger_facts(tmp_path / "one", state) == ledger_facts(tmp_path / "two", state)


def test_readers_that_cannot_be_started_leave_their_files_to_the_collector(tmp_path, monkeypatch):
    """A process limit (fork fails) is no error: the files are read in-process, the ledger is the same."""
    import errno

    state = copy_tree(corpus_src("real-2026.6.11"), tmp_path / "state")
    collect_with(1, state, tmp_path / "one", monkeypatch)
    real_fork, forks = os.fork, []

    def second_fork_fails():
        forks.append(1)
        if len(forks) >= 2:
            raise OSError(errno.EAGAIN, "Resource temporarily unavailable")
        return real_fork()
    monkeypatch.setattr(os, "fork", second_fork_fails)
    collect_with(3, state, tmp_path / "three", monkeypatch)
    monkeypatch.setattr(os, "fork", real_fork)
    assert len(forks) == 2
    assert ledger_facts(tmp_path / "one", state) == ledger_facts(tmp_path / "three", state)


@pytest.mark.parametrize("value", ["0", "many", "-2"])
def test_a_bad_readers_setting_is_a_one_line_error(tmp_path, monkeypatch, value):
    state = copy_tree(corpus_src("real-2026.2.1"), tmp_path / "state")
    monkeypatch.setenv(parallel.ENV, value)
    res = run_cli("--state-dir", str(state), "--data-dir", str(tmp_path / "d"), "collect")
    assert res.code == 2 and parallel.ENV in res.err and len(res.err.strip().splitlines()) == 1


def test_small_runs_and_one_core_read_in_process(monkeypatch):
    monkeypatch.delenv(parallel.ENV, raising=False)
    job = placing.FileRead("file:x", "main", "x", "live", "s", 0, 0, None, False, to_read=parallel.PARALLEL_MIN_BYTES)
    monkeypatch.setattr(parallel, "_cores", lambda: 2)
    assert parallel.reader_count([job, job]) == 2
    assert parallel.reader_count([job]) == 1                                  # one file: nothing to share
    small = placing.FileRead("file:x", "main", "x", "live", "s", 0, 0, None, False, to_read=1000)
    assert parallel.reader_count([small, small]) == 1                         # a heartbeat's few new lines
    monkeypatch.setattr(parallel, "_cores", lambda: 1)
    assert parallel.reader_count([job, job]) == 1


def test_a_collect_in_a_thread_reads_in_process(monkeypatch):
    """`metrics --serve` collects in its server thread: forking a threaded process is not safe."""
    import threading

    monkeypatch.setenv(parallel.ENV, "2")
    job = placing.FileRead("file:x", "main", "x", "live", "s", 0, 0, None, False, to_read=1 << 30)
    seen = []
    t = threading.Thread(target=lambda: seen.append(parallel.reader_count([job, job])))
    t.start()
    t.join()
    assert seen == [1] and parallel.reader_count([job, job]) == 2
