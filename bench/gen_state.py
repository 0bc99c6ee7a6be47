#!/usr/bin/env python3
"""Generate a large, realistic OpenClaw state in both storage eras, plus its ground truth.

Every row is a real OpenClaw 2026.9.6 row (from tests/fixtures/real-2026.9.6) with new ids,
timestamps, usage numbers and filler content: session headers, model/thinking changes, model
snapshots, user turns, tool-call turns with large tool results (zstd-compressed in SQLite, as
OpenClaw does for 1 KiB..4 MiB events), final answers, HTTP-500 error rows, provider-less usage
("missing"), and synthetic `openclaw/delivery-mirror` rows that are not model calls.

JSONL era (`agents/jl<N>/sessions/`): live `<sid>.jsonl`, `/new` renames to `.jsonl.reset.<ts>`,
deletes to `.jsonl.deleted.<ts>`, line-limit compaction `.jsonl.bak.<ts>` (full history) beside a
shortened live file, forks (a new session file starting with verbatim copies of the parent).
SQLite era (`agents/sq<N>/agent/openclaw-agent.sqlite`, schema 23 copied from the fixture):
`transcript_events` with zstd rows, forks and rewinds (verbatim copies), deleted sessions (rows
gone; `session_transcript_archives` blob + `sessions/<sid>.jsonl.deleted.<ts>.<hex>.zst`), and a
doctor import archive duplicating some SQLite sessions.

`ground_truth.json`: per agent x provider/model x UTC day, tokens, cost and calls, each billed
call counted once (owner = where it first appeared). No message content is ever printed.

usage: gen_state.py DEST [--size smoke|medium|full] [--seed N] [--era both|jsonl|sqlite]
"""

from __future__ import annotations

import argparse
import collections
import copy
import datetime as dt
import json
import random
import shutil
import sqlite3
import sys
import tempfile
import uuid
from pathlib import Path

import zstandard

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "real-2026.9.6" / "state"
T0 = 1_795_000_000_000          # 2026-11-17, epoch ms
DAY = 86_400_000

# agents and sessions per era, mean turns per session, mean tool-result KB, share of 100-400 KB tool results
SIZES = {
    # seconds: a few MB
    "smoke": dict(jl_agents=2, jl_sessions=30, sq_agents=2, sq_sessions=30, turns=6, tool_kb=3, big_p=0.02),
    # the crash/concurrency tests: a cold collect of about a second
    "crash": dict(jl_agents=2, jl_sessions=250, sq_agents=2, sq_sessions=250, turns=8, tool_kb=3, big_p=0.03),
    # quick profiling: ~150 MB
    "medium": dict(jl_agents=4, jl_sessions=250, sq_agents=4, sq_sessions=250, turns=10, tool_kb=4, big_p=0.02),
    # full size: >= 1 GB JSONL over 10k files, >= 200k SQLite events over >= 1,000 sessions
    "full": dict(jl_agents=10, jl_sessions=1000, sq_agents=4, sq_sessions=1100, turns=10, tool_kb=4, big_p=0.02),
}

MODELS = [  # provider, model, api, USD per 1M (input, output, cacheRead, cacheWrite), weight
    ("anthropic", "claude-sonnet-4-6", "anthropic-messages", (3, 15, 0.3, 3.75), 4),
    ("openai", "gpt-5.4", "openai-responses", (1.25, 10, 0.125, 0), 3),
    ("moonshot", "kimi-k2.5", "openai-completions", (0.6, 3, 0.1, 0), 2),
    ("zai", "glm-4.7", "openai-completions", (0, 0, 0, 0), 2),            # coding plan: zero cost
    ("openrouter", "moonshotai/kimi-k2", "openai-completions", (0.6, 2.4, 0, 0), 1),
]
WORDS = ("the of and to in is that for it as with was on be by this are or from at an which have not "
         "workspace agent session memory tool result file read write config model token cache provider").split()


def iso(ms: int) -> str:
    return dt.datetime.fromtimestamp(ms / 1000, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms % 1000:03d}Z"


def load_templates() -> dict:
    """One real row per category from the 2026.9.6 fixture (zstd rows decompressed)."""
    tmp = Path(tempfile.mkdtemp(prefix="gen-state-"))
    out: dict = {}
    try:
        for agent in ("main", "work"):
            src = FIXTURE / "agents" / agent / "agent" / "openclaw-agent.sqlite"
            for suffix in ("", "-wal", "-shm"):
                if Path(f"{src}{suffix}").exists():
                    shutil.copyfile(f"{src}{suffix}", tmp / f"{agent}.sqlite{suffix}")
            conn = sqlite3.connect(tmp / f"{agent}.sqlite")
            for ej, ez, nav in conn.execute("SELECT event_json, event_zstd, navigation_json FROM transcript_events ORDER BY session_id, seq"):
                obj = json.loads(ej if ej is not None else zstandard.ZstdDecompressor().decompress(ez).decode())
                msg = obj.get("message") or {}
                k = (obj.get("type"), msg.get("role"), msg.get("stopReason"), obj.get("customType"))
                out.setdefault(k, obj)
                if nav and "nav" not in out:
                    out["nav"] = json.loads(nav)
            conn.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


class Generator:
    def __init__(self, dest: Path, size: str, seed: int):
        self.dest = dest
        self.p = SIZES[size]
        self.rng = random.Random(seed)
        self.tpl = load_templates()
        self.truth = collections.defaultdict(lambda: collections.Counter())
        self.cost = collections.defaultdict(float)
        self.owned: set[str] = set()
        self.stats = collections.Counter()
        self.cctx = zstandard.ZstdCompressor(level=1, write_checksum=True)
        self._filler = " ".join(self.rng.choice(WORDS) for _ in range(40000))

    # ------------------------------------------------------------ rows
    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def text(self, n: int) -> str:
        start = self.rng.randrange(0, max(1, len(self._filler) - n))
        s = self._filler[start:start + n]
        while len(s) < n:
            s += self._filler[: n - len(s)]
        return s

    def entry(self, key, *, parent, ts, **changes) -> dict:
        obj = copy.deepcopy(self.tpl[key])
        obj["id"] = self.uid() if key[0] != "reset" else f"{self.rng.getrandbits(32):08x}"
        obj["parentId"] = parent
        obj["timestamp"] = iso(ts)
        obj.update(changes)
        return obj

    def assistant(self, *, parent, ts, model, stop: str, run: str) -> dict:
        provider, name, api, price, _ = model
        key = ("message", "assistant", "toolUse" if stop == "toolUse" else ("error" if stop == "error" else "stop"), None)
        obj = self.entry(key, parent=parent, ts=ts)
        m = obj["message"]
        m.update(provider=provider, model=name, api=api, timestamp=ts - self.rng.randrange(50, 3000),
                 responseId=f"resp-{self.uid()[:18]}")
        m["__openclaw"] = {"runId": run}
        if stop == "error":
            return obj
        if stop == "toolUse":
            m["content"] = [{"type": "toolCall", "id": f"call_{self.uid()[:12]}", "name": self.rng.choice(["read", "exec", "ls", "web_fetch"]),
                             "arguments": {"path": f"notes/{self.rng.randrange(1000)}.md"}}]
        else:
            m["content"] = [{"type": "text", "text": self.text(self.rng.randrange(80, 900))}]
        missing = provider == "zai" and self.rng.random() < 0.05       # the GLM/Kimi "no usage" symptom
        inp, out = self.rng.randrange(200, 9000), self.rng.randrange(10, 1500)
        cr = self.rng.randrange(0, 120000) if self.rng.random() < 0.7 else 0
        cw = self.rng.randrange(0, 4000) if provider == "anthropic" else 0
        if missing:
            inp = out = cr = cw = 0
        c = [inp * price[0] / 1e6, out * price[1] / 1e6, cr * price[2] / 1e6, cw * price[3] / 1e6]
        cost = {"input": c[0], "output": c[1], "cacheRead": c[2], "cacheWrite": c[3], "total": sum(c)}
        if provider == "openrouter":
            cost["total"] = round(sum(c) * 1.05, 8)
            cost["totalOrigin"] = "provider-billed"
        m["usage"] = {"input": inp, "output": out, "cacheRead": cr, "cacheWrite": cw, "totalTokens": inp + out + cr + cw, "cost": cost}
        m["stopReason"] = stop
        return obj

    def session_rows(self, sid: str, agent: str, start_ms: int, turns: int) -> list[dict]:
        """A realistic transcript: header, model change, snapshots, user/tool/answer turns."""
        model = self.pick_model()
        ts = start_ms
        rows = [dict(self.tpl[("session", None, None, None)], id=sid, timestamp=iso(ts), cwd=f"/home/user/.openclaw/workspace-{agent}")]
        prev = None
        for key, extra in ((("model_change", None, None, None), {"provider": model[0], "modelId": model[1]}),
                           (("thinking_level_change", None, None, None), {}),
                           (("custom", None, None, "model-snapshot"), {})):
            ts += self.rng.randrange(5, 400)
            row = self.entry(key, parent=prev, ts=ts, **extra)
            if key[3] == "model-snapshot":
                row["data"] = {"timestamp": ts, "provider": model[0], "modelApi": model[2], "modelId": model[1]}
            rows.append(row)
            prev = row["id"]
        for t in range(turns):
            ts += self.rng.randrange(20_000, 1_800_000)
            run = self.uid()
            user = self.entry(("message", "user", None, None), parent=prev, ts=ts)
            user["message"] = dict(user["message"], content=self.text(self.rng.randrange(20, 400)), timestamp=ts - 300,
                                   idempotencyKey=f"{run}:user")
            rows.append(user)
            prev = user["id"]
            if self.rng.random() < 0.03:
                ts += 1500
                err = self.assistant(parent=prev, ts=ts, model=model, stop="error", run=run)
                rows.append(err)
                prev = err["id"]
                continue
            for _ in range(self.rng.choice([0, 0, 1, 1, 2, 3])):
                ts += self.rng.randrange(500, 20_000)
                call = self.assistant(parent=prev, ts=ts, model=model, stop="toolUse", run=run)
                rows.append(call)
                ts += self.rng.randrange(50, 5000)
                res = self.entry(("message", "toolResult", None, None), parent=call["id"], ts=ts)
                big = self.rng.random() < self.p["big_p"]
                n = int(self.rng.expovariate(1 / (self.p["tool_kb"] * 1024))) + 200
                if big:
                    n = self.rng.randrange(100_000, 400_000)
                body = self.text(n)
                res["message"] = dict(res["message"], toolCallId=call["message"]["content"][0]["id"],
                                      toolName=call["message"]["content"][0]["name"], content=[{"type": "text", "text": body}],
                                      details={"bytes": n}, timestamp=ts)
                res["message"]["__openclaw"] = {"runId": run}
                rows.append(res)
                prev = res["id"]
            ts += self.rng.randrange(500, 30_000)
            final = self.assistant(parent=prev, ts=ts, model=model, stop="stop", run=run)
            rows.append(final)
            prev = final["id"]
            if self.rng.random() < 0.05:     # a delivery mirror: synthetic, not a model call
                mirror = self.entry(("message", "assistant", "stop", None), parent=prev, ts=ts + 5)
                mirror["message"] = dict(mirror["message"], provider="openclaw", model="delivery-mirror", api="openai-completions",
                                         usage={"input": 0, "output": 0, "cacheRead": 0, "cacheWrite": 0, "totalTokens": 0,
                                                "cost": {"input": 0, "output": 0, "cacheRead": 0, "cacheWrite": 0, "total": 0}})
                rows.append(mirror)
                prev = mirror["id"]
            if self.rng.random() < 0.1:
                ts += 10
                rows.append(self.entry(("custom", None, None, "openclaw.cache-ttl"), parent=prev, ts=ts))
                prev = rows[-1]["id"]
        return rows

    def pick_model(self):
        return self.rng.choices(MODELS, weights=[m[4] for m in MODELS])[0]

    def account(self, agent: str, rows: list[dict]) -> None:
        """Add each billed call once (the first copy seen owns it) to the ground truth."""
        for r in rows:
            m = r.get("message") if r.get("type") == "message" else None
            if not m or m.get("role") != "assistant" or m.get("provider") == "openclaw":
                continue
            if r["id"] in self.owned:
                self.stats["duplicate_copies"] += 1
                continue
            self.owned.add(r["id"])
            u = m["usage"]
            k = (agent, f"{m['provider']}/{m['model']}", iso(m["timestamp"])[:10])
            for f in ("input", "output", "cacheRead", "cacheWrite", "totalTokens"):
                self.truth[k][f] += u[f]
            self.truth[k]["messages"] += 1
            self.cost[k] += u["cost"]["total"]
            self.stats["calls"] += 1

    # ------------------------------------------------------------ JSONL era
    def write_jsonl_era(self) -> None:
        for a in range(self.p["jl_agents"]):
            agent = f"jl{a}"
            sdir = self.dest / "agents" / agent / "sessions"
            sdir.mkdir(parents=True, exist_ok=True)
            index = {}
            live: list[tuple[str, list[dict]]] = []
            for s in range(self.p["jl_sessions"]):
                sid = self.uid()
                start = T0 + self.rng.randrange(0, 30 * DAY)
                turns = max(1, int(self.rng.gauss(self.p["turns"], self.p["turns"] / 2)))
                rows = self.session_rows(sid, agent, start, turns)
                fate = self.rng.random()
                if live and fate < 0.05:        # fork: a new session starting with verbatim copies of a parent
                    parent_rows = self.rng.choice(live)[1]
                    cut = self.rng.randrange(1, len(parent_rows))
                    rows = [rows[0]] + copy.deepcopy(parent_rows[1:cut]) + rows[1:]
                    self.stats["forks"] += 1
                self.account(agent, rows)
                lines = [json.dumps(r, separators=(",", ":")) + "\n" for r in rows]
                stamp = iso(start + 40 * DAY).replace(":", "-")
                if fate < 0.15:
                    name = f"{sid}.jsonl.reset.{stamp}"
                    self.stats["reset_files"] += 1
                elif fate < 0.20:
                    name = f"{sid}.jsonl.deleted.{stamp}"
                    self.stats["deleted_files"] += 1
                else:
                    name = f"{sid}.jsonl"
                    index[f"agent:{agent}:s{s}"] = {"sessionId": sid, "updatedAt": start, "chatType": "direct",
                                                     "origin": {"provider": self.rng.choice(["telegram", "discord", "webchat"])}}
                    live.append((sid, rows))
                    if fate < 0.25 and len(lines) > 8:   # line-limit compaction: .bak keeps the full history
                        (sdir / f"{sid}.jsonl.bak.{stamp}").write_text("".join(lines))
                        lines = lines[:1] + lines[-4:]
                        self.stats["bak_files"] += 1
                (sdir / name).write_text("".join(lines))
                self.stats["jsonl_files"] += 1
            (sdir / "sessions.json").write_text(json.dumps(index))
        self.stats["jsonl_bytes"] = sum(f.stat().st_size for f in self.dest.glob("agents/jl*/sessions/*") if f.is_file())

    # ------------------------------------------------------------ SQLite era
    def template_db(self) -> bytes:
        """The fixture's schema-23 database, emptied (secrets included) and without triggers."""
        tmp = Path(tempfile.mkdtemp(prefix="gen-db-"))
        try:
            src = FIXTURE / "agents" / "main" / "agent" / "openclaw-agent.sqlite"
            db = tmp / "t.sqlite"
            for suffix in ("", "-wal", "-shm"):
                if Path(f"{src}{suffix}").exists():
                    shutil.copyfile(f"{src}{suffix}", f"{db}{suffix}")
            conn = connect_writable(db)
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'").fetchall():
                conn.execute(f'DROP TRIGGER "{name}"')
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                                        "AND sql NOT LIKE 'CREATE VIRTUAL%'").fetchall():
                try:
                    conn.execute(f'DELETE FROM "{name}"')
                except sqlite3.DatabaseError:
                    pass
            conn.execute("PRAGMA journal_mode=DELETE")
            conn.execute("VACUUM")
            conn.close()
            return db.read_bytes()
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def event_row(self, sid: str, seq: int, obj: dict, created: int):
        text = json.dumps(obj, separators=(",", ":"), ensure_ascii=False)
        raw = text.encode()
        if obj.get("type") != "session" and 1024 <= len(raw) <= 4 * 1024 * 1024 and "\\u" not in text:
            z = self.cctx.compress(raw)
            if len(raw) - len(z) >= max(64, len(raw) // 10):
                nav = copy.deepcopy(self.tpl["nav"])
                ent = {"id": obj.get("id"), "parentId": obj.get("parentId"), "timestamp": obj.get("timestamp"), "type": obj.get("type")}
                nav["report"]["entry"] = ent
                nav["navigation"] = dict(ent, message={"role": (obj.get("message") or {}).get("role")})
                nav["reset"] = dict(ent)
                nav["model"] = dict(ent)
                nav["modelBytes"] = nav["modelWithoutCheckpointBytes"] = nav["withoutCustomDataBytes"] = min(len(raw), 4194304)
                self.stats["zstd_rows"] += 1
                return (sid, seq, None, created, z, len(raw), json.dumps(nav, separators=(",", ":")))
        return (sid, seq, text, created, None, None, None)

    def write_sqlite_era(self) -> None:
        template = self.template_db()
        for a in range(self.p["sq_agents"]):
            agent = f"sq{a}"
            adir = self.dest / "agents" / agent
            (adir / "agent").mkdir(parents=True, exist_ok=True)
            (adir / "sessions").mkdir(parents=True, exist_ok=True)
            db = adir / "agent" / "openclaw-agent.sqlite"
            db.write_bytes(template)
            conn = connect_writable(db)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=OFF")
            conn.execute("BEGIN")
            sessions: list[tuple[str, str, list[dict]]] = []
            for s in range(self.p["sq_sessions"]):
                sid, key = self.uid(), f"agent:{agent}:{self.rng.choice(['main', 'telegram:direct:' + str(s), 'discord:group:' + str(s)])}-{s}"
                start = T0 + self.rng.randrange(0, 30 * DAY)
                turns = max(1, int(self.rng.gauss(self.p["turns"], self.p["turns"] / 2)))
                rows = self.session_rows(sid, agent, start, turns)
                if self.rng.random() < 0.2:      # /new in place: a reset entry, same session id
                    i = self.rng.randrange(5, max(6, len(rows)))
                    rows.insert(i, self.entry(("reset", None, None, None), parent=rows[i - 1]["id"], ts=parse_ms(rows[i - 1]["timestamp"]) + 1, reason="new"))
                kind = "initial"
                if sessions and self.rng.random() < 0.08:      # fork / rewind: verbatim copies of a parent
                    psid, pkey, prow = self.rng.choice(sessions)
                    cut = len(prow) if self.rng.random() < 0.5 else self.rng.randrange(2, len(prow) + 1)
                    copies = copy.deepcopy(prow[1:cut])
                    rows = [rows[0]] + copies + rows[1:]
                    kind = "rewind" if cut == len(prow) else "fork"
                    self.stats[kind + "s"] += 1
                self.account(agent, rows)
                sessions.append((sid, key, rows))
                self.insert_session(conn, sid, key, rows, start, kind)
            # deletes: rows removed, archive blob + derived .zst file (doctor/cli `sessions delete`)
            for sid, key, rows in self.rng.sample(sessions, max(1, len(sessions) // 25)):
                blob_raw = "".join(json.dumps(r, separators=(",", ":")) + "\n" for r in rows).encode()
                blob = self.cctx.compress(blob_raw)
                hexid = self.uid().replace("-", "")
                stamp = iso(T0 + 35 * DAY).replace(":", "-")
                name = f"{sid}.jsonl.deleted.{stamp}.{hexid}.zst"
                conn.execute("DELETE FROM transcript_events WHERE session_id = ?", (sid,))
                try:
                    conn.execute("INSERT INTO session_transcript_archives (session_id, generation, session_key, reason, encoding, archive_blob, "
                                 "archive_sha256, archive_name, created_at, published_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                                 (sid, hexid, key, "deleted", "zstd", blob, hexid * 2, name, T0 + 35 * DAY, T0 + 35 * DAY))
                except sqlite3.DatabaseError:
                    pass
                (adir / "sessions" / name).write_bytes(blob)
                self.stats["deleted_sessions"] += 1
            conn.execute("COMMIT")
            # doctor import leftovers: the JSONL originals of a few SQLite sessions
            imp = adir / "session-sqlite-import-archive"
            imp.mkdir(exist_ok=True)
            for sid, key, rows in self.rng.sample(sessions, max(1, len(sessions) // 20)):
                (imp / f"{key.replace(':', '_')}.{sid}.jsonl.imported-{T0}").write_text(
                    "".join(json.dumps(r, separators=(",", ":")) + "\n" for r in rows))
                self.stats["import_archives"] += 1
            self.stats["sqlite_events"] += conn.execute("SELECT COUNT(*) FROM transcript_events").fetchone()[0]
            self.stats["sqlite_sessions"] += conn.execute("SELECT COUNT(DISTINCT session_id) FROM transcript_events").fetchone()[0]
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute("PRAGMA journal_mode=DELETE")
            conn.execute("PRAGMA journal_mode=WAL")
            conn.close()
            self.stats["sqlite_bytes"] += db.stat().st_size

    def insert_session(self, conn, sid, key, rows, start, kind) -> None:
        conn.execute("INSERT OR IGNORE INTO session_nodes (session_key, current_session_id, entry_json, updated_at) VALUES (?,?,?,?)",
                     (key, sid, json.dumps({"sessionId": sid, "updatedAt": start}), start))
        conn.execute("INSERT INTO session_windows (session_id, session_key, reason, created_at, updated_at, channel, chat_type) "
                     "VALUES (?,?,?,?,?,?,?)", (sid, key, kind, start, start, key.split(":")[2] if key.count(":") >= 3 else None,
                                                "group" if ":group:" in key else "direct"))
        created = start
        out = []
        for seq, r in enumerate(rows):
            created = max(created + 1, parse_ms(r.get("timestamp")) or created)
            out.append(self.event_row(sid, seq, r, created))
        conn.executemany("INSERT INTO transcript_events (session_id, seq, event_json, created_at, event_zstd, event_utf8_bytes, navigation_json) "
                         "VALUES (?,?,?,?,?,?,?)", out)

    def write(self, era: str) -> dict:
        self.dest.mkdir(parents=True, exist_ok=True)
        (self.dest / "openclaw.json").write_text('{"agents": {}}\n')
        if era in ("both", "jsonl"):
            self.write_jsonl_era()
        if era in ("both", "sqlite"):
            self.write_sqlite_era()
        groups = {}
        for (agent, pm, day), c in sorted(self.truth.items()):
            groups.setdefault(agent, {}).setdefault(pm, {})[day] = dict(c, cost_total=self.cost[(agent, pm, day)])
        truth = {"groups": groups, "stats": dict(self.stats)}
        (self.dest.parent / f"{self.dest.name}.ground_truth.json").write_text(json.dumps(truth, indent=1))
        return truth


def connect_writable(path) -> sqlite3.Connection:
    """OpenClaw's CHECKs use octet_length(), which SQLite only has from 3.43: supply it."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.create_function("octet_length", 1, lambda v: None if v is None else len(v.encode() if isinstance(v, str) else bytes(v)),
                         deterministic=True)
    return conn


def parse_ms(s) -> int | None:
    if not isinstance(s, str):
        return None
    return int(dt.datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp() * 1000)


def generate(dest: Path, *, size: str = "smoke", seed: int = 1, era: str = "both") -> dict:
    return Generator(Path(dest), size, seed).write(era)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dest", type=Path)
    ap.add_argument("--size", choices=sorted(SIZES), default="smoke")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--era", choices=["both", "jsonl", "sqlite"], default="both")
    args = ap.parse_args(argv)
    if args.dest.exists() and any(args.dest.iterdir()):
        print(f"gen_state: {args.dest} is not empty", file=sys.stderr)
        return 2
    truth = generate(args.dest, size=args.size, seed=args.seed, era=args.era)
    print(json.dumps(truth["stats"], sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
