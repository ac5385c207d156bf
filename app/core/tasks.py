"""Tasks: ``run_blocking`` for heavy work off the loop, and keyed tasks where the newest wins."""

from __future__ import annotations

import contextvars
import functools
import logging
import sys
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

if TYPE_CHECKING:
    import asyncio

log = logging.getLogger(__name__)

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


class TaskRegistry:
    """Keeps a reference to every task, logs failures, and cancels the old task of a key."""

    def __init__(self, on_error: Callable[[BaseException], None] | None = None) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()
        self._keyed: dict[str, asyncio.Task[Any]] = {}
        self._on_error = on_error

    def spawn(self, coro: Coroutine[Any, Any, T], key: str | None = None) -> asyncio.Task[T]:
        import asyncio

        if key is not None and (old := self._keyed.get(key)) is not None and not old.done():
            old.cancel()
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        if key is not None:
            self._keyed[key] = task
        task.add_done_callback(functools.partial(self._finished, key))
        return task

    def _finished(self, key: str | None, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if key is not None and self._keyed.get(key) is task:
            del self._keyed[key]
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            log.error("task failed", exc_info=exc)
            if self._on_error is not None:
                self._on_error(exc)

    async def cancel_all(self) -> None:
        import asyncio

        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)

    def __len__(self) -> int:
        return len(self._tasks)
