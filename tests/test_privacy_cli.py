"""Private by default and session names that work as handles:

- the data dir is 0700 and the ledger, its -wal/-shm and the collect lock 0600 whatever the umask; a
  loose data dir of ours is tightened, a shared one is reported by diagnose with the fix;
- on a real OpenClaw state whose sessions are keyed per channel peer (a WhatsApp number, an iMessage
  e-mail address, a Telegram group, a Discord user), no text or markdown output shows those ids in
  full; --show-ids does, --json keeps full keys, export --mask-ids masks them;
- every session name `sessions` and `report --by session` print, on the demo and on every real corpus,
  opens that session with `session NAME`; an ambiguous name lists candidates that can be pasted back.
"""

from __future__ import annotations

import json
import os
import re
import stat

import pytest

from conftest import CORPORA

PEERS = "real-peers-2026.9.6"
REAL = CORPORA + ["real-lifecycle-2026.9.6", "real-upgrade-2026.6.11-to-2026.9.6", "real-upgrade-legacy-hook", PEERS]
# What OpenClaw wrote into the peer-keyed fixture's session keys (tools/realclient-lifecycle/scenario-peers.sh)
PHONE, EMAIL, TG_GROUP, DISCORD = "+447700900123", "alice.example@example.org", "-1001234567890", "123456789012345678"
FULL_IDS = [PHONE, PHONE[1:], EMAIL, "alice.example@", TG_GROUP, TG_GROUP[4:], DISCORD]
WINDOW = ("--since", "2020-01-01", "--until", "2030-01-01")


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def run_ok(cli, *argv):
    res = cli(*argv)
    assert res.code == 0, res
    return res


# ----------------------------------------------------------------------------------- files
def test_data_dir_is_0700_and_ledger_files_0600_with_umask_022(cli, corpus_state, tmp_path, umask_022):
    state, data = corpus_state("real-2026.9.6"), tmp_path / "fresh" / "data"
    run_ok(cli, "--state-dir", state, "--data-dir", data, "collect")
    assert mode(data) == 0o700
    assert mode(data / "ledger.sqlite") == 0o600
    assert mode(data / "collect.lock") == 0o600
    from token_monitor.ledger.store import Ledger

    ledger = Ledger.open(data)          # SQLite creates -wal/-shm with the ledger's own mode
    try:
        ledger.conn.execute("SELECT COUNT(*) FROM events").fetchone()
        sides = [p for p in data.iterdir() if p.name.endswith(("-wal", "-shm"))]
        assert sides and all(mode(p) == 0o600 for p in sides)
    finally:
        ledger.close()


def test_a_loose_data_dir_of_ours_is_tightened(cli, corpus_state, tmp_path, umask_022):
    state, data = corpus_state("real-2026.9.6"), tmp_path / "data"
    run_ok(cli, "--state-dir", state, "--data-dir", data, "collect")
    data.chmod(0o755)
    (data / "ledger.sqlite").chmod(0o644)
    warn = cli("--state-dir", state, "--data-dir", data, "diagnose", "--check", "data.private", "--json").json()
    f, = warn["data"]["findings"]
    assert f["level"] == "warn" and f"chmod 700 {data}" in f["remedy"]
    run_ok(cli, "--state-dir", state, "--data-dir", data, "report")
    assert mode(data) == 0o700 and mode(data / "ledger.sqlite") == 0o600
    ok = cli("--state-dir", state, "--data-dir", data, "diagnose", "--check", "data.private", "--json").json()
    assert [f["level"] for f in ok["data"]["findings"]] == ["ok"]


def test_a_shared_data_dir_is_left_alone_and_reported(cli, corpus_state, tmp_path, umask_022):
    state, shared = corpus_state("real-2026.9.6"), tmp_path / "shared"
    shared.mkdir(mode=0o755)
    (shared / "someone-elses-notes.txt").write_text("x")
    run_ok(cli, "--state-dir", state, "--data-dir", shared, "collect")
    assert mode(shared) == 0o755                         # not ours alone: never chmod-ed
    assert mode(shared / "ledger.sqlite") == 0o600       # our own file still is private
    res = cli("--state-dir", state, "--data-dir", shared, "diagnose", "--check", "data.private", "--json").json()
    f, = res["data"]["findings"]
    assert f["level"] == "warn" and "--data-dir" in f["remedy"] and f"chmod 700 {shared}" in f["remedy"]


def test_openclaw_state_modes_are_not_touched(cli, corpus_state, tmp_path, umask_022):
    state = corpus_state(PEERS)
    before = {p: mode(p) for p in [state, *state.rglob("*")]}
    run_ok(cli, "--state-dir", state, "--data-dir", tmp_path / "data", "collect")
    assert {p: mode(p) for p in [state, *state.rglob("*")]} == before


# ----------------------------------------------------------------------------------- masking
@pytest.fixture
def peers(cli, corpus_state, tmp_path):
    state, data = corpus_state(PEERS), tmp_path / "data"
    run_ok(cli, "--state-dir", state, "--data-dir", data, "collect")

    def run(*argv, code=0):
        res = cli("--state-dir", state, "--data-dir", data, *argv)
        assert code is None or res.code == code, res
        return res
    return run


def text_outputs(peers) -> dict[str, str]:
    outs = {
        "sessions": peers("sessions", "--no-collect").out,
        "report --by session": peers("report", *WINDOW, "--by", "session", "--no-collect").out,
        "report (top sessions)": peers("report", *WINDOW, "--by", "agent", "--no-collect").out,
        "report --by session,model": peers("report", *WINDOW, "--by", "session,model", "--no-collect").out,
        "report markdown": peers("report", *WINDOW, "--by", "session", "--format", "markdown", "--no-collect").out,
        "report --by channel": peers("report", *WINDOW, "--by", "channel", "--no-collect").out,
        "collect": peers("collect").out,
        "collect --heartbeat": peers("collect", "--heartbeat", code=None).out,
        "diagnose": peers("diagnose", "--verbose", code=None).out,
        "budget status": peers("budget", "status", code=None).out,
    }
    for key in ("agent:main:imessage:direct:" + EMAIL, "agent:main:telegram:group:" + TG_GROUP,
                "agent:work:discord:direct:" + DISCORD):
        outs[f"session {key}"] = peers("session", key, "--no-collect").out
    for label in printed_labels(outs["sessions"], "session "):
        outs[f"session {label}"] = peers("session", label, "--no-collect").out
    return outs


def test_no_text_output_shows_a_peer_id_in_full(peers):
    outs = text_outputs(peers)
    for name, out in outs.items():
        for full in FULL_IDS:
            assert full not in out, (name, full, out)
    by_session = outs["report --by session"]
    assert "main/whatsapp:direct:+44…0123#" in by_session and "a…@example.org" in by_session
    assert "-100…7890" in by_session and "12…5678" in by_session
    assert "key agent:main:imessage:direct:a…@example.org" in outs[f"session agent:main:imessage:direct:{EMAIL}"]


def test_show_ids_and_json_keep_full_ids(peers):
    shown = peers("sessions", "--show-ids", "--no-collect").out + peers("report", *WINDOW, "--by", "session",
                                                                       "--show-ids", "--no-collect").out
    assert "+447700900123" in shown and "alice.example@example.org" in shown
    data = peers("sessions", "--json", "--no-collect").json()["data"]["sessions"]
    keys = {s["sessionKey"] for s in data}
    assert "agent:main:whatsapp:direct:" + PHONE in keys and "agent:main:imessage:direct:" + EMAIL in keys
    assert all(PHONE not in s["title"] and EMAIL not in s["title"] for s in data)


def test_export_mask_ids_masks_session_keys(peers):
    full = peers("export", "--no-collect").out
    masked = peers("export", "--no-collect", "--mask-ids").out
    assert PHONE in full and EMAIL in full
    for x in FULL_IDS:
        assert x not in masked
    rows = [json.loads(line) for line in masked.splitlines()]
    assert {r["sessionKey"] for r in rows} >= {"agent:main:whatsapp:direct:+44…0123", "agent:main:imessage:direct:a…@example.org",
                                              "agent:main:telegram:group:-100…7890", "agent:work:discord:direct:12…5678"}
    csv = peers("export", "--no-collect", "--mask-ids", "--format", "csv").out
    assert all(x not in csv for x in FULL_IDS)


def test_one_key_with_two_session_ids_gets_two_names(peers):
    rows = peers("sessions", "--json", "--no-collect").json()["data"]["sessions"]
    wa = [r for r in rows if r["sessionKey"] == "agent:main:whatsapp:direct:" + PHONE]
    assert len(wa) == 2
    titles = {r["title"] for r in wa}
    assert titles == {f"main/whatsapp:direct:+44…0123#{r['sessionId'][:8]}" for r in wa}


def test_ambiguous_name_lists_names_that_paste_back(peers):
    res = peers("session", "main/whatsapp:direct:+44…0123", "--no-collect", code=2)
    assert "2 sessions match" in res.err
    names = re.findall(r"main/whatsapp:direct:\+44…0123#[0-9a-f]{8}", res.err)
    assert len(set(names)) == 2
    for name in set(names):
        out = peers("session", name, "--no-collect").out
        assert out.startswith(f"Session {name} ")
    key = peers("session", "agent:main:whatsapp:direct:" + PHONE, "--no-collect", code=2)
    assert "2 sessions match" in key.err


# ----------------------------------------------------------------------------------- names round trip
def printed_labels(text: str, header: str) -> list[str]:
    """The first column of a printed table whose header line starts with `header`."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header))
    out = []
    for line in lines[start + 1:]:
        if not line.strip() or line.startswith("total") or not re.search(r"\s{2,}\S", line):
            break
        label = re.split(r"\s{2,}", line.strip())[0]
        if not re.fullmatch(r"\+\d+ more", label):
            out.append(label)
    return out


def assert_names_open_their_sessions(run, *, show_ids: bool):
    extra = ("--show-ids",) if show_ids else ()
    sessions = run("sessions", "--limit", "1000", "--no-collect", *extra)
    rows = run("sessions", "--limit", "1000", "--no-collect", "--json", *extra).json()["data"]["sessions"]
    labels = printed_labels(sessions.out, "session ")
    assert len(labels) == len(rows) and len(set(labels)) == len(labels), sessions.out
    report = run("report", *WINDOW, "--by", "session", "--top", "1000", "--no-collect", *extra)
    rrows = run("report", *WINDOW, "--by", "session", "--top", "1000", "--no-collect", "--json", *extra).json()["data"]["rows"]
    rlabels = printed_labels(report.out, "session ")
    assert rlabels and len(set(rlabels)) == len(rlabels), report.out
    expected = [(label, r["sessionId"]) for label, r in zip(labels, rows)]
    expected += [(label, r["key"].split("/", 1)[1]) for label, r in zip(rlabels, rrows)]
    for label, sid in expected:
        res = run("session", label, "--no-collect", *extra)
        assert f"id {sid}" in res.out, (label, res.out)
        flt = run("report", *WINDOW, "--session", label, "--no-collect", "--json").json()["data"]
        assert flt["totals"]["sessions"] == 1, label


@pytest.mark.parametrize("corpus", REAL)
def test_every_printed_session_name_opens_that_session(cli, corpus_state, tmp_path, corpus):
    state, data = corpus_state(corpus), tmp_path / "data"
    run_ok(cli, "--state-dir", state, "--data-dir", data, "collect")

    def run(*argv):
        return run_ok(cli, "--state-dir", state, "--data-dir", data, *argv)
    assert_names_open_their_sessions(run, show_ids=False)
    if corpus == PEERS:
        assert_names_open_their_sessions(run, show_ids=True)


def test_every_printed_session_name_opens_that_session_on_the_demo(cli, tmp_path):
    data = tmp_path / "demo-data"

    def run(*argv):
        return run_ok(cli, "--demo", "always", "--data-dir", data, *argv)
    run("collect")
    assert_names_open_their_sessions(run, show_ids=False)
    listed = printed_labels(run("sessions", "--no-collect").out, "session ")
    assert sum(label.startswith("work/main#") for label in listed) == 2       # one key, two session ids
    res = cli("--demo", "always", "--data-dir", data, "session", "work/main", "--no-collect")
    assert res.code == 2 and "work/main#" in res.err and "token-monitor session 'work/main#" in res.err


def test_peer_keyed_corpus_counts_each_call_once_with_exact_totals(peers):
    from conftest import load_expected

    expected = load_expected(PEERS)
    events = [json.loads(line) for line in peers("export", "--no-collect").out.splitlines()]
    got: dict = {}
    for e in events:
        g = got.setdefault((e["agent"], f'{e["provider"]}/{e["model"]}', e["timestamp"][:10]),
                           {"calls": 0, "totalTokens": 0, "cost": 0.0})
        g["calls"] += 1
        g["totalTokens"] += e["totalTokens"]
        g["cost"] += e["costUsd"]
    want = {(a, pm, d): v for a, ms in expected["agents"].items() for pm, days in ms.items() for d, v in days.items()}
    assert set(got) == set(want)
    for k, v in want.items():
        assert got[k]["calls"] == v["calls"] and got[k]["totalTokens"] == v["totalTokens"], k
        assert got[k]["cost"] == pytest.approx(v["cost"], abs=1e-9)
    # the deleted first WhatsApp session (archived .jsonl.deleted.*.zst) is counted too, once
    assert sum(e["totalTokens"] for e in events) == expected["totals"]["totalTokens"] == 10376
    assert expected["naive_sum_without_dedupe_by_source_kind"]["ALL"]["totalTokens"] != 10376


def test_write_private_is_atomic_and_0600_with_umask_022(tmp_path, umask_022):
    from token_monitor.files import write_private

    target = tmp_path / "new-dir" / "usage.csv"
    write_private(target, lambda f: f.write("a,b\n"))
    assert target.read_text() == "a,b\n" and mode(target) == 0o600 and mode(target.parent) == 0o700
    target.chmod(0o644)

    def fail(f):
        f.write("half")
        raise RuntimeError("disk full")
    with pytest.raises(RuntimeError):
        write_private(target, fail)
    assert target.read_text() == "a,b\n" and [p.name for p in target.parent.iterdir()] == ["usage.csv"]
    write_private(target, lambda f: f.write("c\n"))
    assert target.read_text() == "c\n" and mode(target) == 0o600
