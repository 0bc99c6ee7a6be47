"""Report windows in the user's time zone: today, yesterday, week, month, --last, --since/--until.

Pure: `now` and the zone are parameters. A window is a half-open instant range [start, end)
whose edges are local midnights (or the user's exact instants), so a DST day is 23 or 25 hours
long. `offset_segments` lists where the zone's UTC offset changes inside a range, which lets
the aggregator bucket by local day and hour in SQL without a per-row zone lookup.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from ..errors import UsageError

UTC = dt.timezone.utc
PERIODS = ("today", "yesterday", "week", "month")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DURATION_RE = re.compile(r"^\s*(\d+)\s*(m|min|mins|minutes?|h|hours?|d|days?|w|weeks?)\s*$", re.I)
DURATION_FORMS = "accepted: 30m, 24h, 7d, 2w (a number and a unit: m, h, d or w)"


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


def to_ms(t: dt.datetime) -> int:
    return int(t.timestamp() * 1000)


def from_ms(ms: int, tz: dt.tzinfo) -> dt.datetime:
    return dt.datetime.fromtimestamp(ms / 1000, UTC).astimezone(tz)


def local_midnight(day: dt.date, tz: dt.tzinfo) -> dt.datetime:
    """The first instant of a local calendar day (normalised through UTC for zones that skip midnight)."""
    return dt.datetime.combine(day, dt.time(0), tzinfo=tz).astimezone(UTC).astimezone(tz)


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
    raise UsageError(f"unknown period {kind!r}", hint="use today, yesterday, week or month")


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
        start = (since or dt.datetime(1970, 1, 1, tzinfo=UTC)).astimezone(tz)
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
    if w.kind == "week":
        first = w.start.date() - dt.timedelta(days=7)
        return Window(local_midnight(first, tz), w.start, "week", "last week")
    if w.kind == "month":
        first = (w.start.date() - dt.timedelta(days=1)).replace(day=1)
        return Window(local_midnight(first, tz), w.start, "month", "last month")
    if w.kind in ("last", "range"):
        length = w.end - w.start
        if length > dt.timedelta(days=3660):
            return None
        return Window((w.start - length).astimezone(tz), w.start, w.kind, "previous " + _short_span(length))
    return None


def containing_window(w: Window, instant: dt.datetime, *, tz: dt.tzinfo, week_start: int = 0) -> Window:
    """A window like `w` but around `instant` (for "last usage was …")."""
    if w.kind in ("today", "yesterday", "day"):
        return period_window("day", now=instant, tz=tz, week_start=week_start)
    if w.kind in ("week", "month"):
        win = period_window(w.kind, now=instant, tz=tz, week_start=week_start)
        return dataclasses.replace(win, title="Week" if w.kind == "week" else "Month")
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
