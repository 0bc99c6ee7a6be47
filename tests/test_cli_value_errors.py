"""Option values a user can type: an impossible or empty value is exit 2 with one line naming
the option and the fix — never a traceback, never silently accepted or rounded. Hypothesis feeds every
value parser arbitrary text: each either returns a value or raises the one user error."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from token_monitor.errors import TokenMonitorError
from token_monitor.ops import budget
from token_monitor.report import build, periods, timeparse


@pytest.fixture
def state(corpus_state, tmp_path, cli):
    state = corpus_state("real-2026.2.1")
    assert cli("--state-dir", state, "--data-dir", tmp_path / "data", "collect").code == 0
    return state


@pytest.mark.parametrize("argv, names", [
    (["report", "--last", "99999999999999999999h"], "--last"),
    (["report", "--last", "0h"], "--last"),
    (["report", "--last", ""], "--last"),
    (["report", "--now", ""], "--now"),
    (["report", "--tz", ""], "--tz"),
    (["report", "--tz", "   "], "--tz"),
    (["report", "--by", ""], "--by"),
    (["report", "--by", ","], "--by"),
    (["report", "--since", ""], "--since"),
    (["report", "--since", "99999-01-01"], "--since"),
    (["budget", "set", "daily", "5.5", "--tokens"], "whole number of tokens"),
    (["budget", "set", "daily", "1e400"], "budget amount"),
    (["budget", "set", "daily", "99999999999999999999999"], "too large"),
    (["export", "--tz", ""], "--tz"),
    (["sessions", "--tz", ""], "--tz"),
])
def test_impossible_values_are_one_line_exit_2(cli, state, tmp_path, argv, names):
    res = cli("--state-dir", state, "--data-dir", tmp_path / "data", *argv)
    assert res.code == 2 and res.out == "" and "Traceback" not in res.err, res
    [line] = res.err.strip().splitlines()
    assert names in line and " — " in line or "(see:" in line, line
    env = cli("--state-dir", state, "--data-dir", tmp_path / "data", *argv, "--json")
    assert env.code == 2 and env.json()["status"] == "error"


def test_a_fractional_token_budget_is_refused_not_rounded(cli, state, tmp_path):
    data = tmp_path / "data"
    assert cli("--state-dir", state, "--data-dir", data, "budget", "set", "daily", "5.5", "--tokens").code == 2
    assert cli("--state-dir", state, "--data-dir", data, "budget", "set", "daily", "1.5k", "--tokens").code == 0
    [b] = cli("--state-dir", state, "--data-dir", data, "budget", "list", "--json").json()["data"]["budgets"]
    assert b["limit"] == 1500 and b["unit"] == "tokens"


NOW = dt.datetime(2026, 11, 20, 12, tzinfo=dt.timezone.utc)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TEXT = st.one_of(st.text(max_size=40), st.from_regex(r"-?[0-9]{1,30}(\.[0-9]{0,20})?[a-zA-Z$ ]{0,8}", fullmatch=True))


def _only_user_errors(fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except TokenMonitorError as exc:
        assert exc.one_line() and "\n" not in exc.one_line()
        return None


@FUZZ
@given(TEXT)
def test_fuzz_duration_parser(text):
    span = _only_user_errors(periods.parse_duration, text)
    if span is not None:
        assert span > dt.timedelta(0)
        periods.resolve_window(None, last=text, since=None, until=None, now=NOW, tz=dt.timezone.utc, week_start=0)


@FUZZ
@given(TEXT, st.sampled_from([None, "usd", "tokens"]))
def test_fuzz_budget_amount_parser(text, unit):
    got = _only_user_errors(budget.parse_amount, text, unit=unit)
    if got is not None:
        amount, final = got
        assert 0 < amount <= budget.MAX_BUDGET and final in ("usd", "tokens")
        if final == "tokens":
            assert amount == int(amount)


@FUZZ
@given(TEXT)
def test_fuzz_by_and_zone_and_point_parsers(text):
    _only_user_errors(build.parse_by, text)
    _only_user_errors(timeparse.zone, text)
    _only_user_errors(timeparse.parse_point, text, tz=dt.timezone.utc, option="--since", now=NOW)
