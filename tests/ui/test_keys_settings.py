"""Settings › Keys and accounts: masked fields kept in the keyring; Test says in words whether the
TMDB token, the OpenSubtitles key or an indexer's key works, is refused, cannot reach its server
or has used up today's quota (loopback fakes for all three)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from PySide6.QtWidgets import QLineEdit

from app.core import secrets
from app.domain.subtitles import Quota
from app.services import keys
from app.services.sources import admin
from app.ui.pages.settings_page import SettingsPage
from tests.fakes.file_keyring import FileKeyring
from tests.fakes.opensubtitles_server import GOOD_KEY as OS_KEY
from tests.fakes.opensubtitles_server import FakeOpenSubtitles
from tests.fakes.stream_servers import GOOD_KEY as JACKETT_KEY
from tests.fakes.stream_servers import FakeStreamServers
from tests.fakes.tmdb_server import GOOD_TOKEN, FakeTmdb
from tests.ui.asyncqt import run_scenario, wait_until


@pytest.fixture
def file_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "keyring.json"
    monkeypatch.setenv("CINEMA_TEST_KEYRING", str(path))
    before = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    yield path
    keyring.set_keyring(before)


@pytest.fixture
def fakes() -> Iterator[tuple[FakeTmdb, FakeOpenSubtitles, FakeStreamServers]]:
    tmdb, subs, streams = FakeTmdb(), FakeOpenSubtitles(), FakeStreamServers()
    tmdb.start()
    subs.start()
    streams.start()
    yield tmdb, subs, streams
    tmdb.stop()
    subs.stop()
    streams.stop()


@pytest.fixture
def page(qtbot, services, fakes, file_keyring) -> SettingsPage:
    tmdb, subs, streams = fakes
    services.settings = services.settings.model_copy(
        update={"tmdb_base_url": tmdb.base_url, "opensubtitles_base_url": subs.base_url}
    )
    jackett = streams.url("/jackett/api/v2.0/indexers/rutracker/results/torznab/")
    asyncio.run(admin.add_indexer(services, "Jackett", jackett, JACKETT_KEY))
    settings = SettingsPage(services)
    qtbot.addWidget(settings)
    settings.resize(1024, 600)
    settings.show()
    return settings


def _try(row, value: str) -> None:
    row.field.setText(value)
    row.test_button.click()


def test_keys_are_masked_tried_in_words_and_kept_in_the_keyring(qtbot, page, services, fakes) -> None:
    async def scenario() -> None:
        page.refresh()
        await wait_until(lambda: set(page.keys.rows) == {"tmdb", "opensubtitles", "torznab:jackett"})
        tmdb_row = page.keys.rows["tmdb"]
        assert tmdb_row.field.echoMode() == QLineEdit.EchoMode.Password
        assert tmdb_row.field.placeholderText() == "not set"
        _try(tmdb_row, "not-the-token")
        await wait_until(lambda: "refused" in tmdb_row.status.text())
        assert "HTTP 401" in tmdb_row.status.text()
        _try(tmdb_row, GOOD_TOKEN)
        await wait_until(lambda: tmdb_row.status.text() == "✓ Works.")
        tmdb_row.save_button.click()
        await wait_until(lambda: secrets.get_secret("tmdb") == GOOD_TOKEN)
        assert "kept in the keyring" in tmdb_row.field.placeholderText()
        assert tmdb_row.field.text() == ""  # never shown again
        tmdb_row.test_button.click()  # the stored token is tried
        await wait_until(lambda: tmdb_row.status.text() == "✓ Works.")

        subs_row = page.keys.rows["opensubtitles"]
        _try(subs_row, "wrong-key")
        await wait_until(lambda: "HTTP 403" in subs_row.status.text())
        _try(subs_row, OS_KEY)
        await wait_until(lambda: subs_row.status.text() == "✓ Works.")
        provider = services.providers.get("opensubtitles")
        provider.quota = Quota(0, "2026-12-06T14:00:00.000Z")  # as the last download said
        subs_row.test_button.click()
        await wait_until(lambda: "allowance is used up" in subs_row.status.text())
        assert "2026-12-06T14:00:00" in subs_row.status.text()

        indexer = page.keys.rows["torznab:jackett"]
        assert "kept in the keyring" in indexer.field.placeholderText()  # E's entry, reused
        indexer.test_button.click()
        await wait_until(lambda: indexer.status.text() == "✓ Works.")
        _try(indexer, "not-the-key")
        await wait_until(lambda: "refused" in indexer.status.text())

        # unreachable: the host and port, and why
        services.settings = services.settings.model_copy(update={"tmdb_base_url": "http://127.0.0.1:9/3"})
        tmdb_row.test_button.click()
        await wait_until(lambda: "could not be reached" in tmdb_row.status.text())
        assert "cannot reach 127.0.0.1:9 (connection refused)" in tmdb_row.status.text()

    run_scenario(scenario(), timeout=60)


def test_check_without_a_key_says_so(services, file_keyring) -> None:
    entry = next(e for e in keys.list_keys(services) if e.id == "opensubtitles")
    result = asyncio.run(keys.check(services, entry))
    assert result.verdict == keys.Verdict.MISSING and not result.ok
