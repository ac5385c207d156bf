"""Checking a link before it is saved (and when its health is checked): scheme, reachable, what it is.

Accepted: http(s) (an HLS playlist is parsed and its variants read; a web page becomes an "open
in the browser" source; a video is sniffed by its content type), magnet links with a valid
info-hash, and local files inside the user's folders (``file:`` URLs too). ``javascript:``,
``data:`` and other schemes, and files outside the allowed folders, are refused with a reason.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import m3u8

from app.domain.errors import CinemaError
from app.domain.models import SourceKind
from app.providers.streams.http import ClientSource, get_capped, safe_url
from app.providers.streams.torznab.feed import magnet_hash

VIDEO_EXT = (".mp4", ".mkv", ".avi", ".mov", ".webm", ".ts", ".m4v", ".mpg", ".mpeg", ".wmv", ".flv")
MAX_PLAYLIST = 1024 * 1024
_SNIFF = 64 * 1024


class InvalidLink(CinemaError):
    """The link cannot be a source: the message says why."""


@dataclass(frozen=True, slots=True)
class Variant:
    bandwidth: int
    resolution: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class CheckedLink:
    url: str  # normalised: a local file as an absolute path
    kind: SourceKind
    label: str
    content_type: str = ""
    variants: tuple[Variant, ...] = field(default=())
    info_hash: str | None = None
    sampled: int = 0  # bytes read while checking (a throughput sample)

    @property
    def quality(self) -> str | None:
        heights = [v.resolution[1] for v in self.variants if v.resolution]
        if not heights:
            return None
        best = max(heights)
        return next((f"{q}p" for q in (2160, 1440, 1080, 720, 576, 480, 360) if best >= q * 0.9), f"{best}p")


def _inside(path: Path, roots: list[Path]) -> bool:
    for root in roots:
        try:
            path.relative_to(root)
        except ValueError:
            continue
        return True
    return False


def check_local(text: str, roots: list[Path]) -> CheckedLink:
    """A local file: it exists, is a file, and lies inside one of ``roots`` (links resolved)."""
    raw = unquote(urlsplit(text).path) if text.lower().startswith("file:") else text
    if "\x00" in raw:
        raise InvalidLink("the path contains a NUL character")
    path = Path(os.path.realpath(Path(raw).expanduser()))
    allowed = [Path(os.path.realpath(r)) for r in roots]
    if not _inside(path, allowed):
        where = ", ".join(str(r) for r in allowed) or "none"
        raise InvalidLink(f"{path} is outside your folders ({where})")
    if not path.is_file():
        raise InvalidLink(f"{path} is not a file")
    kind = SourceKind.TORRENT if path.suffix.lower() == ".torrent" else SourceKind.DIRECT
    if kind is SourceKind.TORRENT and path.stat().st_size > 16 * 1024 * 1024:
        raise InvalidLink(f"{path} is too large for a .torrent file")
    if kind is SourceKind.DIRECT and path.suffix.lower() not in (*VIDEO_EXT, ".m3u8"):
        raise InvalidLink(f"{path.name} does not look like a video file")
    if path.suffix.lower() == ".m3u8":
        kind = SourceKind.HLS
    return CheckedLink(url=str(path), kind=kind, label=path.stem)


def check_magnet(text: str) -> CheckedLink:
    info_hash = magnet_hash(text)
    if info_hash is None:
        raise InvalidLink("the magnet link has no valid info-hash (xt=urn:btih:…)")
    names = parse_qs(urlsplit(text).query).get("dn", [""])
    # a display name is only a label: path parts in it ("../../x") are dropped
    label = re.split(r"[\\/]", names[0])[-1].strip(" .") or info_hash[:12]
    return CheckedLink(url=text.strip(), kind=SourceKind.TORRENT, label=label[:200], info_hash=info_hash)


def parse_variants(text: str, url: str) -> tuple[Variant, ...]:
    try:
        playlist = m3u8.loads(text, uri=url)
    except Exception as exc:  # m3u8 raises plain exceptions of several kinds on bad input
        raise InvalidLink(f"the HLS playlist cannot be read ({type(exc).__name__})") from exc
    if not playlist.is_variant:
        if not playlist.segments:
            raise InvalidLink("the HLS playlist lists no segments")
        return ()
    out = []
    for v in playlist.playlists:
        info = v.stream_info
        res = info.resolution if isinstance(info.resolution, tuple) else None
        out.append(Variant(int(info.bandwidth or 0), res))
    return tuple(out)


async def check_http(client: ClientSource, url: str) -> CheckedLink:
    """Reachable, and what it is (HLS with variants, a video, a torrent file or a web page)."""
    where = safe_url(url)
    try:
        body = await get_capped(
            client(), url, name=where, headers={"Range": f"bytes=0-{_SNIFF - 1}"}, max_bytes=MAX_PLAYLIST
        )
    except CinemaError as exc:
        if "byte cap" in str(exc):  # a large file that ignores Range: it answered, it is a video
            return CheckedLink(url=url, kind=SourceKind.DIRECT, label=_name(url), content_type="")
        raise InvalidLink(f"cannot use {where}: {exc}") from exc
    ctype = body.content_type.split(";")[0].strip().lower()
    head = body.data[:1024].lstrip(b"\xef\xbb\xbf \r\n\t")
    path = urlsplit(url).path.lower()
    if head.startswith(b"#EXTM3U") or "mpegurl" in ctype or path.endswith(".m3u8"):
        variants = parse_variants(body.data.decode("utf-8", "replace"), url)
        return CheckedLink(
            url=url, kind=SourceKind.HLS, label=_name(url), content_type=ctype, variants=variants
        )
    if ctype == "application/x-bittorrent" or path.endswith(".torrent"):
        return CheckedLink(url=url, kind=SourceKind.TORRENT, label=_name(url), content_type=ctype)
    if ctype.startswith(("text/html", "application/xhtml")) or head[:15].lower().startswith(
        (b"<!doctype", b"<html")
    ):
        title = re.search(rb"<title[^>]*>([^<]{1,200})</title>", body.data[:_SNIFF], re.I)
        label = title.group(1).decode("utf-8", "replace").strip() if title else _name(url)
        return CheckedLink(url=url, kind=SourceKind.PAGE, label=label, content_type=ctype)
    if (
        ctype.startswith(("video/", "audio/"))
        or ctype == "application/octet-stream"
        or path.endswith(VIDEO_EXT)
    ):
        return CheckedLink(
            url=url, kind=SourceKind.DIRECT, label=_name(url), content_type=ctype, sampled=len(body.data)
        )
    raise InvalidLink(f"{where} is neither a video, an HLS playlist nor a web page ({ctype or 'no type'})")


def _name(url: str) -> str:
    tail = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1])
    return tail or (urlsplit(url).hostname or url)


async def check_link(text: str, client: ClientSource, roots: list[Path]) -> CheckedLink:
    """Check ``text`` as a source; InvalidLink says why it cannot be one."""
    text = (text or "").strip()
    if not text:
        raise InvalidLink("the link is empty")
    if len(text) > 8192:
        raise InvalidLink("the link is longer than 8192 characters")
    scheme = text.split(":", 1)[0].lower() if ":" in text else ""
    if scheme in ("http", "https"):
        parts = urlsplit(text)
        if not parts.hostname:
            raise InvalidLink("the link has no host")
        return await check_http(client, text)
    if scheme == "magnet":
        return check_magnet(text)
    if scheme == "file" or text.startswith(("/", "~")) or (len(scheme) == 1 and scheme.isalpha()):
        return check_local(text, roots)
    if scheme in ("javascript", "data", "vbscript"):
        raise InvalidLink(f"{scheme}: links are not accepted")
    raise InvalidLink(
        f"links starting with {scheme + ':' if scheme else text[:20]!r} are not accepted "
        "(http, https, magnet or a local file)"
    )
