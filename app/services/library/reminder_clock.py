"""The reminders' clock on the app's loop: what is due is published as ReminderDidFire, and after
each background refresh the new airings of watchlisted titles (asyncio loads with it, after the
first paint: the window installs it once the loop runs)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from app.core.tasks import run_blocking
from app.services.context import AppContext
from app.services.library.reminders import (
    CHECK_EVERY_S,
    DueReminder,
    ReminderDidFire,
    ReminderService,
    WatchlistDidGetAirings,
)

log = logging.getLogger(__name__)


class ReminderClock:
    """Checks the reminders on the loop (the reading runs in a worker) and publishes what is due;
    after each background refresh, announces new airings of watchlisted titles."""

    def __init__(self, ctx: AppContext, service: ReminderService | None = None) -> None:
        self._s = ctx
        self.service = service or ReminderService(ctx)
        self._task: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()
        self._unsubscribe: Callable[[], None] | None = None

    def start(self, refresh_event: type | None = None) -> None:
        """Start checking; ``refresh_event``: the refresh flow's finish event to follow."""
        if self._task is None:
            self._task = asyncio.ensure_future(self._run())
        if refresh_event is not None and self._unsubscribe is None:
            self._unsubscribe = self._s.bus.subscribe(refresh_event, self._on_refresh)

    def poke(self) -> None:
        """Check again now (a reminder was added)."""
        self._wake.set()

    def _on_refresh(self, _event: object) -> None:
        self.after_refresh()

    def after_refresh(self) -> asyncio.Task[None]:
        return asyncio.ensure_future(self._announce())

    async def _announce(self) -> None:
        try:
            fresh = await run_blocking(self.service.new_watchlist_airings)
        except Exception:
            log.exception("looking for new airings of watchlisted titles failed")
            return
        if fresh:
            self._s.bus.publish(WatchlistDidGetAirings(tuple(fresh)))

    async def check(self) -> list[DueReminder]:
        due: list[DueReminder] = await run_blocking(self.service.due)
        if due:
            self._s.bus.publish(ReminderDidFire(tuple(due)))
        return due

    async def _run(self) -> None:
        while True:
            wait = CHECK_EVERY_S
            try:
                await self.check()
                wait = await run_blocking(self.service.next_check_in)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("checking reminders failed")
            self._wake.clear()
            try:
                await asyncio.wait_for(self._wake.wait(), timeout=wait)
            except TimeoutError:
                pass

    async def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            try:
                await task
            except asyncio.CancelledError:
                pass
