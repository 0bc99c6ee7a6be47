"""However a corpus arrives — JSONL bytes in arbitrary
pieces (torn lines included), SQLite rows in arbitrary batches — and whatever OpenClaw does to
files between runs (rename to `.reset.`, truncate, replace, delete), the ledger ends equal to a
one-shot collect and never loses an event it already had."""

from __future__ import annotations

import functools
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import strategies as st

from torture_kit import (
    FULL, USAGE, copy_tree, connect_writable, corpus_src, empty_transcripts, generated_state, hypothesis_pair, insert_rows,
    one_shot, snapshot,
)
from token_monitor.collect.collector import collect
from token_monitor.sources.discovery import ARCHIVE_RE

# CI: 15 examples each; `pytest --full` also runs `*_full` copies with 150.


@functools.lru_cache(maxsize=None)
def baseline(corpus: str, cols=FULL) -> list[tuple]:
    with tempfile.TemporaryDirectory() as tmp:
        state = copy_tree(corpus_src(corpus), Path(tmp) / "state")
        return one_shot(state, Path(tmp) / "data", cols)


def plain_transcripts(state: Path) -> list[Path]:
    """Every uncompressed JSONL transcript the collector reads incrementally."""
    out = []
    for p in sorted(state.glob("agents/*/sessions/*")):
        name = p.name
        if name.endswith(".zst") or ".trajectory" in name or not (name.endswith(".jsonl") or ARCHIVE_RE.match(name)):
            continue
        out.append(p)
    return out


# ------------------------------------------------------------------ JSONL in pieces

def test_jsonl_fed_in_arbitrary_pieces_equals_one_run(corpus, data):
    with tempfile.TemporaryDirectory() as tmp:
        state = copy_tree(corpus_src(corpus), Path(tmp) / "state")
        dd = Path(tmp) / "data"
        files = {p: p.read_bytes() for p in plain_transcripts(state)}
        assert files
        runs = data.draw(st.integers(1, 6), label="runs")
        cuts = {p: sorted(data.draw(st.lists(st.integers(0, len(b)), min_size=runs, max_size=runs), label=p.name))
                for p, b in files.items()}
        for p in files:
            p.write_bytes(b"")
        for i in range(runs):
            for p, b in files.items():
                with open(p, "r+b") as fh:          # append only: same inode, like OpenClaw's writer
                    fh.seek(0, os.SEEK_END)
                    have = fh.tell()
                    if cuts[p][i] > have:
                        fh.write(b[have:cuts[p][i]])
            collect(state, dd)
        for p, b in files.items():
            with open(p, "ab") as fh:
                fh.write(b[p.stat().st_size:])
        collect(state, dd)
        assert snapshot(dd, state) == baseline(corpus)
        again = collect(state, dd)
        assert (again.new_events, again.duplicates, again.sources_read) == (0, 0, 0)


_pieces = hypothesis_pair(15, data=st.data())(test_jsonl_fed_in_arbitrary_pieces_equals_one_run)
_corpora = pytest.mark.parametrize("corpus", ["real-2026.2.1", "real-2026.6.11"])
test_jsonl_fed_in_arbitrary_pieces_equals_one_run = _corpora(_pieces[0])
test_jsonl_fed_in_arbitrary_pieces_equals_one_run_full = _corpora(_pieces[1])


# ------------------------------------------------------------------ SQLite rows in batches

def test_sqlite_rows_in_arbitrary_batches_equal_one_run(data):
    with tempfile.TemporaryDirectory() as tmp:
        state = copy_tree(corpus_src("real-2026.9.6"), Path(tmp) / "state")
        dd = Path(tmp) / "data"
        held = empty_transcripts(state)
        assert sum(len(r) for r in held.values()) > 100
        assert any(r[4] is not None for rows in held.values() for r in rows), "real zstd rows are replayed"
        collect(state, dd)
        cuts = {db: sorted(data.draw(st.lists(st.integers(0, len(rows)), max_size=8), label=db.parent.parent.name))
                for db, rows in held.items()}
        pos = {db: 0 for db in held}
        for i in range(max(len(c) for c in cuts.values()) + 1):
            for db, rows in held.items():
                end = cuts[db][i] if i < len(cuts[db]) else len(rows)
                if end > pos[db]:
                    insert_rows(db, rows[pos[db]:end])      # a batch may span sessions, like interleaved runs
                    pos[db] = end
            collect(state, dd)
        assert snapshot(dd, state) == baseline("real-2026.9.6")
        again = collect(state, dd)
        assert (again.new_events, again.duplicates) == (0, 0)


test_sqlite_rows_in_arbitrary_batches_equal_one_run, test_sqlite_rows_in_arbitrary_batches_equal_one_run_full = hypothesis_pair(
    15, data=st.data())(test_sqlite_rows_in_arbitrary_batches_equal_one_run)


# ------------------------------------------------------------------ churn between runs

def test_jsonl_churn_never_loses_collected_events(tmp_path):
    """Half of every file, then: rename live -> .reset. (and append), truncate, replace, delete."""
    state = copy_tree(corpus_src("real-2026.6.11"), tmp_path / "state")
    dd = tmp_path / "data"
    files = {p: p.read_bytes() for p in plain_transcripts(state)}
    for p, b in files.items():
        p.write_bytes(b[: len(b) // 2])
    collect(state, dd)
    first = set(snapshot(dd, state, USAGE))
    assert first

    live = [p for p in files if p.name.endswith(".jsonl")]
    others = [p for p in files if p not in live]
    renamed = live[0].with_name(live[0].name + ".reset.2026-12-07T10-00-00.000Z")
    os.rename(live[0], renamed)                       # /new in the JSONL era
    with open(renamed, "ab") as fh:
        fh.write(files[live[0]][len(files[live[0]]) // 2:])
    with open(live[1], "r+b") as fh:                   # truncated (compaction --max-lines)
        fh.truncate(len(files[live[1]]) // 4)
    replaced = others[0]
    tmp_new = replaced.with_name("tmp-replace")
    tmp_new.write_bytes(files[replaced])               # replaced by a new inode (atomic rewrite)
    os.replace(tmp_new, replaced)
    deleted = others[1]
    os.unlink(deleted)
    stats = collect(state, dd)
    second = set(snapshot(dd, state, USAGE))
    assert first <= second, "an event collected earlier was lost"
    assert stats.malformed == 0 and stats.unreadable == 0

    # Restore every file's full content (the renamed one stays renamed): nothing double-counted.
    os.rename(renamed, live[0])
    for p, b in files.items():
        p.write_bytes(b)
    collect(state, dd)
    assert set(snapshot(dd, state, USAGE)) == set(baseline("real-2026.6.11", USAGE))


def test_sqlite_churn_delete_fork_rewind_rewrite(tmp_path):
    state = copy_tree(corpus_src("real-2026.9.6"), tmp_path / "state")
    dd = tmp_path / "data"
    collect(state, dd)
    first = snapshot(dd, state, USAGE)
    db = state / "agents" / "main" / "agent" / "openclaw-agent.sqlite"
    conn = connect_writable(db)
    sids = [r[0] for r in conn.execute("SELECT DISTINCT session_id FROM transcript_events ORDER BY session_id")]
    # fork + rewind: verbatim copies into new session ids (same entry ids, same usage)
    for new in ("fork-copy-1", "rewind-copy-1"):
        conn.execute("INSERT INTO transcript_events SELECT ?, seq, event_json, created_at + 1000, event_zstd, event_utf8_bytes, "
                     "navigation_json FROM transcript_events WHERE session_id = ?", (new, sids[0]))
    stats = collect(state, dd)
    assert stats.new_events == 0 and stats.duplicates > 0
    assert snapshot(dd, state, USAGE) == first, "copies are absorbed, owners unchanged"
    # delete a session outright, and truncate another to its first rows
    tail = conn.execute("SELECT * FROM transcript_events WHERE session_id = ? AND seq > 3", (sids[1],)).fetchall()
    conn.execute("DELETE FROM transcript_events WHERE session_id IN (?, 'fork-copy-1')", (sids[0],))
    conn.execute("DELETE FROM transcript_events WHERE session_id = ? AND seq > 3", (sids[1],))
    stats = collect(state, dd)
    assert stats.new_events == 0
    assert snapshot(dd, state, USAGE) == first, "deleted/truncated sources keep their events"
    # rewrite: the truncated session gets a new rewrite generation and its rows back
    conn.execute("INSERT OR REPLACE INTO transcript_rewrite_watermarks (session_id, generation, updated_at) VALUES (?, 'g2', 1)", (sids[1],))
    conn.executemany(f"INSERT INTO transcript_events VALUES ({', '.join('?' * len(tail[0]))})", tail)
    conn.close()
    stats = collect(state, dd)
    assert stats.new_events == 0
    assert snapshot(dd, state, USAGE) == first


# ------------------------------------------------------------------ churn, many rounds (pytest --full)

def _jsonl_churn_rounds(state: Path, dd: Path, rounds: int, seed: int) -> None:
    """Rounds of: append held-back bytes (torn lines included), rename live -> `.reset.`, truncate,
    replace by a new inode, delete. After every collect nothing collected earlier is gone; after
    every file gets its full content back, the ledger equals a one-shot collect. (Between rounds a
    call is compared without its owning session: a fork's copy may own it until the parent's arrives.)"""
    import random
    rng = random.Random(seed)
    files = {p: p.read_bytes() for p in plain_transcripts(state)}
    expected = set(one_shot(copy_tree(state, state.parent / "oneshot-state"), state.parent / "oneshot", USAGE))
    calls = {r[:1] + r[3:] for r in expected}          # USAGE without agent and session_id
    for p, b in files.items():
        p.write_bytes(b[: rng.randrange(0, len(b) + 1)])
    where = {p: p for p in files}          # original path -> where that file lives now (None: deleted)
    seen: set = set()
    for r in range(rounds):
        for orig in rng.sample(list(files), k=max(1, len(files) // 5)):
            cur = where[orig]
            op = rng.choice(["append", "append", "rename", "truncate", "replace", "delete"])
            if cur is None:
                continue
            size = cur.stat().st_size
            if op == "append":
                with open(cur, "ab") as fh:
                    fh.write(files[orig][size: size + rng.randrange(0, len(files[orig]) // 3 + 2)])
            elif op == "rename" and cur.name.endswith(".jsonl"):
                new = cur.with_name(f"{cur.name}.reset.2026-12-{1 + r % 28:02d}T10-00-{r % 60:02d}.000Z")
                os.rename(cur, new)
                where[orig] = new
            elif op == "truncate":
                with open(cur, "r+b") as fh:
                    fh.truncate(rng.randrange(0, size + 1))
            elif op == "replace":
                tmp = cur.with_name("tmp-replace")
                tmp.write_bytes(files[orig][: rng.randrange(0, len(files[orig]) + 1)])
                os.replace(tmp, cur)
            elif op == "delete":
                os.unlink(cur)
                where[orig] = None
        stats = collect(state, dd)
        now = {x[:1] + x[3:] for x in snapshot(dd, state, USAGE)}
        assert seen <= now, f"round {r}: an event collected earlier was lost"
        assert now <= calls, f"round {r}: an event that is not a real call appeared"
        assert stats.unreadable == 0
        seen = now
    for orig, cur in where.items():
        if cur is not None and cur != orig:
            os.unlink(cur)
        orig.write_bytes(files[orig])
    collect(state, dd)
    assert set(snapshot(dd, state, USAGE)) == expected


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_jsonl_churn_many_rounds_generated_state(tmp_path, seed):
    state = generated_state(tmp_path / "state", size="crash", seed=20 + seed)
    for db in state.glob("agents/*/agent/openclaw-agent.sqlite"):        # the JSONL era only
        db.unlink()
    _jsonl_churn_rounds(state, tmp_path / "data", rounds=25, seed=seed)


def test_jsonl_churn_rounds_corpus(tmp_path):
    state = copy_tree(corpus_src("real-2026.6.11"), tmp_path / "state")
    _jsonl_churn_rounds(state, tmp_path / "data", rounds=4, seed=7)


def _sqlite_churn_rounds(state: Path, dd: Path, rounds: int, seed: int) -> None:
    """Rounds of fork/rewind copies, session deletes, truncations and rewrites (a new rewrite
    generation with the rows back) across every store: copies are absorbed, nothing is lost."""
    import random
    rng = random.Random(seed)
    collect(state, dd)
    first = set(snapshot(dd, state, USAGE))
    assert first
    dbs = sorted(state.glob("agents/*/agent/openclaw-agent.sqlite"))
    gone: dict[tuple, list] = {}
    for r in range(rounds):
        db = rng.choice(dbs)
        conn = connect_writable(db)
        sids = [x[0] for x in conn.execute("SELECT DISTINCT session_id FROM transcript_events")]
        for _ in range(rng.randrange(1, 6)):
            if not sids:
                break
            sid = rng.choice(sids)
            op = rng.choice(["fork", "rewind", "delete", "truncate", "rewrite"])
            if op in ("fork", "rewind"):
                cut = 10**9 if op == "rewind" else rng.randrange(1, 40)
                conn.execute("INSERT INTO transcript_events SELECT ?, seq, event_json, created_at + 1000, event_zstd, event_utf8_bytes, "
                             "navigation_json FROM transcript_events WHERE session_id = ? AND seq < ?", (f"{op}-{r}-{sid}", sid, cut))
            elif op in ("delete", "truncate"):
                keep = -1 if op == "delete" else rng.randrange(0, 10)
                rows = conn.execute("SELECT * FROM transcript_events WHERE session_id = ? AND seq > ?", (sid, keep)).fetchall()
                conn.execute("DELETE FROM transcript_events WHERE session_id = ? AND seq > ?", (sid, keep))
                gone.setdefault((db, sid), []).extend(rows)
            elif (db, sid) in gone:          # rewrite: a new generation, the rows back
                conn.execute("INSERT OR REPLACE INTO transcript_rewrite_watermarks (session_id, generation, updated_at) VALUES (?, ?, ?)",
                             (sid, f"g{r}", r))
                rows = gone.pop((db, sid))
                conn.executemany(f"INSERT OR IGNORE INTO transcript_events VALUES ({', '.join('?' * len(rows[0]))})", rows)
        conn.close()
        stats = collect(state, dd)
        assert stats.new_events == 0, f"round {r}: copies or deletions made new events"
        assert set(snapshot(dd, state, USAGE)) == first, f"round {r}"


def test_sqlite_churn_rounds_corpus(tmp_path):
    state = copy_tree(corpus_src("real-2026.9.6"), tmp_path / "state")
    _sqlite_churn_rounds(state, tmp_path / "data", rounds=6, seed=3)


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2])
def test_sqlite_churn_many_rounds_generated_state(tmp_path, seed):
    state = generated_state(tmp_path / "state", size="crash", seed=30 + seed)
    for p in state.glob("agents/jl*"):          # the SQLite era only
        import shutil
        shutil.rmtree(p)
    _sqlite_churn_rounds(state, tmp_path / "data", rounds=40, seed=seed)
