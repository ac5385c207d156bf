"""The live sync: a worker pushes this device's changes and pulls others', a listener wakes it.

Two threads, neither on the GUI's loop. The worker looks at the local outbox every ``poll_s``
(a local query, nothing goes to the server), pushes what waits, and pulls when the listener
heard another device (LISTEN/NOTIFY) or after a reconnect. An idle device sends the server
nothing: the listener's connection waits for notifications and TCP keepalives notice a dead
peer. When the server is away the changes stay in the outbox and the worker retries with a
growing pause (1 s ... 30 s); the state and the last error are announced on the bus
(``SyncDidChange``) and kept in the database for ``cinema sync status``.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from app.core.events import (
    EventBus,
    HistoryDidChange,
    LibraryDidChange,
    PlaylistDidChange,
    ProfilesDidChange,
    ProgressDidChange,
)
from app.domain.errors import StorageError
from app.domain.sync import (
    ServerAddress,
    ServerSchemaOlder,
    ServerUnreachable,
    SyncError,
    SyncState,
    SyncStatus,
)
from app.services.sync.core import SyncCore
from app.services.sync.events import SyncDidChange
from app.storage.db import Database
from app.storage.sync import local
from app.storage.sync.apply import Change
from app.storage.sync.listener import Listener

log = logging.getLogger(__name__)

POLL_S = 0.1  # how often the local outbox is looked at (SQLite, ~20 µs)
LISTEN_WAKE_S = 1.0  # the listener wakes this often to see whether it should stop (no query)
RETRY_MAX_S = 30.0


class SyncEngine:
    """The running sync of one device with one library server."""

    def __init__(
        self,
        db: Database,
        address: ServerAddress,
        bus: EventBus | None = None,
        *,
        device_name: str | None = None,
        password: Callable[[], str | None] | None = None,
        poll_s: float = POLL_S,
        retry_max_s: float = RETRY_MAX_S,
    ) -> None:
        self.db = db
        self.address = address
        self.bus = bus
        self.device_name = device_name
        self._password = password
        self.poll_s = poll_s
        self.retry_max_s = retry_max_s
        self.core: SyncCore | None = None
        self._state = SyncState.CONNECTING
        self._error: str | None = None
        self._last_sync_at: float | None = None
        self._upgrade = False
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._pull = threading.Event()
        self._idle = threading.Event()
        self._connected = False
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self.listener: Listener | None = None

    # -- control -----------------------------------------------------------------------------
    def start(self) -> None:
        if self._threads:
            return
        self._stop.clear()
        for name, target in (("cinema-sync", self._work), ("cinema-sync-listen", self._listen)):
            thread = threading.Thread(target=target, name=name, daemon=True)
            self._threads.append(thread)
            thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop both threads (a push under way finishes or fails first); the outbox keeps the rest."""
        self._stop.set()
        self._wake.set()
        for thread in self._threads:
            thread.join(timeout)
        self._threads = []
        if self.core is not None:
            self.core.close()
        if self.listener is not None:
            self.listener.close()

    def sync_now(self) -> None:
        """Push and pull at once (a retry wait is cut short)."""
        self._pull.set()
        self._wake.set()

    def allow_upgrade(self) -> None:
        """The user agreed to upgrade the server's older schema."""
        self._upgrade = True
        self.sync_now()

    @property
    def running(self) -> bool:
        return bool(self._threads)

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Until connected, nothing waits in the outbox and no pull is due (tests, benchmarks)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            settled = self._connected and self._idle.is_set() and not self._pull.is_set()
            if settled and local.outbox_info(self.db)[0] == 0:
                return True
            self._wake.set()
            time.sleep(0.02)
        return False

    # -- what it says ------------------------------------------------------------------------
    def status(self) -> SyncStatus:
        size, oldest = local.outbox_info(self.db)
        lag = 0.0 if oldest is None else max(0.0, time.time() - oldest / 1000)
        return SyncStatus(
            state=self._state,
            server=self.address.display,
            outbox_size=size,
            lag=lag,
            last_error=self._error,
            last_sync_at=self._last_sync_at,
            device=self.core.device if self.core else None,
        )

    def _set(
        self, state: SyncState, error: str | None = None, *, keep_error: bool = False, force: bool = False
    ) -> None:
        with self._lock:
            changed = state != self._state or (not keep_error and error != self._error)
            self._state = state
            if not keep_error:
                self._error = error
        if changed:
            if error:
                log.warning("library sync: %s (%s)", state.value, error)
            try:
                local.set_state(self.db, last_error=self._error)
            except StorageError:
                pass  # kept in memory; the status still says it
        if changed or force:
            self._announce()

    def _announce(self) -> None:
        if self.bus is not None:
            try:
                self.bus.publish(SyncDidChange(self.status()))
            except StorageError:
                pass

    # -- the worker --------------------------------------------------------------------------
    def _work(self) -> None:
        backoff = 1.0
        try:
            while not self._stop.is_set():
                if not self._connected:
                    wait = self._connect()
                    if wait:
                        self._sleep(backoff if wait < 0 else wait)
                        backoff = min(self.retry_max_s, backoff * 2) if wait < 0 else backoff
                        continue
                    backoff = 1.0
                try:
                    exchanged = False
                    if self._pull.is_set():
                        self._pull.clear()
                        self._pulled(self._core().pull().applied)
                        exchanged = True
                    if local.outbox_head(self.db) is not None:
                        self._set(SyncState.SENDING, keep_error=True)
                        self._core().push()
                        exchanged = True
                    if exchanged:
                        self._last_sync_at = time.time()
                    if exchanged or self._state != SyncState.SYNCED:
                        refused = self._core().rejected  # rows the server would not take stay here
                        self._set(SyncState.SYNCED, refused[-1] if refused else None, force=exchanged)
                except SyncError as exc:
                    self._lost(exc)
                    continue
                except StorageError as exc:  # another process holds this device's database
                    log.info("library sync waits for the local database: %s", exc)
                    self._sleep(1.0)
                    continue
                self._idle.set()
                self._wake.wait(self.poll_s)
                self._wake.clear()
                self._idle.clear()
        except Exception:
            log.exception("library sync stopped on an unexpected error")
            self._set(SyncState.ERROR, "The sync stopped on an unexpected error (see the log).")
        finally:
            self.db.release_thread()

    def _core(self) -> SyncCore:
        assert self.core is not None
        return self.core

    def _connect(self) -> float:
        """0 when connected; else how long to wait (-1: the growing retry pause)."""
        self._set(SyncState.CONNECTING if self._state == SyncState.OFF else self._state, keep_error=True)
        try:
            if self.core is None:
                address = self.address
                if address.password is None and self._password is not None:
                    address = address.with_password(self._password())
                self.core = SyncCore(self.db, address, device_name=self.device_name)
            self.core.connect(upgrade=self._upgrade)
        except ServerSchemaOlder as exc:
            self._set(SyncState.NEEDS_UPGRADE, str(exc))
            return self.retry_max_s
        except ServerUnreachable as exc:
            self._drop_core()
            self._set(SyncState.OFFLINE, str(exc))
            return -1
        except SyncError as exc:  # refused, newer schema: the user must act; tried again slowly
            self._drop_core()
            self._set(SyncState.ERROR, str(exc))
            return self.retry_max_s
        except StorageError as exc:
            self._set(self._state, str(exc))
            return 1.0
        self._connected = True
        self._pull.set()  # the loop pulls and pushes next, then says "synced"
        return 0

    def _drop_core(self) -> None:
        if self.core is not None:
            self.core.close()
            self.core = None

    def _lost(self, exc: SyncError) -> None:
        self._connected = False
        if self.core is not None and self.core.server is not None:
            self.core.server.dispose()  # its pooled connections died with the server or network
        self._set(SyncState.OFFLINE if isinstance(exc, ServerUnreachable) else SyncState.ERROR, str(exc))

    def _sleep(self, seconds: float) -> None:
        """Wait before retrying; meanwhile a change made here is announced within a second (the
        tray and Settings count what waits; a local query, the server is not asked)."""
        end = time.monotonic() + seconds
        size = self._waiting()
        while not self._stop.is_set():
            left = end - time.monotonic()
            if left <= 0 or self._wake.wait(min(1.0, left)):
                break
            now_size = self._waiting()
            if now_size != size:
                size = now_size
                self._announce()
        self._wake.clear()

    def _waiting(self) -> int | None:
        try:
            return local.outbox_info(self.db)[0]
        except StorageError:  # another process writes: counted next time
            return None

    def _pulled(self, applied: list[Change]) -> None:
        if not applied or self.bus is None:
            return
        bus = self.bus
        for change in applied:
            data = change.data or {}
            if change.entity == "progress" and change.op == "put":
                bus.publish(
                    ProgressDidChange(
                        str(data.get("item_key")), int(data.get("position_ms") or 0), data.get("duration_ms")
                    )
                )
            elif change.entity == "history":
                bus.publish(HistoryDidChange(str(data.get("item_key") or "")))
            elif change.entity == "profiles" and change.op == "put":
                found = local.local_id(self.db, "profiles", str(data.get("uid")))
                bus.publish(ProfilesDidChange(found or 0))
            elif change.entity in ("playlists", "playlist_items"):
                uid = data.get("playlist") if change.entity == "playlist_items" else data.get("uid")
                found = local.local_id(self.db, "playlists", str(uid)) if uid else None
                bus.publish(PlaylistDidChange(found or 0))
        bus.publish(LibraryDidChange("sync"))

    # -- the listener ------------------------------------------------------------------------
    def _listen(self) -> None:
        backoff = 1.0
        while not self._stop.is_set():
            if not self._connected or self.core is None:
                self._stop.wait(0.2)
                continue
            listener = self.listener
            if listener is None or not listener.connected:
                listener = self.listener = Listener(self.core.address)
                try:
                    listener.open()
                except SyncError as exc:
                    self._lost(exc)
                    self._stop.wait(backoff)
                    backoff = min(self.retry_max_s, backoff * 2)
                    continue
                backoff = 1.0
                self.sync_now()  # what others did while nobody listened
            try:
                payloads = listener.wait(LISTEN_WAKE_S)
            except SyncError as exc:
                self._lost(exc)
                continue
            device = self.core.device if self.core is not None else None
            if any(p != device for p in payloads):
                self.sync_now()
        if self.listener is not None:
            self.listener.close()


class BrokenSync:
    """A library server setting that cannot be used: the status says why, nothing runs."""

    def __init__(self, url: str, error: str) -> None:
        self._url = url
        self._error = error

    def start(self) -> None:
        log.warning("library sync off: %s", self._error)

    def stop(self, timeout: float = 0.0) -> None:
        pass

    def sync_now(self) -> None:
        pass

    def status(self) -> SyncStatus:
        return SyncStatus(SyncState.ERROR, None, 0, None, self._error, None)
