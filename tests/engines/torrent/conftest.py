"""Fixtures for the torrent engine: a loopback-only streaming service and a small test video."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from app.engines.torrent.session import SessionConfig
from app.services.sources.torrent_stream import StreamingService
from tests.fakes.swarm import make_torrent, make_video

LOOPBACK = SessionConfig(listen_interfaces="127.0.0.1:0", dht=False, lsd=False, upnp=False, natpmp=False)


@pytest.fixture(scope="session")
def film(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(video, torrent): a 20 s H.264 MP4 (~4 MB, index at the end) and a v1 torrent of it."""
    root = tmp_path_factory.mktemp("film")
    data = root / "seed"
    video = make_video(data / "Test Film (2024).mp4")
    torrent = make_torrent(video, root / "film.torrent", piece_length=64 * 1024)
    return video, torrent


@pytest_asyncio.fixture
async def streaming(services: object) -> AsyncIterator[StreamingService]:
    svc = services
    svc.settings = svc.settings.model_copy(update={"torrent_metadata_timeout_s": 15.0})  # type: ignore[attr-defined]
    service = StreamingService(svc, session_config=LOOPBACK)  # type: ignore[arg-type]
    yield service
    await service.shutdown()
