"""`token-monitor settings`: token-monitor's own settings (exchange rates), in its data dir."""

from __future__ import annotations

from .. import options
from ..errors import UsageError
from ..ops import settings as st
from ..output import envelope, print_json
from ..report import timeparse
from ..sources.openclaw_config import load_config, user_timezone

NAME = "settings"
ORDER = 75
HELP = "token-monitor's own settings: exchange rates for --currency (show, set, unset)"
DESCRIPTION = """token-monitor's own settings, kept in settings.json in its data dir (mode 0600), never in
OpenClaw's files. Exchange rates are set by hand — token-monitor never fetches them — and each keeps the
date it was set, which every converted figure shows."""
EPILOG = """examples:
  token-monitor settings                          show what is set
  token-monitor settings set currency.CNY 7.12    7.12 CNY per 1 USD
  token-monitor report month --currency CNY       costs in CNY at that rate
  token-monitor budget set daily 50 --currency CNY
  token-monitor settings unset currency.CNY

keys: """ + st.KEYS_HELP


def register(p) -> None:
    p.add_argument("action", nargs="?", choices=["show", "set", "unset"], default="show", help="default: show")
    p.add_argument("key", nargs="?", help="currency.CODE")
    p.add_argument("value", nargs="?", help="for set: CODE per 1 USD")
    options.add_shared_options(p, "--json")


def run(ctx) -> int:
    a = ctx.args
    data = st.read_settings(ctx.data_dir)
    if a.action in ("set", "unset"):
        if not a.key or (a.action == "set" and a.value is None):
            raise UsageError(f"settings {a.action} needs a key{' and a value' if a.action == 'set' else ''}",
                             hint="e.g. token-monitor settings set currency.CNY 7.12")
        if a.action == "set":
            cfg = load_config(ctx.config_path)
            tz, _, _ = timeparse.resolve_zone(None, config_tz=user_timezone(cfg), env=ctx.env)
            data = st.set_value(data, a.key, a.value, today=ctx.now().astimezone(tz).date())
        else:
            data = st.unset_value(data, a.key)
        st.write_settings(ctx.data_dir, data)
    lines = st.settings_lines(data)
    if a.json:
        print_json(envelope(NAME, data={"action": a.action, "settings": {"currency": data.get("currency") or {}}}))
    else:
        print("\n".join(lines))
    return 0
