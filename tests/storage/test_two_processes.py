"""Two processes writing one database (issue 19 item 5), with real processes.

Another process holds the write lock the way a guide import does (GuideWriter's transaction):
a CLI writer waits up to its bound and then says "busy, try again" in one line; the player's
progress saves are queued and retried, never lost.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services import demo
from app.services.library.progress import LibraryService
from app.storage import guide_repo, library_repo
from tests.cli.hostile import REPO, cli

HOLDER = """
import sys
from app.storage.db import Database
from app.storage.guide_repo import GuideWriter

writer = GuideWriter(Database(sys.argv[1]))
writer.begin(int(sys.argv[2]))  # a refresh in the middle of its import: the write lock is taken
print("locked", flush=True)
sys.stdin.readline()
writer.rollback()
print("released", flush=True)
"""


NO_DEMO = {"CINEMA_DEMO_ENABLED": "0"}  # the demo library would be one more write at start-up


class Holder:
    """A second process that holds the database's write lock until told to let go."""

    def __init__(self, database: Path, source_id: int) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(database), str(source_id)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=REPO,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        assert self.proc.stdout is not None and self.proc.stdout.readline().strip() == "locked"

    def release(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None and self.proc.stdout is not None
            self.proc.stdin.write("go\n")
            self.proc.stdin.flush()
            assert self.proc.stdout.readline().strip() == "released"
            self.proc.wait(timeout=30)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=30)


@pytest.fixture
def holder(services) -> Iterator[Holder]:
    source = guide_repo.add_source(
        services.db, name="refresh", kind="xmltv", location="x", params=None, is_demo=False, now=0
    )
    held = Holder(services.paths.database, source)
    yield held
    held.kill()


def _guide(tmp_path: Path) -> Path:
    return demo.write_shifted_guide(tmp_path / "guide.xml", 0)


def test_a_cli_writer_that_cannot_get_the_lock_says_busy_in_one_line(
    services, holder, tmp_path: Path
) -> None:
    home = services.paths.data.parent
    done = cli(
        home, "epg", "import", str(_guide(tmp_path)), env=NO_DEMO | {"CINEMA_DB_BUSY_TIMEOUT_S": "0.5"}
    )
    assert done.returncode == 75, done.stderr
    assert done.stderr.strip().splitlines() == [
        f"error: The database {services.paths.database} is busy: another Cinema is writing to it. "
        "Try again in a moment."
    ]
    holder.release()
    again = cli(
        home, "epg", "import", str(_guide(tmp_path)), env=NO_DEMO | {"CINEMA_DB_BUSY_TIMEOUT_S": "0.5"}
    )
    assert again.returncode == 0, again.stderr


def test_a_cli_writer_waits_for_a_lock_released_within_its_bound(services, holder, tmp_path: Path) -> None:
    home = services.paths.data.parent
    env = {**os.environ, "PYTHONPATH": str(REPO), **NO_DEMO, "CINEMA_DB_BUSY_TIMEOUT_S": "60"}
    importing = subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(home), "epg", "import", str(_guide(tmp_path))],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=env,
    )
    time.sleep(1.0)  # the importer is now waiting for the lock (if it is not, it waits no longer)
    holder.release()
    out, err = importing.communicate(timeout=120)
    assert importing.returncode == 0, err
    assert out.startswith("imported ") and "Traceback" not in err


def test_progress_saves_are_queued_while_another_process_writes_and_never_lost(services, holder) -> None:
    library = LibraryService(services)
    key = "tmdb:movie:603"
    assert not services.db.pending.submit(
        library_repo.save_progress,
        services.db,
        1,
        key,
        10_000,
        100_000,
        title_id=key,
        watched=None,
        now=services.clock.now(),
        count_view=True,
    )  # queued: the database is busy
    library.save_progress(key, 20_000, 100_000, title_id=key)  # the player's next save: queued too
    assert len(services.db.pending) == 2
    assert library_repo.get_progress(services.db, 1, key) is None  # nothing written yet (reads work)
    holder.release()
    deadline = time.monotonic() + 30
    while len(services.db.pending) and time.monotonic() < deadline:
        time.sleep(0.1)  # the retry thread writes them in order
    saved = library_repo.get_progress(services.db, 1, key)
    assert saved is not None and (saved.position_ms, saved.view_count) == (20_000, 1)


def test_a_save_still_queued_at_exit_is_written_once_the_lock_is_free(services, holder) -> None:
    library = LibraryService(services)
    library.save_progress("tmdb:movie:1", 42_000, 100_000, title_id="tmdb:movie:1")
    assert len(services.db.pending) == 1
    holder.release()
    services.db.dispose()  # at exit: the queue is written before the connections close
    assert library_repo.get_progress(services.db, 1, "tmdb:movie:1").position_ms == 42_000  # type: ignore[union-attr]


def test_a_write_that_fails_for_another_reason_is_not_retried_forever(services) -> None:
    def broken() -> None:
        raise ValueError("not a lock problem")

    with pytest.raises(ValueError, match="not a lock problem"):
        services.db.pending.submit(broken)
    assert len(services.db.pending) == 0
    LibraryService(services).save_progress("tmdb:movie:2", 1_000, None)  # the next save still goes in
    assert library_repo.get_progress(services.db, 1, "tmdb:movie:2").position_ms == 1_000  # type: ignore[union-attr]


def test_a_play_started_while_another_process_writes_keeps_its_history(services, holder) -> None:
    library = LibraryService(services)
    entry = library.start_history("tmdb:movie:3", "tmdb:movie:3", "Film", "file:///film.mkv")
    assert entry < 0  # provisional: the insert is queued behind the other process's lock
    library.update_history(entry, 30_000, 100_000)
    library.update_history(entry, 60_000, 100_000, ended=True)
    holder.release()
    assert services.db.pending.flush()
    [written] = library.history()
    assert (written.label, written.position_ms, written.duration_ms) == ("Film", 60_000, 100_000)
    assert written.ended_at is not None and services.db.pending.resolve(entry) == written.id
