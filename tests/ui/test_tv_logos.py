"""Channel logos on the TV page (issue 13): a playlist's tvg-logo is downloaded once from a
loopback server and drawn in the channel list and the timeline; a logo that 404s or is not an
image leaves its channel with its name alone; a page opened again (the app restarted) takes the
stored logo without asking the server again."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PIL import Image

from app.bootstrap import build_window
from app.core.clock import FixedClock
from app.services.guide import refresh as epg_refresh
from app.ui.components.channel_logos import INDEX_NAME, SIDE
from app.ui.models.channel_list_model import LogoRole
from tests.fakes.feed_server import feed_server
from tests.ui.asyncqt import run_scenario, wait_until


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (400, 200), (200, 40, 40)).save(out, "PNG")
    return out.getvalue()


def test_logos_are_fetched_once_drawn_and_bad_ones_left_out(
    qtbot: Any, services: Any, tmp_path: Path
) -> None:
    services.clock = FixedClock(datetime.now(UTC).replace(second=0, microsecond=0))
    with feed_server() as server:
        good = server.set("/logos/kino.png", _png(), content_type="image/png")
        text = server.set("/logos/text.png", b"<html>not a logo</html>", content_type="text/html")
        missing = server.url("/logos/missing.png")  # never set: 404
        lines = ["#EXTM3U"]
        channels = [
            ("kino", "Кинохит", good), ("sport", "Матч ТВ", text), ("news", "Новости 24", missing),
            ("kino2", "Кинохит +2", good), ("plain", "Без логотипа", ""),
        ]  # fmt: skip
        for tvg, name, logo in channels:
            attr = f' tvg-logo="{logo}"' if logo else ""
            lines += [f'#EXTINF:-1 tvg-id="{tvg}"{attr},{name}', f"http://127.0.0.1:9/live/{tvg}/index.m3u8"]
        (tmp_path / "list.m3u").write_text("\n".join(lines) + "\n", "utf-8")
        epg_refresh.import_location(services, str(tmp_path / "list.m3u"))
        win = build_window(services)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)

        async def scenario() -> None:
            win.navigator.navigate("tv")
            page = win.navigator.page("tv")
            await wait_until(lambda: page.channels.rowCount() == 5)
            await wait_until(lambda: not page.logos._running and not page.logos._pending, timeout=20)
            names = [page.channels.index(i).data() for i in range(5)]
            logo = {n: page.channels.index(i).data(LogoRole) for i, n in enumerate(names)}
            assert logo["Кинохит"] is not None and not logo["Кинохит"].isNull()
            # a 2:1 logo keeps its shape: centred on a transparent square (drawn into squares)
            image = logo["Кинохит"].toImage()
            assert (image.width(), image.height()) == (SIDE, SIDE)
            assert (
                image.pixelColor(SIDE // 2, 2).alpha() == 0
                and image.pixelColor(SIDE // 2, SIDE // 2).red() == 200
            )
            assert (
                logo["Кинохит +2"].cacheKey() == logo["Кинохит"].cacheKey()
            )  # one URL: one download, one pixmap
            # without a logo (refused, missing, none): an empty square, so the names line up
            for name in ("Матч ТВ", "Новости 24", "Без логотипа"):
                blank = logo[name].toImage()
                assert (blank.width(), blank.height()) == (SIDE, SIDE)
                assert all(
                    blank.pixelColor(x, y).alpha() == 0 for x in (0, SIDE // 2) for y in (0, SIDE // 2)
                )
            assert (
                page.epg.row_icon(names.index("Кинохит")).cacheKey() == logo["Кинохит"].cacheKey()
            )  # the timeline too
            assert server.hits["/logos/kino.png"] == 1
            stored = (services.paths.data / INDEX_NAME).read_text("utf-8")
            assert good in stored and text not in stored and missing not in stored

            # opened again (as after a restart): the stored file, no download
            from app.ui.pages.tv_page import TvPage

            again = TvPage(services)
            qtbot.addWidget(again)
            again.refresh()
            await wait_until(lambda: again.channels.rowCount() == 5)
            await wait_until(lambda: bool(again.logos.by_channel) and not again.logos._running, timeout=20)
            assert server.hits["/logos/kino.png"] == 1
            assert set(again.logos.by_channel) == {
                c.id for c in again.channels.all_channels() if c.logo == good
            }

        run_scenario(scenario(), timeout=60)
        win.shutdown()
