"""The UI's off-thread helper: results on the GUI thread, the latest request wins, Loading | Ready |
Error, the same code synchronous without a loop, and shutdown waiting for its workers."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
from PySide6.QtCore import QObject

from app.core.events import EventBus, LibraryDidChange
from app.core.tasks import run_blocking
from app.ui.viewmodels import bus
from app.ui.viewmodels.operations import Error, Loading, Operations, Ready, shutdown_all
from tests.ui.asyncqt import run_scenario, wait_until


def test_without_a_loop_the_work_runs_at_once_and_is_delivered_before_run_returns(qapp) -> None:
    ops = Operations(name="test")
    got: list[int] = []
    ops.run("sum", lambda: 1 + 2, got.append)
    assert got == [3] and ops.state("sum") == Ready(3)
    failures: list[BaseException] = []
    ops.run("broken", lambda: 1 // 0, got.append, failures.append)
    assert isinstance(failures[0], ZeroDivisionError)
    state = ops.state("broken")
    assert isinstance(state, Error) and "division" in state.message
    assert got == [3]

    async def later() -> str:
        await asyncio.sleep(0)
        return "done"

    ops.run_async("coroutine", later, got.append)  # a loop of its own, to the end
    assert got == [3, "done"]


@pytest.mark.expected_error(r"'plain' failed")
def test_a_failure_nobody_handles_is_logged_as_an_error(qapp, logfail) -> None:
    Operations(name="test").run("plain", lambda: int("not a number"))
    assert [r.getMessage() for r in logfail.expected()] == ["test: 'plain' failed"]


def test_results_arrive_on_the_gui_thread_and_the_latest_request_wins(qapp) -> None:
    ops = Operations(name="test")
    gui = threading.get_ident()
    release = threading.Event()
    ran_on: list[int] = []
    shown: list[tuple[str, int]] = []

    def slow() -> str:
        ran_on.append(threading.get_ident())
        release.wait(5)
        return "old"

    def fast() -> str:
        ran_on.append(threading.get_ident())
        return "new"

    async def scenario() -> None:
        ops.run("query", slow, lambda v: shown.append((v, threading.get_ident())))
        state = ops.state("query")
        assert isinstance(state, Loading) and state and shown == []  # not at once: in a worker
        await wait_until(lambda: len(ran_on) == 1)
        ops.run("query", fast, lambda v: shown.append((v, threading.get_ident())))  # typed on
        await ops.settled("query")
        release.set()
        await asyncio.sleep(0.2)  # the old answer comes back meanwhile: dropped
        assert shown == [("new", gui)]
        assert ops.state("query") == Ready("new")
        assert all(ident != gui for ident in ran_on)  # the work ran in workers

    run_scenario(scenario())


def test_a_view_can_draw_an_error_from_a_coroutine(qapp) -> None:
    ops = Operations(name="test")
    said: list[str] = []

    async def fetch() -> None:
        await asyncio.sleep(0.01)
        raise ConnectionError("server went away")

    async def scenario() -> None:
        ops.run_async("fetch", fetch, on_error=lambda exc: said.append(str(exc)))
        assert ops.busy("fetch")
        await ops.settled()
        assert said == ["server went away"]
        state = ops.state("fetch")
        assert isinstance(state, Error) and state.message == "server went away"

    run_scenario(scenario())


def test_shutdown_skips_queued_calls_and_waits_for_the_running_one(qapp) -> None:
    owner = QObject()
    ops = Operations(owner, "test")
    started, finished, delivered = threading.Event(), threading.Event(), []
    queued_ran: list[bool] = []
    block_pool = threading.Event()

    def running() -> str:
        started.set()
        time.sleep(0.4)
        finished.set()
        return "late"

    async def scenario() -> None:
        # the pool has four workers: keep three busy so the last request queues behind them
        busy = [asyncio.ensure_future(run_blocking(block_pool.wait, 5)) for _ in range(3)]
        ops.run("running", running, delivered.append)
        await wait_until(started.is_set)
        ops.run("queued", lambda: queued_ran.append(True), delivered.append)
        assert shutdown_all(owner)  # returns once the running call has ended
        assert finished.is_set()
        block_pool.set()
        await asyncio.gather(*busy)
        await asyncio.sleep(0.2)
        assert queued_ran == [] and delivered == []  # skipped, and nothing delivered after shutdown
        ops.run("after", lambda: 1, delivered.append)  # a closed helper starts nothing
        await asyncio.sleep(0.1)
        assert delivered == []

    run_scenario(scenario())


def test_bus_events_published_in_a_worker_reach_views_on_the_gui_thread(qapp) -> None:
    events = EventBus()
    owner = QObject()
    gui = threading.get_ident()
    seen: list[tuple[str, int]] = []
    bus.subscribe(events, LibraryDidChange, lambda e: seen.append((e.reason, threading.get_ident())), owner)

    async def scenario() -> None:
        events.publish(LibraryDidChange("here"))  # on the GUI thread: at once
        assert seen == [("here", gui)]
        await run_blocking(events.publish, LibraryDidChange("worker"))
        await wait_until(lambda: len(seen) == 2)
        assert seen[1] == ("worker", gui)

    run_scenario(scenario())
    del owner  # the relay goes with its owner; publishing then reaches nobody
    events.publish(LibraryDidChange("gone"))
    assert len(seen) == 2
