"""Media made by ffmpeg at test time: two audio tracks with an .srt beside, an mkv with subtitles."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

SRT = "1\n00:00:00,000 --> 00:00:09,000\nПривет\n"


@pytest.fixture(scope="session")
def media(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    if shutil.which("ffmpeg") is None:
        pytest.skip("ffmpeg not installed (make test installs it)")
    root = tmp_path_factory.mktemp("media")
    two = root / "two_audio.mp4"
    subprocess.run(
        [
            "ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25",
            "-f", "lavfi", "-i", "sine=frequency=440", "-f", "lavfi", "-i", "sine=frequency=880",
            "-t", "10", "-map", "0:v", "-map", "1:a", "-map", "2:a", "-c:v", "libx264",
            "-preset", "ultrafast", "-g", "25", "-c:a", "aac", "-b:a", "48k",
            "-metadata:s:a:0", "language=eng", "-metadata:s:a:1", "language=rus", str(two),
        ],
        check=True,
    )  # fmt: skip
    srt = root / "two_audio.srt"  # VLC loads a same-named .srt beside a local file
    srt.write_text(SRT, encoding="utf-8")
    extra = root / "extra.srt"
    extra.write_text("1\n00:00:00,000 --> 00:00:09,000\nExtra\n", encoding="utf-8")
    mkv = root / "subs.mkv"
    subprocess.run(
        [
            "ffmpeg", "-v", "error", "-y", "-i", str(two), "-i", str(srt), "-map", "0", "-map", "1",
            "-c", "copy", "-c:s", "srt", "-metadata:s:s:0", "language=rus", str(mkv),
        ],
        check=True,
    )  # fmt: skip
    return {"two": two, "srt": srt, "extra": extra, "mkv": mkv}
