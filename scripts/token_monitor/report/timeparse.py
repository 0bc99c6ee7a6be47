"""Read user-given points in time (`--since`, `--until`, `--now`) and time zones (`--tz`).

A point is read by a small closed grammar, in English and Chinese, never by guessing:

  ISO              2026-11-01, 2026-11-01T08:00, 2026-11-01 08:00+01:00, 2026-11-01T00:00Z, 2026-11, 2026/11/01
  days             now, today, yesterday, tomorrow · 现在 今天 昨天 前天 明天 (+ a time: "yesterday 18:00")
  weekdays         monday, mon, 周一, 星期一 — the latest one on or before today; 上周一 — Monday of last week
  period starts    this week, last week, this month, last month, this year, last year · 本周 上周 本月 上个月 今年 去年
  relative         3 days ago, 2 hours ago, 1 week ago, 2 months ago · 3天前 2小时前 1周前 2个月前
  months           Nov, November, 11月 — 1 Nov of the latest November not after now; Nov 2026, 2026年11月
  month + day      Nov 1, 1 Nov, November 1st 2026, 11月1日, 2026年11月1日 (+ a time: "Nov 1 8am")

A date alone is the start of that day in the report's zone; a form without a year is the latest such
date not after now. Anything else — a slash date whose day/month order is unclear ("11/12"), "last
monday" (last week's, or the latest?), a bare number, a typo — is a UsageError (exit 2) naming what to
write instead. python-dateutil's parser is deliberately not used for points: it fills every field it
did not find from a default date, which is how "--since Nov" once became 28 Nov.

Zones: IANA names in any letter case, UTC/GMT/Z, and fixed offsets (UTC+8, GMT-5, +08:00, +0530).
`resolve_zone` is the one precedence every command uses: --tz, OpenClaw's userTimezone, the host's.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import os
import re
from pathlib import Path
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

from ..errors import UsageError
from .periods import local_midnight, period_start

ACCEPTED_FORMS = ("accepted: 2026-11-01, 2026-11-01T08:00, today, yesterday, monday, 'last week', 'last month', "
                  "'3 days ago', Nov, 'Nov 1', 上周, 上个月, 3天前")

MONTHS = {name: i + 1 for i, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
    ("december", "dec"))) for name in names}
WEEKDAYS = {name: i for i, names in enumerate((
    ("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"), ("thursday", "thu", "thur", "thurs"),
    ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun"))) for name in names}
ZH_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
DAY_WORDS = {"now": None, "现在": None, "today": 0, "今天": 0, "今日": 0, "yesterday": -1, "昨天": -1, "昨日": -1,
             "前天": -2, "tomorrow": 1, "明天": 1}
PERIOD_STARTS = {
    "this week": ("week", 0), "本周": ("week", 0), "这周": ("week", 0), "这星期": ("week", 0), "这个星期": ("week", 0),
    "last week": ("week", -1), "上周": ("week", -1), "上星期": ("week", -1), "上个星期": ("week", -1), "上礼拜": ("week", -1),
    "this month": ("month", 0), "本月": ("month", 0), "这个月": ("month", 0), "这月": ("month", 0),
    "last month": ("month", -1), "上个月": ("month", -1), "上月": ("month", -1),
    "this year": ("year", 0), "今年": ("year", 0), "last year": ("year", -1), "去年": ("year", -1),
}
UNITS = {"minute": "minutes", "minutes": "minutes", "min": "minutes", "mins": "minutes", "m": "minutes",
         "分钟": "minutes", "hour": "hours", "hours": "hours", "hr": "hours", "hrs": "hours", "h": "hours",
         "小时": "hours", "个小时": "hours", "day": "days", "days": "days", "d": "days", "天": "days", "日": "days",
         "week": "weeks", "weeks": "weeks", "w": "weeks", "周": "weeks", "星期": "weeks", "个星期": "weeks",
         "month": "months", "months": "months", "个月": "months"}

TIME_RE = r"(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s*(?P<ampm>am|pm)?"
# a form followed by a time of day: "yesterday 18:00", "Nov 1 at 8am"
_TIME = re.compile(rf"^(?P<rest>.*?)(?:(?:^|\s+)(?:at\s+)?{TIME_RE})$")
# 2026-11
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
# 2026/11/01, 2026.11.01
_YMD_SLASH = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
# 11/12, 1.2.26: rejected, day/month order unclear
_AMBIG_SLASH = re.compile(r"^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$")
# 3 days ago, an hour ago
_AGO = re.compile(r"^(?P<n>\d+|an?|one)\s*(?P<unit>[a-z]+)\s+ago$")
# 3天前, 2个小时之前
_ZH_AGO = re.compile(r"^(?P<n>\d+)\s*(?P<unit>分钟|个小时|小时|天|日|个星期|星期|周|个月)(?:之)?前$")
# 周一, 星期天, 上周一 (Monday of last week)
_ZH_WEEKDAY = re.compile(r"^(?P<last>上)?(?:周|星期|礼拜)(?P<d>[一二三四五六日天])$")
# 11月, 11月1日, 2026年11月1号
_ZH_DATE = re.compile(r"^(?:(?P<y>\d{4})\s*年\s*)?(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*[日号])?$")
# A month name with an optional day and year, in each order English writes them; one reader for all
_EN_MONTH_FORMS = tuple(re.compile(form) for form in (
    r"^(?P<mon>[a-z]+)\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{4}))?$",          # Nov 1, November 1st 2026
    r"^(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>[a-z]+)\.?(?:,?\s+(?P<y>\d{4}))?$",  # 1 Nov, 1st of November
    r"^(?P<mon>[a-z]+)\.?(?:,?\s+(?P<y>\d{4}))?$",                                          # Nov, November 2026
    r"^(?P<y>\d{4})\s+(?P<mon>[a-z]+)$",                                                     # 2026 Nov
))


class _Unread(Exception):
    """Not a form of the grammar (the caller turns it into a UsageError with a suggestion)."""

    def __init__(self, hint: str | None = None):
        super().__init__(hint)
        self.hint = hint


def parse_point(value: str, *, tz: dt.tzinfo, option: str, now: dt.datetime | None = None,
                week_start: int = 0) -> dt.datetime:
    """An aware datetime in `tz` for `value`, relative to `now` (see the module doc for the forms)."""
    text = " ".join((value or "").split())
    if not text:
        raise UsageError(f"{option}: empty value", hint=ACCEPTED_FORMS)
    current = (now or dt.datetime.now(dt.timezone.utc)).astimezone(tz)
    try:
        return _read(text, tz=tz, now=current, week_start=week_start)
    except _Unread as exc:
        hint = exc.hint or _suggest(text)
        raise UsageError(f"{option}: cannot read {value!r}", hint=f"{hint}; {ACCEPTED_FORMS}" if hint else ACCEPTED_FORMS) from None


def _read(text: str, *, tz: dt.tzinfo, now: dt.datetime, week_start: int) -> dt.datetime:
    low = text.lower().strip().rstrip(".")
    iso = _iso(text, tz)
    if iso is not None:
        return iso
    whole = _day_form(low, tz=tz, now=now, week_start=week_start)
    if whole is not None:
        return whole
    period = PERIOD_STARTS.get(low) or PERIOD_STARTS.get(low.replace(" ", ""))
    if period:
        return period_start(period[0], period[1], now=now, tz=tz, week_start=week_start)
    rel = _relative(low, now=now, tz=tz)
    if rel is not None:
        return rel
    m = _TIME.match(low)
    if m and not (m.group("minute") or m.group("ampm")):
        m = None                                           # "Nov 1 8": a bare number is not a time
    if m and m.group("rest").strip():                      # a day form followed by a time of day
        day = _day_form(m.group("rest").strip(), tz=tz, now=now, week_start=week_start, allow_now=False)
        if day is not None:
            return _at(day, _time_of_day(m), tz)
    if m:                                                  # "08:00", "8pm": today
        return _at(local_midnight(now.date(), tz), _time_of_day(m), tz)
    amb = _AMBIG_SLASH.match(low)
    if amb:
        raise _Unread(_slash_hint(amb, now))
    if re.match(r"^last\s+(" + "|".join(WEEKDAYS) + r")$", low):
        wd = WEEKDAYS[low.split()[1]]
        latest = _latest_weekday(now, wd, tz)
        prev_week = period_start("week", -1, now=now, tz=tz, week_start=week_start).date()
        in_last = prev_week + dt.timedelta(days=(wd - week_start) % 7)
        raise _Unread(f"'{text}' is ambiguous: write '{low.split()[1]}' for {latest.date().isoformat()} "
                      f"or the date {in_last.isoformat()} for last week's")
    m = re.match(r"^(\d+)\s*([a-z\u4e00-\u9fff]+)$", low)
    if m and m.group(2) in UNITS:
        letter = {"minutes": "m", "hours": "h", "days": "d", "weeks": "w", "months": "d"}[UNITS[m.group(2)]]
        n = int(m.group(1)) * (30 if UNITS[m.group(2)] == "months" else 1)
        ago = f"{text}前" if re.search(r"[\u4e00-\u9fff]", text) else f"{text} ago"
        raise _Unread(f"did you mean '{ago}'? (or a rolling window: --last {n}{letter})")
    raise _Unread()


def _iso(text: str, tz: dt.tzinfo) -> dt.datetime | None:
    m = _ISO_MONTH.match(text)
    if m:
        return local_midnight(_date(int(m.group(1)), int(m.group(2)), 1), tz)
    m = _YMD_SLASH.match(text)
    if m:
        return local_midnight(_date(int(m.group(1)), int(m.group(2)), int(m.group(3))), tz)
    if not re.match(r"^\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        parsed = dt.datetime.fromisoformat(text.replace("z", "Z").replace("Z", "+00:00"))
    except ValueError:
        raise _Unread(f"'{text}' is not a valid date and time (e.g. 2026-11-01T08:00)") from None
    if parsed.tzinfo is None:
        if len(text) == 10:
            return local_midnight(parsed.date(), tz)
        return _at(local_midnight(parsed.date(), tz), parsed.time(), tz)
    return parsed.astimezone(tz)


def _date(y: int, m: int, d: int) -> dt.date:
    try:
        return dt.date(y, m, d)
    except ValueError:
        raise _Unread(f"{y:04d}-{m:02d}-{d:02d} is not a date") from None


def _day_form(low: str, *, tz: dt.tzinfo, now: dt.datetime, week_start: int, allow_now: bool = True) -> dt.datetime | None:
    """A form that names a whole day or month (its first instant), or `now`; None when not one."""
    if low in DAY_WORDS:
        offset = DAY_WORDS[low]
        if offset is None:
            return now if allow_now else None
        return local_midnight(now.date() + dt.timedelta(days=offset), tz)
    if low in WEEKDAYS:
        return _latest_weekday(now, WEEKDAYS[low], tz)
    m = _ZH_WEEKDAY.match(low)
    if m:
        wd = ZH_WEEKDAYS[m.group("d")]
        if m.group("last"):
            first = period_start("week", -1, now=now, tz=tz, week_start=0).date()
            return local_midnight(first + dt.timedelta(days=wd), tz)
        return _latest_weekday(now, wd, tz)
    m = _ZH_DATE.match(low.replace(" ", ""))
    if m:
        return _month_day(m.group("y"), int(m.group("m")), m.group("d"), now=now, tz=tz)
    for pattern in _EN_MONTH_FORMS:
        m = pattern.match(low)
        if m and m.group("mon") in MONTHS:
            day = m.groupdict().get("d")
            return _month_day(m.group("y"), MONTHS[m.group("mon")], day, now=now, tz=tz)
    return None


def _month_day(year: str | None, month: int, day: str | None, *, now: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    """The first instant of month/day (day 1 when no day): in `year`, else the latest one not after now."""
    d = int(day) if day else 1
    if year:
        return local_midnight(_date(int(year), month, d), tz)
    if not 1 <= month <= 12:
        raise _Unread(f"there is no month {month}")
    y = now.year
    while True:
        try:
            candidate = dt.date(y, month, d)
        except ValueError:
            if d > 31 or (month == 2 and d > 29) or (d == 31 and month in (4, 6, 9, 11)) or (d == 30 and month == 2):
                raise _Unread(f"there is no {dt.date(2000, month, 1):%B} {d}") from None
            y -= 1                      # 29 February: the latest leap year
            continue
        if local_midnight(candidate, tz) <= now:
            return local_midnight(candidate, tz)
        y -= 1


def _latest_weekday(now: dt.datetime, weekday: int, tz: dt.tzinfo) -> dt.datetime:
    today = now.date()
    return local_midnight(today - dt.timedelta(days=(today.weekday() - weekday) % 7), tz)


def _relative(low: str, *, now: dt.datetime, tz: dt.tzinfo) -> dt.datetime | None:
    m = _AGO.match(low) or _ZH_AGO.match(low)
    if not m:
        return None
    n_text = m.group("n")
    n = 1 if n_text in ("a", "an", "one") else int(n_text)
    unit = UNITS.get(m.group("unit"))
    if unit is None:
        raise _Unread(f"unknown unit {m.group('unit')!r} (use minutes, hours, days, weeks or months)")
    if unit in ("minutes", "hours"):
        return (now - dt.timedelta(**{unit: n})).astimezone(tz)
    # Calendar units keep the local time of day across a DST change: "3 days ago" at 09:00 is 09:00.
    wall = now.replace(tzinfo=None) - relativedelta(**{unit: n})
    return _at(local_midnight(wall.date(), tz), wall.time(), tz)


def _time_of_day(m: re.Match) -> dt.time:
    hour, minute, ampm = int(m.group("hour")), int(m.group("minute") or 0), m.group("ampm")
    if ampm:
        if not 1 <= hour <= 12:
            raise _Unread(f"{hour}{ampm} is not a time")
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if hour > 23 or minute > 59:
        raise _Unread(f"{m.group(0).strip()} is not a time of day")
    return dt.time(hour, minute)


def _at(day_start: dt.datetime, t: dt.time, tz: dt.tzinfo) -> dt.datetime:
    """A local wall time on the day that starts at `day_start` (a time in a DST gap moves forward)."""
    naive = dt.datetime.combine(day_start.date(), t)
    return naive.replace(tzinfo=tz).astimezone(dt.timezone.utc).astimezone(tz)


def _slash_hint(m: re.Match, now: dt.datetime) -> str:
    a, b = int(m.group(1)), int(m.group(2))
    year = m.group(3)
    y = (int(year) + 2000 if len(year) == 2 else int(year)) if year else now.year
    options = []
    for month, day in ((a, b), (b, a)):
        try:
            options.append(dt.date(y, month, day).isoformat())
        except ValueError:
            pass
    options = list(dict.fromkeys(options))
    if len(options) == 1:
        return f"'{m.group(0)}' — write it as {options[0]} (year-month-day)"
    if options:
        return f"'{m.group(0)}' is ambiguous: write {' or '.join(options)} (year-month-day)"
    return f"'{m.group(0)}' is not a date"


VOCABULARY = (list(DAY_WORDS) + list(WEEKDAYS) + list(PERIOD_STARTS) + [k for k in MONTHS if len(k) > 3]
              + ["3 days ago", "2 hours ago", "1 week ago"])


def _suggest(text: str) -> str | None:
    close = difflib.get_close_matches(text.lower(), VOCABULARY, n=2, cutoff=0.7)
    return "did you mean " + " or ".join(f"'{c}'" for c in close) + "?" if close else None


# --------------------------------------------------------------------------- zones
FIXED_OFFSET = re.compile(r"^(?:utc|gmt)?\s*(?P<sign>[+-])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?$", re.I)
ZONE_HINT = "use an IANA name such as Europe/Berlin or Asia/Shanghai, UTC, or an offset such as UTC+8 or +05:30"


@functools.lru_cache(maxsize=1)
def _zone_names() -> dict[str, str]:
    import zoneinfo

    return {name.lower(): name for name in zoneinfo.available_timezones()}


def zone_named(name: str) -> tuple[dt.tzinfo, str]:
    """(zone, canonical name) for an IANA name in any letter case, UTC/GMT/Z or a fixed offset;
    UsageError when it is none of them."""
    text = (name or "").strip()
    if not text:
        raise UsageError("--tz: empty value", hint="use an IANA name such as Europe/Berlin, or leave --tz out")
    if text.lower() in ("utc", "gmt", "z", "zulu", "etc/utc"):
        return dt.timezone.utc, "UTC"
    m = FIXED_OFFSET.match(text)
    if m:
        h, mins = int(m.group("h")), int(m.group("m") or 0)
        if h > 14 or mins > 59:
            raise UsageError(f"unknown time zone {name!r}", hint="offsets run from UTC-12 to UTC+14")
        delta = dt.timedelta(hours=h, minutes=mins) * (-1 if m.group("sign") == "-" else 1)
        label = "UTC" + m.group("sign") + f"{h:02d}:{mins:02d}"
        return (dt.timezone.utc if not delta else dt.timezone(delta, label)), ("UTC" if not delta else label)
    for candidate in (text, _zone_names().get(text.lower()) if "/" in text or text.isalpha() else None):
        if not candidate or ".." in candidate or candidate.startswith("/"):
            continue
        try:
            return ZoneInfo(candidate), candidate
        except (ValueError, KeyError, OSError):
            continue
    raise UsageError(f"unknown time zone {name!r}", hint=ZONE_HINT)


def zone(name: str | None) -> dt.tzinfo:
    if name is None:
        return dt.timezone.utc
    return zone_named(name)[0]


def host_zone_name(env) -> str:
    """The host's zone name: $TZ, else the /etc/localtime link, else /etc/timezone, else UTC."""
    tz = (env.get("TZ") or "").strip().lstrip(":")
    if tz:
        return tz.split("zoneinfo/", 1)[1] if "zoneinfo/" in tz else tz
    try:
        link = os.readlink("/etc/localtime")
        if "zoneinfo/" in link:
            return link.split("zoneinfo/", 1)[1]
    except OSError:
        pass
    try:
        name = Path("/etc/timezone").read_text(encoding="utf-8").strip()
        if name:
            return name
    except OSError:
        pass
    return "UTC"


def resolve_zone(cli_tz: str | None, *, config_tz: str | None, env) -> tuple[dt.tzinfo, str, str]:
    """(zone, name, source) by the one precedence every command uses: --tz, OpenClaw's
    agents.defaults.userTimezone, the host's. A bad --tz is the user's error; a bad config or host
    zone falls through (diagnose reports the config one as config.timezone)."""
    if cli_tz is not None:
        tz, name = zone_named(cli_tz)
        return tz, name, "--tz"
    for name, source in ((config_tz, "config"), (host_zone_name(env), "host")):
        if name:
            try:
                tz, canonical = zone_named(name)
                return tz, canonical, source
            except UsageError:            # POSIX TZ strings, typos in the config
                continue
    return dt.timezone.utc, "UTC", "host"
