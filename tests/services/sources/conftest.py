"""A title to search for, fake stream providers, and a file keyring."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import keyring
import pytest

from app.domain.errors import ProviderUnavailable
from app.domain.models import SourceKind
from app.domain.streams import StreamCandidate, StreamQuery
from app.providers.base import Capability, Manifest
from app.storage import titles_repo
from tests.fakes.file_keyring import FileKeyring
from tests.fakes.stream_servers import FakeStreamServers

MATRIX_ID = "tmdb:movie:603"


class FakeStreams:
    """A stream-search provider for tests: answers ``found`` after ``delay_s`` (or fails)."""

    def __init__(
        self,
        provider_id: str,
        found: Sequence[StreamCandidate] = (),
        delay_s: float = 0.0,
        error: Exception | None = None,
        kinds: tuple[str, ...] = (),
    ) -> None:
        self.manifest = Manifest(
            id=provider_id,
            name=provider_id.title(),
            capabilities=frozenset({Capability.STREAM_SEARCH}),
            kinds=kinds,
        )
        self.found = list(found)
        self.delay_s = delay_s
        self.error = error
        self.calls = 0
        self.cancelled = False

    async def streams(self, query: StreamQuery) -> Sequence[StreamCandidate]:
        self.calls += 1
        try:
            await asyncio.sleep(self.delay_s)
        except asyncio.CancelledError:
            self.cancelled = True
            raise
        if self.error is not None:
            raise self.error
        return list(self.found)


def torrent(
    provider: str, name: str, info_hash: str, seeders: int = 10, size: int = 4 * 1024**3
) -> StreamCandidate:
    return StreamCandidate(
        provider_id=provider, kind=SourceKind.TORRENT, url=f"magnet:?xt=urn:btih:{info_hash}&dn={provider}",
        label=name, info_hash=info_hash, seeders=seeders, peers=seeders + 2, size_bytes=size,
    )  # fmt: skip


def add_title(services: Any, title_id: str = MATRIX_ID, **fields: Any) -> str:
    now = 1_700_000_000
    row = {
        "id": title_id, "kind": "film", "title": "Матрица", "original_title": "The Matrix", "year": 1999,
        "runtime": 136, "imdb_id": "tt0133093", "tmdb_id": 603, "added_at": now, "updated_at": now, **fields,
    }  # fmt: skip
    titles_repo.upsert_titles(services.db, [row])
    return title_id


def only(services: Any, *providers: Any) -> None:
    """Replace the stream providers of the registry with ``providers`` (others unregistered)."""
    for p in list(services.providers.all()):
        if Capability.STREAM_SEARCH in p.manifest.capabilities:
            services.providers.unregister(p.manifest.id)
    for p in providers:
        services.providers.register(p)


@pytest.fixture
def file_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "keyring.json"
    monkeypatch.setenv("CINEMA_TEST_KEYRING", str(path))
    before = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    yield path
    keyring.set_keyring(before)


@pytest.fixture
def fakes() -> Iterator[FakeStreamServers]:
    server = FakeStreamServers()
    server.start()
    yield server
    server.stop()


__all__ = ["MATRIX_ID", "FakeStreams", "ProviderUnavailable", "add_title", "only", "torrent"]
