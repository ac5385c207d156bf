"""The UI's one off-thread helper: work in the background, its result on the GUI thread.

After Anki's ``aqt.operations.QueryOp``. A view owns an ``Operations`` (a child QObject) and asks
it to ``run`` a blocking function (in the worker pool, through ``core.tasks.run_blocking``) or
``run_async`` a coroutine. Success or failure comes back on the GUI thread (the asyncio loop
runs there); a newer request under the same key cancels the older one, whose late result is
dropped. ``state(key)`` is ``Loading | Ready | Error`` for a view to draw.

With no running loop (the first paint happens before asyncio is even imported; view tests run
without qasync) the work runs at once on the calling thread and is delivered before ``run``
returns: the same code then behaves synchronously.

Before the database goes away, ``shutdown`` (the window calls it for all of its operations)
cancels what is queued and waits for the calls still running in workers.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Awaitable, Callable, Hashable
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from app.core.tasks import loop_running, run_blocking

if TYPE_CHECKING:
    import asyncio

log = logging.getLogger(__name__)

T = TypeVar("T")

SHUTDOWN_WAIT_S = 10.0


# NamedTuples rather than frozen dataclasses: as immutable and typed, built at import in a fifth
# of the time (this module is on the way to the first paint); views tell them apart by type.
class Loading(NamedTuple):
    """The work is under way, since ``started`` (``time.monotonic()``)."""

    started: float


class Ready(NamedTuple, Generic[T]):
    """The work is done: ``value`` is its result."""

    value: T


class Error(NamedTuple):
    """The work failed: ``error`` says why (the log has the traceback)."""

    error: BaseException

    @property
    def message(self) -> str:
        return str(self.error) or type(self.error).__name__


State = Loading | Ready[Any] | Error


class Cancelled(Exception):
    """A queued call that nobody wants any more (a newer request, or shutdown) was skipped."""


class _Ticket:
    """One blocking call: a worker runs it only if it is still wanted; shutdown waits for it."""

    __slots__ = ("_lock", "cancelled", "done", "running")

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.cancelled = False
        self.running = False
        self.done = threading.Event()

    def call(self, fn: Callable[[], T]) -> T:
        with self._lock:
            if self.cancelled:
                self.done.set()
                raise Cancelled
            self.running = True
        try:
            return fn()
        finally:
            self.done.set()

    def may_run(self) -> bool:
        """A worker runs it now or may still start it."""
        with self._lock:
            return not self.done.is_set() and (self.running or not self.cancelled)

    def cancel(self) -> bool:
        """Mark it unwanted; True when a worker is running it right now."""
        with self._lock:
            self.cancelled = True
            return self.running and not self.done.is_set()


class Operations(QObject):
    """A view's background work, by key. The newest request for a key wins.

    ``on_error`` defaults to logging the failure; views that can say something (a status line,
    an error placeholder) pass their own and still get the traceback logged here.
    """

    def __init__(self, parent: QObject | None = None, name: str = "", *, remember: bool = True) -> None:
        """``remember=False``: a key is forgotten once delivered (no state kept), for many
        one-off keys such as posters or pages whose results the owner keeps itself."""
        super().__init__(parent)
        self.setObjectName(name or "operations")
        self._remember = remember
        self._serial = 0
        self._states: dict[Hashable, State] = {}
        self._tasks: dict[Hashable, asyncio.Future[None]] = {}
        self._tickets: dict[Hashable, _Ticket] = {}  # the latest blocking call per key
        self._live: set[_Ticket] = set()  # every call a worker may still be running
        self._generation: dict[Hashable, int] = {}
        self._closed = False

    # -- asking ---------------------------------------------------------------------------------
    def run(
        self,
        key: Hashable,
        work: Callable[[], T],
        on_ready: Callable[[T], object] | None = None,
        on_error: Callable[[BaseException], object] | None = None,
    ) -> None:
        """Run the blocking ``work`` in a worker; ``on_ready(result)`` on the GUI thread."""
        self._start(key, work, None, on_ready, on_error)

    def run_async(
        self,
        key: Hashable,
        work: Callable[[], Awaitable[T]],
        on_ready: Callable[[T], object] | None = None,
        on_error: Callable[[BaseException], object] | None = None,
    ) -> None:
        """Run the coroutine ``work()`` on the loop; ``on_ready(result)`` when it returns."""
        self._start(key, None, work, on_ready, on_error)

    def cancel(self, key: Hashable) -> None:
        """Forget the request under ``key``: its result, if it still comes, is dropped."""
        self._generation.pop(key, None)
        self._drop(key)
        self._states.pop(key, None)

    def cancel_all(self) -> None:
        for key in list(self._generation):
            self.cancel(key)

    def state(self, key: Hashable) -> State | None:
        """``Loading``, ``Ready`` or ``Error`` for the latest request under ``key`` (None: never asked)."""
        return self._states.get(key)

    async def settled(self, key: Hashable | None = None) -> None:
        """Wait until the request under ``key`` (every request without one) has been delivered."""
        import asyncio

        while True:
            tasks = [t for k, t in self._tasks.items() if (key is None or k == key) and not t.done()]
            if not tasks:
                return
            await asyncio.gather(*tasks, return_exceptions=True)

    def busy(self, key: Hashable | None = None) -> bool:
        """Whether the request under ``key`` (any request without one) is still under way."""
        if key is not None:
            return isinstance(self._states.get(key), Loading)
        return any(isinstance(s, Loading) for s in self._states.values())

    def shutdown(self, wait_s: float = SHUTDOWN_WAIT_S) -> bool:
        """No more results; queued calls are skipped and running ones waited for (up to
        ``wait_s``). True when nothing of ours still runs in a worker (call again to wait more)."""
        self._closed = True
        self.cancel_all()
        running = [t for t in self._live if t.cancel()]
        deadline = time.monotonic() + wait_s
        finished = all(t.done.wait(max(0.0, deadline - time.monotonic())) for t in running)
        self._live = {t for t in self._live if t.may_run()}
        return finished

    # -- running --------------------------------------------------------------------------------
    def _start(
        self,
        key: Hashable,
        blocking: Callable[[], T] | None,
        coroutine: Callable[[], Awaitable[T]] | None,
        on_ready: Callable[[T], object] | None,
        on_error: Callable[[BaseException], object] | None,
    ) -> None:
        if self._closed:
            return
        self._serial += 1
        generation = self._serial
        self._generation[key] = generation
        self._drop(key)
        self._states[key] = Loading(time.monotonic())
        if not loop_running():
            self._inline(key, generation, blocking, coroutine, on_ready, on_error)
            return
        import asyncio

        if blocking is not None:
            ticket = _Ticket()
            self._tickets[key] = ticket
            if len(self._live) > 64:
                self._live = {t for t in self._live if t.may_run()}
            self._live.add(ticket)
            task = asyncio.ensure_future(
                self._blocking(key, generation, ticket, blocking, on_ready, on_error)
            )
        else:
            assert coroutine is not None
            task = asyncio.ensure_future(self._awaiting(key, generation, coroutine, on_ready, on_error))
        self._tasks[key] = task

    def _inline(
        self,
        key: Hashable,
        generation: int,
        blocking: Callable[[], T] | None,
        coroutine: Callable[[], Awaitable[T]] | None,
        on_ready: Callable[[T], object] | None,
        on_error: Callable[[BaseException], object] | None,
    ) -> None:
        try:
            if blocking is not None:
                value = blocking()
            else:
                assert coroutine is not None
                import asyncio

                async def to_the_end() -> T:
                    return await coroutine()

                value = asyncio.run(to_the_end())  # no loop here: one of its own, to the end
        except Exception as exc:
            self._failed(key, generation, exc, on_error)
            return
        self._ready(key, generation, value, on_ready)

    async def _blocking(
        self,
        key: Hashable,
        generation: int,
        ticket: _Ticket,
        work: Callable[[], T],
        on_ready: Callable[[T], object] | None,
        on_error: Callable[[BaseException], object] | None,
    ) -> None:
        import asyncio

        try:
            value = await run_blocking(ticket.call, work)
        except (asyncio.CancelledError, Cancelled):
            return
        except Exception as exc:
            self._failed(key, generation, exc, on_error)
            return
        finally:
            if self._tickets.get(key) is ticket:
                del self._tickets[key]
            if ticket.done.is_set():
                self._live.discard(ticket)
        self._ready(key, generation, value, on_ready)

    async def _awaiting(
        self,
        key: Hashable,
        generation: int,
        work: Callable[[], Awaitable[T]],
        on_ready: Callable[[T], object] | None,
        on_error: Callable[[BaseException], object] | None,
    ) -> None:
        import asyncio

        try:
            value = await work()
        except asyncio.CancelledError:
            return
        except Exception as exc:
            self._failed(key, generation, exc, on_error)
            return
        self._ready(key, generation, value, on_ready)

    def _current(self, key: Hashable, generation: int) -> bool:
        return not self._closed and self._generation.get(key) == generation

    def _ready(
        self, key: Hashable, generation: int, value: T, on_ready: Callable[[T], object] | None
    ) -> None:
        if not self._current(key, generation):
            return
        self._tasks.pop(key, None)
        self._settle(key, Ready(value))
        if on_ready is not None:
            try:
                on_ready(value)
            except Exception:
                log.exception("%s: showing the result of %r failed", self.objectName(), key)

    def _failed(
        self,
        key: Hashable,
        generation: int,
        exc: BaseException,
        on_error: Callable[[BaseException], object] | None,
    ) -> None:
        if not self._current(key, generation):
            return
        self._tasks.pop(key, None)
        self._settle(key, Error(exc))
        if on_error is None:
            log.error("%s: %r failed", self.objectName(), key, exc_info=exc)
            self._say(exc)  # not only in the log: the window says it (issue 18)
            return
        log.warning("%s: %r failed: %s", self.objectName(), key, exc, exc_info=exc)
        try:
            on_error(exc)
        except Exception:
            log.exception("%s: showing the failure of %r failed", self.objectName(), key)

    def _say(self, exc: BaseException) -> None:
        """A failure nobody handles is said by the window that owns this view (``say_failure``)."""
        holder = self.parent()
        while holder is not None and not isinstance(holder, QWidget):
            holder = holder.parent()
        window = holder.window() if isinstance(holder, QWidget) else None
        say = getattr(window, "say_failure", None)
        if callable(say):
            say(str(exc) or type(exc).__name__)

    def _settle(self, key: Hashable, state: State) -> None:
        if self._remember:
            self._states[key] = state
        else:
            self._states.pop(key, None)
            self._generation.pop(key, None)

    def _drop(self, key: Hashable) -> None:
        task = self._tasks.pop(key, None)
        if task is not None and not task.done():
            task.cancel()
            if task.get_loop().is_closed():
                # its loop is gone (a view asked while a test's loop or the app's was closing):
                # nothing will ever step it, so it is not "destroyed while pending" by mistake
                task._log_destroy_pending = False  # type: ignore[attr-defined]
        ticket = self._tickets.pop(key, None)
        if ticket is not None:
            ticket.cancel()


def shutdown_all(root: QObject, wait_s: float = SHUTDOWN_WAIT_S) -> bool:
    """``shutdown`` every ``Operations`` under ``root`` (a window and its pages); True when
    none of their calls still runs in a worker after ``wait_s``."""
    everything = list(root.findChildren(Operations))
    if isinstance(root, Operations):
        everything.append(root)
    deadline = time.monotonic() + wait_s
    finished = True
    for ops in everything:
        finished = ops.shutdown(max(0.0, deadline - time.monotonic())) and finished
    return finished
