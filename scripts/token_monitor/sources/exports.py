"""Read another host's `export --format jsonl` (plain, gzip or zstd) into values the ledger can merge.

A record's identity is its `eventKey`, the same dedupe key the collector gives a call, so a call
held twice (the same file imported again, a later export that overlaps, this host's own export,
two hosts reading one shared state) is one call. The compression is recognised by its magic bytes,
not the file name. A file with a line that is not an export record is rejected whole, naming the
line (never its content), so an import is all of a file or none of it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import io
import math
from pathlib import Path
from typing import IO, Any, Iterator

import jsonlines

from ..errors import ExitCode, TokenMonitorError
from ..hosts import clean_name
from ..ledger.store import PlacedEvent, owner_rank
from ..model import UsageEvent
from . import compressed
from .jsonl import file_digest as _digest

GZIP_MAGIC = b"\x1f\x8b"
IMPORT_KIND = "import"
IMPORT_KIND_RANK = 9        # any copy read from OpenClaw's own files owns a call before an imported one
NUMBERS = ("input", "output", "cacheRead", "cacheWrite", "totalTokens")
COSTS = ("cost", "costInput", "costOutput", "costCacheRead", "costCacheWrite")
STATUSES = ("ok", "missing", "error", "aborted")


class ImportFileError(TokenMonitorError, exit_code=ExitCode.USAGE, code="import.bad-file"):
    """An export file that cannot be read or holds a line that is not an export record; nothing of it is imported."""


@dataclasses.dataclass(frozen=True)
class ImportedEvent:
    """One exported call: where it was collected and everything the ledger keeps of it."""

    host_id: str
    host_name: str
    placed: PlacedEvent
    session_key: str | None
    channel: str | None


def file_digest(path: Path) -> str:
    """sha256 of the file's bytes: the checkpoint that makes re-reading an unchanged file free."""
    try:
        return _digest(path)
    except OSError as exc:
        raise ImportFileError(f"cannot read {path} ({exc.strerror or exc})",
                              hint="check the path and its permissions", code="import.unreadable") from None


def _open_text(path: Path) -> IO[str]:
    raw = open(path, "rb")
    head = raw.read(4)
    raw.seek(0)
    if head[:2] == GZIP_MAGIC:
        stream: IO[bytes] = gzip.GzipFile(fileobj=raw)
    else:
        stream = compressed.open_stream(raw)
    return io.TextIOWrapper(stream, encoding="utf-8")


def read_export(path: Path) -> Iterator[ImportedEvent]:
    """Every record of an export file, in order; ImportFileError at the first line that is not one."""
    lineno = 0
    try:
        with _open_text(path) as text, jsonlines.Reader(text) as reader:
            for lineno, obj in enumerate(reader.iter(skip_empty=True), start=1):
                yield parse_record(obj, where=f"{path} line {lineno}")
    except jsonlines.InvalidLineError as exc:
        raise _bad(f"{path} line {exc.lineno}", "is not JSON") from None
    except (OSError, EOFError, UnicodeDecodeError, gzip.BadGzipFile) as exc:
        raise ImportFileError(f"cannot read {path} after line {lineno} ({type(exc).__name__}: truncated or not an export)",
                              hint="copy the export again; it must be `token-monitor export --format jsonl` output, "
                                   "plain, .gz or .zst", code="import.unreadable") from None
    except compressed.ZstdError as exc:
        raise ImportFileError(f"cannot decompress {path} ({exc})", hint="copy the export again",
                              code="import.unreadable") from None


def _bad(where: str, why: str) -> ImportFileError:
    return ImportFileError(f"{where} {why}; nothing from this file was imported",
                           hint="import only `token-monitor export --format jsonl` output (plain, .gz or .zst) "
                                "from token-monitor with host support", code="import.bad-record")


def _int(rec: dict, key: str, where: str) -> int:
    v = rec.get(key)
    if isinstance(v, bool) or not isinstance(v, int) or v < 0:
        raise _bad(where, f"has no whole non-negative {key!r}")
    return v


def _cost(rec: dict, key: str, where: str) -> float | None:
    v = rec.get(key)
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
        raise _bad(where, f"has a {key!r} that is not a number")
    return float(v)


def _text(rec: dict, key: str, where: str, *, required: bool = False) -> str | None:
    v = rec.get(key)
    if v is None and not required:
        return None
    if not isinstance(v, str) or (required and not v):
        raise _bad(where, f"has no {key!r}")
    return v


def _ts_ms(text: str, where: str) -> int:
    try:
        ts = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise _bad(where, "has a timestamp that is not ISO 8601") from None
    if ts.tzinfo is None:
        raise _bad(where, "has a timestamp without a zone")
    return int(round(ts.timestamp() * 1000))


def parse_record(rec: Any, *, where: str) -> ImportedEvent:
    """One export line -> ImportedEvent; ImportFileError naming `where` when it is not an export record."""
    if not isinstance(rec, dict):
        raise _bad(where, "is not a JSON object")
    key = _text(rec, "eventKey", where, required=True)
    host_id = _text(rec, "hostId", where, required=True)
    host_name = clean_name(rec.get("host")) or host_id[:8]
    agent = _text(rec, "agent", where, required=True)
    session_id = _text(rec, "sessionId", where, required=True)
    ts_ms = _ts_ms(_text(rec, "timestamp", where, required=True), where)
    n = {k: _int(rec, k, where) for k in NUMBERS}
    c = {k: _cost(rec, k, where) for k in COSTS}
    status = rec.get("usageStatus")
    if status not in STATUSES:
        raise _bad(where, "has an unknown 'usageStatus'")
    event = UsageEvent(
        key=key, entry_id=_text(rec, "entryId", where), response_id=_text(rec, "responseId", where),
        provider=_text(rec, "provider", where, required=True), model=_text(rec, "model", where, required=True),
        api=_text(rec, "api", where), ts_ms=ts_ms, input=n["input"], output=n["output"],
        cache_read=n["cacheRead"], cache_write=n["cacheWrite"], total_tokens=n["totalTokens"],
        cost_total=c["cost"], cost_input=c["costInput"], cost_output=c["costOutput"],
        cost_cache_read=c["costCacheRead"], cost_cache_write=c["costCacheWrite"],
        cost_origin=_text(rec, "costOrigin", where), stop_reason=_text(rec, "stopReason", where), usage_status=status,
    )
    placed = PlacedEvent(
        event=event, agent=agent, session_id=session_id, source_kind=IMPORT_KIND,
        source_path=f"{IMPORT_KIND}:{host_name}", source_loc=_text(rec, "source", where) or "",
        owner_rank=owner_rank(ts_ms, IMPORT_KIND_RANK, session_id), trigger=_text(rec, "trigger", where),
    )
    return ImportedEvent(host_id=host_id, host_name=host_name, placed=placed,
                         session_key=_text(rec, "sessionKey", where), channel=_text(rec, "channel", where))
