"""Reminders as the user sees them (issue 13): a due reminder says what starts when and where, in
the window's bar and the tray's balloon; "Watch" opens the channel live in the player (the real
libvlc on a loopback IPTV server); an airing that has started says it is on now; new airings of
a watchlisted title found by a refresh are announced and "Open the title" opens it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDateTime, QLocale, Qt

from app.bootstrap import build_window
from app.core.clock import FixedClock
from app.services.library.reminders import DueReminder, ReminderDidFire, WatchlistDidGetAirings
from app.storage.reminders_repo import AiringRow
from tests.fakes.iptv_server import IptvServer, make_segments
from tests.fakes.tv_library import LIVE_ONLY, import_tv
from tests.ui.asyncqt import run_scenario, wait_until


@pytest.fixture(scope="module")
def segments(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return make_segments(tmp_path_factory.mktemp("iptv-remind"))


def _due(title_id: str, start: datetime, channel_id: str, channel: str) -> DueReminder:
    return DueReminder(
        reminder_id=1, title_id=title_id, label="Винни-Пух", channel_id=channel_id, channel_name=channel,
        start=start, stop=start + timedelta(hours=1), auto_play=False,
    )  # fmt: skip


def test_a_reminder_says_when_and_watch_opens_live(
    qtbot: Any, services: Any, segments: list[Path], tmp_path: Path
) -> None:
    services.settings = services.settings.model_copy(update={"vlc_args": "--vout=dummy --aout=dummy"})
    services.clock = FixedClock(datetime.now(UTC).replace(second=0, microsecond=0))
    with IptvServer(segments) as server:
        import_tv(services, tmp_path, base_url=server.base)
        clean = LIVE_ONLY.split("«")[1].rstrip("»")
        (row,) = services.db.execute(
            "SELECT DISTINCT title_id FROM programmes WHERE title = :t", {"t": clean}
        )
        title_id = str(row[0])
        win = build_window(services)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        banner = win.tv.banner
        balloons: list[tuple[str, str]] = []
        banner._notify = lambda title, text: balloons.append((title, text))  # the tray's balloon

        async def scenario() -> None:
            start = datetime.now(UTC) + timedelta(minutes=5)
            services.bus.publish(ReminderDidFire((_due(title_id, start, "1:multik", "Мульт"),)))
            at = QLocale().toString(QDateTime.fromSecsSinceEpoch(int(start.timestamp())), "HH:mm")
            assert banner.isVisible()
            assert banner.text.text() == f"«Винни-Пух» starts at {at} on Мульт"
            assert balloons == [("Reminder", banner.text.text())]
            assert banner.watch_button.isVisible() and banner.title_button.isVisible()
            assert not win.navigator.is_current("player")  # nothing plays by itself (not auto_play)

            qtbot.mouseClick(banner.watch_button, Qt.MouseButton.LeftButton)
            await wait_until(lambda: win.navigator.is_current("player"))
            await wait_until(lambda: win.playback.video_started, timeout=20)
            assert win.playback.current is not None and win.playback.current.live
            assert win.playback.current.request.location == server.url("/live/multik/index.m3u8")
            assert not banner.isVisible()
            qtbot.keyClick(win.player, Qt.Key.Key_Escape)

            # an airing that has begun: "on now"
            started = datetime.now(UTC) - timedelta(minutes=2)
            services.bus.publish(ReminderDidFire((_due(title_id, started, "1:multik", "Мульт"),)))
            assert banner.text.text() == "«Винни-Пух» is on now on Мульт"

            # a refresh found new airings of a watchlisted title
            first = int((datetime.now(UTC) + timedelta(days=1)).timestamp())
            airings = tuple(
                AiringRow(
                    title_id, "Винни-Пух", "1:multik", "Мульт", first + n * 86400, first + n * 86400 + 3600
                )
                for n in range(3)
            )
            services.bus.publish(WatchlistDidGetAirings(airings))
            text = banner.text.text()
            assert text.startswith("From your watchlist: «Винни-Пух» on Мульт at ")
            assert text.endswith("and 2 more airing(s)")
            assert balloons[-1] == ("New on TV", text)
            assert not banner.watch_button.isVisible()  # it is not on now: the title page tells more
            qtbot.mouseClick(banner.title_button, Qt.MouseButton.LeftButton)
            await wait_until(lambda: win.navigator.is_current("title"))
            await wait_until(
                lambda: win.title_page.detail is not None and win.title_page.detail.id == title_id
            )
            assert not banner.isVisible()

        run_scenario(scenario(), timeout=90)
        win.shutdown()


def test_watch_live_at_opens_the_channel_when_it_starts(
    qtbot: Any, services: Any, segments: list[Path], tmp_path: Path
) -> None:
    services.settings = services.settings.model_copy(update={"vlc_args": "--vout=dummy --aout=dummy"})
    services.clock = FixedClock(datetime.now(UTC))  # the banner times the opening by the app's clock
    with IptvServer(segments) as server:
        import_tv(services, tmp_path, base_url=server.base)
        win = build_window(services)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        win.tv.banner._notify = None

        async def scenario() -> None:
            start = datetime.now(UTC) + timedelta(seconds=2)
            due = DueReminder(
                reminder_id=2, title_id=None, label="Винни-Пух", channel_id="1:multik", channel_name="Мульт",
                start=start, stop=start + timedelta(hours=1), auto_play=True,
            )  # fmt: skip
            services.bus.publish(ReminderDidFire((due,)))
            assert not win.navigator.is_current("player")  # not before it starts
            await wait_until(lambda: win.navigator.is_current("player"), timeout=15)
            assert datetime.now(UTC) >= start
            await wait_until(lambda: win.playback.video_started, timeout=20)
            assert win.playback.current.request.location == server.url("/live/multik/index.m3u8")

        run_scenario(scenario(), timeout=60)
        win.shutdown()
