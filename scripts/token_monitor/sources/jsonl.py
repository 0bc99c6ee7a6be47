"""JSONL-era files: the line reader with exact byte offsets, `.zst` streams, `sessions.json`."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
from pathlib import Path
from typing import Any, Iterator

import zstandard

from ..model import Malformed, RawRecord, SessionMeta
from .compressed import is_zstd
from .discovery import FileSource


def read_session_index(path: Path, agent: str) -> dict[str, SessionMeta]:
    """Session keys from a JSONL-era `sessions.json` (only ids, keys, labels and channels are read)."""
    with open(path, "rb") as fh:
        data = json.loads(fh.read().decode("utf-8"))
    metas: dict[str, SessionMeta] = {}
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    for key, entry in data.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("sessionId"), str):
            continue
        origin = entry.get("origin") if isinstance(entry.get("origin"), dict) else {}
        channel = entry.get("channel") or entry.get("lastChannel") or origin.get("provider")
        label = entry.get("label") or entry.get("displayName")
        metas[entry["sessionId"]] = SessionMeta(
            agent, entry["sessionId"], key,
            channel if isinstance(channel, str) else None,
            label if isinstance(label, str) else None,
            entry.get("chatType") if isinstance(entry.get("chatType"), str) else None,
        )
    return metas


# ---------------------------------------------------------------- JSONL reading

@dataclasses.dataclass
class Line:
    obj: Any                  # parsed JSON value, or None when `error` is set
    error: str | None
    line_no: int              # 1-based
    end_offset: int           # offset to resume from: just past this line, or its start if `unterminated`
    unterminated: bool = False  # a parsed last line without its newline (yet): re-read next time


def iter_jsonl_bytes(stream: io.BufferedIOBase, *, start: int = 0, start_line: int = 0, final: bool) -> Iterator[Line]:
    """Yield complete lines from `stream` (positioned at `start`).

    A last line without a newline is yielded only if it parses (a writer may be mid-append),
    or if `final` (an immutable archive). Offsets are exact byte offsets.
    """
    offset, line_no = start, start_line
    while True:
        raw = stream.readline()
        if not raw:
            return
        complete = raw.endswith(b"\n")
        line_no += 1
        text = raw.strip()
        if not text:
            if complete:
                offset += len(raw)
                continue
            return
        try:
            obj = json.loads(text.decode("utf-8"))
            error = None
        except UnicodeDecodeError:
            obj, error = None, "not UTF-8"
        except ValueError as exc:
            obj, error = None, f"invalid JSON ({exc.msg})"
        if not complete and error and not final:
            return      # torn last line: re-read next time
        if not complete and not final:
            # Parsed, but its newline may still be coming: resume before it so the next run
            # re-reads it whole (the event key absorbs the repeat) and line numbers stay exact.
            yield Line(obj, error, line_no, offset, unterminated=True)
            return
        offset += len(raw)
        yield Line(obj, error, line_no, offset)


def open_file_stream(src: FileSource) -> io.BufferedIOBase:
    fh = open(src.path, "rb")
    if not src.compressed:
        return fh
    head = fh.read(4)
    fh.seek(0)
    if not is_zstd(head):
        return fh
    reader = zstandard.ZstdDecompressor().stream_reader(fh, closefd=True, read_across_frames=True)
    return io.BufferedReader(reader, buffer_size=1 << 16)


def file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def head_fingerprint(path: Path, length: int) -> str:
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read(length)).hexdigest()


def jsonl_records(stream: io.BufferedIOBase, *, loc_prefix: str = "line ", start: int = 0, start_line: int = 0,
                  final: bool = True) -> Iterator[RawRecord | Malformed]:
    """The one line reader for every JSONL-shaped input (files, archives): each line as a record, or as a
    located Malformed; `resume` is where to continue after it (see iter_jsonl_bytes)."""
    for line in iter_jsonl_bytes(stream, start=start, start_line=start_line, final=final):
        resume = (line.end_offset, line.line_no - line.unterminated)
        loc = f"{loc_prefix}{line.line_no}"
        if line.error:
            yield Malformed(loc, line.error, resume)
        else:
            yield RawRecord(line.obj, loc, resume=resume)
