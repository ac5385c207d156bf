"""The app context: what one running app shares, built by bootstrap, handed to the CLI and the UI."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.core.clock import Clock
from app.core.config import AppPaths, Settings
from app.core.events import EventBus
from app.providers.registry import ProviderRegistry
from app.storage.db import Database


@dataclass
class AppContext:
    paths: AppPaths
    settings: Settings
    db: Database
    bus: EventBus
    clock: Clock
    providers: ProviderRegistry = field(default_factory=ProviderRegistry)
    profile_id: int = 1
    extras: dict[str, Any] = field(default_factory=dict)
