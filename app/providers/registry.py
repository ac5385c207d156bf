"""The provider registry: who can do what, for which id or kind. Built once in bootstrap from the
settings and the keyring; tests register their own fakes the same way."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar, cast

from app.providers.base import (
    Capability,
    GuideFeed,
    KeyChecked,
    MetaDetails,
    MetaLists,
    MetaSearch,
    Provider,
    SeriesEpisodes,
    StreamSearch,
    Subtitles,
    TvCatchup,
)

P = TypeVar("P", bound=Provider)

_PROTOCOL: dict[Capability, type] = {
    Capability.GUIDE_FEED: GuideFeed,
    Capability.META_SEARCH: MetaSearch,
    Capability.META_DETAILS: MetaDetails,
    Capability.STREAM_SEARCH: StreamSearch,
    Capability.SUBTITLES: Subtitles,
    Capability.META_LISTS: MetaLists,
    Capability.TV_CATCHUP: TvCatchup,
    Capability.EPISODES: SeriesEpisodes,
}


class ProviderRegistry:
    """Providers in registration order; ``providers_for`` keeps that order (the first is preferred)."""

    def __init__(self, providers: Iterable[Provider] = ()) -> None:
        self._providers: list[Provider] = []
        for provider in providers:
            self.register(provider)

    def register(self, provider: Provider) -> None:
        manifest = provider.manifest
        for capability in manifest.capabilities:
            if not isinstance(provider, _PROTOCOL[capability]):
                raise TypeError(f"{manifest.id} declares {capability} but does not implement it")
        self.unregister(manifest.id)
        self._providers.append(provider)

    def unregister(self, provider_id: str) -> None:
        self._providers = [p for p in self._providers if p.manifest.id != provider_id]

    def get(self, provider_id: str) -> Provider | None:
        return next((p for p in self._providers if p.manifest.id == provider_id), None)

    def all(self) -> tuple[Provider, ...]:
        return tuple(self._providers)

    def providers_for(self, capability: Capability, id_or_kind: str | None = None) -> list[Provider]:
        return [p for p in self._providers if p.manifest.supports(capability, id_or_kind)]

    def guide_feeds(self, kind: str | None = None) -> list[GuideFeed]:
        return cast(list[GuideFeed], self.providers_for(Capability.GUIDE_FEED, kind))

    def meta_search(self, id_or_kind: str | None = None) -> list[MetaSearch]:
        return cast(list[MetaSearch], self.providers_for(Capability.META_SEARCH, id_or_kind))

    def meta_details(self, title_id: str) -> list[MetaDetails]:
        return cast(list[MetaDetails], self.providers_for(Capability.META_DETAILS, title_id))

    def meta_lists(self, id_or_kind: str | None = None) -> list[MetaLists]:
        return cast(list[MetaLists], self.providers_for(Capability.META_LISTS, id_or_kind))

    def stream_search(self, id_or_kind: str | None = None) -> list[StreamSearch]:
        return cast(list[StreamSearch], self.providers_for(Capability.STREAM_SEARCH, id_or_kind))

    def subtitles(self, id_or_kind: str | None = None) -> list[Subtitles]:
        return cast(list[Subtitles], self.providers_for(Capability.SUBTITLES, id_or_kind))

    def tv_catchup(self) -> list[TvCatchup]:
        return cast(list[TvCatchup], self.providers_for(Capability.TV_CATCHUP))

    def episodes(self, id_or_kind: str | None = None) -> list[SeriesEpisodes]:
        return cast(list[SeriesEpisodes], self.providers_for(Capability.EPISODES, id_or_kind))

    def key_checked(self) -> list[KeyChecked]:
        """The providers whose key the user enters, in registration order."""
        return [p for p in self._providers if isinstance(p, KeyChecked)]
