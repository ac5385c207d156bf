"""The Sources panel in Settings: add a guide, see its counts, refresh, errors, remove."""

from __future__ import annotations

from pathlib import Path

from app.services import demo
from app.ui.components.sources_panel import SourcesPanel
from tests.ui.asyncqt import run_scenario, wait_until


def test_add_refresh_and_remove_a_guide(qtbot, services, tmp_path: Path, messages) -> None:
    # the demo guide moved to this week, so its programmes are not pruned as old
    guide = demo.write_shifted_guide(tmp_path / "guide.xml", demo.shift_weeks(services.clock.now()))
    panel = SourcesPanel(services)
    qtbot.addWidget(panel)
    changed: list[bool] = []
    panel.guideChanged.connect(lambda: changed.append(True))
    panel.reload()
    assert panel.table.topLevelItemCount() == 0

    async def scenario() -> None:
        panel.location.setText(str(guide))
        panel.name.setText("Мой гид")
        panel.add_button.click()
        await wait_until(lambda: changed, timeout=60)
        assert panel.table.topLevelItemCount() == 1
        item = panel.table.topLevelItem(0)
        assert item.text(0) == "Мой гид" and item.text(1) == "XMLTV" and item.text(6) == "ok"
        assert int(item.text(4)) > 100 and int(item.text(5)) > 0  # programmes, films
        assert "Updated:" in panel.message.text()

        changed.clear()
        panel.refresh_button.click()  # same file again: nothing to re-import
        await wait_until(lambda: changed, timeout=60)
        assert panel.table.topLevelItem(0).text(6) in ("unchanged", "ok")

        guide.write_text("<html><body>Please log in</body></html>", "utf-8")  # a provider's login page
        changed.clear()
        panel.refresh_button.click()
        await wait_until(lambda: changed, timeout=60)
        item = panel.table.topLevelItem(0)
        assert item.text(6) == "error"
        assert int(item.text(4)) > 100  # the previous guide is still there
        assert panel.message.text() and "Last error" in panel.details.text()
        assert panel.message.text() in messages.status(panel.message)
        assert messages.boxes() == []  # the panel says it in place

        panel.remove_button.click()  # removed in a worker, then the list is read again
        await wait_until(lambda: panel.table.topLevelItemCount() == 0)

    run_scenario(scenario())


def test_a_bad_location_says_so(qtbot, services, messages) -> None:
    panel = SourcesPanel(services)
    qtbot.addWidget(panel)
    panel.reload()

    async def scenario() -> None:
        panel.location.setText("/no/such/guide.xml")
        panel.add_button.click()
        await wait_until(lambda: bool(panel.message.text()), timeout=30)
        assert "guide.xml" in panel.message.text()
        assert [t for t in messages.status(panel.message) if "guide.xml" in t] == [panel.message.text()]

    run_scenario(scenario())


def test_a_guide_added_here_ends_enriched_after_one_refresh(
    qtbot, services, realworld: Path, monkeypatch, messages
) -> None:
    """Add runs the app's one refresh flow: fetched, imported, pruned and enriched in one go."""
    import json
    import re

    from sqlalchemy import text

    from app.core.clock import FixedClock
    from app.services.scheduler import RefreshDidFinish
    from tests.fakes.tmdb_server import GOOD_TOKEN, FakeTmdb
    from tests.services.test_enrichment_guide import LABELS, expected_id, first_start

    feed = realworld / "xmltv" / "iptvx_one_ru_content.xml"
    services.clock = FixedClock(first_start(feed))  # the feed's week is now: nothing pruned as old
    labels = json.loads(LABELS.read_text("utf-8"))
    tmdb = FakeTmdb(labels["tmdb_movies"], labels["tmdb_tv"])
    tmdb.start()
    monkeypatch.setenv("CINEMA_TMDB_TOKEN", GOOD_TOKEN)
    services.settings = services.settings.model_copy(
        update={
            "tmdb_base_url": tmdb.base_url,
            "tmdb_image_base_url": tmdb.image_base,
            "shikimori_base_url": "http://127.0.0.1:9",
        }
    )
    finished: list[RefreshDidFinish] = []
    services.bus.subscribe(RefreshDidFinish, finished.append)
    panel = SourcesPanel(services)
    qtbot.addWidget(panel)
    changed: list[bool] = []
    panel.guideChanged.connect(lambda: changed.append(True))
    panel.reload()

    async def scenario() -> None:
        panel.location.setText(str(feed))
        panel.add_button.click()
        assert not panel.add_button.isEnabled()  # one run at a time
        await wait_until(lambda: changed, timeout=120)

    try:
        run_scenario(scenario(), timeout=180)
    finally:
        tmdb.stop()
    assert len(finished) == 1 and finished[0].origin == "settings"  # one run did it all
    run = finished[0]
    assert run.guides_ok == 1 and run.error is None and run.matched >= 6
    assert "Updated:" in panel.message.text()
    with services.db.engine.connect() as conn:
        links = dict(
            conn.execute(text("SELECT title, title_id FROM programmes WHERE film_key IS NOT NULL")).all()
        )
    by_title = {re.sub(r"^х/ф\s+", "", t): tid for t, tid in links.items()}
    assert by_title["Успех"] == expected_id(labels, "Успех", 1984)  # enriched: a TMDB title
    assert by_title["Экипаж машины боевой"] == expected_id(labels, "Экипаж машины боевой", 1983)
    assert messages.errors() == []
