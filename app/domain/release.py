"""What a release name says (quality, codec, HDR, audio and subtitle languages, Russian
voice-over kinds), and a ranked way to watch with the components of its score."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, NamedTuple

from app.domain.streams import StreamCandidate

# Russian voice-over kinds, best first: a full dub, multi-voice, two-voice, one author's voice
VOICES = ("dub", "mvo", "dvo", "avo", "vo")


@dataclass(frozen=True, slots=True, kw_only=True)
class Release:
    """Normalised fields of a release name; what is not said stays empty."""

    title: str | None = None
    year: int | None = None
    resolution: int | None = None  # 2160, 1080, 720 ... (lines)
    quality: str | None = None  # 2160p ... or CAM, TS, TC, SCR
    source: str | None = None  # Blu-ray, Web, HDTV, DVD, Camera ...
    remux: bool = False
    video_codec: str | None = None  # H.264, H.265, AV1 ...
    hdr: tuple[str, ...] = ()  # HDR10, HDR10+, Dolby Vision
    audio_codec: str | None = None
    audio_channels: str | None = None
    audio_languages: tuple[str, ...] = ()  # ISO 639-1
    voice: tuple[str, ...] = ()  # of VOICES
    subtitles: tuple[str, ...] = ()  # ISO 639-1; "*" when subtitles are said but not their language
    multi_audio: bool = False
    group: str | None = None
    season: int | None = None
    episode: int | None = None
    three_d: bool = False

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in (None, (), False)}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Release:
        if not data:
            return cls()
        known = {f for f in cls.__dataclass_fields__}
        values: dict[str, Any] = {}
        for key, value in data.items():
            if key not in known:
                continue
            values[key] = tuple(value) if isinstance(value, list) else value
        return cls(**values)


@dataclass(frozen=True, slots=True)
class Component:
    """One part of a score: its value (0..1), weight, and why (a code the UI words, with args)."""

    name: str  # quality, speed, availability, subtitles, audio
    value: float
    weight: float
    reason: str
    args: dict[str, Any] = field(default_factory=dict)

    @property
    def points(self) -> float:
        return self.value * self.weight

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": round(self.value, 3),
            "weight": self.weight,
            "points": round(self.points, 3),
            "reason": self.reason,
            **({"args": self.args} if self.args else {}),
        }


class RankedStream(NamedTuple):
    """A candidate with its parsed release, availability and score (higher is better).

    A named tuple rather than a frozen dataclass: thousands are made per ranking, and a frozen
    dataclass's ``__init__`` costs several times a tuple's."""

    candidate: StreamCandidate
    release: Release
    score: float
    components: tuple[Component, ...]
    availability: float | None = None  # from health: None when never checked
    health: str = "unknown"
    source_id: int | None = None
    merged_from: tuple[str, ...] = ()  # other providers that found the same torrent or URL
