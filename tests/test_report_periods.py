"""Report windows: calendar periods in a zone, previous equal period, offset segments, durations."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from token_monitor.errors import UsageError
from token_monitor.report.periods import (
    UTC,
    local_days,
    offset_segments,
    parse_duration,
    period_window,
    previous_window,
    resolve_window,
    to_ms,
    week_start_index,
)
from token_monitor.report.timeparse import parse_point

BERLIN, SHANGHAI = ZoneInfo("Europe/Berlin"), ZoneInfo("Asia/Shanghai")


def test_today_is_the_local_day():
    now = dt.datetime(2026, 3, 30, 23, 30, tzinfo=UTC)          # already 31 Mar in Shanghai
    w = period_window("today", now=now, tz=SHANGHAI)
    assert w.start.isoformat() == "2026-03-31T00:00:00+08:00" and (w.end - w.start) == dt.timedelta(days=1)


@pytest.mark.parametrize("day,hours", [(dt.date(2026, 3, 29), 23), (dt.date(2026, 10, 25), 25), (dt.date(2026, 7, 1), 24)])
def test_dst_days_are_23_or_25_hours(day, hours):
    now = dt.datetime.combine(day, dt.time(12), tzinfo=BERLIN)
    w = period_window("today", now=now, tz=BERLIN)
    assert (w.end_ms - w.start_ms) == hours * 3600_000


def test_week_start_and_previous_periods():
    now = dt.datetime(2026, 11, 28, 12, tzinfo=UTC)             # a Saturday
    mon = period_window("week", now=now, tz=UTC)
    sun = period_window("week", now=now, tz=UTC, week_start=week_start_index("sunday"))
    assert mon.start.date() == dt.date(2026, 11, 23) and sun.start.date() == dt.date(2026, 11, 22)
    assert previous_window(mon, tz=UTC).start.date() == dt.date(2026, 11, 16)
    month = period_window("month", now=dt.datetime(2026, 3, 15, tzinfo=UTC), tz=UTC)
    prev = previous_window(month, tz=UTC)
    assert (prev.start.date(), prev.end.date()) == (dt.date(2026, 2, 1), dt.date(2026, 3, 1))
    last = resolve_window(None, last="24h", since=None, until=None, now=now, tz=UTC)
    assert previous_window(last, tz=UTC).end == last.start
    with pytest.raises(UsageError):
        week_start_index("caturday")


def test_offset_segments_find_transitions_exactly():
    start, end = to_ms(dt.datetime(2026, 1, 1, tzinfo=UTC)), to_ms(dt.datetime(2027, 1, 1, tzinfo=UTC))
    segs = offset_segments(start, end, BERLIN)
    assert [(dt.datetime.fromtimestamp(a / 1000, UTC).isoformat(), off // 3600_000) for a, off in segs] == [
        ("2026-01-01T00:00:00+00:00", 1), ("2026-03-29T01:00:00+00:00", 2), ("2026-10-25T01:00:00+00:00", 1)]
    assert offset_segments(start, end, SHANGHAI) == [(start, 8 * 3600_000)]


def test_local_days_and_durations():
    s = dt.datetime(2026, 3, 30, tzinfo=BERLIN)
    assert local_days(s, s + dt.timedelta(days=2), BERLIN) == [dt.date(2026, 3, 30), dt.date(2026, 3, 31)]
    assert parse_duration("7d") == dt.timedelta(days=7) and parse_duration("90m") == dt.timedelta(minutes=90)
    for bad in ("", "7", "0d", "7x", "-1h"):
        with pytest.raises(UsageError):
            parse_duration(bad)
    with pytest.raises(UsageError):
        resolve_window(None, last=None, since=s, until=s, now=s, tz=BERLIN)


@pytest.mark.parametrize("text,expected", [
    ("Nov 26", dt.datetime(2026, 11, 26)), ("monday", dt.datetime(2026, 11, 23)), ("Dec 5", dt.datetime(2025, 12, 5)),
    ("yesterday", dt.datetime(2026, 11, 27)), ("today", dt.datetime(2026, 11, 28)), ("2026-11-01", dt.datetime(2026, 11, 1)),
])
def test_natural_dates_without_year_mean_the_most_recent_one(text, expected):
    now = dt.datetime(2026, 11, 28, 15, 0, tzinfo=dt.timezone.utc)     # a Saturday
    got = parse_point(text, tz=dt.timezone.utc, option="--since", now=now)
    assert got == expected.replace(tzinfo=dt.timezone.utc)
