"""Every number and word a user reads: token counts (1.24M), money ($0.0042), plurals, ages, sizes.

One home so every command says the same thing the same way: "K" for thousands, two significant
digits below a dollar, "<1 min" / "90 min" / "5 h" / "3 days" for ages, "1,234 calls" for counts.
Pure: values in, text out.
"""

from __future__ import annotations

import datetime as dt
import math


def count(n: int) -> str:
    """1,234"""
    return f"{n:,}"


def plural(n: int, word: str, suffix: str = "s") -> str:
    """'1 call', '1,234 calls' ('entry', 'ies' style words pass their own suffix)."""
    return f"{count(n)} {word}{'' if n == 1 else suffix}"


def human_tokens(n: int | None) -> str:
    if n is None:
        return "?"
    n = int(n)
    if abs(n) < 1000:
        return str(n)
    for div, unit in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(n) >= div * 0.9995:
            v = n / div
            text = f"{v:.3g}" if v < 1000 else f"{v:.0f}"
            if "e" in text:
                text = f"{v:.0f}"
            return text + unit
    return str(n)


def tokens_text(n: int | None) -> str:
    """'1.24M tokens', '1 token'."""
    return f"{human_tokens(n)} token{'' if n == 1 else 's'}"


def human_cost(usd: float | None) -> str:
    """$3.41, $0.42, $0.0042 (two significant digits below a dollar), $1,234, $12.3K."""
    if usd is None:
        return "?"
    if usd == 0:
        return "$0"
    sign = "-" if usd < 0 else ""
    x = abs(usd)
    if x >= 10000:
        return f"{sign}${human_tokens(round(x))}"
    if x >= 1000:
        return f"{sign}${x:,.0f}"
    if x >= 1:
        return f"{sign}${x:.2f}"
    digits = max(2, 1 - math.floor(math.log10(x)))      # two significant digits
    if digits > 8:
        return f"{sign}<$0.00000001"
    return f"{sign}${x:.{digits}f}"


def amount_text(value: float | None, unit: str) -> str:
    """A budget amount or use: '$1,234.00', '$0.014' (two significant digits below $1), '1.5M tokens'."""
    if value is None:
        return "—"
    if unit == "usd":
        if value >= 1 or value == 0:
            return f"${value:,.2f}"
        decimals = max(2, 1 - math.floor(math.log10(value)))
        return f"${value:.{decimals}f}"
    return tokens_text(int(value))


def pct(x: float | None) -> str:
    if x is None:
        return "n/a"
    if x >= 1000:
        return f"{x / 100 + 1:.0f}x"
    return f"{x:+.0f}%"


def age_text(seconds: float) -> str:
    """'<1 min', '90 min', '5 h', '3 days'."""
    minutes = int(max(seconds, 0)) // 60
    if minutes < 1:
        return "<1 min"
    if minutes < 120:
        return f"{minutes} min"
    hours = minutes // 60
    if hours < 48:
        return f"{hours} h"
    return f"{hours // 24} days"


def bytes_text(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} B"


def day_text(ms: int | None, tz: dt.tzinfo) -> str:
    if ms is None:
        return "?"
    return dt.datetime.fromtimestamp(ms / 1000, tz).strftime("%Y-%m-%d")
