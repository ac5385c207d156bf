"""An addon's stream credentials (proxyHeaders Authorization, Cookie) are kept in the keyring,
never in the database: a stored source marks them, the play path puts them back, and without a
keyring entry the stream is offered without them (as before)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from app.domain.models import SourceKind
from app.domain.streams import StreamCandidate
from app.services.library.catalog import CatalogService
from app.services.sources.private_headers import KEYRING_MARK, headers_secret
from app.services.sources.resolve import SourceOpener, candidates
from app.services.sources.search import SourceSearch, query_for
from app.storage import sources_repo
from tests.services.sources.conftest import MATRIX_ID, FakeStreams, add_title, only

URL = "https://cdn.example.test/matrix/master.m3u8"


def test_stream_credentials_go_to_the_keyring_and_come_back_at_play_time(
    services: Any, file_keyring: Path
) -> None:
    add_title(services)
    stream = StreamCandidate(
        provider_id="addon", kind=SourceKind.HLS, url=URL, label="Matrix 1080p",
        headers={"Authorization": "Bearer s3cret-token", "Cookie": "sid=abc123", "Referer": "https://addon.test/"},
    )  # fmt: skip
    only(services, FakeStreams("addon", [stream]))
    asyncio.run(SourceSearch(services).search(query_for(services, MATRIX_ID), store=True))
    row = sources_repo.title_sources(services.db, MATRIX_ID)[0]
    assert row.headers == {"Referer": "https://addon.test/", KEYRING_MARK: "1"}
    data = b"".join(p.read_bytes() for p in services.paths.data.glob("cinema.sqlite3*"))
    assert b"Referer" in data or b"addon.test" in data  # the database files were read
    assert b"s3cret-token" not in data and b"sid=abc123" not in data  # not in the database files
    assert b"s3cret-token" in file_keyring.read_bytes()

    detail = CatalogService(services).detail(MATRIX_ID)
    assert detail is not None
    playable = next(p for p in candidates(services, detail) if p.request.location == URL)
    assert KEYRING_MARK not in playable.request.headers  # the mark is never sent
    assert "Authorization" not in playable.request.headers
    opener = SourceOpener(services)
    assert opener.needs_preparing(playable)
    request = asyncio.run(opener.prepare(playable))
    assert request.headers == {
        "Referer": "https://addon.test/",
        "Authorization": "Bearer s3cret-token",
        "Cookie": "sid=abc123",
    }

    from app.core.secrets import delete_secret

    delete_secret(headers_secret(URL))  # gone from the keyring: offered without them
    request = asyncio.run(opener.prepare(playable))
    assert request.headers == {"Referer": "https://addon.test/"}
