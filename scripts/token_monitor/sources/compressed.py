"""zstd frames as OpenClaw writes them (rows, archives, `.zst` files)."""

from __future__ import annotations

import io

import zstandard

ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
ZstdError = zstandard.ZstdError


def is_zstd(head: bytes) -> bool:
    """OpenClaw writes plain JSONL under a `.zst` name (and plain archive blobs) when zstd is unavailable:
    only the frame magic says which it is."""
    return bytes(head[:4]) == ZSTD_MAGIC


def unwrap(data: bytes) -> bytes:
    """The bytes, decompressed when they are a zstd frame."""
    return decode_zstd(data) if is_zstd(data) else data


_DCTX: list = []


def decode_zstd(blob: bytes, *, expected_len: int | None = None) -> bytes:
    # One decompressor for the process: building a context per row cost more than decompressing it.
    if not _DCTX:
        _DCTX.append(zstandard.ZstdDecompressor())
    dctx = _DCTX[0]
    if expected_len:
        out = dctx.decompress(blob, max_output_size=expected_len)
    else:
        out = dctx.stream_reader(io.BytesIO(blob)).read()
    if expected_len is not None and len(out) != expected_len:
        raise ValueError(f"decompressed {len(out)} bytes, expected {expected_len}")
    return out
