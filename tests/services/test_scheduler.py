"""Background refresh: due times, one run refreshes, prunes and enriches, failures don't stop it."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.core.clock import FixedClock
from app.core.events import LibraryDidChange
from app.services import demo
from app.services.guide import refresh as epg_refresh
from app.services.scheduler import RefreshDidFinish, RefreshScheduler


def _guide(services, tmp_path: Path) -> int:
    guide = demo.write_shifted_guide(tmp_path / "g.xml", demo.shift_weeks(services.clock.now()))
    return epg_refresh.add_source(services, str(guide), name="g")


@pytest.mark.asyncio
async def test_due_in_follows_the_stalest_source(services, tmp_path: Path) -> None:
    services.clock = FixedClock(datetime.now(UTC))
    sched = RefreshScheduler(services, every_s=3600)
    assert sched.due_in() == 3600  # nothing to refresh
    _guide(services, tmp_path)
    assert sched.due_in() == 0  # never refreshed
    await sched.run_once()
    assert 3590 <= sched.due_in() <= 3600
    services.clock.advance(3000)
    assert 590 <= sched.due_in() <= 600


@pytest.mark.asyncio
async def test_run_once_refreshes_guides_and_says_what_changed(services, tmp_path: Path) -> None:
    _guide(services, tmp_path)
    bad = epg_refresh.add_source(services, str(tmp_path / "missing.xml"), name="broken", kind="xmltv")
    finished: list[RefreshDidFinish] = []
    changed: list[LibraryDidChange] = []
    services.bus.subscribe(RefreshDidFinish, finished.append)
    services.bus.subscribe(LibraryDidChange, changed.append)
    result = await RefreshScheduler(services).run_once()
    assert result.guides_ok == 1 and result.guides_failed == 1  # one broken feed does not stop the rest
    assert result.programmes > 100 and result.films > 0
    assert result.enrichment_note  # no TMDB token here: said, not raised
    assert finished == [result] and changed
    status = {s.id: s for s in epg_refresh.list_sources(services)}
    assert status[bad].last_status == "error"

    changed.clear()
    again = await RefreshScheduler(services).run_once()  # nothing new: no library change
    assert again.guides_ok == 1 and not changed


@pytest.mark.asyncio
async def test_the_loop_runs_when_due_and_stops(services, tmp_path: Path) -> None:
    _guide(services, tmp_path)
    sched = RefreshScheduler(services, every_s=3600)
    done = asyncio.Event()
    services.bus.subscribe(RefreshDidFinish, lambda _e: done.set())
    sched.start(first_delay_s=0)
    await asyncio.wait_for(done.wait(), 60)
    await sched.stop()
    assert sched.last is not None and sched.last.guides_ok == 1
