"""Bounded memory for huge playlists: a 200,000-channel M3U (about 47 MB) that names a guide is
imported with the memory the XMLTV path needs (~20 MB over the app), where it took ~560 MB when
the playlist was read whole and every channel kept as a record (issue 19 item 11)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHANNELS = 200_000
GUIDE_CHANNELS = 2_000  # every 97th playlist channel has a guide
PER_CHANNEL = 12

SCRIPT = """
import json, resource, sys
from app.bootstrap import build_services
from app.services.guide import refresh as epg_refresh

def mb(who):
    return resource.getrusage(who).ru_maxrss / 1024

services = build_services(sys.argv[2], load_demo=False, console_log=False)
base = mb(resource.RUSAGE_SELF)
res = epg_refresh.import_location(services, sys.argv[1])
print(json.dumps({"channels": res.channels, "programmes": res.programmes, "unmatched": res.unmatched_count,
                  "first_unmatched": res.unmatched_channels[:2], "base": base,
                  "self": mb(resource.RUSAGE_SELF), "parser": mb(resource.RUSAGE_CHILDREN)}))
"""


def write_playlist(path: Path, channels: int, guide: str) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write(f'#EXTM3U url-tvg="{guide}"\n')
        for i in range(channels):
            f.write(
                f'#EXTINF:-1 tvg-id="ch{i}.tv" tvg-name="Канал {i}" tvg-logo="http://logo.example.com/logos/{i}.png"'
                f' group-title="Группа {i % 50}",Канал номер {i} HD\n'
                f"http://stream.example.com:8080/live/user123/pass456/{i}.ts\n"
            )


def write_guide(path: Path) -> None:
    start = int(time.time()) - 3600
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<tv>\n')
        for c in range(GUIDE_CHANNELS):
            f.write(
                f'<channel id="ch{c * 97}.tv"><display-name>Канал номер {c * 97}</display-name></channel>\n'
            )
        for c in range(GUIDE_CHANNELS):
            for k in range(PER_CHANNEL):
                a = time.strftime("%Y%m%d%H%M%S +0000", time.gmtime(start + k * 3600))
                b = time.strftime("%Y%m%d%H%M%S +0000", time.gmtime(start + (k + 1) * 3600))
                attrs = f'start="{a}" stop="{b}" channel="ch{c * 97}.tv"'
                f.write(f"<programme {attrs}><title>П {k}</title></programme>\n")
        f.write("</tv>\n")


@pytest.mark.slow
def test_a_200000_channel_playlist_imports_in_bounded_memory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    playlist = tmp_path / "big.m3u"
    write_playlist(playlist, CHANNELS, "guide.xml")
    write_guide(tmp_path / "guide.xml")
    assert playlist.stat().st_size > 46_000_000
    home = tmp_path / "home"
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(playlist), str(home)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO), "CINEMA_HOME": str(home)},
        cwd=REPO,
        check=True,
        timeout=170,
    )
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    with capsys.disabled():
        print(f"\n200,000-channel playlist: {result}")
    # Every channel stored, every guide channel's programmes on its playlist channel.
    assert result["channels"] == CHANNELS
    assert result["programmes"] == GUIDE_CHANNELS * PER_CHANNEL
    assert result["unmatched"] == CHANNELS - GUIDE_CHANNELS
    assert result["first_unmatched"] == ["Канал номер 1 HD", "Канал номер 2 HD"]
    # The writer (SQLite's page cache, rows in flight) and the parser process (the playlist
    # index: ~80 bytes a channel) each stay within the XMLTV import's budget over the app.
    assert result["self"] - result["base"] < 25, result
    assert result["parser"] - result["base"] < 25, result
