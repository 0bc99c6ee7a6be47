"""Reading changed JSONL files in reader processes, when there is enough to read.

A first collect over months of JSONL history decodes and normalises every line: CPU work that splits
across files. Reader processes (forked: they start in a millisecond with everything imported) read
whole files into chunks (placing.read_plain_file) and send them back through a pipe each; the collector
alone stages and writes them, in discovery order, exactly as if it had read them itself — same events,
cursors, problems and crash safety (nothing a reader does touches the ledger). Reader k reads files
k, k+n, k+2n…; a full pipe makes it wait, so at most a pipe's worth of chunks is ever in flight.
Small runs (a heartbeat's few new lines), one-core machines, platforms other than Linux and a
process with other threads running (`metrics --serve`) read in-process. A reader that dies (killed, out
of memory) or cannot be started (a process limit) costs nothing: its files are read in-process.

TOKEN_MONITOR_READERS: the number of reader processes; 1 reads in-process; unset: one per available
core (at most MAX_READERS) when at least PARALLEL_MIN_BYTES are to be read.
"""

from __future__ import annotations

import os
import pickle
import signal
import struct
import sys
from typing import Iterator

from ..errors import UsageError
from .placing import Chunk, FileRead, read_plain_file

MAX_READERS = 4
PARALLEL_MIN_BYTES = 16 << 20     # below this, starting readers costs more than it saves
PIPE_BYTES = 1 << 20              # each reader's pipe (Linux raises it up to pipe-max-size, 1 MiB by default)
ENV = "TOKEN_MONITOR_READERS"
_LEN = struct.Struct("<Q")


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
    if wanted < 2 or len(jobs) < 2 or sys.platform != "linux" or not _single_threaded():
        return 1            # fork without threads is safe on Linux (`metrics --serve` collects in a thread: not there)
    return min(wanted, len(jobs))


def _single_threaded() -> bool:
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() == 1


def read_chunks(jobs: list[FileRead], n: int) -> Iterator[Iterator[Chunk]]:
    """For each job, in order, an iterator of its chunks, read by `n` reader processes (1: in-process); it
    raises what reading the file raised (after the chunks read before it), as `read_plain_file` does."""
    if n == 1:
        for job in jobs:
            yield read_plain_file(job)
        return
    readers: list[tuple[int, int]] = []         # (pid, read end of its pipe)
    try:
        for k in range(n):
            try:
                readers.append(_start_reader(jobs[k::n], [fd for _, fd in readers]))
            except OSError:         # no process to be had (a process limit, no memory): read its files here
                break
        alive = [k < len(readers) for k in range(n)]
        for i, job in enumerate(jobs):
            k = i % n
            result = _receive(readers[k][1]) if alive[k] else None
            if result is None:          # the reader died: this file and its others are read here
                alive[k] = False
                yield read_plain_file(job)
            else:
                yield _replay(*result)
    finally:
        for pid, fd in readers:
            os.close(fd)
            try:
                os.kill(pid, signal.SIGKILL)    # done already, or abandoned (an error, Ctrl-C): never left running
            except ProcessLookupError:
                pass
            os.waitpid(pid, 0)


def _start_reader(jobs: list[FileRead], inherited: list[int]) -> tuple[int, int]:
    r, w = os.pipe()
    try:
        import fcntl

        fcntl.fcntl(w, getattr(fcntl, "F_SETPIPE_SZ", 1031), PIPE_BYTES)     # let a reader run a few files ahead
    except (ImportError, OSError):
        pass
    try:
        pid = os.fork()
    except OSError:
        os.close(r)
        os.close(w)
        raise
    if pid == 0:                                # the reader: read, send, exit without running any cleanup
        code = 1
        try:
            signal.signal(signal.SIGINT, signal.SIG_IGN)     # Ctrl-C is the collector's to answer
            os.close(r)
            for fd in inherited:
                os.close(fd)
            with os.fdopen(w, "wb", buffering=PIPE_BYTES) as out:
                for job in jobs:
                    blob = pickle.dumps(_read_all(job), protocol=pickle.HIGHEST_PROTOCOL)
                    out.write(_LEN.pack(len(blob)))
                    out.write(blob)
                    out.flush()
            code = 0
        except BaseException:                   # the collector notices the missing results and reads them itself
            pass
        finally:
            os._exit(code)
    os.close(w)
    return pid, r


def _receive(fd: int) -> tuple[list[Chunk], BaseException | None] | None:
    """One reader's next result, or None when it ended without sending it."""
    head = _read_exactly(fd, _LEN.size)
    if head is None:
        return None
    blob = _read_exactly(fd, _LEN.unpack(head)[0])
    if blob is None:
        return None
    try:
        return pickle.loads(blob)
    except Exception:           # e.g. an error type that cannot be rebuilt here: the file is read in-process
        return None


def _read_exactly(fd: int, n: int) -> bytes | None:
    parts, got = [], 0
    while got < n:
        part = os.read(fd, min(n - got, PIPE_BYTES))
        if not part:
            return None
        parts.append(part)
        got += len(part)
    return b"".join(parts)


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
