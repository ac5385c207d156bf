"""Kill -9 during playback loses at most one save interval (5 s); a restart resumes there."""

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

pytestmark = pytest.mark.slow


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        CINEMA_HOME=str(home),
        QT_QPA_PLATFORM="offscreen",
        CINEMA_VLC_ARGS="--vout=dummy --aout=dummy",
        CINEMA_DEMO_ENABLED="false",
    )
    return env


def _saved(db: Path) -> tuple[int, int] | None:
    """(position_ms, updated_at) of the only progress row, read as another process would."""
    if not db.exists():
        return None
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            row = conn.execute("SELECT position_ms, updated_at FROM progress").fetchone()
    except sqlite3.Error:
        return None
    return None if row is None else (int(row[0]), int(row[1]))


def _play_until_saved_then_kill(home: Path, video: Path, min_position_ms: int) -> tuple[float, float]:
    """Start `cinema play`, wait for a save past ``min_position_ms``, play 3 s more, SIGKILL.

    Returns (the position playback had reached at the kill as estimated from the saves, seconds).
    """
    db = home / "data" / "cinema.sqlite3"
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "play", str(video)],
        env=_env(home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        seen: tuple[int, int] | None = None
        while time.monotonic() < deadline:
            seen = _saved(db)
            if seen and seen[0] > min_position_ms:
                break
            time.sleep(0.05)
        assert seen and seen[0] > min_position_ms, "no progress saved while playing"
        observed_at = time.monotonic()
        time.sleep(3.0)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        killed_at = time.monotonic()
    finally:
        if proc.poll() is None:
            proc.kill()
    # the save we saw happened at most one poll step before we saw it
    return seen[0] / 1000 + (killed_at - observed_at), killed_at - observed_at


def test_sigkill_loses_at_most_five_seconds_and_restart_resumes(tmp_path: Path, sample_video: Path) -> None:
    home = tmp_path / "home"
    reached, _ = _play_until_saved_then_kill(home, sample_video, 0)
    saved = _saved(home / "data" / "cinema.sqlite3")
    assert saved is not None
    lost = reached - saved[0] / 1000
    assert lost <= 5.5, f"lost {lost:.1f} s of progress"

    history = subprocess.run(
        [sys.executable, "-m", "app", "history", "--json"],
        env=_env(home),
        capture_output=True,
        text=True,
        check=True,
    )
    entries = json.loads(history.stdout)
    assert len(entries) == 1
    assert entries[0]["location"] == str(sample_video.resolve())
    assert entries[0]["position_s"] == pytest.approx(saved[0] / 1000, abs=0.1)

    # restart: Play continues from the saved spot, so the next save is past it
    first_saved = saved[0]
    _play_until_saved_then_kill(home, sample_video, first_saved + 1000)
    second = _saved(home / "data" / "cinema.sqlite3")
    # from 0 the first save would land near first_saved again; resumed, it lands well past it
    assert second is not None and second[0] >= first_saved + 2500
    entries = json.loads(
        subprocess.run(
            [sys.executable, "-m", "app", "history", "--json"],
            env=_env(home),
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    assert len(entries) == 2
