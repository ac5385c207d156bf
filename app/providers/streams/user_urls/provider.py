"""The user's own links as a stream-search provider: what was added for a title is offered for it.

The provider does not read the database: it is given a reader (title id → candidates) where
the app is composed, as the IPTV provider is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from app.core.tasks import run_blocking
from app.domain.streams import StreamCandidate, StreamQuery
from app.providers.base import Capability, Manifest

PROVIDER_ID = "user"
LinksReader = Callable[[str], Sequence[StreamCandidate]]


class UserLinks:
    manifest = Manifest(id=PROVIDER_ID, name="My links", capabilities=frozenset({Capability.STREAM_SEARCH}))

    def __init__(self, reader: LinksReader) -> None:
        self._reader = reader

    async def streams(self, query: StreamQuery) -> Sequence[StreamCandidate]:
        return list(await run_blocking(self._reader, query.title_id))
