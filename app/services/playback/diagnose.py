"""Why a source could not be played, in words: the server's HTTP status, no answer, a web page
or no video in the file, a missing or empty file (asked after the player gave up on it)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from app.core.tasks import run_blocking
from app.domain.models import MediaRequest
from app.net.reach import probe
from app.services.context import AppContext

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")  # two letters or more: C:\\ is a drive

# the first bytes of the containers libvlc plays (a file with none of them holds no video)
_MAGIC = (
    (4, b"ftyp"),  # MP4, MOV, 3GP
    (0, b"\x1a\x45\xdf\xa3"),  # Matroska, WebM
    (0, b"RIFF"),  # AVI
    (0, b"\x00\x00\x01\xba"),  # MPEG-PS
    (0, b"FLV"),
    (0, b"OggS"),
    (0, b"#EXTM3U"),  # HLS
    (0, b"\x30\x26\xb2\x75"),  # ASF / WMV
    (0, b"ID3"),
    (0, b"fLaC"),
)


class Why(StrEnum):
    HTTP_STATUS = "http_status"  # ``status`` says which
    UNREACHABLE = "unreachable"  # ``detail``: cannot reach host:port (why)
    WEB_PAGE = "web_page"  # the link leads to a web page, not a video
    NO_VIDEO = "no_video"  # the file or answer holds no video (no container we know)
    MISSING = "missing"  # the file is not there any more
    EMPTY = "empty"  # the file is empty


@dataclass(frozen=True)
class Diagnosis:
    why: Why
    status: int | None = None
    detail: str = ""


def has_video_container(head: bytes) -> bool:
    if head[:1] == b"\x47" and (len(head) <= 188 or head[188:189] == b"\x47"):
        return True  # MPEG-TS: a sync byte every 188 bytes
    return any(head[offset : offset + len(magic)] == magic for offset, magic in _MAGIC)


def _local(path: Path) -> Diagnosis | None:
    if not path.exists():
        return Diagnosis(Why.MISSING, detail=str(path))
    if path.is_file() and path.stat().st_size == 0:
        return Diagnosis(Why.EMPTY, detail=str(path))
    if path.is_file():
        with path.open("rb") as fh:
            if not has_video_container(fh.read(4096)):
                return Diagnosis(Why.NO_VIDEO, detail=path.name)
    return None


async def diagnose(services: AppContext, request: MediaRequest) -> Diagnosis | None:
    """What can be found out about a source that did not play (None: nothing more to say)."""
    location = request.location
    if location.startswith(("http://", "https://")):
        answer = await probe(services.http, location, dict(request.headers))
        if answer.unreachable:
            return Diagnosis(Why.UNREACHABLE, detail=answer.unreachable)
        assert answer.status is not None
        if answer.status >= 400:
            return Diagnosis(Why.HTTP_STATUS, status=answer.status)
        if "text/html" in answer.content_type.lower():
            return Diagnosis(Why.WEB_PAGE)
        if answer.head and not has_video_container(answer.head) and "mpegurl" not in answer.content_type:
            return Diagnosis(Why.NO_VIDEO)
        return None
    if location.startswith("file://"):
        return await run_blocking(_local, Path(url2pathname(urlsplit(location).path)))
    if not _SCHEME.match(
        location
    ):  # a path (a drive letter is not a scheme); magnet:, acestream: … say for themselves
        return await run_blocking(_local, Path(location))
    return None
