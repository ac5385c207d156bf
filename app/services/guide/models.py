"""What guide refreshes report: source status, results, progress and the events they publish."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict


class GuideSourceStatus(BaseModel):
    model_config = ConfigDict(frozen=True)
    id: int
    name: str
    kind: str
    location: str
    last_refresh_at: int | None
    last_status: str | None
    last_error: str | None
    channels_count: int
    programmes_count: int
    films_count: int
    unmatched_channels: tuple[str, ...]
    is_demo: bool


class RefreshResult(BaseModel):
    model_config = ConfigDict(frozen=True)
    source_id: int
    status: str  # ok, unchanged, ended (stored, but every programme lies in the past)
    kind: str
    channels: int = 0
    programmes: int = 0
    films: int = 0
    unmatched_channels: tuple[str, ...] = ()  # the first 500 names
    unmatched_count: int = 0  # playlist channels no guide channel mapped to
    bytes_read: int = 0
    seconds: float = 0.0
    message: str | None = None  # "this guide ended on 29 Sep 2025"


@dataclass(frozen=True)
class RefreshProgress:
    source_id: int
    phase: str  # download, import, done
    bytes_read: int = 0
    bytes_total: int | None = None
    programmes: int = 0


@dataclass(frozen=True)
class GuideDidRefresh:
    source_id: int
    status: str
    programmes: int
    films: int


@dataclass(frozen=True)
class GuideRefreshDidProgress:
    progress: RefreshProgress


@dataclass(frozen=True)
class GuideRefreshDidFail:
    source_id: int
    error: str
