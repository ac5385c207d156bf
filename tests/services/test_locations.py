"""Ad hoc locations (``cinema play``, a clicked magnet link) go to the right engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.locations import is_torrent_location, location_kind
from app.domain.models import SourceKind


def test_every_public_magnet_is_a_torrent(realworld: Path) -> None:
    lines = (realworld / "torrent" / "magnets_public_and_edge.txt").read_text("utf-8").splitlines()
    magnets = [line.strip() for line in lines if line.strip().startswith("magnet:")]
    assert len(magnets) >= 10
    assert all(location_kind(m) is SourceKind.TORRENT for m in magnets)


@pytest.mark.parametrize(
    ("location", "kind"),
    [
        ("/films/Metropolis.torrent", SourceKind.TORRENT),
        ("http://127.0.0.1:9117/dl/x.torrent?passkey=1", SourceKind.TORRENT),
        ("08ada5a7a6183aae1e09d831df6748d566095a10", SourceKind.TORRENT),
        ("VU2QYN66WU7FTPXSG3TFDRXW6KTEBPBF", SourceKind.TORRENT),
        ("http://127.0.0.1:8080/live/index.m3u8?token=1", SourceKind.HLS),
        ("/films/Metropolis.mkv", SourceKind.DIRECT),
        ("https://127.0.0.1/video.mp4", SourceKind.DIRECT),
    ],
)
def test_location_kinds(location: str, kind: SourceKind) -> None:
    assert location_kind(location) is kind


def test_a_film_title_is_not_an_info_hash() -> None:
    assert not is_torrent_location("Metropolis.1927.mkv")
    assert not is_torrent_location("/tmp/deadbeef")
