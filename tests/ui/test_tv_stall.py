"""A live channel whose CDN hangs (issue 13, bad input): its playlist answers but no segment ever
comes; with no first frame in time the player goes to the channel's backup URL and says which
source failed; nothing is stored about the channel (the playlist stays as it was)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.bootstrap import build_window
from app.core.clock import FixedClock
from app.services.guide import refresh as epg_refresh
from app.services.playback.session import PlayerEvent
from tests.fakes.iptv_server import IptvServer, make_segments
from tests.ui.asyncqt import run_scenario, wait_until

PLAYLIST = """#EXTM3U
#EXTINF:-1 tvg-id="kino" group-title="Кино",Кинохит
{base}/stall/kino/index.m3u8
{base}/live/kino/index.m3u8
"""


@pytest.fixture(scope="module")
def segments(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return make_segments(tmp_path_factory.mktemp("iptv-stall"))


def test_a_stalled_channel_fails_over_to_its_backup(
    qtbot: Any, services: Any, segments: list[Path], tmp_path: Path
) -> None:
    services.settings = services.settings.model_copy(
        update={"vlc_args": "--vout=dummy --aout=dummy", "first_frame_timeout_s": 3.0}
    )
    services.clock = FixedClock(datetime.now(UTC).replace(second=0, microsecond=0))
    with IptvServer(segments) as server:
        (tmp_path / "list.m3u").write_text(PLAYLIST.format(base=server.base), "utf-8")
        source = epg_refresh.import_location(services, str(tmp_path / "list.m3u")).source_id
        before = services.db.execute("SELECT id, stream_url FROM channels ORDER BY id")
        win = build_window(services)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        events: list[Any] = []
        win.playback.add_listener(lambda e, v: events.append((e, v)))

        async def scenario() -> None:
            win.tv.play_channel(f"{source}:kino")
            await wait_until(lambda: win.navigator.is_current("player"))
            await wait_until(lambda: any(e is PlayerEvent.FAILOVER for e, _ in events), timeout=20)
            await wait_until(lambda: win.playback.video_started, timeout=20)
            assert win.playback.current.request.location == server.url("/live/kino/index.m3u8")
            assert win.playback.current.live
            failure = win.playback.failure
            assert failure is not None and "Кинохит" in failure.source
            with server.lock:
                asked = [p for p, _h in server.requests]
            assert any(p.startswith("/stall/kino/seg") for p in asked)  # it was tried, and hung

        try:
            run_scenario(scenario(), timeout=60)
        finally:
            server.release.set()  # let the hung segment request end
            win.shutdown()
        assert services.db.execute("SELECT id, stream_url FROM channels ORDER BY id") == before
