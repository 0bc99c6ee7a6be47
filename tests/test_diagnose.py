"""diagnose: one fixture state per stable code (built at test time from the real corpora plus a
small edit), asserting code, level and remedy; a healthy state yields only ok/info; every problem
at once fits 25 lines; read-only; no secret in any output."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import CANARIES, FIXTURES, tree_digest, write_jsonl_state

HOOK_FIXTURE = FIXTURES / "diagnose-hooks" / "token-logger"
FIXED_NOW_MS = 1_800_000_000_000      # 2027-01-15T08:00Z


@pytest.fixture(autouse=True)
def no_crontab(monkeypatch):
    """The machine's own crontab must not leak into results."""
    from token_monitor.diagnose import gather as cmd

    monkeypatch.setattr(cmd, "_crontab_text", lambda: None)
    for var in ("MOONSHOT_API_KEY", "ZAI_API_KEY", "ANTHROPIC_API_KEY", "KIMI_API_KEY", "OPENCLAW_WORKSPACE_DIR"):
        monkeypatch.delenv(var, raising=False)


# ---------------------------------------------------------------- builders (test-time edits)

def edit_config(state: Path, fn) -> None:
    import json5

    path = state / "openclaw.json"
    cfg = json5.loads(path.read_text())
    fn(cfg)
    path.write_text(json.dumps(cfg, indent=2))


def rewrite_jsonl(state: Path, fn) -> None:
    """Apply fn(entry) -> entry to every line of every live/archived JSONL transcript."""
    for p in sorted((state / "agents").glob("*/sessions/*.jsonl*")):
        if p.name.endswith(".zst") or "sessions.json" in p.name:
            continue
        out = []
        for line in p.read_text().splitlines():
            obj = json.loads(line)
            out.append(json.dumps(fn(obj)))
        p.write_text("\n".join(out) + "\n")


def zero_usage(pred):
    def fn(obj):
        msg = obj.get("message") if isinstance(obj, dict) else None
        if obj.get("type") == "message" and isinstance(msg, dict) and msg.get("role") == "assistant" and pred(obj, msg):
            if isinstance(msg.get("usage"), dict) and msg.get("stopReason") not in ("error", "aborted"):
                msg["usage"] = {"input": 0, "output": 0, "cacheRead": 0, "cacheWrite": 0, "totalTokens": 0,
                                "cost": {"input": 0, "output": 0, "cacheRead": 0, "cacheWrite": 0, "total": 0}}
        return obj
    return fn


def add_cron_job(state: Path, name: str = "token-monitor", *, command: str = "python3 token-monitor.py collect",
                 env_secret: str | None = None, enabled: bool = True) -> None:
    db = state / "state" / "openclaw.sqlite"
    conn = sqlite3.connect(db)
    job = {"id": "tm-1", "name": name, "enabled": enabled, "schedule": {"kind": "every", "everyMs": 1800000},
           "payload": {"kind": "command", "command": command, **({"env": {"TM_KEY": env_secret}} if env_secret else {})}}
    conn.execute("INSERT INTO cron_jobs (store_key, job_id, name, enabled, payload_kind, job_json, updated_at) "
                 "VALUES ('default', 'tm-1', ?, ?, 'command', ?, 0)", (name, int(enabled), json.dumps(job)))
    conn.commit()
    conn.close()


def set_run_time(data: Path, finished_ms: int) -> None:
    conn = sqlite3.connect(data / "ledger.sqlite")
    conn.execute("UPDATE runs SET started_ms = ?, finished_ms = ?", (finished_ms - 50, finished_ms))
    conn.commit()
    conn.close()


def install_hook(dest_dir: Path) -> Path:
    dest = dest_dir / "token-logger"
    shutil.copytree(HOOK_FIXTURE, dest)
    return dest


def legacy_lines_from_export(events: list[dict], *, drop: set[int] = frozenset(), extra: list[dict] = ()) -> list[dict]:
    """Lines in the old hook's format (token-stats extractor: entry time, date, provider, model,
    counts, cost), one per call with tokens, the entry time ~70 ms after message.timestamp."""
    out = []
    with_tokens = [e for e in events if e["totalTokens"] > 0]
    for i, e in enumerate(with_tokens):
        if i in drop:
            continue
        ts = dt.datetime.fromisoformat(e["timestamp"].replace("Z", "+00:00")) + dt.timedelta(milliseconds=70)
        iso = ts.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ts.microsecond // 1000:03d}Z"
        out.append({"timestamp": iso, "date": iso[:10], "provider": e["provider"], "model": e["model"],
                    "input": e["input"], "output": e["output"], "cacheRead": e["cacheRead"], "cacheWrite": e["cacheWrite"],
                    "totalTokens": e["totalTokens"],
                    "cost": {"input": 0, "output": 0, "cacheRead": 0, "cacheWrite": 0, "total": e["cost"] or 0}})
    return out + list(extra)


EXTRA_LEGACY = {"timestamp": "2026-02-03T09:15:00.000Z", "date": "2026-02-03", "provider": "zai", "model": "glm-4.5-air",
                "input": 1200, "output": 300, "cacheRead": 0, "cacheWrite": 0, "totalTokens": 1500,
                "cost": {"input": 0, "output": 0, "cacheRead": 0, "cacheWrite": 0, "total": 0}}


def write_legacy(cli, state: Path, data: Path, *, drop=frozenset({1, 4}), extra=(EXTRA_LEGACY,)) -> tuple[Path, list[dict]]:
    res = cli("--state-dir", state, "--data-dir", data, "export", "--no-collect")
    events = [json.loads(line) for line in res.out.splitlines()]
    lines = legacy_lines_from_export(events, drop=drop, extra=extra)
    path = state / "workspace" / "memory" / "token-usage.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(x) + "\n" for x in lines))
    return path, events


def collect(cli, state, data):
    res = cli("--state-dir", state, "--data-dir", data, "collect")
    assert res.code in (0, 5), res
    return res


def diagnose(cli, state, data, *args):
    return cli("--state-dir", state, "--data-dir", data, "diagnose", "--json", *args)


def findings(res, code):
    return [f for f in res.json()["data"]["findings"] if f["code"] == code]


def one(res, code, level):
    fs = [f for f in findings(res, code) if f["level"] == level]
    assert fs, (code, level, [(f["level"], f["code"], f["finding"]) for f in res.json()["data"]["findings"]])
    return fs[0]


# ---------------------------------------------------------------- one state per code

def test_state_not_found(cli, tmp_path):
    res = cli("--data-dir", tmp_path / "data", "diagnose", "--json")
    assert res.code == 6, res
    f = one(res, "state.not-found", "error")
    assert ".openclaw" in f["finding"] and "--state-dir" in f["remedy"] and "OPENCLAW_STATE_DIR" in f["remedy"]
    text = cli("--data-dir", tmp_path / "data", "diagnose")
    assert text.code == 6 and text.out.splitlines()[1] == "✗ no OpenClaw state dir found"


def test_state_era_and_unimported_jsonl(cli, corpus_state, tmp_path):
    state, data = corpus_state("real-2026.9.6"), tmp_path / "data"
    legacy = corpus_state("real-2026.2.1")
    (state / "agents" / "main" / "sessions").mkdir(exist_ok=True)
    for f in (legacy / "agents" / "main" / "sessions").glob("*.jsonl"):
        shutil.copy(f, state / "agents" / "main" / "sessions" / f.name)
    collect(cli, state, data)
    res = diagnose(cli, state, data)
    era = one(res, "state.era", "info")
    assert "main: SQLite schema 23 (written by OpenClaw 2026.9.6) + 2 JSONL transcripts" in era["finding"]
    assert era["short"] == "OpenClaw 2026.9.6, SQLite era, 2 agents + 3 JSONL files"
    f = one(res, "storage.unimported-jsonl", "warn")
    assert "main (2 files)" in f["finding"] and f["fix"] == "openclaw doctor --fix"
    assert f["remedy"].startswith("openclaw doctor --fix (or: openclaw doctor --session-sqlite import --session-sqlite-all-agents)")
    # work's only archive is 2026.9.6's own .deleted.zst (the session is also an SQLite archive blob)
    assert "work: SQLite schema 23 (written by OpenClaw 2026.9.6) + 1 archived JSONL file " \
           "(1 .deleted.zst (OpenClaw's own archive))" in era["finding"]
    assert not [f for f in findings(res, "storage.unimported-jsonl") if f["level"] == "info"]


def test_archives_left_by_the_upgrade_are_explained_without_a_remedy(cli, corpus_state, tmp_path):
    """The real 2026.9.6 doctor left .reset/.deleted/.bak files in sessions/ (and it lists only names ending in
    .jsonl for import): no command would move them, so none is offered; era names each kind."""
    state, data = corpus_state("real-upgrade-2026.6.11-to-2026.9.6"), tmp_path / "data"
    collect(cli, state, data)
    res = diagnose(cli, state, data)
    assert not [f for f in findings(res, "storage.unimported-jsonl") if f["level"] == "warn"]
    f = one(res, "storage.unimported-jsonl", "info")
    left = sorted(p.name for p in state.glob("agents/*/sessions/*.jsonl.*") if ".jsonl." in p.name)
    assert sum(d["archived_files"] for d in f["details"]) == len(left) > 0
    assert f["fix"] is None and f["remedy"] is None and "never imports" in f["finding"]
    era = one(res, "state.era", "info")
    assert era["finding"].startswith("OpenClaw 2026.9.6; ") and "phase" not in era["finding"]
    assert "moved to the doctor's import archive" in era["finding"] and ".reset" in era["finding"]


def test_env_zstd_missing(cli, corpus_state, tmp_path, monkeypatch):
    import importlib

    from token_monitor.diagnose import gather as cmd

    state, data = corpus_state("real-2026.9.6"), tmp_path / "data"
    collect(cli, state, data)
    real = importlib.import_module

    def fake(name, *a, **kw):
        if name == "zstandard":
            raise ImportError(name)
        return real(name, *a, **kw)
    monkeypatch.setattr(cmd.importlib, "import_module", fake)
    res = diagnose(cli, state, data)
    assert res.code == 6
    f = one(res, "env.zstd", "error")
    assert "pip install" in f["remedy"] and "zstandard" in f["remedy"]


def test_env_sqlite_pure():
    from token_monitor.diagnose import checks as dg

    fs = dg.check_env(dg.EnvFacts("3.11.7", "3.7.17", False, "0.25.0", True))
    f = next(f for f in fs if f.code == "env.sqlite")
    assert f.level == "warn" and "3.38" in f.remedy
    ok = dg.check_env(dg.EnvFacts("3.11.7", "3.40.1", True, "0.25.0", True))
    assert {f.level for f in ok} == {"ok"}


def test_collect_never_run_is_an_error_and_writes_nothing(cli, corpus_state, tmp_path):
    state, data = corpus_state("real-2026.9.6"), tmp_path / "data"
    res = diagnose(cli, state, data)
    assert res.code == 6
    f = one(res, "collect.never-run", "error")
    assert f["remedy"] == "token-monitor collect" and str(data) in f["finding"]
    assert not data.exists(), "diagnose must not create the ledger"


def test_collect_stale(cli, corpus_state, tmp_path):
    state, data = corpus_state("real-2026.9.6"), tmp_path / "data"
    collect(cli, state, data)
    set_run_time(data, int(dt.datetime.now(dt.timezone.utc).timestamp() * 1000) - 3 * 86400_000)
    f = one(diagnose(cli, state, data), "collect.stale", "warn")
    assert "3 days ago" in f["finding"] and f["remedy"].startswith("token-monitor collect")


def test_sources_pending_counts_files_and_bytes(cli, corpus_state, tmp_path):
    state, data = corpus_state("real-2026.2.1"), tmp_path / "data"
    collect(cli, state, data)
    live = state / "agents" / "main" / "sessions" / "86ea90bc-40cd-4d2b-911c-e6aec9f70ef5.jsonl"
    added = b'{"type":"custom","id":"x1"}\n'
    with open(live, "ab") as fh:
        fh.write(added)
    new = state / "agents" / "work" / "sessions" / "11111111-2222-3333-4444-555555555555.jsonl"
    new.write_bytes(b'{"type":"session","id":"11111111-2222-3333-4444-555555555555"}\n')
    res = diagnose(cli, state, data)
    f = one(res, "sources.pending", "warn")
    assert f["details"]["files"] == 2 and f["details"]["new_files"] == 1
    assert f["details"]["bytes"] == len(added) + new.stat().st_size
    assert f["remedy"] == "token-monitor collect"
    collect(cli, state, data)
    assert one(diagnose(cli, state, data), "sources.pending", "ok")


def test_sources_unreadable(cli, corpus_state, tmp_path):
    state, data = corpus_state("real-2026.2.1"), tmp_path / "data"
    loop = state / "agents" / "main" / "sessions" / "deadbeef-0000-0000-0000-000000000000.jsonl"
    os.symlink(loop.name, loop)          # a symlink loop: unreadable even for root
    collect(cli, state, data)
    res = diagnose(cli, state, data)
    assert res.code == 6
    f = one(res, "sources.unreadable", "error")
    assert str(loop) in f["finding"] and "token-monitor collect" in f["remedy"]


def test_records_malformed(cli, corpus_state, tmp_path):
    state, data = corpus_state("real-2026.2.1"), tmp_path / "data"
    live = state / "agents" / "work" / "sessions" / "556a1bf8-8613-49d5-97e7-4888405dac77.jsonl"
    lines = live.read_text().splitlines()
    lines.insert(2, '{"type":"message","id":"torn","message":{"role":"assis')
    live.write_text("\n".join(lines) + "\n")
    collect(cli, state, data)
    f = one(diagnose(cli, state, data), "records.malformed", "warn")
    assert f"{live}:line 3" in f["finding"] and "invalid JSON" in f["finding"]
    # The remedy never prints the line (transcripts hold private message text).
    assert "sed" not in f["remedy"] and "disk" in f["remedy"]


def test_state_schema_unknown(cli, corpus_state, tmp_path):
    state, data = corpus_state("real-2026.9.6"), tmp_path / "data"
    db = state / "agents" / "work" / "agent" / "openclaw-agent.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 24")
    conn.commit()
    conn.close()
    res = diagnose(cli, state, data)          # seen live, before any collect
    f = one(res, "state.schema-unknown", "warn")
    assert "24 > 23" in f["finding"] and "update token-monitor" in f["remedy"] and "pip install -U token-monitor" not in f["remedy"]
    collect(cli, state, data)                 # and from the ledger's problems after one
    f = one(diagnose(cli, state, data), "state.schema-unknown", "warn")
    assert str(db) in f["finding"]


def test_usage_missing_names_provider_count_dates_and_cause(cli, corpus_state, tmp_path):
    state, data = corpus_state("real-2026.2.1"), tmp_path / "data"
    rewrite_jsonl(state, zero_usage(lambda o, m: m.get("provider") == "moonshot"))
    collect(cli, state, data)
    res = diagnose(cli, state, data)
    f = next(f for f in findings(res, "usage.missing") if f["finding"].startswith("moonshot"))
    assert f["level"] == "warn"
    assert "moonshot: 13 of 13 calls finished without usage (main 6, work 7; kimi-k2.5), 2026-02-04 → 2026-02-05" in f["finding"]
    assert "streaming usage" in f["finding"] and "stream_options.include_usage" in f["remedy"]
    assert "models.providers.moonshot.baseUrl" in f["remedy"]


def test_usage_gap_days(cli, corpus_state, tmp_path):
    state, data = corpus_state("real-2026.2.1"), tmp_path / "data"
    rewrite_jsonl(state, zero_usage(lambda o, m: str(o.get("timestamp", "")).startswith("2026-02-04")))
    collect(cli, state, data)
    f = one(diagnose(cli, state, data), "usage.gap-days", "warn")
    assert f["finding"].startswith("1 day with calls but no tokens: 2026-02-04")
    assert "usage.missing" in f["remedy"]


def test_cost_unpriced_without_the_price_list(cli, corpus_state, tmp_path, monkeypatch):
    monkeypatch.setenv("TOKEN_MONITOR_PRICE_LIST", "off")
    state, data = corpus_state("real-2026.6.11"), tmp_path / "data"
    collect(cli, state, data)
    f = one(diagnose(cli, state, data), "cost.unpriced", "warn")
    assert "zai/glm-4.5-air (3 calls, 4,254 tokens)" in f["finding"]
    assert f"add a price in {state / 'openclaw.json'}: models.providers.zai.models[id=glm-4.5-air].cost" in f["remedy"]
    # one finding per fact: its $0 records are the same fact, not a second (cost.zero-recorded) finding
    assert not [z for z in findings(diagnose(cli, state, data), "cost.zero-recorded") if "glm-4.5-air" in z["finding"]]


def test_models_priced_from_the_list_are_named_with_their_list_entry(cli, corpus_state, tmp_path):
    state, data = corpus_state("real-2026.6.11"), tmp_path / "data"
    collect(cli, state, data)
    res = diagnose(cli, state, data)
    assert one(res, "cost.unpriced", "ok")
    f = one(res, "cost.price-list", "info")
    assert "zai/glm-4.5-air as zai/GLM-4.5-Air (3 calls)" in f["finding"]
    assert "price list genai-prices" in f["finding"]
    assert f"models.providers.zai.models[id=glm-4.5-air].cost in {state / 'openclaw.json'}" in f["remedy"]
    assert "wins over the list" in f["remedy"]


def test_cost_zero_recorded(cli, corpus_state, tmp_path):
    state, data = corpus_state("real-2026.2.1"), tmp_path / "data"
    collect(cli, state, data)
    res = diagnose(cli, state, data)
    f = one(res, "cost.zero-recorded", "info")
    assert "zai/glm-4.5-air (3 calls; configured price is 0 (plan-billed or free))" in f["finding"]
    assert str(state / "openclaw.json") in f["remedy"]
    assert f["fix"] is None          # a configured price of 0 is a decision, not a problem to fix
    assert one(res, "cost.unpriced", "ok")


def test_hooks_internal_disabled_and_token_logger_disabled(cli, corpus_state, tmp_path):
    state, data = corpus_state("real-2026.2.1"), tmp_path / "data"
    edit_config(state, lambda c: c["hooks"]["internal"].update(enabled=False))
    hook = install_hook(state / "workspace" / "hooks")
    collect(cli, state, data)
    res = diagnose(cli, state, data)
    f = one(res, "hooks.internal-disabled", "info")
    assert "hooks.internal.enabled false" in f["finding"] and "openclaw config set hooks.internal.enabled true" in f["remedy"]
    d = one(res, "hooks.token-logger-disabled", "info")
    assert str(hook) in d["finding"] and "workspace hooks need enabled: true" in d["finding"]
    assert d["remedy"].endswith("openclaw hooks enable token-logger")
    assert one(res, "hooks.not-needed", "ok")       # the hook never runs: nothing to disable


def test_hooks_token_logger_disabled_by_entry(cli, corpus_state, tmp_path):
    state, data = corpus_state("real-2026.2.1"), tmp_path / "data"
    edit_config(state, lambda c: c["hooks"]["internal"]["entries"].update({"token-logger": {"enabled": False}}))
    install_hook(state / "hooks")
    res = diagnose(cli, state, data)
    d = one(res, "hooks.token-logger-disabled", "info")
    assert "hooks.internal.entries.token-logger.enabled is false" in d["finding"]
    assert not findings(res, "hooks.token-logger-missing")


def test_hooks_token_logger_missing(cli, corpus_state, tmp_path):
    state, data = corpus_state("real-2026.2.1"), tmp_path / "data"
    edit_config(state, lambda c: c["hooks"]["internal"]["entries"].update({"token-logger": {"enabled": True}}))
    res = diagnose(cli, state, data)
    f = one(res, "hooks.token-logger-missing", "info")
    assert str(state / "hooks") in f["finding"] and "names token-logger" in f["finding"]
    assert "remove hooks.internal.entries.token-logger" in f["remedy"]


def test_auth_provider_without_profile(cli, corpus_state, tmp_path):
    state, data = corpus_state("real-2026.9.6"), tmp_path / "data"
    edit_config(state, lambda c: c["models"]["providers"]["moonshot"].pop("apiKey"))
    collect(cli, state, data)
    res = diagnose(cli, state, data)
    f = one(res, "auth.provider-without-profile", "warn")
    assert f["finding"].startswith("moonshot is used (") and "no auth profile" in f["finding"]
    assert 'auth.profiles."moonshot:default"' in f["remedy"] and str(state / "openclaw.json") in f["remedy"]
    info = one(res, "auth.provider-without-profile", "info")        # zai has a key in config: that works
    assert "zai (apiKey in config)" in info["finding"]


def test_auth_profile_unused_reads_every_store(cli, corpus_state, tmp_path):
    state, data = corpus_state("real-2026.9.6"), tmp_path / "data"
    edit_config(state, lambda c: c["auth"]["profiles"].update({"openai:work": {"provider": "openai", "mode": "oauth"}}))
    conn = sqlite3.connect(state / "agents" / "work" / "agent" / "openclaw-agent.sqlite")
    conn.execute("INSERT INTO auth_profile_store (store_key, store_json, updated_at) VALUES ('primary', ?, 0)",
                 (json.dumps({"version": 1, "profiles": {"deepseek:main": {"type": "api_key", "provider": "deepseek",
                                                                          "key": CANARIES[0]}}}),))
    conn.commit()
    conn.close()
    collect(cli, state, data)
    res = diagnose(cli, state, data)
    f = one(res, "auth.profile-unused", "info")
    ids = {d["id"]: d for d in f["details"]}
    assert ids["openai:work"] == {"id": "openai:work", "provider": "openai", "type": "oauth", "store": "config"}
    assert ids["deepseek:main"]["store"] == "agent db (work)" and ids["deepseek:main"]["type"] == "api_key"
    assert "anthropic:manual" not in ids          # used by the work agent's claude calls
    assert CANARIES[0] not in res.out


def test_legacy_token_usage_gaps(cli, corpus_state, tmp_path):
    state, data = corpus_state("real-2026.2.1"), tmp_path / "data"
    collect(cli, state, data)
    path, _ = write_legacy(cli, state, data)
    res = diagnose(cli, state, data)
    f = one(res, "legacy.token-usage-gaps", "warn")
    assert f"old log {path} misses 2 calls" in f["finding"] and "has 1 call (1,500 tokens)" in f["finding"]
    assert f["remedy"].startswith(f"token-monitor reconcile --legacy {path}")
    # the old design's evidence also explains the hook findings
    assert one(res, "hooks.token-logger-missing", "info")


def test_legacy_explicit_path_agreeing(cli, corpus_state, tmp_path):
    state, data = corpus_state("real-2026.2.1"), tmp_path / "data"
    collect(cli, state, data)
    path, _ = write_legacy(cli, state, data, drop=frozenset(), extra=())
    moved = tmp_path / "old.jsonl"
    shutil.move(path, moved)
    f = one(diagnose(cli, state, data, "--legacy", moved), "legacy.token-usage-gaps", "ok")
    assert "agrees with the ledger (22 calls)" in f["finding"]


def test_schedule_none_and_found(cli, corpus_state, tmp_path):
    state, data = corpus_state("real-2026.9.6"), tmp_path / "data"
    collect(cli, state, data)
    f = one(diagnose(cli, state, data), "schedule.none", "warn")
    # The remedy is our own `schedule`, which picks cron command job / HEARTBEAT.md / crontab for this install.
    # ...run the way this token-monitor was started (here: in-process, so `python -m token_monitor`).
    assert " --state-dir " in f["remedy"] and " schedule --apply" in f["remedy"]
    assert "schedule --apply" in f["remedy"]
    add_cron_job(state)
    f = one(diagnose(cli, state, data), "schedule.none", "ok")
    assert "OpenClaw cron job token-monitor" in f["finding"]


def test_schedule_from_crontab_and_heartbeat(cli, corpus_state, tmp_path, monkeypatch):
    from token_monitor.diagnose import gather as cmd

    state, data = corpus_state("real-2026.2.1"), tmp_path / "data"
    (state / "workspace" / "HEARTBEAT.md").write_text("- run token-monitor collect --quiet\n")
    assert one(diagnose(cli, state, data), "schedule.none", "ok")
    (state / "workspace" / "HEARTBEAT.md").unlink()
    monkeypatch.setattr(cmd, "_crontab_text", lambda: "# token-monitor old\n*/30 * * * * token-monitor collect --quiet\n")
    f = one(diagnose(cli, state, data), "schedule.none", "ok")
    assert "1 crontab line" in f["finding"]


# ---------------------------------------------------------------- whole-state properties

def healthy_state(cli, corpus_state, tmp_path):
    state, data = corpus_state("real-2026.9.6"), tmp_path / "data"
    add_cron_job(state)
    collect(cli, state, data)
    return state, data


def test_healthy_state_yields_only_ok_and_info(cli, corpus_state, tmp_path):
    state, data = healthy_state(cli, corpus_state, tmp_path)
    res = diagnose(cli, state, data)
    assert res.code == 0, res
    levels = {f["level"] for f in res.json()["data"]["findings"]}
    assert levels <= {"ok", "info"}, [(f["level"], f["code"]) for f in res.json()["data"]["findings"] if f["level"] not in ("ok", "info")]
    assert res.json()["status"] == "ok" and res.json()["errors"] == [] and res.json()["warnings"] == []
    text = cli("--state-dir", state, "--data-dir", data, "diagnose")
    assert text.code == 0 and "healthy" in text.out.splitlines()[0]


def everything_state(cli, corpus_state, tmp_path) -> tuple[Path, Path]:
    """Every problem at once: 2.1 JSONL + an SQLite store of a newer schema beside it, a torn line,
    an unreadable source, a provider without usage and without credentials, an unpriced model,
    hooks off with a leftover token-logger, a legacy log with gaps, no schedule, stale collect,
    then new unread data."""
    state, data = corpus_state("real-2026.2.1"), tmp_path / "data"
    sq = corpus_state("real-2026.9.6")
    for name in ("openclaw-agent.sqlite", "openclaw-agent.sqlite-wal", "openclaw-agent.sqlite-shm"):
        shutil.copy(sq / "agents" / "main" / "agent" / name, state / "agents" / "main" / "agent" / name)
    conn = sqlite3.connect(state / "agents" / "main" / "agent" / "openclaw-agent.sqlite")
    conn.execute("PRAGMA user_version = 24")
    conn.commit()
    conn.close()
    zero = zero_usage(lambda o, m: m.get("provider") == "moonshot" or str(o.get("timestamp", "")).startswith("2026-02-04"))

    def edit(obj):
        msg = obj.get("message")
        if isinstance(msg, dict) and msg.get("model") == "glm-4.5-air":
            msg["model"] = "glm-4.5-flash"          # a model with no price anywhere
        return zero(obj)
    rewrite_jsonl(state, edit)
    live = state / "agents" / "work" / "sessions" / "556a1bf8-8613-49d5-97e7-4888405dac77.jsonl"
    with open(live, "a") as fh:
        fh.write('{"type":"message","id":"torn","mess\n')
    os.symlink("loop.jsonl", state / "agents" / "main" / "sessions" / "loop.jsonl")

    def cfg(c):
        c["hooks"]["internal"]["enabled"] = False
        c["hooks"]["internal"]["entries"]["token-logger"] = {"enabled": False, "env": {"TL_KEY": CANARIES[0]}}
        c["models"]["providers"]["moonshot"].pop("apiKey")
        c["auth"]["profiles"]["openai:work"] = {"provider": "openai", "mode": "oauth"}
    edit_config(state, cfg)
    for models in (state / "agents").glob("*/agent/models.json"):
        m = json.loads(models.read_text())
        m["providers"]["moonshot"].pop("apiKey", None)
        models.write_text(json.dumps(m))
    install_hook(state / "hooks")
    collect(cli, state, data)
    write_legacy(cli, state, data)
    set_run_time(data, FIXED_NOW_MS - 2 * 86400_000)
    with open(state / "agents" / "main" / "sessions" / "86ea90bc-40cd-4d2b-911c-e6aec9f70ef5.jsonl", "a") as fh:
        fh.write('{"type":"custom","id":"later"}\n')
    return state, data


def test_every_problem_at_once_fits_25_lines(cli, corpus_state, tmp_path, monkeypatch):
    from token_monitor.context import Context

    monkeypatch.setattr(Context, "now_ms", lambda self: FIXED_NOW_MS)
    state, data = everything_state(cli, corpus_state, tmp_path)
    res = cli("--state-dir", state, "--data-dir", data, "diagnose")
    assert res.code == 6
    lines = res.out.splitlines()
    assert len(lines) <= 25, res.out
    codes = {f["code"] for f in diagnose(cli, state, data).json()["data"]["findings"] if f["level"] != "ok"}
    expected = {"state.era", "storage.unimported-jsonl", "collect.stale", "sources.pending", "sources.unreadable",
                "records.malformed", "state.schema-unknown", "usage.missing", "cost.unpriced",
                "usage.gap-days", "hooks.internal-disabled", "hooks.token-logger-disabled",
                "auth.provider-without-profile", "auth.profile-unused", "legacy.token-usage-gaps", "schedule.none"}
    assert expected <= codes, expected - codes
    verbose = cli("--state-dir", state, "--data-dir", data, "diagnose", "--verbose")
    assert len(verbose.out.splitlines()) <= 25


def test_check_filter_and_unknown_code(cli, corpus_state, tmp_path):
    state, data = corpus_state("real-2026.6.11"), tmp_path / "data"
    collect(cli, state, data)
    res = diagnose(cli, state, data, "--check", "cost", "usage.missing")
    assert {f["code"] for f in res.json()["data"]["findings"]} <= {"cost.unpriced", "cost.price-list", "cost.zero-recorded",
                                                               "usage.missing"}
    assert res.json()["data"]["checks"] == ["cost", "usage.missing"]
    bad = cli("--state-dir", state, "--data-dir", data, "diagnose", "--check", "nope.nothing")
    assert bad.code == 2 and "unknown check nope.nothing" in bad.err


def test_read_only_for_openclaw_and_ledger(cli, corpus_state, tmp_path):
    state = corpus_state("real-2026.9.6")
    data = tmp_path / "data"
    collect(cli, state, data)
    before = tree_digest(state)
    ledger_before = (data / "ledger.sqlite").read_bytes()
    for args in ([], ["--json"], ["--verbose"], ["--check", "auth", "schedule"]):
        cli("--state-dir", state, "--data-dir", data, "diagnose", *args)
    assert tree_digest(state) == before
    assert (data / "ledger.sqlite").read_bytes() == ledger_before


def test_does_not_reread_transcripts(cli, corpus_state, tmp_path, monkeypatch):
    import token_monitor.collect.collector as collect_mod
    import token_monitor.sources.jsonl as src

    state, data = corpus_state("real-2026.2.1"), tmp_path / "data"
    collect(cli, state, data)

    def boom(*a, **kw):
        raise AssertionError("diagnose read a transcript")
    monkeypatch.setattr(src, "jsonl_records", boom)
    monkeypatch.setattr(src, "open_file_stream", boom)
    monkeypatch.setattr(collect_mod.Collector, "run", boom)
    assert diagnose(cli, state, data).code == 0


def test_ledger_without_wal_files_opens_read_only(cli, corpus_state, tmp_path):
    state, data = corpus_state("real-2026.9.6"), tmp_path / "data"
    collect(cli, state, data)
    conn = sqlite3.connect(data / "ledger.sqlite")
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    res = diagnose(cli, state, data)
    assert one(res, "collect.stale", "ok")


# ---------------------------------------------------------------- secrets

def plant_canaries(state: Path) -> None:
    """A canary in every auth store and every config field that can hold a secret."""
    c0, c1, c2 = CANARIES

    def cfg(c):
        prov = c["models"]["providers"]
        prov["moonshot"]["apiKey"] = c0
        prov["moonshot"]["headers"] = {"Authorization": f"Bearer {c1}", "X-Api-Key": c2}
        prov["moonshot"]["request"] = {"auth": {"token": c1}}
        c.setdefault("env", {})["vars"] = {"MOONSHOT_API_KEY": c0, "ZAI_API_KEY": c2}
        c.setdefault("skills", {}).setdefault("entries", {})["token-monitor"] = {"apiKey": c1, "env": {"K": c2}}
        c["hooks"] = {"internal": {"enabled": True, "entries": {"token-logger": {"enabled": True, "env": {"TL": c0}}}}}
        c["gateway"]["auth"]["token"] = c2
        c["gateway"]["auth"]["password"] = c1
        c["auth"]["profiles"][f"zai:{c0}"] = {"provider": "zai", "mode": "token"}     # even an id that is a secret
    edit_config(state, cfg)
    for db in (state / "agents").glob("*/agent/openclaw-agent.sqlite"):
        conn = sqlite3.connect(db)
        conn.execute("INSERT OR REPLACE INTO auth_profile_store (store_key, store_json, updated_at) VALUES ('primary', ?, 0)",
                     (json.dumps({"version": 1, "profiles": {
                         "moonshot:main": {"type": "api_key", "provider": "moonshot", "key": c0, "keyRef": {"id": c1}},
                         "openai:oauth": {"type": "oauth", "provider": "openai", "access": c1, "refresh": c2,
                                          "idToken": c0}}}),))
        conn.execute("INSERT OR REPLACE INTO auth_profile_state (state_key, state_json, updated_at) VALUES ('primary', ?, 0)",
                     (json.dumps({"lastGood": {"moonshot": c0}}),))
        conn.commit()
        conn.close()
    shared = sqlite3.connect(state / "state" / "openclaw.sqlite")
    shared.execute("UPDATE config_machine_state SET value_json = ? WHERE state_key = 'authProfiles.store'",
                   (json.dumps({"version": 1, "profiles": {"anthropic:manual": {"type": "api_key", "provider": "anthropic",
                                                                                "key": c2, "token": c0}}}),))
    shared.execute("INSERT INTO config_machine_state (state_key, value_json, updated_at_ms) VALUES (?, ?, 0)",
                   (f"model-account:{c1}", json.dumps({"secret": c1})))
    shared.commit()
    shared.close()
    add_cron_job(state, command=f"OPENAI_KEY={c1} token-monitor collect", env_secret=c0)
    agent = state / "agents" / "main" / "agent"
    (agent / "auth-profiles.json").write_text(json.dumps({"version": 1, "profiles": {
        "zai:legacy": {"type": "token", "provider": "zai", "token": c0}}}))
    (agent / "models.json").write_text(json.dumps({"providers": {"zai": {"apiKey": c2}}}))


def test_no_canary_in_any_output(cli, corpus_state, tmp_path, monkeypatch):
    from token_monitor.diagnose import gather as cmd

    state, data = corpus_state("real-2026.9.6"), tmp_path / "data"
    plant_canaries(state)
    install_hook(state / "hooks")
    for c in CANARIES:
        monkeypatch.setenv("MOONSHOT_API_KEY", c)
    collect(cli, state, data)
    write_legacy(cli, state, data)
    monkeypatch.setattr(cmd, "_crontab_text", lambda: f"*/5 * * * * KEY={CANARIES[2]} token-monitor collect\n")
    outputs = []
    for args in (["diagnose"], ["diagnose", "--json"], ["diagnose", "--verbose"], ["diagnose", "--json", "--verbose"],
                 ["diagnose", "--check", "auth"], ["diagnose", "--check", "bogus"], ["reconcile"], ["reconcile", "--json"],
                 ["diagnose", "--legacy", tmp_path / "missing.jsonl"]):
        res = cli("--state-dir", state, "--data-dir", data, *args)
        outputs.append(res.out + res.err)
    # a broken config must not echo its contents either
    (state / "openclaw.json").write_text('{"models": {"providers": {"x": {"apiKey": "%s"' % CANARIES[0])
    res = cli("--state-dir", state, "--data-dir", data, "diagnose", "--json", "--verbose")
    outputs.append(res.out + res.err)
    assert res.code == 6 and "cannot read OpenClaw config" in res.out
    blob = "\n".join(outputs)
    for c in CANARIES:
        assert c not in blob, c


def test_auth_sql_extraction_never_returns_secrets():
    from token_monitor.sources import auth

    doc = json.dumps({"profiles": {"zai:a": {"type": "token", "provider": "zai", "token": CANARIES[0]},
                                   "bad": "not-an-object", "x:y": {"provider": {"nested": CANARIES[1]}, "type": CANARIES[2]}}})
    profiles = auth._profiles_from_json_bytes(doc.encode(), "t")
    assert [(p.id, p.provider, p.type) for p in profiles] == [("zai:a", "zai", "token"), ("x:y", None, "other")]
    assert auth._profiles_from_json_bytes(b"{not json", "t") == []
    assert auth.safe_id("zai:" + CANARIES[0]) == "<unprintable id>" and auth.safe_id("zai:manual") == "zai:manual"


def test_diagnose_survives_calls_without_any_cost_object(cli, tmp_path):
    state = write_jsonl_state(tmp_path / "s", [{"usage": {}}, {"model": "kimi-ä"}])
    # The rows above carry no cost object at all: diagnose must not crash on NULL sums.
    res = cli("--state-dir", state, "--data-dir", tmp_path / "d", "collect")
    assert res.code == 0, res
    res = cli("--state-dir", state, "--data-dir", tmp_path / "d", "diagnose", "--json")
    assert res.code in (0, 6), res
    codes = {f["code"]: f["level"] for f in res.json()["data"]["findings"]}
    assert codes.get("cost.unpriced") == "warn"


def test_bad_config_timezone_is_a_finding_not_a_usage_error(cli, tmp_path):
    state = write_jsonl_state(tmp_path / "s", [{}], config={"agents": {"defaults": {"userTimezone": "Europe/Berln"}}})
    cli("--state-dir", state, "--data-dir", tmp_path / "d", "collect")
    res = cli("--state-dir", state, "--data-dir", tmp_path / "d", "diagnose", "--json")
    assert res.code in (0, 6), res
    f = {x["code"]: x for x in res.json()["data"]["findings"]}["config.timezone"]
    assert f["level"] == "warn" and "Europe/Berln" in f["finding"]


def test_schedule_whose_program_is_gone_is_an_error_with_the_fix(cli, corpus_state, tmp_path, monkeypatch):
    """A moved skill folder or removed venv makes the scheduled collection silently never run."""
    from token_monitor.diagnose import gather as cmd
    from token_monitor.ops import schedule as sched

    state, data = corpus_state("real-2026.2.1"), tmp_path / "data"
    gone = tmp_path / "old-skill" / "scripts" / "token-monitor.py"
    block = sched.heartbeat_block(f"/usr/bin/python3 {gone} collect --heartbeat --quiet-token HEARTBEAT_OK", "HEARTBEAT_OK")
    (state / "workspace" / "HEARTBEAT.md").write_text(block + "\n")
    f = one(diagnose(cli, state, data), "schedule.command-missing", "error")
    assert str(gone) in f["finding"] and "schedule --apply" in f["remedy"]
    (state / "workspace" / "HEARTBEAT.md").unlink()

    venv_tm = tmp_path / "removed-venv" / "bin" / "token-monitor"
    monkeypatch.setattr(cmd, "_crontab_text", lambda: f"*/30 * * * * {venv_tm} collect --heartbeat --quiet-token none "
                                                      "# token-monitor:collect\n")
    f = one(diagnose(cli, state, data), "schedule.command-missing", "error")
    assert str(venv_tm) in f["finding"]
    venv_tm.parent.mkdir(parents=True)
    venv_tm.write_text("#!/bin/sh\n")
    assert not findings(diagnose(cli, state, data), "schedule.command-missing")
