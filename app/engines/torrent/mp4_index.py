"""Where an MP4's index (the moov box) lies, read from the first bytes of the file.

A player opens an MP4 by reading its start and then its index; when the index sits after the
media data (most files not made for the web) that is the end of the file, and its size grows
with the film: 66 KB for 100 s, several MB for two hours. Fetching exactly those bytes early
beats a fixed guess: a guess too small stalls the first frame, one too large delays it.
"""

from __future__ import annotations

import struct

# Anything larger after the media data is not an index we can trust to fetch up front.
MAX_INDEX_BYTES = 64 * 1024 * 1024


def index_range(head: bytes, file_size: int) -> tuple[int, int] | None:
    """The file's byte range [start, end) holding the index, or None when it cannot tell.

    Walks the top-level boxes found in ``head`` (the first piece of the file): a ``moov`` among
    them is the answer; past the last ``mdat`` whose end lies beyond ``head`` the rest of the
    file is (moov, perhaps with free/udta boxes around it).
    """
    pos = 0
    while pos + 8 <= len(head):
        size, kind = struct.unpack_from(">I4s", head, pos)
        header = 8
        if size == 1:
            if pos + 16 > len(head):
                return None
            (size,) = struct.unpack_from(">Q", head, pos + 8)
            header = 16
        elif size == 0:  # the box runs to the end of the file
            size = file_size - pos
        if size < header or not _is_box_type(kind):
            return None  # not an MP4, or a damaged one
        if kind == b"moov":
            return pos, min(pos + size, file_size)
        pos += size
        if pos >= file_size:
            return None  # no index after the last box: nothing to fetch from the end
    if pos < file_size and file_size - pos <= MAX_INDEX_BYTES:
        return pos, file_size
    return None


def _is_box_type(kind: bytes) -> bool:
    return all(32 <= c < 127 for c in kind)
