"""One app per data folder: a second `cinema play FILE` hands the file to the running GUI and
exits 0 at once; read-only commands work beside it; a socket left by kill -9 is recovered."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.core.config import AppPaths
from app.ui.single_instance import absolute, hand_over, server_name

pytestmark = pytest.mark.slow


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        CINEMA_HOME=str(home),
        QT_QPA_PLATFORM="offscreen",
        CINEMA_VLC_ARGS="--vout=dummy --aout=dummy",
        CINEMA_DEMO_ENABLED="false",
        CINEMA_WELCOME_DONE="true",
    )
    return env


def _start_gui(home: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "app"], env=_env(home), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def _wait_listening(name: str, proc: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the GUI ended before it listened"
        if hand_over(name, []):  # an empty request only brings the window forward
            return
        time.sleep(0.2)
    raise AssertionError("the GUI never listened for later launches")


def _played(db: Path, location: str) -> bool:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            rows = conn.execute("SELECT location FROM history").fetchall()
    except sqlite3.Error:
        return False
    return any(r[0] == location for r in rows)


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        env=_env(home),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_second_play_hands_the_file_to_the_running_app(tmp_path: Path, sample_video: Path) -> None:
    home = tmp_path / "home"
    name = server_name(AppPaths.resolve(home).data)
    gui = _start_gui(home)
    try:
        _wait_listening(name, gui)
        video = tmp_path / "clip.mp4"
        video.symlink_to(sample_video)
        started = time.monotonic()
        second = subprocess.run(
            [sys.executable, "-m", "app", "play", "clip.mp4"],  # relative: the running app's folder differs
            cwd=tmp_path,
            check=False,
            env=_env(home),
            capture_output=True,
            timeout=30,
        )
        took = time.monotonic() - started
        print(f"second launch exited {second.returncode} after {took:.2f} s")
        assert second.returncode == 0, second.stderr
        assert gui.poll() is None  # the first app still runs
        db = home / "data" / "cinema.sqlite3"
        deadline = time.monotonic() + 60
        played = str(video.resolve())  # the player opens the file the link points to
        while not _played(db, played) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _played(db, played), "the running app did not play the handed-over file"
        # read-only commands beside the GUI
        library = _cli(home, "library", "--json")
        assert library.returncode == 0, library.stderr
        history = _cli(home, "history", "--json")
        assert history.returncode == 0, history.stderr
        assert played in {row["location"] for row in json.loads(history.stdout)}
    finally:
        gui.send_signal(signal.SIGKILL)
        gui.wait(10)


def test_a_stale_socket_after_kill_9_is_recovered(tmp_path: Path) -> None:
    home = tmp_path / "home"
    name = server_name(AppPaths.resolve(home).data)
    first = _start_gui(home)
    try:
        _wait_listening(name, first)
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    if sys.platform.startswith("linux"):
        assert any(p.name == name for p in Path("/tmp").iterdir()), "kill -9 left no socket behind"
    assert not hand_over(name, [])  # nobody answers on it
    second = _start_gui(home)
    try:
        _wait_listening(name, second)  # it removed the stale socket and listens
        assert second.poll() is None
    finally:
        second.send_signal(signal.SIGKILL)
        second.wait(10)


def test_locations_are_made_absolute_for_the_running_app(tmp_path: Path) -> None:
    (tmp_path / "film.mkv").write_bytes(b"x")
    assert absolute("film.mkv", tmp_path) == str(tmp_path / "film.mkv")
    assert absolute("file:///tmp/a%20b.mkv") == "/tmp/a b.mkv"  # the desktop's %u
    magnet = "magnet:?xt=urn:btih:" + "a" * 40
    assert absolute(magnet) == magnet
    assert absolute("a" * 40, tmp_path) == "a" * 40  # a bare info-hash, not a file
    assert absolute("https://example.org/v.m3u8") == "https://example.org/v.m3u8"


def test_the_desktop_entry_without_a_url_opens_the_app() -> None:
    from app.__main__ import _gui_request

    assert _gui_request(["play"]) == (None, None)  # Exec=cinema play %u from the menu
    assert _gui_request(["play", ""]) == (None, None)
    assert _gui_request(["--data-dir", "/d", "play", "x.mkv"]) == ("/d", "x.mkv")
    assert _gui_request(["library"]) is None
