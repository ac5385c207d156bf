"""Screenshots of TV (issue 13): the TV page, a title's ways to watch on TV, the player on a live
channel (real VLC over a loopback IPTV server, the live badge and now/next), Settings › TV, the
channel mapping editor and a reminder.

Drives the real window under Xvfb on a generated playlist and guide, and grabs the screen:

    X='xvfb-run -a -s "-screen 0 1400x900x24"'
    $X .venv/bin/python tests/ui/tv_screenshots.py ru docs/screenshots
    $X .venv/bin/python tests/ui/tv_screenshots.py en docs/screenshots
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main(lang: str, out: Path) -> None:
    os.environ["CINEMA_LANGUAGE"] = lang
    os.environ["QT_QPA_PLATFORM"] = "xcb"  # VLC draws into a real X window
    from PySide6.QtWidgets import QScrollArea

    from app.bootstrap import build_services, build_window
    from app.core.clock import FixedClock
    from app.services.library.reminders import DueReminder, ReminderDidFire
    from app.ui.components.channel_mapping import ChannelMappingDialog
    from tests.fakes.iptv_server import IptvServer, make_segments
    from tests.fakes.tv_library import import_tv
    from tests.ui.asyncqt import wait_until

    home = Path(tempfile.mkdtemp(prefix="cinema-tv-shots-"))
    services = build_services(home / "home", load_demo=False, console_log=False)
    services.clock = FixedClock(datetime.now(UTC).replace(hour=18, minute=40, second=0, microsecond=0))
    from tests.ui.shot_app import shot_app

    app, loop = shot_app(lang)
    segments = make_segments(home / "segments", 8)
    out.mkdir(parents=True, exist_ok=True)

    def shot(name: str) -> None:
        target = out / f"{name}-{lang}.png"
        subprocess.run(["import", "-window", "root", "-crop", "1400x900+0+0", str(target)], check=True)
        print(target)

    async def scenario(server: IptvServer) -> None:
        import_tv(services, home, base_url=server.base, separate_guide=True)
        win = build_window(services)
        win.resize(1400, 900)
        win.move(0, 0)
        win.show()
        await asyncio.sleep(1.0)
        win.navigator.navigate("tv")
        page = win.navigator.page("tv")
        await wait_until(lambda: page.channels.rowCount() > 0)
        now = int(services.clock.now().timestamp())
        page.timeline.setFocus()
        page.timeline.select(3, now)
        await asyncio.sleep(0.8)
        shot("tv")

        cell = page.timeline.current_cell()
        assert cell is not None and cell.title_id
        win.open_title(cell.title_id)
        await wait_until(lambda: win.navigator.is_current("title"))
        await wait_until(lambda: win.title_page._tv_ways is not None)
        await asyncio.sleep(1.0)
        shot("title-tv")

        win.navigator.navigate("tv")
        await asyncio.sleep(0.3)
        page.list.setCurrentIndex(page.channels.index(3))
        page.playChannel.emit(page.channels.channels()[3].id)
        await wait_until(lambda: win.navigator.is_current("player"))
        await wait_until(lambda: win.playback.video_started, timeout=20)
        controls = win.player.live_controls
        await wait_until(lambda: "Now" in controls.now_next.text() or "Сейчас" in controls.now_next.text())
        await asyncio.sleep(1.5)
        win.player.poke()
        await asyncio.sleep(0.5)
        shot("player-live")
        win.player.setFocus()
        win.player.live_controls.shift(5 * 60)  # five minutes back: timeshift from the archive
        await wait_until(lambda: win.playback.video_started, timeout=20)
        await asyncio.sleep(1.5)
        win.player.poke()
        await asyncio.sleep(0.5)
        shot("player-timeshift")
        win.go_back()
        await asyncio.sleep(0.5)

        start = services.clock.now() + timedelta(minutes=5)
        services.bus.publish(
            ReminderDidFire(
                (
                    DueReminder(
                        reminder_id=1, title_id=cell.title_id, label=cell.title, channel_id="1:kino",
                        channel_name="Кинохит", start=start, stop=start + timedelta(hours=2), auto_play=False,
                    ),
                )
            )
        )  # fmt: skip
        await asyncio.sleep(0.5)
        shot("reminder")
        win.tv.banner.hide()

        win.navigator.navigate("settings")
        settings = win.navigator.page("settings")
        await asyncio.sleep(1.0)
        scroll = settings.findChild(QScrollArea)
        scroll.verticalScrollBar().setValue(settings.tv_settings.y() - 40)
        await asyncio.sleep(0.5)
        shot("settings-tv")
        settings.tv_settings.mapping_button.click()
        await asyncio.sleep(0.5)
        dialog = next(w for w in app.topLevelWidgets() if isinstance(w, ChannelMappingDialog))
        dialog.move(210, 130)
        await asyncio.sleep(1.0)
        shot("channel-mapping")
        dialog.close()
        win.shutdown()
        win.close()

    with IptvServer(segments) as server, loop:
        loop.run_until_complete(scenario(server))


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
