"""Intro and credits from a video's chapter marks: the ranges the player offers to skip."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

_INTRO = re.compile(
    r"(?i)^\s*(intro|opening|op|recap|previously|вступление|заставка|опенинг|начальные титры)\b"
)
_CREDITS = re.compile(r"(?i)^\s*(credits|end credits|ending|ed|outro|титры|финальные титры|эндинг)\b")


@dataclass(frozen=True, slots=True)
class SkipRange:
    kind: str  # "intro" | "credits"
    start_ms: int
    end_ms: int


def skip_ranges(chapters: Sequence[tuple[str | None, int, int]]) -> list[SkipRange]:
    """(name, offset ms, duration ms) chapters -> intro/credits ranges; unnamed chapters are never skipped."""
    found: list[SkipRange] = []
    for name, offset, duration in chapters:
        if not name or duration <= 0:
            continue
        kind = "intro" if _INTRO.match(name) else "credits" if _CREDITS.match(name) else None
        if kind:
            found.append(SkipRange(kind, int(offset), int(offset + duration)))
    return found


def range_at(ranges: Sequence[SkipRange], position_ms: int) -> SkipRange | None:
    """The range the position is in (the player shows «Skip intro» / «Skip credits» then)."""
    return next((r for r in ranges if r.start_ms <= position_ms < r.end_ms), None)


def vlc_chapters(player: Any) -> list[tuple[str | None, int, int]]:
    """The playing media's chapters through python-vlc (get_full_chapter_descriptions(-1): current title)."""
    try:
        described = player.get_full_chapter_descriptions(-1) or []
    except Exception:
        return []
    out = []
    for ch in described:
        name = ch.name.decode("utf-8", "replace") if isinstance(ch.name, bytes) else ch.name
        out.append((name, int(ch.time_offset), int(ch.duration)))
    return out
