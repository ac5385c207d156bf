"""What every provider declares (a Manifest) and the one Protocol per capability it implements.

A provider is one subpackage of ``app.providers`` with one object that has a ``manifest`` and the
methods of each capability it declares. Services never name a provider: they ask the registry
(``app.providers.registry``) for the providers of a capability and an id or kind, as Stremio
routes a request to the addons whose manifest supports it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from app.domain.series import Episode
    from app.domain.streams import StreamCandidate, StreamQuery
    from app.domain.tv import Archive, TvChannel
    from app.providers.guide.feed import ChannelRecord, ProgrammeRecord
    from app.providers.meta.models import Candidate, MetaQuery, TitleMeta


class Capability(StrEnum):
    GUIDE_FEED = "guide_feed"  # a TV guide or playlist format: sniff + records
    META_SEARCH = "meta_search"  # find titles by name and year
    META_DETAILS = "meta_details"  # everything about one title id
    STREAM_SEARCH = "stream_search"  # ways to watch one title
    SUBTITLES = "subtitles"  # subtitle files for one video
    META_LISTS = "meta_lists"  # discovery: popular, trending, new ... and titles related to one
    TV_CATCHUP = "tv_catchup"  # a title's airings as ways to watch, a channel's archive
    EPISODES = "episodes"  # a series' or anime's episodes (issue 16)


@dataclass(frozen=True, slots=True)
class Manifest:
    """What a provider can do, and for which ids and kinds.

    ``id_prefixes``: the namespaced ids it understands (``("tmdb:",)``); empty means any id.
    ``kinds``: title kinds (film, series, anime) or, for guide feeds, the feed kinds (xmltv, m3u,
    provider_json) it serves; empty means any kind.
    """

    id: str
    name: str
    capabilities: frozenset[Capability]
    id_prefixes: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()

    def supports(self, capability: Capability, id_or_kind: str | None = None) -> bool:
        if capability not in self.capabilities:
            return False
        if id_or_kind is None:
            return True
        if ":" in id_or_kind:  # a namespaced id
            return not self.id_prefixes or any(id_or_kind.startswith(p) for p in self.id_prefixes)
        return not self.kinds or id_or_kind in self.kinds


@runtime_checkable
class Provider(Protocol):
    @property
    def manifest(self) -> Manifest: ...


@runtime_checkable
class GuideFeed(Provider, Protocol):
    """A guide or playlist format; its manifest's ``kinds`` name the feed kinds it serves.

    ``sniff`` judges the first bytes of the (decompressed) content, or only the file name when
    ``head`` is empty (a URL not fetched yet). ``records`` streams channels and programmes from
    an opened feed and raises ``BadFeed`` with one line on bad input. ``linked_guides`` lists
    the guides a feed names (a playlist's url-tvg): their programmes are mapped onto the
    feed's channels. ``max_bytes`` caps what it reads (None: the app's feed cap);
    ``conditional`` is False when an unchanged file may still name a changed guide.
    """

    max_bytes: int | None
    conditional: bool

    def sniff(self, head: bytes, name: str = "") -> bool: ...

    def records(self, stream: IO[bytes], label: str) -> Iterator[ChannelRecord | ProgrammeRecord]: ...

    def linked_guides(self, stream: IO[bytes], label: str) -> list[str]: ...


@runtime_checkable
class MetaSearch(Provider, Protocol):
    """Titles that may be the one asked for. An empty list means nothing found.

    ``narrow_search``: the search matches whole words and the exact year, so when nothing
    convinces, a wider query is worth a try (no year, another spelling, the main title).
    """

    narrow_search: bool

    async def search(self, query: MetaQuery) -> Sequence[Candidate]: ...


@runtime_checkable
class MetaDetails(Provider, Protocol):
    """Everything about one title id of the provider's prefix; ``NotFound`` when it has none."""

    async def details(self, title_id: str, language: str = "ru-RU") -> TitleMeta: ...


@runtime_checkable
class MetaLists(Provider, Protocol):
    """Titles to discover (issue 15). ``listings`` names the lists it has (popular, trending, new,
    season); ``related`` gives what it recommends for one of its own ids (recommendations, then
    similar titles). Raises our errors; an empty list means nothing there."""

    listings: tuple[str, ...]

    async def listing(
        self, name: str, *, language: str = "ru-RU", limit: int = 20
    ) -> Sequence[Candidate]: ...

    async def related(
        self, title_id: str, *, language: str = "ru-RU", limit: int = 20
    ) -> Sequence[Candidate]: ...


@runtime_checkable
class StreamSearch(Provider, Protocol):
    """Ways to watch one title. Raises our errors (``ProviderUnavailable``, ``AuthError``,
    ``RateLimited``, ``BadFeed``), never a library's; an empty list means nothing found."""

    async def streams(self, query: StreamQuery) -> Sequence[StreamCandidate]: ...


@runtime_checkable
class TvCatchup(Provider, Protocol):
    """Live TV and its archive: a title's airings as ways to watch (``ways``, blocking: call it
    off the loop), whether a channel keeps an archive, and its archive URL from a moment
    (``stop`` None: up to now; ``padded``: the padding around an airing, not for a timeshift)."""

    def ways(self, title_id: str) -> list[StreamCandidate]: ...

    def has_archive(self, channel: TvChannel) -> bool: ...

    def archive(
        self,
        channel: TvChannel,
        *,
        start: int,
        stop: int | None = None,
        padded: bool = True,
        catchup_id: str | None = None,
    ) -> Archive: ...


@runtime_checkable
class SeriesEpisodes(Provider, Protocol):
    """The episodes of a series id it supports. ``episode_names``: whether its episodes carry
    names, dates and stills (TMDB) or only numbers (Shikimori); ``known``: the title's details
    already fetched, which a provider may read instead of asking again."""

    episode_names: bool

    async def episodes(
        self, title_id: str, language: str = "ru-RU", *, known: TitleMeta | None = None
    ) -> list[Episode]: ...


@runtime_checkable
class KeyChecked(Provider, Protocol):
    """A provider that needs the user's key (Settings › Keys and accounts): ``secret`` names its
    keyring entry; ``check_key`` tries one key once and raises our errors (``AuthError`` refused,
    ``ProviderUnavailable``, ``RateLimited``, a quota error) or returns when it was accepted."""

    secret: str

    async def check_key(self, key: str) -> object: ...


@runtime_checkable
class Subtitles(Provider, Protocol):
    async def subtitles(self, query: StreamQuery, *, movie_hash: str | None = None) -> Sequence[object]: ...

    async def download(self, subtitle_id: str, target: Path) -> Path: ...
