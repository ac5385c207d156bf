"""The user's source preferences from the settings (languages default to the UI language's)."""

from __future__ import annotations

import locale

from app.core.config import Settings
from app.services.sources.ranking import Preferences


def _codes(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c.strip().lower()[:2] for c in text.split(",") if c.strip()))


def ui_language(settings: Settings) -> str:
    if settings.language in ("ru", "en"):
        return settings.language
    try:
        code = (locale.getlocale()[0] or "en")[:2].lower()
    except ValueError:
        code = "en"
    return "ru" if code in ("ru", "uk", "be", "kk") else "en"


def preferences(settings: Settings) -> Preferences:
    ui = ui_language(settings)
    audio = _codes(settings.sources_audio_languages) or ((ui, "en") if ui != "en" else ("en",))
    subs = _codes(settings.sources_subtitle_languages) or tuple(dict.fromkeys((ui, "en")))
    quality = settings.sources_max_quality.strip().lower().rstrip("p")
    max_res = int(quality) if quality.isdigit() else (2160 if quality == "4k" else None)
    size = settings.sources_max_size_gb
    return Preferences(
        audio_languages=audio,
        subtitle_languages=subs,
        max_resolution=max_res,
        max_size_bytes=int(size * 1024**3) if size > 0 else None,
    )
