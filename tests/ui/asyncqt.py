"""Run a test scenario on a qasync loop, as the app does (tasks and run_blocking need it)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Coroutine
from typing import Any


def run_scenario(coro: Coroutine[Any, Any, None], timeout: float = 60.0) -> None:
    import qasync

    loop = qasync.QEventLoop(already_running=False)
    asyncio.set_event_loop(loop)
    try:
        loop.run_until_complete(asyncio.wait_for(coro, timeout))
    finally:
        # as the app does at quit (bootstrap._cancel_pending): tasks still pending (a page query,
        # a cancelled saver) unwind now instead of being destroyed pending with the loop
        loop.run_until_complete(_cancel_pending())
        asyncio.set_event_loop(None)
        loop.close()  # now, while its Qt objects live (not later from the garbage collector)


async def _cancel_pending() -> None:
    current = asyncio.current_task()
    for _ in range(10):  # a view repainting meanwhile may ask for more (a page of rows): those too
        pending = [t for t in asyncio.all_tasks() if t is not current and not t.done()]
        if not pending:
            return
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)


async def wait_until(predicate: Callable[[], bool], timeout: float = 15.0, step: float = 0.05) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(step)
