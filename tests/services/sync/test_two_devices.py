"""Two Cinema data folders sharing a real PostgreSQL server: round trips, the conflict rules, moving in."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

from app.core.events import ProgressDidChange
from app.domain.playlists import NewItem
from app.domain.sync import ServerAddress, SyncState
from app.services.sync.setup import setup
from app.storage import playlists_repo, profiles_repo, watchlist_repo
from tests.services.sync.conftest import TITLE, Device, server_library, wait_for

NOW = datetime(2026, 12, 5, 20, 0, tzinfo=UTC)


def test_progress_watchlist_and_playlists_go_both_ways_live(
    devices: Callable[[str], Device], server: ServerAddress
) -> None:
    a, b = devices("living-room"), devices("laptop")
    a.add_title()  # only the living room's guide has the film
    a.join(server)
    b.join(server)
    a.start(server)
    b.start(server)
    assert a.engine is not None and b.engine is not None
    wait_for(lambda: a.engine.status().state == SyncState.SYNCED, what="A online")  # type: ignore[union-attr]

    a.save(1_800_000, at=int(time.time()))
    wait_for(lambda: (b.progress() or (0,))[0] == 1_800_000, what="progress on the laptop")
    assert any(isinstance(e, ProgressDidChange) and e.item_key == TITLE for e in b.events)
    # the laptop's guide lacks the film: a title row came with the progress
    assert b.db.execute("SELECT title, year FROM titles WHERE id = :t", {"t": TITLE}) == [("Матрица", 1999)]

    watchlist_repo.set_in_watchlist(b.db, b.profile(), TITLE, True, NOW)
    wait_for(lambda: watchlist_repo.in_watchlist(a.db, a.profile(), TITLE), what="watchlist on A")
    watchlist_repo.set_in_watchlist(a.db, a.profile(), TITLE, False, NOW)
    wait_for(lambda: not watchlist_repo.in_watchlist(b.db, b.profile(), TITLE), what="removal on B")

    playlist = playlists_repo.create(a.db, a.profile(), "Пятница", 10)
    playlists_repo.add(
        a.db, a.profile(), playlist,
        [
            NewItem(item_key=TITLE, label="Матрица", title_id=TITLE),
            NewItem(item_key="media:abc", label="Домашнее видео", location="/v/a.mkv"),
        ],
        11,
    )  # fmt: skip
    items = playlists_repo.items(a.db, playlist)
    version = playlists_repo.get(a.db, a.profile(), playlist).version  # type: ignore[union-attr]
    playlists_repo.reorder(a.db, a.profile(), playlist, [items[1].id, items[0].id], 12, version)

    def b_playlist() -> list[str]:
        found = playlists_repo.by_name(b.db, b.profile(), "Пятница")
        return [] if found is None else [i.label for i in playlists_repo.items(b.db, found.id)]

    wait_for(lambda: b_playlist() == ["Домашнее видео", "Матрица"], what="the playlist, reordered, on B")
    gone = playlists_repo.by_name(b.db, b.profile(), "Пятница")
    assert gone is not None
    playlists_repo.delete(b.db, b.profile(), gone.id)
    wait_for(lambda: playlists_repo.by_name(a.db, a.profile(), "Пятница") is None, what="deletion on A")

    assert a.engine.wait_idle() and b.engine.wait_idle()
    assert a.library() == b.library() == server_library(server)


def test_the_newest_position_wins_and_watched_marks_merge(
    devices: Callable[[str], Device], server: ServerAddress
) -> None:
    a, b = devices("a"), devices("b")
    for device in (a, b):
        device.add_title()
        device.join(server)
    # both offline: A watched to the end at 20:00 and it was marked; B played the start at 20:30
    a.save(7_100_000, at=1_000_000)
    watchlist_repo.set_watched(a.db, a.profile(), TITLE, True, datetime.fromtimestamp(1_000_001, UTC))
    b.save(300_000, at=1_001_800)
    for device in (b, a, b):  # in any order: B's push, A's push (refused position), B's pull
        core = device.core(server)
        core.connect()
        core.push()
        core.pull()
        core.close()
    assert a.progress() == b.progress()
    position, watched, updated, views = a.progress()  # type: ignore[misc]
    assert (position, bool(watched), updated, views) == (300_000, True, 1_001_800, 1)


def test_a_deletion_wins_over_an_older_edit_and_loses_to_a_newer_one(
    devices: Callable[[str], Device], server: ServerAddress
) -> None:
    a, b = devices("a"), devices("b")
    for device in (a, b):
        device.add_title()
        device.join(server)

    def sync(*which: Device) -> None:
        for device in which:
            core = device.core(server)
            core.connect()
            core.pull()
            core.push()
            core.pull()
            core.close()

    watchlist_repo.set_in_watchlist(a.db, a.profile(), TITLE, True, NOW)
    sync(a, b)
    assert watchlist_repo.in_watchlist(b.db, b.profile(), TITLE)
    # B, offline, edits the row (re-adds it: a put) before A deletes it
    b.db.execute("UPDATE watchlist SET added_at = added_at + 1")
    time.sleep(0.01)
    watchlist_repo.set_in_watchlist(a.db, a.profile(), TITLE, False, NOW)
    sync(a, b, a)  # B's older edit reaches the server after the deletion: refused, B takes it
    assert not watchlist_repo.in_watchlist(a.db, a.profile(), TITLE)
    assert not watchlist_repo.in_watchlist(b.db, b.profile(), TITLE)
    watchlist_repo.set_in_watchlist(b.db, b.profile(), TITLE, True, NOW)  # later: wins
    sync(b, a)
    assert watchlist_repo.in_watchlist(a.db, a.profile(), TITLE)


def test_two_profiles_made_offline_with_one_name_both_survive(
    devices: Callable[[str], Device], server: ServerAddress
) -> None:
    a, b = devices("a"), devices("b")
    a.join(server)
    b.join(server)
    profiles_repo.create(a.db, "Гость", now=1)
    profiles_repo.create(b.db, "Гость", now=2)
    for device in (a, b, a, b):
        core = device.core(server)
        core.connect()
        core.push()
        core.pull()
        core.close()
    assert a.library()["profiles"] == b.library()["profiles"]
    names = sorted(name for _uid, name in a.library()["profiles"])
    assert names == ["Default", "Гость", "Гость (2)"]


def test_setup_copies_a_library_into_an_empty_server_then_merges_another(
    devices: Callable[[str], Device], server: ServerAddress
) -> None:
    a, b = devices("a"), devices("b")
    a.add_title()
    anna = profiles_repo.create(a.db, "Анна", now=1)
    a.save(600_000, at=1_000_000, profile="Анна")
    watchlist_repo.set_in_watchlist(a.db, anna, TITLE, True, NOW)
    playlists_repo.create(a.db, anna, "Кино", 3)
    result = setup(a.services, server.display)
    assert result.report is not None and result.report.created
    assert a.services.settings.library_url == server.display
    assert server_library(server) == a.library()

    # B has its own Default (the same person: merged by name), a profile of its own, and an
    # older position of Anna's film under its own "Анна"
    b.add_title()
    profiles_repo.create(b.db, "Борис", now=5)
    profiles_repo.create(b.db, "Анна", now=6)
    b.save(100_000, at=900_000, profile="Анна")
    joined = setup(b.services, server.display)
    assert joined.report is not None and joined.report.adopted_profiles == 2
    core = a.core(server)
    core.connect()
    core.pull()
    core.close()
    assert a.library() == b.library() == server_library(server)
    assert sorted(n for _u, n in b.library()["profiles"]) == ["Default", "Анна", "Борис"]
    assert b.progress("Анна")[0] == 600_000  # type: ignore[index]  # the newer position


def test_reminders_own_links_and_provider_settings_travel_searched_sources_do_not(
    devices: Callable[[str], Device], server: ServerAddress
) -> None:
    from app.storage import reminders_repo, sources_repo

    a, b = devices("a"), devices("b")
    a.add_title()
    for device in (a, b):
        device.join(server)
    reminders_repo.add(a.db, a.profile(), kind="title", label="Матрица", now=5, title_id=TITLE)
    sources_repo.add_user_source(
        a.db, {"title_id": TITLE, "kind": "hls", "url": "http://nas.local/matrix.m3u8", "label": "NAS"}, 6
    )
    sources_repo.add_provider(
        a.db, "torznab:jackett", "torznab", "Jackett", "http://nas.local:9117/api", None, 7
    )
    sources_repo.set_enabled(a.db, "torznab:jackett", False, 8)
    for device in (a, b):
        core = device.core(server)
        core.connect()
        core.push()
        core.pull()
        core.close()
    assert [(r.kind, r.title_id, r.label) for r in reminders_repo.all_of(b.db, b.profile())] == [
        ("title", TITLE, "Матрица")
    ]
    assert [(s.url, s.label, s.origin) for s in sources_repo.user_sources(b.db, TITLE)] == [
        ("http://nas.local/matrix.m3u8", "NAS", "user")
    ]
    provider = sources_repo.provider(b.db, "torznab:jackett")
    assert provider is not None and provider.url == "http://nas.local:9117/api" and not provider.enabled
    # searched sources are each device's own cache: not sent
    sources_repo.save_found(
        a.db, TITLE, [{"kind": "torrent", "url": "magnet:?xt=urn:btih:" + "a" * 40}], 9, []
    )
    assert a.db.execute("SELECT count(*) FROM sync_outbox") == [(0,)]
