"""The statistics page in the window: empty at first, then watch time, most watched and the
sources with their plays after two plays; the history exported as JSON from it (issue 15)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.ui.asyncqt import run_scenario, wait_until


def test_statistics_page_shows_what_was_watched_and_exports_it(
    qtbot, window, library, tmp_path: Path
) -> None:
    async def scenario() -> None:
        window.navigator.navigate("stats")
        page = window.navigator.page("stats")
        await wait_until(lambda: not page.body_scroll.isVisibleTo(page))  # nothing watched yet
        assert page.empty.isVisibleTo(page)
        lib = window.library
        for key, label, played in (("tmdb:movie:1002", "Фильм номер 2", 1_800_000),
                                   ("tmdb:movie:1003", "Фильм номер 3", 600_000)):  # fmt: skip
            entry = lib.start_history(key, key, label, "http://127.0.0.1:9/x.mp4")
            lib.save_progress(key, played, 6_000_000, title_id=key)
            lib.update_history(entry, played, 6_000_000)
            # time played as if watched through (a jump to a position counts as a seek, not time)
            library.db.execute(
                "UPDATE history SET watched_ms = :ms WHERE id = :id", {"ms": played, "id": entry}
            )
        page.refresh()
        await wait_until(lambda: not page.empty.isVisibleTo(page))
        assert page.body_scroll.isVisibleTo(page)
        assert "2" in page.summary.text()  # two plays
        assert page.most.bars and page.most.bars[0][0] == "Фильм номер 2"  # the longest first
        assert page.sources.topLevelItemCount() >= 1
        assert sum(value for _label, value, _text in page.weeks.bars) > 0
        out = tmp_path / "history"
        page.export_to(out, "json")  # the suffix is added
        await wait_until(lambda: "Wrote 2 entries" in page.status.text())
        exported = json.loads((tmp_path / "history.json").read_text("utf-8"))
        assert {e["title_id"] for e in exported} == {"tmdb:movie:1002", "tmdb:movie:1003"}

    run_scenario(scenario())
