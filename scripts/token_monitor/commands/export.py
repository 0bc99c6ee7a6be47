"""`token-monitor export`: the ledger, one event per line (JSONL) or row (CSV)."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import sys
from pathlib import Path

from .. import options, request
from ..errors import UsageError
from ..files import write_private
from ..ledger.classify import resolve_cost
from ..model import Filters
from ..output import envelope, print_json, strict_json
from ..privacy import mask_key
from ..report.timeparse import parse_point

NAME = "export"
ORDER = 60
HELP = "export the ledger as JSONL or CSV (usage keys named as OpenClaw names them)"
EPILOG = """examples:
  token-monitor export > usage.jsonl
  token-monitor export --format csv --since 2026-11-01 --until 2026-12-01
  token-monitor export --format csv --since 'last month' --output usage.csv"""

FIELDS = ["timestamp", "agent", "sessionId", "sessionKey", "channel", "provider", "model", "api",
          "input", "output", "cacheRead", "cacheWrite", "totalTokens", "cost", "costOrigin",
          "costInput", "costOutput", "costCacheRead", "costCacheWrite",
          "stopReason", "usageStatus", "trigger", "entryId", "responseId", "sourceKind", "source",
          "costUsd", "costBasis", "host", "hostId", "eventKey"]


def register(p) -> None:
    p.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    p.add_argument("--since", metavar="WHEN", help="first instant included (ISO date/datetime or natural form)")
    p.add_argument("--until", metavar="WHEN", help="first instant excluded")
    options.add_shared_options(p, "--tz", "--no-collect")
    p.add_argument("--mask-ids", action="store_true",
                   help="mask phone numbers, e-mail addresses and chat ids in session keys (+49…5678), "
                        "for an export that leaves this machine")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE (atomically, mode 0600) and print one summary line")
    p.add_argument("--json", action="store_true", help="with --output: print the summary as a JSON envelope")


def event_record(e: dict, prices: dict | None = None, *, mask_ids: bool = False) -> dict:
    """One ledger event as OpenClaw names its fields. `cost` is what OpenClaw recorded (null when it
    recorded none); `costUsd`/`costBasis` are what reports count (estimated from configured prices,
    provider-billed, recorded, zero-priced, or null when unpriced), so summing `costUsd` reconciles.
    `sessionKey` is the only field with other people's ids in it (`mask_ids` masks them)."""
    ts = dt.datetime.fromtimestamp(e["ts_ms"] / 1000, dt.timezone.utc)
    return {
        "timestamp": ts.strftime("%Y-%m-%dT%H:%M:%S.") + f"{e['ts_ms'] % 1000:03d}Z",
        "agent": e["agent"], "sessionId": e["session_id"], "sessionKey": mask_key(e["session_key"]) if mask_ids else e["session_key"], "channel": e["channel"],
        "provider": e["provider"], "model": e["model"], "api": e["api"],
        "input": e["input"], "output": e["output"], "cacheRead": e["cache_read"], "cacheWrite": e["cache_write"],
        "totalTokens": e["total_tokens"], "cost": e["cost_total"], "costOrigin": e["cost_origin"],
        "costInput": e["cost_input"], "costOutput": e["cost_output"], "costCacheRead": e["cost_cache_read"],
        "costCacheWrite": e["cost_cache_write"], "stopReason": e["stop_reason"], "usageStatus": e["usage_status"],
        "trigger": e["trigger"], "entryId": e["entry_id"], "responseId": e["response_id"],
        "sourceKind": e["source_kind"], "source": f"{e['source_path']}:{e['source_loc']}",
        **dict(zip(("costUsd", "costBasis"), resolve_cost(e, prices or {}))),
        # Where the call was collected and its identity: what `token-monitor import` merges on.
        "host": e.get("host_name"), "hostId": e.get("host_id"), "eventKey": e["key"],
    }


def run(ctx) -> int:
    if ctx.args.json and not ctx.args.output:
        raise UsageError("--json needs --output FILE", hint="the export itself is JSONL or CSV on stdout")
    req = request.usage_request(ctx, filters=Filters())
    for warning in req.warnings:       # stdout may be the data; a warning goes to stderr
        print(f"token-monitor: warning: {warning}", file=sys.stderr)
    tz, tz_name = req.tz, req.tz_name
    now = ctx.now()
    since = parse_point(ctx.args.since, tz=tz, option="--since", now=now) if ctx.args.since is not None else None
    until = parse_point(ctx.args.until, tz=tz, option="--until", now=now) if ctx.args.until is not None else None
    ledger, _ = request.open_ledger(ctx, req)
    try:
        prices = request.price_table(ctx, req.prices, ledger, now=now)
        rows = ledger.iter_events(
            since_ms=int(since.timestamp() * 1000) if since else None,
            until_ms=int(until.timestamp() * 1000) if until else None,
        )
        count = [0]

        def write(out) -> None:
            if ctx.args.format == "csv":
                writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
                writer.writeheader()
                put = writer.writerow
            else:
                import jsonlines

                put = jsonlines.Writer(out, dumps=functools.partial(strict_json, separators=(",", ":"), ensure_ascii=True)).write
            for e in rows:
                put(event_record(e, prices, mask_ids=ctx.args.mask_ids))
                count[0] += 1

        if not ctx.args.output:
            write(sys.stdout)
            return 0
        path = Path(ctx.args.output).expanduser().absolute()
        if path.is_dir():
            raise UsageError(f"--output: {path} is a directory", hint="name a file, e.g. usage.csv")
        try:
            write_private(path, write)
        except OSError as exc:
            raise UsageError(f"--output: cannot write {path} ({exc.strerror or exc})", hint="choose a writable path") from None
    finally:
        ledger.close()
    span = " ".join(x for x in (f"from {since:%Y-%m-%d %H:%M}" if since else "", f"until {until:%Y-%m-%d %H:%M}" if until else "") if x)
    summary = {"path": str(path), "format": ctx.args.format, "events": count[0], "timeZone": tz_name,
               "since": since.isoformat() if since else None, "until": until.isoformat() if until else None}
    if ctx.args.json:
        print_json(envelope(NAME, data=summary))
    else:
        print(f"exported {count[0]:,} call{'s' if count[0] != 1 else ''} as {ctx.args.format.upper()} to {path}"
              + (f" ({span} {tz_name})" if span else ""))
    return 0
