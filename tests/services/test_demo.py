"""The demo library fills an empty library once, follows the current week, and can be removed."""

from __future__ import annotations

from datetime import UTC, datetime

from app.core.clock import FixedClock
from app.services import demo
from app.services.library.catalog import CatalogService


def test_first_start_fills_demo_with_airings_and_a_playable_source(services) -> None:
    services.clock = FixedClock(datetime(2026, 11, 25, 18, 0, tzinfo=UTC))  # a Wednesday
    assert demo.ensure_demo_library(services)
    catalog = CatalogService(services)
    ids = catalog.ids()
    films = demo.load_metadata()
    assert len(ids) == len(films) >= 20
    detail = catalog.detail("tmdb:movie:19")
    assert detail is not None and detail.title == "Метрополис" and detail.is_demo
    assert detail.sources and detail.sources[0].url.endswith("sample.mp4")
    # the guide week was shifted to the current week: upcoming airings exist
    briefs = catalog.briefs(ids)
    upcoming = [b for b in briefs.values() if b.next_airing is not None]
    assert len(upcoming) >= len(films) // 2
    assert all(b.next_airing.start.year == 2026 and b.next_airing.start.month == 11 for b in upcoming)


def test_removed_demo_stays_removed_and_can_come_back(services) -> None:
    demo.ensure_demo_library(services)
    assert demo.is_demo_present(services)
    removed = demo.remove_demo_library(services)
    assert removed >= 20 and not demo.is_demo_present(services)
    assert CatalogService(services).ids() == []
    demo.ensure_demo_library(services)  # next start: not refilled
    assert not demo.is_demo_present(services)
    assert services.settings.demo_enabled is False
    demo.restore_demo_library(services)
    assert demo.is_demo_present(services)


def test_no_demo_over_a_library_of_ones_own(services) -> None:
    from app.storage import titles_repo
    from tests.ui.conftest import title_row

    titles_repo.upsert_titles(services.db, [title_row(1)])
    assert not demo.ensure_demo_library(services)
    assert not demo.is_demo_present(services)
