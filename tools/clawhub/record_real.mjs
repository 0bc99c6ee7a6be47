#!/usr/bin/env node
// Record what the REAL `clawhub` npm package would publish from a folder.
//
//   node tools/clawhub/record_real.mjs DIR [--pkg PATH_TO/node_modules/clawhub] [--publish]
//
// Default: imports `listTextFiles` from the installed package (dist/skills.js, exported) and prints
// JSON {clawhub_version, files: [{path, size}], total_bytes}.
// --publish: additionally runs the package's own CLI, `clawhub publish DIR`, against a capture server
// on 127.0.0.1 (CLAWHUB_REGISTRY + a throw-away CLAWHUB_CONFIG_PATH holding a fake token), and records
// the multipart upload it sends: `published` = the files field of the real POST /api/v1/skills
// (this includes publish.js's own post-processing: SKILL.md re-added, skill-card.md stripped).
// Nothing leaves the machine: the only server is the loopback capture server started here.
//
// Install the package first: mkdir -p /tmp/clawhub-pkg && cd /tmp/clawhub-pkg && npm install clawhub
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

function usage(msg) {
  process.stderr.write(`record_real.mjs: ${msg}\nusage: node record_real.mjs DIR [--pkg PATH] [--publish]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let dir = null;
let pkg = process.env.CLAWHUB_PKG || "/tmp/clawhub-pkg/node_modules/clawhub";
let doPublish = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--pkg") pkg = args[++i];
  else if (args[i] === "--publish") doPublish = true;
  else if (!dir) dir = args[i];
  else usage(`unexpected argument ${args[i]}`);
}
if (!dir) usage("DIR required");
dir = resolve(dir);
pkg = resolve(pkg);
let version;
try {
  version = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")).version;
} catch {
  usage(`no clawhub package at ${pkg} (npm install clawhub, then pass --pkg .../node_modules/clawhub)`);
}

const { listTextFiles } = await import(pathToFileURL(join(pkg, "dist", "skills.js")).href);
const listed = (await listTextFiles(dir))
  .map((f) => ({ path: f.relPath, size: f.bytes.byteLength }))
  .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
const out = {
  clawhub_version: version,
  files: listed,
  total_bytes: listed.reduce((s, f) => s + f.size, 0),
};

if (doPublish) out.published = await capturePublish(dir);
process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);

async function capturePublish(folder) {
  const captured = [];
  let payload = null;
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const body = Buffer.concat(chunks);
    if (req.method === "POST" && req.url === "/api/v1/skills") {
      const request = new Request("http://127.0.0.1/upload", {
        method: "POST",
        headers: { "content-type": req.headers["content-type"] },
        body,
      });
      const form = await request.formData();
      payload = JSON.parse(form.get("payload"));
      for (const entry of form.getAll("files")) {
        captured.push({ path: entry.name, size: entry.size });
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: true, skillId: "skill-capture", versionId: "version-capture" }));
      return;
    }
    res.writeHead(404, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: "capture server: not handled" }));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const registry = `http://127.0.0.1:${server.address().port}`;
  const tmp = mkdtempSync(join(tmpdir(), "clawhub-capture-"));
  const cfg = join(tmp, "config.json");
  writeFileSync(cfg, JSON.stringify({ registry, token: "clh-test-not-a-secret" }));
  const code = await new Promise((r) => {
    const child = spawn(
      process.execPath,
      [join(pkg, "bin", "clawdhub.js"), "publish", folder, "--registry", registry,
        "--slug", "capture-skill", "--name", "Capture Skill", "--version", "0.0.0-capture",
        "--changelog", "capture", "--tags", "latest"],
      {
        stdio: ["ignore", "ignore", "pipe"],
        env: { ...process.env, CLAWHUB_CONFIG_PATH: cfg, CLAWHUB_REGISTRY: registry,
          HOME: tmp, XDG_CONFIG_HOME: tmp, CI: "1", NO_COLOR: "1" },
      },
    );
    let err = "";
    child.stderr.on("data", (d) => { err += d; });
    child.on("close", (c) => { if (c !== 0) process.stderr.write(err); r(c); });
  });
  server.close();
  rmSync(tmp, { recursive: true, force: true });
  if (code !== 0 || payload === null) {
    process.stderr.write(`record_real.mjs: clawhub publish exited ${code} without an upload\n`);
    process.exit(1);
  }
  captured.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files: captured, total_bytes: captured.reduce((s, f) => s + f.size, 0),
    payload_keys: Object.keys(payload).sort(), slug: payload.slug, version: payload.version };
}
