"""Tasks: ``run_blocking`` for heavy work off the loop, on one worker pool shut down at exit."""

from __future__ import annotations

import contextvars
import functools
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

_executor: ThreadPoolExecutor | None = None


def executor() -> ThreadPoolExecutor:
    global _executor
    if _executor is None:
        _executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="cinema-work")
    return _executor


def loop_running() -> bool:
    """An asyncio loop runs on this thread. Never imports asyncio: before it is imported (the
    app paints its first screen first) no loop can be running."""
    aio = sys.modules.get("asyncio")
    if aio is None:
        return False
    try:
        aio.get_running_loop()
    except RuntimeError:
        return False
    return True


def shutdown_executor() -> None:
    """At exit: drop queued work and wait for the running calls (interrupt long queries first)."""
    global _executor
    pool, _executor = _executor, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


async def run_blocking(fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run ``fn`` in the worker pool and await its result on the loop."""
    import asyncio

    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        # qasync runs ready callbacks once more after its loop has stopped (at quit): the task
        # is stepped with no running loop, but the loop is still the current one
        loop = asyncio.get_event_loop()
    ctx = contextvars.copy_context()
    call = functools.partial(ctx.run, fn, *args, **kwargs)
    return await loop.run_in_executor(executor(), call)
