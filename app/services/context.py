"""The app context: what one running app shares, built by bootstrap, handed to the CLI and the UI."""

from __future__ import annotations

from collections.abc import Awaitable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from app.core.clock import Clock
from app.core.config import AppPaths, Settings
from app.core.events import EventBus
from app.net.shared import HttpClient, SharedClient
from app.providers.registry import ProviderRegistry
from app.storage.db import Database


class RefreshFlow(Protocol):
    """The one refresh flow (``app.services.scheduler.RefreshScheduler``) as its callers see it."""

    def start(self, first_delay_s: float = ...) -> None: ...

    async def stop(self) -> None: ...

    def run_once(
        self, source_ids: Sequence[int] | None = None, *, force: bool = False, origin: str = "schedule"
    ) -> Awaitable[Any]: ...


@dataclass
class AppContext:
    paths: AppPaths
    settings: Settings
    db: Database
    bus: EventBus
    clock: Clock
    providers: ProviderRegistry = field(default_factory=ProviderRegistry)
    net: SharedClient = field(default_factory=SharedClient)  # holds the one HTTP client
    profile_id: int = 1
    scheduler: RefreshFlow | None = None  # set by bootstrap; the UI and the CLI call it

    @property
    def http(self) -> HttpClient:
        """The app's one HTTP client, made on first use (bootstrap closes it at shutdown)."""
        return self.net.get(self.settings.http_timeout_s)
