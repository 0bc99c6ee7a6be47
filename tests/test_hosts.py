"""Two machines, one answer: host identity, and importing another host's export exactly once.

Real OpenClaw output of two releases is collected as two hosts ("alpha": 2026.9.6, "beta": 2026.2.1);
beta's export is imported into alpha and everything is checked against both corpora's expected.json."""

from __future__ import annotations

import collections
import gzip
import json
import sqlite3

import pytest
import zstandard

from conftest import CANARIES, load_expected

ALPHA, BETA = "real-2026.9.6", "real-2026.2.1"
SYNTHETIC = ("openclaw/", "(none)/")
NUMBERS = ("input", "output", "cacheRead", "cacheWrite", "totalTokens")


@pytest.fixture
def two_hosts(cli, corpus_state, tmp_path, monkeypatch):
    """alpha and beta each collected on their own; returns a helper namespace."""
    class Hosts:
        alpha_state, beta_state = corpus_state(ALPHA), corpus_state(BETA)
        alpha, beta = tmp_path / "data-alpha", tmp_path / "data-beta"

        def run(self, host: str, *argv, name: str | None = None):
            monkeypatch.setenv("TOKEN_MONITOR_HOST", name or host)
            state, data = (self.alpha_state, self.alpha) if host == "alpha" else (self.beta_state, self.beta)
            return cli("--state-dir", state, "--data-dir", data, *argv)

        def export(self, host: str, dest, *extra):
            res = self.run(host, "export", *extra)
            assert res.code == 0, res
            dest.write_bytes(res.out.encode())
            return dest

    hosts = Hosts()
    for name in ("alpha", "beta"):
        assert hosts.run(name, "collect").code == 0
    return hosts


def groups_of(export_text: str) -> dict:
    out = collections.defaultdict(collections.Counter)
    cost = collections.defaultdict(float)
    for line in export_text.splitlines():
        e = json.loads(line)
        k = (e["host"], e["agent"], f'{e["provider"]}/{e["model"]}', e["timestamp"][:10])
        for f in NUMBERS:
            out[k][f] += e[f]
        out[k]["messages"] += 1
        cost[k] += e["cost"] or 0.0
    return {k: (dict(v), cost[k]) for k, v in out.items()}


def expected_groups(host: str, corpus: str) -> dict:
    exp = load_expected(corpus)
    out = {}
    for agent, models in (exp.get("groups") or exp["agents"]).items():
        for pm, days in models.items():
            if pm.startswith(SYNTHETIC):
                continue
            for day, v in days.items():
                out[(host, agent, pm, day)] = ({f: v[f] for f in NUMBERS + ("messages",)}, v.get("cost_total", v.get("cost")))
    return out


def assert_groups_equal(got: dict, want: dict) -> None:
    assert set(got) == set(want)
    for k, (numbers, cost) in want.items():
        assert got[k][0] == numbers, k
        assert got[k][1] == pytest.approx(cost, abs=1e-9), k


def test_merged_export_equals_both_corpora_per_host_agent_model_day(two_hosts, tmp_path):
    beta_file = tmp_path / "beta.jsonl.gz"
    beta_file.write_bytes(gzip.compress(two_hosts.export("beta", tmp_path / "b.jsonl").read_bytes()))
    res = two_hosts.run("alpha", "import", beta_file, "--json")
    assert res.code == 0, res
    data = res.json()["data"]
    assert data["added"] == len((tmp_path / "b.jsonl").read_text().splitlines()) and data["conflicts"] == 0
    merged = two_hosts.run("alpha", "export")
    assert merged.code == 0, merged
    assert_groups_equal(groups_of(merged.out), {**expected_groups("alpha", ALPHA), **expected_groups("beta", BETA)})
    assert not any(c in merged.out for c in CANARIES)


def test_second_import_self_import_and_overlapping_export_add_nothing(two_hosts, tmp_path):
    early = two_hosts.export("beta", tmp_path / "beta-early.jsonl", "--until", "2026-02-05")
    full = two_hosts.export("beta", tmp_path / "beta-full.jsonl")
    assert 0 < len(early.read_text().splitlines()) < len(full.read_text().splitlines())
    first = two_hosts.run("alpha", "import", early, "--json")
    assert first.code == 0 and first.json()["data"]["added"] == len(early.read_text().splitlines())
    # a later export that overlaps the first: only the calls not yet held are added
    later = two_hosts.run("alpha", "import", full, "--json")
    assert later.code == 0, later
    assert later.json()["data"]["added"] == len(full.read_text().splitlines()) - len(early.read_text().splitlines())
    assert later.json()["data"]["duplicates"] == len(early.read_text().splitlines())
    own = two_hosts.export("alpha", tmp_path / "alpha-own.jsonl")       # collects alpha's own calls too
    before = two_hosts.run("alpha", "export", "--no-collect").out
    zst = tmp_path / "beta-full.jsonl.zst"
    zst.write_bytes(zstandard.ZstdCompressor().compress(full.read_bytes()))
    again = two_hosts.run("alpha", "import", full, zst, own, "--json")
    assert again.code == 0, again
    files = {f["file"]: f for f in again.json()["data"]["files"]}
    assert files[str(full)]["alreadyImported"] is True
    assert files[str(zst)]["added"] == 0 and files[str(zst)]["duplicates"] == len(full.read_text().splitlines())
    # alpha's own export holds beta's imported calls too: those keep beta's host and are duplicates
    assert files[str(own)]["added"] == 0 and files[str(own)]["own"] > 0
    assert files[str(own)]["own"] + files[str(own)]["duplicates"] == len(own.read_text().splitlines())
    assert two_hosts.run("alpha", "export", "--no-collect").out == before


def test_conflicting_record_is_reported_not_merged(two_hosts, tmp_path):
    full = two_hosts.export("beta", tmp_path / "beta.jsonl")
    assert two_hosts.run("alpha", "import", full).code == 0
    lines = full.read_text().splitlines()
    changed = json.loads(lines[0])
    changed["output"] += 7
    changed["totalTokens"] += 7
    altered = tmp_path / "beta-altered.jsonl"
    altered.write_text("\n".join([json.dumps(changed)] + lines[1:]) + "\n")
    res = two_hosts.run("alpha", "import", altered)
    assert res.code == 5, res
    assert "1 conflicting (kept as held)" in res.out and changed["eventKey"][:12] in res.out
    held = [json.loads(x) for x in two_hosts.run("alpha", "export", "--no-collect").out.splitlines()]
    assert [e["output"] for e in held if e["eventKey"] == changed["eventKey"]] == [changed["output"] - 7]


def test_imports_survive_collect_rebuild(two_hosts, tmp_path):
    full = two_hosts.export("beta", tmp_path / "beta.jsonl")
    assert two_hosts.run("alpha", "import", full).code == 0
    before = groups_of(two_hosts.run("alpha", "export", "--no-collect").out)
    assert two_hosts.run("alpha", "collect", "--rebuild").code == 0
    assert groups_of(two_hosts.run("alpha", "export", "--no-collect").out) == before
    again = two_hosts.run("alpha", "import", full, "--json")
    assert again.code == 0 and again.json()["data"]["added"] == 0


def test_damaged_ledger_rebuilt_then_reimported_equals_the_merge(two_hosts, tmp_path):
    full = two_hosts.export("beta", tmp_path / "beta.jsonl")
    assert two_hosts.run("alpha", "import", full).code == 0
    before = groups_of(two_hosts.run("alpha", "export", "--no-collect").out)
    ledger = two_hosts.alpha / "ledger.sqlite"
    raw = bytearray(ledger.read_bytes())
    raw[100:4096] = b"\x00" * (4096 - 100)          # the schema page: SQLite cannot read the file any more
    ledger.write_bytes(bytes(raw))
    for side in ("-wal", "-shm"):
        (two_hosts.alpha / f"ledger.sqlite{side}").unlink(missing_ok=True)
    assert two_hosts.run("alpha", "collect", "--rebuild").code in (0, 5)
    # what the damage took of beta's calls (and of the import checkpoint) comes back from the same file, once
    assert two_hosts.run("alpha", "import", full).code == 0
    assert two_hosts.run("alpha", "import", full).code == 0
    assert groups_of(two_hosts.run("alpha", "export", "--no-collect").out) == before


def test_bad_import_file_is_rejected_whole_naming_the_line(two_hosts, tmp_path):
    full = two_hosts.export("beta", tmp_path / "beta.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text(full.read_text().splitlines()[0] + "\n" + '{"not json ' + CANARIES[0] + "\n")
    res = two_hosts.run("alpha", "import", bad, "--json")
    assert res.code == 5
    assert res.json()["data"]["added"] == 0
    assert f"{bad} line 2 is not JSON" in res.err and CANARIES[0] not in res.err + res.out
    missing = two_hosts.run("alpha", "import", tmp_path / "nope.jsonl")
    assert missing.code == 5 and "cannot read" in missing.err and "nope.jsonl" in missing.err
    old = tmp_path / "old.jsonl"
    rec = json.loads(full.read_text().splitlines()[0])
    del rec["eventKey"]
    old.write_text(json.dumps(rec) + "\n")
    res = two_hosts.run("alpha", "import", old)
    assert res.code == 5 and "line 1 has no 'eventKey'" in res.err
    assert "beta" not in two_hosts.run("alpha", "report", "--since", "2020-01-01", "--by", "host", "--no-collect").out


def test_report_by_host_and_host_filter_split_the_merged_ledger(two_hosts, tmp_path):
    assert two_hosts.run("alpha", "import", two_hosts.export("beta", tmp_path / "b.jsonl")).code == 0
    res = two_hosts.run("alpha", "report", "--since", "2020-01-01", "--by", "host", "--json", "--no-collect")
    assert res.code == 0, res
    rows = {r["label"]: r["totalTokens"] for r in res.json()["data"]["rows"]}
    want = {h: sum(v[0]["totalTokens"] for v in expected_groups(h, c).values()) for h, c in (("alpha", ALPHA), ("beta", BETA))}
    assert rows == want
    only = two_hosts.run("alpha", "report", "--since", "2020-01-01", "--host", "BETA", "--json", "--no-collect")
    assert only.json()["data"]["totals"]["totalTokens"] == want["beta"]
    assert only.json()["data"]["filters"]["host"] == ["BETA"]
    text = two_hosts.run("alpha", "sessions", "--no-collect", "--limit", "50")
    assert text.code == 0 and " host " in text.out.splitlines()[2]
    alone = two_hosts.run("beta", "sessions", "--no-collect")
    assert " host " not in alone.out.splitlines()[2]


def test_ledger_from_before_hosts_is_migrated(two_hosts):
    conn = sqlite3.connect(two_hosts.alpha / "ledger.sqlite")
    conn.execute("ALTER TABLE events DROP COLUMN host")
    conn.execute("DROP TABLE hosts")
    conn.execute("PRAGMA user_version=3")
    conn.commit()
    conn.close()
    res = two_hosts.run("alpha", "report", "--since", "2020-01-01", "--by", "host", "--json", "--no-collect")
    assert res.code == 0, res
    assert [r["label"] for r in res.json()["data"]["rows"]] == ["alpha"]


def test_host_name_precedence():
    from token_monitor.hosts import resolve_host_name

    cfg = {"skills": {"entries": {"token-monitor": {"config": {"host": "from-config"}}}}}
    assert resolve_host_name({"TOKEN_MONITOR_HOST": " vps\n"}, cfg, "box.lan") == "vps"
    assert resolve_host_name({}, cfg, "box.lan") == "from-config"
    assert resolve_host_name({"TOKEN_MONITOR_HOST": ""}, {}, "box.example.org") == "box"


def test_a_machine_without_openclaw_holds_the_merged_ledger(two_hosts, cli, tmp_path, monkeypatch):
    exports = [two_hosts.export(h, tmp_path / f"{h}.jsonl") for h in ("alpha", "beta")]
    monkeypatch.setenv("TOKEN_MONITOR_HOST", "hub")
    hub, empty = tmp_path / "hub", tmp_path / "empty-state"
    empty.mkdir()
    res = cli("--data-dir", hub, "import", *exports)
    assert res.code == 0, res
    report = cli("--state-dir", empty, "--data-dir", hub, "report", "--since", "2020-01-01", "--by", "host", "--json")
    assert report.code == 0, report
    got = {r["label"]: r["totalTokens"] for r in report.json()["data"]["rows"]}
    assert got == {h: sum(v[0]["totalTokens"] for v in expected_groups(h, c).values())
                   for h, c in (("alpha", ALPHA), ("beta", BETA))}
    assert cli("--data-dir", hub, "metrics").code == 0


def test_renaming_a_host_keeps_its_identity(two_hosts, tmp_path):
    first = json.loads(two_hosts.export("beta", tmp_path / "b1.jsonl").read_text().splitlines()[0])
    assert two_hosts.run("alpha", "import", tmp_path / "b1.jsonl").code == 0
    res = two_hosts.run("beta", "export", name="beta-vps")
    (tmp_path / "b2.jsonl").write_text(res.out)
    renamed = json.loads(res.out.splitlines()[0])
    assert renamed["host"] == "beta-vps" and renamed["hostId"] == first["hostId"]
    res = two_hosts.run("alpha", "import", tmp_path / "b2.jsonl", "--json")
    assert res.code == 0 and res.json()["data"]["added"] == 0
    report = two_hosts.run("alpha", "report", "--since", "2020-01-01", "--by", "host", "--json", "--no-collect")
    assert sorted(r["label"] for r in report.json()["data"]["rows"]) == ["alpha", "beta-vps"]


def test_import_read_in_chunks_adds_each_call_once(two_hosts, tmp_path):
    from token_monitor.ledger.store import Ledger
    from token_monitor.sources.exports import read_export

    full = two_hosts.export("beta", tmp_path / "beta.jsonl")
    lines = full.read_text().splitlines()
    doubled = tmp_path / "doubled.jsonl"
    doubled.write_text("\n".join(lines + lines[:5]) + "\n")         # the same calls again, in a later chunk
    ledger = Ledger.open(tmp_path / "hub")
    try:
        first = ledger.merge_imported(read_export(doubled), local_id="hub", digest="d1", path="x", at_ms=0, chunk=4)
        again = ledger.merge_imported(read_export(full), local_id="hub", digest="d2", path="x", at_ms=0, chunk=3)
    finally:
        ledger.close()
    assert (first["added"], first["duplicates"], first["conflicts"]) == (len(lines), 5, [])
    assert (again["added"], again["duplicates"]) == (0, len(lines))
