"""TV read models: a playlist channel as the player needs it, an airing on it, a guide cell."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import NamedTuple

# The ways a TV candidate plays (``StreamCandidate.extra["way"]``; the title page, the player
# and ``cinema sources`` name them). TV candidates carry ``TV_PROVIDER_ID`` as their provider.
LIVE, FROM_START, ARCHIVE, UPCOMING = "live", "from_start", "archive", "upcoming"
TV_PROVIDER_ID = "iptv"


@dataclass(frozen=True, slots=True, kw_only=True)
class TvChannel:
    """A channel one can watch: its live URL, headers and catch-up settings (CONTRACTS §4).

    ``backups`` are the same channel listed again in the playlist (another URL): the player
    fails over to them in order. ``tvg_shift`` and ``catchup_correction`` are hours.
    """

    id: str  # channels.id: "<source id>:<playlist channel id>"
    name: str
    stream_url: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    logo: str | None = None
    group: str | None = None
    number: int | None = None
    catchup_mode: str | None = None
    catchup_source: str | None = None
    catchup_days: int | None = None
    catchup_correction: float = 0.0
    tvg_shift: float = 0.0
    backups: tuple[TvChannel, ...] = ()
    guide_channel_id: str | None = None  # the channel whose programmes it shows (itself or a linked one)
    favourite: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class ChannelAiring:
    """One airing of a title on a channel one can watch."""

    channel: TvChannel
    start: datetime
    stop: datetime | None
    title: str = ""
    catchup_id: str | None = None
    title_id: str | None = None

    def on_air(self, now: datetime) -> bool:
        return self.start <= now and (self.stop is None or now < self.stop)


class GuideCell(NamedTuple):
    """One programme in the timeline (unix seconds; a tuple: a grid holds thousands)."""

    start: int
    stop: int
    title: str
    kind: str  # film, series, programme ...
    title_id: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class NowNext:
    """What a channel shows now and next (the channel list, the player's overlay)."""

    channel: TvChannel
    now: GuideCell | None = None
    next: GuideCell | None = None


@dataclass(frozen=True, slots=True)
class ChannelName:
    """A channel as the mapping compares it (playlist or guide)."""

    id: str
    guide_id: str
    name: str
    display_names: str | None = None  # JSON list as stored


@dataclass(frozen=True, slots=True)
class CatchupOptions:
    """Padding around the airing (seconds), the zone of date placeholders (None: the machine's)
    and the archive depth of a channel whose playlist names a mode but no days (Kodi: 5)."""

    pad_before_s: int = 60
    pad_after_s: int = 300
    zone: tzinfo | None = None
    default_days: int = 5


@dataclass(frozen=True, slots=True)
class Archive:
    """An archive URL, or why there is none (``url`` None, ``reason`` for the log)."""

    url: str | None
    reason: str | None = None
