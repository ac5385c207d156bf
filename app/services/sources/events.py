"""What the sources service announces on the bus."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourcesDidChange:
    """A title's stored sources changed (a search, a link added or removed, a health change)."""

    title_id: str


@dataclass(frozen=True)
class ProviderDidChange:
    """A stream provider was added, removed, enabled, disabled, failed or recovered."""

    provider_id: str
    action: str
    detail: str | None = None


@dataclass(frozen=True)
class SourcesDidAppear:
    """A background search found the first sources of a watchlisted title."""

    title_id: str
    title: str
    count: int
