#!/usr/bin/env python3
"""Turn a schedule-check.sh output dir into one small transcript without machine paths.

  record_schedule.py OUTDIR DEST.txt

`openclaw cron list` outputs are reduced to the token-monitor job(s) plus the names of the other jobs
(2026.9.6's Gateway seeds a weekly `skill-collection-review-main` agent job with a long prompt).
"""
import json
import re
import sys
from pathlib import Path

out, dest = Path(sys.argv[1]).resolve(), Path(sys.argv[2])
subs = [(str(out / "home"), "~"), (str(out), "<run>")]


def scrub(text: str) -> str:
    for old, new in subs:
        text = text.replace(old, new)
    text = re.sub(r"[^\s'\"]*/bin/python3[\d.]*|[^\s'\"]*/shims/python3[\d.]*", "python3", text)
    return re.sub(r"/\S*/install-openclaw-[^/\s]+", "<openclaw-install>", text)


lines = []
for cmd in sorted((out / "steps").glob("*.cmd")):
    stem = cmd.with_suffix("")
    argv = cmd.read_text().strip()
    rc = (stem.parent / (stem.name + ".rc")).read_text().strip()
    body = (stem.parent / (stem.name + ".out")).read_text()
    err = (stem.parent / (stem.name + ".err")).read_text().strip()
    if "cron-list" in stem.name:
        jobs = json.loads(body)["jobs"]
        ours = [j for j in jobs if j.get("name") == "token-monitor" or j.get("declarationKey") == "token-monitor:collect"]
        others = [j.get("name") for j in jobs if j not in ours]
        body = json.dumps({"token-monitor jobs": len(ours), "jobs": ours, "other jobs (names only)": others}, indent=2) + "\n"
    if "-runs" in stem.name or "cron-run" in stem.name:
        body = json.dumps(json.loads(body), indent=2) + "\n"
    lines += [f"## {stem.name}", f"$ {argv}", f"rc={rc}", body.rstrip("\n")]
    if err:
        lines += ["stderr:", err]
    lines.append("")
guard = (out / "netguard.jsonl").read_text().splitlines()
lines.append("## netguard (non-loopback attempts, refused)")
for g in guard:
    d = json.loads(g)
    lines.append(f"{d['kind']} {d['target']} (pid {d['pid']}; {next((s for s in d['stack'] if 'catalog' in s), d['stack'][0]).split(' (')[0]})")
dest.write_text(scrub("\n".join(lines)) + "\n", encoding="utf-8")
