"""The JSON envelope and small printing helpers shared by commands (only `cli` and commands print)."""

from __future__ import annotations

import json
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


def print_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, indent=2, sort_keys=False, ensure_ascii=False) + "\n")
