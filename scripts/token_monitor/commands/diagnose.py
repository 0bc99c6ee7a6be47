"""`token-monitor diagnose`: arguments -> gather facts -> checks -> print."""

from __future__ import annotations

import dataclasses

from .. import options
from ..diagnose import checks as dg
from ..diagnose import render
from ..diagnose.gather import gather_findings, validate_checks
from ..errors import ExitCode
from ..output import envelope, print_json
from ..sources.openclaw_config import ConfigError

NAME = "diagnose"
ORDER = 40
HELP = "find and explain every reason usage could be missing or wrong, with the fix"
DESCRIPTION = """Run every check and print, worst first, one line of at most 64 columns per finding and,
when there is something to do, its fix line (phone form); --verbose prints the long form: level, a
stable code, the finding with its numbers and paths, and the full fix. Fast and read-only: uses the
ledger, cursors and file stats, never re-reads transcripts, never prints a key, token, header or env
value. Codes: references/troubleshooting.md."""
EPILOG = """examples:
  token-monitor diagnose
  token-monitor diagnose --json
  token-monitor diagnose --check usage.missing cost      only these codes / groups
  token-monitor diagnose --legacy ~/.openclaw/workspace/memory/token-usage.jsonl
  token-monitor diagnose --verbose                       long form with paths, and each passed check

codes: """ + ", ".join(dg.CODES)


def register(p) -> None:
    options.add_shared_options(p, "--json")
    p.add_argument("--check", metavar="CODE", nargs="+", action="extend",
                   help="run only these codes or groups (e.g. usage.missing, hooks)")
    p.add_argument("--legacy", metavar="FILE",
                   help="the old hook's token-usage.jsonl (default: <workspace>/memory/token-usage.jsonl)")


def run(ctx) -> int:
    checks = validate_checks(getattr(ctx.args, "check", None))
    try:
        findings, state = gather_findings(ctx, checks)
    except ConfigError as exc:
        # An unparsable openclaw.json is itself the finding; nothing else can be judged without it.
        state = dg.StateFacts(str(ctx.state.path), ctx.state.how, [], str(ctx.config_path))
        findings = [dg.Finding("error", "state.not-found", exc.message, exc.hint or "")]
    findings = dg.sort_findings(dg.select(findings, checks))
    findings = [dataclasses.replace(f, fix=render.phone_fix(f, state)) for f in findings]
    worst_error = any(f.level == "error" for f in findings)
    code = int(ExitCode.FINDINGS) if worst_error else int(ExitCode.OK)
    if ctx.args.json:
        data = render.render_json_data(findings, state, checks=checks)
        status = "findings" if worst_error else "ok"
        print_json(envelope(NAME, status=status, data=data,
                            warnings=[{"code": f.code, "message": f.finding} for f in findings if f.level == "warn"],
                            errors=[{"code": f.code, "message": f.finding} for f in findings if f.level == "error"]))
    else:
        print("\n".join(render.render_text(findings, state, verbose=bool(getattr(ctx.args, "verbose", False)))))
    return code
