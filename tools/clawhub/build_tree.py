#!/usr/bin/env python3
"""Materialise a file-tree manifest (tests/fixtures/clawhub/tree.json) into a folder.

    python3 tools/clawhub/build_tree.py tests/fixtures/clawhub/tree.json DEST

Each entry of "files" has "path" and one of: "text" (UTF-8), "hex" (raw bytes), "repeat" + "size"
(the string repeated, cut to exactly size bytes), "sparse" (that many zero bytes, a sparse file), "symlink" (link target, relative).
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def build(manifest: dict, dest: Path) -> None:
    for entry in manifest["files"]:
        path = dest / entry["path"]
        path.parent.mkdir(parents=True, exist_ok=True)
        if "symlink" in entry:
            os.symlink(entry["symlink"], path)
        elif "hex" in entry:
            path.write_bytes(bytes.fromhex(entry["hex"]))
        elif "sparse" in entry:
            with open(path, "wb") as fh:
                fh.truncate(entry["sparse"])
        elif "repeat" in entry:
            unit = entry["repeat"].encode()
            size = entry["size"]
            path.write_bytes((unit * (size // len(unit) + 1))[:size])
        else:
            path.write_bytes(entry["text"].encode())


if __name__ == "__main__":
    if len(sys.argv) != 3 or Path(sys.argv[2]).exists():
        sys.exit("usage: build_tree.py MANIFEST.json NEW_DEST_DIR")
    build(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")), Path(sys.argv[2]))
