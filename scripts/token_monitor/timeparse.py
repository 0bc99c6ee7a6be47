"""Parse user-given points in time (`--since`, `--until`) in a given time zone.

Accepted: ISO dates (`2026-11-01`) and datetimes (`2026-11-01T08:00`, with or without offset),
and the natural forms python-dateutil parses (`Nov 1 2026`, `1 November 2026 8am`).
A date alone means the start of that day in the report's time zone.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from dateutil import parser as du_parser

from .errors import UsageError

ACCEPTED_FORMS = "accepted: 2026-11-01, 2026-11-01T08:00, 2026-11-01T08:00+01:00, 'Nov 1 2026', 'Nov 1 2026 8am'"


def parse_point(value: str, *, tz: dt.tzinfo, option: str) -> dt.datetime:
    text = (value or "").strip()
    if not text:
        raise UsageError(f"{option}: empty value", hint=ACCEPTED_FORMS)
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = du_parser.parse(text, default=dt.datetime(2000, 1, 1))
        except (ValueError, OverflowError, TypeError):
            raise UsageError(f"{option}: cannot read {value!r}", hint=ACCEPTED_FORMS) from None
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
