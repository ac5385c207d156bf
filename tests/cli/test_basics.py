"""Headless commands: --version, self-test, library/history JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from app import __version__


def cinema(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, CINEMA_HOME=str(home))
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_version(tmp_path: Path) -> None:
    out = cinema("--version", home=tmp_path)
    assert out.returncode == 0 and out.stdout.strip() == f"cinema {__version__}"


def test_self_test_passes_every_check(tmp_path: Path) -> None:
    out = cinema("self-test", home=tmp_path)
    lines = out.stdout.strip().splitlines()
    assert out.returncode == 0, out.stdout + out.stderr
    assert [line.split()[1].rstrip(":") for line in lines] == ["migrations", "poster", "playback", "database"]
    assert all(line.startswith("PASS") for line in lines)


def test_library_json_lists_demo_titles_with_positions(tmp_path: Path) -> None:
    out = cinema("library", "--json", home=tmp_path)
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert len(rows) >= 20
    metropolis = next(r for r in rows if r["id"] == "tmdb:movie:19")
    assert metropolis["title"] == "Метрополис" and metropolis["position_s"] == 0.0


def test_history_json_empty_then_filled(tmp_path: Path, services) -> None:
    out = cinema("history", "--json", home=tmp_path / "empty")
    assert out.returncode == 0 and json.loads(out.stdout) == []
    from app.services.library.progress import LibraryService

    lib = LibraryService(services)
    entry = lib.start_history("media:1", None, "clip.mp4", "/tmp/clip.mp4")
    lib.update_history(entry, 61_500, 120_000)
    out = cinema("history", "--json", home=services.paths.data.parent)
    rows = json.loads(out.stdout)
    assert rows[0]["label"] == "clip.mp4" and rows[0]["position_s"] == 61.5
