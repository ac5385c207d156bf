"""Live TV in the player: what a channel plays (live, then its backup URLs), the archive from any
moment inside the channel's catch-up window (timeshift: pause and seek back, "Go live"), the
channel before and after (channel up/down), and what is on now and next.

Blocking reads (the channel list, now/next): call them off the GUI thread. Opening them is the
playback session's job: these functions only say what to open.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from app.domain.models import SourceKind
from app.domain.streams import StreamCandidate
from app.domain.tv import ARCHIVE, LIVE, TV_PROVIDER_ID, NowNext, TvChannel
from app.services.context import AppContext
from app.services.guide.channels import ChannelGuide
from app.services.sources import iptv
from app.services.sources.resolve import Playable, way_playable


def channel_of(playable: Playable | None) -> str | None:
    """The channel a TV playable plays (None for anything else)."""
    if playable is None or playable.origin is None:
        return None
    found = playable.origin.extra.get("channel_id")
    return str(found) if found else None


def window_s(ctx: AppContext, channel: TvChannel) -> int:
    """How far back the channel's archive reaches, in seconds (0 without usable catch-up)."""
    if not iptv.template_ok(ctx, channel):
        return 0
    days = channel.catchup_days if channel.catchup_days is not None else ctx.settings.catchup_default_days
    return max(0, days) * 86400


def _candidate(
    channel: TvChannel, backup: int, url: str, way: str, start: datetime | None, stop: datetime | None
) -> StreamCandidate:
    return StreamCandidate(
        provider_id=TV_PROVIDER_ID,
        kind=SourceKind.IPTV_LIVE if way == LIVE else SourceKind.IPTV_CATCHUP,
        url=url,
        label=channel.name if backup == 0 else f"{channel.name} ({backup + 1})",
        headers=dict(channel.headers),
        start=start,
        stop=stop,
        channel=channel.name,
        playable_now=True,
        extra={"way": way, "channel_id": channel.id, "backup": backup},
    )


def live_playables(channel: TvChannel) -> list[Playable]:
    """The channel live, then each backup URL (the failover order, with a message each time)."""
    out = []
    for n, ch in enumerate((channel, *channel.backups)):
        if ch.stream_url:
            c = _candidate(channel if n == 0 else ch, n, ch.stream_url.split("|")[0], LIVE, None, None)
            out.append(way_playable(c, item_key=f"channel:{channel.id}", label=channel.name, title_id=None))
    return out


def archive_playables(
    ctx: AppContext,
    channel: TvChannel,
    start: int,
    stop: int | None = None,
    *,
    label: str = "",
    title_id: str | None = None,
    padded: bool = True,
) -> list[Playable]:
    """The channel's archive from ``start`` (an airing, padded; or a moment, as it is), each
    backup's after it. Empty when the channel keeps no archive of that moment."""
    tv = iptv.provider(ctx)
    out = []
    item_key = title_id or f"airing:{channel.id}:{start}"
    for n, ch in enumerate((channel, *channel.backups)):
        found = tv.archive(ch, start=start, stop=stop, padded=padded)
        if found.url is None:
            continue
        when = datetime.fromtimestamp(start, UTC)
        c = _candidate(channel if n == 0 else ch, n, found.url, ARCHIVE, when,
                       datetime.fromtimestamp(stop, UTC) if stop else None)  # fmt: skip
        out.append(way_playable(c, item_key=item_key, label=label or channel.name, title_id=title_id))
    return out


class LiveTv:
    """The channel list as the player walks it (channel up/down) and the timeshift on it."""

    def __init__(self, ctx: AppContext) -> None:
        self._s = ctx
        self.guide = ChannelGuide(ctx)
        self.channels: list[TvChannel] = []

    def load(self) -> list[TvChannel]:
        """Read the channel list (blocking)."""
        self.channels = self.guide.channels()
        return self.channels

    def channel(self, channel_id: str) -> TvChannel | None:
        found = next((c for c in self.channels if c.id == channel_id), None)
        return found if found is not None else self.guide.channel(channel_id)

    def neighbour(self, channel_id: str, delta: int) -> TvChannel | None:
        """The channel ``delta`` places after (before, when negative) ``channel_id``, wrapping."""
        if not self.channels:
            return None
        index = next((i for i, c in enumerate(self.channels) if c.id == channel_id), -1)
        if index < 0:
            return self.channels[0]
        return self.channels[(index + delta) % len(self.channels)]

    def now_next(self, channel: TvChannel) -> NowNext:
        return self.guide.now_next([channel])[0]

    def timeshift(self, channel: TvChannel, behind_s: int) -> list[Playable]:
        """The channel ``behind_s`` seconds behind live, from its archive (empty: not possible)."""
        if behind_s <= 0:
            return live_playables(channel)
        moment = int(self._s.clock.now().timestamp()) - behind_s
        playables = archive_playables(self._s, channel, moment, padded=False, label=channel.name)
        return [replace(p, label=p.label.replace("Archive", "Timeshift", 1)) for p in playables]
