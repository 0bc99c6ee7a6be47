// Port of the community scanner skills/token-stats/scripts/scan.py (ShenWang96/clawdbot_workspace_backup)
// to an OpenClaw workspace hook: same files read, same filters, same line shape.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const STATE = process.env.OPENCLAW_STATE_DIR || path.join(os.homedir(), ".openclaw");
const WORKSPACE = path.join(STATE, "workspace");
const MEMORY_DIR = path.join(WORKSPACE, "memory");
const SESSIONS_DIR = path.join(STATE, "agents", "main", "sessions");
const TRACKER_FILE = path.join(MEMORY_DIR, "token-scan-tracker.json");
const LOG_FILE = path.join(MEMORY_DIR, "token-usage.jsonl");

function loadTracker() {
  try {
    const d = JSON.parse(fs.readFileSync(TRACKER_FILE, "utf8"));
    return { lastScanTime: d.lastScanTime ?? null, loggedTimestamps: new Set(d.loggedTimestamps ?? []) };
  } catch {
    return { lastScanTime: null, loggedTimestamps: new Set() };
  }
}

function sessionFiles() {
  const out = [];
  try {
    const sessions = JSON.parse(fs.readFileSync(path.join(SESSIONS_DIR, "sessions.json"), "utf8"));
    for (const info of Object.values(sessions)) {
      const f = info && info.sessionFile;
      if (f && fs.existsSync(f) && fs.statSync(f).size > 0) out.push(f);
    }
  } catch {}
  return out;
}

function scan() {
  const tracker = loadTracker();
  const fresh = [];
  for (const file of sessionFiles()) {
    for (const line of fs.readFileSync(file, "utf8").split("\n")) {
      let entry;
      try { entry = JSON.parse(line.trim()); } catch { continue; }
      const message = entry.message || {};
      if (entry.role !== "assistant" && message.role !== "assistant") continue;
      const usage = message.usage || entry.usage;
      const ts = entry.timestamp || message.timestamp;
      if (!usage || !ts || typeof ts !== "string") continue;
      if (tracker.loggedTimestamps.has(ts)) continue;
      if (tracker.lastScanTime && ts <= tracker.lastScanTime) continue;
      fresh.push({
        timestamp: ts,
        date: ts.includes("T") ? ts.split("T")[0] : ts.slice(0, 10),
        provider: message.provider || entry.provider || "unknown",
        model: message.model || entry.model || "unknown",
        input: usage.input ?? 0,
        output: usage.output ?? 0,
        cacheRead: usage.cacheRead ?? 0,
        cacheWrite: usage.cacheWrite ?? 0,
        totalTokens: usage.totalTokens ?? 0,
        cost: usage.cost ?? {},
      });
      tracker.loggedTimestamps.add(ts);
    }
  }
  fs.mkdirSync(MEMORY_DIR, { recursive: true });
  if (fresh.length) fs.appendFileSync(LOG_FILE, fresh.map((r) => JSON.stringify(r) + "\n").join(""));
  const now = new Date().toISOString();
  fs.writeFileSync(TRACKER_FILE, JSON.stringify({ lastScanTime: now, loggedTimestamps: [...tracker.loggedTimestamps], lastUpdated: now }, null, 2));
  // harness record (not part of the community logic): when the hook ran and what it appended
  fs.appendFileSync(path.join(MEMORY_DIR, "token-logger-runs.jsonl"),
    JSON.stringify({ at: now, event: `${event_type}:${event_action}`, sessionKey: event_key, files: sessionFiles().map((f) => path.basename(f)), appended: fresh.length }) + "\n");
}

let event_type = "", event_action = "", event_key = "";
export default async function handler(event) {
  try {
    event_type = event.type; event_action = event.action; event_key = event.sessionKey;
    scan();
  } catch (err) {
    console.warn(`[token-logger] failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}
