"""End to end: an episode's Play in the window, a stream provider that finds only a season pack
(a magnet, no fileIdx), a real libtorrent seeder on loopback, real libvlc: the episode's own file
of the pack plays, under the episode's key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.domain.models import SourceKind
from app.domain.series import Episode, episode_key
from app.domain.streams import StreamCandidate
from app.storage import episodes_repo, titles_repo
from tests.fakes.swarm import LibtorrentSeeder, magnet, make_torrent, make_video

pytestmark = [pytest.mark.slow, pytest.mark.timeout(180)]

SERIES = "tmdb:tv:1399"
PACK = "Game.of.Thrones.S02.720p.HDTV.x264-GRP"


@pytest.mark.qt_log_ignore(r"This plugin does not support lower\(\)")
def test_an_episode_plays_its_file_of_a_season_pack_a_provider_found(
    qtbot: Any, library: Any, tmp_path: Path
) -> None:
    from app.bootstrap import build_window
    from app.services.playback.session import PlaybackState
    from tests.services.sources.conftest import FakeStreams, only
    from tests.ui.asyncqt import run_scenario, wait_until

    services = library
    now = int(services.clock.now().timestamp())
    titles_repo.upsert_titles(
        services.db,
        [{"id": SERIES, "kind": "series", "title": "Игра престолов", "imdb_id": "tt0944947",
          "added_at": now, "updated_at": now}],
    )  # fmt: skip
    episodes_repo.upsert_episodes(services.db, [Episode(SERIES, 2, n) for n in (1, 2, 3)], now)
    folder = tmp_path / "seed" / PACK
    for n, seconds in ((1, 6), (2, 5), (3, 4)):  # different lengths: which one plays shows
        make_video(
            folder / f"Game.of.Thrones.S02E0{n}.720p.HDTV.x264-GRP.mp4", seconds=seconds, bitrate="300k"
        )
    torrent = make_torrent(folder, tmp_path / "pack.torrent", piece_length=64 * 1024)
    seeder = LibtorrentSeeder(torrent, folder.parent)
    pack = StreamCandidate(
        provider_id="torznab:test", kind=SourceKind.TORRENT, url=magnet(torrent, [seeder.port]),
        label=PACK, seeders=5, quality="720p",
    )  # fmt: skip
    only(services, FakeStreams("torznab:test", [pack]))
    services.settings = services.settings.model_copy(
        update={"torrent_listen_interfaces": "127.0.0.1:0", "torrent_dht": False, "torrent_lsd": False,
                "torrent_upnp": False, "torrent_natpmp": False, "torrent_metadata_timeout_s": 20.0}
    )  # fmt: skip
    win = build_window(services)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.startup_finished)

    async def scenario() -> None:
        win.play_episode(SERIES, 2, 2)
        await wait_until(lambda: win.playback_started and win.playback.state == PlaybackState.PLAYING, 60)
        await wait_until(lambda: win.playback.length_ms() > 0, 30)
        handle = win.playback.opener.handle
        assert handle is not None and handle.file_name.endswith("S02E02.720p.HDTV.x264-GRP.mp4")
        assert win.playback.request.item_key == episode_key(SERIES, 2, 2)
        assert 4_500 <= win.playback.length_ms() <= 5_500  # the 5 s episode, not the first file
        await win.playback.aclose()  # the torrent session ends on the loop, as the app's quit does

    try:
        run_scenario(scenario())
    finally:
        win.shutdown()
        seeder.close()
