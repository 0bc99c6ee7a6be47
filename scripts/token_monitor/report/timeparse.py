"""Parse user-given points in time (`--since`, `--until`) in a given time zone.

Accepted: ISO dates (`2026-11-01`) and datetimes (`2026-11-01T08:00`, with or without offset),
and the natural forms python-dateutil parses (`Nov 1 2026`, `1 November 2026 8am`).
A date alone means the start of that day in the report's time zone.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from zoneinfo import ZoneInfo

from dateutil import parser as du_parser

from ..errors import UsageError

ACCEPTED_FORMS = ("accepted: 2026-11-01, 2026-11-01T08:00, 2026-11-01T08:00+01:00, 'Nov 1 2026', 'Nov 1 8am', "
                  "monday, today, yesterday, now")


WEEKDAY_RE = re.compile(r"^(last\s+)?(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$", re.I)
YEAR_RE = re.compile(r"\b\d{4}\b")


def parse_point(value: str, *, tz: dt.tzinfo, option: str, now: dt.datetime | None = None) -> dt.datetime:
    """An aware datetime. Natural forms without a year ("Nov 26", "monday") mean the most recent
    such day before `now`, never a date in the year 2000 or in the future."""
    text = (value or "").strip()
    if not text:
        raise UsageError(f"{option}: empty value", hint=ACCEPTED_FORMS)
    current = (now or dt.datetime.now(dt.timezone.utc)).astimezone(tz)
    midnight = current.replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=None)
    relative = {"now": current, "today": midnight.replace(tzinfo=tz),
                "yesterday": (midnight - dt.timedelta(days=1)).replace(tzinfo=tz)}
    if text.lower() in relative:
        return relative[text.lower()]
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        base = midnight
        try:
            parsed = du_parser.parse(WEEKDAY_RE.sub(lambda m: m.group(2), text) if WEEKDAY_RE.match(text) else text,
                                     default=base)
        except (ValueError, OverflowError, TypeError):
            raise UsageError(f"{option}: cannot read {value!r}", hint=ACCEPTED_FORMS) from None
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=tz)
        if parsed > current and not YEAR_RE.search(text):
            if WEEKDAY_RE.match(text):
                parsed -= dt.timedelta(days=7)
            else:
                try:
                    parsed = parsed.replace(year=parsed.year - 1)
                except ValueError:           # 29 February
                    parsed = parsed.replace(year=parsed.year - 1, day=28)
        return parsed
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=tz)
    return parsed


def zone(name: str | None) -> dt.tzinfo:
    if not name:
        return dt.timezone.utc
    try:
        return ZoneInfo(name)
    except Exception:
        raise UsageError(f"unknown time zone {name!r}", hint="use an IANA name such as Europe/Berlin or Asia/Shanghai") from None


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
    if cli_tz:
        return zone(cli_tz), cli_tz, "--tz"
    for name, source in ((config_tz, "config"), (host_zone_name(env), "host")):
        if name:
            try:
                return ZoneInfo(name), name, source
            except (ValueError, KeyError, OSError):   # ZoneInfoNotFoundError is a KeyError; POSIX TZ strings
                continue
    return dt.timezone.utc, "UTC", "host"
