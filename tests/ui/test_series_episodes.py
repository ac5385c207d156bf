"""Series panel and next episode: seasons, Continue, watched marks; finish one, the next starts."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.domain.series import Episode
from app.services.library.series import SeriesService
from app.storage import episodes_repo, titles_repo
from app.ui.components.next_episode import EpisodeFlow, NextEpisodeCountdown
from app.ui.components.series_episodes import SeriesEpisodesPanel

SERIES = "tmdb:tv:1399"


def _series(services: Any) -> SeriesService:
    now = int(services.clock.now().timestamp())
    titles_repo.upsert_titles(
        services.db,
        [{"id": SERIES, "kind": "series", "title": "Игра престолов", "added_at": now, "updated_at": now}],
    )
    eps = [
        Episode(SERIES, s, n, name=f"Episode {s}.{n}", air_date=f"201{s}-04-{n:02d}", runtime=55)
        for s in (1, 2)
        for n in range(1, 11)
    ]
    eps.append(Episode(SERIES, 0, 1, name="Making of"))
    episodes_repo.upsert_episodes(services.db, eps, now)
    return SeriesService(services)


def _panel(qtbot: Any, series: SeriesService) -> SeriesEpisodesPanel:
    panel = SeriesEpisodesPanel()
    qtbot.addWidget(panel)
    panel.show_series(
        series.episodes(SERIES),
        series.progress(SERIES),
        series.next_episode(SERIES),
        {(2, 5): "Пт 21:00, Первый"},
    )
    return panel


def test_seasons_tabs_continue_and_watched_marks(qtbot: Any, services: Any) -> None:
    series = _series(services)
    series.save_progress(SERIES, 2, 4, 0, None, watched=True)
    panel = _panel(qtbot, series)
    tabs = [panel.tabs.tabText(i) for i in range(panel.tabs.count())]
    assert tabs == ["Season 1", "Season 2", "Specials"]  # specials last
    assert panel.continue_button.text() == "Continue: S2 E5"
    assert panel.current_season() == 2 and panel.list.currentIndex().row() == 4  # S2 E5 current
    played: list[tuple[int, int, int]] = []
    panel.playEpisode.connect(lambda s, n, ms: played.append((s, n, ms)))
    qtbot.mouseClick(panel.continue_button, Qt.MouseButton.LeftButton)
    assert played == [(2, 5, 0)]
    # mark S2 E5 watched from the list: the service saves it, Continue moves on
    panel.watchedToggled.connect(lambda s, n, w: series.set_watched(SERIES, s, n, w))
    panel.watchedToggled.connect(
        lambda *_: panel.set_progress(series.progress(SERIES), series.next_episode(SERIES))
    )
    qtbot.mouseClick(panel.watched_button, Qt.MouseButton.LeftButton)
    assert series.progress(SERIES)[(2, 5)].watched
    assert panel.continue_button.text() == "Continue: S2 E6"
    assert panel.watched_button.text() == "Mark unwatched"  # the row kept, its mark shown
    qtbot.mouseClick(panel.watched_button, Qt.MouseButton.LeftButton)
    assert not series.progress(SERIES)[(2, 5)].watched
    panel.tabs.setCurrentIndex(0)
    assert panel.model.rowCount() == 10 and "S1 E1" in panel.model.data(panel.model.index(0))


def test_finish_an_episode_the_next_starts(qtbot: Any, services: Any) -> None:
    series = _series(services)
    countdown = NextEpisodeCountdown()
    qtbot.addWidget(countdown)
    started: list[str] = []
    flow = EpisodeFlow(countdown, series.save_progress, lambda tid, nxt: started.append(f"{tid} {nxt.label}"))
    upcoming = flow.episode_ended(SERIES, 1, 5, 3_300_000, seconds=2)
    assert upcoming is not None and upcoming.label == "S1 E6"
    assert countdown.isVisible() and countdown.seconds_left == 2
    assert "2" in countdown.heading.text()
    qtbot.waitUntil(lambda: started == [f"{SERIES} S1 E6"], timeout=5000)
    assert not countdown.isVisible()
    assert series.progress(SERIES)[(1, 5)].watched
    # Skip to next plays at once; Cancel plays nothing
    flow.episode_ended(SERIES, 1, 6, 3_300_000, seconds=30)
    qtbot.mouseClick(countdown.skip_button, Qt.MouseButton.LeftButton)
    assert started[-1] == f"{SERIES} S1 E7"
    flow.episode_ended(SERIES, 1, 7, 3_300_000, seconds=1)
    qtbot.mouseClick(countdown.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.wait(1300)
    assert started[-1] == f"{SERIES} S1 E7" and not countdown.isVisible()


def test_last_episode_offers_no_countdown(qtbot: Any, services: Any) -> None:
    series = _series(services)
    countdown = NextEpisodeCountdown()
    qtbot.addWidget(countdown)
    flow = EpisodeFlow(countdown, series.save_progress, lambda tid, nxt: None)
    upcoming = flow.episode_ended(SERIES, 2, 10, 3_300_000, seconds=1)
    assert upcoming is None  # the season and the series end there: nothing after S2 E10 but specials
    assert not countdown.isVisible()


def test_title_page_of_a_series_shows_its_episodes_films_do_not(qtbot: Any, services: Any) -> None:
    from sqlalchemy import text

    from app.domain.models import TitleDetail, TitleKind
    from app.ui.components.series_episodes import install
    from app.ui.pages.title_page import TitlePage

    series = _series(services)
    series.save_progress(SERIES, 1, 2, 600_000, 3_300_000)
    start = int(services.clock.now().timestamp()) + 86_400
    with services.db.engine.begin() as conn:  # S1 E3 airs tomorrow on Первый
        conn.execute(
            text(
                "INSERT INTO guide_sources (id, name, kind, location, created_at)"
                " VALUES (1, 'g', 'xmltv', 'x', 0)"
            )
        )
        conn.execute(
            text("INSERT INTO channels (id, source_id, guide_id, name) VALUES ('1:a', 1, 'a', 'Первый')")
        )
        conn.execute(
            text(
                "INSERT INTO programmes"
                " (source_id, channel_id, start, stop, title, kind, title_id, season, episode_num)"
                " VALUES (1, '1:a', :s, :e, 'Игра престолов', 'series', :t, 1, 3)"
            ),
            {"s": start, "e": start + 3600, "t": SERIES},
        )
    page = TitlePage()
    qtbot.addWidget(page)
    panel = install(page, services)
    page.show()
    page.show_title(TitleDetail(id=SERIES, kind=TitleKind.SERIES, title="Игра престолов"), 0)
    qtbot.waitUntil(lambda: panel.isVisible() and panel.model.rowCount() == 10, timeout=5000)
    assert panel.continue_button.text() == "Continue: S1 E2"
    row = panel.model.data(panel.model.index(1), Qt.ItemDataRole.UserRole)
    assert row[1].position_ms == 600_000 and not row[1].watched  # its progress bar
    aired = panel.model.data(panel.model.index(2), Qt.ItemDataRole.UserRole)[2]
    assert aired.startswith("On TV ") and aired.endswith(", Первый")  # the episode's next airing
    page.show_title(TitleDetail(id="tmdb:movie:603", title="Матрица"), 0)
    assert not panel.isVisible()


def test_sources_of_one_episode_from_a_stremio_addon(qtbot: Any, services: Any) -> None:
    """S1 E2 chosen -> the addon is asked for series/tt0944947:1:2 (the fake serves Torrentio's answer)."""
    from app.domain.models import TitleDetail, TitleKind
    from app.providers.streams.http import LoopClients
    from app.providers.streams.stremio.manifest import parse_manifest
    from app.providers.streams.stremio.provider import StremioAddon
    from app.ui.components.series_episodes import install
    from app.ui.components.title_sources import install as install_sources
    from app.ui.pages.title_page import TitlePage
    from tests.fakes.stream_servers import FakeStreamServers
    from tests.services.sources.conftest import only

    fakes = FakeStreamServers()
    fakes.start()
    try:
        gid = "tmdb:tv:1399"
        now = int(services.clock.now().timestamp())
        titles_repo.upsert_titles(
            services.db,
            [{"id": gid, "kind": "series", "title": "Игра престолов", "original_title": "Game of Thrones",
              "year": 2011, "imdb_id": "tt0944947", "tmdb_id": 1399, "added_at": now, "updated_at": now}],
        )  # fmt: skip
        episodes_repo.upsert_episodes(services.db, [Episode(gid, 1, n) for n in (1, 2, 3)], now)
        addon = StremioAddon(
            "stremio:torrentio",
            parse_manifest(fakes.stremio_manifest),
            lambda: fakes.url("/torrentio/manifest.json"),
            LoopClients(5),
        )
        only(services, addon)
        page = TitlePage()
        qtbot.addWidget(page)
        ranked = install_sources(page, services)
        panel = install(page, services)
        page.show()
        page.show_title(
            TitleDetail(id=gid, kind=TitleKind.SERIES, title="Игра престолов", imdb_id="tt0944947"), 0
        )
        qtbot.waitUntil(lambda: panel.model.rowCount() == 3, timeout=5000)
        panel.list.setCurrentIndex(panel.model.index(1))
        qtbot.mouseClick(panel.sources_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: ranked.table.topLevelItemCount() == 4, timeout=10000)
        assert "/torrentio/stream/series/tt0944947:1:2.json" in fakes.counters.paths
        assert "S01E02" in ranked.table.topLevelItem(0).text(1) or "S01" in ranked.table.topLevelItem(0).text(
            1
        )
    finally:
        fakes.stop()


@pytest.mark.qt_log_ignore(r"This plugin does not support lower\(\)")  # the History page, offscreen
def test_the_window_plays_an_episode_and_the_next_after_the_countdown(
    qtbot: Any, library: Any, sample_video: Any, tmp_path: Any
) -> None:
    """Real window, real libvlc (dummy outputs): Continue plays S1 E5 from the series' own files,
    progress goes under the episode; at its end the countdown runs and S1 E6 plays."""
    import asyncio
    import time

    from app.bootstrap import build_window
    from app.domain.series import episode_key
    from app.services.library.progress import LibraryService
    from app.services.playback.session import PlaybackState
    from tests.services.sources.conftest import only
    from tests.ui.asyncqt import run_scenario, wait_until

    services = library
    only(services)  # no stream provider: the episode's files are the series' own
    series = _series(services)
    for n in (1, 2, 3, 4):
        series.set_watched(SERIES, 1, n, True)
    folder = tmp_path / "Game of Thrones" / "Season 1"
    folder.mkdir(parents=True)
    rows = []
    for n in (5, 6):
        path = folder / f"Game.of.Thrones.S01E0{n}.720p.mp4"
        path.symlink_to(sample_video)
        rows.append(
            {"title_id": SERIES, "kind": "direct", "url": str(path), "label": path.name, "quality": None,
             "headers": None, "score": 1.0, "health": "ok", "added_at": int(time.time())}
        )  # fmt: skip
    titles_repo.upsert_sources(services.db, rows)
    win = build_window(services)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.startup_finished)

    def playing_key() -> str | None:
        request = win.playback.request if win.playback_started else None
        return None if request is None else request.item_key

    async def scenario() -> None:
        win.open_title(SERIES)
        await wait_until(lambda: win.stack.currentWidget() is win.title_page)
        panel = win.title_page.findChild(SeriesEpisodesPanel)
        await wait_until(lambda: panel.continue_button.text() == "Continue: S1 E5")
        qtbot.mouseClick(panel.continue_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: win.stack.currentWidget() is win.player)
        await wait_until(lambda: win.playback.state == PlaybackState.PLAYING)
        assert playing_key() == episode_key(SERIES, 1, 5)
        assert win.playback.request.location.endswith("S01E05.720p.mp4")
        await wait_until(lambda: win.playback.position_ms() > 1000 and win.playback.length_ms() > 20_000)
        win.plays.episodes.countdown_s = 2
        win.playback.seek(win.playback.length_ms() - 1500)  # near the end: it ends by itself
        countdown = win.plays.episodes.countdown
        await wait_until(countdown.isVisible)
        assert countdown.name.text().startswith("S1 E6")
        assert countdown.seconds_left == 2
        # the finished episode is watched under its own key; the series' place moved on
        done = series.progress(SERIES)[(1, 5)]
        assert done.watched
        nxt = series.next_episode(SERIES)
        assert nxt is not None and (nxt.episode.season, nxt.episode.number) == (1, 6)
        await wait_until(lambda: playing_key() == episode_key(SERIES, 1, 6))  # after the countdown
        assert not countdown.isVisible()
        assert win.playback.request.location.endswith("S01E06.720p.mp4")
        await wait_until(lambda: win.playback.state == PlaybackState.PLAYING)
        await wait_until(lambda: win.playback.position_ms() > 1500)
        await asyncio.sleep(0.2)
        qtbot.keyClick(win.player, Qt.Key.Key_Escape)  # Back saves S1 E6's place
        assert win.stack.currentWidget() is win.title_page
        started = series.progress(SERIES)[(1, 6)]
        assert started.position_ms > 1000 and not started.watched
        # the episode's progress is its own, not the series' (the series row says where it is)
        assert LibraryService(services).progress(episode_key(SERIES, 1, 6)) is not None
        assert panel.continue_button.text() in ("Continue: S1 E6", "Continue: S1 E5")
        await wait_until(lambda: panel.continue_button.text() == "Continue: S1 E6")
        # the series' own Play button plays its next episode from where it was left
        resume = started.position_ms
        qtbot.mouseClick(win.title_page.play_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: win.stack.currentWidget() is win.player)
        await wait_until(lambda: win.playback.state == PlaybackState.PLAYING)
        assert playing_key() == episode_key(SERIES, 1, 6)
        await wait_until(lambda: win.playback.position_ms() >= resume - 500)
        # History: the episode's entry plays that episode again
        qtbot.keyClick(win.player, Qt.Key.Key_Escape)
        win.navigator.navigate("history")
        history = win.navigator.page("history")
        await wait_until(lambda: any(r.entry.item_key == episode_key(SERIES, 1, 5) for r in history.rows))
        row = next(r for r in history.rows if r.entry.item_key == episode_key(SERIES, 1, 5))
        qtbot.mouseClick(row.resume, Qt.MouseButton.LeftButton)
        await wait_until(lambda: playing_key() == episode_key(SERIES, 1, 5))
        assert win.playback.request.location.endswith("S01E05.720p.mp4")
        qtbot.keyClick(win.player, Qt.Key.Key_Escape)  # stopped inside the loop: no task outlives it
        assert win.playback.request is None

    try:
        run_scenario(scenario())
    finally:
        win.shutdown()


def test_skip_intro_on_the_player_in_a_named_intro_chapter(
    qtbot: Any, library: Any, sample_video: Any, tmp_path: Any
) -> None:
    """A file whose chapters name an intro (0-8 s): the real player shows «Skip intro»; a click
    seeks past it and the button goes; in the chapter after it no button."""
    import subprocess

    from app.bootstrap import build_window
    from app.services.playback.session import PlaybackState
    from tests.ui.asyncqt import run_scenario, wait_until

    meta = tmp_path / "chapters.txt"
    meta.write_text(
        ";FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=8000\ntitle=Intro\n"
        "[CHAPTER]\nTIMEBASE=1/1000\nSTART=8000\nEND=30000\ntitle=Episode\n"
    )
    video = tmp_path / "Show.S01E01.mkv"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(sample_video), "-i", str(meta), "-map_metadata", "1",
         "-map_chapters", "1", "-c", "copy", str(video)],
        check=True,
    )  # fmt: skip
    win = build_window(library)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.startup_finished)

    async def scenario() -> None:
        from app.ui.components.skip_intro import SkipButton

        win.play_location(str(video))
        await wait_until(lambda: win.stack.currentWidget() is win.player)
        await wait_until(lambda: win.playback.state == PlaybackState.PLAYING)
        button = win.player.findChild(SkipButton)
        await wait_until(button.isVisible)
        assert button.text() == "Skip intro"
        assert win.playback.position_ms() < 8000
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: win.playback.position_ms() >= 8000)
        assert not button.isVisible()
        button.check()  # in the «Episode» chapter: nothing to skip
        assert not button.isVisible()
        qtbot.keyClick(win.player, Qt.Key.Key_Escape)
        assert win.playback.request is None

    try:
        run_scenario(scenario())
    finally:
        win.shutdown()


def test_an_episodes_ways_its_file_first_then_the_release_played_before() -> None:
    """The series' file named for the episode first (others not), then the providers' streams
    with the previous episode's release (bingeGroup) ahead of a better-ranked one; no web pages."""
    from app.domain.models import Source, SourceKind, TitleDetail, TitleKind
    from app.domain.release import RankedStream, Release
    from app.domain.series import episode_key
    from app.domain.streams import StreamCandidate
    from app.ui.components.episode_play import episode_playables

    files = [
        Source(title_id=SERIES, kind=SourceKind.DIRECT, url=f"/media/GoT/Season 1/GoT.S01E0{n}.mkv")
        for n in (4, 5)
    ]
    detail = TitleDetail(id=SERIES, kind=TitleKind.SERIES, title="Игра престолов", sources=tuple(files))

    def ranked(url: str, group: str | None, kind: SourceKind = SourceKind.TORRENT) -> Any:
        cand = StreamCandidate(provider_id="p", kind=kind, url=url, binge_group=group)
        return RankedStream(cand, Release(), 1.0, ())

    found = [
        ranked("magnet:?xt=urn:btih:" + "a" * 40, "torrentio|1080p|NTb"),
        ranked("https://example.org/page", None, SourceKind.PAGE),
        ranked("magnet:?xt=urn:btih:" + "b" * 40, "torrentio|720p|KiNGS"),
    ]
    ways = episode_playables(detail, 1, 5, 1200, found, "torrentio|720p|KiNGS")
    assert [w.request.location for w in ways] == [
        "/media/GoT/Season 1/GoT.S01E05.mkv",
        "magnet:?xt=urn:btih:" + "b" * 40,
        "magnet:?xt=urn:btih:" + "a" * 40,
    ]
    assert {w.request.item_key for w in ways} == {episode_key(SERIES, 1, 5)}
    assert all(w.request.title_id == SERIES and w.request.start_ms == 1200 for w in ways)
    assert episode_playables(detail, 1, 7, 0, [], None) == []  # no file, nothing found
