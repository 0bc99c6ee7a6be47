"""token-monitor's own settings: a small JSON file in the data dir (`settings.json`, mode 0600).

Today it remembers one thing the scheduled job needs and cannot be told on each run: the language
of alert paragraphs (`schedule --apply --lang zh-CN`). Unknown keys are kept, so an older
token-monitor does not drop a newer one's settings. A settings file that cannot be read is
treated as empty and reported by the caller, never fatal: alerts in English beat no alerts.
"""

from __future__ import annotations

import json
from pathlib import Path

from .files import write_private

SETTINGS_FILE = "settings.json"


def settings_path(data_dir: Path) -> Path:
    return Path(data_dir) / SETTINGS_FILE


def load_settings(data_dir: Path) -> dict:
    try:
        data = json.loads(settings_path(data_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_settings(data_dir: Path, **changes) -> dict:
    """Merge `changes` into the stored settings (a value of None removes the key); returns the result."""
    settings = load_settings(data_dir)
    for key, value in changes.items():
        if value is None:
            settings.pop(key, None)
        else:
            settings[key] = value
    write_private(settings_path(data_dir), lambda f: f.write(json.dumps(settings, indent=2, sort_keys=True) + "\n"))
    return settings
