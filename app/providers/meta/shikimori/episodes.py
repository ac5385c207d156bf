"""An anime's episodes as Shikimori knows them: numbers, and the next one's date."""

from __future__ import annotations

import re
from typing import Any

from app.domain.series import Episode
from app.providers.meta.models import TitleMeta

MAX_EPISODES = 5000


def numbered(meta: TitleMeta) -> list[Episode]:
    """Shikimori lists no episode names: episodes 1..aired (all, once released) of season 1."""
    extra: dict[str, Any] = meta.extra or {}
    aired = extra.get("episodes_aired") or 0
    total = extra.get("episodes") or 0
    count = total if extra.get("status") == "released" and total else max(aired, 0)
    if not isinstance(count, int) or count < 1:
        return []
    return [Episode(meta.id, 1, n) for n in range(1, min(count, MAX_EPISODES) + 1)]


def next_dated(meta: TitleMeta, episodes: list[Episode]) -> list[Episode]:
    """The numbers, plus the next episode with its date when ``next_episode_at`` gives it: the
    only exact date Shikimori has (earlier ones would be guesses, so they stay blank)."""
    extra = meta.extra or {}
    when, aired = extra.get("next_episode_at"), extra.get("episodes_aired") or 0
    total = extra.get("episodes") or 0
    if not isinstance(when, str) or not re.match(r"\d{4}-\d{2}-\d{2}", when) or not isinstance(aired, int):
        return episodes
    number = aired + 1
    if total and number > total:
        return episodes
    out = [e for e in episodes if e.number != number]
    out.append(Episode(meta.id, 1, number, air_date=when[:10]))  # the date where it airs (Shikimori's zone)
    return out
