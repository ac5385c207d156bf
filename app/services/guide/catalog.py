"""What the guide holds: films in a window, what is on air now, one channel's day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pydantic import BaseModel, ConfigDict

from app.domain.models import Airing
from app.services.context import AppContext
from app.storage import guide_repo


class FilmAiring(BaseModel):
    """One airing of a detected film (or cartoon, documentary, anime)."""

    model_config = ConfigDict(frozen=True)
    title: str
    norm_title: str | None
    year_hint: int | None
    kind: str
    film_key: str | None
    title_id: str | None
    channel_id: str
    channel: str
    start: datetime
    stop: datetime | None


def _dt(ts: int | None) -> datetime | None:
    return datetime.fromtimestamp(ts, UTC) if ts is not None else None


def films(
    services: AppContext,
    start: datetime | None = None,
    end: datetime | None = None,
    limit: int | None = None,
) -> list[FilmAiring]:
    """Film airings starting in ``[start, end)``; by default the next 24 hours."""
    start = start or services.clock.now()
    end = end or start + timedelta(hours=24)
    rows = guide_repo.films_between(services.db, int(start.timestamp()), int(end.timestamp()), limit=limit)
    return [
        FilmAiring(
            title=r.title,
            norm_title=r.norm_title,
            year_hint=r.year_hint,
            kind=r.kind,
            film_key=r.film_key,
            title_id=r.title_id,
            channel_id=r.channel_id,
            channel=r.channel_name,
            start=_dt(r.start) or services.clock.now(),
            stop=_dt(r.stop),
        )
        for r in rows
    ]


def _airing(r: guide_repo.AiringRow) -> Airing:
    return Airing(
        channel_id=r.channel_id,
        channel_name=r.channel_name,
        start=datetime.fromtimestamp(r.start, UTC),
        stop=_dt(r.stop),
        title=r.title,
    )


def on_air_now(services: AppContext) -> list[Airing]:
    return [_airing(r) for r in guide_repo.on_air(services.db, int(services.clock.now().timestamp()))]


def channel_day(services: AppContext, channel_id: str, day_start: datetime) -> list[Airing]:
    start = int(day_start.timestamp())
    return [_airing(r) for r in guide_repo.channel_day(services.db, channel_id, start, start + 86400)]
