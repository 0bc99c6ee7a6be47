"""`token-monitor reconcile`: the old hook's token-usage.jsonl against the ledger, call by call.

Lists exactly which calls (day, session, model, tokens) the old log missed and which it has
that the transcripts no longer have, with totals per day × model. Matching rules and the
accepted line shapes: `token_monitor.sources.legacy_log`.
"""

from __future__ import annotations

import datetime as dt

from .. import options, request
from ..diagnose.gather import find_legacy_log
from ..errors import UsageError
from ..ledger.store import Ledger
from ..ops.reconcile import reconcile as reconcile_calls
from ..output import envelope, print_json
from ..report.render import plain_table
from ..sources import legacy_log as legacy_mod
from ..sources.discovery import discover_sources
from ..sources.openclaw_config import load_config, workspaces

NAME = "reconcile"
ORDER = 45
HELP = "compare the old hook's token-usage.jsonl with the ledger, call by call"
DESCRIPTION = """Match every line of an old token-logging hook's log (default
<workspace>/memory/token-usage.jsonl; the known community shapes are accepted) with the calls
token-monitor collected from OpenClaw's transcripts, on the fields the log has (time within 15 minutes,
session when present, provider/model, input/output, a total with or without cache tokens), one call per
line. Then say which calls the old log missed, grouped by model and day, and explain each line that
matches no call. A zero-token line matches a failed or no-usage call. The window is the old log's first
to last day."""
EPILOG = """examples:
  token-monitor reconcile
  token-monitor reconcile --legacy ~/.openclaw/workspace/memory/token-usage.jsonl --json
  token-monitor reconcile --tz Asia/Shanghai --limit 0"""


ALIGN = ["left"] * 5 + ["right"]


def register(p) -> None:
    p.add_argument("--legacy", metavar="FILE", help="the old log (default: <workspace>/memory/token-usage.jsonl)")
    options.add_shared_options(p, "--json", "--tz")
    p.add_argument("--limit", type=int, default=100, metavar="N",
                   help="list at most N calls per side in text output (0: all; default 100)")
    options.add_shared_options(p, "--no-collect")


def _iso(ms: int, tz: dt.tzinfo) -> str:
    return dt.datetime.fromtimestamp(ms / 1000, tz).isoformat(timespec="milliseconds")


def call_record(e: dict, tz: dt.tzinfo) -> dict:
    return {"day": _iso(e["ts_ms"], tz)[:10], "timestamp": _iso(e["ts_ms"], tz), "agent": e["agent"],
            "sessionId": e["session_id"], "sessionKey": e.get("session_key"), "provider": e["provider"], "model": e["model"],
            "input": e["input"], "output": e["output"], "cacheRead": e["cache_read"], "cacheWrite": e["cache_write"],
            "totalTokens": e["total_tokens"]}


def legacy_record(c: legacy_mod.LegacyCall, tz: dt.tzinfo) -> dict:
    return {"day": _iso(c.ts_ms, tz)[:10], "timestamp": _iso(c.ts_ms, tz), "line": c.line, "shape": c.shape,
            "session": c.session, "agent": c.agent, "provider": c.provider, "model": c.model,
            **dict(zip(legacy_mod.STATED_JSON_NAMES, c.stated)), "tokens": c.tokens}


def run(ctx) -> int:
    from ..collect.collector import collect

    state = ctx.state.path
    cfg = load_config(ctx.config_path)

    tz = request.resolve_zone(ctx, cfg)[0]
    ws = workspaces(state, cfg, ctx.env, discover_sources(state).agents)
    path, tried = find_legacy_log(ctx.args.legacy, ws, ctx.env)
    if path is None:
        raise UsageError("no old token-usage.jsonl found; tried: " + "; ".join(tried), hint="pass --legacy FILE")
    try:
        log = legacy_mod.read_legacy_log(path)
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or type(exc).__name__}", hint="check --legacy FILE") from None
    if not ctx.args.no_collect:
        collect(state, ctx.data_dir)
    ledger = Ledger.open(ctx.data_dir)
    try:
        rows = ledger.reconcile_calls()
    finally:
        ledger.close()
    if log.unknown_keys is not None:
        raise UsageError(f"{path}: unknown line shape, first line's keys: {', '.join(log.unknown_keys) or '(none)'}",
                         hint="known shapes: " + ", ".join(legacy_mod.SHAPES)
                         + " (references/troubleshooting.md, 'The legacy log'); pass --legacy FILE for another log")
    rec = reconcile_calls(log.calls, rows, tz=tz)
    summary = rec.missed_summary
    missed = [call_record(e, tz) for e in rec.missed_by_legacy]
    only = [dict(legacy_record(o["call"], tz), reason=o["reason"]) for o in rec.only_in_legacy]
    own = [legacy_record(c, tz) for c in rec.openclaw_own]
    tz_name = str(getattr(tz, "key", None) or tz)
    complete = not rec.only_in_legacy
    if ctx.args.json:
        print_json(envelope(NAME, data={
            "legacyLog": str(path), "timeZone": tz_name, "legacyLines": len(log.calls), "shapes": log.shapes,
            "malformedLines": [{"line": n, "reason": r} for n, r in log.malformed],
            "matched": rec.matched, "matchedNoUsage": rec.matched_no_usage, "openclawOwnLines": own,
            "missedByLegacy": missed, "missedSummary": summary, "onlyInLegacy": only,
            "transcriptsComplete": complete, "byDayModel": rec.by_day_model,
        }, warnings=[{"code": "records.malformed", "message": f"{path}:{n}: {r}"} for n, r in log.malformed[:20]]))
        return 0
    days = sorted({r["day"] for r in rec.by_day_model})
    span = f"{days[0]} → {days[-1]}" if days else "no days"
    shapes = ", ".join(log.shapes) or "no lines"
    print(f"reconcile {path} ({shapes}, {len(log.calls)} lines) with the ledger, {span} ({tz_name})")
    if missed:
        print(f"The old log missed {len(missed)} call{'s' if len(missed) != 1 else ''} "
              f"({rec.missed_tokens:,} tokens): {summary['text']}.")
        for a in summary["agentsWithoutLines"]:
            print(f"It has no line of agent {a['agent']} ({a['calls']} call{'s' if a['calls'] != 1 else ''} in these days).")
    else:
        print("The old log missed no call.")
    if complete:
        print("Every line of the old log is a call in OpenClaw's transcripts: the transcripts are complete for these days.")
    else:
        print(f"{len(only)} line{'s are' if len(only) != 1 else ' is'} in no transcript (sessions deleted since?): "
              "the old log has calls the transcripts lack.")
    counts = [f"{rec.matched - rec.matched_no_usage} lines match calls"]
    if rec.matched_no_usage:
        counts.append(f"{rec.matched_no_usage} match calls without usage (failed or no-usage turns)")
    if own:
        counts.append(f"{len(own)} {'are' if len(own) != 1 else 'is'} OpenClaw's own message{'s' if len(own) != 1 else ''} (no model call)")
    if log.malformed:
        counts.append(f"{len(log.malformed)} malformed lines skipped")
    print("; ".join(counts) + ".")
    limit = ctx.args.limit if ctx.args.limit > 0 else None
    if missed:
        print("\nmissed by the old log (in OpenClaw's transcripts):")
        table = [[m["day"], m["timestamp"][11:19], m["agent"], m["sessionId"][:8], f"{m['provider']}/{m['model']}",
                  f"{m['totalTokens']:,}"] for m in missed[:limit]]
        print("\n".join(plain_table(["day", "time", "agent", "session", "model", "tokens"], table, width=None, align=ALIGN)))
        if limit and len(missed) > limit:
            print(f"… {len(missed) - limit} more (--limit 0 or --json)")
    if only:
        print("\nonly in the old log (no matching call in the transcripts):")
        for o in only[:limit]:
            print(f"line {o['line']}: {o['day']} {o['timestamp'][11:19]} {(o['provider'] + '/') if o['provider'] else ''}"
                  f"{o['model']} {o['tokens']:,} tokens — {o['reason']}")
        if limit and len(only) > limit:
            print(f"… {len(only) - limit} more (--limit 0 or --json)")
    print("\nper day × model (calls / tokens):")
    table = [[r["day"], f"{r['provider']}/{r['model']}", f"{r['ledgerCalls']} / {r['ledgerTokens']:,}",
              f"{r['legacyCalls']} / {r['legacyTokens']:,}", f"{r['missedCalls']} / {r['missedTokens']:,}",
              f"{r['onlyLegacyCalls']} / {r['onlyLegacyTokens']:,}"] for r in rec.by_day_model]
    print("\n".join(plain_table(["day", "model", "ledger", "old log", "missed", "only old"], table, width=None, align=ALIGN)))
    return 0
