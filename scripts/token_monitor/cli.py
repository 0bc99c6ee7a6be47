"""Command-line entry point: global options, command dispatch, the one place errors are caught.

Commands live in `token_monitor.commands.<name>` and are discovered at start-up; each exposes
`NAME`, `HELP`, `DESCRIPTION`, `register(parser)` and `run(ctx) -> int`. When the command line
names a command, only that module is imported (a heartbeat `collect` should not pay for the
report, diagnose and schedule imports); `--help` and errors without a command load them all.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import pkgutil
import sqlite3
import sys
from pathlib import Path

from . import __version__, commands
from .context import Context
from .errors import EXIT_CODE_HELP, ExitCode, TokenMonitorError
from .output import envelope, print_json
from .strings import text

EPILOG = """examples:
  token-monitor report                      today's usage (collects first)
  token-monitor report week --by model      this week by model
  token-monitor collect                     read new usage into the ledger
  token-monitor diagnose                    why numbers may be missing or wrong
  token-monitor export --format csv --since 2026-11-01

""" + EXIT_CODE_HELP


def _global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    d = argparse.SUPPRESS if suppress else None
    g = parser.add_argument_group("global options")
    g.add_argument("--state-dir", metavar="DIR", default=d,
                   help="OpenClaw state dir (default: $OPENCLAW_STATE_DIR, ~/.openclaw, legacy ~/.clawdbot)")
    g.add_argument("--profile", metavar="NAME", default=d, help="OpenClaw profile: ~/.openclaw-NAME")
    g.add_argument("--data-dir", metavar="DIR", default=d,
                   help="token-monitor's own data (default: $TOKEN_MONITOR_DATA_DIR, else <state-dir>/token-monitor)")
    g.add_argument("--demo", nargs="?", const="always", choices=["never", "auto", "always"], default=d,
                   help="use the bundled demo state: 'auto' only when no OpenClaw is installed")
    g.add_argument("--verbose", action="store_true", default=argparse.SUPPRESS if suppress else False,
                   help="show tracebacks for internal errors")
    g.add_argument("--show-ids", action="store_true", default=argparse.SUPPRESS if suppress else False,
                   help="show phone numbers, e-mail addresses and chat ids in session names in full "
                        "(masked by default: +49…5678; --json always has full keys)")


GLOBAL_OPTIONS_WITH_VALUE = ("--state-dir", "--profile", "--data-dir")


class ArgumentError(Exception):
    """An argparse error, raised instead of argparse's usage dump and exit so `main` can answer in
    the same shape as every other error: one line on stderr, the JSON envelope when --json was given."""

    def __init__(self, prog: str, message: str):
        super().__init__(message)
        self.prog, self.message = prog, message


class Parser(argparse.ArgumentParser):
    def error(self, message: str):        # argparse calls this for every bad argument; subparsers too
        raise ArgumentError(self.prog, message)


def command_names() -> list[str]:
    return sorted(info.name for info in pkgutil.iter_modules(commands.__path__) if not info.name.startswith("_"))


def load_commands(only: str | None = None) -> list:
    names = [only] if only else command_names()
    mods = [importlib.import_module(f"{commands.__name__}.{name}") for name in names]
    return sorted(mods, key=lambda m: getattr(m, "ORDER", 50))


def named_command(argv: list[str]) -> str | None:
    """The command the command line names (module name == NAME), skipping global options' values."""
    names = set(command_names())
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in GLOBAL_OPTIONS_WITH_VALUE:
            skip = True
        elif arg == "--":
            return None
        elif not arg.startswith("-"):
            return arg if arg in names else None
    return None


def _nested_parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """A command's own subcommands (`budget set`), which take the global options too."""
    return [q for a in parser._actions if isinstance(a, argparse._SubParsersAction) for q in a.choices.values()]


def build_parser(*, only: str | None = None) -> argparse.ArgumentParser:
    parser = Parser(
        prog="token-monitor",
        description="Exact token and cost accounting for OpenClaw: every billed call, once, from both storage eras.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"token-monitor {__version__}")
    _global_options(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for mod in load_commands(only):
        p = sub.add_parser(mod.NAME, help=mod.HELP, description=getattr(mod, "DESCRIPTION", mod.HELP),
                           epilog=getattr(mod, "EPILOG", None) and mod.EPILOG + "\n\n" + EXIT_CODE_HELP or EXIT_CODE_HELP,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        mod.register(p)
        for q in [p, *_nested_parsers(p)]:
            _global_options(q, suppress=True)
        p.set_defaults(_run=mod.run)
    return parser


class _Escaping:
    """A text stream whose every string is valid UTF-8: a lone surrogate or an undecodable file name (from
    OpenClaw's data) is written as its backslash escape, never a UnicodeEncodeError or an invalid byte."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, s: str) -> int:
        return self._stream.write(text(s))

    def __getattr__(self, name):
        return getattr(self._stream, name)


def main(argv: list[str] | None = None) -> int:
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Escaping(out), _Escaping(err)
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = out, err


def _main(argv: list[str] | None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    only = named_command(argv)
    parser = build_parser(only=only)
    try:
        args = parser.parse_args(argv)
    except ArgumentError as exc:
        want_json = "--json" in (argv[:argv.index("--")] if "--" in argv else argv)
        help_cmd = f"{parser.prog} {only} --help" if only else f"{parser.prog} --help"
        where = exc.prog.removeprefix(parser.prog).strip()
        _report_error(only or "token-monitor", "usage", f"{where + ': ' if where else ''}{exc.message} (see: {help_cmd})",
                      want_json)
        return int(ExitCode.USAGE)
    if not getattr(args, "command", None):
        parser.print_help()
        return ExitCode.USAGE
    ctx = Context(args=args, env=dict(os.environ), now=lambda: dt.datetime.now(dt.timezone.utc))
    want_json = bool(getattr(args, "json", False))
    try:
        return int(args._run(ctx))
    except TokenMonitorError as exc:
        _report_error(args.command, exc.code, exc.one_line(), want_json)
        return int(exc.exit_code)
    except sqlite3.DatabaseError as exc:
        # OpenClaw's stores are read inside the collector, which turns their errors into counted
        # problems: a database error that reaches here is our ledger's (busy, not writable or damaged).
        from .ledger.schema import LEDGER_NAME
        from .ledger.store import classify_ledger_error

        err = classify_ledger_error(exc, (ctx._data_dir or Path("<data dir>")) / LEDGER_NAME)
        _report_error(args.command, err.code, err.one_line(), want_json)
        return int(err.exit_code)
    except UnicodeDecodeError:
        # Every reader of OpenClaw's data turns undecodable bytes into a located problem: text that cannot
        # be decoded here was read from our ledger, whose pages are damaged.
        from .ledger.schema import LEDGER_NAME

        where = (ctx._data_dir or Path("<data dir>")) / LEDGER_NAME
        _report_error(args.command, "ledger.corrupt", f"ledger {where} is damaged (undecodable text) — run: "
                      "token-monitor collect --rebuild (it keeps what is still readable)", want_json)
        return int(ExitCode.LEDGER)
    except KeyboardInterrupt:
        # Every write is a transaction: an interrupted collect keeps what it committed and the
        # next run continues from there.
        _report_error(args.command, "interrupted", "interrupted; nothing was lost — run the command again", want_json)
        return int(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        return 0
    except Exception:  # a bug, not a user error: say so plainly
        if getattr(args, "verbose", False):
            import traceback

            traceback.print_exc()
        _report_error(args.command, "internal", "internal error, rerun with --verbose and report it", want_json)
        return int(ExitCode.INTERNAL)


def _report_error(command: str, code: str, message: str, want_json: bool, *, prefix: str = "token-monitor: ") -> None:
    message = " ".join(message.splitlines())       # one line, whatever an exception's text holds
    if want_json:
        print_json(envelope(command, status="error", errors=[{"code": code, "message": message}]))
    print(f"{prefix}{message}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
