"""Turning a magnet, a .torrent file or a bare info-hash into a torrent; file list and choice."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import parse_qsl

import libtorrent as lt

from app.domain.errors import BadTorrent

MAX_TORRENT_BYTES = 20 * 1024 * 1024
_VIDEO = ".mkv .mp4 .m4v .avi .mov .wmv .webm .ts .m2ts .mts .mpg .mpeg .flv .ogv .vob .3gp"
VIDEO_EXTENSIONS = frozenset(_VIDEO.split(" "))
_HEX40 = re.compile(r"^[0-9a-fA-F]{40}$")
_BASE32 = re.compile(r"^[A-Za-z2-7]{32}$")
_HEX64 = re.compile(r"^[0-9a-fA-F]{64}$")


@dataclass(frozen=True)
class TorrentFile:
    index: int
    path: str
    size: int
    offset: int
    is_pad: bool
    is_video: bool


@dataclass(frozen=True)
class Source:
    """A parsed source: libtorrent add params, peer hints and a label for the database."""

    params: Any
    peers: tuple[tuple[str, int], ...]
    info_hash: str
    kind: str  # magnet | file | hash


def parse_source(source: str) -> Source:
    """Parse what the user gave us; raise BadTorrent with a readable reason."""
    text = source.strip()
    if not text:
        raise BadTorrent("empty torrent source")
    if _HEX40.match(text) or _BASE32.match(text):
        return _parse_magnet(f"magnet:?xt=urn:btih:{text}", kind="hash")
    if _HEX64.match(text):
        return _parse_magnet(f"magnet:?xt=urn:btmh:1220{text}", kind="hash")
    if text.lower().startswith("magnet:"):
        return _parse_magnet(_lower_magnet(text), kind="magnet")
    path = Path(text).expanduser()
    if path.suffix.lower() == ".torrent" or path.is_file():
        return _parse_file(path)
    raise BadTorrent(f"not a magnet link, .torrent file or info-hash: {text[:80]!r}")


def _lower_magnet(uri: str) -> str:
    """``MAGNET:?XT=URN:BTIH:...`` as libtorrent reads it: scheme, keys and the urn prefix in lower case."""
    query = uri[len("magnet:") :].lstrip("?")
    parts = []
    for part in query.replace("&amp;", "&").split("&"):
        key, sep, value = part.partition("=")
        key = key.lower()
        if key == "xt":
            value = re.sub(r"(?i)^urn:(btih|btmh):", lambda m: f"urn:{m.group(1).lower()}:", value)
        parts.append(f"{key}{sep}{value}")
    return "magnet:?" + "&".join(parts)


def _parse_magnet(uri: str, kind: str) -> Source:
    # Feeds often hand us XML-escaped separators.
    uri = uri.replace("&amp;", "&")
    try:
        params = lt.parse_magnet_uri(uri)
    except RuntimeError as exc:
        raise BadTorrent(f"malformed magnet link: {exc}") from None
    hashes = params.info_hashes
    if hashes.v1.is_all_zeros() and not hashes.has_v2():
        raise BadTorrent("malformed magnet link: no info-hash")
    peers = _peer_hints(uri)
    # We connect the hints ourselves, TCP first (see engine._keep_hint_peers).
    params.peers = []
    return Source(params=params, peers=peers, info_hash=_hash_key(hashes), kind=kind)


def _peer_hints(uri: str) -> tuple[tuple[str, int], ...]:
    """``x.pe=host:port`` hints (BEP 9); libtorrent parses them too, we connect them at once."""
    query = uri.split("?", 1)[1] if "?" in uri else ""
    peers: list[tuple[str, int]] = []
    for key, value in parse_qsl(query, keep_blank_values=False):
        if key != "x.pe":
            continue
        host, _, port = value.rpartition(":")
        host = host.strip("[]")
        if host and port.isdigit() and 0 < int(port) < 65536:
            peers.append((host, int(port)))
    return tuple(peers)


def _parse_file(path: Path) -> Source:
    try:
        size = path.stat().st_size
        if not path.is_file():  # a folder named x.torrent, a link to /dev/zero, a pipe
            raise BadTorrent(f"{path.name} is not a torrent file (not a regular file)")
        with path.open("rb") as fh:
            data = fh.read(MAX_TORRENT_BYTES + 1)  # capped even if the size lied
    except OSError as exc:
        raise BadTorrent(f"cannot read torrent file {path.name}: {exc.strerror}") from None
    if size > MAX_TORRENT_BYTES or len(data) > MAX_TORRENT_BYTES:
        raise BadTorrent(f"torrent file {path.name} is too large ({max(size, len(data))} bytes)")
    try:
        info = lt.torrent_info(data)
    except RuntimeError as exc:
        raise BadTorrent(f"invalid torrent file {path.name}: {exc}") from None
    validate_info(info)
    params = lt.add_torrent_params()
    params.ti = info
    return Source(params=params, peers=(), info_hash=_hash_key(info.info_hashes()), kind="file")


def _hash_key(hashes: Any) -> str:
    if not hashes.v1.is_all_zeros():
        return str(hashes.v1)
    return str(hashes.v2)[:40]


def layout(info: Any) -> Any:
    """The file_storage of a torrent_info (``layout()`` in 2.1, ``files()`` before)."""
    return info.layout() if hasattr(info, "layout") else info.files()


def file_list(info: Any) -> list[TorrentFile]:
    fs = layout(info)
    files = []
    for i in range(fs.num_files()):
        path = fs.file_path(i)
        is_pad = bool(fs.file_flags(i) & lt.file_storage.flag_pad_file)
        files.append(
            TorrentFile(
                index=i,
                path=path,
                size=int(fs.file_size(i)),
                offset=int(fs.file_offset(i)),
                is_pad=is_pad,
                is_video=not is_pad and PurePosixPath(path).suffix.lower() in VIDEO_EXTENSIONS,
            )
        )
    return files


def validate_info(info: Any) -> None:
    """Refuse what libtorrent accepts but we will not stream: empty payloads, symlinks."""
    fs = layout(info)
    if fs.num_files() == 0 or fs.total_size() <= 0:
        raise BadTorrent("torrent has no data")
    for i in range(fs.num_files()):
        if fs.file_flags(i) & lt.file_storage.flag_symlink:
            # A link could point anywhere once created; a media torrent never needs one.
            raise BadTorrent(f"torrent contains a symbolic link ({fs.file_path(i)})")


def choose_file(info: Any, file_index: int | None = None) -> TorrentFile:
    """The explicit file, else the largest video (pad files skipped)."""
    files = file_list(info)
    if file_index is not None:
        if not 0 <= file_index < len(files) or files[file_index].is_pad:
            raise BadTorrent(f"no file number {file_index} in this torrent ({len(files)} files)")
        if files[file_index].size <= 0:
            raise BadTorrent(f"file number {file_index} is empty")
        return files[file_index]
    videos = [f for f in files if f.is_video and f.size > 0]
    if not videos:
        names = ", ".join(f.path for f in files if not f.is_pad)[:200]
        raise BadTorrent(f"no video file in this torrent ({names}); choose a file index")
    return max(videos, key=lambda f: f.size)


def is_inside(root: Path, candidate: Path) -> bool:
    root = root.resolve()
    try:
        candidate.resolve().relative_to(root)
    except ValueError:
        return False
    return True


def check_paths(info: Any, save_path: Path) -> None:
    """libtorrent sanitises names; we still refuse anything that would land outside."""
    fs = layout(info)
    for i in range(fs.num_files()):
        target = save_path / fs.file_path(i)
        if not is_inside(save_path, target):
            raise BadTorrent(f"torrent file name escapes the cache: {fs.file_path(i)!r}")
