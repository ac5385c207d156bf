"""The cache cap with LRU clean-up and the keep flag (on disk and in the torrents table), and
``cinema stream`` as a user runs it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from app.engines.torrent.cache import CacheEntry, TorrentCache
from app.storage import torrent_repo
from tests.fakes.swarm import LibtorrentSeeder, magnet

REPO = Path(__file__).resolve().parents[3]


def _fill(cache: TorrentCache, info_hash: str, size: int) -> Path:
    folder = cache.folder(info_hash)
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "film.mkv").write_bytes(os.urandom(size))
    return folder


def test_lru_clean_up_respects_cap_keep_and_active(tmp_path: Path) -> None:
    cache = TorrentCache(tmp_path / "torrents", cap_bytes=250_000)
    a, b, c, d, orphan = ("a" * 40, "b" * 40, "c" * 40, "d" * 40, "e" * 40)
    for h in (a, b, c, d, orphan):
        _fill(cache, h, 100_000)
    (cache.root / ".state").mkdir()  # session state is not a torrent: never counted or deleted
    entries = [
        CacheEntry(a, keep=False, last_access_at=100),  # oldest
        CacheEntry(b, keep=True, last_access_at=50),  # older but kept
        CacheEntry(c, keep=False, last_access_at=200),
        CacheEntry(d, keep=False, last_access_at=10),  # oldest of all but streaming now
    ]
    deleted = cache.clean(entries, active={d})
    assert deleted == [orphan, a, c]
    assert sorted(p.name for p in cache.root.iterdir()) == sorted([".state", b, d])
    assert sum(cache.usage().values()) <= 250_000 or cache.usage().keys() == {b, d}
    with pytest.raises(ValueError):
        cache.folder("../../etc")


def test_repo_records_access_keep_and_delete(services: Any) -> None:
    db = services.db
    h = "f" * 40
    torrent_repo.record_access(db, h, source="magnet:?x", now=100, name="Film", total_size=10)
    torrent_repo.record_access(db, h, source="magnet:?x", now=300, name="Film", total_size=10)
    assert torrent_repo.set_keep(db, h, True)
    assert not torrent_repo.set_keep(db, "0" * 40, True)
    [rec] = torrent_repo.list_torrents(db)
    assert (rec.added_at, rec.last_access_at, rec.keep, rec.name) == (100, 300, True, "Film")
    torrent_repo.delete_torrents(db, [h])
    assert torrent_repo.list_torrents(db) == []


@pytest.mark.timeout(60)
def test_cli_prints_url_then_serves_until_interrupted(film: tuple[Path, Path], tmp_path: Path) -> None:
    video, torrent = film
    seeder = LibtorrentSeeder(torrent, video.parent)
    env = {
        **os.environ,
        "CINEMA_TORRENT_LISTEN_INTERFACES": "127.0.0.1:0",
        "CINEMA_TORRENT_DHT": "false",
        "CINEMA_TORRENT_LSD": "false",
        "CINEMA_TORRENT_UPNP": "false",
        "CINEMA_TORRENT_NATPMP": "false",
    }
    cmd = [sys.executable, "-m", "app", "--data-dir", str(tmp_path / "home"), "stream",
           magnet(torrent, [seeder.port])]  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:") and url.endswith(".mp4"), url
        raw = video.read_bytes()
        request = urllib.request.Request(url, headers={"Range": "bytes=1000-200999"})
        with urllib.request.urlopen(request, timeout=20) as resp:
            assert resp.status == 206
            assert resp.read() == raw[1000:201000]
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
        assert proc.returncode == 0, err
        assert "peers=" in err and "buffering Test Film (2024).mp4" in err
        # Resume data saved on exit, inside the cache dir like everything else.
        cache = tmp_path / "home" / "cache" / "torrents"
        assert list((cache / ".state" / "resume").glob("*.fastresume"))
        assert (cache / ".state" / "session.state").is_file()
        films = [p for p in tmp_path.rglob("Test Film (2024).mp4")]
        assert films and all(p.is_relative_to(cache) for p in films), films
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        seeder.close()
