"""The JSON envelope and small printing helpers shared by commands (only `cli` and commands print)."""

from __future__ import annotations

import json
import math
import sys
from typing import Any

ENVELOPE_VERSION = 1


def envelope(command: str, *, status: str = "ok", data: Any = None, warnings: list | None = None,
             errors: list | None = None) -> dict:
    return {
        "schema_version": ENVELOPE_VERSION,
        "command": command,
        "status": status,
        "data": data,
        "warnings": warnings or [],
        "errors": errors or [],
    }


def strict_json(obj: Any, **kwargs) -> str:
    """JSON that every parser accepts: no NaN/Infinity (a non-finite number is `null`, unknown), and
    lone surrogates escaped as `\\udXXX` (valid JSON; the text stays encodable as UTF-8)."""
    ascii_only = kwargs.pop("ensure_ascii", False)
    try:
        text = json.dumps(obj, allow_nan=False, ensure_ascii=ascii_only, **kwargs)
    except ValueError:
        text = json.dumps(finite(obj), allow_nan=False, ensure_ascii=ascii_only, **kwargs)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(finite(obj), allow_nan=False, ensure_ascii=True, **kwargs)
    return text


def finite(obj: Any) -> Any:
    """A copy of `obj` with every non-finite float replaced by None."""
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {k: finite(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [finite(v) for v in obj]
    return obj


def print_json(obj: Any) -> None:
    sys.stdout.write(strict_json(obj, indent=2, sort_keys=False) + "\n")
