"""Two Cinema data folders sharing one real PostgreSQL library server (tests/fakes/postgres.py)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.core.events import LibraryDidChange, ProgressDidChange
from app.domain.sync import ServerAddress
from app.services.context import AppContext
from app.services.sync.core import SyncCore
from app.services.sync.engine import SyncEngine

TITLE = "tmdb:movie:603"


class Device:
    """One Cinema data folder (its own SQLite library) with its sync engine."""

    def __init__(self, root: Path, name: str) -> None:
        from app.bootstrap import build_services

        self.name = name
        self.services: AppContext = build_services(root / name, load_demo=False, console_log=False)
        self.db = self.services.db
        self.engine: SyncEngine | None = None
        self.events: list[object] = []
        self.services.bus.subscribe(ProgressDidChange, self.events.append)
        self.services.bus.subscribe(LibraryDidChange, self.events.append)

    def add_title(self, title_id: str = TITLE, name: str = "Матрица") -> None:
        self.db.execute(
            "INSERT INTO titles (id, kind, title, year, added_at, updated_at) "
            "VALUES (:i, 'film', :t, 1999, 0, 0) ON CONFLICT (id) DO NOTHING",
            {"i": title_id, "t": name},
        )

    def core(self, address: ServerAddress) -> SyncCore:
        return SyncCore(self.db, address, device_name=self.name)

    def join(self, address: ServerAddress) -> None:
        core = self.core(address)
        try:
            core.connect()
        finally:
            core.close()

    def start(self, address: ServerAddress, **kw: Any) -> SyncEngine:
        self.engine = SyncEngine(
            self.db, address, self.services.bus, device_name=self.name, poll_s=0.02, **kw
        )
        self.engine.start()
        return self.engine

    def profile(self, name: str = "Default") -> int:
        rows = self.db.execute("SELECT id FROM profiles WHERE name = :n", {"n": name})
        assert rows, f"{self.name} has no profile {name!r}"
        return int(rows[0][0])

    def save(self, position: int, *, at: int, profile: str = "Default", title: str = TITLE) -> None:
        from app.storage import library_repo

        library_repo.save_progress(
            self.db, self.profile(profile), title, position, 7_200_000, title_id=title, watched=None,
            now=datetime.fromtimestamp(at, UTC),
        )  # fmt: skip

    def progress(self, profile: str = "Default", title: str = TITLE) -> tuple[Any, ...] | None:
        rows = self.db.execute(
            "SELECT position_ms, watched, updated_at, view_count FROM progress p "
            "JOIN profiles f ON f.id = p.profile_id WHERE f.name = :n AND p.item_key = :k",
            {"n": profile, "k": title},
        )
        return tuple(rows[0]) if rows else None

    def library(self) -> dict[str, list[tuple[Any, ...]]]:
        """The user's data by global ids (comparable across devices and with the server)."""
        return library_of(self.db.execute)

    def close(self) -> None:
        if self.engine is not None:
            self.engine.stop()
        self.db.dispose()


def library_of(run: Callable[..., list[tuple[Any, ...]]]) -> dict[str, list[tuple[Any, ...]]]:
    by_profile = "JOIN profiles f ON f.id = x.profile_id"
    queries = {
        "profiles": "SELECT uid, name FROM profiles ORDER BY uid",
        "progress": "SELECT f.uid, x.item_key, x.position_ms, x.watched, x.updated_at "
        f"FROM progress x {by_profile} ORDER BY 1, 2",
        "history": f"SELECT x.uid, f.uid, x.item_key, x.position_ms FROM history x {by_profile} ORDER BY 1",
        "watchlist": f"SELECT f.uid, x.title_id FROM watchlist x {by_profile} ORDER BY 1, 2",
        "playlists": f"SELECT x.uid, f.uid, x.name FROM playlists x {by_profile} ORDER BY 1",
        "playlist_items": "SELECT i.uid, l.uid, i.position, i.item_key FROM playlist_items i "
        "JOIN playlists l ON l.id = i.playlist_id ORDER BY 1",
    }
    return {
        name: [tuple(bool(v) if isinstance(v, bool) else v for v in r) for r in run(sql)]
        for name, sql in queries.items()
    }


def wait_for(
    check: Callable[[], bool],
    timeout: float = 15.0,
    what: str = "",
    detail: Callable[[], object] | None = None,
) -> None:
    """Until ``check()`` holds (the sync is asynchronous); fails with ``what`` after ``timeout``."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():
            return
        time.sleep(0.02)
    raise AssertionError(f"not within {timeout} s: {what} ({detail() if detail else ''})")


@pytest.fixture
def server(pg_url: str) -> ServerAddress:
    return ServerAddress.parse(pg_url)


@pytest.fixture
def devices(tmp_path: Path, server: ServerAddress) -> Iterator[Callable[[str], Device]]:
    made: list[Device] = []

    def make(name: str) -> Device:
        device = Device(tmp_path, name)
        made.append(device)
        return device

    yield make
    for device in made:
        device.close()


def server_library(address: ServerAddress) -> dict[str, list[tuple[Any, ...]]]:
    from app.storage.db import Database

    db = Database(address.display.replace("postgresql://", "postgresql+psycopg://"))
    try:
        return library_of(db.execute)
    finally:
        db.dispose()
