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
