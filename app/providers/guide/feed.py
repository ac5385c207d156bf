"""What every guide format yields (channel and programme records), and how a feed file is opened:
decompressed by magic bytes, read through a counter, its first bytes peeked at for sniffing."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, NamedTuple

from app.domain.errors import BadFeed

GZIP_MAGIC = b"\x1f\x8b"
XZ_MAGIC = b"\xfd7zXZ\x00"
BZ2_MAGIC = b"BZh"
ZIP_MAGIC = b"PK\x03\x04"
HEAD_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class ChannelRecord:
    guide_id: str
    name: str
    display_names: tuple[str, ...] = ()
    logo: str | None = None
    group_title: str | None = None
    number: int | None = None
    stream_url: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    catchup_mode: str | None = None
    catchup_source: str | None = None
    catchup_days: int | None = None
    tvg_shift: float | None = None
    tvg_name: str | None = None
    tvg_id: str | None = None
    catchup_correction: float | None = None  # hours (catchup-correction)


class ProgrammeRecord(NamedTuple):
    """One airing as read from a feed (times in unix seconds, UTC)."""

    channel: str
    start: int
    stop: int | None
    title: str
    subtitle: str | None = None
    description: str | None = None
    categories: tuple[str, ...] = ()
    episode: str | None = None
    icon: str | None = None
    catchup_id: str | None = None
    year: int | None = None
    country: str | None = None
    director: str | None = None
    kind_flag: str | None = None  # a provider's own verdict: film, series ...


class CountingReader(io.RawIOBase):
    """Wraps a binary stream; reports bytes read (of the file on disk) to a callback."""

    def __init__(self, raw: IO[bytes], on_bytes: Callable[[int], None] | None) -> None:
        self._raw = raw
        self._on_bytes = on_bytes
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        n = self._raw.readinto(b)  # type: ignore[attr-defined]
        if n:
            self.count += n
            if self._on_bytes is not None:
                self._on_bytes(self.count)
        return int(n or 0)


class _SafeDecompressed(io.RawIOBase):
    """Turns the decompressors' own errors (truncated gzip, bad CRC) into BadFeed."""

    def __init__(self, stream: IO[bytes], label: str) -> None:
        self._stream = stream
        self._label = label

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            data = self._stream.read(len(b))
        except (EOFError, OSError, zlib.error, lzma.LZMAError, ValueError) as exc:
            raise BadFeed(f"{self._label}: compressed data is broken or truncated ({exc})") from exc
        n = len(data)
        b[:n] = data
        return n

    def close(self) -> None:
        self._stream.close()
        super().close()


def open_feed(path: Path, label: str, on_bytes: Callable[[int], None] | None = None) -> IO[bytes]:
    """A buffered binary stream of the feed's content, gz/xz/bz2 undone by magic bytes."""
    raw = open(path, "rb")  # noqa: SIM115 - the caller closes the returned stream
    magic = raw.read(6)
    raw.seek(0)
    counted = io.BufferedReader(CountingReader(raw, on_bytes), 256 * 1024)
    inner: Any
    if magic.startswith(GZIP_MAGIC):
        inner = gzip.GzipFile(fileobj=counted, mode="rb")
    elif magic.startswith(XZ_MAGIC):
        inner = lzma.LZMAFile(counted, mode="rb")  # noqa: SIM115
    elif magic.startswith(BZ2_MAGIC):
        inner = bz2.BZ2File(counted, mode="rb")
    elif magic.startswith(ZIP_MAGIC):
        counted.close()
        raise BadFeed(f"{label}: a ZIP archive, not a guide (JTV/zip guides are not supported)")
    else:
        return counted
    return io.BufferedReader(_SafeDecompressed(inner, label), 256 * 1024)


def read_head(stream: IO[bytes], size: int = HEAD_BYTES) -> bytes:
    """Peek at the start of a buffered stream without consuming it."""
    peek = getattr(stream, "peek", None)
    if peek is None:
        raise TypeError("stream must be buffered")
    head: bytes = peek(size)[:size]
    return head


def content_start(head: bytes) -> bytes:
    """The first bytes of the text without BOM and leading blanks (UTF-16 re-encoded as UTF-8),
    which is what the formats' ``sniff`` look at."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = text.decode("utf-16", "ignore").encode("utf-8").lstrip()
    return text


def looks_like_html(head: bytes) -> bool:
    """A web page (a login or error page served instead of the feed): no format reads it."""
    text = content_start(head)
    if not text.startswith(b"<"):
        return False
    lowered = text[:4096].lower()
    return b"<html" in lowered or b"<!doctype html" in lowered
