"""Reading changed JSONL files in reader processes, when there is enough to read.

A first collect over months of JSONL history decodes and normalises every line: CPU work that splits
across files. Reader processes (forked: they start in milliseconds with everything imported) each read
whole files into chunks (placing.read_plain_file) and send them back; the collector alone stages and
writes them, in discovery order, exactly as if it had read them itself — same events, cursors,
problems and crash safety (nothing a reader does touches the ledger). Small runs (a heartbeat's few
new lines), one-core machines and platforms without `fork` read in-process.

TOKEN_MONITOR_READERS: the number of reader processes; 1 reads in-process; unset: one per available
core (at most MAX_READERS) when at least PARALLEL_MIN_BYTES are to be read.
"""

from __future__ import annotations

import collections
import os
import sys
from typing import Iterator

from ..errors import UsageError
from .placing import Chunk, FileRead, read_plain_file

MAX_READERS = 4
PARALLEL_MIN_BYTES = 16 << 20     # below this, starting readers costs more than it saves
IN_PROCESS_MIN_BYTES = 64 << 20   # a file with more than this to read is read here (its chunks stream)
WINDOW_BYTES = 48 << 20           # bytes of files in flight: bounds the chunks held in memory
ENV = "TOKEN_MONITOR_READERS"


def reader_count(jobs: list[FileRead]) -> int:
    """How many reader processes to start for these jobs (1: read in-process)."""
    raw = os.environ.get(ENV, "").strip()
    if raw:
        if not raw.isdigit() or int(raw) < 1:
            raise UsageError(f"{ENV}={raw!r} is not a number of reader processes", hint=f"set {ENV} to 1 or more, or unset it")
        wanted = int(raw)
    else:
        if sum(j.to_read for j in jobs) < PARALLEL_MIN_BYTES:
            return 1
        wanted = min(_cores(), MAX_READERS)
    if wanted < 2 or len(jobs) < 2 or sys.platform != "linux":
        return 1            # fork is Linux's safe default; elsewhere reading in-process is the safe choice
    return min(wanted, len(jobs))


def read_chunks(jobs: list[FileRead], n: int) -> Iterator[Iterator[Chunk]]:
    """For each job, in order, an iterator of its chunks, read by `n` reader processes (1: in-process); it
    raises what reading the file raised (after the chunks read before it), as `read_plain_file` does."""
    if n == 1:
        for job in jobs:
            yield read_plain_file(job)
        return
    import multiprocessing

    pool = multiprocessing.get_context("fork").Pool(n)
    try:
        pending: collections.deque = collections.deque()
        queue = collections.deque(jobs)
        in_flight = 0

        def submit() -> None:
            nonlocal in_flight
            while queue and (len(pending) < n or in_flight < WINDOW_BYTES):
                job = queue.popleft()
                here = job.to_read > IN_PROCESS_MIN_BYTES       # its chunks stream here instead
                pending.append((job, None if here else pool.apply_async(_read_all, (job,))))
                in_flight += 0 if here else job.to_read

        submit()
        while pending:
            job, result = pending.popleft()
            if result is None:
                submit()
                yield read_plain_file(job)
            else:
                chunks, error = result.get()
                in_flight -= job.to_read
                submit()
                yield _replay(chunks, error)
        pool.close()
        pool.join()
    finally:
        pool.terminate()


def _read_all(job: FileRead) -> tuple[list[Chunk], BaseException | None]:
    """In a reader: every chunk of one file, and what stopped it early (raised in the collector)."""
    chunks: list[Chunk] = []
    try:
        for chunk in read_plain_file(job):
            chunks.append(chunk)
    except Exception as exc:          # handed over: the collector decides, as for an in-process read
        return chunks, exc
    return chunks, None


def _replay(chunks: list[Chunk], error: BaseException | None) -> Iterator[Chunk]:
    yield from chunks
    if error is not None:
        raise error


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1
