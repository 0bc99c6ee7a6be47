"""`token-monitor collect`: read new usage from every OpenClaw source into the ledger."""

from __future__ import annotations

from ..collect import CollectStats, collect
from ..errors import ExitCode
from ..output import envelope, print_json

NAME = "collect"
ORDER = 20
HELP = "read new usage from OpenClaw into the ledger (incremental, exactly once)"
DESCRIPTION = """Read every usage-bearing record OpenClaw has written (SQLite stores, JSONL transcripts and
their reset/deleted/bak/import/cold archives) into token-monitor's ledger. Incremental: a run with
nothing new only stats files. Safe to run from cron, a heartbeat and by hand at the same time."""
EPILOG = """examples:
  token-monitor collect
  token-monitor collect --json
  token-monitor collect --rebuild      re-read every source (keeps events whose sources are gone)"""


def register(p) -> None:
    p.add_argument("--json", action="store_true", help="print a JSON envelope")
    p.add_argument("--quiet", action="store_true", help="print nothing unless something went wrong")
    p.add_argument("--rebuild", action="store_true", help="re-read every source; a damaged ledger is set aside first")


def summary_line(stats: CollectStats) -> str:
    parts = [f"collected {stats.new_events} new call{'s' if stats.new_events != 1 else ''}",
             f"{stats.sources} sources ({stats.sources_read} read)"]
    if stats.duplicates:
        parts.append(f"{stats.duplicates} duplicate copies skipped")
    if stats.malformed:
        first = next((p for p in stats.problems if p[0] == "records.malformed"), None)
        parts.append(f"{stats.malformed} malformed record{'s' if stats.malformed != 1 else ''}"
                     + (f" (first: {first[1]}: {first[2]})" if first else ""))
    if stats.unreadable:
        first = next((p for p in stats.problems if p[0] == "sources.unreadable"), None)
        parts.append(f"{stats.unreadable} unreadable source{'s' if stats.unreadable != 1 else ''}"
                     + (f" (first: {first[1]}: {first[2]})" if first else ""))
    if stats.schema_unknown:
        parts.append("newer OpenClaw schema than known (see: diagnose)")
    parts.append(f"{stats.elapsed_ms / 1000:.2f}s")
    return " · ".join(parts)


def exit_code(stats: CollectStats) -> int:
    return int(ExitCode.PARTIAL) if (stats.malformed or stats.unreadable) else int(ExitCode.OK)


def run(ctx) -> int:
    stats = collect(ctx.state.path, ctx.data_dir, rebuild=ctx.args.rebuild)
    code = exit_code(stats)
    if ctx.args.json:
        data = stats.as_dict()
        data.update({"state_dir": str(ctx.state.path), "state_dir_how": ctx.state.how, "data_dir": str(ctx.data_dir)})
        print_json(envelope("collect", status="ok" if code == 0 else "partial", data=data))
    elif not ctx.args.quiet or code:
        print(summary_line(stats))
    return code
