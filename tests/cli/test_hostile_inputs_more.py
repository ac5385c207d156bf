"""Issue 19's closing check for items 2, 7, 8 and 9 (items 5, 6, 10, 11: test_hostile_inputs.py):
the real CLI in its own process over each hostile input; what the issue asks is checked, and no
traceback reaches the user on stderr. Servers are fakes on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.storage import enrich_repo
from tests.cli.hostile import cli
from tests.fakes.feed_server import feed_server
from tests.fakes.tmdb_server import GOOD_TOKEN, FakeTmdb, Faults
from tests.providers.test_m3u_hostile_urls import HOSTILE
from tests.services.test_enrichment import FILMS, MOVIES
from tests.services.test_epg_refresh import PLAYLIST, guide

QUIET = {"CINEMA_DEMO_ENABLED": "false"}


def case_enrich_with_tmdb_answering_503(home: Path) -> str:
    from app.bootstrap import build_services

    services = build_services(data_dir=home, load_demo=False, console_log=False)
    enrich_repo.seed_guide_films(services.db, FILMS[:3], int(services.clock.now().timestamp()))
    services.db.dispose()
    tmdb = FakeTmdb(MOVIES, [], faults=Faults(fail_5xx=1_000_000))
    tmdb.start()
    try:
        env = {**QUIET, "CINEMA_TMDB_TOKEN": GOOD_TOKEN, "CINEMA_TMDB_BASE_URL": tmdb.base_url,
               "CINEMA_SHIKIMORI_BASE_URL": "http://127.0.0.1:9"}  # fmt: skip
        done = cli(home, "enrich", env=env)
    finally:
        tmdb.stop()
    assert done.returncode == 2
    said = [line for line in done.stderr.splitlines() if "enrich stopped" in line]
    assert len(said) == 1 and "3 film(s) failed" in said[0] and "HTTP 503" in said[0]
    return done.stderr


def case_playlist_with_hostile_stream_urls(home: Path) -> str:
    playlist = home.parent / "hostile.m3u"
    playlist.write_text(HOSTILE, "utf-8")
    done = cli(home, "epg", "import", str(playlist), env=QUIET)
    assert done.returncode == 0 and "imported 5 channels" in done.stdout
    return done.stderr


def case_playlist_whose_guide_is_offline(home: Path) -> str:
    with feed_server() as server:
        url = server.set("/list.m3u", PLAYLIST.format(guide="http://127.0.0.1:9/epg.xml.gz").encode())
        done = cli(home, "epg", "import", url, env=QUIET)
    assert done.returncode == 0 and "imported 4 channels" in done.stdout and "note: " in done.stderr
    return done.stderr


def case_guide_sent_a_byte_a_second(home: Path) -> str:
    with feed_server() as server:
        url = server.set("/g.xml", guide(("a", "20240101200000 +0300", None, "Х/ф Брат")), trickle_s=0.5)
        done = cli(home, "epg", "import", url, env={**QUIET, "CINEMA_DOWNLOAD_DEADLINE_S": "2"})
    assert done.returncode != 0 and "download deadline of 2 s" in done.stderr
    assert not list((home / "cache").rglob("*.part"))
    return done.stderr


CASES: dict[str, Callable[[Path], str]] = {
    name.removeprefix("case_"): fn for name, fn in sorted(globals().items()) if name.startswith("case_")
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_traceback_reaches_the_user(name: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    stderr = CASES[name](home)
    assert "Traceback" not in stderr, stderr
