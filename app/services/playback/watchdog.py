"""The playback watchdog: no first frame in time, or a picture that stops moving, is a failure."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass

from app.services.playback.failures import Cause, FailureReason


@dataclass(frozen=True)
class Sample:
    """What the watchdog looks at, read on the loop every step."""

    finished: bool  # ended, failed or stopped: nothing to watch
    paused: bool
    playing: bool
    time_ms: int
    video_started: bool


async def watch(
    first_frame_s: float, stall_s: float, sample: Callable[[], Sample], fail: Callable[[Cause], None]
) -> None:
    """Call ``fail`` once (and return) when the source shows nothing or stalls.

    "Started" is the first picture, or a moving clock for audio-only media. A pause is not a
    stall; buffering that never ends is.
    """
    opened = time.monotonic()
    last_time, last_move = -1, opened
    started = False
    step = min(0.25, first_frame_s / 4, stall_s / 4)
    while True:
        await asyncio.sleep(step)
        now = time.monotonic()
        s = sample()
        if s.finished:
            return
        moved = s.time_ms != last_time
        if moved or s.paused:
            last_time, last_move = s.time_ms, now
        started = started or s.video_started or (s.playing and s.time_ms > 0 and moved)
        if not started:
            if not s.paused and now - opened > first_frame_s:
                fail(Cause(FailureReason.NO_PICTURE, first_frame_s))
                return
            continue
        if not s.paused and now - last_move > stall_s:
            fail(Cause(FailureReason.STALLED, stall_s))
            return
