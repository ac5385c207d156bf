"""The end" stays on the player after libvlc's late Vout event (it would otherwise be hidden
and leave a hole in the last frame, over which the next episode's countdown shows)."""

from __future__ import annotations

import asyncio
from typing import Any

from app.domain.models import MediaRequest, SourceKind
from app.engines.playback.base import PlayerEvent
from app.services.library.progress import LibraryService
from app.services.playback.session import PlaybackService, PlaybackState
from app.services.sources.resolve import Playable
from app.ui.pages.player_page import PlayerPage
from tests.fakes.player import FakePlayer
from tests.ui.asyncqt import run_scenario, wait_until


def test_the_end_stays_when_libvlc_reports_a_video_output_after_the_end(qtbot: Any, services: Any) -> None:
    players: list[FakePlayer] = []

    def factory(dispatch: Any, listener: Any) -> FakePlayer:
        players.append(FakePlayer(dispatch, listener))
        return players[-1]

    pb = PlaybackService(services, LibraryService(services), factory, stall_timeout_s=30)
    page = PlayerPage(pb)
    page.resize(1000, 600)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    request = MediaRequest(location="http://127.0.0.1:9/e.mp4", item_key="ep:tmdb:tv:1:1:2", label="S1 E2")

    async def scenario() -> None:
        page.play_sources([Playable(kind=SourceKind.DIRECT, request=request, label="Direct")])
        player = players[0]
        player.length = 1_440_000
        player.time = 60_000
        player.emit(PlayerEvent.PLAYING)
        player.emit(PlayerEvent.VIDEO_STARTED)
        await wait_until(lambda: pb.state == PlaybackState.PLAYING)
        player.time = 1_440_000
        player.emit(PlayerEvent.ENDED)
        await wait_until(lambda: pb.state == PlaybackState.ENDED)
        assert page.message.text() == "The end" and page.message_panel.isVisible()
        player.emit(PlayerEvent.VIDEO_STARTED)  # libvlc's Vout event after the end
        await asyncio.sleep(0.1)
        assert page.message_panel.isVisible()  # not hidden: it would leave a hole in the last frame

    try:
        run_scenario(scenario())
    finally:
        page.stop()
        pb.close()
