"""The ledger defends itself: damage is detected (exit 4, one line), `collect --rebuild` always
ends exact from the sources and keeps what is readable of calls whose sources are gone, broken cursor
state is re-derived, and busy / not writable / interrupted / a file where a directory belongs each get
their own documented exit code and one line naming the item and the fix."""

from __future__ import annotations

import fcntl
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import ROOT, tree_digest
from token_monitor.errors import ExitCode
from torture_kit import USAGE, connect_writable, one_shot, snapshot, whole_ledger_file

OK, LEDGER, BUSY, NOT_WRITABLE, STATE = 0, int(ExitCode.LEDGER), int(ExitCode.BUSY), int(ExitCode.NOT_WRITABLE), \
    int(ExitCode.STATE_NOT_FOUND)
LIVE_21 = "agents/main/sessions/86ea90bc-40cd-4d2b-911c-e6aec9f70ef5.jsonl"


@pytest.fixture
def collected(corpus_state, tmp_path, cli):
    state = corpus_state("real-2026.2.1")
    expected = one_shot(state, tmp_path / "oneshot", USAGE)
    data = tmp_path / "data"
    assert cli("--state-dir", state, "--data-dir", data, "collect").code == OK
    return state, data, expected


def one_line(res) -> str:
    lines = res.err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in res.err, res
    return lines[0]


def damage(data: Path, sql: str) -> None:
    conn = sqlite3.connect(data / "ledger.sqlite")
    conn.execute(sql)
    conn.commit()
    conn.close()


def total(cli, state, data) -> int:
    res = cli("--state-dir", state, "--data-dir", data, "report", "--since", "2026-01-01", "--json", "--no-collect")
    assert res.code == OK, res
    return res.json()["data"]["totals"]["calls"]


def test_a_dropped_table_is_damage_and_rebuild_repairs_it(cli, collected):
    state, data, expected = collected
    damage(data, "DROP TABLE sessions")
    for argv in (["report", "--no-collect"], ["collect"], ["report", "--json"]):
        res = cli("--state-dir", state, "--data-dir", data, *argv)
        assert res.code == LEDGER and "table sessions is missing" in one_line(res) and "collect --rebuild" in res.err
    assert cli("--state-dir", state, "--data-dir", data, "collect", "--rebuild").code == OK
    assert snapshot(data, state, USAGE) == expected
    assert list(data.glob("ledger.sqlite.corrupt-*")), "the damaged file is kept beside the new one"


def test_broken_cursor_state_is_rederived_without_double_counting(cli, collected):
    state, data, expected = collected
    damage(data, "UPDATE cursors SET state = CASE WHEN rowid % 3 = 0 THEN '{broken' WHEN rowid % 3 = 1 "
                 "THEN '{\"offset\": \"seven\", \"ino\": [], \"seq\": \"x\"}' ELSE '[]' END")
    res = cli("--state-dir", state, "--data-dir", data, "collect", "--json")
    assert res.code == OK and res.json()["data"]["new_events"] == 0, res
    assert snapshot(data, state, USAGE) == expected
    assert cli("--state-dir", state, "--data-dir", data, "collect", "--json").json()["data"]["sources_read"] == 0


@pytest.mark.parametrize("alter", ["key || 'x'", "substr(key, 2) || substr(key, 1, 1)"])
def test_rebuild_after_altered_event_keys_counts_each_call_once(cli, collected, alter):
    state, data, expected = collected
    damage(data, f"UPDATE events SET key = {alter}")
    assert total(cli, state, data) == len(expected)       # the numbers themselves are intact
    res = cli("--state-dir", state, "--data-dir", data, "collect", "--rebuild")
    assert res.code == OK, res
    assert snapshot(data, state, USAGE) == expected
    assert total(cli, state, data) == len(expected)


def test_rebuild_keeps_altered_calls_whose_sources_are_gone_once(cli, collected):
    state, data, expected = collected
    damage(data, "UPDATE events SET key = key || 'x'")
    gone = {r[0] for r in sqlite3.connect(data / "ledger.sqlite").execute(
        "SELECT key FROM events WHERE source_path LIKE ?", (f"%{LIVE_21}",))}
    (state / LIVE_21).unlink()                             # OpenClaw deleted the transcript since
    assert gone
    assert cli("--state-dir", state, "--data-dir", data, "collect", "--rebuild").code == OK
    assert total(cli, state, data) == len(expected)        # kept (under the old key), never twice


def test_random_page_damage_is_reported_or_harmless_and_rebuild_is_exact(cli, collected):
    state, data, expected = collected
    ledger = whole_ledger_file(data)
    raw = bytearray(ledger.read_bytes())
    page = 4096
    rng = random.Random(12)
    for _ in range(3):
        start = rng.randrange(1, len(raw) // page) * page
        for i in range(start + 100, min(start + page, len(raw)), 7):
            raw[i] ^= 0xA5
    ledger.write_bytes(bytes(raw))
    res = cli("--state-dir", state, "--data-dir", data, "collect")
    if res.code != OK:                                     # detected: one line, the fix named
        assert res.code == LEDGER and "collect --rebuild" in one_line(res)
    else:                                                  # not detected: then the totals are still right
        assert snapshot(data, state, USAGE) == expected
    assert cli("--state-dir", state, "--data-dir", data, "collect", "--rebuild").code == OK
    assert snapshot(data, state, USAGE) == expected


def test_reports_between_collects_do_not_cost_the_next_collect_a_full_check(corpus_state, tmp_path):
    """The integrity check reads the whole ledger; it runs only when something other than token-monitor
    changed the file. A report (which names this machine in the ledger) is not such a change. Real
    processes, as a user runs them: the stamp is about the file on disk."""
    from token_monitor.ledger.repair import unchanged_since_verified

    state, data = corpus_state("real-2026.2.1"), tmp_path / "data"

    def run(*argv):
        res = subprocess.run([sys.executable, str(ROOT / "scripts" / "token-monitor.py"), "--state-dir", str(state),
                              "--data-dir", str(data), *argv], capture_output=True, text=True, timeout=120)
        assert res.returncode == OK, res.stderr
    run("collect")
    run("report", "--no-collect")
    assert unchanged_since_verified(data)
    run("report", "week")
    run("sessions", "--no-collect")
    assert unchanged_since_verified(data)
    os.utime(data / "ledger.sqlite", ns=(1, 1))                            # someone else touched the file
    assert not unchanged_since_verified(data)


def test_another_collect_holding_the_lock_is_busy_not_damage(cli, collected, monkeypatch):
    from token_monitor.collect import lock

    state, data, _ = collected
    monkeypatch.setattr(lock, "WAIT_S", 0.2)
    with open(data / lock.LOCK_NAME, "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        for argv in (["collect"], ["report"], ["collect", "--json"]):
            res = cli("--state-dir", state, "--data-dir", data, *argv)
            assert res.code == BUSY and "another collect" in one_line(res) and "rebuild" not in res.err.replace("do not rebuild", "")
        assert cli("--state-dir", state, "--data-dir", data, "report", "--no-collect").code == OK


def test_data_dir_that_is_a_file_is_not_writable(cli, corpus_state, tmp_path):
    state = corpus_state("real-2026.2.1")
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    for data in (blocker, blocker / "sub"):
        for argv in (["collect"], ["report"], ["budget", "set", "daily", "5"]):
            res = cli("--state-dir", state, "--data-dir", data, *argv)
            assert res.code == NOT_WRITABLE and str(blocker) in one_line(res) and "--data-dir" in res.err, res


def test_state_dir_that_is_a_file_says_so(cli, tmp_path):
    f = tmp_path / "openclaw-state"
    f.write_text("x")
    res = cli("--state-dir", f, "report")
    assert res.code == STATE and "is a file, not a directory" in one_line(res)


def _make_read_only(paths: list[Path]) -> bool:
    """Make `paths` unwritable even for root (the immutable attribute); False when that is impossible."""
    if os.geteuid() != 0:
        for p in paths:
            p.chmod(0o555 if p.is_dir() else 0o444)
        return True
    if not shutil.which("chattr"):
        return False
    return subprocess.run(["chattr", "+i", *map(str, paths)], capture_output=True).returncode == 0 and \
        subprocess.run(["touch", str(paths[0] / "probe")], capture_output=True).returncode != 0


def _make_writable(paths: list[Path]) -> None:
    if os.geteuid() == 0 and shutil.which("chattr"):
        subprocess.run(["chattr", "-i", *map(str, paths)], capture_output=True)
    for p in paths:
        p.chmod(0o755 if p.is_dir() else 0o644)


def test_unwritable_data_dir_reports_read_only_and_not_damage(cli, collected):
    """A data dir the user cannot write (another user's, or read-only): `--no-collect` reads it, a collect
    says "not writable" (exit 9), never "internal error" or "damaged"."""
    state, data, expected = collected
    want = cli("--state-dir", state, "--data-dir", data, "report", "--since", "2026-01-01", "--json", "--no-collect").json()
    paths = [data, *data.iterdir()]
    if not _make_read_only(paths):
        pytest.skip("cannot make a directory read-only for root here (no chattr)")
    try:
        for argv in (["report", "--since", "2026-01-01", "--json", "--no-collect"], ["export", "--no-collect"],
                     ["sessions", "--no-collect"], ["diagnose"]):
            res = cli("--state-dir", state, "--data-dir", data, *argv)
            assert res.code in (OK, int(ExitCode.FINDINGS)) and "damaged" not in res.out + res.err, (argv, res)
            if argv[0] == "report":
                assert res.json()["data"]["totals"] == want["data"]["totals"]
        for argv in (["collect"], ["report"], ["budget", "set", "daily", "5"]):
            res = cli("--state-dir", state, "--data-dir", data, *argv)
            line = one_line(res)
            assert res.code == NOT_WRITABLE and str(data) in line, (argv, res)
            assert "internal error" not in line and "damaged" not in line
    finally:
        _make_writable(paths)


def test_interrupted_collect_says_so_and_loses_nothing(cli, corpus_state, tmp_path, monkeypatch):
    from token_monitor.collect import placing

    state = corpus_state("real-2026.9.6")
    expected = one_shot(state, tmp_path / "oneshot", USAGE)
    data = tmp_path / "data"
    real = placing.normalize_record
    calls = {"n": 0}

    def interrupt_midway(*a, **k):
        calls["n"] += 1
        if calls["n"] == 12:
            raise KeyboardInterrupt
        return real(*a, **k)

    monkeypatch.setattr(placing, "normalize_record", interrupt_midway)
    res = cli("--state-dir", state, "--data-dir", data, "collect")
    assert res.code == int(ExitCode.INTERRUPTED) and "interrupted" in one_line(res) and res.out == ""
    monkeypatch.setattr(placing, "normalize_record", real)
    assert cli("--state-dir", state, "--data-dir", data, "collect").code == OK
    assert snapshot(data, state, USAGE) == expected


def test_sigint_during_a_real_collect_is_one_line_and_the_next_run_is_exact(corpus_state, tmp_path):
    import signal
    import time

    state = corpus_state("real-2026.9.6")
    expected = one_shot(state, tmp_path / "oneshot", USAGE)
    data = tmp_path / "data"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "scripts"))
    argv = [sys.executable, "-m", "token_monitor", "--state-dir", str(state), "--data-dir", str(data), "collect"]
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(0.4)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert "Traceback" not in err
    assert proc.returncode in (OK, int(ExitCode.INTERRUPTED))
    if proc.returncode:
        assert err.strip() == "token-monitor: interrupted; nothing was lost — run the command again"
    assert subprocess.run(argv, env=env, capture_output=True).returncode == OK
    assert snapshot(data, state, USAGE) == expected


def _wal_without_shm(state: Path) -> Path:
    """The store as a crash (or a backup tool) leaves it: committed pages still in the -wal, no -shm."""
    db = state / "agents/main/agent/openclaw-agent.sqlite"
    writer = connect_writable(db)
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("CREATE TABLE IF NOT EXISTS wal_probe (x)")
    writer.execute("INSERT INTO wal_probe VALUES (1)")
    writer.commit()
    held = {s: Path(f"{db}{s}").read_bytes() for s in ("", "-wal")}     # while the writer still has them open
    writer.close()
    for s, raw in held.items():
        Path(f"{db}{s}").write_bytes(raw)
    Path(f"{db}-shm").unlink(missing_ok=True)
    assert Path(f"{db}-wal").stat().st_size > 0
    return db


def test_database_copies_are_private_and_never_left_behind(corpus_state, tmp_path, monkeypatch):
    """A -wal without its -shm is the one case that needs a copy: it lives in our private per-user dir,
    is gone after a normal run, and the next run removes one a killed run left."""
    from token_monitor.sources import agent_db

    state = corpus_state("real-2026.9.6")
    expected = one_shot(state, tmp_path / "oneshot", USAGE)
    _wal_without_shm(state)
    tmpdir = tmp_path / "tmpdir"
    tmpdir.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmpdir))
    monkeypatch.setattr(tempfile, "tempdir", None)
    before = tree_digest(state)
    root = agent_db.copies_root()
    # A copy left by a collector that was killed (its process is gone).
    dead = subprocess.Popen(["true"])
    dead.wait()
    left = root / f"{dead.pid}-crashed"
    left.mkdir(parents=True, mode=0o700)
    root.chmod(0o700)
    (left / "db.sqlite").write_bytes(b"a copy holding credentials")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "scripts"), TMPDIR=str(tmpdir))
    data = tmp_path / "data"
    res = subprocess.run([sys.executable, "-m", "token_monitor", "--state-dir", str(state), "--data-dir", str(data),
                          "collect"], env=env, capture_output=True, text=True)
    assert res.returncode == OK, res.stderr
    assert list(tmpdir.iterdir()) == []
    assert tree_digest(state, exclude=data) == before
    assert snapshot(data, state, USAGE) == expected


def test_planted_copy_dir_is_refused(corpus_state, tmp_path, monkeypatch):
    from token_monitor.sources import agent_db

    state = corpus_state("real-2026.9.6")
    db = _wal_without_shm(state)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", None)
    agent_db.copies_root().mkdir(mode=0o777)
    agent_db.copies_root().chmod(0o777)
    with pytest.raises(agent_db.SourceUnreadable):
        with agent_db.open_readonly(db):
            pass


def test_a_heartbeat_that_finds_a_collect_running_stays_quiet_and_succeeds(cli, collected, monkeypatch):
    from token_monitor.collect import lock

    state, data, _ = collected
    monkeypatch.setattr(lock, "WAIT_S", 0.2)
    with open(data / lock.LOCK_NAME, "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        res = cli("--state-dir", state, "--data-dir", data, "collect", "--heartbeat", "--quiet-token", "NO_REPLY")
    assert res.code == OK and res.out.strip() == "NO_REPLY" and res.err == "", res


def test_kill_9_while_a_database_copy_exists_leaves_nothing_after_the_next_run(corpus_state, tmp_path):
    import random
    import time

    state = corpus_state("real-2026.9.6")
    expected = one_shot(state, tmp_path / "oneshot", USAGE)
    _wal_without_shm(state)
    before = tree_digest(state)
    tmpdir = tmp_path / "tmpdir"
    tmpdir.mkdir()
    env = dict(os.environ, PYTHONPATH=str(ROOT / "scripts"), TMPDIR=str(tmpdir))
    data = tmp_path / "data"
    argv = [sys.executable, "-m", "token_monitor", "--state-dir", str(state), "--data-dir", str(data), "collect"]
    t0 = time.monotonic()
    subprocess.run(argv[:-3] + ["--data-dir", str(tmp_path / "probe"), "collect"], env=env, check=True, capture_output=True)
    full_s = time.monotonic() - t0
    rng = random.Random(5)
    for _ in range(6):
        proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            proc.wait(timeout=rng.uniform(0.05, full_s))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    res = subprocess.run(argv, env=env, capture_output=True, text=True)
    assert res.returncode == OK and "Traceback" not in res.stderr, res.stderr
    assert list(tmpdir.iterdir()) == []
    assert tree_digest(state, exclude=data) == before
    assert snapshot(data, state, USAGE) == expected


def test_a_ledger_file_whose_schema_never_committed_is_not_damage(cli, corpus_state, tmp_path):
    """kill -9 between creating the file and committing its schema leaves an empty SQLite file: the next
    run creates the schema, it does not call the ledger damaged."""
    state = corpus_state("real-2026.2.1")
    expected = one_shot(state, tmp_path / "oneshot", USAGE)
    data = tmp_path / "data"
    data.mkdir()
    conn = sqlite3.connect(data / "ledger.sqlite")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    assert cli("--state-dir", state, "--data-dir", data, "collect").code == OK
    assert snapshot(data, state, USAGE) == expected
