"""The bundled demo state, kept as text and materialised into a private copy on first use.

ClawHub's older CLI publishes only text files with known extensions (no `.sqlite`, `.jsonl`, `.zst`,
`.bak`), and a pip install ships only package data, so the demo lives here as text, in one JSON file
(`demo_state.json`, one line per OpenClaw file): each SQLite store as an SQL script (`kind: sqlite`),
zstd archives decompressed (`kind: zstd`), everything else as it is (`kind: text`).
`materialise_demo` rebuilds the real file tree — SQLite stores, JSONL transcripts, `.zst` archives —
under the user's cache, once per file digest, atomically (a concurrent first run either finds the
finished copy or builds its own and discards it).

The tree was packed from real OpenClaw output (2026.9.6 SQLite stores plus JSONL transcripts left by
2026.2.1) by `tools/pack_demo_state.py`, which also checks that packing the copy again is identical.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import time
from importlib import resources
from pathlib import Path
from typing import Mapping

from . import files

PACKED = "demo_state.json"
READY = ".ready"
STALE_BUILD_S = 600          # a concurrent build takes well under a second; older ones were interrupted


def demo_source():
    """The packed demo inside the installed package (a Traversable; works from a wheel or a checkout)."""
    return resources.files(__package__).joinpath(PACKED)


def demo_available() -> bool:
    return demo_source().is_file()


def _manifest() -> tuple[dict, str]:
    raw = demo_source().read_bytes()
    return json.loads(raw), hashlib.sha256(raw).hexdigest()[:12]


def cache_root(env: Mapping[str, str], home: Path) -> Path:
    return Path(env.get("XDG_CACHE_HOME") or home / ".cache") / "token-monitor"


def materialise_demo(root: Path) -> Path:
    """The demo's OpenClaw state dir under `root` (made on first use; never changed afterwards)."""
    manifest, digest = _manifest()
    target = root / f"demo-state-{digest}"
    if (target / READY).is_file():
        return target
    files.private_dir(root)
    for stale in root.glob("demo-state-*"):            # an older demo, or a build a crash left behind
        building = stale.name.startswith(f"{target.name}.tmp") and _age_s(stale) < STALE_BUILD_S
        if stale.name != target.name and not building:
            shutil.rmtree(stale, ignore_errors=True)
    tmp = Path(tempfile.mkdtemp(prefix=f"{target.name}.tmp", dir=root))
    try:
        for entry in manifest["files"]:
            _restore(entry, tmp / entry["path"])
        (tmp / READY).write_text(digest + "\n", encoding="utf-8")
        try:
            os.rename(tmp, target)
        except OSError:                                 # another run finished first: use its copy
            if not (target / READY).is_file():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target


def _age_s(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


def _octet_length(value):
    if value is None:
        return None
    return len(value) if isinstance(value, bytes) else len(str(value).encode("utf-8"))


def _restore(entry: dict, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    data = entry["text"].encode("utf-8", "surrogateescape")
    kind = entry["kind"]
    if kind == "sqlite":
        conn = sqlite3.connect(dest)
        try:
            # OpenClaw's CHECK constraints use octet_length (SQLite 3.43+); older SQLite lacks it.
            conn.create_function("octet_length", 1, _octet_length, deterministic=True)
            conn.executescript(entry["text"])
        finally:
            conn.close()
    elif kind == "zstd":
        import zstandard

        dest.write_bytes(zstandard.ZstdCompressor(level=3).compress(data))
    elif kind == "text":
        dest.write_bytes(data)
    else:
        raise ValueError(f"unknown demo file kind {kind!r} for {entry['path']}")
