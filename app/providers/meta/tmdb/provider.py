"""TMDB as a provider: MetaSearch (films, series, and the anime it knows) and MetaDetails (tmdb:).

Light to import: httpx and the client are loaded on the first request, not at start-up.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from app.domain.errors import AuthError, BadFeed, NotFound, ProviderUnavailable, RateLimited
from app.providers.base import Capability, Manifest

if TYPE_CHECKING:
    import asyncio

    from app.core.config import Settings
    from app.domain.series import Episode
    from app.net.ratelimit import RateLimiter
    from app.net.shared import HttpClient
    from app.providers.meta.models import Candidate, MetaQuery, TitleMeta
    from app.providers.meta.tmdb.client import TmdbClient

SECRET = "tmdb"  # the keyring entry of the token
NO_TOKEN = "No TMDB token: run `cinema secrets set tmdb` (or set CINEMA_TMDB_TOKEN)."
CONFIG_RETRY_S = 60.0  # a failed /configuration is asked again after this long
TOKEN_TTL_S = 600.0  # a token changed in the keyring is picked up within this time
# What TMDB calls each kind: films are movies, series tv, anime either.
MEDIAS = {"series": ("tv",), "anime": ("tv", "movie")}


_CLIENT_MODULE = "app.providers.meta.tmdb.client"
# what the first request would otherwise import on the loop (httpcore picks anyio's backend then)
_FIRST_REQUEST_MODULES = (_CLIENT_MODULE, "anyio._backends._asyncio", "httpcore._synchronization")


class TmdbProvider:
    """Searches and details through the app's HTTP client, TMDB's rate and the user's token."""

    manifest = Manifest(
        id="tmdb",
        name="TMDB",
        capabilities=frozenset(
            {Capability.META_SEARCH, Capability.META_DETAILS, Capability.META_LISTS, Capability.EPISODES}
        ),
        id_prefixes=("tmdb:",),
    )
    narrow_search = True  # every word must appear, and a year filters strictly
    secret = SECRET  # KeyChecked: Settings › Keys and accounts shows and tries it
    listings = ("popular", "trending", "new")  # MetaLists (issue 15): tmdb/lists.py
    episode_names = True  # SeriesEpisodes: names, air dates, runtimes and stills

    def __init__(
        self,
        *,
        http: Callable[[], HttpClient],
        settings: Callable[[], Settings],
        token: Callable[[], str | None],
    ) -> None:
        self._http = http
        self._settings = settings
        self._token_source = token
        self._token: tuple[str, float] | None = None
        self._limiter: RateLimiter | None = None
        self._limiter_rate = 0.0
        self._fixed_limiter: RateLimiter | None = None
        self._image_base: str | None = None
        self._config_lock: asyncio.Lock | None = None
        # issue 19 item 2: a /configuration that failed is not asked again by every waiting film
        self._config_failure: tuple[float, Exception] | None = None
        self.genre_cache: dict[tuple[str, str], dict[int, str]] = {}  # (medium, language) -> names

    # -- plumbing -------------------------------------------------------------------------------
    @property
    def limiter(self) -> RateLimiter:
        """TMDB's request rate (``tmdb_rate_per_second``); one for the whole app."""
        if self._fixed_limiter is not None:
            return self._fixed_limiter
        rate = self._settings().tmdb_rate_per_second
        if self._limiter is None or rate != self._limiter_rate:
            from app.net.ratelimit import RateLimiter

            self._limiter, self._limiter_rate = RateLimiter.per_second(rate), rate
        return self._limiter

    @limiter.setter
    def limiter(self, limiter: RateLimiter) -> None:
        self._fixed_limiter = limiter

    async def check_key(self, key: str) -> None:
        """Try ``key`` (a v3 key or a read access token) once: AuthError (refused), RateLimited,
        ProviderUnavailable (unreachable, or TMDB failed); returns when TMDB accepted it."""
        from app.providers.meta.tmdb.keycheck import check_token  # httpx: with the first check

        await check_token(self._http(), self._settings().tmdb_base_url, key)

    def _current_token(self) -> str:
        now = time.monotonic()
        if self._token is None or now - self._token[1] > TOKEN_TTL_S:
            token = self._token_source()
            if not token:
                self._token = None
                raise AuthError(NO_TOKEN)
            self._token = (token, now)
        return self._token[0]

    def _client(self, language: str) -> TmdbClient:
        from app.providers.meta.tmdb.client import TmdbClient

        return TmdbClient(
            self._http(),
            base_url=self._settings().tmdb_base_url,
            token=self._current_token(),
            language=language,
            limiter=self.limiter,
        )

    def _client_loaded(self, language: str) -> TmdbClient:
        import importlib

        for module in _FIRST_REQUEST_MODULES:
            importlib.import_module(module)
        return self._client(language)

    async def _call(self, language: str, fetch: Callable[[TmdbClient], Awaitable[Any]]) -> Any:
        if _CLIENT_MODULE not in sys.modules or self._token is None:
            # the first request imports httpx (~100 ms) and the transport's async backend, and a
            # token not read yet comes from the keyring (its module, maybe D-Bus): in a worker,
            # not on the GUI's loop
            from app.core.tasks import run_blocking

            client = await run_blocking(self._client_loaded, language)
        else:
            client = self._client(language)
        try:
            return await fetch(client)
        except AuthError:
            self._token = None  # refused: read the keyring again next time
            raise

    async def _images(self, language: str) -> str:
        """The image base URL from /configuration, asked once per app run."""
        if self._image_base is None:
            import asyncio  # not at start-up: the GUI paints before the loop exists

            self._config_lock = self._config_lock or asyncio.Lock()
            async with self._config_lock:
                if self._image_base is None:
                    from app.providers.meta.tmdb.parse import image_base_from_configuration

                    failure = self._config_failure
                    if failure is not None and time.monotonic() - failure[0] < CONFIG_RETRY_S:
                        raise failure[1]
                    fallback = self._settings().tmdb_image_base_url
                    try:
                        config = await self._call(language, lambda c: c.configuration())
                    except NotFound:
                        self._image_base = fallback
                    except (ProviderUnavailable, RateLimited, BadFeed) as exc:
                        self._config_failure = (time.monotonic(), exc)
                        raise
                    else:
                        self._image_base = image_base_from_configuration(config, fallback)
        return self._image_base

    # -- MetaSearch -----------------------------------------------------------------------------
    async def search(self, query: MetaQuery) -> list[Candidate]:
        """An IMDb lookup when the guide names one, then a search per TMDB medium of the kind
        (the year filters films only: a series' first air year is rarely the guide's)."""
        from app.providers.meta.tmdb import parse

        found: list[Candidate] = []
        lang = query.language
        if query.imdb_id:
            data = await self._call(lang, lambda c: c.find_imdb(query.imdb_id or ""))
            found += parse.candidates_from_find(data, await self._images(lang))
        for media in MEDIAS.get(query.kind, ("movie",)):
            year = query.year if media == "movie" else None

            def search(c: TmdbClient, m: str = media, y: int | None = year) -> Awaitable[Any]:
                return c.search(m, query.title, y)

            data = await self._call(lang, search)
            found += parse.candidates_from_search(data, media, await self._images(lang))
        return found

    # -- MetaDetails ----------------------------------------------------------------------------
    async def details(self, title_id: str, language: str = "ru-RU") -> TitleMeta:
        """A title with credits, videos and alternative titles; an empty overview in the asked
        language is taken from the English one (lesser-known films often lack it)."""
        from app.providers.meta.tmdb import parse

        media, tmdb_id = split_id(title_id)
        data = await self._call(language, lambda c: c.details(media, tmdb_id))
        meta = parse.meta_from_details(data, media, await self._images(language))
        if not meta.overview and not language.startswith("en"):
            english = await self._call(
                language, lambda c: c.details(media, tmdb_id, language="en-US", append=False)
            )
            en_meta = parse.meta_from_details(english, media, await self._images(language))
            meta = replace(meta, overview=en_meta.overview, tagline=meta.tagline or en_meta.tagline)
        return meta

    # -- episodes (issue 16) ---------------------------------------------------------------------
    async def episodes(
        self,
        title_id: str,
        language: str = "ru-RU",
        max_seasons: int = 40,
        *,
        known: TitleMeta | None = None,
    ) -> list[Episode]:
        """Every episode of a TMDB series, season by season (specials, season 0, included when
        TMDB lists them); an empty list for a film. (``known`` is not needed: the seasons are
        asked for anyway.)"""
        from app.providers.meta.tmdb import parse

        media, tmdb_id = split_id(title_id)
        if media != "tv":
            return []
        details = await self._call(language, lambda c: c.details("tv", tmdb_id, append=False))
        numbers = parse.season_numbers(details)[:max_seasons]
        image_base = await self._images(language)
        out: list[Episode] = []
        for number in numbers:

            def season(c: TmdbClient, n: int = number) -> Awaitable[Any]:
                return c.season(tmdb_id, n)

            out += parse.episodes_from_season(await self._call(language, season), title_id, image_base)
        return out

    # -- MetaLists (issue 15) -------------------------------------------------------------------
    async def listing(self, name: str, *, language: str = "ru-RU", limit: int = 20) -> list[Candidate]:
        from app.providers.meta.tmdb import lists

        return await lists.listing(self, name, language, limit)

    async def related(self, title_id: str, *, language: str = "ru-RU", limit: int = 20) -> list[Candidate]:
        from app.providers.meta.tmdb import lists

        return await lists.related(self, title_id, language, limit)


def split_id(title_id: str) -> tuple[str, int]:
    """``tmdb:movie:603`` -> ("movie", 603); NotFound for anything else."""
    parts = title_id.split(":")
    if len(parts) != 3 or parts[0] != "tmdb" or parts[1] not in ("movie", "tv") or not parts[2].isdigit():
        raise NotFound(f"not a TMDB title id: {title_id}")
    return parts[1], int(parts[2])
