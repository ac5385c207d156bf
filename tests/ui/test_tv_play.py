"""Play from TV with the real libvlc against a loopback IPTV server (issue 13): a title on air on a
channel without archive plays live; one on air with catch-up plays from its start (the archive
URL as the server saw it); an ended one plays from the archive where it was left; one still to
come offers "Watch live at …" (a reminder that opens it); the TV page plays a channel, Page Down
zaps in the same player, a dead first URL fails over to the channel's backup."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.bootstrap import build_window
from app.core.clock import FixedClock
from app.services.library.progress import LibraryService
from app.services.library.reminders import ReminderService
from app.services.playback.session import PlayerEvent
from tests.fakes.iptv_server import IptvServer, make_segments
from tests.fakes.tv_library import ENDED, LATER, LIVE_ONLY, ON_NOW, import_tv
from tests.ui.asyncqt import run_scenario, wait_until


@pytest.fixture(scope="module")
def segments(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return make_segments(tmp_path_factory.mktemp("iptv-ui"))


@pytest.fixture
def server(segments: list[Path]) -> Any:
    with IptvServer(segments) as srv:
        yield srv


def _window(qtbot: Any, services: Any) -> Any:
    services.settings = services.settings.model_copy(update={"vlc_args": "--vout=dummy --aout=dummy"})
    win = build_window(services)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def tv(services: Any, server: Any, tmp_path: Path) -> Any:
    services.clock = FixedClock(datetime.now(UTC).replace(second=0, microsecond=0))
    import_tv(services, tmp_path, base_url=server.base)
    return services


def title_of(services: Any, label: str) -> str:
    clean = label.split("«")[1].rstrip("»")
    rows = services.db.execute("SELECT DISTINCT title_id FROM programmes WHERE title = :t", {"t": clean})
    assert len(rows) == 1, rows
    return str(rows[0][0])


async def _open_and_play(qtbot: Any, win: Any, title_id: str) -> None:
    win.open_title(title_id)
    page = win.title_page
    await wait_until(
        lambda: win.navigator.is_current("title") and page.detail is not None and page.detail.id == title_id
    )
    await wait_until(lambda: page._tv_ways is not None and page.play_button.isEnabled())
    qtbot.mouseClick(page.play_button, Qt.MouseButton.LeftButton)


def test_play_live_from_start_and_archive(qtbot: Any, tv: Any, server: Any) -> None:
    win = _window(qtbot, tv)
    library = LibraryService(tv)
    now = int(tv.clock.now().timestamp())

    async def scenario() -> None:
        # on now, no archive on «Мульт»: live
        await _open_and_play(qtbot, win, title_of(tv, LIVE_ONLY))
        await wait_until(lambda: win.navigator.is_current("player"))
        await wait_until(lambda: win.playback.video_started, timeout=20)
        current = win.playback.current
        assert current is not None and current.live and current.label == "Live · Мульт"
        assert current.request.location == server.url("/live/multik/index.m3u8")
        controls = win.player.live_controls
        await wait_until(lambda: controls.badge.isVisible() and controls.badge.text() == "● LIVE")
        assert server.live_playlists > 0 and server.archive_requests == []
        qtbot.keyClick(win.player, Qt.Key.Key_Escape)

        # on now on «Кинохит» (7 days of archive): from its start
        await _open_and_play(qtbot, win, title_of(tv, ON_NOW))
        await wait_until(lambda: bool(server.archive_requests))
        started = now - 40 * 60  # the film began 40 minutes before "now"
        assert server.archive_requests[-1] == f"/live/kino/index.m3u8?utc={started - 60}&lutc={now}"
        await wait_until(lambda: win.playback.video_started, timeout=20)
        assert win.playback.current.label == "From the start · Кинохит"
        await wait_until(lambda: controls.badge.text() == "ARCHIVE")
        qtbot.keyClick(win.player, Qt.Key.Key_Escape)

        # ended two hours ago on «Дом кино»: the archive, from where it was left
        ended = title_of(tv, ENDED)
        library.save_progress(ended, 6_000, 7_200_000, title_id=ended)
        await _open_and_play(qtbot, win, ended)
        start = now - 4 * 3600
        await wait_until(lambda: server.archive_requests[-1].startswith("/live/dom-kino/"))
        assert server.archive_requests[-1] == f"/live/dom-kino/index.m3u8?utc={start - 60}&lutc={now}"
        await wait_until(
            lambda: win.playback.current is not None and win.playback.current.label == "Archive · Дом кино"
        )
        assert win.playback.current.request.start_ms == 6_000  # resumes where it was left
        await wait_until(lambda: win.playback.video_started, timeout=20)
        qtbot.keyClick(win.player, Qt.Key.Key_Escape)

    run_scenario(scenario(), timeout=120)
    win.shutdown()


def test_play_on_a_title_still_to_come_watches_it_live_then(qtbot: Any, tv: Any) -> None:
    win = _window(qtbot, tv)

    async def scenario() -> None:
        title = title_of(tv, LATER)
        win.open_title(title)
        page = win.title_page
        await wait_until(lambda: page.detail is not None and page.detail.id == title)
        await wait_until(lambda: page._tv_ways is not None)
        assert page.play_button.isEnabled() and "Watch live at" in page.play_button.text()
        assert any(b.text() == "Remind me" for b in page.findChildren(type(page.play_button)))
        qtbot.mouseClick(page.play_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: bool(ReminderService(tv).reminders()))
        (reminder,) = ReminderService(tv).reminders()
        assert (reminder.kind, reminder.title_id, reminder.channel_name, reminder.auto_play) == (
            "airing", title, "Наука", True,
        )  # fmt: skip
        buttons = [b.text() for b in win.tv.ways.findChildren(type(page.play_button))]
        assert any(t.startswith("✓ Opens live at") for t in buttons) and "✓ Reminder set" in buttons
        assert not win.navigator.is_current("player")  # nothing plays before it starts

    run_scenario(scenario(), timeout=60)
    win.shutdown()


def test_tv_page_zaps_in_the_same_player_and_fails_over(
    qtbot: Any, services: Any, server: Any, tmp_path: Path
) -> None:
    services.clock = FixedClock(datetime.now(UTC).replace(second=0, microsecond=0))
    import_tv(services, tmp_path, base_url=server.base, dead_primary=True)
    win = _window(qtbot, services)
    events: list[Any] = []

    async def scenario() -> None:
        win.navigator.navigate("tv")
        page = win.navigator.page("tv")
        await wait_until(lambda: page.channels.rowCount() == 10)
        win.playback.add_listener(lambda e, v: events.append((e, v)))
        page.list.setCurrentIndex(page.channels.index(0))
        qtbot.keyClick(page.list, Qt.Key.Key_Return)  # «Первый канал HD»: its first URL is dead
        await wait_until(lambda: any(e is PlayerEvent.FAILOVER for e, _ in events), timeout=20)
        await wait_until(lambda: win.playback.video_started, timeout=20)
        assert win.playback.current.request.location == server.url("/backup/perviy/index.m3u8")
        assert win.playback.failure is not None and "Первый канал HD" in win.playback.failure.source
        player = win.playback._player
        controls = win.player.live_controls
        await wait_until(lambda: controls.channel is not None)
        qtbot.keyClick(win.player, Qt.Key.Key_PageDown)  # the next channel, live
        await wait_until(
            lambda: win.playback.current.request.location == server.url("/live/russia1/index.m3u8")
        )
        await wait_until(lambda: win.playback.video_started, timeout=20)
        assert win.playback._player is player  # the same libvlc player: zapping keeps it warm
        await wait_until(lambda: "Now:" in controls.now_next.text())
        qtbot.keyClick(win.player, Qt.Key.Key_Left)  # 10 s back: the archive (timeshift)
        await wait_until(lambda: controls.behind_s == 10 and bool(server.archive_requests))
        now = int(services.clock.now().timestamp())
        assert server.archive_requests[-1] == f"/live/russia1/index.m3u8?utc={now - 10}&lutc={now}"
        assert controls.go_live.isVisible() and controls.badge.text().startswith("TIMESHIFT")
        controls.go_live.click()
        await wait_until(lambda: win.playback.current.live and controls.behind_s == 0)
        qtbot.keyClick(win.player, Qt.Key.Key_Escape)
        await wait_until(lambda: win.navigator.is_current("tv"))

    run_scenario(scenario(), timeout=120)
    win.shutdown()
