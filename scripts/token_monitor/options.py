"""The options many commands take, each written once (flag, action and help): a command adds the ones
it reads. Light on purpose: `collect` (every scheduled run) imports it without request.py's imports."""

from __future__ import annotations

import argparse

# The options many commands take, each written once: a command adds the ones it reads.
SHARED_OPTIONS = {
    "--json": dict(action="store_true", help="print the versioned JSON envelope"),
    "--tz": dict(metavar="ZONE", help="time zone: IANA name (any case), UTC, UTC+8, +05:30 "
                                      "(default: agents.defaults.userTimezone, else the host's)"),
    "--no-collect": dict(action="store_true", help="use the ledger as it is, without collecting first"),
}


def add_shared_options(p, *flags: str, suppress: bool = False, only_with: str | None = None) -> None:
    """Add SHARED_OPTIONS `flags` to parser `p`. `suppress`: on a subcommand's parser, so the option may
    follow the subcommand without resetting what the parent parsed; `only_with`: the option that gives
    this one its meaning here (its help then starts "--heartbeat: …")."""
    for flag in flags:
        kw = dict(SHARED_OPTIONS[flag])
        if suppress:
            kw["default"] = argparse.SUPPRESS
        if only_with:
            kw["help"] = f"{only_with}: {kw['help']}"
        p.add_argument(flag, **kw)
