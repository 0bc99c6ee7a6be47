"""`budget set|list|remove|status`: bad input is one line and changes nothing; spend matches the
per-event cost rules; periods follow the calendar in the user's zone."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from conftest import write_jsonl_state
from test_ops_heartbeat_alerts import MiniState
from token_monitor.ledger.classify import resolve_cost
from token_monitor.ledger.store import Ledger
from token_monitor.ops import budget as bmod
from token_monitor.sources.openclaw_config import load_config, model_prices


@pytest.fixture
def mini(tmp_path):
    s = MiniState(tmp_path / "state")
    s.args = ("--state-dir", str(s.root), "--data-dir", str(tmp_path / "data"))
    return s


def _listed(cli, mini):
    res = cli(*mini.args, "budget", "list", "--json")
    assert res.code == 0, res
    return res.json()["data"]["budgets"]


@pytest.mark.parametrize("argv", [
    ["set", "daily", "-5"],
    ["set", "daily", "0"],
    ["set", "daily", "five"],
    ["set", "yearly", "5"],
    ["set", "fortnightly", "5", "--tokens"],
    ["set", "daily", "5eur"],
    ["set", "daily", "5", "--unit", "eur"],
    ["set", "daily", "5", "--eur"],
    ["set", "daily", "$5", "--tokens"],
    ["set", "daily", "5", "--agent", ""],
    ["set", "daily"],
    ["remove", "99"],
    ["remove", "weekly", "--tokens"],
    ["frobnicate"],
])
def test_bad_input_is_one_line_and_changes_nothing(cli, mini, argv):
    assert cli(*mini.args, "budget", "set", "weekly", "20").code == 0
    before = _listed(cli, mini)
    res = cli(*mini.args, "budget", *argv)
    assert res.code == 2, res
    assert res.out == "" and len(res.err.strip().splitlines()) == 1, res
    assert res.err.startswith("token-monitor: ")
    assert _listed(cli, mini) == before


def test_remove_weekly_by_scope_needs_a_match(cli, mini):
    res = cli(*mini.args, "budget", "remove", "monthly")
    assert res.code == 2 and "no monthly budget" in res.err


def test_set_list_update_remove(cli, mini):
    assert cli(*mini.args, "budget", "set", "daily", "5").out.startswith("budget #1 set: $5.00 daily, all usage")
    assert cli(*mini.args, "budget", "set", "monthly", "2M", "--tokens", "--agent", "work").code == 0
    assert cli(*mini.args, "budget", "set", "weekly", "$20", "--provider", "Anthropic").code == 0
    rows = _listed(cli, mini)
    assert [(b["id"], b["period"], b["unit"], b["limit"], b["agent"], b["provider"]) for b in rows] == [
        (1, "daily", "usd", 5.0, None, None), (2, "monthly", "tokens", 2_000_000.0, "work", None),
        (3, "weekly", "usd", 20.0, None, "anthropic")]
    # Same scope: new amount, same id.
    assert cli(*mini.args, "budget", "set", "daily", "7.5usd").code == 0
    assert _listed(cli, mini)[0]["limit"] == 7.5 and len(_listed(cli, mini)) == 3
    assert cli(*mini.args, "budget", "remove", "2").code == 0
    assert cli(*mini.args, "budget", "remove", "weekly", "--provider", "anthropic").code == 0
    assert [b["id"] for b in _listed(cli, mini)] == [1]
    text = cli(*mini.args, "budget", "list").out
    assert "#1" in text and "$7.50" in text


def test_status_used_percent_projection(cli, mini):
    mini.call(cost=0.40, tokens=4000)
    mini.call(cost=0.10, tokens=1000, model="claude-other")
    cli(*mini.args, "budget", "set", "daily", "1")
    cli(*mini.args, "budget", "set", "daily", "10k", "--tokens", "--model", "claude-other")
    res = cli(*mini.args, "budget", "status", "--tz", "UTC", "--json")
    assert res.code == 0, res
    b1, b2 = res.json()["data"]["budgets"]
    assert b1["used"] == pytest.approx(0.5) and b1["percent"] == pytest.approx(50.0)
    assert b2["used"] == 1000 and b2["percent"] == pytest.approx(10.0)
    text = cli(*mini.args, "budget", "status", "--tz", "UTC").out
    assert "budgets ·" in text and "50%" in text and "$0.50" in text


def test_no_budgets(cli, mini):
    res = cli(*mini.args, "budget")
    assert res.code == 0 and "no budgets set" in res.out


@pytest.mark.parametrize("corpus", ["real-2026.2.1", "real-2026.9.6"])
def test_sql_spend_equals_per_event_resolve_cost(cli, corpus_state, tmp_path, corpus):
    state = corpus_state(corpus)
    data = tmp_path / "data"
    assert cli("--state-dir", state, "--data-dir", data, "collect").code in (0, 5)
    prices = model_prices(load_config(state / "openclaw.json"), state)
    ledger = Ledger.open(data)
    try:
        events = list(ledger.iter_events())
        expected, unpriced = 0.0, 0
        for e in events:
            usd, basis = resolve_cost(e, prices)
            if usd is None:
                unpriced += 1
            else:
                expected += usd
        b = bmod.Budget(1, "monthly", "usd", 1.0)
        got, got_unpriced = bmod.spend(ledger.conn, b, start_ms=0, end_ms=2**62, prices=prices)
        assert got == pytest.approx(expected, abs=1e-9) and got_unpriced == unpriced
        tokens, _ = bmod.spend(ledger.conn, bmod.Budget(2, "daily", "tokens", 1.0, agent="main"), start_ms=0, end_ms=2**62, prices=prices)
        assert tokens == sum(e["total_tokens"] for e in events if e["agent"] == "main")
    finally:
        ledger.close()


def test_period_bounds_calendar_and_dst():
    berlin = ZoneInfo("Europe/Berlin")
    now = dt.datetime(2026, 3, 29, 12, 0, tzinfo=dt.timezone.utc)       # DST starts that night
    start, end, key = bmod.period_bounds("daily", now, berlin)
    assert key == "2026-03-29" and end.timestamp() - start.timestamp() == 23 * 3600
    start, end, key = bmod.period_bounds("weekly", now, berlin)
    assert start.date() == dt.date(2026, 3, 23) and start.weekday() == 0 and key == "2026-W13"
    start, end, key = bmod.period_bounds("monthly", dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.timezone.utc), berlin)
    assert key == "2027-01" and start.date() == dt.date(2027, 1, 1)


def test_projection():
    start = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)
    end = start + dt.timedelta(days=1)
    assert bmod.project(2.0, start=start, end=end, now=start + dt.timedelta(hours=6)) == pytest.approx(8.0)
    assert bmod.project(2.0, start=start, end=end, now=start + dt.timedelta(minutes=5)) is None


@pytest.mark.parametrize("text,unit,expected", [
    ("5", None, (5.0, "usd")), ("$5", None, (5.0, "usd")), ("5usd", None, (5.0, "usd")), ("2.5", "usd", (2.5, "usd")),
    ("200k", None, (200_000.0, "tokens")), ("1.5M", None, (1_500_000.0, "tokens")), ("300000", "tokens", (300_000.0, "tokens")),
    ("1,000", "tokens", (1000.0, "tokens")), ("2M tokens", None, (2_000_000.0, "tokens")),
])
def test_parse_amount(text, unit, expected):
    assert bmod.parse_amount(text, unit=unit) == expected


def test_budget_model_scope_accepts_provider_slash_model(cli, tmp_path):
    now_ms = int(dt.datetime.now(dt.timezone.utc).timestamp() * 1000)
    state = write_jsonl_state(tmp_path / "s", [{"ms": now_ms, "iso": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                                          "usage": {"cost": {"input": 0.5, "output": 0.5, "cacheRead": 0, "cacheWrite": 0, "total": 1.0}}}])
    args = ("--state-dir", state, "--data-dir", tmp_path / "d")
    for model in ("moonshot/kimi-k2.5", "kimi-k2.5", "Moonshot/Kimi-K2.5"):
        assert cli(*args, "budget", "set", "monthly", "2", "--model", model).code == 0
    status = cli(*args, "budget", "status", "--json").json()["data"]
    used = [b["used"] for b in status["budgets"]]
    assert used and all(u == pytest.approx(1.0) for u in used), status


@pytest.mark.parametrize("zone", ["Europe/Berlin", "America/Sao_Paulo", "Asia/Kolkata", "UTC"])
def test_budget_periods_are_the_report_periods(zone):
    """A budget's day, week and month are exactly the report's today, week and month."""
    from zoneinfo import ZoneInfo

    from token_monitor.report.periods import period_window

    tz = ZoneInfo(zone)
    for now in (dt.datetime(2026, 3, 29, 1, 30, tzinfo=dt.timezone.utc), dt.datetime(2026, 10, 25, 23, 59, tzinfo=dt.timezone.utc),
                dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.timezone.utc)):
        for period, kind in (("daily", "today"), ("weekly", "week"), ("monthly", "month")):
            start, end, _ = bmod.period_bounds(period, now, tz)
            w = period_window(kind, now=now, tz=tz)
            assert (start, end) == (w.start, w.end)
