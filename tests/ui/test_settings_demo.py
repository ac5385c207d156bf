"""Settings: the demo library removed and brought back from a worker, the page saying which."""

from __future__ import annotations

from app.bootstrap import build_services
from app.services import demo
from app.ui.pages.settings_page import SettingsPage
from tests.ui.asyncqt import run_scenario, wait_until


def test_the_demo_library_goes_and_comes_back(qtbot, home) -> None:
    services = build_services(data_dir=home, load_demo=True, console_log=False)
    try:
        page = SettingsPage(services)
        qtbot.addWidget(page)
        assert page.demo_button.text() == "Remove the demo library"  # read at once: no loop here
        changed: list[bool] = []
        page.libraryChanged.connect(lambda: changed.append(True))

        async def scenario() -> None:
            page.demo_button.click()
            assert not page.demo_button.isEnabled()  # removing runs in a worker
            await wait_until(lambda: changed == [True])
            await wait_until(lambda: page.demo_button.text() == "Bring back the demo library")
            assert not demo.is_demo_present(services)
            page.demo_button.click()
            await wait_until(lambda: changed == [True, True])
            await wait_until(lambda: page.demo_button.text() == "Remove the demo library")
            assert demo.is_demo_present(services)

        run_scenario(scenario(), timeout=120)
    finally:
        services.db.dispose()
