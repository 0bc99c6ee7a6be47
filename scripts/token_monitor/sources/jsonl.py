"""JSONL-era files: the line reader with exact byte offsets, `.zst` streams, `sessions.json`."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Iterator

from ..model import Malformed, RawRecord, SessionMeta
from . import bounded, compressed
from .discovery import FileSource


def read_session_index(path: Path, agent: str) -> dict[str, SessionMeta]:
    """Session keys from a JSONL-era `sessions.json` (only ids, keys, labels and channels are read)."""
    with open(path, "rb") as fh:
        raw = fh.read(bounded.MAX_WHOLE_FILE_BYTES + 1)
    if len(raw) > bounded.MAX_WHOLE_FILE_BYTES:
        raise ValueError(f"larger than {bounded.MAX_WHOLE_FILE_BYTES >> 20} MiB")
    data = bounded.loads(raw)
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

# bytes.strip()'s whitespace: a line starting or ending with one of these is stripped (rarely needed).
_SPACE = frozenset(bytes([c]) for c in b" \t\n\r\x0b\x0c")


def open_file_stream(src: FileSource) -> io.BufferedIOBase:
    fh = open(src.path, "rb")
    return compressed.open_stream(fh) if src.compressed else fh


def file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def head_fingerprint(path: Path, length: int) -> str:
    with open(path, "rb") as fh:
        return fingerprint(fh, length)


def fingerprint(fh, length: int) -> str:
    """The fingerprint of a file's first `length` bytes (an open binary file at offset 0): its cursor keeps
    it, so a file replaced under the same name is read again from its start."""
    return hashlib.sha256(fh.read(length)).hexdigest()


def jsonl_records(stream: io.BufferedIOBase, *, loc_prefix: str = "line ", start: int = 0, start_line: int = 0,
                  final: bool = True) -> Iterator[RawRecord | Malformed]:
    """The one line reader for every JSONL-shaped input (files, archives): each line of `stream`
    (positioned at `start`) as a record, or as a located Malformed, with `resume` = (byte offset, line
    number) to continue from after it. Offsets are exact byte offsets.

    A last line without a newline is yielded only if it parses (a writer may be mid-append) or if
    `final` (an immutable archive); its resume point is its own start, so the next run re-reads it whole
    (the event key absorbs the repeat) and line numbers stay exact."""
    offset, line_no = start, start_line
    loads = bounded.loads_record
    for raw, size, complete in bounded.raw_lines(stream):
        line_no += 1
        if size > bounded.MAX_LINE_BYTES:
            if not complete and not final:
                return      # still being written (or damage at the end): looked at again next time
            offset += size
            yield Malformed(f"{loc_prefix}{line_no}", f"line longer than {bounded.MAX_LINE_BYTES >> 20} MiB", (offset, line_no))
            continue
        if raw[-1:] in _SPACE or raw[:1] in _SPACE:
            raw = raw.strip()
        if not raw:
            if complete:
                offset += size
                continue
            return
        try:
            obj, error = loads(raw), None
        except ValueError as exc:
            obj, error = None, str(exc)
        if not complete and not final:
            if error is None:       # parsed, but its newline may still be coming
                yield RawRecord(obj, f"{loc_prefix}{line_no}", resume=(offset, line_no - 1))
            return                  # a torn last line is re-read next time
        offset += size
        if error is None:
            yield RawRecord(obj, f"{loc_prefix}{line_no}", resume=(offset, line_no))
        else:
            yield Malformed(f"{loc_prefix}{line_no}", error, (offset, line_no))
