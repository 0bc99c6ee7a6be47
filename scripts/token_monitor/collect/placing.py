"""From records to placed events, in chunks: the pure part of collection (no ledger, no staging).

`place_records` turns what any source yields into chunks of at most BATCH records: the usage events
to stage as ledger rows (normalised, ranked for ownership, heartbeat-tagged), the malformed records to report with
their location, and the session state and resume point after them. The collector applies chunks in
order; `read_plain_file` produces them for one JSONL file, in this process or in a reader process
(collect/parallel.py), with the same result.
"""

from __future__ import annotations

import dataclasses
from typing import Iterable, Iterator

from ..ledger.store import event_row, owner_rank
from ..model import Malformed, RawRecord, Skip
from ..sources import jsonl
from ..sources.discovery import KIND_RANK
from . import normalize
from .normalize import normalize_record, parse_iso_ms

BATCH = 2000            # records per chunk; events per transaction (at most ~2x this staged)
HEAD_LEN = 4096         # a file's first bytes, fingerprinted in its cursor: a file replaced under the same name differs


class SessionState:
    """What a reader must remember across chunks of one session: header time, heartbeat marker."""

    __slots__ = ("header_ms", "heartbeat")

    def __init__(self, header_ms: int | None = None, heartbeat: bool = False):
        self.header_ms = header_ms
        self.heartbeat = heartbeat

    def observe(self, obj) -> None:
        if not isinstance(obj, dict):
            return
        if obj.get("type") == "session" and self.header_ms is None:
            self.header_ms = parse_iso_ms(obj.get("timestamp"))
        elif obj.get("type") == "message" and isinstance(obj.get("message"), dict):
            msg = obj["message"]
            if msg.get("role") == "user":
                self.heartbeat = normalize.user_text_has_heartbeat(msg)


@dataclasses.dataclass(slots=True)
class Chunk:
    """What up to BATCH consecutive records of one source came to."""

    events: list[tuple] = dataclasses.field(default_factory=list)   # ledger rows (ledger.store.event_row)
    problems: list[tuple[str, str, str]] = dataclasses.field(default_factory=list)  # (source, location, reason)
    synthetic: int = 0                    # rows that were never model calls
    last: RawRecord | Malformed | None = None   # the last record read (its `resume` is where to go on)
    header_ms: int | None = None          # the session state after the chunk (for its cursor)
    heartbeat: bool = False
    final: bool = False                   # the source's last chunk: its cursor is the caller's to write
    head: str | None = None               # a file's: the fingerprint of its first `head_len` bytes (for its cursor)


def place_records(records: Iterable[RawRecord | Malformed], *, source_id: str, agent: str, session_id: str,
                  kind: str, path: str, state: SessionState) -> Iterator[Chunk]:
    """Every record of one source, placed, as chunks of BATCH records and a final (possibly empty) one.
    Malformed records and malformed rows are counted and located, never silently skipped."""
    chunk = Chunk()
    rec = None
    kind_rank = KIND_RANK.get(kind, 9)
    row_source = f"{'sqlite' if kind in ('sqlite', 'archive') else 'file'}:{path}"
    for n, rec in enumerate(records, 1):
        if rec.__class__ is Malformed:
            chunk.problems.append((source_id, rec.loc, rec.detail))
        else:
            obj = rec.obj
            # Most records are not assistant messages: decided here, without normalize_record's work
            # (same outcome: a non-message or a user/tool message is a normal skip).
            if obj.__class__ is dict and ((kind_ := obj.get("type")) != "message"
                                          or ((msg := obj.get("message")).__class__ is dict
                                              and msg.get("role") != "assistant")):
                if kind_ == "session" or (kind_ == "message" and msg.get("role") == "user"):
                    state.observe(obj)
            else:
                sid = rec.session_id or session_id
                result = normalize_record(obj, session_id=sid, fallback_ms=rec.created_ms)
                if result.__class__ is Skip:
                    if result.reason == "synthetic":
                        chunk.synthetic += 1
                    elif result.malformed:
                        chunk.problems.append((row_source, rec.loc,
                                               result.reason + (f" ({result.detail})" if result.detail else "")))
                else:
                    appeared = max(rec.created_ms or result.ts_ms, state.header_ms or 0)
                    chunk.events.append(event_row(
                        result, agent=agent, session_id=sid, kind=kind, path=path, loc=rec.loc,
                        rank=owner_rank(appeared, kind_rank, sid), trigger="heartbeat" if state.heartbeat else None,
                    ))
        if n % BATCH == 0:
            chunk.last, chunk.header_ms, chunk.heartbeat = rec, state.header_ms, state.heartbeat
            yield chunk
            chunk = Chunk()
    chunk.last, chunk.header_ms, chunk.heartbeat, chunk.final = rec, state.header_ms, state.heartbeat, True
    yield chunk


@dataclasses.dataclass(frozen=True, slots=True)
class FileRead:
    """One plain JSONL file to read from `start` (byte offset, after `line_no` lines) with the session
    state its cursor kept: everything a reader needs, in this process or another."""

    source_id: str
    agent: str
    path: str
    kind: str
    session_id: str
    start: int
    line_no: int
    header_ms: int | None
    heartbeat: bool
    to_read: int = 0          # bytes from `start` to the end when it was planned (how to share the work)
    head_len: int = 0         # how many first bytes its cursor fingerprints


def read_plain_file(job: FileRead) -> Iterator[Chunk]:
    """The chunks of one JSONL file from the job's offset; a last line still being written is left
    for the next run (jsonl_records, final=False)."""
    state = SessionState(job.header_ms, job.heartbeat)
    with open(job.path, "rb") as fh:
        head = jsonl.fingerprint(fh, job.head_len)
        fh.seek(job.start)
        records = jsonl.jsonl_records(fh, start=job.start, start_line=job.line_no, final=False)
        for chunk in place_records(records, source_id=job.source_id, agent=job.agent, session_id=job.session_id,
                                   kind=job.kind, path=job.path, state=state):
            chunk.head = head
            yield chunk
