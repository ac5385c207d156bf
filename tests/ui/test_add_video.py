"""The Add video / Add a link dialog: a link checked then stored, one stored already refused
naming its title, a hostile one refused with the reason, nothing asked without a link or title."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from app.storage import sources_repo
from app.ui.components.add_video import AddVideoDialog
from tests.fakes.stream_servers import FakeStreamServers
from tests.services.sources.conftest import MATRIX_ID, add_title
from tests.ui.asyncqt import run_scenario, wait_until


@pytest.fixture
def media() -> Iterator[FakeStreamServers]:
    server = FakeStreamServers()
    server.start()
    yield server
    server.stop()


def test_add_video_checks_stores_and_refuses(qtbot: Any, services: Any, media: FakeStreamServers) -> None:
    add_title(services)
    url = media.url("/media/a-1080p.mp4")

    async def scenario() -> None:
        page_dialog = AddVideoDialog(services, title_id=MATRIX_ID)  # the title page's "Add a link…"
        qtbot.addWidget(page_dialog)
        assert not page_dialog.title.isVisibleTo(page_dialog)  # the title is the page's
        added: list[str] = []
        page_dialog.added.connect(added.append)
        page_dialog.add_button.click()
        assert page_dialog.message.text() == "Paste a link first."
        page_dialog.url.setText(url)
        page_dialog.add_button.click()
        await wait_until(lambda: bool(added))
        assert added == [MATRIX_ID]
        assert [r.url for r in sources_repo.title_sources(services.db, MATRIX_ID)] == [url]

        global_dialog = AddVideoDialog(services)  # Settings › Sources › Add video…
        qtbot.addWidget(global_dialog)
        global_dialog.title.setText("Brother")
        global_dialog.url.setText(url)
        global_dialog.add_button.click()
        await wait_until(lambda: "stored already" in global_dialog.message.text())
        assert global_dialog.message.text() == "This link is stored already, for «Матрица»."
        assert global_dialog.add_button.isEnabled()  # the user can correct it
        global_dialog.url.setText("javascript:alert(1)")
        global_dialog.add_button.click()
        await wait_until(lambda: "cannot be used" in global_dialog.message.text())
        assert global_dialog.message.text().startswith("This link cannot be used: ")
        global_dialog.title.setText("")
        global_dialog.add_button.click()
        assert global_dialog.message.text() == "Name the title this link belongs to."

    run_scenario(scenario())
