"""OpenSubtitles.com as a Subtitles provider: search by movie hash, IMDb/TMDB id or name and the
wanted languages; download one file (the daily quota is reported when it runs out).

Every call carries ``Api-Key`` (the user's key, from the keyring) and our User-Agent; the query
parameters are sent sorted (the API redirects otherwise, Bazarr found). Statuses become our
errors in words: 401/403 a refused key, 406 the quota, 429 slow down, 5xx and transport errors
"cannot reach host:port (why)".
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import __version__
from app.domain.errors import AuthError, BadFeed, NotFound, ProviderUnavailable, RateLimited
from app.domain.streams import StreamQuery
from app.domain.subtitles import Quota, QuotaExceeded, SubtitleHit
from app.providers.base import Capability, Manifest

if TYPE_CHECKING:
    import httpx

    from app.core.config import Settings
    from app.net.shared import HttpClient

log = logging.getLogger(__name__)

PROVIDER_ID = "opensubtitles"
SECRET = "opensubtitles"  # the keyring entry of the API key
NO_KEY = "No OpenSubtitles key: add it in Settings › Keys and accounts."
USER_AGENT = f"Cinema v{__version__}"
MAX_FILE_BYTES = 5 * 1024 * 1024
TIMEOUT_S = 15.0


def imdb_number(imdb_id: str | None) -> str | None:
    """``tt0133093`` → ``133093``: the API takes the number without ``tt`` and leading zeros."""
    if not imdb_id:
        return None
    digits = re.sub(r"\D", "", imdb_id).lstrip("0")
    return digits or None


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def hit_from(item: Any) -> SubtitleHit | None:
    """One ``data[]`` entry of ``GET /subtitles``; None when it has no file to download."""
    if not isinstance(item, dict):
        return None
    attrs = item.get("attributes")
    if not isinstance(attrs, dict):
        return None
    files = [f for f in attrs.get("files") or () if isinstance(f, dict) and f.get("file_id") is not None]
    if not files:
        return None
    details = attrs.get("feature_details")
    feature: dict[str, Any] = details if isinstance(details, dict) else {}
    fps = attrs.get("fps")
    year = feature.get("year")
    return SubtitleHit(
        provider_id=PROVIDER_ID,
        file_id=str(files[0]["file_id"]),
        language=str(attrs.get("language") or "").lower(),
        release=str(attrs.get("release") or ""),
        file_name=str(files[0].get("file_name") or ""),
        downloads=_int(attrs.get("download_count")),
        hash_match=attrs.get("moviehash_match") is True,
        hearing_impaired=attrs.get("hearing_impaired") is True,
        machine_translated=attrs.get("machine_translated") is True or attrs.get("ai_translated") is True,
        from_trusted=attrs.get("from_trusted") is True,
        fps=float(fps) if isinstance(fps, (int, float)) and not isinstance(fps, bool) and fps > 0 else None,
        title=str(feature.get("title") or feature.get("movie_name") or ""),
        year=year if isinstance(year, int) else None,
    )


def quota_from(body: Any) -> Quota:
    if not isinstance(body, dict):
        return Quota(None)
    remaining = body.get("remaining")
    reset = body.get("reset_time_utc") or body.get("reset_time") or ""
    return Quota(remaining if isinstance(remaining, int) else None, str(reset))


class OpenSubtitlesProvider:
    """Subtitles through the app's HTTP client and the user's key."""

    manifest = Manifest(
        id=PROVIDER_ID,
        name="OpenSubtitles",
        capabilities=frozenset({Capability.SUBTITLES}),
    )
    secret = SECRET  # KeyChecked: Settings › Keys and accounts shows and tries it

    def __init__(
        self,
        *,
        http: Callable[[], HttpClient],
        settings: Callable[[], Settings],
        key: Callable[[], str | None],
    ) -> None:
        self._http = http
        self._settings = settings
        self._key = key
        self.quota: Quota | None = None  # as the last download reported it

    # -- plumbing ---------------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        return self._settings().opensubtitles_base_url.rstrip("/")

    def _headers(self, key: str | None = None) -> dict[str, str]:
        key = key if key is not None else self._key()
        if not key:
            raise AuthError(NO_KEY)
        return {
            "Api-Key": key,
            "User-Agent": USER_AGENT,
            "Accept": "application/json",
            "Content-Type": "application/json",
        }

    async def _send(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        body: Any = None,
        key: str | None = None,
    ) -> Any:
        url = f"{self.base_url}{path}"
        ordered = dict(sorted(params.items())) if params else None
        import httpx  # the client's module loads with the first request, not at start

        from app.net.reach import unreachable

        try:
            response = await self._http().request(
                method,
                url,
                params=ordered,
                json=body,
                headers=self._headers(key),
                timeout=TIMEOUT_S,
                follow_redirects=True,
            )
        except (httpx.TimeoutException, httpx.TransportError) as exc:
            raise ProviderUnavailable(f"OpenSubtitles: {unreachable(url, exc)}") from None
        return self._checked(response, path)

    def _checked(self, response: httpx.Response, path: str) -> Any:
        status = response.status_code
        try:
            data: Any = response.json()
        except ValueError:
            data = None
        message = str(data.get("message") or "") if isinstance(data, dict) else ""
        if status in (401, 403):
            raise AuthError(f"OpenSubtitles refused the key (HTTP {status}); check it in Settings")
        if status == 406:
            quota = quota_from(data)
            self.quota = quota
            when = f"; it is renewed {quota.reset}" if quota.reset else ""
            raise QuotaExceeded(f"the daily OpenSubtitles download quota is used up{when}", quota)
        if status == 429:
            retry = response.headers.get("retry-after")
            raise RateLimited(
                "OpenSubtitles asks us to slow down; try again in a moment",
                retry_after=float(retry) if retry and retry.isdigit() else None,
            )
        if status == 404:
            raise NotFound(f"OpenSubtitles has no {path}")
        if status == 410:
            raise NotFound("OpenSubtitles: the download link expired; try again")
        if status >= 400:
            detail = f": {message}" if message and status < 500 else ""
            raise ProviderUnavailable(f"OpenSubtitles answered HTTP {status}{detail}")
        if data is None:
            raise BadFeed(f"OpenSubtitles sent a body that is not JSON for {path}")
        return data

    # -- the capability ---------------------------------------------------------------------------
    async def subtitles(
        self, query: StreamQuery, *, movie_hash: str | None = None, file_name: str | None = None
    ) -> Sequence[SubtitleHit]:
        """Subtitles in ``query.languages`` for the title's ids (or its name), hash matches included."""
        params: dict[str, str] = {}
        if query.languages:
            params["languages"] = ",".join(sorted({lang.lower() for lang in query.languages}))
        if movie_hash:
            params["moviehash"] = movie_hash.lower()
        imdb = imdb_number(query.imdb_id)
        episode = query.season is not None and query.episode is not None
        if episode:
            params.update(season_number=str(query.season), episode_number=str(query.episode), type="episode")
            if imdb:
                params["parent_imdb_id"] = imdb
            elif query.tmdb_id:
                params["parent_tmdb_id"] = str(query.tmdb_id)
        elif imdb:
            params["imdb_id"] = imdb
        elif query.tmdb_id:
            params["tmdb_id"] = str(query.tmdb_id)
        if not (imdb or query.tmdb_id or movie_hash):
            name = query.original_title or query.title or file_name or ""
            if not name.strip():
                return []
            params["query"] = name.strip()
            if query.year:
                params["year"] = str(query.year)
        data = await self._send("GET", "/subtitles", params=params)
        items = data.get("data") if isinstance(data, dict) else None
        if not isinstance(items, list):
            raise BadFeed("OpenSubtitles: the search answer has no data list")
        return [hit for hit in (hit_from(item) for item in items) if hit is not None]

    async def download(self, subtitle_id: str, target: Path) -> Path:
        """Ask for the file's link (this counts against the daily quota), fetch it into ``target``."""
        try:
            file_id: Any = int(subtitle_id)
        except ValueError:
            file_id = subtitle_id
        data = await self._send("POST", "/download", body={"file_id": file_id, "sub_format": "srt"})
        link = data.get("link") if isinstance(data, dict) else None
        if not isinstance(link, str) or not link.startswith(("http://", "https://")):
            raise BadFeed("OpenSubtitles: the download answer has no link")
        self.quota = quota_from(data)
        import httpx

        from app.net.reach import unreachable

        try:
            response = await self._http().get(link, headers={"User-Agent": USER_AGENT}, timeout=TIMEOUT_S)
        except (httpx.TimeoutException, httpx.TransportError) as exc:
            raise ProviderUnavailable(f"OpenSubtitles: {unreachable(link, exc)}") from None
        if response.status_code == 410:
            raise NotFound("OpenSubtitles: the download link expired; try again")
        if response.status_code >= 400:
            raise ProviderUnavailable(f"OpenSubtitles answered HTTP {response.status_code} for the file")
        content = response.content
        if len(content) > MAX_FILE_BYTES:
            raise BadFeed(f"OpenSubtitles: the file is over {MAX_FILE_BYTES // 1024 // 1024} MB; refused")
        target.parent.mkdir(parents=True, exist_ok=True)
        part = target.with_name(target.name + ".part")
        part.write_bytes(content)
        part.replace(target)
        return target

    async def check_key(self, key: str) -> Quota | None:
        """Try ``key`` with a small search; raises AuthError (refused), ProviderUnavailable
        (unreachable) or QuotaExceeded; returns what is known of the quota."""
        await self._send("GET", "/subtitles", params={"imdb_id": "133093", "languages": "en"}, key=key)
        return self.quota
