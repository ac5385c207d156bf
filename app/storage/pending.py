"""Small writes that met another process's write lock: kept in order and retried, never dropped.

A progress save from the player must neither wait (the GUI thread saves) nor be lost while a
CLI refresh in another process holds the database. ``submit`` tries once with a short wait;
if the database is busy the write is queued, retried in order before the next one, by a
background thread every second, and at ``close`` (exit) with the full busy timeout.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.domain.errors import DatabaseBusy

if TYPE_CHECKING:
    from app.storage.db import Database

log = logging.getLogger(__name__)

# The first try waits this long for the lock: long enough for another process's short write,
# short enough not to stall the caller (a save on the GUI thread).
FIRST_TRY_MS = 50
RETRY_EVERY_S = 1.0
# Progress saves every 5 s for a day are ~17,000: beyond this the oldest go first.
LIMIT = 20_000

Write = tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]


class PendingWrites:
    def __init__(self, db: Database, *, first_try_ms: int = FIRST_TRY_MS) -> None:
        self._db = db
        self._first_try_ms = first_try_ms
        self._queue: deque[Write] = deque(maxlen=LIMIT)
        self._lock = threading.Lock()
        self._retrier: threading.Thread | None = None
        self._closed = threading.Event()
        self._provisional: dict[int, list[int]] = {}

    def __len__(self) -> int:
        return len(self._queue)

    def submit(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
        """Write now (after anything queued before) or queue it; True when it is in the database."""
        with self._lock:
            self._queue.append((fn, args, kwargs))
            written = self._drain(self._first_try_ms)
        if not written:
            self._start_retrier()
        return written

    def provisional(self, written: list[int]) -> int:
        """A negative id standing for a row whose queued insert will append its id to ``written``."""
        with self._lock:
            key = -(len(self._provisional) + 1)
            self._provisional[key] = written
            return key

    def resolve(self, entry_id: int) -> int | None:
        """The real id of ``entry_id`` (itself unless provisional); None while not yet written."""
        if entry_id >= 0:
            return entry_id
        written = self._provisional.get(entry_id)
        return written[0] if written else None

    def flush(self, wait_ms: int | None = None) -> bool:
        """Write what is queued, each write waiting up to ``wait_ms`` for the lock; True when empty."""
        with self._lock:
            return self._drain(self._db.busy_timeout_ms if wait_ms is None else wait_ms)

    def close(self) -> None:
        """At exit: one last flush with the full busy timeout; what still fails is logged."""
        self._closed.set()
        if self._retrier is not None and self._retrier is not threading.current_thread():
            self._retrier.join(timeout=5)
        if not self.flush():
            log.error(
                "%d saves could not be written: %s stayed busy (another process held it)",
                len(self._queue),
                self._db.path,
            )

    def _drain(self, wait_ms: int) -> bool:
        if not self._queue:
            return True
        with self._db.busy_wait(wait_ms):
            while self._queue:
                fn, args, kwargs = self._queue[0]
                try:
                    fn(*args, **kwargs)
                except DatabaseBusy:
                    if len(self._queue) == 1:
                        log.warning("database busy: a save is queued and will be retried")
                    return False
                except BaseException:
                    self._queue.popleft()  # not a lock: retrying cannot help; the caller hears of it
                    raise
                self._queue.popleft()
        return True

    def _start_retrier(self) -> None:
        with self._lock:
            if self._retrier is not None or not self._queue or self._closed.is_set():
                return
            self._retrier = threading.Thread(target=self._retry, name="cinema-pending-writes", daemon=True)
            self._retrier.start()

    def _retry(self) -> None:
        try:
            while not self._closed.wait(RETRY_EVERY_S):
                with self._lock:
                    if self._drain(self._first_try_ms):
                        self._retrier = None  # under the lock: a new queued write starts a new one
                        log.info("queued saves written")
                        return
        finally:
            self._db.release_thread()
