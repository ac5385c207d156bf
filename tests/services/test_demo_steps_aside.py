"""The demo steps aside once the user's own guide has films (and stays away after a restart);
brought back on request it stays beside the user's films."""

from __future__ import annotations

from pathlib import Path

from app.bootstrap import build_services
from app.services import demo
from app.services.guide import refresh as epg_refresh
from app.services.library.catalog import CatalogService
from app.storage import catalog_reads


def _own_guide(services, tmp_path: Path) -> int:
    """A guide of the user's with films this week (the demo's own programme, as a user's file)."""
    guide = demo.write_shifted_guide(tmp_path / "my-guide.xml", demo.shift_weeks(services.clock.now()))
    source_id = epg_refresh.add_source(services, str(guide), name="Мой провайдер", kind="xmltv")
    epg_refresh.refresh_source_blocking(services, source_id, force=True)
    return source_id


def test_the_demo_steps_aside_for_the_users_films_and_comes_back_on_request(home, tmp_path: Path) -> None:
    services = build_services(data_dir=home, load_demo=True, console_log=False)
    try:
        assert demo.is_demo_present(services) and not demo.stepped_aside(services)
        _own_guide(services, tmp_path)
        assert not demo.ensure_demo_library(services)  # as the refresh flow calls it after a refresh
        assert not demo.is_demo_present(services) and demo.stepped_aside(services)
        assert catalog_reads.count_demo(services.db) == 0  # no demo title left in the catalogue
        assert CatalogService(services).ids()  # the user's own films are
    finally:
        services.db.dispose()
    # a restart: the demo is not filled in again
    services = build_services(data_dir=home, load_demo=True, console_log=False)
    try:
        assert not demo.is_demo_present(services)
        demo.restore_demo_library(services)  # Settings › Bring back the demo library
        assert demo.is_demo_present(services) and not demo.stepped_aside(services)
        assert demo.ensure_demo_library(services)  # the next refresh leaves it where it is
        assert demo.is_demo_present(services)
    finally:
        services.db.dispose()
