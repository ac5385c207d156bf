"""The server killed mid-write, a network that drops half-way, two devices saving at once:
the outbox replays in order when the server is back, nothing lost, nothing doubled."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import event

from app.domain.sync import ServerAddress, SyncState
from app.storage import library_repo
from tests.fakes.postgres import PostgresCluster, find_bindir
from tests.fakes.tcp_proxy import TcpProxy
from tests.services.sync.conftest import TITLE, Device, server_library, wait_for


@pytest.fixture(scope="module")
def killable() -> Iterator[PostgresCluster]:
    """A cluster of this module's own: these tests stop and start it."""
    bindir = find_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries not found (Debian package `postgresql`)")
    cluster = PostgresCluster(bindir).start()
    yield cluster
    cluster.stop()


@pytest.fixture
def library(killable: PostgresCluster, request: pytest.FixtureRequest) -> Iterator[ServerAddress]:
    name = "o_" + request.node.name.lower()[:40]
    address = ServerAddress.parse(killable.create_database(name))
    yield address
    if not (killable.data / "postmaster.pid").exists():
        killable.resume()
    killable.drop_database(name)


def _stacks() -> str:
    import sys
    import traceback

    return "\n".join("".join(traceback.format_stack(f)) for f in sys._current_frames().values())


def history_rows(device: Device, count: int, tag: str) -> None:
    """``count`` plays, each a history row: one change each, in one transaction."""
    profile = device.profile()
    with device.db.engine.begin() as conn:
        from sqlalchemy import text

        conn.execute(
            text(
                "INSERT INTO history (profile_id, item_key, label, location, started_at, position_ms) "
                "VALUES (:p, :k, :l, '/v', :s, 0)"
            ),
            [{"p": profile, "k": f"media:{tag}{i}", "l": f"{tag} {i}", "s": 1_000 + i} for i in range(count)],
        )


def test_the_server_killed_mid_write_loses_nothing(
    devices: Callable[[str], Device], killable: PostgresCluster, library: ServerAddress
) -> None:
    a, b = devices("a"), devices("b")
    a.join(library)
    b.join(library)
    history_rows(a, 1500, "before")
    engine = a.start(library, retry_max_s=0.5)
    asked, killed = threading.Event(), threading.Event()

    def kill() -> None:
        killable.kill()
        killed.set()

    def kill_midway(*_args: object) -> None:
        core = engine.core
        if (
            core is not None
            and core.server is not None
            and core.server.statements > 300
            and not asked.is_set()
        ):
            asked.set()  # while the push's transaction is open
            threading.Thread(target=kill).start()

    wait_for(lambda: engine.core is not None and engine.core.server is not None, what="A connected")
    assert engine.core is not None and engine.core.server is not None
    event.listen(engine.core.server.engine, "before_cursor_execute", kill_midway)
    engine.sync_now()
    wait_for(killed.is_set, what="the server killed during the push")
    assert engine.status().outbox_size >= 1500 - 300  # the push did not commit
    wait_for(lambda: engine.status().state == SyncState.OFFLINE, what="A offline")
    status = engine.status()
    assert status.outbox_size > 0 and status.last_error and "does not answer" in status.last_error
    history_rows(a, 200, "offline")  # the user goes on watching meanwhile
    assert engine.status().outbox_size >= 200
    killable.resume()
    wait_for(lambda: engine.status().state == SyncState.SYNCED and engine.status().outbox_size == 0,
             timeout=60, what="the outbox replayed", detail=_stacks)  # fmt: skip
    core = b.core(library)
    core.connect()
    core.pull()
    core.close()
    history = b.library()["history"]
    assert len(history) == 1700 and len({row[0] for row in history}) == 1700  # all there, none twice
    assert a.library() == b.library() == server_library(library)


def test_a_network_that_drops_half_way(
    devices: Callable[[str], Device], killable: PostgresCluster, library: ServerAddress
) -> None:
    proxy = TcpProxy("127.0.0.1", library.port)
    via_proxy = ServerAddress(
        "127.0.0.1", proxy.port, library.user, library.database, library.options, library.password
    )
    try:
        a, b = devices("a"), devices("b")
        a.join(via_proxy)
        b.join(library)
        history_rows(a, 2000, "trip")
        proxy.cut_after(40_000)  # a few hundred rows into the push
        engine = a.start(via_proxy, retry_max_s=0.5)
        wait_for(lambda: proxy.cuts >= 1, what="the network dropped")
        proxy.block()  # and stays down for a while
        wait_for(lambda: engine.status().state == SyncState.OFFLINE, what="A offline")
        assert engine.status().outbox_size > 0
        proxy.unblock()
        wait_for(lambda: engine.status().state == SyncState.SYNCED and engine.status().outbox_size == 0,
                 timeout=60, what="the outbox replayed through the network", detail=_stacks)  # fmt: skip
        core = b.core(library)
        core.connect()
        core.pull()
        core.close()
        assert len(b.library()["history"]) == 2000
        assert a.library() == b.library() == server_library(library)
    finally:
        proxy.close()


def test_a_thousand_saves_from_two_devices_at_once_settle_on_one_state(
    devices: Callable[[str], Device], library: ServerAddress
) -> None:
    a, b = devices("a"), devices("b")
    for device in (a, b):
        device.add_title()
        device.join(library)
    a.start(library)
    b.start(library)
    start = int(time.time()) - 10_000

    # 500 saves each of the same film and profile, interleaved in time: A at even seconds, B at
    # odd ones; the newest (B's last, at start + 999) must win everywhere
    def play(device: Device, offset: int) -> None:
        profile = device.profile()
        for i in range(500):
            at = start + 2 * i + offset
            library_repo.save_progress(
                device.db, profile, TITLE, (2 * i + offset) * 1000, 9_999_000, title_id=TITLE, watched=None,
                now=datetime.fromtimestamp(at, UTC),
            )  # fmt: skip
            history_rows(device, 1, f"{device.name}{i}-")

    threads = [threading.Thread(target=play, args=(a, 0)), threading.Thread(target=play, args=(b, 1))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert a.engine is not None and b.engine is not None
    for _round in range(2):  # a device may push after the other's last pull: settle twice
        assert a.engine.wait_idle(60) and b.engine.wait_idle(60)
        a.engine.sync_now()
        b.engine.sync_now()
    wait_for(lambda: a.library() == b.library() == server_library(library), timeout=30, what="one state")
    assert a.progress()[:3] == (999_000, 0, start + 999)  # type: ignore[index]
    assert len(a.library()["history"]) == 1000


def test_a_device_whose_network_goes_silent_mid_push_does_not_block_the_others(
    devices: Callable[[str], Device], library: ServerAddress, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.storage.sync import server as server_module

    # the server ends a transaction left idle this long (the app's value is 15 s)
    monkeypatch.setattr(server_module, "IDLE_IN_TRANSACTION_MS", 1500)
    proxy = TcpProxy("127.0.0.1", library.port)
    via_proxy = ServerAddress(
        "127.0.0.1", proxy.port, library.user, library.database, library.options, library.password
    )
    try:
        a, b = devices("a"), devices("b")
        a.join(via_proxy)
        b.join(library)
        history_rows(a, 1000, "silent")
        proxy.freeze_after(20_000)  # inside A's push transaction, which holds the log's lock
        a_engine = a.start(via_proxy, retry_max_s=0.5)
        wait_for(lambda: proxy.frozen, what="A's network silent mid-push")
        history_rows(b, 5, "meanwhile")
        core = b.core(library)
        core.connect()
        assert core.push() == 5  # the server ended A's idle transaction: B was not kept waiting
        core.close()
        proxy.thaw()  # A's network is back: its connection is gone, its outbox replays
        wait_for(lambda: a_engine.status().outbox_size == 0 and a_engine.status().state == SyncState.SYNCED,
                 timeout=60, what="A replayed", detail=a_engine.status)  # fmt: skip
        core = b.core(library)
        core.connect()
        core.pull()
        core.close()
        assert len(b.library()["history"]) == 1005
        assert a_engine.wait_idle(30)
        assert a.library() == b.library() == server_library(library)
    finally:
        proxy.close()
