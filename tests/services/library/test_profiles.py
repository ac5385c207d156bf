"""Profiles: create, edit, delete (never the last), the PIN's rate limit, switching, kids' limits."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.core.events import ProfileDidChange
from app.domain.errors import LibraryError, WrongPin
from app.domain.profiles import SourcePrefs, age_of, pick_certification
from app.services.library.catalog import CatalogFilter, CatalogService
from app.services.library.profiles import FREE_TRIES, ProfileService, lock_seconds
from app.services.library.progress import LibraryService
from app.storage import titles_repo


class Clock:
    def __init__(self, start):  # type: ignore[no-untyped-def]
        self.at = start

    def now(self):  # type: ignore[no-untyped-def]
        return self.at


def test_create_rename_delete_and_the_last_profile_stays(services) -> None:
    profiles = ProfileService(services)
    first = profiles.current
    kid = profiles.create("  Маша  ", kids=True)
    assert kid.name == "Маша" and kid.is_kids and kid.age_limit == 12  # kids default to 12+
    with pytest.raises(LibraryError, match="exists already"):
        profiles.create("маша")  # names differ only in case: refused
    with pytest.raises(LibraryError, match="needs a name"):
        profiles.create("   ")
    renamed = profiles.rename(kid.id, "Маша и медведь")
    assert renamed.name == "Маша и медведь" and renamed.letter == "М"
    profiles.delete(kid.id)
    assert [p.id for p in profiles.all()] == [first.id]
    with pytest.raises(LibraryError, match="last profile cannot be deleted"):
        profiles.delete(first.id)
    assert [p.id for p in profiles.all()] == [first.id]  # nothing lost


def test_deleting_the_current_profile_switches_to_another(services) -> None:
    profiles = ProfileService(services)
    other = profiles.create("Guest")
    profiles.switch(other.id)
    changes: list[ProfileDidChange] = []
    services.bus.subscribe(ProfileDidChange, changes.append)
    replacement = profiles.delete(other.id)
    assert replacement is not None and services.profile_id == replacement.id != other.id
    assert changes == [ProfileDidChange(replacement.id, other.id)]


def test_wrong_pins_are_rate_limited_across_restarts(services) -> None:
    services.clock = Clock(services.clock.now())
    profiles = ProfileService(services)
    dad = profiles.create("Папа", pin="2468")
    assert dad.has_pin
    with pytest.raises(WrongPin, match="protected by a PIN"):
        profiles.switch(dad.id)
    for _ in range(1, FREE_TRIES):
        with pytest.raises(WrongPin, match=r"(try|tries) left") as wrong:
            profiles.switch(dad.id, "0000")
        assert wrong.value.retry_after == 0
    with pytest.raises(WrongPin, match="try again in 30 s") as locked:
        profiles.switch(dad.id, "1111")
    assert locked.value.retry_after == 30
    # locked: even the right PIN waits, and a new service (another process, a restart) agrees
    with pytest.raises(WrongPin, match="Too many wrong PINs"):
        ProfileService(services).switch(dad.id, "2468")
    assert services.profile_id != dad.id
    services.clock.at += timedelta(seconds=31)
    with pytest.raises(WrongPin, match="60 s"):  # the next wrong one doubles the pause
        profiles.switch(dad.id, "9999")
    services.clock.at += timedelta(seconds=61)
    assert profiles.switch(dad.id, "2468").id == dad.id == services.profile_id
    assert lock_seconds(FREE_TRIES + 20) == 15 * 60  # never more than a quarter of an hour


def test_pins_are_four_to_eight_digits_and_stored_hashed(services) -> None:
    profiles = ProfileService(services)
    with pytest.raises(LibraryError, match="4 to 8 digits"):
        profiles.create("Kid", pin="12a4")
    p = profiles.create("Kid", pin="123456")
    stored = services.db.execute("SELECT pin_hash FROM profiles WHERE id = :id", {"id": p.id})[0][0]
    assert "123456" not in stored and stored.startswith("pbkdf2_sha256$")
    profiles.set_pin(p.id, None)
    assert not profiles.get(p.id).has_pin


def test_progress_and_watchlist_are_per_profile(services) -> None:
    now = int(services.clock.now().timestamp())
    titles_repo.upsert_titles(
        services.db,
        [{"id": "tmdb:movie:1", "kind": "film", "title": "One", "added_at": now, "updated_at": now}],
    )
    profiles, library, catalog = ProfileService(services), LibraryService(services), CatalogService(services)
    me = profiles.current
    library.save_progress("tmdb:movie:1", 60_000, 600_000, title_id="tmdb:movie:1")
    catalog.set_in_watchlist("tmdb:movie:1", True)
    guest = profiles.create("Guest")
    profiles.switch(guest.id)
    assert library.resume_point_ms("tmdb:movie:1") == 0
    assert catalog.query(CatalogFilter(watchlist=True)) == []
    assert catalog.query(CatalogFilter(in_progress=True)) == []
    profiles.switch(me.id)
    assert library.resume_point_ms("tmdb:movie:1") == 60_000
    assert catalog.query(CatalogFilter(watchlist=True)) == ["tmdb:movie:1"]


def test_a_kids_profile_sees_only_titles_rated_for_its_age(services) -> None:
    now = int(services.clock.now().timestamp())
    rows = [
        {"id": "a", "kind": "film", "title": "Cartoon", "min_age": 0, "certification": "RU 0+"},
        {"id": "b", "kind": "film", "title": "Thriller", "min_age": 16, "certification": "RU 16+"},
        {"id": "c", "kind": "film", "title": "Unrated", "min_age": None, "certification": None},
    ]
    titles_repo.upsert_titles(services.db, [{**r, "added_at": now, "updated_at": now} for r in rows])
    profiles, catalog = ProfileService(services), CatalogService(services)
    assert sorted(catalog.ids()) == ["a", "b", "c"]
    kid = profiles.create("Kid", kids=True, max_age=6)
    profiles.switch(kid.id)
    assert catalog.ids() == ["a"]
    assert catalog.query(CatalogFilter(sort="rating")) == ["a"]
    assert [s.id for s in catalog.search.suggestions("Thriller")] == []
    profiles.update(kid.id, max_age=16)
    assert sorted(catalog.ids()) == ["a", "b"]  # an edit of the current profile applies at once


def test_profile_preferences_and_languages(services) -> None:
    profiles = ProfileService(services)
    me = profiles.update(
        services.profile_id,
        ui_language="EN",
        audio_language="ru",
        source_prefs=SourcePrefs(max_quality="1080p"),
    )
    assert (me.ui_language, me.audio_language, me.source_prefs.max_quality) == ("en", "ru", "1080p")
    assert services.current.profile.source_prefs.max_quality == "1080p"
    with pytest.raises(LibraryError, match="age limit"):
        profiles.update(me.id, max_age=7)


def test_certifications_ru_then_us() -> None:
    assert pick_certification({"US": ["PG-13"], "RU": ["16+"]}) == ("RU 16+", 16)
    assert pick_certification({"US": ["", "PG-13"], "RU": [""]}) == ("US PG-13", 13)
    assert pick_certification({"DE": ["12"]}) is None
    assert age_of("RU", "6") == 6 and age_of("US", "TV-MA") == 17 and age_of("SHIKIMORI", "r_plus") == 17


def test_profile_settings_lay_the_profiles_preferences_over_the_apps(services) -> None:
    services.settings = services.settings.model_copy(
        update={"sources_max_quality": "2160p", "language": "ru"}
    )
    assert services.profile_settings.sources_max_quality == "2160p"
    ProfileService(services).update(
        services.profile_id,
        ui_language="en",
        subtitle_language="de",
        source_prefs=SourcePrefs(max_quality="720p"),
    )
    seen = services.profile_settings
    assert (seen.sources_max_quality, seen.language, seen.sources_subtitle_languages) == ("720p", "en", "de")
    assert services.settings.sources_max_quality == "2160p"  # the app's own settings are untouched


def test_the_sources_search_asks_in_the_profiles_own_audio_language(services) -> None:
    from app.services.sources.search import query_for

    now = int(services.clock.now().timestamp())
    titles_repo.upsert_titles(
        services.db,
        [{"id": "tmdb:movie:1", "kind": "film", "title": "One", "added_at": now, "updated_at": now}],
    )
    services.settings = services.settings.model_copy(update={"language": "ru", "sources_audio_languages": ""})
    assert query_for(services, "tmdb:movie:1").languages[0] == "ru"  # type: ignore[union-attr]
    profiles = ProfileService(services)
    anime_fan = profiles.create("Анимешник")
    profiles.update(anime_fan.id, audio_language="ja")
    profiles.switch(anime_fan.id)
    assert query_for(services, "tmdb:movie:1").languages == ("ja",)  # type: ignore[union-attr]
