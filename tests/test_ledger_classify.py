"""The cost class and the trigger class are one rule each: the SQL form the reports and rollups use
and the Python form export, budgets and session labels use agree on arbitrary events, and the
`sessions` list labels every call with the trigger `report --by trigger` counts it under."""

from __future__ import annotations

import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from test_report import multi  # noqa: F401 - the seeded multi-agent ledger fixture
from token_monitor.ledger.classify import COST_CLASS_SQL, TRIGGER_CLASS_SQL, TRIGGERS, cost_class, trigger_class
from token_monitor.ledger.schema import SCHEMA, _statements

COST = st.one_of(st.none(), st.sampled_from([0.0, -0.0, 1e-12, -1e-9, 0.5]),
                 st.floats(allow_nan=False, allow_infinity=False, width=64))
KEY_PARTS = st.sampled_from(["agent:", "AGENT:", "Agent:", "main:", "cron:", "CRON:", "hook:", "Hook:", "subagent",
                             "SubAgent:", ":", "x", "telegram:group:-1", "", "é", "K"])
SESSION_KEY = st.one_of(st.none(), st.lists(KEY_PARTS, max_size=6).map("".join),
                        st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=20))
EVENT = st.fixed_dictionaries({
    "cost_origin": st.sampled_from([None, "provider-billed", "recorded", "estimated", "", "Provider-Billed"]),
    "cost_total": COST, "cost_input": COST, "cost_output": COST, "cost_cache_read": COST, "cost_cache_write": COST,
    "total_tokens": st.one_of(st.just(0), st.integers(min_value=0, max_value=10**10)),
    "trigger": st.sampled_from([None, "heartbeat", "Heartbeat", "cron", ""]),
    "session_key": SESSION_KEY,
})


def _db() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    for stmt in _statements(SCHEMA):
        conn.execute(stmt)
    return conn


CONN = _db()


@settings(max_examples=400, deadline=None)
@given(ev=EVENT, has_session=st.booleans())
def test_sql_and_python_classes_agree_on_any_event(ev, has_session):
    CONN.execute("DELETE FROM events")
    CONN.execute("DELETE FROM sessions")
    CONN.execute(
        "INSERT INTO events (key, agent, session_id, provider, model, ts_ms, input, output, cache_read, cache_write, "
        "total_tokens, cost_total, cost_input, cost_output, cost_cache_read, cost_cache_write, cost_origin, usage_status, "
        "trigger, source_kind, source_path, owner_rank, collected_ms) "
        "VALUES ('k', 'main', 's', 'p', 'm', 0, 0, 0, 0, 0, ?, ?, ?, ?, ?, ?, ?, 'ok', ?, 'live', 'x', 'r', 0)",
        (ev["total_tokens"], ev["cost_total"], ev["cost_input"], ev["cost_output"], ev["cost_cache_read"],
         ev["cost_cache_write"], ev["cost_origin"], ev["trigger"]))
    if has_session:
        CONN.execute("INSERT INTO sessions (agent, session_id, session_key) VALUES ('main', 's', ?)", (ev["session_key"],))
    sql_cost, = CONN.execute(f"SELECT {COST_CLASS_SQL} FROM events").fetchone()
    sql_trigger, = CONN.execute(f"SELECT {TRIGGER_CLASS_SQL} FROM events e LEFT JOIN sessions s "
                                "ON s.agent = e.agent AND s.session_id = e.session_id").fetchone()
    assert sql_cost == cost_class(ev)
    assert sql_trigger == trigger_class(ev["session_key"] if has_session else None, ev["trigger"])


def test_session_key_classes():
    assert trigger_class("cron:job1", None) == trigger_class("agent:main:cron:x", None) == "cron"
    assert trigger_class("agent:main:hook:x", None) == "hook"
    assert trigger_class("agent:work:subagent:5f0c", None) == "subagent"
    assert trigger_class("agent:main:main", "heartbeat") == "heartbeat"
    assert trigger_class("agent:main:telegram:group:1", None) == "user"


def test_sessions_and_report_by_trigger_agree_on_every_call(cli, multi):  # noqa: F811
    state, data = multi
    base = ["--state-dir", state, "--data-dir", data]
    sessions = cli(*base, "sessions", "--no-collect", "--limit", "1000", "--json").json()["data"]["sessions"]
    report = cli(*base, "report", "--no-collect", "--since", "2000-01-01", "--until", "2100-01-01", "--tz", "UTC",
                 "--by", "trigger", "--json").json()["data"]
    by_report = {r["key"]: (r["calls"], r["totalTokens"]) for r in report["rows"]}
    by_sessions: dict[str, tuple[int, int]] = {}
    for s in sessions:
        for trig, t in s["triggers"].items():
            calls, tokens = by_sessions.get(trig, (0, 0))
            by_sessions[trig] = (calls + t["calls"], tokens + t["totalTokens"])
        assert sum(t["calls"] for t in s["triggers"].values()) == s["calls"]
        assert s["trigger"] in s["triggers"]
    assert by_sessions == by_report
    assert {"heartbeat", "cron", "user"} <= set(by_report) <= set(TRIGGERS)
    # The main session mixes user turns and heartbeat polls: each is counted under its own trigger,
    # and the session is labelled by most of its calls.
    main = next(s for s in sessions if s["sessionKey"] == "agent:main:main")
    assert {k: v["calls"] for k, v in main["triggers"].items()} == {"user": 7, "heartbeat": 2}
    assert main["trigger"] == "user"


def test_diagnose_counts_recorded_costs_as_reports_price_them(tmp_path):
    """A recorded $0 total whose components are non-zero (a credit) is a recorded cost everywhere, and only
    a recorded cost that is zero throughout counts as 'zero-recorded' in diagnose."""
    from token_monitor.diagnose.gather import gather_usage
    from token_monitor.ledger.store import Ledger

    ledger = Ledger.open(tmp_path / "data")
    rows = [dict(cost_total=0.0, cost_input=-0.0001, cost_output=0.0001),      # recorded: components non-zero
            dict(cost_total=0.0, cost_input=0.0, cost_output=0.0),             # recorded as exactly zero
            dict(cost_total=0.002, cost_input=0.001, cost_output=0.001)]       # recorded, positive
    with ledger.transaction():
        for i, r in enumerate(rows):
            ledger.conn.execute(
                "INSERT INTO events (key, agent, session_id, provider, model, ts_ms, input, output, cache_read, cache_write, "
                "total_tokens, cost_total, cost_input, cost_output, cost_origin, usage_status, source_kind, source_path, "
                "owner_rank, collected_ms) VALUES (?, 'main', 's', 'p', 'm', ?, 10, 10, 0, 0, 20, ?, ?, ?, 'recorded', 'ok', "
                "'live', 'x', 'r', 0)", (f"k{i}", i, r["cost_total"], r["cost_input"], r["cost_output"]))
    [group] = gather_usage(ledger)
    classes = [cost_class({**r, "total_tokens": 20}) for r in rows]
    assert classes == ["R", "P", "R"]
    assert group.priced_by_record == classes.count("R") == 2
    assert group.zero_recorded == 1


# ---------------------------------------------------------------- cost basis with configured and listed prices
PRICE = st.builds(lambda i, o, r, w: (i, o, r, w), *[st.sampled_from([0.0, 0.1, 3.0, 15.0])] * 4)
PAIRS = [("zai", "glm-4.7"), ("moonshot", "kimi-k2.5"), ("anthropic", "claude-sonnet-4-6")]


@settings(max_examples=300, deadline=None)
@given(ev=EVENT, configured=st.dictionaries(st.sampled_from(PAIRS), PRICE, max_size=3),
       listed=st.dictionaries(st.sampled_from(PAIRS), st.one_of(st.none(), PRICE), max_size=3),
       pair=st.sampled_from(PAIRS), tokens=st.tuples(*[st.integers(0, 10**7)] * 4))
def test_cost_basis_follows_one_rule_whoever_priced_the_model(ev, configured, listed, pair, tokens):
    """OpenClaw's own cost is never replaced; a configured price wins over the list; a list estimate is
    labelled price-list, never recorded or estimated; no price anywhere stays unpriced (None, not 0)."""
    from token_monitor.ledger.classify import (
        ESTIMATED, PRICE_LIST, PROVIDER_BILLED, RECORDED, UNPRICED, ZERO_PRICED, effective_prices, resolve_cost)
    from token_monitor.model import Price

    cfg = {k: Price(*v) for k, v in configured.items()}
    lst = {k: (None if v is None else Price(*v, source="price list genai-prices 0.2.5", matched="x/y"))
           for k, v in listed.items()}
    prices = effective_prices(cfg, lst)
    inp, out, cr, cw = tokens
    e = {**ev, "provider": pair[0], "model": pair[1], "input": inp, "output": out, "cache_read": cr, "cache_write": cw}
    usd, basis = resolve_cost(e, prices)
    cls = cost_class(e)
    if cls in ("B", "R"):
        assert basis == (PROVIDER_BILLED if cls == "B" else RECORDED)
        assert usd == float(e["cost_total"] or 0.0)
    elif cls == "P":
        if pair in cfg:
            assert prices[pair] is cfg[pair]
            assert basis == (ZERO_PRICED if cfg[pair].is_zero else ESTIMATED)
        elif lst.get(pair) is not None:
            assert basis == PRICE_LIST and usd is not None and usd >= 0
        else:
            assert (usd, basis) == (None, UNPRICED)


def test_totals_split_by_basis_add_up_to_the_total_on_every_real_corpus(cli, corpus_state, tmp_path):
    """Every call OpenClaw left unpriced for a model the price list knows gets an estimate labelled with the
    list and its version; the bases of every total add up to it; no token is both priced and unpriced."""
    from token_monitor.ledger.classify import PRICE_LIST, basis_label, effective_prices
    from token_monitor.ledger.store import Ledger
    from token_monitor.sources import price_list
    from token_monitor.sources.openclaw_config import load_config, model_prices

    import datetime as dt

    seen_list = 0
    for corpus in ("real-2026.2.1", "real-2026.6.11", "real-2026.9.6", "real-upgrade-2026.6.11-to-2026.9.6"):
        state, data = corpus_state(corpus), tmp_path / f"data-{corpus}"
        js = cli("--state-dir", state, "--data-dir", data, "report", "--since", "2000-01-01", "--until", "2100-01-01",
                 "--tz", "UTC", "--by", "model", "--json").json()["data"]
        for row in js["rows"] + [js["totals"]]:
            if row["cost"] is not None:
                assert abs(sum(row["costBasis"].values()) - row["cost"]) < 1e-9, (corpus, row)
        ledger = Ledger.open(data, create=False)
        try:
            candidates = [pm for pm in ledger.models_priced_by_us()
                          if pm not in model_prices(load_config(state / "openclaw.json"), state)]
        finally:
            ledger.close()
        listed = price_list.list_prices(candidates, as_of=dt.datetime(2026, 12, 7, tzinfo=dt.timezone.utc))
        for (prov, model), price in listed.items():
            row = next(r for r in js["rows"] if r["key"] == f"{prov}/{model}")
            if price is None:
                assert row["unpricedTokens"] > 0
                continue
            seen_list += 1
            assert PRICE_LIST in row["costBasis"] and row["unpricedTokens"] == 0, (corpus, row)
            label = basis_label(PRICE_LIST, effective_prices({}, listed))
            assert js["costSources"][PRICE_LIST] == label == f"est (price list genai-prices {price_list.version()})"
    assert seen_list >= 2      # glm-4.5-air in 2026.6.11 and in its upgraded copy


def test_the_models_to_price_read_from_the_rollup_are_those_the_events_give(cli, corpus_state, tmp_path):
    """Reports ask which models need a price on every run: from the model rollup's coarsest blocks (a few
    rows) when it is fresh, from the events otherwise; both answers are the same on every real corpus."""
    from token_monitor.ledger.store import Ledger

    for corpus in ("real-2026.2.1", "real-2026.6.11", "real-2026.9.6", "real-upgrade-2026.6.11-to-2026.9.6"):
        state, data = corpus_state(corpus), tmp_path / f"data-{corpus}"
        assert cli("--state-dir", state, "--data-dir", data, "collect").code == 0
        ledger = Ledger.open(data)
        try:
            assert ledger.rollup_is_fresh()
            from_rollup = ledger.models_priced_by_us()
            ledger.conn.execute("INSERT INTO rollup_dirty (hour_ms) VALUES (0)")
            assert not ledger.rollup_is_fresh()
            assert from_rollup == ledger.models_priced_by_us(), corpus
        finally:
            ledger.close()


def test_a_configured_price_wins_over_the_list(cli, corpus_state, tmp_path):
    import json5

    state, data = corpus_state("real-2026.6.11"), tmp_path / "data"
    base = ["--state-dir", state, "--data-dir", data, "report", "--since", "2000-01-01", "--until", "2100-01-01",
            "--tz", "UTC", "--json"]
    listed = {r["key"]: r for r in cli(*base).json()["data"]["rows"]}["zai/glm-4.5-air"]
    assert set(listed["costBasis"]) == {"price-list"}
    cfg_path = state / "openclaw.json"
    cfg = json5.loads(cfg_path.read_text())
    cfg["models"]["providers"]["zai"]["models"].append({"id": "glm-4.5-air", "name": "GLM-4.5-Air",
                                                        "cost": {"input": 0, "output": 0, "cacheRead": 0, "cacheWrite": 0}})
    cfg_path.write_text(json5.dumps(cfg))
    mine = {r["key"]: r for r in cli(*base).json()["data"]["rows"]}["zai/glm-4.5-air"]
    assert mine["costBasis"] == {"zero-priced": 0.0} and mine["cost"] == 0.0
