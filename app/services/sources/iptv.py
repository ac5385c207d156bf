"""The IPTV stream source as the app runs it: its airings reader (the seam to storage), its
catch-up options from the settings, its place in the provider registry.

The TV catch-up provider (found in the registry by its capability, built by
``providers.setup.tv_catchup``) reads nothing itself: ``airings_reader`` hands it a title's
airings on channels one can watch (``storage.tv_repo``), and ``catchup_options`` the padding and
time zone of the settings as they are when it asks.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.core.config import Settings
from app.domain.streams import StreamCandidate
from app.domain.tv import CatchupOptions, ChannelAiring, TvChannel
from app.services.context import AppContext
from app.storage import tv_repo

if TYPE_CHECKING:
    from app.providers.base import TvCatchup

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


def airings_reader(ctx: AppContext) -> Callable[[str, int], list[ChannelAiring]]:
    def read(title_id: str, since: int) -> list[ChannelAiring]:
        return tv_repo.title_airings(ctx.db, title_id, since)

    return read


def build_provider(ctx: AppContext) -> TvCatchup:
    from app.providers.setup import tv_catchup

    # the clock and the settings are read when asked: tests and the settings page replace them
    def now() -> datetime:
        return ctx.clock.now()

    return tv_catchup(airings_reader(ctx), now, lambda: catchup_options(ctx.settings))


def provider(ctx: AppContext) -> TvCatchup:
    """The registered TV catch-up provider (registered here when the composition did not)."""
    found = ctx.providers.tv_catchup()
    if found:
        return found[0]
    made = build_provider(ctx)
    ctx.providers.register(made)
    return made


def ways(ctx: AppContext, title_id: str) -> list[StreamCandidate]:
    """Every way to watch ``title_id`` on TV (blocking: call it off the GUI thread)."""
    return provider(ctx).ways(title_id)


def template_ok(ctx: AppContext, channel: TvChannel) -> bool:
    """Whether the channel has an archive template we can fill (a known mode and placeholders)."""
    return provider(ctx).has_archive(channel)
