"""Own links (checked, duplicates refused with the title named, hostile links refused), health
after a failed playback, and the player failing over down the ranked list."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path
from typing import Any

import pytest

from app.domain.errors import NotFound
from app.domain.models import SourceKind
from app.engines.playback.base import PlayerEvent
from app.services.library.catalog import CatalogService
from app.services.library.progress import LibraryService
from app.services.playback.session import PlaybackService
from app.services.sources import health
from app.services.sources.links import DuplicateLink, InvalidLink, add_link, find_or_create_title
from app.services.sources.outcomes import attach
from app.services.sources.resolve import candidates
from app.storage import sources_repo
from tests.fakes.player import FakePlayer
from tests.fakes.stream_servers import FakeStreamServers
from tests.services.sources.conftest import MATRIX_ID, add_title


def allow(services: Any, folder: Path) -> None:
    services.settings = services.settings.model_copy(update={"media_folders": str(folder)})


def test_links_are_checked_and_kinds_sniffed(services: Any, fakes: FakeStreamServers) -> None:
    add_title(services)
    hls = asyncio.run(add_link(services, MATRIX_ID, fakes.url("/media/film.m3u8")))
    assert hls.link.kind is SourceKind.HLS and hls.link.quality == "1080p" and len(hls.link.variants) >= 3
    page = asyncio.run(add_link(services, MATRIX_ID, fakes.url("/media/player.html")))
    assert page.link.kind is SourceKind.PAGE and page.link.label == "Плеер фильма"  # open in the browser
    mp4 = asyncio.run(add_link(services, MATRIX_ID, fakes.url("/media/film.mp4")))
    assert mp4.link.kind is SourceKind.DIRECT
    magnet = asyncio.run(
        add_link(services, MATRIX_ID, "magnet:?xt=urn:btih:" + "ab" * 20 + "&dn=../../etc/Matrix.mkv")
    )
    assert (
        magnet.link.kind is SourceKind.TORRENT and magnet.link.label == "Matrix.mkv"
    )  # no path in the label
    rows = {r.url: r for r in sources_repo.user_sources(services.db, MATRIX_ID)}
    assert len(rows) == 4 and all(r.origin == "user" and r.provider == "user" for r in rows.values())


def test_a_stored_link_is_refused_naming_its_title(services: Any, fakes: FakeStreamServers) -> None:
    add_title(services)
    url = fakes.url("/media/film.mp4")
    asyncio.run(add_link(services, MATRIX_ID, url))
    other = find_or_create_title(services, "Мой фильм")
    with pytest.raises(DuplicateLink, match="«Матрица»") as caught:
        asyncio.run(add_link(services, other, url))
    assert caught.value.title_id == MATRIX_ID
    assert len(sources_repo.user_sources(services.db, other)) == 0  # nothing lost, nothing added


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("javascript:alert(1)", "javascript: links are not accepted"),
        ("data:video/mp4;base64,AAAA", "data: links are not accepted"),
        ("ftp://example.org/film.mkv", "not accepted"),
        ("file:///etc/passwd", "outside your folders"),
        ("/etc/../etc/shadow", "outside your folders"),
        ("magnet:?xt=urn:btih:nothex&dn=x", "no valid info-hash"),
        ("", "empty"),
        ("http://127.0.0.1:9/film.mp4", "cannot use"),
    ],
)
def test_hostile_links_are_refused(services: Any, url: str, words: str) -> None:
    add_title(services)
    with pytest.raises(InvalidLink, match=words):
        asyncio.run(add_link(services, MATRIX_ID, url))
    assert sources_repo.user_sources(services.db, MATRIX_ID) == []


def test_local_files_inside_the_users_folders(services: Any, tmp_path: Path, realworld: Path) -> None:
    add_title(services)
    media = tmp_path / "media"
    media.mkdir()
    film = media / "film.mkv"
    film.write_bytes(b"\x1a\x45\xdf\xa3" + b"\x00" * 100)
    outside = tmp_path / "elsewhere.mkv"
    outside.write_bytes(b"x")
    (media / "link.mkv").symlink_to(outside)  # a link out of the folder is outside too
    hostile = media / "hidden.torrent"
    shutil.copy(realworld / "torrent/libtorrent_hidden_parent_path.torrent", hostile)
    allow(services, media)
    assert asyncio.run(add_link(services, MATRIX_ID, f"file://{film}")).link.kind is SourceKind.DIRECT
    with pytest.raises(InvalidLink, match="outside your folders"):
        asyncio.run(add_link(services, MATRIX_ID, str(media / "link.mkv")))
    torrent = asyncio.run(add_link(services, MATRIX_ID, str(hostile)))
    assert torrent.link.kind is SourceKind.TORRENT and ".." not in torrent.link.label


def test_unknown_title(services: Any, fakes: FakeStreamServers) -> None:
    with pytest.raises(NotFound):
        asyncio.run(add_link(services, "tmdb:movie:1", fakes.url("/media/a.mp4")))


def _two_links(services: Any, fakes: FakeStreamServers) -> tuple[str, str]:
    add_title(services)
    first, second = fakes.url("/media/a-1080p.mp4"), fakes.url("/media/b-720p.mp4")
    asyncio.run(add_link(services, MATRIX_ID, first))
    asyncio.run(add_link(services, MATRIX_ID, second))
    health.rerank_stored(services, MATRIX_ID)
    return first, second


def test_health_changes_after_a_failed_playback(services: Any, fakes: FakeStreamServers) -> None:
    first, second = _two_links(services, fakes)
    before = {r.url: r for r in sources_repo.title_sources(services.db, MATRIX_ID)}
    assert before[first].score > before[second].score and before[first].health == "unknown"
    changed = health.record_playback(
        services, title_id=MATRIX_ID, url=first, provider_id="user", ok=False, error="cannot be played"
    )
    assert changed == (0.0, "failing")
    after = {r.url: r for r in sources_repo.title_sources(services.db, MATRIX_ID)}
    assert (
        after[first].health == "failing" and after[first].failures == 1 and after[first].availability == 0.0
    )
    assert after[first].score < before[first].score
    assert sources_repo.title_sources(services.db, MATRIX_ID)[0].url == second  # ranked below now
    health.record_playback(
        services, title_id=MATRIX_ID, url=first, provider_id="user", ok=True, first_frame_ms=300
    )
    assert sources_repo.provider_outcomes(services.db, "user") == (1, 1)


def test_a_source_that_plays_well_again_is_not_ranked_again(services: Any, fakes: FakeStreamServers) -> None:
    first, second = _two_links(services, fakes)

    def play(ok: bool) -> tuple[float, str] | None:
        return health.record_playback(services, title_id=MATRIX_ID, url=first, provider_id="user", ok=ok)

    def scores() -> dict[str, float]:
        return {r.url: r.score for r in sources_repo.title_sources(services.db, MATRIX_ID)}

    assert play(True) == (1.0, "ok")  # unknown -> ok: ranked again
    ranked = scores()
    marked = [(r.id, 0.123, "[]") for r in sources_repo.title_sources(services.db, MATRIX_ID)]
    sources_repo.set_scores(services.db, marked)  # stand-in scores: they stay unless ranked again
    assert play(True) == (1.0, "ok")  # the same availability and health: nothing to rank
    assert scores() == {first: 0.123, second: 0.123}
    row = next(r for r in sources_repo.title_sources(services.db, MATRIX_ID) if r.url == first)
    assert row.plays == 2  # the outcome itself is kept
    assert play(False) is not None  # a failure moves the availability: ranked again
    assert scores()[second] == ranked[second] and scores()[first] < ranked[first]


def test_checks_mark_a_dead_link(services: Any, fakes: FakeStreamServers) -> None:
    first, second = _two_links(services, fakes)
    fakes.faults["/media/a-1080p"] = __import__(
        "tests.fakes.stream_servers", fromlist=["RouteFault"]
    ).RouteFault(status=404)
    results = {r.source_id: r for r in asyncio.run(health.check_title(services, MATRIX_ID))}
    rows = {r.url: r for r in sources_repo.title_sources(services.db, MATRIX_ID)}
    assert results[rows[first].id].health == "dead" and results[rows[second].id].health == "ok"
    assert rows[first].health == "dead" and rows[second].availability == 1.0
    assert next(iter(rows.values())).url == second  # the live one is first now
    assert results[rows[second].id].kbps and rows[second].release["_kbps"] > 0  # 64 KB timed
    speed = next(c for c in rows[second].components if c["name"] == "speed")
    assert speed["reason"] == "measured" and speed["args"]["kbps"] == rows[second].release["_kbps"]


@pytest.mark.asyncio
async def test_the_player_fails_over_down_the_ranked_list_and_records_it(
    services: Any, fakes: FakeStreamServers
) -> None:
    first, second = await asyncio.get_running_loop().run_in_executor(None, _two_links, services, fakes)
    services.settings = services.settings.model_copy(
        update={"progress_interval_s": 60, "first_frame_timeout_s": 30}
    )
    detail = CatalogService(services).detail(MATRIX_ID)
    assert detail is not None
    plan = candidates(services, detail)
    assert [p.request.location for p in plan] == [first, second]  # the ranked order
    players: list[FakePlayer] = []

    def factory(dispatch: Any, listener: Any) -> FakePlayer:
        players.append(FakePlayer(dispatch, listener))
        return players[-1]

    session = PlaybackService(services, LibraryService(services), factory, stall_timeout_s=30)
    recorder = attach(services, session)
    session.play(plan)
    await asyncio.sleep(0)
    players[0].emit(PlayerEvent.ERROR)  # the best source cannot be played
    for _ in range(5):
        await asyncio.sleep(0)
    assert players[0].opened[-1].location == second  # the next ranked source
    await recorder.flush()
    players[0].emit(PlayerEvent.PLAYING)
    players[0].emit(PlayerEvent.VIDEO_STARTED)
    for _ in range(5):
        await asyncio.sleep(0)
    await recorder.flush()
    rows = {r.url: r for r in sources_repo.title_sources(services.db, MATRIX_ID)}
    assert rows[first].health == "failing" and rows[first].failures == 1
    assert rows[second].health == "ok" and rows[second].plays == 1
    session.close()


def test_a_measured_throughput_outlives_a_new_search(services: Any, fakes: FakeStreamServers) -> None:
    """The health check's throughput sample stays with a searched source when the provider is
    asked again (its release fields are replaced, the measurement is not the provider's)."""
    from app.domain.streams import StreamCandidate
    from app.services.sources.search import SourceSearch, query_for
    from tests.services.sources.conftest import FakeStreams, only

    add_title(services)
    url = fakes.url("/media/a-1080p.mp4")
    only(services, FakeStreams("addon", [StreamCandidate(provider_id="addon", kind=SourceKind.DIRECT, url=url,
                                                         label="Matrix 1080p WEB-DL")]))  # fmt: skip
    query = query_for(services, MATRIX_ID)
    asyncio.run(SourceSearch(services).search(query, store=True))
    asyncio.run(health.check_title(services, MATRIX_ID))
    kbps = sources_repo.title_sources(services.db, MATRIX_ID)[0].release["_kbps"]
    assert kbps > 0
    asyncio.run(SourceSearch(services).search(query, refresh=True, store=True))  # asked again
    row = sources_repo.title_sources(services.db, MATRIX_ID)[0]
    assert row.release["_kbps"] == kbps and row.release.get("resolution") == 1080
    speed = next(c for c in row.components if c["name"] == "speed")
    assert speed["reason"] == "measured"
