"""Quitting right after the first paint, while Home's rows, the grid and the facets are still
being queried in workers, exits cleanly: no crash (closing SQLite under a running query used to
segfault), no tracebacks, exit code 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.library_gen import generate

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]


def test_quit_at_first_paint_with_workers_busy(tmp_path: Path) -> None:
    home = generate(tmp_path / "home", 5000, posters=40)
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        CINEMA_REPORT_FIRST_PAINT="exit",
        CINEMA_LANGUAGE="en",
        CINEMA_WELCOME_DONE="1",  # a returning user: Home (not the first run's welcome) paints
    )
    for _ in range(3):
        run = subprocess.run(
            [sys.executable, "-m", "app", "--data-dir", str(home)],
            env=env,
            check=False,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert run.returncode == 0, run.stderr[-2000:]
        assert run.stdout.startswith("first-paint"), run.stdout
        assert "Traceback" not in run.stderr and "ERROR" not in run.stderr, run.stderr[-2000:]
