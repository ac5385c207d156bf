"""Extended M3U (IPTV) playlists: channels, headers, catch-up, and the guide URL they name."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from app.domain.errors import BadFeed
from app.providers.guide.feed import ChannelRecord

_ATTR_RE = re.compile(r"""([A-Za-z][\w\-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s,"']+))""")
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


def parse_attrs(text: str) -> tuple[dict[str, str], str]:
    """Attributes of an ``#EXTINF`` body (after the duration) and the channel name."""
    attrs: dict[str, str] = {}
    pos, n = 0, len(text)
    while pos < n:
        while pos < n and text[pos] in " \t":
            pos += 1
        if pos >= n:
            break
        if text[pos] == ",":
            return attrs, text[pos + 1 :].strip()
        m = _ATTR_RE.match(text, pos)
        if m:
            value = m.group(2) if m.group(2) is not None else m.group(3) or m.group(4) or ""
            attrs.setdefault(m.group(1).lower(), value.strip())
            pos = m.end()
            continue
        # Garbage between attributes (stray quotes, "||"): skip one token.
        nxt = re.search(r"[\s,]", text[pos + 1 :])
        pos = n if nxt is None else pos + 1 + nxt.start()
    return attrs, ""


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


def _join_split_lines(lines: list[str]) -> list[str]:
    # A value broken by a newline inside its quotes continues on a line that starts with '"'.
    out: list[str] = []
    for line in lines:
        if (
            out
            and out[-1].lstrip().startswith("#EXTINF")
            and out[-1].count('"') % 2 == 1
            and line.lstrip().startswith('"')
        ):
            out[-1] += line.lstrip()
            continue
        out.append(line)
    return out


def parse_m3u(data: bytes, label: str) -> Playlist:
    """Parse a whole playlist (they are small: a 4,600-channel list is about 1 MB)."""
    if not data.strip():
        raise BadFeed(f"{label}: the playlist is empty (0 bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadFeed(f"{label}: playlist text is not UTF-8 (byte {exc.start})") from exc
    stripped = text.lstrip()
    if not stripped.startswith(("#EXTM3U", "#EXTINF")):
        raise BadFeed(f"{label}: not an M3U playlist (no #EXTM3U header)")
    playlist = Playlist()
    header = playlist.header
    group: str | None = None
    pending: dict[str, object] | None = None
    last: dict[str, object] | None = None  # the channel whose URL came last (backup URLs follow it)
    vlc_headers: dict[str, str] = {}
    seen_ids: dict[str, int] = {}
    for raw in _join_split_lines(text.splitlines()):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#EXTM3U"):
            attrs, _ = parse_attrs(line[7:] + ",")
            for k, v in attrs.items():
                header.setdefault(k, v)
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
            playlist.channels.append(_channel(pending, line, group, vlc_headers, header, seen_ids))
            last = pending
            pending = None
        elif last is not None and "://" in line:
            # Another URL right after a channel's URL: a backup of the same channel.
            playlist.channels.append(_channel(last, line, group, vlc_headers, header, seen_ids))
    for key in ("url-tvg", "x-tvg-url"):
        for url in (header.get(key) or "").split(","):
            if url.strip() and url.strip() not in playlist.guide_urls:
                playlist.guide_urls.append(url.strip())
    return playlist


def _channel(
    pending: dict[str, object],
    line: str,
    group: str | None,
    vlc_headers: dict[str, str],
    header: dict[str, str],
    seen_ids: dict[str, int],
) -> ChannelRecord:
    attrs: dict[str, str] = pending["attrs"]  # type: ignore[assignment]
    name = str(pending["name"]) or attrs.get("tvg-name") or "?"
    url, headers = split_url_headers(line)
    headers = {**vlc_headers, **headers}
    if attrs.get("user-agent"):
        headers.setdefault("User-Agent", attrs["user-agent"])
    if attrs.get("http-referrer") or attrs.get("referer"):
        headers.setdefault("Referer", attrs.get("http-referrer") or attrs.get("referer", ""))
    tvg_id = attrs.get("tvg-id") or None
    base = tvg_id or attrs.get("tvg-name") or name
    count = seen_ids.get(base, 0) + 1
    seen_ids[base] = count
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
