#!/usr/bin/env node
// Record which files the REAL `clawhub` npm package would publish from a folder.
//
//   node tools/clawhub/record_real.mjs DIR [--pkg PATH/node_modules/clawhub]
//
// Prints JSON {clawhub_version, listed, published} where
//   listed    = the package's own file collector on DIR: listSkillFiles(DIR) (0.21+; no size limits),
//               or listTextFiles(DIR) (0.20.x and older, the text-only filter);
//   published = what `clawhub skill publish DIR` uploads, or {"error": message} when the CLI refuses:
//               0.21+: the exported prepareSkillFilesForPublish(DIR) from dist/cli/commands/publish.js
//                      (listSkillFiles with the 10 MB / 50 MB limits, SKILL.md re-added, skill-card.md
//                      stripped) - exactly what cmdPublish uploads;
//               0.20.x: prepareSkillFilesForPublish does not exist, so the package's CLI itself runs
//                      `clawhub publish DIR` against a capture server on 127.0.0.1 (CLAWHUB_REGISTRY and
//                      a throw-away CLAWHUB_CONFIG_PATH with a fake token) and the multipart files it
//                      POSTs to /api/v1/skills are recorded.
// Nothing leaves the machine. clawhub 0.23.x needs Node >= 22.
//
// Install a package first, e.g.: mkdir -p /tmp/clawhub-pkg2 && cd /tmp/clawhub-pkg2 && npm install clawhub@0.23.3
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

function usage(msg) {
  process.stderr.write(`record_real.mjs: ${msg}\nusage: node record_real.mjs DIR [--pkg PATH]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let dir = null;
let pkg = process.env.CLAWHUB_PKG || "/tmp/clawhub-pkg2/node_modules/clawhub";
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--pkg") pkg = args[++i];
  else if (!dir) dir = args[i];
  else usage(`unexpected argument ${args[i]}`);
}
if (!dir) usage("DIR required");
dir = resolve(dir);
pkg = resolve(pkg);
if (!existsSync(join(pkg, "package.json"))) usage(`no clawhub package at ${pkg}`);
const version = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")).version;

const byPath = (a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
const summary = (files) => {
  const list = files.map((f) => ({ path: f.relPath, size: f.bytes.byteLength })).sort(byPath);
  return { files: list, total_bytes: list.reduce((s, f) => s + f.size, 0) };
};

const skills = await import(pathToFileURL(join(pkg, "dist", "skills.js")).href);
const publishJs = await import(pathToFileURL(join(pkg, "dist", "cli", "commands", "publish.js")).href);
const out = { clawhub_version: version };
if (skills.listSkillFiles) {
  out.listed = { function: "listSkillFiles", ...summary(await skills.listSkillFiles(dir)) };
} else {
  out.listed = { function: "listTextFiles", ...summary(await skills.listTextFiles(dir)) };
}
if (publishJs.prepareSkillFilesForPublish) {
  try {
    out.published = { via: "prepareSkillFilesForPublish", ...summary(await publishJs.prepareSkillFilesForPublish(dir)) };
  } catch (error) {
    out.published = { via: "prepareSkillFilesForPublish", error: error.message };
  }
} else {
  out.published = { via: "clawhub publish (capture server)", ...(await capturePublish(dir)) };
}
process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);

async function capturePublish(folder) {
  const captured = [];
  let payload = null;
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    if (req.method === "POST" && req.url === "/api/v1/skills") {
      const request = new Request("http://127.0.0.1/upload", {
        method: "POST",
        headers: { "content-type": req.headers["content-type"] },
        body: Buffer.concat(chunks),
      });
      const form = await request.formData();
      payload = JSON.parse(form.get("payload"));
      for (const entry of form.getAll("files")) captured.push({ path: entry.name, size: entry.size });
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
  let stderr = "";
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
    child.stderr.on("data", (d) => { stderr += d; });
    child.on("close", r);
  });
  server.close();
  rmSync(tmp, { recursive: true, force: true });
  if (code !== 0 || payload === null) {
    return { error: `clawhub publish exited ${code}: ${stderr.trim().split("\n").pop()}` };
  }
  captured.sort(byPath);
  return { files: captured, total_bytes: captured.reduce((s, f) => s + f.size, 0),
    payload_keys: Object.keys(payload).sort() };
}
