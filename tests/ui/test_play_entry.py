"""The window's play entry (ui/components/play_entry.py): the player page opens first and the
player starts a moment later (two turns of the loop, not one long one); Back pressed in between
starts nothing; a plan with nothing to play says so on the title page."""

from __future__ import annotations

import asyncio
from pathlib import Path

from app.domain.models import MediaRequest, SourceKind
from app.services.playback.plan import PlayPlan
from app.services.sources.resolve import Playable
from app.ui.components import play_entry
from tests.ui.asyncqt import run_scenario, wait_until


def _plan(video: Path) -> PlayPlan:
    request = MediaRequest(location=str(video), item_key="media:entry", label="Sample clip")
    return PlayPlan((Playable(kind=SourceKind.DIRECT, request=request, label="Sample clip"),))


def test_the_page_opens_first_and_the_player_starts_after_it(qtbot, window, sample_video) -> None:
    started: list[list[Playable]] = []
    window.player.start = started.append  # type: ignore[method-assign]
    plan = _plan(sample_video)

    async def scenario() -> None:
        window.start_plan(plan, "home")
        # the page is shown with the title and "Opening…" at once; the player is not started yet
        assert window.navigator.is_current("player")
        assert window.player.title.text() == "Sample clip"
        assert started == []
        await wait_until(lambda: bool(started))
        assert started == [list(plan.playables)]
        assert window.plays.return_to == "home"

    run_scenario(scenario())


def test_back_before_the_player_starts_starts_nothing(qtbot, window, sample_video) -> None:
    started: list[list[Playable]] = []
    window.player.start = started.append  # type: ignore[method-assign]

    async def scenario() -> None:
        window.start_plan(_plan(sample_video), "home")
        window.go_back()
        assert window.navigator.is_current("home")
        await asyncio.sleep(play_entry.START_AFTER_MS / 1000 + 0.3)
        assert started == []  # Back won: the player never opened the file
        assert window.navigator.is_current("home")

    run_scenario(scenario())


def test_a_plan_with_nothing_to_play_says_so_on_the_title_page(qtbot, window) -> None:
    async def scenario() -> None:
        window.open_title("tmdb:movie:1000")
        await wait_until(lambda: window.navigator.is_current("title"))
        window.start_plan(PlayPlan(()), "title")
        assert window.navigator.is_current("title")  # no player page for nothing
        assert window.title_page.no_source.text() == "No source to play yet"

    run_scenario(scenario())
