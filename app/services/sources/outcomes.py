"""Every playback's outcome, recorded per source and provider: a listener on the player session.

The session (``services.playback``) tells its listeners which source it opens (``SOURCE``),
when the picture starts (``VIDEO_STARTED``), when it gives a source up (``FAILOVER``) and when
none is left (``ERROR``). The recorder turns those into outcomes (time to first frame, stalls,
the error) and hands them to ``health.record_playback`` in a worker.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

from app.core.tasks import run_blocking
from app.engines.playback.base import PlayerEvent
from app.services.context import AppContext
from app.services.sources.health import record_playback
from app.services.sources.resolve import Playable

log = logging.getLogger(__name__)


class OutcomeRecorder:
    """A player listener. ``current()`` is the session's source being played (its ``current``)."""

    def __init__(self, context: AppContext, current: Callable[[], Playable | None]) -> None:
        self._c = context
        self._current = current
        self._source: Playable | None = None
        self._opened_at = 0.0
        self._started = False
        self._pending: set[asyncio.Future[Any]] = set()

    def __call__(self, event: PlayerEvent, value: Any) -> None:
        if event is PlayerEvent.SOURCE:
            self._source = self._current()
            self._opened_at = time.monotonic()
            self._started = False
        elif event is PlayerEvent.VIDEO_STARTED and self._source is not None and not self._started:
            self._started = True
            took = int((time.monotonic() - self._opened_at) * 1000)
            self._record(self._source, ok=True, first_frame_ms=took)
        elif event in (PlayerEvent.FAILOVER, PlayerEvent.ERROR) and self._source is not None:
            stalled = self._started  # it had a picture: it stalled or broke while playing
            self._record(self._source, ok=False, stalls=1 if stalled else 0, error=str(value or "")[:300])
            self._source = None

    def _record(
        self,
        playable: Playable,
        *,
        ok: bool,
        first_frame_ms: int | None = None,
        stalls: int = 0,
        error: str | None = None,
    ) -> None:
        origin = playable.origin
        url = origin.url if origin is not None else playable.request.location
        provider = (origin.provider_id or None) if origin is not None else None

        def write() -> object:
            return record_playback(
                self._c, title_id=playable.request.title_id, url=url, provider_id=provider, ok=ok,
                first_frame_ms=first_frame_ms, stalls=stalls, error=error,
            )  # fmt: skip

        try:
            future = asyncio.ensure_future(run_blocking(write))
        except RuntimeError:  # no loop (a synchronous caller): write now
            write()
            return
        self._pending.add(future)
        future.add_done_callback(self._done)

    def _done(self, future: asyncio.Future[Any]) -> None:
        self._pending.discard(future)
        if not future.cancelled() and future.exception() is not None:
            log.warning("recording a playback outcome failed: %s", future.exception())

    async def flush(self) -> None:
        """Wait for the outcomes still being written (tests, shutdown)."""
        if self._pending:
            await asyncio.gather(*list(self._pending), return_exceptions=True)


def attach(context: AppContext, session: Any) -> OutcomeRecorder:
    """Record the outcomes of ``session`` (a ``PlaybackService``)."""
    recorder = OutcomeRecorder(context, lambda: session.current)
    session.add_listener(recorder)
    return recorder
