"""docs/ARCHITECTURE.md's "Add a provider", done for real: a tiny stream-search provider over a
JSON API on a loopback server, registered into the registry, found and used by the sources search.

The provider below is what a new ``app/providers/streams/<name>/provider.py`` holds; the one line
that registers it is what ``providers/streams/setup.py`` (or ``providers/setup.py``) gains.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from app.domain.models import SourceKind
from app.domain.streams import StreamCandidate, StreamQuery
from app.providers.base import Capability, Manifest, StreamSearch
from app.providers.registry import ProviderRegistry
from app.providers.streams.http import ClientSource, get_capped, parse_json
from app.services.sources.registration import client_for
from app.services.sources.search import SourceSearch, query_for
from tests.fakes.tmdb_server import ThreadedServer
from tests.services.sources.conftest import MATRIX_ID, add_title, only

APP = Path(__file__).resolve().parents[2] / "app"


class TinyArchive:
    """StreamSearch over a JSON search API: ``GET /api/search?q=<title>&year=<year>``."""

    def __init__(self, base_url: str, client: ClientSource, provider_id: str = "tiny-archive") -> None:
        self.manifest = Manifest(
            id=provider_id,
            name="Tiny archive",
            capabilities=frozenset({Capability.STREAM_SEARCH}),
            kinds=("film",),  # asked for films only: the registry routes by kind
        )
        self.base_url = base_url.rstrip("/")
        self._client = client  # the app's one HTTP client (net/), never a client of its own

    async def streams(self, query: StreamQuery) -> Sequence[StreamCandidate]:
        params = {"q": query.original_title or query.title}
        if query.year:
            params["year"] = str(query.year)
        body = await get_capped(
            self._client(), f"{self.base_url}/api/search", name="Tiny archive", params=params
        )
        data = parse_json(body.data, "Tiny archive")
        return [
            StreamCandidate(
                provider_id=self.manifest.id,
                kind=SourceKind.DIRECT,
                url=item["url"],
                label=item["title"],
                size_bytes=item.get("size"),
                quality=item.get("quality"),
            )
            for item in data.get("items", [])
            if isinstance(item, dict) and str(item.get("url", "")).startswith(("http://", "https://"))
        ]


class FakeArchive:
    """The archive's API on 127.0.0.1: one film known, a switch to answer 503."""

    def __init__(self) -> None:
        self.asked: list[dict[str, str]] = []
        self.down = False
        app = web.Application()
        app.router.add_get("/api/search", self._search)
        app.router.add_get("/media/{name}", self._media)
        self._server = ThreadedServer(app)
        self.url = ""

    async def _search(self, request: web.Request) -> web.Response:
        self.asked.append(dict(request.query))
        if self.down:
            return web.Response(status=503)
        items = []
        if request.query.get("q", "").lower() == "the matrix" and request.query.get("year") == "1999":
            items = [
                {"title": "The Matrix (1999) 1080p", "url": f"{self.url}/media/matrix.mp4",
                 "size": 2_000_000, "quality": "1080p"},
                {"title": "not a link", "url": "file:///etc/passwd"},  # dropped by the provider
            ]  # fmt: skip
        return web.json_response({"items": items})

    async def _media(self, request: web.Request) -> web.Response:
        return web.Response(body=b"\x00" * 1024, content_type="video/mp4")

    def __enter__(self) -> FakeArchive:
        self.url = self._server.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.stop()


@pytest.fixture
def archive() -> Iterator[FakeArchive]:
    with FakeArchive() as server:
        yield server


def test_the_registry_finds_a_new_provider_by_capability_and_kind(archive: FakeArchive) -> None:
    registry = ProviderRegistry()
    provider = TinyArchive(archive.url, lambda: None)  # type: ignore[arg-type,return-value]
    registry.register(provider)
    assert isinstance(provider, StreamSearch)  # the Protocol is runtime-checkable: the shape is right
    assert registry.stream_search("film") == [provider]
    assert registry.stream_search("anime") == []  # its manifest says films only
    assert registry.meta_search() == [] and registry.guide_feeds() == []
    again = TinyArchive(archive.url, lambda: None)  # type: ignore[arg-type,return-value]
    registry.register(again)  # one id, one provider: registering again replaces it
    assert registry.stream_search() == [again]

    class Pretender:  # declares a capability it does not implement
        manifest = Manifest(
            id="pretender", name="Pretender", capabilities=frozenset({Capability.STREAM_SEARCH})
        )

    with pytest.raises(TypeError, match="pretender declares"):
        registry.register(Pretender())  # type: ignore[arg-type]


def test_a_new_provider_is_found_and_used_by_the_sources_search(services: Any, archive: FakeArchive) -> None:
    """Registered here, through the app's HTTP client, against a real loopback API; the sources
    search finds it by capability and kind, ranks and stores what it found, and no service code
    names it."""
    add_title(services)
    only(services, TinyArchive(archive.url, client_for(services)))  # the one registration line
    query = query_for(services, MATRIX_ID)
    assert query is not None

    result = asyncio.run(SourceSearch(services).search(query))

    assert archive.asked == [{"q": "The Matrix", "year": "1999"}]
    assert [(r.candidate.provider_id, r.candidate.url) for r in result.ranked] == [
        ("tiny-archive", f"{archive.url}/media/matrix.mp4")
    ]
    assert result.providers == {"tiny-archive": "ok"}
    stored = SourceSearch(services).stored_ranked(MATRIX_ID)
    assert [r.candidate.label for r in stored] == ["The Matrix (1999) 1080p"]
    service_code = "\n".join(p.read_text() for p in (APP / "services").rglob("*.py"))
    assert "tiny-archive" not in service_code and "TinyArchive" not in service_code


def test_a_new_provider_that_is_down_is_reported_not_fatal(services: Any, archive: FakeArchive) -> None:
    """The archive answers 503: the search says which provider failed and keeps what others found."""
    add_title(services)
    archive.down = True
    only(services, TinyArchive(archive.url, client_for(services)))
    query = query_for(services, MATRIX_ID)
    assert query is not None

    result = asyncio.run(SourceSearch(services).search(query))

    assert result.ranked == []
    assert result.providers == {
        "tiny-archive": "Tiny archive: server error (HTTP 503)"
    }  # what the page shows
