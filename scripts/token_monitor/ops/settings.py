"""token-monitor's own settings (not OpenClaw's): `settings.json` in the data dir, written
atomically with mode 0600. Today it holds exchange rates, which the user sets by hand — there is no
network access for rates, ever — each with the date it was set, so every converted figure can say
which rate it used.

    {"schema": 1, "currency": {"CNY": {"perUsd": 7.12, "date": "2026-12-07"}}}

Keys on the command line are dotted: `currency.CNY` (value: units of that currency per 1 USD).
Pure functions take and return the settings dict; `read_settings`/`write_settings` do the I/O.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from pathlib import Path
from typing import Mapping

from ..errors import UsageError
from ..files import write_private
from ..report.words import currency_symbol

FILE_NAME = "settings.json"
SCHEMA = 1
CURRENCY_RE = re.compile(r"^[A-Z]{3}$")
KEYS_HELP = "currency.CODE (units of CODE per 1 USD, e.g. currency.CNY 7.12)"


class SettingsError(UsageError, code="settings.invalid"):
    """Our settings file is damaged or a value given to `settings` is invalid."""


def read_settings(data_dir: Path) -> dict:
    """The settings, {} when none were saved. A damaged file is an error naming it (never silently reset)."""
    path = data_dir / FILE_NAME
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise SettingsError(f"cannot read {path} ({exc.strerror})", hint="check its permissions") from None
    try:
        data = json.loads(text)
    except ValueError:
        raise SettingsError(f"{path} is not valid JSON",
                            hint="fix it, or delete it and set the values again with `settings set`") from None
    if not isinstance(data, dict):
        raise SettingsError(f"{path} does not hold a JSON object", hint="delete it and set the values again")
    return data


def write_settings(data_dir: Path, settings: Mapping) -> Path:
    path = data_dir / FILE_NAME
    body = json.dumps({**settings, "schema": SCHEMA}, indent=2, sort_keys=True) + "\n"
    write_private(path, lambda f: f.write(body))
    return path


def load_settings(data_dir: Path) -> dict:
    """The settings for a scheduled run: a damaged file reads as empty (alerts in English beat no alerts)."""
    try:
        return read_settings(data_dir)
    except SettingsError:
        return {}


def save_settings(data_dir: Path, **changes) -> dict:
    """Merge `changes` into the stored settings (a value of None removes the key); returns the result.
    Unknown keys are kept, so an older token-monitor does not drop a newer one's settings."""
    settings = load_settings(data_dir)
    for key, value in changes.items():
        if value is None:
            settings.pop(key, None)
        else:
            settings[key] = value
    write_settings(data_dir, settings)
    return settings


def settings_path(data_dir: Path) -> Path:
    return Path(data_dir) / FILE_NAME


def _currency_key(key: str) -> str:
    parts = key.split(".")
    if len(parts) != 2 or parts[0].lower() != "currency" or not CURRENCY_RE.match(parts[1].upper()):
        raise SettingsError(f"unknown setting {key!r}", hint="settings keys: " + KEYS_HELP)
    code = parts[1].upper()
    if code == "USD":
        raise SettingsError("USD is the base currency; its rate is always 1", hint="set another currency, e.g. currency.CNY 7.12")
    return code


def positive_number(text: str) -> float | None:
    """`text` as a finite number above zero, else None (rates and amounts in a currency)."""
    try:
        x = float(text)
    except ValueError:
        return None
    return x if math.isfinite(x) and x > 0 else None


def set_value(settings: Mapping, key: str, value: str, *, today: dt.date) -> dict:
    """A copy of `settings` with `key` set; the rate's date is `today` (the caller's local date)."""
    code = _currency_key(key)
    rate = positive_number(value)
    if rate is None:
        raise SettingsError(f"{key}: expected a positive number of {code} per 1 USD, got {value!r}",
                            hint=f"e.g. settings set {key} 7.12")
    out = dict(settings)
    out["currency"] = {**(settings.get("currency") or {}), code: {"perUsd": rate, "date": today.isoformat()}}
    return out


def unset_value(settings: Mapping, key: str) -> dict:
    code = _currency_key(key)
    rates = dict(settings.get("currency") or {})
    if code not in rates:
        raise SettingsError(f"{key} is not set", hint="`settings show` lists what is set")
    del rates[code]
    out = dict(settings)
    out["currency"] = rates
    return out


def currency_rate(settings: Mapping, code: str | None) -> dict | None:
    """{code, symbol, perUsd, date} for `code`; None for USD/None. Unknown code: an error with the remedy."""
    if not code or code.upper() == "USD":
        return None
    code = code.upper()
    if not CURRENCY_RE.match(code):
        raise SettingsError(f"--currency: {code!r} is not a three-letter currency code", hint="e.g. --currency CNY")
    entry = (settings.get("currency") or {}).get(code)
    rate = entry.get("perUsd") if isinstance(entry, dict) else None
    if not isinstance(rate, (int, float)) or isinstance(rate, bool) or not math.isfinite(rate) or rate <= 0:
        raise SettingsError(f"no exchange rate set for {code}",
                            hint=f"set one (token-monitor never fetches rates): token-monitor settings set currency.{code} RATE "
                                 f"(RATE = {code} per 1 USD)")
    return {"code": code, "symbol": currency_symbol(code), "perUsd": float(rate),
            "date": str(entry.get("date") or "")}


def rates_per_usd(settings: Mapping) -> dict[str, float]:
    """{CODE: units per USD} of every valid stored rate (for budgets kept in a currency)."""
    out = {}
    for code, entry in (settings.get("currency") or {}).items():
        rate = entry.get("perUsd") if isinstance(entry, dict) else None
        if isinstance(rate, (int, float)) and not isinstance(rate, bool) and math.isfinite(rate) and rate > 0:
            out[code.upper()] = float(rate)
    return out


def rate_label(rate: Mapping) -> str:
    """'CNY at 7.12/USD, set 2026-12-07' — what every converted figure is labelled with."""
    when = f", set {rate['date']}" if rate.get("date") else ""
    return f"{rate['code']} at {rate['perUsd']:g}/USD{when}"


def settings_lines(settings: Mapping) -> list[str]:
    rates = settings.get("currency") or {}
    if not rates:
        return ["no settings saved (currency rates: settings set currency.CNY 7.12)"]
    return [f"currency.{code} = {r.get('perUsd'):g} {code} per USD (set {r.get('date') or '?'})"
            for code, r in sorted(rates.items()) if isinstance(r, dict)]
