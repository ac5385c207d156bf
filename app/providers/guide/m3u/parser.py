"""Extended M3U (IPTV) playlists: channels, headers, catch-up, and the guide URL they name."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO
from urllib.parse import unquote

from app.core.compact import StrIntTable
from app.domain.errors import BadFeed
from app.domain.extinf import parse_attrs
from app.providers.guide.feed import ChannelRecord
from app.providers.guide.m3u.urls import checked_stream_url, clean_header_value

log = logging.getLogger(__name__)

MAX_LINE_BYTES = 4 * 1024 * 1024  # a longer "line" is not a playlist (and must not fill memory)
_DURATION_RE = re.compile(r"\s*(-?\d+(?:\.\d+)?)")
_HEADER_NAMES = {
    "user-agent": "User-Agent",
    "http-user-agent": "User-Agent",
    "referer": "Referer",
    "referrer": "Referer",
    "http-referrer": "Referer",
    "http-referer": "Referer",
    "origin": "Origin",
    "http-origin": "Origin",
}


@dataclass
class Playlist:
    channels: list[ChannelRecord] = field(default_factory=list)
    guide_urls: list[str] = field(default_factory=list)
    header: dict[str, str] = field(default_factory=dict)


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _int(value: str | None) -> int | None:
    f = _float(value)
    return int(f) if f is not None else None


def split_url_headers(line: str) -> tuple[str, dict[str, str]]:
    """``url|User-Agent=x&Referer=y`` (Kodi) and ``url?|Referer="x"|User-Agent="y"`` forms."""
    if "|" not in line:
        return line, {}
    url, _, rest = line.partition("|")
    url = url.rstrip("?") if url.endswith("?") and "?" not in url[:-1] else url
    headers: dict[str, str] = {}
    for piece in rest.split("|"):
        parts = [piece] if '"' in piece else piece.split("&")
        for part in parts:
            key, sep, value = part.partition("=")
            if not sep:
                continue
            name = _HEADER_NAMES.get(key.strip().lower(), key.strip())
            headers[name] = value.strip().strip('"')
    return url.strip(), headers


def kodiprop_headers(prop: str) -> dict[str, str]:
    """HTTP headers in a ``#KODIPROP`` line (inputstream.adaptive ``stream_headers`` /
    ``manifest_headers`` / ``common_headers``: ``Name=value&Name=value``); other props give none."""
    key, _, value = prop.partition("=")
    if key.strip().lower() not in (
        "inputstream.adaptive.stream_headers",
        "inputstream.adaptive.manifest_headers",
        "inputstream.adaptive.common_headers",
    ):
        return {}
    headers: dict[str, str] = {}
    for part in value.split("&"):
        name, sep, val = part.partition("=")
        if sep and name.strip():
            headers[_HEADER_NAMES.get(name.strip().lower(), name.strip())] = unquote(val.strip())
    return headers


class M3uReader:
    """Streams an extended M3U playlist: channels as their URL lines come, so that a list of
    200,000 channels is never held whole; the ``#EXTM3U`` header's attributes (url-tvg,
    catch-up defaults) are collected on the way and apply to the channels after them."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.header: dict[str, str] = {}
        # How often each channel id was seen: a repeated one gets "#2", "#3" (compact: a big
        # list holds hundreds of thousands of ids).
        self._seen_ids = StrIntTable()
        self.refused_urls = 0  # channels whose stream URL was refused (issue 19 item 9)

    @property
    def guide_urls(self) -> list[str]:
        """The guides the header names (url-tvg, x-tvg-url; comma-separated lists allowed)."""
        out: list[str] = []
        for key in ("url-tvg", "x-tvg-url"):
            for url in (self.header.get(key) or "").split(","):
                if url.strip() and url.strip() not in out:
                    out.append(url.strip())
        return out

    def _header_line(self, line: str) -> None:
        attrs, _ = parse_attrs(line[7:] + ",")
        for k, v in attrs.items():
            self.header.setdefault(k, v)

    def lines(self, stream: IO[bytes]) -> Iterator[str]:
        """Decoded, stripped, non-blank lines; a value broken by a newline inside its quotes
        continues on a line that starts with '"' and is joined back."""
        label = self.label
        offset = 0
        held: str | None = None
        first = True
        while raw := stream.readline(MAX_LINE_BYTES + 1):
            if len(raw) > MAX_LINE_BYTES:
                raise BadFeed(f"{label}: a line longer than {MAX_LINE_BYTES} bytes (byte {offset})")
            try:
                text = raw.decode("utf-8-sig" if first else "utf-8")
            except UnicodeDecodeError as exc:
                raise BadFeed(f"{label}: playlist text is not UTF-8 (byte {offset + exc.start})") from exc
            offset += len(raw)
            # old Mac line ends (a lone CR) inside what a binary reader sees as one line
            for piece in text.split("\r") if "\r" in text.rstrip("\r\n") else (text,):
                line = piece.strip()
                if not line:
                    continue
                if first:
                    first = False
                    if not line.startswith(("#EXTM3U", "#EXTINF")):
                        raise BadFeed(f"{label}: not an M3U playlist (no #EXTM3U header)")
                if held is not None:
                    if held.startswith("#EXTINF") and held.count('"') % 2 == 1 and line.startswith('"'):
                        held += line
                        continue
                    yield held
                held = line
        if first:
            raise BadFeed(f"{label}: the playlist is empty (0 bytes)")
        if held is not None:
            yield held

    def channels(self, stream: IO[bytes]) -> Iterator[ChannelRecord]:
        """Every channel (and every backup URL of one) in playlist order."""
        header = self.header
        group: str | None = None
        pending: dict[str, object] | None = None
        last: dict[str, object] | None = None  # the channel whose URL came last (backups follow)
        vlc_headers: dict[str, str] = {}
        for line in self.lines(stream):
            if line.startswith("#EXTM3U"):
                self._header_line(line)
            elif line.startswith("#EXTINF"):
                body = line[8:] if line[7:8] == ":" else line[7:]
                m = _DURATION_RE.match(body)
                attrs, name = parse_attrs(body[m.end() :] if m else body)
                pending = {"attrs": attrs, "name": name.strip('"').strip()}
                vlc_headers = {}
                last = None
            elif line.startswith("#EXTGRP:"):
                group = line[8:].strip() or None
            elif line.startswith("#EXTVLCOPT:"):
                key, _, value = line[11:].partition("=")
                name_ = _HEADER_NAMES.get(key.strip().lower())
                if name_:
                    vlc_headers[name_] = value.strip().strip('"')
            elif line.startswith("#KODIPROP:"):
                vlc_headers.update(kodiprop_headers(line[10:]))
            elif line.startswith("#"):
                continue
            elif pending is not None:
                if (found := self._checked(pending, line)) is not None:
                    yield _channel(pending, found, group, vlc_headers, header, self._seen_ids)
                last = pending
                pending = None
            elif (
                last is not None
                and "://" in line  # another URL right after a channel's: a backup of the same one
                and (found := self._checked(last, line)) is not None
            ):
                yield _channel(last, found, group, vlc_headers, header, self._seen_ids)

    def _checked(self, pending: dict[str, object], line: str) -> tuple[str, dict[str, str]] | None:
        """The channel's URL fit for the player and its headers, or None (logged per channel)."""
        raw, headers = split_url_headers(line)
        url, note = checked_stream_url(raw)
        if url is None or note is not None:
            name = str(pending.get("name") or "?")[:80]
            log.warning("%s: channel %r %s: %s", self.label, name, "refused" if url is None else "kept", note)
            self.refused_urls += url is None
        return None if url is None else (url, headers)

    def linked_guides(self, stream: IO[bytes]) -> list[str]:
        """The guides the playlist names, from its ``#EXTM3U`` lines only (a quick pass)."""
        while raw := stream.readline(MAX_LINE_BYTES):
            line = raw.lstrip(b"\xef\xbb\xbf \t").rstrip()
            if line.startswith(b"#EXTM3U"):
                self._header_line(line.decode("utf-8", "replace"))
        return self.guide_urls


def parse_m3u(data: bytes, label: str) -> Playlist:
    """A whole playlist in memory (small lists, tests); the app streams with ``M3uReader``."""
    reader = M3uReader(label)
    channels = list(reader.channels(io.BytesIO(data)))
    return Playlist(channels=channels, guide_urls=reader.guide_urls, header=reader.header)


def _channel(
    pending: dict[str, object],
    found: tuple[str, dict[str, str]],
    group: str | None,
    vlc_headers: dict[str, str],
    header: dict[str, str],
    seen_ids: StrIntTable,
) -> ChannelRecord:
    attrs: dict[str, str] = pending["attrs"]  # type: ignore[assignment]
    name = str(pending["name"]) or attrs.get("tvg-name") or "?"
    url, headers = found
    headers = {k: clean_header_value(v) for k, v in {**vlc_headers, **headers}.items()}
    if attrs.get("user-agent"):
        headers.setdefault("User-Agent", attrs["user-agent"])
    if attrs.get("http-referrer") or attrs.get("referer"):
        headers.setdefault("Referer", attrs.get("http-referrer") or attrs.get("referer", ""))
    tvg_id = attrs.get("tvg-id") or None
    base = tvg_id or attrs.get("tvg-name") or name
    count = seen_ids.add(base)
    guide_id = base if count == 1 else f"{base}#{count}"
    mode = attrs.get("catchup") or attrs.get("catchup-type") or header.get("catchup")
    raw_days = (
        attrs.get("catchup-days")
        or attrs.get("tvg-rec")
        or attrs.get("timeshift")
        or header.get("catchup-days")
    )
    days = _int(raw_days)
    if raw_days and (days is None or days < -1):
        days = 0  # nonsense ("abc", "-5"): no archive, and the provider says why
    if mode is None and attrs.get("timeshift"):
        mode = "shift"
    shift = _float(attrs.get("tvg-shift"))
    if shift is None:
        shift = _float(header.get("tvg-shift"))
    return ChannelRecord(
        guide_id=guide_id,
        name=name,
        display_names=tuple(x for x in (name, attrs.get("tvg-name")) if x),
        logo=attrs.get("tvg-logo") or None,
        group_title=attrs.get("group-title") or group,
        number=_int(attrs.get("tvg-chno") or attrs.get("ch-number")),
        stream_url=url,
        headers=headers,
        catchup_mode=mode,
        catchup_source=attrs.get("catchup-source") or header.get("catchup-source"),
        catchup_days=days,
        tvg_shift=shift,
        tvg_name=attrs.get("tvg-name") or None,
        tvg_id=tvg_id,
        catchup_correction=_float(attrs.get("catchup-correction") or header.get("catchup-correction")),
    )
