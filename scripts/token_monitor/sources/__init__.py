"""Every read of OpenClaw's state: discovery, SQLite stores, JSONL files, config, auth, legacy log."""
