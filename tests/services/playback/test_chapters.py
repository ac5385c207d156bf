"""Intro/credits skipping from chapter marks: named chapters only, the range at a position."""

from __future__ import annotations

from types import SimpleNamespace

from app.services.playback.chapters import SkipRange, range_at, skip_ranges, vlc_chapters


def test_named_chapters_become_skip_ranges() -> None:
    chapters = [
        ("Recap", 0, 40_000),
        ("Opening", 40_000, 90_000),
        ("Part A", 130_000, 600_000),
        (None, 730_000, 10_000),
        ("Ending", 1_300_000, 90_000),
        ("Preview", 1_390_000, 15_000),
    ]
    ranges = skip_ranges(chapters)
    assert ranges == [
        SkipRange("intro", 0, 40_000),
        SkipRange("intro", 40_000, 130_000),
        SkipRange("credits", 1_300_000, 1_390_000),
    ]
    assert range_at(ranges, 60_000) == SkipRange("intro", 40_000, 130_000)
    assert range_at(ranges, 200_000) is None  # the episode itself is never skipped
    assert skip_ranges([("Вступление", 0, 60_000), ("Титры", 100, 5)])[0].kind == "intro"


def test_vlc_chapters_read_through_the_player_and_survive_old_libvlc() -> None:
    player = SimpleNamespace(
        get_full_chapter_descriptions=lambda title: [
            SimpleNamespace(name=b"Opening", time_offset=1000, duration=89_000)
        ]
    )
    assert vlc_chapters(player) == [("Opening", 1000, 89_000)]

    def missing(title: int) -> list[object]:
        raise AttributeError("libvlc 2 has no chapter descriptions")

    assert vlc_chapters(SimpleNamespace(get_full_chapter_descriptions=missing)) == []
