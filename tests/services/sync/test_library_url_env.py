"""CINEMA_LIBRARY_URL names the library server without Settings or `cinema sync setup`: the app
builds its sync from it, joins an empty server and sends what this device holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.sync import SyncState


def test_the_environments_library_url_turns_the_sync_on(
    tmp_path: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.bootstrap import build_services

    monkeypatch.setenv("CINEMA_LIBRARY_URL", pg_url)
    services = build_services(tmp_path / "home", load_demo=False, console_log=False)
    sync = services.sync
    assert sync is not None, "a library URL in the environment builds the sync"
    assert services.settings.library_url == pg_url
    try:
        sync.start()
        assert sync.wait_idle(20.0)  # type: ignore[attr-defined]
        status = sync.status()
        assert status.state == SyncState.SYNCED and status.outbox_size == 0 and status.last_error is None
    finally:
        sync.stop(5.0)
        services.db.dispose()
