"""A Stremio addon as a stream-search provider: ``/stream/{type}/{id}.json`` where the manifest
says it serves that type and id, streams turned into candidates (url, infoHash + fileIdx,
externalUrl, ytId), Torrentio-style titles read for seeders, size and origin."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import quote

from app.domain.errors import BadFeed
from app.domain.models import SourceKind
from app.domain.streams import StreamCandidate, StreamQuery
from app.providers.base import Capability, Manifest
from app.providers.streams.http import ClientSource, get_capped, parse_json
from app.providers.streams.stremio.manifest import AddonManifest, base_url, parse_manifest
from app.providers.streams.torznab.feed import normal_hash

MAX_STREAMS = 500
_SEEDERS = re.compile(r"👤\s*(\d+)")
_SIZE = re.compile(r"💾\s*([\d.]+)\s*([kKMGT]?B)\b")
_ORIGIN = re.compile(r"⚙\ufe0f?\s*([^\s\n]+)")
_UNITS = {"B": 1, "kB": 1024, "KB": 1024, "MB": 1024**2, "GB": 1024**3, "TB": 1024**4}
_QUALITY = re.compile(r"\b(4k|2160p|1440p|1080p|720p|576p|480p|360p|CAM|TeleSync|TeleCine|SCR)\b", re.I)
# Flags in Torrentio's language line, as ISO 639-1 (the common ones for this app's users)
_FLAGS = {"🇷🇺": "ru", "🇬🇧": "en", "🇺🇸": "en", "🇺🇦": "uk", "🇯🇵": "ja", "🇩🇪": "de", "🇫🇷": "fr",
          "🇪🇸": "es", "🇮🇹": "it", "🇰🇷": "ko", "🇨🇳": "zh", "🇵🇹": "pt"}  # fmt: skip


def stremio_ids(query: StreamQuery) -> list[tuple[str, str]]:
    """(type, id) pairs to ask for ``query``, best first."""
    out: list[tuple[str, str]] = []
    episode = query.season is not None or query.episode is not None
    if query.imdb_id:
        if episode:
            out.append(("series", f"{query.imdb_id}:{query.season or 1}:{query.episode or 1}"))
        else:
            out.append(("movie", query.imdb_id))
            if query.kind in ("series", "anime"):
                out.append(("series", f"{query.imdb_id}:1:1"))
    if query.tmdb_id and not episode:
        out.append(("movie", f"tmdb:{query.tmdb_id}"))
    return out


def _size(text: str) -> int | None:
    m = _SIZE.search(text)
    if not m:
        return None
    try:
        return int(float(m.group(1)) * _UNITS.get(m.group(2), 1))
    except ValueError:
        return None


def parse_stream(raw: Any, provider_id: str) -> StreamCandidate | None:
    """One stream object as a candidate; None for shapes we cannot play or open."""
    if not isinstance(raw, dict):
        return None
    name = str(raw.get("name") or "")[:300]
    text = str(raw.get("description") or raw.get("title") or "")[:2000]
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    stats = next((ln for ln in lines if "👤" in ln or "💾" in ln or "⚙" in ln), "")
    release = lines[0] if lines and lines[0] != stats else name.replace("\n", " ")
    raw_hints = raw.get("behaviorHints")
    hints: dict[str, Any] = raw_hints if isinstance(raw_hints, dict) else {}
    seeders = _SEEDERS.search(stats)
    origin = _ORIGIN.search(stats)
    quality = _QUALITY.search(name.split("\n", 1)[-1])
    flags = [code for flag, code in _FLAGS.items() if flag in text]
    extra: dict[str, object] = {"name": name}
    if origin:
        extra["origin"] = origin.group(1)
    if flags:
        extra["languages"] = sorted(set(flags))
    if "Multi Audio" in text or "Dual Audio" in text:
        extra["multi_audio"] = True
    if "Multi Subs" in text:
        extra["multi_subs"] = True
    if isinstance(hints.get("bingeGroup"), str):
        extra["binge_group"] = hints["bingeGroup"]
    if len(lines) > 1 and lines[1] != stats:
        extra["file"] = lines[1]
    common: dict[str, Any] = {
        "provider_id": provider_id,
        "label": release,
        "seeders": int(seeders.group(1)) if seeders else None,
        "size_bytes": hints.get("videoSize") if isinstance(hints.get("videoSize"), int) else _size(stats),
        "quality": quality.group(1).lower().replace("4k", "2160p") if quality else None,
        "binge_group": extra.get("binge_group"),
        "extra": extra,
    }
    url = raw.get("url")
    if isinstance(url, str) and url.startswith(("http://", "https://")):
        headers: dict[str, str] = {}
        proxy = hints.get("proxyHeaders")
        request = proxy.get("request") if isinstance(proxy, dict) else None
        if isinstance(request, dict):
            headers = {str(k): str(v) for k, v in request.items() if isinstance(v, str)}
        hls = url.split("?", 1)[0].lower().endswith(".m3u8")
        return StreamCandidate(
            kind=SourceKind.HLS if hls else SourceKind.DIRECT, url=url, headers=headers, **common
        )
    info_hash = normal_hash(raw.get("infoHash") if isinstance(raw.get("infoHash"), str) else None)
    if info_hash:
        file_idx = raw.get("fileIdx")
        trackers = [
            s.split(":", 1)[1]
            for s in raw.get("sources") or ()
            if isinstance(s, str) and s.startswith("tracker:")
        ]
        magnet = f"magnet:?xt=urn:btih:{info_hash}&dn={quote(release[:200])}"
        magnet += "".join(f"&tr={quote(t, safe='')}" for t in trackers[:20])
        return StreamCandidate(
            kind=SourceKind.TORRENT,
            url=magnet,
            info_hash=info_hash,
            file_idx=file_idx if isinstance(file_idx, int) and file_idx >= 0 else None,
            **common,
        )
    external = raw.get("externalUrl")
    if isinstance(external, str) and external.startswith(("http://", "https://")):
        return StreamCandidate(kind=SourceKind.PAGE, url=external, playable_now=False, **common)
    yt = raw.get("ytId")
    if isinstance(yt, str) and re.fullmatch(r"[A-Za-z0-9_-]{6,20}", yt):
        page = f"https://www.youtube.com/watch?v={yt}"
        return StreamCandidate(kind=SourceKind.PAGE, url=page, playable_now=False, **common)
    return None


class StremioAddon:
    """StreamSearch over one addon. ``manifest_url()`` reads the full URL (it may hold the
    addon's configuration, so it lives in the keyring); ``addon`` is the validated manifest."""

    def __init__(
        self,
        provider_id: str,
        addon: AddonManifest,
        manifest_url: Callable[[], str | None],
        client: ClientSource,
    ) -> None:
        self.addon = addon
        self.manifest = Manifest(
            id=provider_id,
            name=addon.name,
            capabilities=frozenset({Capability.STREAM_SEARCH}) if addon.serves_streams else frozenset(),
        )
        self._url = manifest_url
        self._client = client

    async def streams(self, query: StreamQuery) -> Sequence[StreamCandidate]:
        url = self._url()
        if not url:
            raise BadFeed(f"{self.addon.name}: its address is missing from the keyring; add the addon again")
        base = base_url(url)
        out: list[StreamCandidate] = []
        for type_, id_ in stremio_ids(query):
            if not self.addon.supports("stream", type_, id_):
                continue
            path = f"{base}/stream/{quote(type_)}/{quote(id_, safe='')}.json"
            body = await get_capped(self._client(), path, name=self.addon.name, accept_status=(404,))
            if body.status == 404:
                continue
            data = parse_json(body.data, self.addon.name)
            streams = data.get("streams") if isinstance(data, dict) else None
            if streams is None and isinstance(data, dict) and "streams" in data:
                streams = []  # null list = empty (as core reads it)
            if not isinstance(streams, list):
                raise BadFeed(f"{self.addon.name}: the answer has no list of streams")
            for raw in streams[:MAX_STREAMS]:
                cand = parse_stream(raw, self.manifest.id)
                if cand is not None:
                    out.append(cand)
            if out:
                break
        return out


async def fetch_manifest(client: ClientSource, manifest_url: str) -> AddonManifest:
    """Read and validate an addon's manifest (for ``addon add``)."""
    base_url(manifest_url)  # refuses what is not an addon URL before any request
    body = await get_capped(client(), manifest_url.strip(), name="addon", max_bytes=512 * 1024)
    return parse_manifest(parse_json(body.data, "addon"), "addon")
