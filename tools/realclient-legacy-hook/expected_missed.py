#!/usr/bin/env python3
"""Derive the calls the old hook's log misses from the mock's ground truth (not from token-monitor).

Each ground-truth response with usage (`usage_sent`) is located in the corpus transcripts (every
agent, every file incl. .reset/.deleted/.bak) by model + output tokens (unique per mock seq); the
call is "missed" when no line of the old log carries that transcript entry's timestamp.
usage: expected_missed.py LEGACY_CORPUS TOKEN_USAGE_JSONL > expected-missed.json
"""
import json
import sys
from pathlib import Path

corpus, log = Path(sys.argv[1]), Path(sys.argv[2])
logged = {json.loads(l)["timestamp"] for l in log.read_text().splitlines() if l.strip()}
entries = {}
for f in sorted((corpus / "state" / "agents").glob("*/sessions/*.jsonl*")):
    if ".trajectory" in f.name:
        continue
    agent = f.parts[-3]
    sid = f.name.split(".jsonl")[0]
    for raw in f.read_text().splitlines():
        try:
            e = json.loads(raw)
        except ValueError:
            continue
        m = e.get("message") or {}
        u = m.get("usage") or {}
        if e.get("type") == "message" and m.get("role") == "assistant" and u.get("totalTokens"):
            entries.setdefault((m.get("model"), u.get("output")), (agent, sid, e, m, u))
out = {"missed": [], "notInTranscripts": [], "logged": sorted(logged)}
for raw in (corpus / "ground_truth.jsonl").read_text().splitlines():
    g = json.loads(raw)
    if not g.get("usage_sent"):
        continue
    hit = entries.get((g["model"], g["output"]))
    if hit is None:
        out["notInTranscripts"].append({"seq": g["seq"], "ts": g["ts"], "model": g["model"], "total": g["total"]})
        continue
    agent, sid, e, m, u = hit
    if e["timestamp"] not in logged:
        out["missed"].append({"seq": g["seq"], "agent": agent, "sessionId": sid, "entryTimestamp": e["timestamp"],
                              "day": e["timestamp"][:10], "provider": m.get("provider"), "model": m.get("model"),
                              "input": u.get("input"), "output": u.get("output"), "cacheRead": u.get("cacheRead"),
                              "totalTokens": u.get("totalTokens")})
print(json.dumps(out, indent=1))
