"""Subtitles found for a video (provider-neutral), and the download quota running out."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.errors import CinemaError


@dataclass(frozen=True, slots=True, kw_only=True)
class SubtitleHit:
    """One subtitle file a provider offers for a video."""

    provider_id: str
    file_id: str  # what ``download`` takes
    language: str  # ISO 639-1 as the provider gives it (ru, en, pt-br)
    release: str = ""  # the release it was made for
    file_name: str = ""
    downloads: int = 0
    hash_match: bool = False  # made for exactly this file (the movie hash matched)
    hearing_impaired: bool = False
    machine_translated: bool = False
    from_trusted: bool = False
    fps: float | None = None
    title: str = ""  # the film or episode it belongs to
    year: int | None = None


@dataclass(frozen=True, slots=True)
class Quota:
    """Downloads left today; ``reset`` says when the count starts again (the provider's words)."""

    remaining: int | None
    reset: str = ""


class QuotaExceeded(CinemaError):
    """The daily download quota is used up; ``quota.reset`` says when it comes back."""

    def __init__(self, message: str, quota: Quota) -> None:
        super().__init__(message)
        self.quota = quota
