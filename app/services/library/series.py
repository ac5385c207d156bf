"""Series and anime for the current profile: episodes, per-episode progress, the next episode."""

from __future__ import annotations

from collections.abc import Sequence

from app.core.events import ProgressDidChange
from app.domain.series import Episode, EpisodeProgress, NextEpisode, episode_key
from app.services.context import AppContext
from app.storage import episodes_repo, series_releases_repo

SERIES_KINDS = frozenset({"series", "anime"})


class SeriesService:
    """Reads are cheap single queries (call them off the GUI thread like the catalog's reads)."""

    def __init__(self, services: AppContext) -> None:
        self._s = services

    def seasons(self, title_id: str) -> list[int]:
        return episodes_repo.seasons_of(self._s.db, title_id)

    def episodes(self, title_id: str, season: int | None = None) -> list[Episode]:
        return episodes_repo.episodes_of(self._s.db, title_id, season)

    def episodes_with_guide(self, title_id: str) -> list[Episode]:
        """The provider's episodes plus those only the guide numbered, in order (the episode list)."""
        return episodes_repo.with_guide_episodes(self._s.db, title_id)

    def episodes_source(self, title_id: str) -> dict[str, object] | None:
        """Where the episode list came from (an anime's show at a provider that names episodes,
        or its own provider's numbers only), with the providers' names for the page to say:
        ``provider_name`` (the provider it came from) and ``namer_name`` (one that names
        episodes, if any is set up)."""
        source = episodes_repo.episodes_source(self._s.db, title_id)
        if source is None:
            return None
        registry = self._s.providers
        own = registry.get(str(source.get("provider") or ""))
        named = {
            **source,
            "provider_name": own.manifest.name if own is not None else str(source.get("provider")),
        }
        namer = next((p for p in registry.episodes() if p.episode_names), None)
        if namer is not None:
            named["namer_name"] = namer.manifest.name
        return named

    def airings(self, title_id: str) -> dict[tuple[int, int], list[tuple[str, int, int | None]]]:
        """Each episode's TV airings from now on: [(channel id, start, stop)] per (season, number)."""
        since = int(self._s.clock.now().timestamp())
        return episodes_repo.airings_by_episode(self._s.db, title_id, since)

    def next_airings(self, title_id: str) -> dict[tuple[int, int], tuple[str, int]]:
        """Each episode's next TV airing: (channel name, start) per (season, number)."""
        since = int(self._s.clock.now().timestamp())
        return episodes_repo.next_airings(self._s.db, title_id, since)

    def progress(
        self, title_id: str, profile_id: int | None = None
    ) -> dict[tuple[int, int], EpisodeProgress]:
        """Per (season, number): the position and watched mark (of the current profile by default)."""
        return episodes_repo.episode_progress(self._s.db, self._profile(profile_id), title_id)

    def next_episode(self, title_id: str, profile_id: int | None = None) -> NextEpisode | None:
        """Continue's episode: S2 E5 after a finished S2 E4, or the unfinished one to resume."""
        today = self._s.clock.now().astimezone().date()
        return episodes_repo.next_episode(self._s.db, self._profile(profile_id), title_id, today)

    def next_episodes(
        self, title_ids: Sequence[str], profile_id: int | None = None
    ) -> dict[str, NextEpisode]:
        """Home's Continue watching: the next episode of each series among ``title_ids``."""
        today = self._s.clock.now().astimezone().date()
        return episodes_repo.next_episodes(self._s.db, self._profile(profile_id), title_ids, today)

    def save_progress(
        self,
        title_id: str,
        season: int,
        number: int,
        position_ms: int,
        duration_ms: int | None,
        *,
        watched: bool | None = None,
        count_view: bool = False,
        profile_id: int | None = None,
    ) -> NextEpisode | None:
        """Save one episode's position (and the series' place in Continue watching); the next episode."""
        upcoming = episodes_repo.save_episode_progress(
            self._s.db,
            self._profile(profile_id),
            title_id,
            season,
            number,
            position_ms,
            duration_ms,
            watched=watched,
            now=self._s.clock.now(),
            count_view=count_view,
        )
        self._s.bus.publish(
            ProgressDidChange(episode_key(title_id, season, number), position_ms, duration_ms)
        )
        self._s.bus.publish(ProgressDidChange(title_id, position_ms, duration_ms))
        return upcoming

    def set_watched(self, title_id: str, season: int, number: int, watched: bool) -> NextEpisode | None:
        """Mark one episode watched (or not) from the episode list."""
        return self.save_progress(title_id, season, number, 0, None, watched=watched)

    def kept_release(self, title_id: str, profile_id: int | None = None) -> str | None:
        """The release (Stremio bingeGroup) the profile's last episode of the series played from."""
        return series_releases_repo.kept_release(self._s.db, self._profile(profile_id), title_id)

    def keep_release(self, title_id: str, binge_group: str, profile_id: int | None = None) -> None:
        """Keep ``binge_group`` for the next episode (tomorrow too, not only in this session)."""
        now = int(self._s.clock.now().timestamp())
        series_releases_repo.keep_release(self._s.db, self._profile(profile_id), title_id, binge_group, now)

    def _profile(self, profile_id: int | None) -> int:
        return self._s.profile_id if profile_id is None else profile_id
