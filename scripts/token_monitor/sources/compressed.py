"""zstd frames as OpenClaw writes them (rows, archives, `.zst` files).

zstandard is imported when a zstd frame is first met (a JSONL-only state never loads it): `zstd()`
for the module, `compressed.ZstdError` for its error (resolved on use, PEP 562)."""

from __future__ import annotations

import io

ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"


def zstd():
    import zstandard

    return zstandard


class _NoZstd(Exception):
    """Stands for zstandard.ZstdError where zstandard is missing (diagnose reports that): nothing raises it."""


def __getattr__(name: str):
    if name == "ZstdError":
        try:
            return zstd().ZstdError
        except ImportError:
            return _NoZstd
    raise AttributeError(name)


def is_zstd(head: bytes) -> bool:
    """OpenClaw writes plain JSONL under a `.zst` name (and plain archive blobs) when zstd is unavailable:
    only the frame magic says which it is."""
    return bytes(head[:4]) == ZSTD_MAGIC


def open_stream(fh: io.BufferedIOBase) -> io.BufferedIOBase:
    """A binary file (at its start) as a stream of its content, decompressed as it is read when it is a zstd
    frame: OpenClaw writes plain JSONL under a `.zst` name when zstd is unavailable."""
    head = fh.read(4)
    fh.seek(0)
    if not is_zstd(head):
        return fh
    reader = _dctx().stream_reader(fh, closefd=True, read_across_frames=True)
    return io.BufferedReader(reader, buffer_size=1 << 16)


def open_blob(data: bytes) -> io.BufferedIOBase:
    """A stream over a blob's content, decompressed as it is read when it is a zstd frame (memory stays
    bounded by the reader's line bound, not by the archive's decompressed size)."""
    if not is_zstd(data):
        return io.BytesIO(data)
    reader = _dctx().stream_reader(io.BytesIO(data), read_across_frames=True)
    return io.BufferedReader(reader, buffer_size=1 << 16)


_DCTX: list = []


def _dctx():
    """One decompressor for the process: building a context per row cost more than decompressing it."""
    if not _DCTX:
        _DCTX.append(zstd().ZstdDecompressor())
    return _DCTX[0]


def decode_zstd(blob: bytes, *, expected_len: int | None = None) -> bytes:
    dctx = _dctx()
    if expected_len:
        out = dctx.decompress(blob, max_output_size=expected_len)
    else:
        from .bounded import MAX_DECOMPRESSED_BYTES

        out = dctx.stream_reader(io.BytesIO(blob)).read(MAX_DECOMPRESSED_BYTES + 1)
        if len(out) > MAX_DECOMPRESSED_BYTES:
            raise ValueError(f"decompresses to more than {MAX_DECOMPRESSED_BYTES >> 30} GiB")
    if expected_len is not None and len(out) != expected_len:
        raise ValueError(f"decompressed {len(out)} bytes, expected {expected_len}")
    return out
