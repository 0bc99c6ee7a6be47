// List the transcript entries of the current session window of one session key
// (run with Node >= 24, the Node OpenClaw itself uses). Reads a COPY of the
// per-agent database (with its WAL), so the running gateway is not disturbed.
//
//   node entries.mjs <agent-db-path> <sessionKey>
//
// Prints {"sessionKey","sessionId","entries":[{seq,id,parentId,type,role,responseId,text}]}.
import { DatabaseSync } from "node:sqlite";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";

const [dbPath, sessionKey] = process.argv.slice(2);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ocreal-entries-"));
const base = path.join(tmp, "db.sqlite");
for (const s of ["", "-wal", "-shm"]) if (fs.existsSync(dbPath + s)) fs.copyFileSync(dbPath + s, base + s);
const db = new DatabaseSync(base);
const node = db.prepare("SELECT current_session_id FROM session_nodes WHERE session_key = ?").get(sessionKey);
if (!node) {
  console.log(JSON.stringify({ sessionKey, sessionId: null, entries: [] }));
  process.exit(0);
}
const sid = node.current_session_id;
const rows = db.prepare("SELECT seq, event_json, event_zstd FROM transcript_events WHERE session_id = ? ORDER BY seq").all(sid);
const textOf = (c) =>
  typeof c === "string" ? c : Array.isArray(c) ? c.map((p) => (p && typeof p.text === "string" ? p.text : "")).join(" ") : "";
const entries = rows.map((r) => {
  const ev = JSON.parse(r.event_json != null ? r.event_json : zlib.zstdDecompressSync(Buffer.from(r.event_zstd)).toString("utf8"));
  const m = ev.message || {};
  return {
    seq: r.seq, id: ev.id, parentId: ev.parentId, type: ev.type, role: m.role,
    responseId: m.responseId, text: textOf(m.content).slice(0, 200),
  };
});
db.close();
fs.rmSync(tmp, { recursive: true, force: true });
console.log(JSON.stringify({ sessionKey, sessionId: sid, entries }));
