"""Episode names, air dates and stills for an anime whose provider numbers its episodes only
(Shikimori), from a provider that names them (TMDB TV) when a lookup finds the same show beyond
doubt; else the numbers stay (with the next episode's date when the provider gives it)."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from app.domain.errors import CinemaError
from app.domain.series import Episode
from app.providers.base import Capability, MetaSearch, SeriesEpisodes
from app.providers.meta.models import Candidate, MetaQuery, TitleMeta
from app.services.context import AppContext
from app.services.enrich.lookup import CachedLookup
from app.services.enrich.matching import ANIMATION_GENRE, title_similarity

log = logging.getLogger(__name__)

SAME_TITLE = 0.92  # a name of the anime and a title of the show are the same name
_BRACKETS = re.compile(r"\s*[(\[][^)\]]*[)\]]")  # «(2011)», «[ТВ-2]»: Shikimori's own marks


@dataclass(frozen=True)
class TvMatch:
    """The show whose episodes an anime takes, and its provider's id (the page names both)."""

    provider: str  # the naming provider's manifest id (tmdb)
    id: str  # tmdb:tv:N
    title: str
    year: int | None

    def as_source(self) -> dict[str, Any]:
        return {"provider": self.provider, "id": self.id, "title": self.title, "year": self.year}


def names_of(meta: TitleMeta) -> list[str]:
    """The anime's names to search with: Russian, romaji, English (Shikimori's brackets off)."""
    russian = (meta.extra or {}).get("russian") or meta.title
    names = [russian, meta.original_title or "", *meta.alt_titles]
    out: list[str] = []
    for name in names:
        clean = _BRACKETS.sub("", name or "").strip()
        if clean and clean not in out and not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", clean):
            out.append(clean)  # TMDB's search does not know the Japanese spelling we would send
    return out[:3]


def confident(
    meta: TitleMeta, candidates: list[Candidate], names_episodes: Callable[[str], bool] = lambda _id: True
) -> Candidate | None:
    """The one animated show of the anime's first year whose title is one of its names; None
    when none or more than one qualify (a sequel's entry, a remake, a live-action namesake)."""
    if not meta.year:
        return None
    names = [meta.title, meta.original_title or "", *meta.alt_titles, (meta.extra or {}).get("russian") or ""]
    names = [_BRACKETS.sub("", n).strip() for n in names if n]
    fits: dict[str, Candidate] = {}
    for cand in candidates:
        if cand.kind != "series" or not names_episodes(cand.id) or cand.year != meta.year:
            continue
        if ANIMATION_GENRE not in cand.genre_ids and cand.original_language != "ja":
            continue
        titles = (cand.title, cand.original_title or "", *cand.alt_titles)
        if title_similarity(names, titles) >= SAME_TITLE:
            fits[cand.id] = cand
    return next(iter(fits.values())) if len(fits) == 1 else None


def counts_agree(meta: TitleMeta, regular: int) -> bool:
    """TMDB's regular episodes against Shikimori's: the same total for a finished anime; for a
    running one at least those aired and no more than planned."""
    extra = meta.extra or {}
    total, aired = extra.get("episodes") or 0, extra.get("episodes_aired") or 0
    if extra.get("status") == "released" or (total and aired >= total):
        return bool(total) and regular == total
    return regular >= max(aired, 1) and (not total or regular <= total)


def absolute(episodes: list[Episode], title_id: str) -> list[Episode]:
    """TMDB's seasons as one run numbered 1..N (Shikimori's, the guide's and the packs' anime
    numbering), under the anime's id; specials left out."""
    regular = sorted((e for e in episodes if e.season >= 1), key=lambda e: (e.season, e.number))
    return [
        Episode(
            title_id,
            1,
            n,
            name=e.name,
            overview=e.overview,
            air_date=e.air_date,
            runtime=e.runtime,
            still_path=e.still_path,
            tmdb_id=e.tmdb_id,
        )
        for n, e in enumerate(regular, start=1)
    ]


NOT_ASKED, NO_MATCH = "not_asked", "no_match"  # why an anime keeps its provider's numbers


def _naming(context: AppContext) -> tuple[MetaSearch, SeriesEpisodes] | None:
    """A provider that both finds series by name and names their episodes (TMDB), if any."""
    for provider in context.providers.episodes():
        named = provider.episode_names and isinstance(provider, MetaSearch)
        if named and provider.manifest.supports(Capability.META_SEARCH, "series"):
            return cast(MetaSearch, provider), provider
    return None


async def from_named(
    context: AppContext, meta: TitleMeta, language: str
) -> tuple[list[Episode], TvMatch] | str:
    """The anime's episodes from the same show at a provider that names episodes, or why not:
    NOT_ASKED (no such provider, no key, no answer) or NO_MATCH (no confident match, or its
    episode count does not agree)."""
    naming = _naming(context)
    if naming is None:
        return NOT_ASKED
    provider, episodes_of = naming
    owner = provider.manifest
    lookup = CachedLookup(context)
    winner: Candidate | None = None
    try:
        for name in names_of(meta):
            found = await lookup.search(provider, MetaQuery(name, "series", meta.year, None, language))
            winner = confident(meta, found, lambda cid: owner.supports(Capability.EPISODES, cid))
            if winner is not None:
                break
        if winner is None:
            log.info("episodes of %s: no %s show of %s is surely the same", meta.id, owner.name, meta.year)
            return NO_MATCH
        episodes = await episodes_of.episodes(winner.id, language)
    except CinemaError as exc:
        log.info("episodes of %s: %s not asked (%s)", meta.id, owner.name, exc)
        return NOT_ASKED
    numbered = absolute(episodes, meta.id)
    if not counts_agree(meta, len(numbered)):
        log.info(
            "episodes of %s: %s has %d episodes, its own provider %s: not taken",
            meta.id, winner.id, len(numbered), (meta.extra or {}).get("episodes"),
        )  # fmt: skip
        return NO_MATCH
    return numbered, TvMatch(owner.id, winner.id, winner.title, winner.year)
