"""The bounds every reader of OpenClaw's data applies, in one place.

OpenClaw's files are written by a program we do not control and can be damaged: a JSON value nested
100,000 deep, a number with thousands of digits, NaN/Infinity, a line of gigabytes, a lone surrogate,
a file name that is not UTF-8. Readers parse through `loads` (any failure is a ValueError naming the
reason, so the record is skipped and reported with its location) and read lines through
`raw_lines` (memory bounded whatever the file size). Strings leave through `strings.text`:
valid UTF-8, with surrogates and undecodable bytes escaped as `\\udXXX`, never dropped.
"""

from __future__ import annotations

import json
from typing import Any, Iterator

# No transcript line OpenClaw writes comes near this (a 50 MB tool result has been seen): a longer
# "line" is damage (a sparse or zero-filled file) and is skipped in chunks, never held in memory.
MAX_LINE_BYTES = 128 * 1024 * 1024
CHUNK_BYTES = 1024 * 1024
# sessions.json, openclaw.json and its includes are read whole: larger is not a real config or index.
MAX_WHOLE_FILE_BYTES = 256 * 1024 * 1024
# A decompressed archive or row: beyond this it is a decompression bomb, not a transcript.
MAX_DECOMPRESSED_BYTES = 4 * 1024 * 1024 * 1024


def loads(data: str | bytes) -> Any:
    """json.loads whose every failure is a ValueError with a short reason (never RecursionError,
    never a message quoting the data)."""
    try:
        return json.loads(data)
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON ({exc.msg})") from None
    except UnicodeDecodeError:
        raise ValueError("not UTF-8") from None
    except RecursionError:
        raise ValueError("JSON nested too deep") from None
    except ValueError:          # int() beyond sys.get_int_max_str_digits
        raise ValueError("number with too many digits") from None


def raw_lines(stream, *, limit: int | None = None, block: int = CHUNK_BYTES) -> Iterator[tuple[bytes, int, bool]]:
    """Every line of a binary stream as (content without its newline, length in bytes with it, terminated),
    read in blocks of `block` bytes and split in C (no per-line `readline`). A line longer than `limit`
    comes as (b"", its true length, terminated) after being skipped block by block: memory stays within
    `limit` + `block` whatever the file holds. The last line may come unterminated (a writer mid-append)."""
    limit = MAX_LINE_BYTES if limit is None else limit
    tail = b""          # the start of a line continued in the next block
    skipped = 0         # > 0: inside an over-long line, this many bytes of it seen
    while True:
        chunk = stream.read(block)
        if not chunk:
            break
        if skipped:
            nl = chunk.find(b"\n")
            if nl < 0:
                skipped += len(chunk)
                continue
            yield b"", skipped + nl + 1, True
            skipped = 0
            chunk = chunk[nl + 1:]
        if tail:
            chunk = tail + chunk
        parts = chunk.split(b"\n")
        tail = parts.pop()
        for part in parts:
            n = len(part) + 1
            if n > limit:
                yield b"", n, True
            else:
                yield part, n, True
        if len(tail) > limit:
            skipped, tail = len(tail), b""
    if skipped:
        yield b"", skipped, False
    elif tail:
        yield tail, len(tail), False


# orjson: a C decoder 2-3x faster than json's on transcript lines; json stays the reference. Imported on
# first use (a collect whose reader processes do the decoding never loads it); None: not installed.
_UNSET = object()
_orjson = _UNSET


def orjson_module():
    """orjson when it is installed, else None (json alone decodes, with the same results)."""
    global _orjson
    if _orjson is _UNSET:
        try:
            import orjson
        except ImportError:      # pragma: no cover - a platform without its wheel
            orjson = None
        _orjson = orjson
    return _orjson


_BIG = float(2**63)
# The raw values collect/normalize.dedupe_key puts into an assistant message's key (the record's
# `timestamp` only when it has no string `id`). tests/test_json_decoding.py holds the two equal.
KEY_MESSAGE_FIELDS = ("timestamp", "responseId", "provider", "model", "stopReason")


def _exact(value: Any) -> bool:
    """Whether orjson's value is what json would give: not a float that may be a >64-bit integer, not a
    container (whose numbers would need the same look)."""
    c = value.__class__
    if c is float:
        return -_BIG < value < _BIG
    return c is not dict and c is not list


def loads_record(data: bytes) -> Any:
    """`loads` for transcript lines and rows, through orjson when it is installed, with exactly `loads`'s
    results where they matter: whatever orjson refuses (NaN, 1e999, lone surrogates, a BOM, damage) goes
    to `loads`, which gives the value or the same one-line reason as always. orjson reads an integer
    beyond 64 bits as a float, which changes nothing normalisation accepts (counts, costs and times that
    large are refused either way) but would change a dedupe key: a record whose key fields could hold
    one, or that is not an object, is decoded again by `loads`."""
    fast = _orjson if _orjson is not _UNSET else orjson_module()
    if fast is None:
        return loads(data)
    try:
        obj = fast.loads(data)
    except fast.JSONDecodeError:
        return loads(data)
    if obj.__class__ is not dict:
        return loads(data)
    msg = obj.get("message")
    if msg.__class__ is dict:
        for k in KEY_MESSAGE_FIELDS:
            if not _exact(msg.get(k)):
                return loads(data)
        if obj.get("id").__class__ is not str and not _exact(obj.get("timestamp")):
            return loads(data)
    return obj

