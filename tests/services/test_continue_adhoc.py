"""Torrents, links and files played without a title (the CLI, a drop) are in Continue watching,
ordered with the titles by when they were last played; finished ones leave it (issue 18)."""

from __future__ import annotations

from app.domain.ids import media_key_for
from app.services.library.catalog import CatalogService
from app.services.library.progress import LibraryService
from app.storage import titles_repo
from tests.ui.conftest import title_row

MAGNET = "magnet:?xt=urn:btih:" + "e" * 40 + "&dn=Film"
URL = "https://example.org/film.mp4"


def _played(lib: LibraryService, location: str, label: str, position: int, length: int) -> str:
    key = media_key_for(location)
    entry = lib.start_history(key, None, label, location)
    lib.save_progress(key, position, length, watched=position >= length * 0.9 or None)
    lib.update_history(entry, position, length)
    return key


def test_adhoc_items_are_in_continue_watching(services) -> None:
    titles_repo.upsert_titles(services.db, [title_row(1)])
    lib = LibraryService(services)
    lib.save_progress("tmdb:movie:1001", 60_000, 5_400_000, title_id="tmdb:movie:1001")
    torrent = _played(lib, MAGNET, "Film", 30_000, 6_000_000)
    link = _played(lib, URL, "film.mp4", 10_000, 3_000_000)
    done = _played(lib, "/tmp/seen.mkv", "seen.mkv", 2_990_000, 3_000_000)  # watched to the end
    catalog = CatalogService(services)
    row = next(r for r in catalog.home_rows() if r.key == "continue")
    assert set(row.ids) == {"tmdb:movie:1001", torrent, link} and done not in row.ids
    briefs = catalog.briefs(row.ids)
    assert briefs[torrent].title == "Film" and 0 < (briefs[torrent].progress or 0) < 1
    assert briefs[link].title == "film.mp4"
    assert catalog.adhoc_location(torrent) == MAGNET


def test_home_asks_first_whether_there_are_adhoc_items_or_discovery_rows(services) -> None:
    """Home's start asks two cheap questions before it loads adhoc_repo or discovery_repo."""
    from app.storage import catalog_reads, discovery_repo, profiles_repo

    db, me = services.db, services.profile_id
    other = profiles_repo.create(db, "Гость", now=1)
    assert not catalog_reads.has_adhoc_progress(db, me)
    lib = LibraryService(services)
    _played(lib, "/tmp/seen.mkv", "seen.mkv", 2_990_000, 3_000_000)  # watched to the end: not
    assert not catalog_reads.has_adhoc_progress(db, me)
    _played(lib, URL, "film.mp4", 10_000, 3_000_000)
    assert catalog_reads.has_adhoc_progress(db, me) and not catalog_reads.has_adhoc_progress(db, other)
    assert not catalog_reads.has_discovery_rows(db, me)
    assert CatalogService(services).discovery_rows() == []
    discovery_repo.save_row(db, f"recommended:{other}", other, [{"id": "tmdb:movie:1"}], now=1)
    assert catalog_reads.has_discovery_rows(db, other) and not catalog_reads.has_discovery_rows(db, me)
    discovery_repo.save_row(db, "popular", None, [{"id": "tmdb:movie:1"}], now=1)  # shared by all
    assert catalog_reads.has_discovery_rows(db, me)
