"""Enrichment: match guide films (per film_key) to TMDB or Shikimori, store titles and posters."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from app.core.secrets import get_secret
from app.core.tasks import run_blocking
from app.domain.errors import AuthError, BadFeed, NotFound, ProviderUnavailable, RateLimited
from app.net.client import make_client
from app.net.ratelimit import RateLimiter
from app.net.retry import RequestStats
from app.providers.meta.models import Candidate, TitleMeta
from app.providers.meta.shikimori import parse as shiki_parse
from app.providers.meta.shikimori.client import ShikimoriClient, shikimori_limiter
from app.providers.meta.tmdb import parse as tmdb_parse
from app.providers.meta.tmdb.client import TmdbClient
from app.services.context import AppContext
from app.services.enrich import matching
from app.services.enrich.matching import GuideFacts, Scored
from app.services.enrich.posters import PosterStore, StoredPoster
from app.storage import enrich_repo
from app.storage.cache_repo import DETAILS_TTL, NOT_FOUND_TTL, SEARCH_TTL, cache_get, cache_put
from app.storage.enrich_repo import FilmWork

log = logging.getLogger(__name__)

CONFIG_TTL = 3 * 86_400
_IMDB = re.compile(r"\btt\d{7,9}\b")
NO_TOKEN = "No TMDB token: run `cinema secrets set tmdb` (or set CINEMA_TMDB_TOKEN)."


@dataclass(frozen=True)
class EnrichmentDidFinish:
    """Published when a run ends (also when it stopped early: then ``error`` says why)."""

    matched: int
    unmatched: int
    failed: int
    requests: int
    cache_hits: int
    seconds: float
    error: str | None = None


@dataclass
class EnrichSummary:
    total: int = 0
    matched: int = 0
    unmatched: int = 0
    failed: int = 0
    requests: int = 0
    cache_hits: int = 0
    rate_limited: int = 0
    poster_downloads: int = 0
    posters_rejected: int = 0
    seconds: float = 0.0
    error: str | None = None
    matched_ids: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("matched_ids")
        data["seconds"] = round(self.seconds, 3)
        return data


class Enricher:
    """One enrichment run's machinery: clients, limits, cache, posters."""

    def __init__(
        self,
        services: AppContext,
        *,
        http: Any = None,
        token: str | None = None,
        tmdb_limiter: RateLimiter | None = None,
        shikimori_limiter_: RateLimiter | None = None,
        concurrency: int | None = None,
        threshold: float | None = None,
        fetch_posters: bool = True,
    ) -> None:
        self._services = services
        self._settings = services.settings
        self._own_http = http is None
        self._http = http if http is not None else make_client(self._settings.http_timeout_s)
        self._token = token
        self._stats = RequestStats()
        self._tmdb_limiter = tmdb_limiter or RateLimiter.per_second(self._settings.tmdb_rate_per_second)
        self._shiki_limiter = shikimori_limiter_ or shikimori_limiter()
        self._concurrency = concurrency or self._settings.enrich_concurrency
        self.threshold = threshold if threshold is not None else self._settings.match_threshold
        self._fetch_posters = fetch_posters
        self._image_base = self._settings.tmdb_image_base_url
        self._config_loaded = False
        self._config_lock = asyncio.Lock()
        self.cache_hits = 0
        paths = services.paths
        self.posters = PosterStore(self._http, paths.data, paths.posters)
        self._tmdb: TmdbClient | None = None
        self.shikimori = ShikimoriClient(
            self._http,
            base_url=self._settings.shikimori_base_url,
            limiter=self._shiki_limiter,
            stats=self._stats,
        )

    # -- plumbing ---------------------------------------------------------------------------

    def _now(self) -> int:
        return int(self._services.clock.now().timestamp())

    @property
    def tmdb(self) -> TmdbClient:
        if self._tmdb is None:
            token = self._token or get_secret("tmdb")
            if not token:
                raise AuthError(NO_TOKEN)
            self._tmdb = TmdbClient(
                self._http,
                base_url=self._settings.tmdb_base_url,
                token=token,
                language=self._settings.metadata_language,
                limiter=self._tmdb_limiter,
                stats=self._stats,
            )
        return self._tmdb

    async def _cached(self, provider: str, key: str, ttl: int, fetch: Callable[[], Awaitable[Any]]) -> Any:
        """The cached answer for (provider, key), or ``fetch()`` stored with ``ttl``.

        A NotFound is cached for a day and returned as None.
        """
        db = self._services.db
        entry = await run_blocking(cache_get, db, provider, key, self._now())
        if entry is not None:
            self.cache_hits += 1
            return entry.value if entry.status == "ok" else None
        try:
            value = await fetch()
        except NotFound:
            await run_blocking(
                cache_put,
                db,
                provider,
                key,
                None,
                now=self._now(),
                ttl=NOT_FOUND_TTL,
                status="not_found",
            )
            return None
        await run_blocking(cache_put, db, provider, key, value, now=self._now(), ttl=ttl)
        return value

    async def _ensure_configuration(self) -> None:
        async with self._config_lock:
            if self._config_loaded:
                return
            config = await self._cached("tmdb", "configuration", CONFIG_TTL, self.tmdb.configuration)
            if isinstance(config, dict):
                self._image_base = tmdb_parse.image_base_from_configuration(config, self._image_base)
            self._config_loaded = True

    # -- provider calls (all cached) ---------------------------------------------------------

    async def tmdb_search(self, media: str, query: str, year: int | None) -> list[Candidate]:
        lang = self.tmdb.language
        key = f"search/{media}|{lang}|{year or ''}|{matching.normalize(query)}"
        data = await self._cached("tmdb", key, SEARCH_TTL, lambda: self.tmdb.search(media, query, year))
        return tmdb_parse.candidates_from_search(data, media, self._image_base) if data else []

    async def tmdb_find(self, imdb_id: str) -> list[Candidate]:
        data = await self._cached(
            "tmdb",
            f"find/{imdb_id}|{self.tmdb.language}",
            SEARCH_TTL,
            lambda: self.tmdb.find_imdb(imdb_id),
        )
        return tmdb_parse.candidates_from_find(data, self._image_base) if data else []

    async def tmdb_details(self, candidate_id: str) -> TitleMeta | None:
        _, media, raw_id = candidate_id.split(":")
        tmdb_id = int(raw_id)
        lang = self.tmdb.language
        data = await self._cached(
            "tmdb",
            f"{media}/{tmdb_id}|{lang}|full",
            DETAILS_TTL,
            lambda: self.tmdb.details(media, tmdb_id),
        )
        if not data:
            return None
        meta = tmdb_parse.meta_from_details(data, media, self._image_base)
        if not meta.overview and not lang.startswith("en"):
            # The Russian text is often missing for lesser-known films: take the English one.
            english = await self._cached(
                "tmdb",
                f"{media}/{tmdb_id}|en-US|plain",
                DETAILS_TTL,
                lambda: self.tmdb.details(media, tmdb_id, language="en-US", append=False),
            )
            if english:
                en_meta = tmdb_parse.meta_from_details(english, media, self._image_base)
                meta = _with(meta, overview=en_meta.overview, tagline=meta.tagline or en_meta.tagline)
        return meta

    async def shikimori_search(self, query: str) -> list[Candidate]:
        key = f"search|{matching.normalize(query)}"
        data = await self._cached("shikimori", key, SEARCH_TTL, lambda: self.shikimori.search(query))
        return shiki_parse.candidates_from_search(data, self.shikimori.base_url) if data else []

    async def shikimori_details(self, candidate_id: str) -> TitleMeta | None:
        anime_id = int(candidate_id.rsplit(":", 1)[1])
        data = await self._cached(
            "shikimori", f"animes/{anime_id}", DETAILS_TTL, lambda: self.shikimori.details(anime_id)
        )
        return shiki_parse.meta_from_details(data, self.shikimori.base_url) if data else None

    async def details(self, candidate_id: str) -> TitleMeta | None:
        if candidate_id.startswith("shikimori:"):
            return await self.shikimori_details(candidate_id)
        return await self.tmdb_details(candidate_id)

    # -- matching one film -------------------------------------------------------------------

    async def _confirm(
        self, facts: GuideFacts, ranked: list[Scored]
    ) -> tuple[list[Scored], dict[str, TitleMeta]]:
        """Fetch details of the plausible leaders and score them again with what details add
        (alternative titles, runtime, director, countries)."""
        if not ranked or ranked[0].score < self.threshold - 0.2:
            return ranked, {}
        best = ranked[0].score
        leaders = [s for s in ranked[:3] if s.score >= best - 0.12 and s.score >= self.threshold - 0.2]
        metas: dict[str, TitleMeta] = {}
        rescored: dict[str, Scored] = {s.candidate.id: s for s in ranked}
        for lead in leaders:
            meta = await self.details(lead.candidate.id)
            if meta is None:
                rescored.pop(lead.candidate.id, None)
                continue
            metas[meta.id] = meta
            merged = matching.merge_details(lead.candidate, meta.as_candidate())
            rescored[lead.candidate.id] = matching.score(facts, merged)
        again = sorted(rescored.values(), key=lambda s: (-s.score, -s.candidate.votes))
        return again, metas

    async def match(self, work: FilmWork) -> tuple[Scored | None, TitleMeta | None, list[Scored]]:
        """The winning candidate and its details for one guide film, plus everything scored."""
        title, title_year = matching.clean_guide_title(work.title)
        facts = GuideFacts(
            title=title,
            kind=work.kind,
            year=work.year_hint or title_year,
            countries=matching.country_codes(work.country_hint),
            director=work.director_hint,
            duration_min=work.duration_min,
        )
        seen: list[Scored] = []
        if work.kind == "anime":
            ranked, metas = await self._confirm(
                facts, matching.rank(facts, await self.shikimori_search(title))
            )
            seen.extend(ranked)
            winner = matching.decide(ranked, self.threshold)
            if winner is not None and winner.candidate.id in metas:
                return winner, metas[winner.candidate.id], ranked
        imdb = _IMDB.search(work.description or "")
        candidates: list[Candidate] = []
        await self._ensure_configuration()
        if imdb:
            candidates += await self.tmdb_find(imdb.group(0))
        medias = {"series": ["tv"], "anime": ["tv", "movie"]}.get(work.kind, ["movie"])
        for media in medias:
            candidates += await self.tmdb_search(media, title, facts.year if media == "movie" else None)
        ranked = matching.rank(facts, candidates)
        for query, year in self._fallback_queries(title, facts, medias):
            if matching.decide(ranked, self.threshold) is not None:
                break
            for media in medias:
                candidates += await self.tmdb_search(media, query, year if media == "movie" else None)
            ranked = matching.rank(facts, candidates)
        ranked, metas = await self._confirm(facts, ranked)
        winner = matching.decide(ranked, self.threshold)
        ranked = sorted([*seen, *ranked], key=lambda s: -s.score)
        if winner is None or winner.candidate.id not in metas:
            return None, None, ranked
        meta = metas[winner.candidate.id]
        if meta.is_japanese_animation or work.kind == "anime":
            meta = await self._add_anime_extras(facts, meta)
        return winner, meta, ranked

    @staticmethod
    def _fallback_queries(title: str, facts: GuideFacts, medias: list[str]) -> list[tuple[str, int | None]]:
        """Wider searches, tried in order only while nothing convinces: without the year (the
        filter is strict, a guide a year off finds nothing), the Latin title spelled in Cyrillic,
        the main part before a subtitle, the title without its sequel number."""
        queries: list[tuple[str, int | None]] = []
        if facts.year and "movie" in medias:
            queries.append((title, None))
        if cyrillic := matching.to_cyrillic(title):
            queries.append((cyrillic, None))
        main = re.split(r"[:.]\s| [-–—] ", title, maxsplit=1)[0].strip()
        if main and main != title:
            queries.append((main, None))
        unnumbered = re.sub(r"\s+(?:\d+|[IVX]+)$", "", title).strip()
        if unnumbered and unnumbered != title:
            queries.append((unnumbered, None))
        return queries

    async def _add_anime_extras(self, facts: GuideFacts, meta: TitleMeta) -> TitleMeta:
        """TMDB says Japanese animation: take score, episodes, status and studios from Shikimori."""
        anime_facts = GuideFacts(title=facts.title, kind="anime", year=meta.year or facts.year)
        try:
            candidates = await self.shikimori_search(facts.title)
            if meta.original_title and meta.original_title != facts.title:
                candidates += await self.shikimori_search(meta.original_title)
        except (ProviderUnavailable, RateLimited, BadFeed) as exc:
            log.info("Shikimori extras skipped: %s", exc)
            return meta
        winner = matching.decide(matching.rank(anime_facts, candidates), self.threshold)
        if winner is None:
            return _with(meta, kind="anime")
        shiki = await self.shikimori_details(winner.candidate.id)
        if shiki is None:
            return _with(meta, kind="anime")
        return _with(meta, kind="anime", shikimori_id=shiki.shikimori_id, extra={**meta.extra, **shiki.extra})

    # -- storing -----------------------------------------------------------------------------

    async def _poster_for(self, meta: TitleMeta, work: FilmWork) -> dict[str, Any]:
        existing = await run_blocking(enrich_repo.title_row, self._services.db, meta.id)
        if (
            existing
            and existing.get("poster_origin") in ("tmdb", "shikimori")
            and existing.get("poster_path")
            and (self._services.paths.data / existing["poster_path"]).exists()
        ):
            # Downloaded once: a title seen again keeps its files.
            return {k: existing[k] for k in ("poster_path", "poster_thumb", "poster_origin", "backdrop_path")}
        out: dict[str, Any] = {
            "poster_path": None,
            "poster_thumb": None,
            "poster_origin": "generated",
            "backdrop_path": None,
        }
        if not self._fetch_posters:
            return out
        origin = "shikimori" if meta.id.startswith("shikimori:") else "tmdb"
        for url, org in ((meta.poster_url, origin), (work.icon, "preview")):
            if url:
                stored = await self._image(url)
                if stored is not None:
                    out.update(poster_path=stored.path, poster_thumb=stored.thumb, poster_origin=org)
                    break
        if meta.backdrop_url:
            backdrop = await self._image(meta.backdrop_url)
            if backdrop is not None:
                out["backdrop_path"] = backdrop.path
        return out

    async def _image(self, url: str) -> StoredPoster | None:
        """Download an image once; a missing or refused one is not asked for again for a day."""
        db = self._services.db
        entry = await run_blocking(cache_get, db, "image", url, self._now())
        if entry is not None:
            self.cache_hits += 1
            return None
        stored = await self.posters.fetch(url)
        if stored is None and url in self.posters.refused:
            await run_blocking(
                cache_put,
                db,
                "image",
                url,
                None,
                now=self._now(),
                ttl=NOT_FOUND_TTL,
                status="not_found",
            )
        return stored

    async def _store_unmatched(self, work: FilmWork, ranked: list[Scored]) -> None:
        db = self._services.db
        best = ranked[0].score if ranked else None
        await run_blocking(
            enrich_repo.save_unmatched,
            db,
            work.film_key,
            work.kind,
            score=best,
            candidates=[s.as_json() for s in ranked[:10]],
            now=self._now(),
        )
        # The placeholder keeps the guide's own picture when it has one.
        if self._fetch_posters and work.icon:
            path, _origin = await run_blocking(enrich_repo.title_poster, db, work.placeholder_id)
            if not path:
                stored = await self._image(work.icon)
                if stored is not None:
                    await run_blocking(
                        enrich_repo.set_title_poster,
                        db,
                        work.placeholder_id,
                        stored.path,
                        stored.thumb,
                        "preview",
                    )

    async def process(self, work: FilmWork, summary: EnrichSummary) -> None:
        winner, meta, ranked = await self.match(work)
        if winner is None or meta is None:
            await self._store_unmatched(work, ranked)
            summary.unmatched += 1
            return
        row = title_row_from_meta(meta)
        row.update(await self._poster_for(meta, work))
        await run_blocking(
            enrich_repo.save_matched,
            self._services.db,
            work.film_key,
            work.kind,
            title_row=row,
            score=winner.score,
            candidates=[s.as_json() for s in ranked[:10]],
            now=self._now(),
        )
        summary.matched += 1
        summary.matched_ids[work.film_key] = meta.id

    # -- the run -----------------------------------------------------------------------------

    async def run(
        self,
        *,
        limit: int | None = None,
        force: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> EnrichSummary:
        started = time.monotonic()
        summary = EnrichSummary()
        run_id = await run_blocking(enrich_repo.start_run, self._services.db, self._now())
        try:
            works = await run_blocking(
                enrich_repo.pending_films, self._services.db, self._now(), force=force, limit=limit
            )
            summary.total = len(works)
            if works:
                await self._run_all(works, summary, progress)
        except AuthError as exc:
            summary.error = str(exc)
        finally:
            if self._own_http:
                await self._http.aclose()
        summary.requests = self._stats.requests
        summary.rate_limited = self._stats.rate_limited
        summary.cache_hits = self.cache_hits
        summary.poster_downloads = self.posters.downloads
        summary.posters_rejected = self.posters.rejected
        summary.seconds = time.monotonic() - started
        await run_blocking(
            enrich_repo.finish_run, self._services.db, run_id, self._now(), summary.as_json(), summary.error
        )
        self._services.bus.publish(
            EnrichmentDidFinish(
                matched=summary.matched,
                unmatched=summary.unmatched,
                failed=summary.failed,
                requests=summary.requests,
                cache_hits=summary.cache_hits,
                seconds=summary.seconds,
                error=summary.error,
            )
        )
        return summary

    async def _run_all(
        self,
        works: list[FilmWork],
        summary: EnrichSummary,
        progress: Callable[[int, int], None] | None,
    ) -> None:
        queue: asyncio.Queue[FilmWork] = asyncio.Queue()
        for work in works:
            queue.put_nowait(work)
        done = 0

        async def worker() -> None:
            nonlocal done
            while not queue.empty():
                work = queue.get_nowait()
                try:
                    await self.process(work, summary)
                except AuthError:
                    raise
                except Exception as exc:
                    # Left for the next refresh: recorded as failed, retried next run. Anything
                    # unexpected is logged with its traceback but must not stop the other films.
                    if isinstance(exc, (ProviderUnavailable, RateLimited, BadFeed)):
                        log.warning("enrichment of %r failed: %s", work.film_key, exc)
                    else:
                        log.exception("enrichment of %r failed unexpectedly", work.film_key)
                    summary.failed += 1
                    await run_blocking(
                        enrich_repo.save_unmatched, self._services.db, work.film_key, work.kind,
                        score=None, candidates=[], now=self._now(), status="failed",
                    )  # fmt: skip
                done += 1
                if progress is not None:
                    progress(done, len(works))

        tasks = [asyncio.create_task(worker()) for _ in range(min(self._concurrency, len(works)))]
        try:
            await asyncio.gather(*tasks)
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)


def _with(meta: TitleMeta, **changes: Any) -> TitleMeta:
    from dataclasses import replace

    return replace(meta, **changes)


def title_row_from_meta(meta: TitleMeta) -> dict[str, Any]:
    """The titles columns for a provider's title (JSON lists as text)."""

    def js(value: Any) -> str:
        return json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False)

    return {
        "id": meta.id,
        "kind": meta.kind if meta.kind in ("film", "series", "anime") else "film",
        "title": meta.title,
        "original_title": meta.original_title,
        "alt_titles": js(meta.alt_titles),
        "year": meta.year,
        "overview": meta.overview,
        "tagline": meta.tagline,
        "runtime": meta.runtime,
        "rating": meta.rating,
        "votes": meta.votes,
        "genres": js(meta.genres),
        "countries": js(meta.countries),
        "original_language": meta.original_language,
        "director": meta.director,
        "cast": js(meta.cast),
        "trailer_url": meta.trailer_url,
        "tmdb_id": meta.tmdb_id,
        "shikimori_id": meta.shikimori_id,
        "imdb_id": meta.imdb_id,
        "extra": js({k: v for k, v in meta.extra.items() if v is not None}),
    }


async def enrich(
    services: AppContext,
    *,
    limit: int | None = None,
    force: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> EnrichSummary:
    """One enrichment run with the app's settings and the token from keyring/environment."""
    return await Enricher(services).run(limit=limit, force=force, progress=progress)
