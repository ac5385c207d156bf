"""A series' episodes come from the provider of its id, found through the registry's EPISODES
capability: providers registered in a test (one that numbers an anime's episodes, one that
names a show's) are used without any service code naming them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from app.domain.series import Episode
from app.providers.base import Capability, Manifest, SeriesEpisodes
from app.providers.meta.models import Candidate, MetaQuery, TitleMeta
from app.providers.registry import ProviderRegistry
from app.services.enrich.episodes import store_episodes
from app.storage import episodes_repo, titles_repo

ANIME = TitleMeta(
    id="numbers:anime:7",
    kind="anime",
    title="Тетрадь смерти",
    original_title="Death Note",
    year=2006,
    extra={"episodes": 3, "episodes_aired": 3, "status": "released"},
)


class Numbers:
    """Numbers an anime's episodes only (as Shikimori does)."""

    manifest = Manifest(
        id="numbers", name="Numbers", capabilities=frozenset({Capability.EPISODES}), id_prefixes=("numbers:",)
    )
    episode_names = False

    async def episodes(
        self, title_id: str, language: str = "ru-RU", *, known: TitleMeta | None = None
    ) -> list[Episode]:
        assert known is not None and known.id == title_id  # the details already fetched are handed over
        return [Episode(title_id, 1, n) for n in (1, 2, 3)]


class Names:
    """Finds series by name and names their episodes (as TMDB does)."""

    manifest = Manifest(
        id="names",
        name="Names",
        capabilities=frozenset({Capability.EPISODES, Capability.META_SEARCH}),
        id_prefixes=("names:",),
    )
    episode_names = True
    narrow_search = True

    def __init__(self) -> None:
        self.searched: list[str] = []

    async def search(self, query: MetaQuery) -> Sequence[Candidate]:
        self.searched.append(query.title)
        return [
            Candidate(
                "names:tv:1", "series", "Death Note", year=2006, original_language="ja", genre_ids=(16,)
            ),
            Candidate(
                "names:movie:2", "film", "Death Note", year=2006, original_language="ja", genre_ids=(16,)
            ),
        ]

    async def episodes(
        self, title_id: str, language: str = "ru-RU", *, known: TitleMeta | None = None
    ) -> list[Episode]:
        assert title_id == "names:tv:1"
        return [Episode(title_id, 1, n, name=f"Эпизод {n}", air_date=f"2006-10-0{n}") for n in (1, 2, 3)]


def _title(services: Any, meta: TitleMeta) -> None:
    now = int(services.clock.now().timestamp())
    row = {"id": meta.id, "kind": meta.kind, "title": meta.title, "added_at": now, "updated_at": now}
    titles_repo.upsert_titles(services.db, [row])


@pytest.mark.asyncio
async def test_a_registered_provider_names_an_anime_its_own_provider_only_numbers(services: Any) -> None:
    names = Names()
    services.providers = ProviderRegistry([Numbers(), names])
    assert isinstance(services.providers.episodes("numbers:anime:7")[0], SeriesEpisodes)
    _title(services, ANIME)
    assert await store_episodes(services, ANIME, "ru-RU") == 3
    episodes = episodes_repo.episodes_of(services.db, ANIME.id)
    assert [(e.number, e.name, e.air_date) for e in episodes] == [
        (1, "Эпизод 1", "2006-10-01"), (2, "Эпизод 2", "2006-10-02"), (3, "Эпизод 3", "2006-10-03"),
    ]  # fmt: skip
    assert names.searched and names.searched[0] == "Тетрадь смерти"
    assert episodes_repo.episodes_source(services.db, ANIME.id) == {
        "provider": "names", "id": "names:tv:1", "title": "Death Note", "year": 2006,
    }  # fmt: skip


@pytest.mark.asyncio
async def test_without_a_naming_provider_the_numbers_stay_and_say_why(services: Any) -> None:
    services.providers = ProviderRegistry([Numbers()])
    _title(services, ANIME)
    assert await store_episodes(services, ANIME, "ru-RU") == 3
    assert all(e.name is None for e in episodes_repo.episodes_of(services.db, ANIME.id))
    assert episodes_repo.episodes_source(services.db, ANIME.id) == {
        "provider": "numbers",
        "names": "not_asked",
    }


@pytest.mark.asyncio
async def test_an_id_no_provider_serves_gets_no_episodes(services: Any) -> None:
    services.providers = ProviderRegistry([Names()])
    orphan = TitleMeta(id="elsewhere:tv:5", kind="series", title="Нигде")
    _title(services, orphan)
    assert await store_episodes(services, orphan, "ru-RU") == 0
    assert episodes_repo.episodes_of(services.db, orphan.id) == []
