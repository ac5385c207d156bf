"""Playlists: create, add, reorder (a stale view is refused), play order, M3U export and import."""

from __future__ import annotations

import pytest

from app.domain.errors import LibraryError, NotFound, PlaylistChanged
from app.services.library import playlist_m3u
from app.services.library.playlists import PlaylistService, play_order
from app.services.library.profiles import ProfileService
from app.storage import titles_repo


def _titles(services) -> None:  # type: ignore[no-untyped-def]
    now = int(services.clock.now().timestamp())
    titles_repo.upsert_titles(
        services.db,
        [
            {
                "id": "tmdb:movie:1",
                "kind": "film",
                "title": "Метрополис",
                "runtime": 153,
                "added_at": now,
                "updated_at": now,
            },
            {
                "id": "tmdb:movie:2",
                "kind": "film",
                "title": "Малыш",
                "runtime": 68,
                "added_at": now,
                "updated_at": now,
            },
        ],
    )
    titles_repo.upsert_sources(
        services.db,
        [
            {
                "title_id": "tmdb:movie:2",
                "kind": "hls",
                "url": "http://127.0.0.1:9/kid.m3u8",
                "added_at": now,
                "score": 5,
            }
        ],
    )


def test_create_add_reorder_and_a_stale_reorder(services) -> None:
    _titles(services)
    lists = PlaylistService(services)
    evening = lists.create("Вечер")
    with pytest.raises(LibraryError, match="exists already"):
        lists.create("вечер")
    assert lists.add_titles(evening.id, ["tmdb:movie:1", "tmdb:movie:2"]) == 2
    assert lists.add_locations(evening.id, [("clip", "/tmp/clip.mp4")]) == 1
    with pytest.raises(NotFound):
        lists.add_titles(evening.id, ["tmdb:movie:404"])
    playlist, items = lists.contents(evening.id)
    assert [i.label for i in items] == ["Метрополис", "Малыш", "clip"] and playlist.count == 3
    stale = playlist.version
    lists.add_titles(evening.id, ["tmdb:movie:1"])  # another window adds meanwhile
    with pytest.raises(PlaylistChanged, match="reloaded, nothing was lost"):
        lists.reorder(evening.id, [items[2].id, items[0].id, items[1].id], stale)
    playlist, items = lists.contents(evening.id)
    assert [i.label for i in items] == ["Метрополис", "Малыш", "clip", "Метрополис"]
    lists.reorder(evening.id, [i.id for i in reversed(items)], playlist.version)
    assert [i.label for i in lists.items(evening.id)] == ["Метрополис", "clip", "Малыш", "Метрополис"]
    lists.remove_item(evening.id, items[0].id)
    assert len(lists.items(evening.id)) == 3


def test_playlists_are_per_profile(services) -> None:
    lists = PlaylistService(services)
    mine = lists.create("Mine")
    profiles = ProfileService(services)
    profiles.switch(profiles.create("Guest").id)
    assert lists.all() == []
    with pytest.raises(NotFound):
        lists.items(mine.id)


def test_play_order_and_shuffle(services) -> None:
    _titles(services)
    lists = PlaylistService(services)
    pl = lists.create("P")
    lists.add_locations(pl.id, [(f"c{n}", f"/tmp/c{n}.mp4") for n in range(8)])
    items = lists.items(pl.id)
    assert [i.label for i in play_order(items, start=5)] == ["c5", "c6", "c7"]
    shuffled = play_order(items, shuffle=True, seed=3)
    assert sorted(i.label for i in shuffled) == [i.label for i in items] and shuffled != items


def test_m3u_round_trip(services) -> None:
    _titles(services)
    lists = PlaylistService(services)
    pl = lists.create("Классика")
    lists.add_titles(pl.id, ["tmdb:movie:1", "tmdb:movie:2"])
    lists.add_locations(pl.id, [("Дача, 1982", "http://127.0.0.1:9/dacha.mp4")])
    text = lists.m3u(pl.id)
    assert text.splitlines() == [
        "#EXTM3U",
        "#PLAYLIST:Классика",
        '#EXTINF:9180 cinema-id="tmdb:movie:1",Метрополис',
        "cinema:title/tmdb:movie:1",  # no source yet: Cinema finds it again by id
        '#EXTINF:4080 cinema-id="tmdb:movie:2",Малыш',
        "http://127.0.0.1:9/kid.m3u8",  # its best source, for any other player
        "#EXTINF:-1,Дача, 1982",
        "http://127.0.0.1:9/dacha.mp4",
    ]
    result = lists.import_m3u(text, "Классика")
    assert result.playlist.name == "Классика (2)" and result.added == 3 and result.problems == ()
    items = lists.items(result.playlist.id)
    assert [(i.title_id, i.label) for i in items] == [
        ("tmdb:movie:1", "Метрополис"), ("tmdb:movie:2", "Малыш"), (None, "Дача, 1982"),
    ]  # fmt: skip


BROKEN = """#EXTM3U
#EXTINF:120,Good one
http://127.0.0.1:9/a.mp4
#EXTINF:60,No location follows
#EXTINF:abc,Odd duration
/home/me/film.mkv
just some words
#EXTINF:30,A page
javascript:alert(1)
#EXTINF:-1 cinema-id="tmdb:movie:999",Gone
cinema:title/tmdb:movie:999
#EXTINF:10,Magnet
magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567&dn=x
#EXTINF:10,Last without location
"""


def test_an_m3u_with_broken_lines_imports_the_rest_and_says_which(services) -> None:
    lists = PlaylistService(services)
    before = lists.create("Existing")
    lists.add_locations(before.id, [("keep", "/tmp/keep.mp4")])
    result = lists.import_m3u(BROKEN.encode(), "broken", into=before.id)
    labels = [i.label for i in lists.items(before.id)]
    assert labels == ["keep", "Good one", "Odd duration", "Magnet"]  # nothing lost, the good ones added
    assert result.added == 3
    assert result.problems == (
        (4, "an #EXTINF without a location after it"),
        (7, "not a link or an absolute path"),
        (9, "an unplayable link scheme “javascript:”"),
        (11, "the title tmdb:movie:999 is not in this library"),
        (14, "an #EXTINF without a location after it"),
    )


def test_m3u_parser_edge_cases() -> None:
    assert playlist_m3u.parse(b"\xff\xfe garbage").entries == []
    cp1251 = "#EXTINF:5,Фильм\nhttp://h/f.mp4\n".encode("cp1251")
    parsed = playlist_m3u.parse(cp1251)
    assert [e.label for e in parsed.entries] == ["Фильм"] and parsed.problems == [
        (0, "not UTF-8: read as Windows-1251")
    ]
    assert playlist_m3u.parse("C:\\Films\\a.mkv\n").entries[0].label == "C:\\Films\\a.mkv"
