"""The bounds every reader of OpenClaw's data applies, in one place.

OpenClaw's files are written by a program we do not control and can be damaged: a JSON value nested
100,000 deep, a number with thousands of digits, NaN/Infinity, a line of gigabytes, a lone surrogate,
a file name that is not UTF-8. Readers parse through `loads` (any failure is a ValueError naming the
reason, so the record is skipped and reported with its location) and read lines through
`read_line` (memory bounded whatever the file size). Strings leave through `strings.text`:
valid UTF-8, with surrogates and undecodable bytes escaped as `\\udXXX`, never dropped.
"""

from __future__ import annotations

import json
from typing import Any

# Still imported from here by collect/normalize.py and collect/collector.py; their import moves to strings.py next.
from ..strings import text  # noqa: F401

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


def read_line(stream, *, limit: int | None = None) -> tuple[bytes, int]:
    """(line, its length in bytes) from a binary stream; a line longer than `limit` is returned as b""
    with its true length after skipping it chunk by chunk (memory stays bounded)."""
    limit = MAX_LINE_BYTES if limit is None else limit
    raw = stream.readline(limit + 1)
    if len(raw) <= limit or raw.endswith(b"\n"):
        return raw, len(raw)
    n = len(raw)
    ended = False
    while True:
        more = stream.readline(CHUNK_BYTES)
        n += len(more)
        if not more:
            break
        if more.endswith(b"\n"):
            ended = True
            break
    return (b"\n" if ended else b""), n

