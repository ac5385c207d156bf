"""Shared fixtures: a portable home per test, a migrated database, the realworld corpus."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("CINEMA_TMDB_TOKEN", None)

REPO = Path(__file__).resolve().parents[1]
REALWORLD = REPO.parent / "shared" / "realworld"


@pytest.fixture
def realworld() -> Path:
    if not REALWORLD.is_dir():
        pytest.skip(f"realworld corpus not found at {REALWORLD}")
    return REALWORLD


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "home"
    root.mkdir()
    monkeypatch.setenv("CINEMA_HOME", str(root))
    return root


@pytest.fixture
def services(home: Path) -> Iterator[object]:
    """Headless services on a migrated database in a temporary home (no demo library)."""
    from app.bootstrap import build_services

    svc = build_services(data_dir=home, load_demo=False, console_log=False)
    yield svc
    svc.db.dispose()
