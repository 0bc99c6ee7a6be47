"""Costs in the user's currency at a rate they stored (`settings`), labelled with the rate and its date;
budgets kept in that currency. No network: an unknown rate is a one-line error with the command to set it."""

from __future__ import annotations

import json
import stat

import pytest

NOW = ["--now", "2026-11-29T12:00", "--tz", "UTC"]


@pytest.fixture
def corpus(cli, corpus_state, tmp_path):
    state, data = corpus_state("real-2026.9.6"), tmp_path / "data"
    base = ["--state-dir", state, "--data-dir", data]
    assert cli(*base, "collect").code == 0
    return base, data


def test_rate_is_stored_privately_with_its_date_and_shown(cli, corpus):
    base, data = corpus
    res = cli(*base, "settings", "set", "currency.cny", "7.12")
    assert res.code == 0 and res.out.startswith("currency.CNY = 7.12 CNY per USD (set ")
    path = data / "settings.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    saved = json.loads(path.read_text())
    assert saved["currency"]["CNY"]["perUsd"] == 7.12 and len(saved["currency"]["CNY"]["date"]) == 10
    shown = cli(*base, "settings", "--json").json()["data"]["settings"]
    assert shown["currency"]["CNY"]["perUsd"] == 7.12
    assert cli(*base, "settings", "unset", "currency.CNY").code == 0
    assert "CNY" not in json.loads(path.read_text())["currency"]


@pytest.mark.parametrize("argv,needle", [(["set", "currency.CNY", "-1"], "positive number"),
                                         (["set", "currency.CNY", "abc"], "positive number"),
                                         (["set", "currency.USD", "2"], "base currency"),
                                         (["set", "colour", "blue"], "unknown setting"),
                                         (["set", "currency.CNY"], "needs a key and a value"),
                                         (["unset", "currency.EUR"], "is not set")])
def test_bad_settings_get_one_line_and_change_nothing(cli, corpus, argv, needle):
    base, data = corpus
    res = cli(*base, "settings", *argv)
    assert res.code == 2 and needle in res.err and len(res.err.strip().splitlines()) == 1
    assert not (data / "settings.json").exists()


def test_report_in_another_currency_converts_every_cost_and_names_the_rate(cli, corpus):
    base, _ = corpus
    usd = cli(*base, "report", "week", *NOW, "--json").json()["data"]
    assert cli(*base, "report", "week", *NOW, "--currency", "CNY").code == 2      # no rate yet
    cli(*base, "settings", "set", "currency.CNY", "7")
    text = cli(*base, "report", "week", *NOW, "--currency", "CNY").out
    assert "$" not in text and "¥" in text
    assert "costs in CNY at 7/USD, set " in text
    js = cli(*base, "report", "week", *NOW, "--currency", "CNY", "--json").json()["data"]
    assert js["totals"]["cost"] == usd["totals"]["cost"]             # JSON stays USD …
    assert js["currency"]["code"] == "CNY" and js["currency"]["perUsd"] == 7.0   # … and says the rate
    headline = text.splitlines()[1]
    assert headline.split(" · ")[1] == "¥0.23"                       # 7 × $0.033


def test_unknown_rate_is_one_line_with_the_settings_command(cli, corpus):
    base, _ = corpus
    res = cli(*base, "report", "--currency", "EUR")
    assert res.code == 2
    assert "token-monitor settings set currency.EUR RATE" in res.err and "never fetches" in res.err


def test_budget_in_a_currency_is_converted_at_the_stored_rate(cli, corpus):
    import datetime as dt

    from token_monitor.ledger.store import Ledger
    from token_monitor.ops.alerts import budget_statuses
    from token_monitor.ops.budget import Budget, alert_sentence

    base, data = corpus
    assert cli(*base, "budget", "set", "daily", "1", "--currency", "CNY").code == 2     # no rate: refused
    cli(*base, "settings", "set", "currency.CNY", "10")
    res = cli(*base, "budget", "set", "daily", "0.1", "--currency", "CNY")
    assert res.code == 0 and "¥0.10 daily" in res.out
    assert cli(*base, "budget", "list", "--json").json()["data"]["budgets"][0]["unit"] == "cny"
    day = cli(*base, "report", "--now", "2026-11-28T23:00", "--tz", "UTC", "--json").json()["data"]["totals"]["cost"]
    ledger = Ledger.open(data, create=False)
    try:
        b = Budget(1, "daily", "cny", 0.1, None, None, None)
        now = dt.datetime(2026, 11, 28, 23, tzinfo=dt.timezone.utc)
        [st] = budget_statuses(ledger.conn, [b], now=now, tz=dt.timezone.utc, prices={}, rates={"CNY": 10.0})
        assert budget_statuses(ledger.conn, [b], now=now, tz=dt.timezone.utc, prices={}, rates={}) == []
    finally:
        ledger.close()
    assert st.used == pytest.approx(day * 10)
    assert "¥" in alert_sentence(st, "UTC") and "$" not in alert_sentence(st, "UTC")
