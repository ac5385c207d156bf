"""The player page over the real libvlc (dummy outputs): the track menus list what the file has."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from app.services.library.progress import LibraryService
from app.services.playback.session import PlaybackService, PlaybackState
from app.ui.pages.player_page import PlayerPage
from tests.ui.asyncqt import run_scenario, wait_until


@pytest.fixture(scope="module")
def mkv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("ffmpeg") is None:
        pytest.skip("ffmpeg not installed")
    root = tmp_path_factory.mktemp("mkv")
    srt = root / "s.srt"
    srt.write_text("1\n00:00:00,000 --> 00:00:09,000\nПривет\n", encoding="utf-8")
    out = root / "film.mkv"
    subprocess.run(
        [
            "ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25",
            "-f", "lavfi", "-i", "sine=frequency=440", "-f", "lavfi", "-i", "sine=frequency=660",
            "-i", str(srt), "-t", "10", "-map", "0:v", "-map", "1:a", "-map", "2:a", "-map", "3",
            "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-c:s", "srt",
            "-metadata:s:a:0", "language=rus", "-metadata:s:a:1", "language=eng",
            "-metadata:s:s:0", "language=rus", str(out),
        ],
        check=True,
    )  # fmt: skip
    return out


def test_real_tracks_in_the_menus(qtbot, services, mkv: Path, tmp_path: Path) -> None:
    services.settings = services.settings.model_copy(update={"vlc_args": "--vout=dummy --aout=dummy"})
    pb = PlaybackService(services, LibraryService(services))
    page = PlayerPage(pb)
    page.resize(900, 500)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)

    async def scenario() -> None:
        try:
            page.play(pb_request(mkv))
            await wait_until(lambda: pb.state == PlaybackState.PLAYING and len(pb.audio_tracks()) == 3)
            audio = page.menus["audio"]
            audio.aboutToShow.emit()
            names = [a.text() for a in audio.actions() if a.isCheckable()]
            assert names[0] == "Off" and "Russian" in names[1] and "English" in names[2]
            next(a for a in audio.actions() if "English" in a.text()).trigger()
            await wait_until(lambda: pb.audio_track() == pb.audio_tracks()[2].id)
            subs = page.menus["subtitles"]
            subs.aboutToShow.emit()
            spu = next(a for a in subs.actions() if "Russian" in a.text())
            spu.trigger()
            await wait_until(lambda: pb.subtitle_track() != -1)
            extra = tmp_path / "extra.srt"
            extra.write_text("1\n00:00:00,000 --> 00:00:09,000\nExtra\n", encoding="utf-8")
            assert page.load_subtitle(str(extra))
            await wait_until(lambda: len(pb.subtitle_tracks()) == 3)
        finally:
            page.stop()
            pb.close()

    run_scenario(scenario())


def pb_request(path: Path):
    from app.domain.models import MediaRequest

    return MediaRequest(location=str(path), item_key="media:mkv", label=path.name)
