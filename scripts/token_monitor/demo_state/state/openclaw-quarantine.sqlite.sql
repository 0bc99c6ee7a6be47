CREATE TABLE quarantined_databases (
      path TEXT NOT NULL PRIMARY KEY,
      kind TEXT NOT NULL,
      reason TEXT NOT NULL,
      quarantined_at INTEGER NOT NULL,
      writer_app_version TEXT,
      verified_generation TEXT
    ) STRICT;
CREATE TABLE agent_integrity_verifications (
      path TEXT NOT NULL PRIMARY KEY, dev TEXT NOT NULL, ino TEXT NOT NULL,
      app_version TEXT NOT NULL, verified_at INTEGER NOT NULL,
      clean_close INTEGER NOT NULL CHECK (clean_close IN (0, 1))
    ) STRICT;
INSERT OR REPLACE INTO "agent_integrity_verifications" VALUES('/home/openclaw/.openclaw/agents/work/agent/openclaw-agent.sqlite','65024','2736208','2026.9.6',1795908032288,1);
PRAGMA user_version=2;
