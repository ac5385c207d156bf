"""Subtitle search for what plays: the movie hash of the file (local, or read through the
stream's URL), the title's IMDb/TMDB ids, the profile's languages; every subtitles provider
asked, the answers ranked (hash match first, then downloads, then the language order);
downloads cached on disk so the same file never costs the daily quota twice."""

from __future__ import annotations

import logging
import re
import struct
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from app.core.tasks import run_blocking
from app.domain.errors import CinemaError, NotFound
from app.domain.models import MediaRequest, TitleDetail
from app.domain.streams import StreamQuery
from app.domain.subtitles import Quota, QuotaExceeded, SubtitleHit
from app.services.context import AppContext
from app.services.sources.preferences import preferences
from app.storage import subtitles_repo
from app.storage.subtitles_repo import CachedSubtitle

log = logging.getLogger(__name__)

CHUNK = 64 * 1024  # OpenSubtitles hashes the first and the last 64 KiB
HASH_TIMEOUT_S = 8.0

__all__ = ["Quota", "QuotaExceeded", "SearchResult", "SubtitleHit", "SubtitleSearch", "movie_hash"]


def hash_of(size: int, head: bytes, tail: bytes) -> str:
    """The OpenSubtitles movie hash: the size plus every little-endian 64-bit word of the first
    and the last 64 KiB, modulo 2**64, as 16 hex digits."""
    total = size
    for block in (head, tail):
        usable = len(block) - len(block) % 8
        for (word,) in struct.iter_unpack("<Q", block[:usable]):
            total = (total + word) & 0xFFFFFFFFFFFFFFFF
    return f"{total:016x}"


def movie_hash(path: Path) -> str | None:
    """The hash of a local file; None when it is smaller than the two blocks (the API knows none)."""
    try:
        size = path.stat().st_size
        if size < 2 * CHUNK:
            return None
        with path.open("rb") as fh:
            head = fh.read(CHUNK)
            fh.seek(size - CHUNK)
            tail = fh.read(CHUNK)
    except OSError:
        return None
    return hash_of(size, head, tail)


async def remote_hash(client: Any, url: str) -> str | None:
    """The hash of a file served over HTTP with ranges (the torrent engine's stream, a link)."""
    try:
        first = await client.get(url, headers={"Range": f"bytes=0-{CHUNK - 1}"}, timeout=HASH_TIMEOUT_S)
        match = re.match(r"bytes \d+-\d+/(\d+)", first.headers.get("content-range", ""))
        if first.status_code != 206 or match is None:
            return None
        size = int(match.group(1))
        if size < 2 * CHUNK:
            return None
        last = await client.get(
            url, headers={"Range": f"bytes={size - CHUNK}-{size - 1}"}, timeout=HASH_TIMEOUT_S
        )
        if last.status_code != 206:
            return None
        return hash_of(size, first.content[:CHUNK], last.content[-CHUNK:])
    except Exception as exc:  # no hash is no failure: the ids and the name still search
        log.info("no movie hash for the stream: %s", type(exc).__name__)
        return None


@dataclass(frozen=True)
class SearchResult:
    """Ranked hits, the languages asked for, what could not be asked (provider → why)."""

    hits: tuple[SubtitleHit, ...]
    languages: tuple[str, ...]
    moviehash: str | None
    problems: tuple[tuple[str, str], ...] = ()
    cached: tuple[CachedSubtitle, ...] = ()


def rank(hits: list[SubtitleHit], languages: tuple[str, ...]) -> list[SubtitleHit]:
    """Hash matches first (made for exactly this file), then the most downloaded, then the
    language order; machine translations last within their group."""
    order = {lang: i for i, lang in enumerate(languages)}
    return sorted(
        hits,
        key=lambda h: (
            not h.hash_match,
            h.machine_translated,
            -h.downloads,
            order.get(h.language[:2], len(order)),
        ),
    )


class SubtitleSearch:
    """Search and download subtitles for the item that plays."""

    def __init__(self, services: AppContext) -> None:
        self._s = services

    @property
    def folder(self) -> Path:
        return self._s.paths.cache / "subtitles"

    def languages(self) -> tuple[str, ...]:
        """The profile's subtitle language first, then the settings' (the UI language, English)."""
        wanted: list[str] = []
        try:
            from app.storage import profiles_repo

            profile = profiles_repo.get(self._s.db, self._s.profile_id)
            own = getattr(profile, "subtitle_language", None) if profile is not None else None
            if own:
                wanted.append(str(own).lower()[:2])
        except Exception as exc:  # profiles are optional here: the settings still say
            log.debug("no profile languages: %s", exc)
        wanted += preferences(self._s.profile_settings).subtitle_languages
        return tuple(dict.fromkeys(w for w in wanted if w))

    def _detail(self, title_id: str | None) -> TitleDetail | None:
        if not title_id:
            return None
        from app.services.library.catalog import CatalogService

        return CatalogService(self._s).detail(title_id)

    async def _hash(self, location: str) -> str | None:
        if "://" not in location:
            return await run_blocking(movie_hash, Path(location))
        if location.startswith(("http://", "https://")):
            return await remote_hash(self._s.http, location)
        return None

    async def search(self, request: MediaRequest, playing: str | None = None) -> SearchResult:
        """Every subtitles provider's hits for ``request`` (``playing``: the URL the player
        opened, the torrent engine's stream for a torrent), ranked."""
        languages = self.languages()
        detail = await run_blocking(self._detail, request.title_id)
        moviehash = await self._hash(playing or request.location)
        name = Path(request.location.split("?", 1)[0]).stem if request.location else ""
        query = StreamQuery(
            title_id=request.title_id or request.item_key,
            kind=detail.kind.value if detail is not None else "film",
            title=detail.title if detail is not None else request.label or name,
            original_title=detail.original_title if detail is not None else None,
            year=detail.year if detail is not None else None,
            imdb_id=detail.imdb_id if detail is not None else None,
            tmdb_id=detail.tmdb_id if detail is not None else None,
            languages=languages,
        )
        hits: list[SubtitleHit] = []
        problems: list[tuple[str, str]] = []
        providers = self._s.providers.subtitles(query.title_id)
        if not providers:
            raise NotFound("no subtitles provider is set up")
        for provider in providers:
            try:
                found = await provider.subtitles(query, movie_hash=moviehash)
            except CinemaError as exc:
                if len(providers) == 1:
                    raise
                problems.append((provider.manifest.name, str(exc)))
                continue
            hits += [h for h in found if isinstance(h, SubtitleHit)]
        cached = await run_blocking(subtitles_repo.for_item, self._s.db, request.item_key)
        return SearchResult(
            tuple(rank(hits, languages)), languages, moviehash, tuple(problems), tuple(cached)
        )

    async def download(self, hit: SubtitleHit, item_key: str, moviehash: str | None = None) -> Path:
        """The subtitle file on disk: from the cache when it was downloaded before (no quota
        spent), else downloaded now. Raises QuotaExceeded when today's downloads are used up."""
        cached = await run_blocking(self._cached, hit)
        if cached is not None:
            if cached.item_key != item_key:
                now = int(self._s.clock.now().timestamp())
                entry = replace(cached, item_key=item_key, downloaded_at=now)
                await run_blocking(subtitles_repo.record, self._s.db, entry, moviehash)
            return Path(cached.path)
        provider = self._s.providers.get(hit.provider_id)
        download = getattr(provider, "download", None)
        if download is None:
            raise NotFound(f"{hit.provider_id} is not available any more")
        stem = re.sub(r"[^\w.\-]+", "_", Path(hit.file_name or hit.release or hit.file_id).stem)[:80]
        target = (
            self.folder / hit.provider_id / f"{hit.file_id}-{stem or 'subtitles'}.{hit.language or 'xx'}.srt"
        )
        path: Path = await download(hit.file_id, target)
        entry = CachedSubtitle(
            provider=hit.provider_id,
            file_id=hit.file_id,
            language=hit.language,
            release=hit.release or None,
            file_name=hit.file_name or path.name,
            path=str(path),
            item_key=item_key,
            downloaded_at=int(self._s.clock.now().timestamp()),
        )
        await run_blocking(subtitles_repo.record, self._s.db, entry, moviehash)
        return path

    def _cached(self, hit: SubtitleHit) -> CachedSubtitle | None:
        found = subtitles_repo.find(self._s.db, hit.provider_id, hit.file_id)
        return found if found is not None and Path(found.path).is_file() else None

    def quota(self, provider_id: str = "opensubtitles") -> Quota | None:
        """What the provider last said of its daily quota (None: nothing known yet)."""
        provider = self._s.providers.get(provider_id)
        value = getattr(provider, "quota", None)
        return value if isinstance(value, Quota) else None
