"""Reminders belong to the profile that set them: another profile neither sees nor cancels them,
and deleting a profile takes its reminders with it (issue 15)."""

from __future__ import annotations

import time
from typing import Any

from app.services.library.profiles import ProfileService
from app.services.library.reminders import ReminderService


def test_reminders_are_per_profile(services: Any) -> None:
    profiles = ProfileService(services)
    first = services.profile_id
    start = int(time.time()) + 3600
    mine = ReminderService(services).remind_airing(
        channel_id="1:kino", start=start, stop=start + 5400, label="Фильм", channel_name="Кино ТВ"
    )
    guest = profiles.create("Гость")
    profiles.switch(guest.id)
    assert ReminderService(services).reminders() == []
    assert ReminderService(services).cancel(mine) is False  # not the guest's to cancel
    theirs = ReminderService(services).remind_airing(
        channel_id="1:kino", start=start, stop=start + 5400, label="Мульт", channel_name="Кино ТВ"
    )
    profiles.switch(first)
    assert [r.label for r in ReminderService(services).reminders()] == ["Фильм"]
    profiles.delete(guest.id)
    left = services.db.execute("SELECT count(*) FROM reminders WHERE id = :i", {"i": theirs})
    assert left[0][0] == 0
