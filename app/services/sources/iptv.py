"""The IPTV stream source as the app runs it: its airings reader (the seam to storage), its
catch-up options from the settings, its place in the provider registry.

The provider (``app.providers.streams.iptv``) reads nothing itself: ``airings_reader`` hands it a
title's airings on channels one can watch (``storage.tv_repo``), and ``catchup_options`` the
padding and time zone of the settings as they are when it asks.
"""

from __future__ import annotations

import logging
from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.core.config import Settings
from app.domain.streams import StreamCandidate
from app.domain.tv import ChannelAiring, TvChannel
from app.providers.streams.iptv import PROVIDER_ID, AiringsReader, CatchupOptions, IptvStreams, archive_url
from app.providers.streams.iptv.catchup import Archive, template_for
from app.services.context import AppContext
from app.storage import tv_repo

log = logging.getLogger(__name__)


def zone(name: str) -> tzinfo | None:
    """The catch-up zone setting: an IANA name, or None (this computer's zone) when empty or unknown."""
    if not name.strip():
        return None
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        log.warning("catchup_timezone %r is not a known time zone: using this computer's", name)
        return None


def catchup_options(settings: Settings) -> CatchupOptions:
    return CatchupOptions(
        pad_before_s=settings.catchup_pad_before_min * 60,
        pad_after_s=settings.catchup_pad_after_min * 60,
        zone=zone(settings.catchup_timezone),
        default_days=settings.catchup_default_days,
    )


def airings_reader(ctx: AppContext) -> AiringsReader:
    def read(title_id: str, since: int) -> list[ChannelAiring]:
        return tv_repo.title_airings(ctx.db, title_id, since)

    return read


def build_provider(ctx: AppContext) -> IptvStreams:
    # the clock and the settings are read when asked: tests and the settings page replace them
    def now() -> datetime:
        return ctx.clock.now()

    return IptvStreams(airings_reader(ctx), now, lambda: catchup_options(ctx.settings))


def provider(ctx: AppContext) -> IptvStreams:
    """The registered IPTV provider (registered here when the composition did not)."""
    found = ctx.providers.get(PROVIDER_ID)
    if isinstance(found, IptvStreams):
        return found
    made = build_provider(ctx)
    ctx.providers.register(made)
    return made


def ways(ctx: AppContext, title_id: str) -> list[StreamCandidate]:
    """Every way to watch ``title_id`` on TV (blocking: call it off the GUI thread)."""
    return provider(ctx).ways(title_id)


def archive_from(
    ctx: AppContext, channel: TvChannel, start: datetime, catchup_id: str | None = None
) -> Archive:
    """The archive of ``channel`` from the moment ``start`` on (the player's timeshift): no padding."""
    now = int(ctx.clock.now().timestamp())
    return archive_url(
        channel,
        start=int(start.timestamp()),
        stop=now,
        now=now,
        options=catchup_options(ctx.settings),
        catchup_id=catchup_id,
        padded=False,
    )


def template_ok(channel: TvChannel) -> bool:
    """Whether the channel has an archive template we can fill (a known mode and placeholders)."""
    return template_for(channel).url is not None
