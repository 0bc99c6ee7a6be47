"""Strings made safe to store and print, for every layer.

OpenClaw's data can carry lone surrogates (a JSON `\\ud800`, a file name that is not UTF-8). SQLite
and stdout need valid UTF-8, so such a string is escaped, never dropped: readers pass what they yield
through `text`, the ledger what it stores, the shell what it prints.
"""

from __future__ import annotations

from typing import Any


def text(value: Any) -> Any:
    """A str made safe to store and print: lone surrogates (from JSON `\\ud800` or an undecodable file
    name) become the escape text `\\ud800`. Other values pass through."""
    if value.__class__ is not str or value.isascii():
        return value
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
