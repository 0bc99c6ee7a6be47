"""report over long and open-ended ranges: a previous period only when it means something, a header
that does not claim 1970, and a sparkline that covers the whole range it draws (no cut-off start)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def dirs(tmp_path_factory):
    from conftest import copy_state, run_cli

    root = tmp_path_factory.mktemp("ranges")
    state = copy_state("real-2026.9.6", root / "state")
    res = run_cli("--state-dir", state, "--data-dir", root / "data", "collect")
    assert res.code in (0, 5), res
    return state, root / "data"


def report(cli, dirs, *args):
    state, data = dirs
    res = cli("--state-dir", state, "--data-dir", data, "report", "--no-collect", "--now", "2026-12-07T12:00Z", *args)
    assert res.code == 0, res
    return res.out.splitlines()


@pytest.mark.parametrize("args", [["--since", "2016-12-07"], ["--last", "3653d"], ["--until", "2026-12-31"]])
def test_a_decade_or_an_open_start_has_no_previous_period(cli, dirs, args):
    out = report(cli, dirs, *args)
    assert not any(line.startswith("vs ") for line in out), out


def test_a_month_long_range_still_compares_with_the_previous_one(cli, dirs):
    out = report(cli, dirs, "--last", "30d")
    assert "vs previous 30d: no usage then" in out


def test_an_open_start_is_named_until_and_its_sparkline_starts_at_the_first_usage(cli, dirs):
    out = report(cli, dirs, "--until", "2026-12-31")
    assert out[0].startswith("Range · until 30 Dec 2026 ·") and "1970" not in "\n".join(out)
    (spark,) = [line for line in out if line.startswith(("daily ", "weekly ", "monthly ", "yearly "))]
    assert spark.startswith("daily ") and "26 Nov–7 Dec" in spark


def test_more_years_than_bars_groups_years_instead_of_cutting_the_start(cli, dirs):
    out = report(cli, dirs, "--since", "1980-01-01")
    (spark,) = [line for line in out if "yearly " in line]
    assert spark.startswith("2-yearly ") and "Jan 1980–Dec 2026" in spark
    bars = spark.split(" ")[1]
    assert len(bars) == 24          # 1980..2026 = 47 years in 24 two-year bars, the last one full of usage
