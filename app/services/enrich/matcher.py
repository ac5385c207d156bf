"""Matching one guide film: ask the metadata providers that serve its kind (in the registry's
order), score their candidates, confirm the leaders with details, decide."""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from app.domain.errors import AuthError, BadFeed, ProviderUnavailable, RateLimited
from app.domain.series import episode_mark
from app.providers.base import Capability, MetaSearch
from app.providers.meta.models import Candidate, MetaQuery, TitleMeta
from app.services.context import AppContext
from app.services.enrich import matching
from app.services.enrich.lookup import CachedLookup
from app.services.enrich.matching import GuideFacts, Scored
from app.services.titles import search_title
from app.storage.enrich_repo import FilmWork

log = logging.getLogger(__name__)

_IMDB = re.compile(r"\btt\d{7,9}\b")
# Leaders worth a details request: near the threshold and near the best.
CONFIRM_BELOW_THRESHOLD = 0.2
CONFIRM_NEAR_BEST = 0.12
ANIME = "anime"


class FilmMatcher:
    """Finds the title of one guide film; every provider answer goes through the cache."""

    def __init__(self, services: AppContext, lookup: CachedLookup, threshold: float) -> None:
        self._s = services
        self.lookup = lookup
        self.threshold = threshold
        # providers that refused us this run (no or a wrong key: TMDB without a token): the
        # others (Shikimori) still match, the films only these could match wait for the key
        self.refused: dict[str, str] = {}

    @property
    def language(self) -> str:
        return self._s.settings.metadata_language

    async def details(self, title_id: str) -> TitleMeta | None:
        return await self.lookup.details(title_id, self.language)

    async def match(self, work: FilmWork) -> tuple[Scored | None, TitleMeta | None, list[Scored]]:
        """The winning candidate and its details for one guide film, plus everything scored."""
        # a series airing's title carries its episode («… Сезон 2. Серия 5»): look up the series
        raw = episode_mark(work.title).name if work.kind == "series" else work.title
        title, title_year = search_title(raw)
        facts = GuideFacts(
            title=title,
            kind=work.kind,
            year=work.year_hint or title_year,
            countries=matching.country_codes(work.country_hint),
            director=work.director_hint,
            duration_min=work.duration_min,
        )
        imdb = _IMDB.search(work.description or "")
        seen: list[Scored] = []
        winner: Scored | None = None
        meta: TitleMeta | None = None
        for provider in self._s.providers.meta_search(work.kind):
            if provider.manifest.id in self.refused:
                continue
            query = MetaQuery(title, work.kind, facts.year, imdb.group(0) if imdb else None, self.language)
            try:
                ranked, metas = await self._ask(provider, facts, query)
            except AuthError as exc:
                if provider.manifest.id not in self.refused:
                    log.warning("%s refused: %s; matching goes on without it", provider.manifest.name, exc)
                self.refused[provider.manifest.id] = str(exc)
                continue
            winner = matching.decide(ranked, self.threshold)
            seen = sorted([*seen, *ranked], key=lambda s: -s.score)
            if winner is not None and winner.candidate.id in metas:
                meta = metas[winner.candidate.id]
                break
            winner = None
        if winner is None or meta is None:
            return None, None, seen
        if meta.is_japanese_animation or work.kind == ANIME:
            meta = await self._add_anime_extras(facts, meta)
        return winner, meta, seen

    def waits_for_key(self, kind: str) -> bool:
        """A provider that serves ``kind`` refused us this run: a film left unmatched may match
        once the key is there (so it is retried, not given up)."""
        return any(p.manifest.id in self.refused for p in self._s.providers.meta_search(kind))

    async def _ask(
        self, provider: MetaSearch, facts: GuideFacts, query: MetaQuery
    ) -> tuple[list[Scored], dict[str, TitleMeta]]:
        """One provider's ranked candidates (wider queries while nothing convinces, where its
        search is narrow), the leaders confirmed with their details."""
        candidates = list(await self.lookup.search(provider, query))
        ranked = matching.rank(facts, candidates)
        if provider.narrow_search:
            for wider in wider_queries(query):
                if matching.decide(ranked, self.threshold) is not None:
                    break
                candidates += await self.lookup.search(provider, wider)
                ranked = matching.rank(facts, candidates)
        return await self._confirm(facts, ranked)

    async def _confirm(
        self, facts: GuideFacts, ranked: list[Scored]
    ) -> tuple[list[Scored], dict[str, TitleMeta]]:
        """Fetch details of the plausible leaders and score them again with what details add
        (alternative titles, runtime, director, countries)."""
        floor = self.threshold - CONFIRM_BELOW_THRESHOLD
        if not ranked or ranked[0].score < floor:
            return ranked, {}
        best = ranked[0].score
        leaders = [s for s in ranked[:3] if s.score >= best - CONFIRM_NEAR_BEST and s.score >= floor]
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

    async def _add_anime_extras(self, facts: GuideFacts, meta: TitleMeta) -> TitleMeta:
        """Japanese animation: score, episodes, status and studios from the providers that
        specialise in anime (their manifest names the kind), the winner's own provider aside."""
        anime_facts = GuideFacts(title=facts.title, kind=ANIME, year=meta.year or facts.year)
        for provider in self._s.providers.meta_search(ANIME):
            manifest = provider.manifest
            if ANIME not in manifest.kinds or manifest.supports(Capability.META_DETAILS, meta.id):
                continue  # a generalist, or the one the winner came from
            names = [facts.title]
            if meta.original_title and meta.original_title != facts.title:
                names.append(meta.original_title)
            candidates: list[Candidate] = []
            try:
                for name in names:
                    query = MetaQuery(name, ANIME, None, None, self.language)
                    candidates += await self.lookup.search(provider, query)
            except (ProviderUnavailable, RateLimited, BadFeed) as exc:
                log.info("%s extras skipped: %s", manifest.name, exc)
                return meta
            winner = matching.decide(matching.rank(anime_facts, candidates), self.threshold)
            extra = await self.details(winner.candidate.id) if winner is not None else None
            if extra is not None:
                return replace(
                    meta,
                    kind=ANIME,
                    shikimori_id=meta.shikimori_id or extra.shikimori_id,
                    extra={**meta.extra, **extra.extra},
                )
        return replace(meta, kind=ANIME)


def wider_queries(query: MetaQuery) -> list[MetaQuery]:
    """Wider searches, tried in order only while nothing convinces: without the year (a guide a
    year off finds nothing under a strict filter), the Latin title spelled in Cyrillic, the main
    part before a subtitle, the title without its sequel number."""
    title = query.title
    out: list[MetaQuery] = []
    if query.year:
        out.append(replace(query, year=None, imdb_id=None))
    if cyrillic := matching.to_cyrillic(title):
        out.append(replace(query, title=cyrillic, year=None, imdb_id=None))
    double = matching.or_main(title)  # "Бёрдмэн, или Неожиданное достоинство невежества"
    if double:
        out.append(replace(query, title=double, year=None, imdb_id=None))
    main = re.split(r"[:.]\s| [-–—] ", title, maxsplit=1)[0].strip()
    if main and main not in (title, double):
        out.append(replace(query, title=main, year=None, imdb_id=None))
    unnumbered = re.sub(r"\s+(?:\d+|[IVX]+)$", "", title).strip()
    if unnumbered and unnumbered != title:
        out.append(replace(query, title=unnumbered, year=None, imdb_id=None))
    return out
