"""A play that never played is not in the history; one that played is, once (issue 18)."""

from __future__ import annotations

import asyncio

import pytest

from app.engines.playback.base import PlayerEvent
from app.services.playback.session import PlaybackState
from tests.services.test_playback import REQ, make


@pytest.mark.asyncio
async def test_a_failed_play_is_not_recorded_in_history(services) -> None:
    pb, players, lib = make(services)
    pb.start(REQ)
    players[0].emit(PlayerEvent.ERROR)  # the only source failed before a picture
    await asyncio.sleep(0.1)
    assert pb.state == PlaybackState.ERROR
    pb.close()
    assert lib.history() == []


@pytest.mark.asyncio
async def test_a_play_that_played_is_recorded_once(services) -> None:
    pb, players, lib = make(services)
    pb.start(REQ)
    player = players[0]
    player.emit(PlayerEvent.PLAYING)
    player.time = 4_000
    await asyncio.sleep(0.2)
    pb.close()
    entries = lib.history()
    assert [(e.item_key, e.position_ms > 0) for e in entries] == [(REQ.item_key, True)]
