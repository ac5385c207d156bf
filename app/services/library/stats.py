"""Statistics of a profile: watch time per week, genres, sources used and how often they worked,
the most watched titles (computed from its history; blocking, call it from a worker)."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from app.services.context import AppContext
from app.storage import stats_repo

WEEKS = 12
TOP = 8


@dataclass(frozen=True, slots=True)
class SourceUse:
    """A way of watching (a provider, or a kind of source when no provider is known)."""

    name: str
    plays: int  # this profile's plays through it
    watched_ms: int
    outcomes: int  # playbacks recorded for it (all profiles)
    ok: int
    first_frame_ms: float | None

    @property
    def success_rate(self) -> float | None:
        return self.ok / self.outcomes if self.outcomes else None


@dataclass(frozen=True, slots=True)
class MostWatched:
    item_key: str
    title_id: str | None
    label: str
    plays: int
    watched_ms: int


@dataclass(frozen=True, slots=True)
class Statistics:
    weeks: tuple[tuple[date, int], ...]  # (Monday, watched ms), oldest first
    genres: tuple[tuple[str, int], ...]  # (genre, watched ms), most first
    sources: tuple[SourceUse, ...]
    most_watched: tuple[MostWatched, ...]
    total_ms: int
    plays: int
    titles_watched: int

    @property
    def empty(self) -> bool:
        return self.plays == 0 and self.titles_watched == 0


@dataclass(slots=True)
class _Tally:
    title_id: str | None
    label: str
    plays: int = 0
    watched_ms: int = 0


def _monday(moment: datetime) -> date:
    day = moment.astimezone().date()
    return day - timedelta(days=day.weekday())


def _genres(text: str | None) -> list[str]:
    if not text:
        return []
    try:
        value = json.loads(text)
    except ValueError:
        return []
    return [str(g) for g in value if isinstance(g, str) and g] if isinstance(value, list) else []


class StatsService:
    def __init__(self, context: AppContext) -> None:
        self._s = context

    def compute(self, weeks: int = WEEKS) -> Statistics:
        db, profile = self._s.db, self._s.profile_id
        now = self._s.clock.now()
        rows = stats_repo.plays(db, profile)
        this_week = _monday(now)
        first_week = this_week - timedelta(weeks=weeks - 1)
        per_week: dict[date, int] = {first_week + timedelta(weeks=n): 0 for n in range(weeks)}
        genres: Counter[str] = Counter()
        uses: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        most: dict[str, _Tally] = {}
        for r in rows:
            week = _monday(datetime.fromtimestamp(r.started_at, UTC))
            if week in per_week:
                per_week[week] += r.watched_ms
            for genre in _genres(r.genres):
                genres[genre] += r.watched_ms or 1
            name = r.provider or r.source_kind or "other"
            uses[name][0] += 1
            uses[name][1] += r.watched_ms
            tally = most.setdefault(r.item_key, _Tally(r.title_id, r.label))
            tally.label = r.label  # the newest label wins (rows come oldest first)
            tally.plays += 1
            tally.watched_ms += r.watched_ms
        outcomes = {o.provider: o for o in stats_repo.outcomes(db)}
        sources = []
        for name, (count, watched) in sorted(uses.items(), key=lambda kv: (-kv[1][0], kv[0])):
            o = outcomes.get(name)
            sources.append(
                SourceUse(
                    name,
                    count,
                    watched,
                    o.plays if o else 0,
                    o.ok if o else 0,
                    o.first_frame_ms if o else None,
                )
            )
        ranked = sorted(most.items(), key=lambda kv: (-kv[1].watched_ms, -kv[1].plays, kv[1].label))
        return Statistics(
            weeks=tuple(sorted(per_week.items())),
            genres=tuple(genres.most_common(TOP)),
            sources=tuple(sources),
            most_watched=tuple(
                MostWatched(key, t.title_id, t.label, t.plays, t.watched_ms) for key, t in ranked[:10]
            ),
            total_ms=sum(r.watched_ms for r in rows),
            plays=len(rows),
            titles_watched=stats_repo.watched_count(db, profile),
        )
