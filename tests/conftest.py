"""Shared fixtures: a portable home per test, a migrated database, the realworld corpus."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("CINEMA_TMDB_TOKEN", None)
# the built-in stream providers (Nyaa, Rutube) point at nothing: no test reaches the internet
os.environ.setdefault("CINEMA_NYAA_BASE_URL", "http://127.0.0.1:9/nyaa/")
os.environ.setdefault("CINEMA_RUTUBE_BASE_URL", "http://127.0.0.1:9/rutube")
# nor do the metadata providers (the window's background discovery asks them after start-up)
os.environ.setdefault("CINEMA_TMDB_BASE_URL", "http://127.0.0.1:9/tmdb/3")
os.environ.setdefault("CINEMA_SHIKIMORI_BASE_URL", "http://127.0.0.1:9/shikimori")
os.environ.setdefault("CINEMA_DISCOVERY_REFRESH_HOURS", "0")  # no background discovery in tests
if not os.environ.get("XDG_RUNTIME_DIR"):
    _runtime = Path("/tmp") / f"cinema-test-runtime-{os.getuid()}"
    _runtime.mkdir(mode=0o700, exist_ok=True)
    os.environ["XDG_RUNTIME_DIR"] = str(_runtime)

REPO = Path(__file__).resolve().parents[1]
REALWORLD = REPO.parent / "shared" / "realworld"


@pytest.fixture(autouse=True)
def _garbage_collected_on_the_main_thread() -> Iterator[None]:
    """No automatic collection during a test, one on the main thread after it: a collection
    in a worker thread frees Qt objects of earlier tests there (Qt: "Timers cannot be stopped
    from another thread", and crashes in the event loop). The app does the same with
    ``app.ui.gui_gc``."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        if was_enabled:
            gc.enable()


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


@pytest.fixture(scope="session")
def sample_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 30 s H.264/AAC clip made by ffmpeg at test time."""
    import shutil
    import subprocess

    if shutil.which("ffmpeg") is None:
        pytest.skip("ffmpeg not installed (make test installs it)")
    out = tmp_path_factory.mktemp("video") / "clip.mp4"
    subprocess.run(
        [
            "ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25",
            "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
            "-t", "30", "-c:v", "libx264", "-preset", "ultrafast", "-g", "25",
            "-c:a", "aac", "-b:a", "64k", "-movflags", "+faststart", "-shortest", str(out),
        ],
        check=True,
    )  # fmt: skip
    return out


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[object]:
    """A throwaway PostgreSQL cluster for the whole run (Debian's `postgresql`; skipped without it)."""
    from tests.fakes.postgres import PostgresCluster, find_bindir

    bindir = find_bindir()
    if bindir is None:
        pytest.skip(
            "PostgreSQL server binaries not found (Debian package `postgresql`; make test installs it)"
        )
    cluster = PostgresCluster(bindir).start()
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_url(pg_cluster: object, request: pytest.FixtureRequest) -> Iterator[str]:
    """The SQLAlchemy URL of a fresh, empty PostgreSQL database, dropped after the test."""
    import re

    name = "t_" + re.sub(r"[^a-z0-9]+", "_", request.node.name.lower())[:40] + f"_{os.getpid()}"
    url = pg_cluster.create_database(name)  # type: ignore[attr-defined]
    yield url
    pg_cluster.drop_database(name)  # type: ignore[attr-defined]


# an unexpected ERROR log fails its test (tests/logfail.py); `messages` records what the user saw
from tests.logfail import logfail  # noqa: E402, F401
from tests.message_mock import messages  # noqa: E402, F401
