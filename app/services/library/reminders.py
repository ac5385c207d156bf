"""Reminders: on an airing, or on a title (its next airing, whichever channel). Stored, so they
survive restarts; ``ReminderClock`` checks them on the loop and announces what is due
(``ReminderDidFire``) N minutes before (setting ``reminder_minutes``), and after each background
refresh the airings of watchlisted titles it has not announced yet (``WatchlistDidGetAirings``).

The UI (tray balloon, in-app message with "Watch") listens to those events; "Watch" opens the
channel live. An airing reminder may also open the channel by itself when it starts
("Watch live at 21:00": ``auto_play``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from app.domain.errors import NotFound
from app.services.context import AppContext
from app.storage import reminders_repo
from app.storage.reminders_repo import AiringRow, ReminderRow

log = logging.getLogger(__name__)

CHECK_EVERY_S = 30.0
ANNOUNCE_AHEAD_S = 7 * 86400  # watchlist airings announced up to a week ahead


@dataclass(frozen=True, slots=True)
class Reminder:
    """A stored reminder with the airing it points at now (a title reminder: its next airing)."""

    id: int
    kind: str  # airing, title
    title_id: str | None
    label: str
    channel_id: str | None
    channel_name: str | None
    start: datetime | None
    stop: datetime | None
    auto_play: bool


@dataclass(frozen=True, slots=True)
class DueReminder:
    """A reminder whose airing starts within the lead time (or has started and still runs)."""

    reminder_id: int
    title_id: str | None
    label: str
    channel_id: str
    channel_name: str
    start: datetime
    stop: datetime
    auto_play: bool


@dataclass(frozen=True)
class ReminderDidFire:
    due: tuple[DueReminder, ...]


@dataclass(frozen=True)
class WatchlistDidGetAirings:
    """New airings of watchlisted titles found by a refresh (title id, label, channel, start)."""

    airings: tuple[AiringRow, ...]


def _dt(ts: int | None) -> datetime | None:
    return None if ts is None else datetime.fromtimestamp(ts, UTC)


class ReminderService:
    """Reminders of the current profile (blocking calls: run them off the GUI thread)."""

    def __init__(self, ctx: AppContext) -> None:
        self._s = ctx

    def _now(self) -> int:
        return int(self._s.clock.now().timestamp())

    @property
    def lead_s(self) -> int:
        return self._s.settings.reminder_minutes * 60

    def remind_title(self, title_id: str) -> int:
        """Remind before the title's next airing, on any channel (and every later one)."""
        from app.storage import titles_repo  # SQLAlchemy: not on the start path (tv_hooks)

        detail = titles_repo.detail(self._s.db, title_id, self._s.clock.now())
        if detail is None:
            raise NotFound(f"no title {title_id}")
        return reminders_repo.add(
            self._s.db, self._s.profile_id, kind="title", title_id=title_id, label=detail.title,
            now=self._now(),
        )  # fmt: skip

    def remind_airing(
        self,
        *,
        channel_id: str,
        start: int,
        stop: int,
        label: str,
        channel_name: str,
        title_id: str | None = None,
        auto_play: bool = False,
    ) -> int:
        """Remind before one airing; ``auto_play`` also opens the channel when it starts."""
        return reminders_repo.add(
            self._s.db, self._s.profile_id, kind="airing", title_id=title_id, channel_id=channel_id,
            start=start, stop=stop, label=label, channel_name=channel_name, auto_play=auto_play,
            now=self._now(),
        )  # fmt: skip

    def cancel(self, reminder_id: int) -> bool:
        return reminders_repo.remove(self._s.db, self._s.profile_id, reminder_id)

    def _next_airing(self, row: ReminderRow, now: int) -> AiringRow | None:
        if row.title_id is None:
            return None
        found = reminders_repo.title_airings(self._s.db, [row.title_id], now - 6 * 3600, now + 30 * 86400)
        # the next airing still running or to come that it has not fired for
        return next((a for a in found if a.stop > now and a.start > (row.fired_start or 0)), None)

    def reminders(self) -> list[Reminder]:
        """Every reminder with the airing it points at (a title without one left: no times)."""
        now = self._now()
        out = []
        for row in reminders_repo.all_of(self._s.db, self._s.profile_id):
            if row.kind == "title":
                nxt = self._next_airing(row, now)
                out.append(
                    Reminder(
                        id=row.id, kind=row.kind, title_id=row.title_id, label=row.label,
                        channel_id=nxt.channel_id if nxt else None,
                        channel_name=nxt.channel_name if nxt else None,
                        start=_dt(nxt.start if nxt else None), stop=_dt(nxt.stop if nxt else None),
                        auto_play=row.auto_play,
                    )
                )  # fmt: skip
            else:
                out.append(
                    Reminder(
                        id=row.id, kind=row.kind, title_id=row.title_id, label=row.label,
                        channel_id=row.channel_id, channel_name=row.channel_name, start=_dt(row.start),
                        stop=_dt(row.stop), auto_play=row.auto_play,
                    )
                )  # fmt: skip
        return out

    def due(self) -> list[DueReminder]:
        """Reminders due now (starting within the lead time, or started and still on), each
        once per airing: they are marked as fired. Ended airing reminders are dropped."""
        now = self._now()
        db = self._s.db
        reminders_repo.prune_past_airings(db, now - 3600)
        out: list[DueReminder] = []
        for row in reminders_repo.all_of(db, self._s.profile_id):
            if row.kind == "title":
                nxt = self._next_airing(row, now)
                if nxt is None:
                    continue
                start, stop, channel_id, channel_name = nxt.start, nxt.stop, nxt.channel_id, nxt.channel_name
            else:
                if row.start is None or row.channel_id is None or row.fired_start == row.start:
                    continue
                start, stop = row.start, row.stop or row.start + 3600
                channel_id, channel_name = row.channel_id, row.channel_name or row.channel_id
            if start - self.lead_s <= now < stop:
                reminders_repo.mark_fired(db, row.id, start)
                out.append(
                    DueReminder(
                        reminder_id=row.id, title_id=row.title_id, label=row.label, channel_id=channel_id,
                        channel_name=channel_name, start=_dt(start), stop=_dt(stop),  # type: ignore[arg-type]
                        auto_play=row.auto_play,
                    )
                )  # fmt: skip
        return out

    def next_check_in(self) -> float:
        """Seconds until the next reminder could fall due (at most ``CHECK_EVERY_S``)."""
        now = self._now()
        soonest = CHECK_EVERY_S
        for r in self.reminders():
            if r.start is not None:
                soonest = min(soonest, max(1.0, r.start.timestamp() - self.lead_s - now))
        return soonest

    def new_watchlist_airings(self) -> list[AiringRow]:
        """Upcoming airings of watchlisted titles not announced before (announced now)."""
        now = self._now()
        db = self._s.db
        reminders_repo.prune_announced(db, now - 86400)
        ids = reminders_repo.watchlist_ids(db, self._s.profile_id)
        upcoming = reminders_repo.title_airings(db, ids, now, now + ANNOUNCE_AHEAD_S)
        return reminders_repo.unannounced(db, self._s.profile_id, upcoming)
