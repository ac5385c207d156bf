"""A playlist's #EXTVLCOPT user agent and referrer reach the IPTV server when the channel plays
(issue 13): imported through the app, played from the TV page's channel (the real libvlc on a
loopback IPTV server), the server's recorded requests carry them; a channel without them does
not borrow another's."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.bootstrap import build_window
from app.core.clock import FixedClock
from app.services.guide import refresh as epg_refresh
from tests.fakes.iptv_server import IptvServer, make_segments
from tests.ui.asyncqt import run_scenario, wait_until

PLAYLIST = """#EXTM3U
#EXTINF:-1 tvg-id="kino" group-title="Кино",Кинохит
#EXTVLCOPT:http-user-agent=TiviMate/4.7.0
#EXTVLCOPT:http-referrer=http://provider.example/
{base}/live/kino/index.m3u8
#EXTINF:-1 tvg-id="plain" group-title="Общие",Простой
{base}/live/plain/index.m3u8
"""


@pytest.fixture(scope="module")
def segments(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return make_segments(tmp_path_factory.mktemp("iptv-headers"))


def test_extvlcopt_user_agent_and_referrer_reach_the_server(
    qtbot: Any, services: Any, segments: list[Path], tmp_path: Path
) -> None:
    services.settings = services.settings.model_copy(update={"vlc_args": "--vout=dummy --aout=dummy"})
    services.clock = FixedClock(datetime.now(UTC).replace(second=0, microsecond=0))
    with IptvServer(segments) as server:
        (tmp_path / "list.m3u").write_text(PLAYLIST.format(base=server.base), "utf-8")
        source = epg_refresh.import_location(services, str(tmp_path / "list.m3u")).source_id
        win = build_window(services)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)

        def heard(path: str) -> list[dict[str, str]]:
            with server.lock:
                return [h for p, h in server.requests if p.startswith(path)]

        async def scenario() -> None:
            win.tv.play_channel(f"{source}:kino")
            await wait_until(lambda: win.playback.video_started, timeout=20)
            asked = heard("/live/kino/")
            assert asked and all(h.get("User-Agent") == "TiviMate/4.7.0" for h in asked)
            assert all(h.get("Referer") == "http://provider.example/" for h in asked)

            win.tv.play_channel(f"{source}:plain")
            await wait_until(lambda: bool(heard("/live/plain/")) and win.playback.video_started, timeout=20)
            plain = heard("/live/plain/")
            assert all(h.get("User-Agent") != "TiviMate/4.7.0" and "Referer" not in h for h in plain)

        run_scenario(scenario(), timeout=60)
        win.shutdown()
