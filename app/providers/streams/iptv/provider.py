"""The IPTV stream source: every airing of a title becomes ways to watch (live, archive, later).

On air now: *Live* (the channel's stream, then its backup URLs) and, where the channel has
catch-up, *From the start*. Ended inside the channel's archive days: *Archive*. Later: *Live at
21:00* (not playable now; the title page offers a reminder). The provider does not read the
database: it is given a reader (``AiringsReader``) that returns a title's airings on channels
one can watch, built where the app is composed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from app.core.tasks import run_blocking
from app.domain.models import SourceKind
from app.domain.streams import StreamCandidate, StreamQuery
from app.domain.tv import (
    ARCHIVE,
    FROM_START,
    LIVE,
    TV_PROVIDER_ID,
    UPCOMING,
    Archive,
    CatchupOptions,
    ChannelAiring,
    TvChannel,
)
from app.providers.base import Capability, Manifest
from app.providers.streams.iptv.catchup import archive_url, split_options, template_for

log = logging.getLogger(__name__)

PROVIDER_ID = TV_PROVIDER_ID
# A title's airings from this many seconds back are read (archives rarely keep more).
LOOKBACK_S = 31 * 86400
DEFAULT_LENGTH_S = 2 * 3600  # an airing without a stop time

AiringsReader = Callable[[str, int], Sequence[ChannelAiring]]  # (title id, since unix s)


class IptvStreams:
    """StreamSearch over the user's playlists. ``reader`` may block (call ``streams`` from the
    loop: it reads in a worker; ``ways`` is the blocking form for code already off the loop)."""

    manifest = Manifest(
        id=PROVIDER_ID,
        name="IPTV playlist (live and catch-up)",
        capabilities=frozenset({Capability.STREAM_SEARCH, Capability.TV_CATCHUP}),
    )

    def __init__(
        self,
        reader: AiringsReader,
        clock: Callable[[], datetime],
        options: Callable[[], CatchupOptions] = CatchupOptions,
    ) -> None:
        self._reader = reader
        self._clock = clock
        self._options = options
        self._told: set[tuple[str, str]] = set()

    async def streams(self, query: StreamQuery) -> Sequence[StreamCandidate]:
        return await run_blocking(self.ways, query.title_id)

    def ways(self, title_id: str) -> list[StreamCandidate]:
        """Every way to watch ``title_id`` on TV, airing by airing (blocking)."""
        now = self._clock()
        airings = self._reader(title_id, int(now.timestamp()) - LOOKBACK_S)
        return ways_for_airings(airings, now, self._options(), on_refusal=self._tell)

    def has_archive(self, channel: TvChannel) -> bool:
        """Whether the channel has an archive template we can fill (a known mode and placeholders)."""
        return template_for(channel).url is not None

    def archive(
        self,
        channel: TvChannel,
        *,
        start: int,
        stop: int | None = None,
        padded: bool = True,
        catchup_id: str | None = None,
    ) -> Archive:
        """The archive of ``channel`` from ``start`` to ``stop`` (None: now), or why there is none."""
        now = int(self._clock().timestamp())
        return archive_url(
            channel,
            start=start,
            stop=stop if stop is not None else now,
            now=now,
            options=self._options(),
            catchup_id=catchup_id,
            padded=padded,
        )

    def _tell(self, channel: TvChannel, reason: str) -> None:
        key = (channel.id, reason)
        if key not in self._told:  # once per channel and reason: a title page opens often
            self._told.add(key)
            log.info("no archive on %s: %s", channel.name, reason)


def _ts(moment: datetime) -> int:
    return int(moment.timestamp())


def _dt(ts: int) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


def _live(air: ChannelAiring, channel: TvChannel, n: int, playable: bool) -> StreamCandidate:
    url, _opts = split_options(channel.stream_url or "")
    return StreamCandidate(
        provider_id=PROVIDER_ID,
        kind=SourceKind.IPTV_LIVE,
        url=url,
        label=channel.name if n == 0 else f"{channel.name} ({n + 1})",
        headers=dict(channel.headers),
        start=air.start,
        stop=air.stop,
        channel=channel.name,
        playable_now=playable,
        extra={"way": LIVE if playable else UPCOMING, "channel_id": channel.id, "backup": n},
    )


def ways_for_airings(
    airings: Sequence[ChannelAiring],
    now: datetime,
    options: CatchupOptions,
    on_refusal: Callable[[TvChannel, str], None] | None = None,
) -> list[StreamCandidate]:
    """Candidates airing by airing, in start order; the same channel's backups follow it."""
    now_ts = _ts(now)
    out: list[StreamCandidate] = []
    for air in sorted(airings, key=lambda a: a.start):
        start = _ts(air.start)
        stop = _ts(air.stop) if air.stop is not None else start + DEFAULT_LENGTH_S
        channels = (air.channel, *air.channel.backups)
        on_air = start <= now_ts < stop
        if start > now_ts:
            out.append(_live(air, air.channel, 0, playable=False))
            continue
        if on_air:
            out.extend(_live(air, ch, n, playable=True) for n, ch in enumerate(channels) if ch.stream_url)
        way = FROM_START if on_air else ARCHIVE
        for n, ch in enumerate(channels):
            found = archive_url(
                ch, start=start, stop=stop, now=now_ts, options=options, catchup_id=air.catchup_id
            )
            if found.url is None:
                if on_refusal is not None and found.reason and n == 0:
                    on_refusal(ch, found.reason)
                continue
            out.append(
                StreamCandidate(
                    provider_id=PROVIDER_ID,
                    kind=SourceKind.IPTV_CATCHUP,
                    url=found.url,
                    label=ch.name if n == 0 else f"{ch.name} ({n + 1})",
                    headers=dict(ch.headers),
                    start=air.start,
                    stop=air.stop if air.stop is not None else _dt(stop),
                    channel=ch.name,
                    playable_now=True,
                    duration_s=stop - start,
                    extra={"way": way, "channel_id": ch.id, "backup": n, "mode": ch.catchup_mode},
                )
            )
    return out
