"""The metadata-only torrent probe: a real libtorrent seeder on loopback answers with its metadata
and counts as a seed, a magnet nobody seeds stays without metadata; no piece is downloaded; the
health check uses the probe for own magnet links (no seeders reported) and ranks them."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from app.engines.torrent.probe import ProbeResult, probe_listen, probe_magnets
from app.services.sources import health
from app.services.sources.health import probe_health
from app.services.sources.links import add_link
from app.storage import sources_repo
from tests.fakes.swarm import LibtorrentSeeder, magnet, make_padded_file, make_torrent
from tests.services.sources.conftest import MATRIX_ID, add_title

LOOPBACK = {"listen_interfaces": "127.0.0.1:0", "dht": False, "lsd": False}
NOBODY = "magnet:?xt=urn:btih:" + "cd" * 20 + "&dn=nobody.mkv"


def _seeded(tmp_path: Path) -> tuple[LibtorrentSeeder, str]:
    (tmp_path / "seed").mkdir()
    content = make_padded_file(tmp_path / "seed" / "Matrix.1999.mkv", 3 * 1024 * 1024)
    torrent = make_torrent(content, tmp_path / "matrix.torrent")
    seeder = LibtorrentSeeder(torrent, content.parent)
    return seeder, magnet(torrent, [seeder.port])


def test_a_seeded_magnet_answers_and_nobodys_does_not(tmp_path: Path) -> None:
    seeder, alive = _seeded(tmp_path)
    try:
        found, dead, broken = probe_magnets([alive, NOBODY, "magnet:?dn=no-hash"], 1.5, **LOOPBACK)
        uploaded = seeder.handle.status().all_time_upload
    finally:
        seeder.close()
    assert found.metadata and found.seeds == 1 and found.files == 1 and found.error is None
    assert probe_health(found) == ("ok", 0.6)
    assert not dead.metadata and dead.seeds == dead.peers == 0 and probe_health(dead) == ("no_peers", 0.05)
    assert broken.error is not None and probe_health(broken) == ("dead", 0.05)
    # upload mode: the seeder uploaded nothing but the metadata
    assert uploaded < 256 * 1024  # not one 256 KB piece


def test_probe_health_table() -> None:
    def r(metadata: bool, seeds: int, peers: int) -> ProbeResult:
        return ProbeResult("magnet:?xt=urn:btih:" + "0" * 40, metadata, seeds, peers)

    assert probe_health(r(True, 7, 9)) == ("ok", 0.9)
    assert probe_health(r(True, 0, 2)) == ("ok", 0.6)
    assert probe_health(r(True, 0, 0)) == ("no_peers", 0.2)
    assert probe_health(r(False, 0, 3)) == ("slow", 0.3)
    assert probe_listen("0.0.0.0:6881,[::]:6881") == "0.0.0.0:0,[::]:0"


def test_the_health_check_probes_own_magnet_links_and_ranks_the_live_one_first(
    services: Any, tmp_path: Path
) -> None:
    add_title(services)
    services.settings = services.settings.model_copy(
        update={"torrent_listen_interfaces": "127.0.0.1:0", "torrent_dht": False, "torrent_lsd": False}
    )
    seeder, alive = _seeded(tmp_path)
    try:
        asyncio.run(add_link(services, MATRIX_ID, NOBODY))
        asyncio.run(add_link(services, MATRIX_ID, alive))
        rows = {r.url: r for r in sources_repo.title_sources(services.db, MATRIX_ID)}
        assert rows[alive].seeders is None and rows[NOBODY].seeders is None  # nobody reported any
        untouched = asyncio.run(health.check_title(services, MATRIX_ID))  # no probe asked: unknown
        assert {r.health for r in untouched} == {"unknown"}
        results = asyncio.run(health.check_title(services, MATRIX_ID, probe_s=1.5))
    finally:
        seeder.close()
    rows = {r.url: r for r in sources_repo.title_sources(services.db, MATRIX_ID)}
    by_id = {r.source_id: r for r in results}
    assert by_id[rows[alive].id].health == "ok" and by_id[rows[NOBODY].id].health == "no_peers"
    assert rows[alive].health == "ok" and rows[NOBODY].health == "no_peers"
    assert sources_repo.title_sources(services.db, MATRIX_ID)[0].url == alive  # ranked first now
