"""Reminders (issue 13): N minutes before, once per airing, on an airing or a title's next airing;
they survive a restart; a refresh finds new airings of watchlisted titles and says so once."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert

from app.core.clock import FixedClock
from app.services.library.reminder_clock import ReminderClock
from app.services.library.reminders import (
    ReminderDidFire,
    ReminderService,
    WatchlistDidGetAirings,
)
from app.storage import guide_repo, titles_repo, watchlist_repo
from app.storage.tables import channels, programmes
from tests.ui.conftest import title_row

NOW = datetime(2026, 12, 5, 20, 0, tzinfo=UTC)
T = int(NOW.timestamp())
TITLE = "tmdb:movie:1001"


def guide(services: Any, *airings: tuple[int, int]) -> None:
    """The title airing on «Кино ТВ» at these (start, stop) times."""
    source = guide_repo.add_source(
        services.db, name="g", kind="m3u", location=f"x{len(airings)}", params=None, is_demo=False, now=T
    )
    with services.db.engine.begin() as conn:
        conn.execute(
            insert(channels),
            [{"id": f"{source}:kino", "source_id": source, "guide_id": "kino", "name": "Кино ТВ",
              "stream_url": "http://127.0.0.1:9/kino/index.m3u8"}],
        )  # fmt: skip
        conn.execute(
            insert(programmes),
            [
                {"source_id": source, "channel_id": f"{source}:kino", "start": a, "stop": b, "title": "Фильм",
                 "kind": "film", "title_id": TITLE}
                for a, b in airings
            ],
        )  # fmt: skip


@pytest.fixture
def svc(services: Any) -> Any:
    services.clock = FixedClock(NOW)
    titles_repo.upsert_titles(services.db, [title_row(1)])
    return services


def test_an_airing_reminder_fires_once_n_minutes_before(svc: Any) -> None:
    reminders = ReminderService(svc)
    rid = reminders.remind_airing(
        channel_id="1:kino", start=T + 600, stop=T + 6000, label="Фильм", channel_name="Кино ТВ",
        title_id=TITLE, auto_play=True,
    )  # fmt: skip
    assert reminders.due() == []  # 10 minutes before: the lead is 5
    svc.clock.advance(301)
    (due,) = reminders.due()
    assert (due.reminder_id, due.label, due.channel_id, due.auto_play) == (rid, "Фильм", "1:kino", True)
    assert due.start == datetime.fromtimestamp(T + 600, UTC)
    assert reminders.due() == []  # once per airing
    svc.clock.advance(6000 + 3600)
    reminders.due()
    assert reminders.reminders() == []  # the airing ended long ago: the reminder is done


def test_a_title_reminder_follows_its_airings_and_survives_a_restart(svc: Any, home: Path) -> None:
    guide(svc, (T + 3600, T + 9000), (T + 86400 + 3600, T + 86400 + 9000))
    rid = ReminderService(svc).remind_title(TITLE)
    assert ReminderService(svc).remind_title(TITLE) == rid
    # a restart: a new app on the same library
    from app.bootstrap import build_services

    again = build_services(data_dir=home, load_demo=False, console_log=False)
    again.clock = FixedClock(NOW)
    try:
        reminders = ReminderService(again)
        (r,) = reminders.reminders()
        assert (r.kind, r.label, r.channel_name, r.start) == (
            "title", title_row(1)["title"], "Кино ТВ", datetime.fromtimestamp(T + 3600, UTC),
        )  # fmt: skip
        again.clock.advance(3600 - 299)
        assert [d.start.timestamp() for d in reminders.due()] == [T + 3600]
        assert reminders.due() == []
        again.clock.advance(86400)
        assert [d.start.timestamp() for d in reminders.due()] == [T + 86400 + 3600]
        assert reminders.reminders()[0].start is None  # no airing left in the guide
        assert reminders.cancel(rid) and not reminders.cancel(rid)
    finally:
        again.db.dispose()


def test_new_airings_of_watchlisted_titles_are_announced_once(svc: Any) -> None:
    watchlist_repo.set_in_watchlist(svc.db, svc.profile_id, TITLE, True, NOW)
    reminders = ReminderService(svc)
    guide(svc, (T + 3600, T + 9000))
    assert [(a.title_id, a.channel_name, a.start) for a in reminders.new_watchlist_airings()] == [
        (TITLE, "Кино ТВ", T + 3600)
    ]
    assert reminders.new_watchlist_airings() == []
    guide(svc, (T + 2 * 86400, T + 2 * 86400 + 5400))  # another refresh brings a new airing
    fresh = reminders.new_watchlist_airings()
    assert [a.start for a in fresh] == [T + 2 * 86400]


@pytest.mark.asyncio
async def test_the_clock_publishes_what_is_due_and_what_a_refresh_found(svc: Any) -> None:
    fired: list[Any] = []
    svc.bus.subscribe(ReminderDidFire, fired.append)
    svc.bus.subscribe(WatchlistDidGetAirings, fired.append)
    clock = ReminderClock(svc)
    ReminderService(svc).remind_airing(
        channel_id="1:kino", start=T + 60, stop=T + 3600, label="Фильм", channel_name="Кино ТВ"
    )
    watchlist_repo.set_in_watchlist(svc.db, svc.profile_id, TITLE, True, NOW)
    guide(svc, (T + 3600, T + 9000))

    class Finished:  # the refresh flow's finish event
        pass

    clock.start(Finished)
    for _ in range(100):
        if fired:
            break
        await asyncio.sleep(0.02)
    assert isinstance(fired[0], ReminderDidFire) and fired[0].due[0].label == "Фильм"
    svc.bus.publish(Finished())
    for _ in range(100):
        if len(fired) > 1:
            break
        await asyncio.sleep(0.02)
    assert isinstance(fired[1], WatchlistDidGetAirings) and fired[1].airings[0].start == T + 3600
    await clock.stop()
