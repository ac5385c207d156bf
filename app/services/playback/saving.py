"""Where the user stopped: a session's progress and history entry, saved now and every interval.

Writes go through ``LibraryService`` (queued, never lost, while another process holds the
database). A session counts as one view however many sources it tried.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from app.domain.models import MediaRequest
from app.services.library.progress import LibraryService

log = logging.getLogger(__name__)


class ProgressSaver:
    """One playback session's progress and history entry."""

    def __init__(self, library: LibraryService, watched_fraction: Callable[[], float]) -> None:
        """``watched_fraction()``: how far in an item counts as watched (the setting, read each save)."""
        self._library = library
        self._watched_fraction = watched_fraction
        self._request: MediaRequest | None = None
        self._history_id: int | None = None
        self._view_counted = False
        self._task: asyncio.Task[None] | None = None

    def begin(self, request: MediaRequest) -> None:
        """A new session. Its history entry starts once it plays (``started``): a source that
        never played is not something the user watched (issue 18)."""
        self._request = request
        self._view_counted = False
        self._history_id = None

    def started(self) -> None:
        """It plays: the session's history entry starts now (once)."""
        request = self._request
        if request is not None and self._history_id is None:
            self._history_id = self._library.start_history(
                request.item_key, request.title_id, request.label, request.location
            )

    def every(self, interval_s: float, due: Callable[[], bool], save: Callable[[], None]) -> None:
        """Call ``save`` every ``interval_s`` while ``due()`` (playing or opening)."""
        self.stop_timer()

        async def run() -> None:
            while True:
                await asyncio.sleep(interval_s)
                if due():
                    save()

        self._task = asyncio.ensure_future(run())

    def stop_timer(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = None

    def save(self, request: MediaRequest, position: int, length: int | None, ended: bool = False) -> None:
        """Write ``position`` (and the history entry); watched once near the end or ended."""
        watched: bool | None = None
        if length:
            fraction_left = (length - position) / length
            if ended or position >= length * self._watched_fraction() or fraction_left <= 0.05:
                watched = True
        if ended and length:
            position = length
        count = not self._view_counted and (position > 0 or ended)
        if position > 0:
            self.started()  # played (a PLAYING event may have gone unseen)
        try:
            self._library.save_progress(
                request.item_key,
                position,
                length,
                title_id=request.title_id,
                watched=watched,
                count_view=count,
            )
            if count:
                self._view_counted = True
            if self._history_id is not None:
                self._library.update_history(self._history_id, position, length, ended=ended)
        except Exception:
            log.exception("saving progress failed")

    def end(self, position: int, length: int | None) -> None:
        """The session is over: its history entry gets its end."""
        self.stop_timer()
        if self._history_id is not None:
            self._library.update_history(self._history_id, position, length, ended=True)
        self._history_id = None
        self._request = None
