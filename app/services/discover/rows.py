"""Home's rows beyond the guide: Popular, Trending this week, New releases (TMDB), Anime this
season (Shikimori), and a profile's Recommended for you with “Because you watched X”.

Fetched in the background and cached (discovery_rows): Home reads the cache, never the network.
A provider that fails leaves its row as it was and says why (the row's ``error``).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from app.core.events import DiscoveryDidRefresh, LibraryDidChange
from app.core.tasks import run_blocking
from app.domain.errors import CinemaError
from app.providers.meta.models import Candidate
from app.services.context import AppContext
from app.services.discover import recommend
from app.services.discover.titles import store
from app.storage import discovery_repo

log = logging.getLogger(__name__)

# row key -> (provider id, its list name)
SHARED_ROWS: dict[str, tuple[str, str]] = {
    "popular": ("tmdb", "popular"),
    "trending": ("tmdb", "trending"),
    "new": ("tmdb", "new"),
    "anime_season": ("shikimori", "season"),
}
ROW_LENGTH = 20
BECAUSE_ROWS = 2  # "Because you watched X" rows under the recommendations


def recommended_key(profile_id: int) -> str:
    return f"recommended:{profile_id}"


def because_key(profile_id: int, seed_id: str) -> str:
    return f"because:{profile_id}:{seed_id}"


@dataclass
class RefreshReport:
    fetched: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    seconds: float = 0.0


def _warm_network(context: AppContext) -> None:
    """Make the app's HTTP client in a worker: made on the loop at its first use, httpx's import
    and TLS setup held the GUI loop ~250 ms (bench/recommendations.py)."""
    if not context.net.created:
        context.net.get(context.settings.http_timeout_s)  # outside a loop: the first loop adopts it


class Discovery:
    def __init__(self, context: AppContext) -> None:
        self._s = context

    def _now(self) -> int:
        return int(self._s.clock.now().timestamp())

    async def refresh(self, *, force: bool = False) -> RefreshReport:
        """The shared rows that are stale (all with ``force``), then the current profile's
        recommendations; publishes DiscoveryDidRefresh when something was fetched."""
        started = time.monotonic()
        report = RefreshReport()
        fresh_s = self._s.settings.discovery_refresh_hours * 3600  # a row is asked for again after this
        profile_id = self._s.profile_id
        await run_blocking(_warm_network, self._s)
        stored = await run_blocking(discovery_repo.rows, self._s.db, profile_id)
        now = self._now()
        for key, (provider_id, name) in SHARED_ROWS.items():
            row = stored.get(key)
            if not force and row is not None and now - row.refreshed_at < fresh_s:
                report.skipped.append(key)
                continue
            await self._shared_row(key, provider_id, name, report)
        mine = stored.get(recommended_key(profile_id))
        if force or mine is None or now - mine.refreshed_at >= fresh_s:
            await self.recommend(report)
        else:
            report.skipped.append(recommended_key(profile_id))
        report.seconds = time.monotonic() - started
        if report.fetched or report.failed:
            self._s.bus.publish(DiscoveryDidRefresh(profile_id))
            self._s.bus.publish(LibraryDidChange("discovery"))  # new titles: Home and the grid re-read
        return report

    async def _shared_row(self, key: str, provider_id: str, name: str, report: RefreshReport) -> None:
        provider = next((p for p in self._s.providers.meta_lists() if p.manifest.id == provider_id), None)
        if provider is None or name not in provider.listings:
            return
        try:
            found = list(
                await provider.listing(name, language=self._s.settings.metadata_language, limit=ROW_LENGTH)
            )
            await store(self._s, found)
        except CinemaError as exc:
            log.info("discovery row %s: %s", key, exc)
            report.failed[key] = str(exc)
            await run_blocking(discovery_repo.save_row, self._s.db, key, None, [], self._now(), str(exc))
            return
        items = [{"id": c.id, "reason": None} for c in found]
        await run_blocking(discovery_repo.save_row, self._s.db, key, None, items, self._now())
        report.fetched.append(key)

    async def recommend(self, report: RefreshReport | None = None) -> list[recommend.Pick]:
        """The current profile's recommendations from what it watched (related titles asked of
        the providers, ranked in a worker), stored with a row per top seed."""
        report = report if report is not None else RefreshReport()
        profile_id = self._s.profile_id
        db = self._s.db
        await run_blocking(_warm_network, self._s)
        rows = await run_blocking(discovery_repo.watched_seeds, db, profile_id)
        seeds = [
            recommend.Seed(t, title, played, recommend.genres_of(genres), watched)
            for t, title, played, genres, watched in rows
        ]
        asked = seeds[: recommend.SEEDS]
        related: dict[str, list[Candidate]] = {}
        language = self._s.settings.metadata_language
        for seed in asked:
            providers = [p for p in self._s.providers.meta_lists(seed.title_id)]
            if not providers:
                continue
            try:
                related[seed.title_id] = list(
                    await providers[0].related(seed.title_id, language=language, limit=ROW_LENGTH)
                )
            except CinemaError as exc:
                log.info("related titles of %s: %s", seed.title_id, exc)
                report.failed[seed.title_id] = str(exc)
        exclude = {s.title_id for s in seeds}
        picks = await run_blocking(recommend.rank, related, asked, exclude, 24)
        chosen = [p.candidate for p in picks]
        extra = [c for s in asked[:BECAUSE_ROWS] for c in related.get(s.title_id, ()) if c.id not in exclude]
        try:
            await store(self._s, list({c.id: c for c in [*chosen, *extra]}.values()))
        except CinemaError as exc:
            report.failed[recommended_key(profile_id)] = str(exc)
        now = self._now()
        items = [{"id": p.candidate.id, "reason": p.reason} for p in picks]
        keys = [recommended_key(profile_id)]
        await run_blocking(discovery_repo.save_row, db, keys[0], profile_id, items, now)
        for seed in asked[:BECAUSE_ROWS]:
            mine = [c for c in related.get(seed.title_id, ()) if c.id not in exclude]
            if mine:
                key = because_key(profile_id, seed.title_id)
                keys.append(key)
                rows_items = [{"id": c.id, "reason": seed.title_id} for c in mine]
                await run_blocking(discovery_repo.save_row, db, key, profile_id, rows_items, now)
        await run_blocking(discovery_repo.drop_profile_rows, db, profile_id, keys)
        report.fetched.append(keys[0])
        return picks
