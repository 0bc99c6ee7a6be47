"""Report windows in the user's time zone: today, yesterday, week, month, --last, --since/--until.

Pure: `now` and the zone are parameters. A window is a half-open instant range [start, end)
whose edges are local midnights (or the user's exact instants), so a DST day is 23 or 25 hours
long. `offset_segments` lists where the zone's UTC offset changes inside a range, which lets
the aggregator bucket by local day and hour in SQL without a per-row zone lookup.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re

from dateutil.relativedelta import relativedelta

from ..errors import UsageError

UTC = dt.timezone.utc
PERIODS = ("today", "yesterday", "week", "month", "last-week", "last-month")
# What people write for a period (report 上周, report "last week"), each mapped to one of PERIODS.
PERIOD_ALIASES = {"today": "today", "今天": "today", "今日": "today", "yesterday": "yesterday", "昨天": "yesterday",
                  "昨日": "yesterday", "week": "week", "this-week": "week", "本周": "week", "这周": "week",
                  "month": "month", "this-month": "month", "本月": "month", "这个月": "month",
                  "last-week": "last-week", "lastweek": "last-week", "上周": "last-week", "上星期": "last-week",
                  "last-month": "last-month", "lastmonth": "last-month", "上个月": "last-month", "上月": "last-month"}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DURATION_RE = re.compile(r"^\s*(\d+)\s*(m|min|mins|minutes?|h|hrs?|hours?|d|days?|w|weeks?|分钟|个?小时|天|周|个?星期)\s*$", re.I)
DURATION_FORMS = "accepted: 30m, 24h, 7d, 2w, 3小时, 7天 (a number and a unit: m, h, d or w)"
DURATION_UNITS = {"分": "m", "小": "h", "个": "h", "天": "d", "周": "w", "星": "w"}


@dataclasses.dataclass(frozen=True)
class Window:
    """[start, end) in `tz`; `kind` names how it was chosen, `title` is what a person reads."""

    start: dt.datetime
    end: dt.datetime
    kind: str                  # today | yesterday | week | month | last | range | all
    title: str                 # "Today", "This week", "Last 7d", ...
    span: dt.timedelta | None = None   # for `last`: the duration asked for

    @property
    def start_ms(self) -> int:
        return to_ms(self.start)

    @property
    def end_ms(self) -> int:
        return to_ms(self.end)

    @property
    def multi_day(self) -> bool:
        return (self.end - self.start) > dt.timedelta(hours=25)


OPEN_START = dt.datetime(1970, 1, 1, tzinfo=UTC)      # the start of a range given only --until
PREVIOUS_MAX = dt.timedelta(days=366)


def is_open_start(w: "Window") -> bool:
    """A range given only --until: it has no real start (the one rule for the header, the previous
    period and where the daily series begins)."""
    return w.kind == "range" and w.start <= OPEN_START + dt.timedelta(days=1)


def to_ms(t: dt.datetime) -> int:
    return int(t.timestamp() * 1000)


def from_ms(ms: int, tz: dt.tzinfo) -> dt.datetime:
    return dt.datetime.fromtimestamp(ms / 1000, UTC).astimezone(tz)


def local_midnight(day: dt.date, tz: dt.tzinfo) -> dt.datetime:
    """The first instant of a local calendar day (normalised through UTC for zones that skip midnight)."""
    return dt.datetime.combine(day, dt.time(0), tzinfo=tz).astimezone(UTC).astimezone(tz)


def period_start(unit: str, offset: int, *, now: dt.datetime, tz: dt.tzinfo, week_start: int = 0) -> dt.datetime:
    """The first instant of the week/month/year `offset` periods from the one containing `now`."""
    today = now.astimezone(tz).date()
    if unit == "week":
        first = today - dt.timedelta(days=(today.weekday() - week_start) % 7) + dt.timedelta(weeks=offset)
    elif unit == "month":
        first = today.replace(day=1) + relativedelta(months=offset)
    elif unit == "year":
        first = today.replace(month=1, day=1) + relativedelta(years=offset)
    else:
        raise ValueError(unit)
    return local_midnight(first, tz)


def period_named(text: str | None) -> str | None:
    """One of PERIODS for what the user wrote ("last week", "上周", "Last-Month"); UsageError with a
    suggestion for anything else."""
    if text is None:
        return None
    key = "-".join(text.strip().lower().split())
    if key in PERIOD_ALIASES:
        return PERIOD_ALIASES[key]
    close = difflib.get_close_matches(key, list(PERIOD_ALIASES), n=1, cutoff=0.6)
    hint = (f"did you mean {close[0]!r}? " if close else "") + "periods: " + ", ".join(PERIODS) + \
        " (or --last 3h, --since 'last month')"
    raise UsageError(f"unknown period {text!r}", hint=hint)


# A projection from the first minutes or hours of a period multiplies noise (15 minutes of a week x 672):
# budgets and reports project only once this share of the period has passed.
MIN_PROJECTION_SHARE = 0.10


def projection_factor(start: dt.datetime, end: dt.datetime, now: dt.datetime) -> float | None:
    """How many times the usage so far the whole period [start, end) is on pace for; None before
    MIN_PROJECTION_SHARE of it has passed (or when `now` is outside it)."""
    # Timestamps, not aware-datetime subtraction: the latter ignores DST within one zone.
    total = end.timestamp() - start.timestamp()
    elapsed = now.timestamp() - start.timestamp()
    if total <= 0 or elapsed <= 0 or elapsed < MIN_PROJECTION_SHARE * total:
        return None
    return total / min(elapsed, total)


def week_start_index(name: str) -> int:
    try:
        return WEEKDAYS.index(name.lower())
    except ValueError:
        raise UsageError(f"--week-start: unknown day {name!r}", hint="use monday … sunday") from None


def parse_duration(text: str, *, option: str = "--last") -> dt.timedelta:
    """'30m', '24h', '7d', '2w' (and spelled-out units) as a positive duration."""
    m = DURATION_RE.match(text or "")
    if not m or int(m.group(1)) <= 0:
        raise UsageError(f"{option}: cannot read {text!r}", hint=DURATION_FORMS)
    n, unit = int(m.group(1)), m.group(2)[0].lower()
    unit = DURATION_UNITS.get(unit, unit) if m.group(2) not in ("个星期",) else "w"
    return {"m": dt.timedelta(minutes=n), "h": dt.timedelta(hours=n), "d": dt.timedelta(days=n), "w": dt.timedelta(weeks=n)}[unit]


def period_window(kind: str, *, now: dt.datetime, tz: dt.tzinfo, week_start: int = 0) -> Window:
    """The calendar period of `kind` that contains `now` (yesterday: the day before)."""
    today = now.astimezone(tz).date()
    if kind == "today":
        return Window(local_midnight(today, tz), local_midnight(today + dt.timedelta(days=1), tz), "today", "Today")
    if kind == "yesterday":
        day = today - dt.timedelta(days=1)
        return Window(local_midnight(day, tz), local_midnight(today, tz), "yesterday", "Yesterday")
    if kind == "day":
        return Window(local_midnight(today, tz), local_midnight(today + dt.timedelta(days=1), tz), "day", "Day")
    if kind == "week":
        first = today - dt.timedelta(days=(today.weekday() - week_start) % 7)
        return Window(local_midnight(first, tz), local_midnight(first + dt.timedelta(days=7), tz), "week", "This week")
    if kind == "month":
        first = today.replace(day=1)
        nxt = (first + dt.timedelta(days=32)).replace(day=1)
        return Window(local_midnight(first, tz), local_midnight(nxt, tz), "month", "This month")
    if kind == "last-week":
        return Window(period_start("week", -1, now=now, tz=tz, week_start=week_start),
                      period_start("week", 0, now=now, tz=tz, week_start=week_start), "last-week", "Last week")
    if kind == "last-month":
        return Window(period_start("month", -1, now=now, tz=tz), period_start("month", 0, now=now, tz=tz),
                      "last-month", "Last month")
    raise UsageError(f"unknown period {kind!r}", hint="use " + ", ".join(PERIODS))


def resolve_window(period: str | None, *, last: str | None, since: dt.datetime | None, until: dt.datetime | None,
                   now: dt.datetime, tz: dt.tzinfo, week_start: int = 0) -> Window:
    """The window a report covers. --last and --since/--until win over a named period."""
    if last and (since or until):
        raise UsageError("--last cannot be combined with --since/--until", hint="use one or the other")
    if last:
        span = parse_duration(last)
        end = now.astimezone(tz)
        return Window(end - span, end, "last", f"Last {last.strip()}", span)
    if since or until:
        start = (since or OPEN_START).astimezone(tz)
        end = (until or now).astimezone(tz)
        if end <= start:
            raise UsageError("--until must be after --since", hint="the window is [since, until)")
        return Window(start, end, "range", "Range")
    return period_window(period or "today", now=now, tz=tz, week_start=week_start)


def previous_window(w: Window, *, tz: dt.tzinfo, week_start: int = 0) -> Window | None:
    """The equal period just before `w` (calendar-aware: the month before, the day before)."""
    if w.kind in ("today", "yesterday", "day"):
        day = w.start.date() - dt.timedelta(days=1)
        return Window(local_midnight(day, tz), w.start, "day", "yesterday" if w.kind == "today" else "the day before")
    if w.kind in ("week", "last-week"):
        first = w.start.date() - dt.timedelta(days=7)
        return Window(local_midnight(first, tz), w.start, "week", "last week" if w.kind == "week" else "the week before")
    if w.kind in ("month", "last-month"):
        first = (w.start.date() - dt.timedelta(days=1)).replace(day=1)
        return Window(local_midnight(first, tz), w.start, "month", "last month" if w.kind == "month" else "the month before")
    if w.kind in ("last", "range"):
        length = w.end - w.start
        # "vs previous 3653d" compares with a decade before the ledger began: not a comparison anyone
        # asked for. Open-ended ranges (no --since) have no previous period at all.
        if length > PREVIOUS_MAX or is_open_start(w):
            return None
        return Window((w.start - length).astimezone(tz), w.start, w.kind, "previous " + _short_span(length))
    return None


def containing_window(w: Window, instant: dt.datetime, *, tz: dt.tzinfo, week_start: int = 0) -> Window:
    """A window like `w` but around `instant` (for "last usage was …")."""
    if w.kind in ("today", "yesterday", "day"):
        return period_window("day", now=instant, tz=tz, week_start=week_start)
    if w.kind in ("week", "month", "last-week", "last-month"):
        unit = w.kind.removeprefix("last-")
        win = period_window(unit, now=instant, tz=tz, week_start=week_start)
        return dataclasses.replace(win, title="Week" if unit == "week" else "Month")
    return period_window("day", now=instant, tz=tz, week_start=week_start)


def local_days(start: dt.datetime, end: dt.datetime, tz: dt.tzinfo) -> list[dt.date]:
    """Every local calendar date that overlaps [start, end)."""
    first = start.astimezone(tz).date()
    last = (end - dt.timedelta(microseconds=1)).astimezone(tz).date()
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def _offset_ms(ms: int, tz: dt.tzinfo) -> int:
    off = from_ms(ms, tz).utcoffset() or dt.timedelta(0)
    return int(off.total_seconds() * 1000)


def offset_segments(start_ms: int, end_ms: int, tz: dt.tzinfo) -> list[tuple[int, int]]:
    """[(from_ms, utc_offset_ms)] covering [start_ms, end_ms): one entry per offset change.

    Zones change offset at most a few times a year, so sampling every 6 hours and bisecting
    to the second finds every transition exactly.
    """
    step = 6 * 3600 * 1000
    segs = [(start_ms, _offset_ms(start_ms, tz))]
    t = start_ms
    while t < end_ms:
        nxt = min(t + step, end_ms)
        if _offset_ms(nxt, tz) != _offset_ms(t, tz):
            lo, hi = t // 1000, -(-nxt // 1000)    # seconds; offset(lo) is old, offset(hi) new
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if _offset_ms(mid * 1000, tz) == _offset_ms(t, tz):
                    lo = mid
                else:
                    hi = mid
            hi *= 1000
            if hi < end_ms:
                segs.append((hi, _offset_ms(hi, tz)))
        t = nxt
    return segs


def _short_span(length: dt.timedelta) -> str:
    """'7d', '24h', '90m', or for an odd range its two largest units ('2d 23h', '5h 20m')."""
    secs = int(length.total_seconds())
    if secs % 86400 == 0:
        return f"{secs // 86400}d"
    if secs % 3600 == 0 and secs < 3 * 86400:
        return f"{secs // 3600}h"
    if secs < 3 * 3600 and secs % 60 == 0:
        return f"{secs // 60}m"
    d, rest = divmod(secs, 86400)
    h, rest = divmod(rest, 3600)
    m = rest // 60
    parts = [f"{v}{u}" for v, u in ((d, "d"), (h, "h"), (m, "m")) if v]
    return " ".join(parts[:2]) or "0m"
