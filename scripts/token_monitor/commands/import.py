"""`token-monitor import FILE…`: merge other hosts' exports into this ledger, exactly once."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from .. import options
from ..errors import ExitCode
from ..hosts import local_config, register_local
from ..ledger.store import Ledger
from ..output import envelope, print_json
from ..sources.exports import ImportFileError, file_digest, read_export

NAME = "import"
ORDER = 62
HELP = "merge another host's `export --format jsonl` (plain, .gz, .zst) into this ledger, exactly once"
DESCRIPTION = """Merge the export of another machine into this ledger, so reports, budgets and metrics cover both.
A call is merged once: importing the same file again, a later export that overlaps, or this host's own
export adds nothing. A call already held with different numbers is a conflict: reported, not merged.
Imported calls keep their host (report --by host) and survive collect --rebuild."""
EPILOG = """examples:
  token-monitor import usage-vps.jsonl.gz
  ssh vps 'token-monitor export' | gzip > vps.jsonl.gz && token-monitor import vps.jsonl.gz
  token-monitor import --json exports/*.jsonl.zst
(sync recipe: references/multi-host.md)"""
MAX_CONFLICTS_SHOWN = 3


def register(p) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help="an export file: JSONL, gzip or zstd")
    options.add_shared_options(p, "--json")


def run(ctx) -> int:
    ledger = Ledger.open(ctx.data_dir)
    files, errors = [], []
    try:
        local_id = register_local(ledger, env=ctx.env, cfg=local_config(ctx), at_ms=ctx.now_ms())
        for name in ctx.args.files:
            path = Path(name)
            try:
                files.append(_import_file(ledger, path, local_id=local_id, at_ms=ctx.now_ms()))
            except ImportFileError as exc:
                errors.append({"file": str(path), "code": exc.code, "message": exc.one_line()})
    finally:
        ledger.close()
    conflicts = sum(len(f["conflicts"]) for f in files)
    code = ExitCode.PARTIAL if errors or conflicts else ExitCode.OK
    data = {"files": files, "added": sum(f["added"] for f in files), "duplicates": sum(f["duplicates"] for f in files),
            "own": sum(f["own"] for f in files), "conflicts": conflicts}
    warnings = [f"{f['file']}: {len(f['conflicts'])} call(s) already held with different numbers were kept as held"
                for f in files if f["conflicts"]]
    if ctx.args.json:
        print_json(envelope(NAME, status="ok" if code == ExitCode.OK else "partial", data=data,
                            warnings=warnings, errors=errors))
    else:
        print(_render(data), end="")
    for e in errors:
        print(f"token-monitor: {e['message']}", file=sys.stderr)
    return int(code)


def _import_file(ledger: Ledger, path: Path, *, local_id: str, at_ms: int) -> dict:
    digest = file_digest(path)
    seen = ledger.import_seen(digest)
    if seen is not None:
        # The same bytes were merged before: reading them again could only find what is held.
        return {"file": str(path), "alreadyImported": True, "records": seen["records"], "added": 0,
                "duplicates": seen["records"] - seen["own"], "own": seen["own"], "conflicts": [], "hosts": []}
    stats = ledger.merge_imported(read_export(path), local_id=local_id, digest=digest, path=str(path.resolve()), at_ms=at_ms)
    return {"file": str(path), "alreadyImported": False, **stats}


def _render(data: dict) -> str:
    out = []
    for f in data["files"]:
        if f["alreadyImported"]:
            out.append(f"{f['file']}: already imported, nothing new ({f['records']} calls)")
            continue
        parts = [f"{f['added']} new" + (f" from {', '.join(f['hosts'])}" if f["hosts"] else "")]
        if f["duplicates"]:
            parts.append(f"{f['duplicates']} already held")
        if f["own"]:
            parts.append(f"{f['own']} this host's own")
        if f["conflicts"]:
            parts.append(f"{len(f['conflicts'])} conflicting (kept as held)")
        out.append(f"{f['file']}: " + ", ".join(parts))
        for c in f["conflicts"][:MAX_CONFLICTS_SHOWN]:
            when = dt.datetime.fromtimestamp(c["timestampMs"] / 1000, dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
            out.append(f"  conflict: {c['host']} agent {c['agent']} call at {when} (key {c['eventKey'][:12]}) "
                       "differs from the held copy")
        if len(f["conflicts"]) > MAX_CONFLICTS_SHOWN:
            out.append(f"  +{len(f['conflicts']) - MAX_CONFLICTS_SHOWN} more conflicts (see --json)")
    if len(data["files"]) > 1:
        out.append(f"total: {data['added']} new calls, {data['duplicates']} already held, {data['own']} own, "
                   f"{data['conflicts']} conflicts")
    return "\n".join(out) + ("\n" if out else "")
