"""`cinema indexer|addon|video add|sources` against the loopback fakes, as a person would run them:
keys from stdin (never argv, the database or the logs), exit codes 2 (invalid) and 3 (stored)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fakes.stream_servers import GOOD_KEY, FakeStreamServers, RouteFault

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def fakes() -> Iterator[FakeStreamServers]:
    server = FakeStreamServers()
    server.start()
    yield server
    server.stop()


def cinema(
    home: Path, fakes: FakeStreamServers, *args: str, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        CINEMA_HOME=str(home),
        PYTHON_KEYRING_BACKEND="tests.fakes.file_keyring.FileKeyring",
        CINEMA_TEST_KEYRING=str(home / "keyring.json"),
        CINEMA_NYAA_BASE_URL=fakes.url("/nyaa/"),
        CINEMA_RUTUBE_BASE_URL=fakes.url("/rutube"),
        CINEMA_DEMO_ENABLED="false",
    )
    return subprocess.run(
        [sys.executable, "-m", "app", *args], env=env, input=stdin, capture_output=True, text=True,
        timeout=120, check=False, cwd=REPO,
    )  # fmt: skip


def seed_title(home: Path) -> None:
    from app.bootstrap import build_services
    from app.storage import titles_repo

    services = build_services(home, load_demo=False, console_log=False)
    titles_repo.upsert_titles(services.db, [{
        "id": "tmdb:movie:603", "kind": "film", "title": "Матрица", "original_title": "The Matrix",
        "year": 1999,
        "runtime": 136, "imdb_id": "tt0133093", "tmdb_id": 603, "added_at": 1, "updated_at": 1,
    }])  # fmt: skip
    services.db.dispose()


def test_indexers_addons_links_and_ranked_sources(tmp_path: Path, fakes: FakeStreamServers) -> None:
    home = tmp_path / "home"
    seed_title(home)
    jackett = fakes.url("/jackett/api/v2.0/indexers/rutracker/results/torznab/")
    wrong = cinema(home, fakes, "indexer", "add", "torznab", "Jackett", jackett, stdin="not-the-key\n")
    assert wrong.returncode == 2 and "wrong API key" in wrong.stderr and "not-the-key" not in wrong.stderr
    added = cinema(home, fakes, "indexer", "add", "torznab", "Jackett", jackett, stdin=GOOD_KEY + "\n")
    assert added.returncode == 0, added.stderr
    assert "torznab:jackett" in added.stdout
    listed = json.loads(cinema(home, fakes, "indexer", "list", "--json").stdout)
    assert [(i["id"], i["status"]) for i in listed] == [("torznab:jackett", "ok")]
    addon = cinema(home, fakes, "addon", "add", fakes.url("/torrentio/manifest.json"))
    assert addon.returncode == 0 and "Torrentio" in addon.stdout, addon.stderr
    link = cinema(home, fakes, "video", "add", "--title", "tmdb:movie:603", fakes.url("/media/matrix.m3u8"))
    assert link.returncode == 0 and "hls link, 1080p" in link.stdout, link.stderr

    out = cinema(home, fakes, "sources", "tmdb:movie:603", "--json")
    assert out.returncode == 0, out.stderr
    objects = json.loads(out.stdout)
    assert len(objects) == 5 + 4 + 1  # Jackett's five, Torrentio's four, the link
    keys = {
        "kind",
        "label",
        "url",
        "start",
        "stop",
        "channel",
        "playable_now",
        "provider",
        "score",
        "components",
    }
    assert all(keys <= set(o) for o in objects)
    assert [o["score"] for o in objects] == sorted((o["score"] for o in objects), reverse=True)
    first = objects[0]
    assert first["provider"] == "torznab:jackett" and first["voice"] == ["dub", "mvo"]  # a Russian dub wins
    assert [c["name"] for c in first["components"]] == [
        "quality",
        "speed",
        "availability",
        "subtitles",
        "audio",
    ]
    assert round(sum(c["points"] for c in first["components"]), 2) == round(first["score"], 2)
    assert {o["kind"] for o in objects} == {"torrent", "hls"}
    cam = next(o for o in objects if "CAMRip" in o["label"])
    assert cam["components"][0]["reason"] == "camera" and objects.index(cam) > 2

    asked = len(fakes.counters.paths)
    cinema(home, fakes, "sources", "tmdb:movie:603", "--json")
    assert len([p for p in fakes.counters.paths[asked:] if "/jackett" in p]) == 0  # cached
    cinema(home, fakes, "sources", "tmdb:movie:603", "--json", "--refresh")
    assert any("/jackett" in p for p in fakes.counters.paths[asked:])

    # the key is nowhere but the keyring
    assert GOOD_KEY.encode() not in (home / "data" / "cinema.sqlite3").read_bytes()
    for log in (home / "logs").glob("*"):
        assert GOOD_KEY not in log.read_text(errors="replace")
    assert GOOD_KEY in (home / "keyring.json").read_text()

    removed = cinema(home, fakes, "indexer", "remove", "torznab:jackett")
    assert removed.returncode == 0 and GOOD_KEY not in (home / "keyring.json").read_text()
    assert cinema(home, fakes, "indexer", "remove", "torznab:jackett").returncode == 1


def test_video_add_exit_codes(tmp_path: Path, fakes: FakeStreamServers) -> None:
    home = tmp_path / "home"
    seed_title(home)
    url = fakes.url("/media/film.mp4")
    assert cinema(home, fakes, "video", "add", "--title", "Матрица", url).returncode == 0
    again = cinema(home, fakes, "video", "add", "--title", "Другой фильм", url)
    assert again.returncode == 3 and "«Матрица»" in again.stderr
    for bad in (
        "javascript:alert(1)",
        "data:text/html,<b>x</b>",
        "file:///etc/passwd",
        "magnet:?xt=urn:btih:zz",
    ):
        out = cinema(home, fakes, "video", "add", "--title", "Матрица", bad)
        assert out.returncode == 2 and "invalid link" in out.stderr and "Traceback" not in out.stderr, bad


def test_addons_that_cannot_serve_are_refused(tmp_path: Path, fakes: FakeStreamServers) -> None:
    home = tmp_path / "home"
    fakes.stremio_manifest = {**fakes.stremio_manifest, "behaviorHints": {"configurationRequired": True}}
    out = cinema(home, fakes, "addon", "add", fakes.url("/torrentio/manifest.json"))
    assert out.returncode == 2 and "must be configured first" in out.stderr
    fakes.stremio_manifest = {**fakes.stremio_manifest, "behaviorHints": {}, "resources": ["catalog"]}
    out = cinema(home, fakes, "addon", "add", fakes.url("/torrentio/manifest.json"))
    assert out.returncode == 2 and "offers no streams" in out.stderr
    fakes.faults["/torrentio/manifest"] = RouteFault(body=b"<html>", content_type="text/html")
    out = cinema(home, fakes, "addon", "add", fakes.url("/torrentio/manifest.json"))
    assert out.returncode == 2 and "not JSON" in out.stderr
    out = cinema(home, fakes, "addon", "add", "http://127.0.0.1:9/other.json")
    assert out.returncode == 2 and "/manifest.json" in out.stderr
    assert json.loads(cinema(home, fakes, "addon", "list", "--json").stdout) == []


def test_sources_of_an_unknown_title(tmp_path: Path, fakes: FakeStreamServers) -> None:
    out = cinema(tmp_path / "home", fakes, "sources", "tmdb:movie:1", "--json")
    assert out.returncode == 1 and "no title" in out.stderr
