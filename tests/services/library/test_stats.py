"""Statistics: watch time per week, genres, sources used with their success rates, most watched."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from app.services.library.profiles import ProfileService
from app.services.library.stats import StatsService
from app.storage import library_repo, sources_repo, titles_repo

NOW = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)  # a Saturday


class Clock:
    def now(self) -> datetime:
        return NOW


def test_statistics_of_a_profile(services) -> None:
    services.clock = Clock()
    ts = int(NOW.timestamp())
    db = services.db
    titles_repo.upsert_titles(
        db,
        [
            {
                "id": "a",
                "kind": "film",
                "title": "A",
                "genres": json.dumps(["драма", "фантастика"]),
                "added_at": ts,
                "updated_at": ts,
            },
            {
                "id": "b",
                "kind": "film",
                "title": "B",
                "genres": json.dumps(["комедия"]),
                "added_at": ts,
                "updated_at": ts,
            },
        ],
    )
    titles_repo.upsert_sources(
        db,
        [
            {
                "title_id": "a",
                "kind": "torrent",
                "url": "magnet:?xt=urn:btih:" + "a" * 40,
                "added_at": ts,
                "provider": "torznab:jackett",
            },
            {
                "title_id": "b",
                "kind": "hls",
                "url": "http://127.0.0.1/b.m3u8",
                "added_at": ts,
                "provider": "rutube",
            },
        ],
    )
    me = services.profile_id

    def play(key: str, title: str | None, url: str, when: datetime, watched_ms: int) -> None:
        entry = library_repo.start_history(db, me, key, title, key.upper(), url, when)
        library_repo.update_history(db, entry, watched_ms, 600_000, when, ended=True, watched_ms=watched_ms)

    play("a", "a", "magnet:?xt=urn:btih:" + "a" * 40, NOW - timedelta(days=1), 3_600_000)
    play("a", "a", "magnet:?xt=urn:btih:" + "a" * 40, NOW - timedelta(days=8), 1_800_000)
    play("b", "b", "http://127.0.0.1/b.m3u8", NOW - timedelta(hours=2), 600_000)
    play("media:1", None, "/tmp/clip.mp4", NOW - timedelta(days=100), 60_000)  # before the 12 weeks
    for ok in (True, True, False):
        sources_repo.record_outcome(
            db,
            "b",
            "http://127.0.0.1/b.m3u8",
            "rutube",
            ok,
            400 if ok else None,
            0,
            None if ok else "dead",
            ts,
        )
    stats = StatsService(services).compute()
    assert len(stats.weeks) == 12 and stats.weeks[-1][0].weekday() == 0
    assert [ms for _week, ms in stats.weeks[-2:]] == [1_800_000, 4_200_000]
    assert stats.genres[0] == ("драма", 5_400_000) and ("комедия", 600_000) in stats.genres
    by_name = {s.name: s for s in stats.sources}
    assert by_name["torznab:jackett"].plays == 2 and by_name["torznab:jackett"].success_rate is None
    assert by_name["rutube"].outcomes == 3 and round(by_name["rutube"].success_rate or 0, 2) == 0.67
    assert by_name["other"].plays == 1  # a local file has no provider nor stored source
    assert [m.item_key for m in stats.most_watched] == ["a", "b", "media:1"]
    assert stats.most_watched[0].plays == 2 and stats.total_ms == 6_060_000 and stats.plays == 4
    # another profile has statistics of its own
    ProfileService(services).switch(ProfileService(services).create("Guest").id)
    assert StatsService(services).compute().empty
