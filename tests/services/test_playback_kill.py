"""kill -9 during playback loses at most one progress interval (the app saves on a schedule)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from app.bootstrap import build_services
from app.services.library.progress import LibraryService

INTERVAL_S = 1.0

CHILD = r"""
import asyncio, sys, time
sys.path.insert(0, sys.argv[2])
from app.bootstrap import build_services
from app.domain.models import MediaRequest
from app.engines.playback.base import PlayerEvent
from app.services.library.progress import LibraryService
from app.services.playback.session import PlaybackService
from tests.fakes.player import FakePlayer


class ClockedPlayer(FakePlayer):
    # Plays in real time from 10 s on, like a real player would.
    def play(self):
        super().play()
        self.t0 = time.monotonic()

    def time_ms(self):
        return 10_000 + int((time.monotonic() - self.t0) * 1000)


async def main():
    services = build_services(data_dir=sys.argv[1], load_demo=False, console_log=False)
    services.settings = services.settings.model_copy(
        update={"progress_interval_s": float(sys.argv[3]), "first_frame_timeout_s": 60}
    )
    players = []

    def factory(dispatch, listener):
        players.append(ClockedPlayer(dispatch, listener))
        return players[-1]

    pb = PlaybackService(services, LibraryService(services), factory, stall_timeout_s=60)
    pb.start(MediaRequest(location="/tmp/x.mp4", item_key="media:kill", label="x", start_ms=10_000))
    players[0].length = 3_600_000
    players[0].emit(PlayerEvent.PLAYING)
    players[0].emit(PlayerEvent.VIDEO_STARTED)
    while True:
        await asyncio.sleep(0.1)
        print(players[0].time_ms(), flush=True)


asyncio.run(main())
"""


def test_kill_9_loses_at_most_one_interval(home: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    build_services(data_dir=home, load_demo=False, console_log=False).db.dispose()  # migrate first
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(home), str(root), str(INTERVAL_S)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert child.stdout is not None
    last = 0
    for line in child.stdout:
        last = int(line)
        if last >= 14_500:  # a few intervals into playback
            break
    os.kill(child.pid, signal.SIGKILL)
    child.wait(10)
    services = build_services(data_dir=home, load_demo=False, console_log=False)
    try:
        saved = LibraryService(services).progress("media:kill")
        assert saved is not None and saved.position_ms > 10_000
        assert last - saved.position_ms <= INTERVAL_S * 1000 + 500  # one interval, plus a tick
        assert saved.view_count == 1
    finally:
        services.db.dispose()
