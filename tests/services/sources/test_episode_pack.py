"""A season pack a provider found, opened for one episode: a real libtorrent seeder on loopback
serves a multi-file pack made here; the episode's file is chosen by its parsed name (not the
sample, not the extras, not the largest), and a pack without the episode says so and the player
goes on to the next source."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.domain.errors import NotFound
from app.domain.models import MediaRequest, SourceKind
from app.domain.series import episode_key
from app.domain.streams import StreamCandidate
from app.engines.torrent.session import SessionConfig
from app.services.sources.episode_sources import PackFile, pack_file_index
from app.services.sources.resolve import Playable, SourceOpener
from app.services.sources.torrent_stream import StreamingService
from tests.fakes.swarm import LibtorrentSeeder, magnet, make_torrent

pytestmark = [pytest.mark.slow, pytest.mark.timeout(120)]

LOOPBACK = SessionConfig(listen_interfaces="127.0.0.1:0", dht=False, lsd=False, upnp=False, natpmp=False)
SERIES = "tmdb:tv:1399"
PACK = "Game.of.Thrones.S02.1080p.BluRay.x264-ROVERS"


def _write(path: Path, size: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    stamp = path.name.encode()
    path.write_bytes((stamp * (size // len(stamp) + 1))[:size])


def _pack(root: Path) -> Path:
    """A season pack as indexers list them: three episodes, a sample and an extra bigger than
    any episode (the largest video is not the episode), a .nfo."""
    folder = root / PACK
    for n, size in ((1, 300_000), (2, 310_000), (3, 320_000)):
        _write(folder / f"Game.of.Thrones.S02E0{n}.1080p.BluRay.x264-ROVERS.mkv", size)
    _write(folder / "Sample" / "rovers-got.s02e02.sample.mkv", 700_000)
    _write(folder / "Extras" / "Game.of.Thrones.Inside.the.Episodes.mkv", 900_000)
    _write(folder / f"{PACK}.nfo", 2_000)
    return folder


def _playable(location: str, season: int, number: int, *, file_idx: int | None = None) -> Playable:
    request = MediaRequest(
        location=location, item_key=episode_key(SERIES, season, number), label="GoT", title_id=SERIES
    )
    origin = StreamCandidate(
        provider_id="torznab:test", kind=SourceKind.TORRENT, url=location, label=PACK, file_idx=file_idx
    )
    return Playable(kind=SourceKind.TORRENT, request=request, label=PACK, origin=origin)


@pytest.fixture
def seeded(tmp_path: Path) -> Any:
    folder = _pack(tmp_path / "seed")
    torrent = make_torrent(folder, tmp_path / "pack.torrent", piece_length=64 * 1024)
    seeder = LibtorrentSeeder(torrent, folder.parent)
    yield folder, magnet(torrent, [seeder.port])
    seeder.close()


def _opener(services: Any) -> SourceOpener:
    services.settings = services.settings.model_copy(update={"torrent_metadata_timeout_s": 15.0})
    return SourceOpener(services, StreamingService(services, session_config=LOOPBACK))


@pytest.mark.asyncio
async def test_the_episodes_file_of_a_season_pack_is_streamed(services: Any, seeded: Any) -> None:
    folder, link = seeded
    opener = _opener(services)
    try:
        request = await opener.prepare(_playable(link, 2, 2))
        handle = opener.handle
        assert handle is not None
        assert handle.file_name.endswith("Game.of.Thrones.S02E02.1080p.BluRay.x264-ROVERS.mkv")
        names = [f.path for f in handle.files]
        assert handle.file_index == names.index(handle.file_name)
        # the local URL serves that file's bytes, from the seeder
        expected = (folder / Path(handle.file_name).name).read_bytes()
        async with httpx.AsyncClient(timeout=30) as client:
            got = await client.get(request.location)
        assert got.status_code == 200 and got.content == expected
        # another episode of the same pack: its own file
        await opener.prepare(_playable(link, 2, 3))
        assert opener.handle is not None and opener.handle.file_name.endswith(
            "S02E03.1080p.BluRay.x264-ROVERS.mkv"
        )
        # an addon's fileIdx (Torrentio names the file for the episode) is used as given
        first = names.index(next(n for n in names if "S02E01" in n))
        await opener.prepare(_playable(link, 2, 3, file_idx=first))
        assert opener.handle is not None and opener.handle.file_index == first
    finally:
        await opener.shutdown()


@pytest.mark.asyncio
async def test_a_pack_without_the_episode_says_so_and_is_not_kept(services: Any, seeded: Any) -> None:
    _, link = seeded
    opener = _opener(services)
    try:
        with pytest.raises(NotFound, match=r"has no file of S2 E9 \(4 videos\)"):
            await opener.prepare(_playable(link, 2, 9))
        assert opener.handle is None
        engine = opener.streaming.engine if opener.streaming else None
        assert engine is not None and engine.active == {}  # a new torrent refused: discarded
        with pytest.raises(NotFound, match="no file of S3 E2"):  # the pack is season 2's
            await opener.prepare(_playable(link, 3, 2))
        assert opener.handle is None
    finally:
        await opener.shutdown()


@pytest.mark.asyncio
async def test_the_player_goes_on_to_the_next_source_after_a_pack_without_the_episode(
    services: Any, seeded: Any, sample_video: Path
) -> None:
    """Real libvlc: the pack (first) lacks S2 E9; the failover names why and plays the next source."""
    from app.services.library.progress import LibraryService
    from app.services.playback.failures import FailureReason
    from app.services.playback.session import PlaybackService, PlaybackState

    _, link = seeded
    opener = _opener(services)
    services.settings = services.settings.model_copy(update={"vlc_args": "--vout=dummy --aout=dummy"})
    pb = PlaybackService(services, LibraryService(services), opener=opener)
    direct = Playable(
        kind=SourceKind.DIRECT,
        request=MediaRequest(
            location=str(sample_video), item_key=episode_key(SERIES, 2, 9), label="GoT", title_id=SERIES
        ),
        label="Game.of.Thrones.S02E09.720p.mkv",
    )
    try:
        pb.play([_playable(link, 2, 9), direct])
        deadline = time.monotonic() + 60
        while not (pb.state == PlaybackState.PLAYING and pb.position_ms() > 300):
            assert time.monotonic() < deadline, "the next source did not play"
            await asyncio.sleep(0.05)
        assert pb.request is not None and pb.request.location == str(sample_video)
        failure = pb.failure
        assert failure is not None and failure.reason is FailureReason.NO_EPISODE_FILE
        assert failure.source == PACK and failure.cause.detail == "S2 E9"  # the page words it
        assert str(failure.cause) == "the torrent has no file of S2 E9"
        assert failure.next_source == "Game.of.Thrones.S02E09.720p.mkv"
    finally:
        await pb.aclose()


def test_pack_file_index_by_parsed_names() -> None:
    """Without a swarm: one video plays as it is; videos naming no episode (a film and its
    extras) leave the choice to the engine; a pack numbering episodes must hold the one asked."""
    single = [PackFile(0, "Show.S02E05.mkv", 10), PackFile(1, "Show.S02E05.nfo", 1)]
    assert pack_file_index(single, 2, 5) is None
    assert pack_file_index([PackFile(0, "Any.Name.mkv", 10)], 2, 5) is None
    with pytest.raises(NotFound, match="holds S2 E8, not S2 E9"):  # a tvsearch near miss
        pack_file_index([PackFile(0, "Show.S02E08.mkv", 10)], 2, 9, "Show.S02E08.1080p")
    film = [PackFile(0, "Film.2019.1080p.mkv", 10), PackFile(1, "Featurettes/Making.Of.mkv", 5)]
    assert pack_file_index(film, 1, 1) is None
    double = [PackFile(0, "Show.S02E05E06.mkv", 10), PackFile(1, "Show.S02E07.mkv", 10)]
    assert pack_file_index(double, 2, 7) == 1  # by its pattern
    assert pack_file_index(double, 2, 6) == 0  # a double episode: read by guessit
    ru = [PackFile(i, f"Сезон 2/Серия {i + 1:02d}.mkv", 10) for i in range(8)]
    assert pack_file_index(ru, 2, 5) == 4
    anime = [PackFile(i, f"[SubsPlease] Frieren - {i + 1:02d} (1080p).mkv", 10) for i in range(12)]
    assert pack_file_index(anime, 1, 7) == 6
    with pytest.raises(NotFound, match="no file of S2 E13"):
        pack_file_index(anime[:12], 2, 13, "Frieren [01-12]")
