"""The app context: what one running app shares, built by bootstrap, handed to the CLI and the UI."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from app.core.clock import Clock
from app.core.config import AppPaths, Settings
from app.core.events import EventBus, ProfileDidChange
from app.domain.profiles import Profile
from app.net.shared import HttpClient, SharedClient
from app.storage.db import Database

if TYPE_CHECKING:
    from app.providers.registry import ProviderRegistry


class RefreshFlow(Protocol):
    """The one refresh flow (``app.services.scheduler.RefreshScheduler``) as its callers see it."""

    def start(self, first_delay_s: float = ...) -> None: ...

    async def stop(self) -> None: ...

    def run_once(
        self, source_ids: Sequence[int] | None = None, *, force: bool = False, origin: str = "schedule"
    ) -> Awaitable[Any]: ...


class SyncFlow(Protocol):
    """The library server's live sync (``app.services.sync.engine.SyncEngine``) as callers see it."""

    def start(self) -> None: ...

    def stop(self, timeout: float = ...) -> None: ...

    def sync_now(self) -> None: ...

    def status(self) -> Any: ...


class CurrentProfile:
    """The profile the app shows now. Services and views read it; ``switch`` announces
    ProfileDidChange on the bus (no restart: each view reads its per-profile data again)."""

    def __init__(self, bus: EventBus, starting: Callable[[], Profile]) -> None:
        """``starting()`` gives the profile to start with when none was chosen yet."""
        self._bus = bus
        self._starting = starting
        self._profile: Profile | None = None

    @property
    def profile(self) -> Profile:
        if self._profile is None:
            self._profile = self._starting()  # the default (or last used) one, without its PIN
        return self._profile

    @property
    def id(self) -> int:
        return self.profile.id

    @property
    def chosen(self) -> bool:
        return self._profile is not None

    def switch(self, profile: Profile) -> None:
        """Make ``profile`` current; an edit of the current one (same id) is taken silently."""
        previous = self._profile
        self._profile = profile
        if previous is None or previous.id != profile.id:
            self._bus.publish(ProfileDidChange(profile.id, previous.id if previous else None))


@dataclass
class AppContext:
    paths: AppPaths
    settings: Settings
    db: Database
    bus: EventBus
    clock: Clock
    _providers: ProviderRegistry | None = field(default=None, init=False, repr=False)
    # set by bootstrap: registers the app's providers when the registry is first asked for
    fill_providers: Callable[[], None] | None = field(default=None, repr=False)
    net: SharedClient = field(default_factory=SharedClient)  # holds the one HTTP client
    scheduler: RefreshFlow | None = None  # set by bootstrap; the UI and the CLI call it
    sync: SyncFlow | None = None  # the library server's sync (issue 17); None without a server
    current: CurrentProfile = field(init=False)

    @property
    def providers(self) -> ProviderRegistry:
        """Who can do what (``app.providers.registry``), made and filled (``fill_providers``) on
        first use: the GUI asks once Home has painted, the providers' modules are not on the way."""
        if self._providers is None:
            from app.providers.registry import ProviderRegistry

            self._providers = ProviderRegistry()
            fill, self.fill_providers = self.fill_providers, None
            if fill is not None:
                fill()
        return self._providers

    @providers.setter
    def providers(self, registry: ProviderRegistry) -> None:
        self._providers = registry

    def __post_init__(self) -> None:
        self.current = CurrentProfile(self.bus, self._starting_profile)

    def _starting_profile(self) -> Profile:
        from app.storage import profiles_repo

        found = profiles_repo.starting(self.db)
        if found is None:  # every profile was removed by hand: the library gets a new one
            made = profiles_repo.create(self.db, "Default", now=int(self.clock.now().timestamp()))
            profiles_repo.mark_used(self.db, made, int(self.clock.now().timestamp()))
            found = profiles_repo.get(self.db, made)
            assert found is not None
        return found

    @property
    def profile_settings(self) -> Settings:
        """The settings as the current profile sees them: its interface language and its source
        preferences (quality, size, audio and subtitle languages) over the app's own."""
        profile = self.current.profile
        prefs = profile.source_prefs
        changes: dict[str, object] = {}
        if profile.ui_language:
            changes["language"] = profile.ui_language
        if prefs.max_quality:
            changes["sources_max_quality"] = prefs.max_quality
        if prefs.max_size_gb:
            changes["sources_max_size_gb"] = prefs.max_size_gb
        audio = prefs.audio_languages or profile.audio_language
        if audio:
            changes["sources_audio_languages"] = audio
        subtitles = prefs.subtitle_languages or profile.subtitle_language
        if subtitles:
            changes["sources_subtitle_languages"] = subtitles
        return self.settings.model_copy(update=changes) if changes else self.settings

    @property
    def profile_id(self) -> int:
        """The current profile's id (services pass it explicitly to every repository)."""
        return self.current.id

    @property
    def http(self) -> HttpClient:
        """The app's one HTTP client, made on first use (bootstrap closes it at shutdown)."""
        return self.net.get(self.settings.http_timeout_s)
