"""Checks that the installed (or bundled) app can run: storage, images, playback."""

from __future__ import annotations

import asyncio
import functools
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.core.resources import demo_dir
from app.domain.models import MediaRequest
from app.engines.playback.base import PlayerEvent


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str


def check_migrations() -> CheckResult:
    from app.storage.db import Database, current_revision, downgrade

    with tempfile.TemporaryDirectory(prefix="cinema-selftest-") as tmp:
        db = Database(Path(tmp) / "t.sqlite3")
        try:
            db.migrate()
            head = current_revision(db.engine)
            downgrade(db.engine, "base")
            db.migrate()
            again = current_revision(db.engine)
        finally:
            db.dispose()
    ok = head is not None and head == again
    return CheckResult("migrations", ok, f"upgrade/downgrade/upgrade to {head}")


def check_poster() -> CheckResult:
    from PIL import Image

    posters = sorted((demo_dir() / "posters").glob("*.jpg"))
    if not posters:
        return CheckResult("poster", False, f"no demo posters in {demo_dir() / 'posters'}")
    with Image.open(posters[0]) as im:
        im.load()
        size = im.size
    return CheckResult(
        "poster", size[0] > 0 and size[1] > 0, f"decoded {posters[0].name} {size[0]}x{size[1]}"
    )


async def _play_seconds(video: Path, seconds: float, timeout: float) -> tuple[bool, str]:
    from app.engines.playback.vlc_player import VlcPlayer, libvlc_version

    loop = asyncio.get_running_loop()
    events: list[PlayerEvent] = []
    done = asyncio.Event()

    def listener(event: PlayerEvent, _value: object) -> None:
        events.append(event)
        if event is PlayerEvent.ERROR:
            done.set()

    def dispatch(fn: Callable[[], None]) -> None:
        loop.call_soon_threadsafe(fn)

    player = VlcPlayer(dispatch, listener, ["--vout=dummy", "--aout=dummy"])
    try:
        player.open(MediaRequest(location=str(video), item_key="selftest", label="self-test"))
        player.play()
        started = time.monotonic()
        while time.monotonic() - started < timeout and not done.is_set():
            if player.time_ms() >= seconds * 1000:
                break
            await asyncio.sleep(0.05)
        reached = player.time_ms()
    finally:
        player.release()
    ok = reached >= seconds * 1000 and PlayerEvent.ERROR not in events
    return ok, f"libvlc {libvlc_version()}: reached {reached} ms of {video.name}"


def check_playback(seconds: float = 1.0, timeout: float = 15.0) -> CheckResult:
    video = demo_dir() / "sample.mp4"
    if not video.exists():
        return CheckResult("playback", False, f"missing {video}")
    try:
        ok, detail = asyncio.run(_play_seconds(video, seconds, timeout))
    except Exception as exc:  # libvlc missing or broken: say so, do not crash
        return CheckResult("playback", False, f"{type(exc).__name__}: {exc}")
    return CheckResult("playback", ok, detail)


def check_database(path: Path | None) -> CheckResult:
    """The user's own database reads back whole (SQLite's quick check; nothing is written)."""
    from app.storage.db import integrity_problem

    if path is None or not path.exists():
        return CheckResult("database", True, f"no library database yet at {path}")
    problem = integrity_problem(path)
    return CheckResult("database", problem is None, problem or f"{path}: integrity ok")


CHECKS: list[Callable[[], CheckResult]] = [check_migrations, check_poster, check_playback]


def run_checks(database: Path | None = None) -> list[CheckResult]:
    results = []
    checks: list[Callable[[], CheckResult]] = [*CHECKS, functools.partial(check_database, database)]
    for check in checks:
        try:
            results.append(check())
        except Exception as exc:
            results.append(CheckResult(_name(check), False, f"{type(exc).__name__}: {exc}"))
    return results


def _name(check: Callable[[], CheckResult]) -> str:
    fn = getattr(check, "func", check)  # a partial names its function
    return str(getattr(fn, "__name__", "check")).removeprefix("check_")
