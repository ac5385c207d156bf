"""The channel guide: channels one can watch with what is on now and next, timeline cells,
favourites. Blocking reads (call them off the GUI thread); the TV page, the player's channel
up/down and ``cinema channels`` use it."""

from __future__ import annotations

from collections.abc import Sequence

from app.core.events import LibraryDidChange
from app.domain.tv import GuideCell, NowNext, TvChannel
from app.services.context import AppContext
from app.storage import tv_repo


class ChannelGuide:
    def __init__(self, ctx: AppContext) -> None:
        self._s = ctx

    def _now(self) -> int:
        return int(self._s.clock.now().timestamp())

    def channels(self, limit: int | None = None) -> list[TvChannel]:
        """Every channel with a stream, in playlist order (repeats folded in as backups);
        ``limit``: the first ones only (what the first screen shows)."""
        return tv_repo.playlist_channels(self._s.db, self._s.profile_id, limit)

    def now_next(self, channels: Sequence[TvChannel], at: int | None = None) -> list[NowNext]:
        at = self._now() if at is None else at
        guide_ids = [c.guide_channel_id for c in channels if c.guide_channel_id]
        found = tv_repo.now_next(self._s.db, guide_ids, at)
        out = []
        for c in channels:
            current, upcoming = found.get(c.guide_channel_id or "", (None, None))
            out.append(NowNext(channel=c, now=current, next=upcoming))
        return out

    def channels_now(self) -> list[NowNext]:
        return self.now_next(self.channels())

    def cells(self, channels: Sequence[TvChannel], t0: int, t1: int) -> list[list[GuideCell]]:
        """The programmes of each channel overlapping ``[t0, t1)``, in the channels' order."""
        guide_ids = [c.guide_channel_id for c in channels if c.guide_channel_id]
        found = tv_repo.cells(self._s.db, guide_ids, t0, t1)
        return [found.get(c.guide_channel_id or "", []) for c in channels]

    def time_range(self, channels: Sequence[TvChannel]) -> tuple[int, int] | None:
        """The first and last moment the guide covers for these channels."""
        return tv_repo.guide_range(self._s.db, [c.guide_channel_id for c in channels if c.guide_channel_id])

    def set_favourite(self, channel_id: str, on: bool) -> None:
        tv_repo.set_favourite(self._s.db, self._s.profile_id, channel_id, on, self._now())
        self._s.bus.publish(LibraryDidChange("favourite_channels"))

    def channel(self, channel_id: str) -> TvChannel | None:
        """One channel by id (a backup's id finds its first entry)."""
        for c in self.channels():
            if c.id == channel_id or any(b.id == channel_id for b in c.backups):
                return c
        return None
