"""The title page's ranked sources: as they arrive, why first, "Add a link…", Settings › Sources."""

from __future__ import annotations

from typing import Any

from app.domain.errors import ProviderUnavailable
from app.services.library.catalog import CatalogService
from app.storage import sources_repo
from app.ui.components.stream_providers import StreamProvidersSettings
from app.ui.components.title_sources import install
from app.ui.pages.title_page import TitlePage
from tests.services.sources.conftest import MATRIX_ID, FakeStreams, add_title, only, torrent


def _page(qtbot: Any, services: Any) -> tuple[TitlePage, Any]:
    page = TitlePage()
    qtbot.addWidget(page)
    panel = install(page, services)
    page.resize(1300, 900)
    page.show()
    return page, panel


def test_ranked_sources_as_they_arrive_with_why_first(qtbot: Any, services: Any) -> None:
    add_title(services)
    services.settings = services.settings.model_copy(update={"language": "ru"})  # a Russian dub first
    dub = FakeStreams(
        "indexer", [torrent("indexer", "Матрица (1999) BDRip 1080p | Дубляж | Sub Rus", "a" * 40, 150)]
    )
    original = FakeStreams(
        "addon", [torrent("addon", "The.Matrix.1999.2160p.BluRay.x265-ENG", "b" * 40, 20)], delay_s=0.05
    )
    broken = FakeStreams("broken", error=ProviderUnavailable("Broken: server error (HTTP 503)"), delay_s=0.1)
    only(services, dub, original, broken)
    page, panel = _page(qtbot, services)
    said: list[str] = []
    set_text = panel.status.setText
    panel.status.setText = lambda text: (said.append(text), set_text(text))  # type: ignore[method-assign]
    detail = CatalogService(services).detail(MATRIX_ID)
    assert detail is not None and not detail.sources  # nothing stored yet
    page.show_title(detail, 0)
    assert "Searching 2 of 3…" in said and "Searching 3 of 3…" in said
    status = panel.status.text()  # plural forms come from cinema_en.qm in the app
    assert status.startswith("2 source") and status.endswith("did not answer")
    assert "Broken: server error (HTTP 503)" in panel.status.toolTip()
    assert panel.table.topLevelItemCount() == 2
    first = panel.table.topLevelItem(0)
    assert "Дубляж" in first.text(1) and first.text(2) == "1080p" and first.text(6) == "Indexer"
    assert first.text(4).startswith("Dub") and first.text(5) == "150"
    assert page.play_button.isEnabled()  # found sources make the title playable
    panel.why_button.setChecked(True)
    assert panel.why.isVisible() and panel.why.heading.text().startswith("Why first: Матрица")
    total = float(panel.why.total.text().removeprefix("Score: "))
    assert abs(total - float(first.text(7))) < 0.006 and panel.why.grid.count() == 5 * 4
    panel.table.setCurrentItem(panel.table.topLevelItem(1))
    assert panel.why.heading.text().startswith("How it ranks: The.Matrix")
    assert len(sources_repo.title_sources(services.db, MATRIX_ID)) == 2


def test_settings_lists_providers_and_toggles_them(qtbot: Any, services: Any) -> None:
    add_title(services)
    fake = FakeStreams("indexer", [torrent("indexer", "Matrix 1080p", "c" * 40)])
    only(services, fake)
    sources_repo.ensure_provider(services.db, "indexer", "torznab", "My indexer", 1)
    widget = StreamProvidersSettings(services)
    qtbot.addWidget(widget)
    names = [widget.table.topLevelItem(i).text(0) for i in range(widget.table.topLevelItemCount())]
    assert "My indexer" in names and "Nyaa" in names and "Rutube" in names
    row = widget.table.topLevelItem(names.index("My indexer"))
    row.setCheckState(0, row.checkState(0).__class__.Unchecked)
    provider = sources_repo.provider(services.db, "indexer")
    assert provider is not None and not provider.enabled
    assert any("My indexer: disabled" in widget.log.item(i).text() for i in range(widget.log.count()))
    widget.scan()
    assert widget.status.text().endswith("providers answered")


def test_preferences_are_saved_and_rank_the_next_search(qtbot: Any, services: Any) -> None:
    from app.services.sources.preferences import preferences
    from app.ui.components.source_preferences import SourcePreferences, clean_languages

    assert clean_languages("RU; en,  xx1, ru") == "ru,en"
    prefs = SourcePreferences(services)
    qtbot.addWidget(prefs)
    prefs.quality.setCurrentIndex(prefs.quality.findData("1080p"))
    prefs.audio.setText("en ru")
    prefs.audio.editingFinished.emit()
    prefs.max_size.setValue(20)
    prefs.max_size.editingFinished.emit()
    assert services.settings.sources_max_size_gb == 20
    assert (
        services.settings.sources_max_quality == "1080p"
        and services.settings.sources_audio_languages == "en,ru"
    )
    assert preferences(services.settings).max_resolution == 1080
    assert '"sources_max_quality": "1080p"' in services.paths.settings_file.read_text()


def test_a_row_chosen_plays_first_and_the_ranked_rest_follow(qtbot: Any, services: Any) -> None:
    """Enter or a double click on a row asks to play that source; the plan puts it first and keeps
    the others, in rank order, for the failover."""
    from app.services.playback.plan import plan_chosen

    add_title(services)
    best = torrent("indexer", "The.Matrix.1999.1080p.BluRay.x264", "a" * 40, 150)
    second = torrent("indexer", "The.Matrix.1999.720p.WEB-DL", "b" * 40, 40)
    third = torrent("indexer", "The.Matrix.1999.CAMRip", "c" * 40, 3)
    only(services, FakeStreams("indexer", [third, best, second]))
    page, panel = _page(qtbot, services)
    page.show_title(CatalogService(services).detail(MATRIX_ID), 0)
    assert panel.table.topLevelItemCount() == 3
    chosen: list[Any] = []
    panel.playRequested.connect(chosen.append)
    row = panel.table.topLevelItem(1)
    assert "720p" in row.text(1)
    panel.table.itemActivated.emit(row, 0)  # what Enter and a double click send
    assert [c.url for c in chosen] == [second.url]
    detail = CatalogService(services).detail(MATRIX_ID)
    plan = plan_chosen(services, detail, 0, chosen[0])
    order = [p.request.location for p in plan.playables if p.request.location.startswith("magnet:")]
    assert order[0] == second.url and order[1:] == [best.url, third.url]
