"""Why a source stopped playing, as data: a reason the page translates, never English to re-parse."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class FailureReason(StrEnum):
    NO_PICTURE = "no_picture"  # no first frame within ``seconds``
    STALLED = "stalled"  # the picture stopped moving for ``seconds``
    CANNOT_PLAY = "cannot_play"  # the player reported an error while playing
    NOT_OPENED = "not_opened"  # it ended before a picture: the source could not be opened
    LIVE_ENDED = "live_ended"  # a live channel's stream ended
    ENDED_EARLY = "ended_early"  # it ended far before its known length (``detail``: where)
    NOT_PREPARED = "not_prepared"  # a torrent could not be made playable (``detail`` says why)
    REFUSED = "refused"  # the player refused to open it (``detail`` says why)
    NO_EPISODE_FILE = "no_episode_file"  # the torrent holds no file of the episode (``detail``: S2 E9)


_ENGLISH = {
    FailureReason.NO_PICTURE: "no picture after {seconds:g} s",
    FailureReason.STALLED: "the stream stalled for {seconds:g} s",
    FailureReason.CANNOT_PLAY: "cannot be played",
    FailureReason.NOT_OPENED: "the source could not be played",
    FailureReason.LIVE_ENDED: "the live stream ended",
    FailureReason.ENDED_EARLY: "the stream ended at {detail}",
    FailureReason.NOT_PREPARED: "{detail}",
    FailureReason.REFUSED: "{detail}",
    FailureReason.NO_EPISODE_FILE: "the torrent has no file of {detail}",
}


@dataclass(frozen=True)
class Cause:
    """What went wrong with one source (the watchdog, the player or the torrent engine says it)."""

    reason: FailureReason
    seconds: float | None = None
    detail: str = ""  # another component's own words (a torrent or libvlc error), shown as they are

    def __str__(self) -> str:
        return _ENGLISH[self.reason].format(seconds=self.seconds or 0, detail=self.detail or self.reason)


@dataclass(frozen=True)
class PlaybackFailure:
    """A source failed at ``position_ms``; ``next_source`` is tried next (None: none was left,
    the session ended in an error). ``str()`` is the English line for the log."""

    cause: Cause
    source: str
    position_ms: int
    next_source: str | None = None

    @property
    def reason(self) -> FailureReason:
        return self.cause.reason

    @property
    def final(self) -> bool:
        return self.next_source is None

    def __str__(self) -> str:
        head = f"{self.source}: {self.cause}" if self.source else str(self.cause)
        return head if self.final else f"{head}. Switching to {self.next_source}"
