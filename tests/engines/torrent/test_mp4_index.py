"""Finding an MP4's index (moov) from the first bytes of the file (mp4_index.index_range)."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from app.engines.torrent.mp4_index import MAX_INDEX_BYTES, index_range
from tests.fakes.swarm import make_video


def box(kind: bytes, size: int, large: bool = False) -> bytes:
    if large:
        return struct.pack(">I4sQ", 1, kind, size)
    return struct.pack(">I4s", size, kind)


def test_index_after_the_media_data() -> None:
    head = box(b"ftyp", 32) + bytes(24) + box(b"free", 8) + box(b"mdat", 10_000_000)
    assert index_range(head, 10_000_040 + 5000) == (10_000_040, 10_005_040)


def test_index_at_the_start_is_found_in_the_head() -> None:
    head = box(b"ftyp", 24) + bytes(16) + box(b"moov", 3000) + bytes(2992) + box(b"mdat", 10**6)
    assert index_range(head, 10**6 + 3024) == (24, 3024)


def test_a_64_bit_mdat_size() -> None:
    size = 5 * 2**32
    head = box(b"ftyp", 16) + bytes(8) + box(b"mdat", size, large=True)
    assert index_range(head, 16 + size + 9000) == (16 + size, 16 + size + 9000)


@pytest.mark.parametrize(
    "head",
    [
        b"\x1aE\xdf\xa3" + bytes(60),  # a Matroska file
        box(b"ftyp", 4) + bytes(60),  # a box smaller than its own header
        box(b"ft\x00p", 16) + bytes(60),  # not a box type
        box(b"ftyp", 24) + bytes(16) + box(b"mdat", 0),  # media data to the end, no index
    ],
)
def test_not_an_mp4_or_no_index_says_so(head: bytes) -> None:
    assert index_range(head, 10**7) is None


def test_an_implausibly_large_tail_is_not_trusted() -> None:
    head = box(b"ftyp", 24) + bytes(16) + box(b"mdat", 1000)
    assert index_range(head, 1024 + MAX_INDEX_BYTES + 1) is None


def test_a_real_ffmpeg_file(tmp_path: Path) -> None:
    video = make_video(tmp_path / "film.mp4", seconds=4)  # ffmpeg writes the index at the end
    data = video.read_bytes()
    start, end = index_range(data[: 256 * 1024], len(data)) or (0, 0)
    assert end == len(data) and data[start + 4 : start + 8] == b"moov"
