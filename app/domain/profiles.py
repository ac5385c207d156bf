"""Profiles of one household (local, no account) and the age ratings a kids' profile is limited by."""

from __future__ import annotations

from dataclasses import dataclass, field

# The avatar colours offered (a profile's letter is drawn on one of these).
AVATAR_COLORS: tuple[str, ...] = (
    "#e5533d", "#f08c2e", "#e8c547", "#4caf6d", "#2fa3a3", "#3d7be5", "#7a5ce5", "#c6509c",
)  # fmt: skip

# The Russian age scale (Federal law 436-FZ, as TMDB lists RU certifications): a kids' profile
# chooses one of these as the highest age it may watch.
RU_AGES: tuple[int, ...] = (0, 6, 12, 16, 18)

# TMDB certifications by country, in years. RU first, then US (the order).
_RU = {"0+": 0, "6+": 6, "12+": 12, "16+": 16, "18+": 18}
_US_MOVIE = {"G": 0, "PG": 6, "PG-13": 13, "R": 17, "NC-17": 18, "NR": None}
_US_TV = {"TV-Y": 0, "TV-Y7": 7, "TV-G": 0, "TV-PG": 10, "TV-14": 14, "TV-MA": 17}
# Shikimori's rating field (anime).
_SHIKIMORI = {"g": 0, "pg": 6, "pg_13": 13, "r": 17, "r_plus": 17, "rx": 18}


def age_of(country: str, certification: str) -> int | None:
    """The age in years a certification stands for; None when it is unknown or empty."""
    cert = certification.strip()
    if not cert:
        return None
    country = country.upper()
    if country == "RU":
        return _RU.get(cert if cert.endswith("+") else cert + "+")
    if country == "US":
        return _US_MOVIE.get(cert, _US_TV.get(cert))
    if country == "SHIKIMORI":
        return _SHIKIMORI.get(cert.lower())
    return None


def pick_certification(by_country: dict[str, list[str]]) -> tuple[str, int] | None:
    """The first certification that means an age, RU then US: ("RU 16+", 16) or None."""
    for country in ("RU", "US"):
        for cert in by_country.get(country, []):
            age = age_of(country, cert)
            if age is not None:
                return f"{country} {cert.strip()}", age
    return None


@dataclass(frozen=True, slots=True)
class SourcePrefs:
    """A profile's own source preferences; empty values fall back to the app's settings."""

    max_quality: str = ""  # 2160p, 1080p, 720p, 480p
    max_size_gb: float = 0.0
    audio_languages: str = ""  # ISO 639-1, comma separated
    subtitle_languages: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "max_quality": self.max_quality,
            "max_size_gb": self.max_size_gb,
            "audio_languages": self.audio_languages,
            "subtitle_languages": self.subtitle_languages,
        }

    @classmethod
    def from_dict(cls, data: object) -> SourcePrefs:
        """From stored JSON; anything of the wrong type is left at its default."""
        if not isinstance(data, dict):
            return cls()
        size = data.get("max_size_gb", 0.0)
        return cls(
            max_quality=str(data.get("max_quality") or ""),
            max_size_gb=float(size) if isinstance(size, int | float) and size >= 0 else 0.0,
            audio_languages=str(data.get("audio_languages") or ""),
            subtitle_languages=str(data.get("subtitle_languages") or ""),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile:
    """One person's profile. ``max_age`` limits a kids' profile (None: no limit)."""

    id: int
    name: str
    avatar_color: str = AVATAR_COLORS[5]
    avatar_letter: str = ""
    has_pin: bool = False
    is_kids: bool = False
    max_age: int | None = None
    ui_language: str | None = None  # None: the app's setting
    audio_language: str | None = None
    subtitle_language: str | None = None
    source_prefs: SourcePrefs = field(default_factory=SourcePrefs)
    is_default: bool = False
    created_at: int = 0
    last_used_at: int | None = None

    @property
    def letter(self) -> str:
        """The avatar's letter: the chosen one, else the name's first letter."""
        text = (self.avatar_letter or self.name).strip()
        return text[:1].upper() or "?"

    @property
    def age_limit(self) -> int | None:
        """The highest age rating this profile may see (kids' profiles only)."""
        if not self.is_kids:
            return None
        return self.max_age if self.max_age is not None else 12
