"""Release names → normalised fields (``Release``): a quick pass for ranking, then guessit.

The quick pass (regular expressions, ~20 µs a name) reads what ranking needs, including what
guessit does not know: Russian voice-over kinds (Дубляж, MVO, DVO, AVO), «Субтитры», Torrentio's
language flags. guessit (8-9 ms a name here, so it runs in a worker, cached by name) then adds
title, year, source, codecs, group, season and episode; where both read a field, guessit's
normalised value wins, languages are merged.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import replace
from typing import Any

from app.domain.release import Release
from app.domain.streams import StreamCandidate

log = logging.getLogger(__name__)

_RES = [
    (re.compile(r"(?i)\b(?:2160p|4k|uhd|3840x\d+)\b"), 2160),
    (re.compile(r"(?i)\b(?:1440p|2560x\d+)\b"), 1440),
    (re.compile(r"(?i)\b(?:1080[pi]|fullhd|fhd|1920x\d+)\b"), 1080),
    (re.compile(r"(?i)\b(?:720p|1280x\d+)\b"), 720),
    (re.compile(r"(?i)\b(?:576[pi])\b"), 576),
    (re.compile(r"(?i)\b(?:480p|360p|dvdrip|dvd5|dvd9|sd)\b"), 480),
]
_CAM = re.compile(r"(?i)\b(camrip|hdcam|cam|telesync|hdts|ts|telecine|tc|screener|scr|dvdscr)\b")
_CAM_NAME = {"camrip": "CAM", "hdcam": "CAM", "cam": "CAM", "telesync": "TS", "hdts": "TS", "ts": "TS",
             "telecine": "TC", "tc": "TC", "screener": "SCR", "scr": "SCR", "dvdscr": "SCR"}  # fmt: skip
_SOURCE = [
    (re.compile(r"(?i)\b(?:blu-?ray|bdrip|bdremux|bd-?rip|brrip|uhd\s?bd)\b"), "Blu-ray"),
    (re.compile(r"(?i)\bweb-?(?:dl|rip)?\b|\bwebdl\b"), "Web"),
    (re.compile(r"(?i)\b(?:hdtv|hdtvrip|satrip|dvb|iptvrip|tvrip)\b"), "TV"),
    (re.compile(r"(?i)\b(?:dvdrip|dvd5|dvd9|dvd)\b"), "DVD"),
]
_CODEC = [
    (re.compile(r"(?i)\b(?:x\.?265|h\.?265|hevc)\b"), "H.265"),
    (re.compile(r"(?i)\b(?:x\.?264|h\.?264|avc)\b"), "H.264"),
    (re.compile(r"(?i)\bav1\b"), "AV1"),
    (re.compile(r"(?i)\bxvid\b"), "Xvid"),
]
_HDR = [
    (re.compile(r"(?i)\bhdr10\+|hdr10plus\b"), "HDR10+"),
    (re.compile(r"(?i)\bhdr(?:10)?\b"), "HDR10"),
    (re.compile(r"(?i)\b(?:dv|dovi|dolby\s?vision)\b"), "Dolby Vision"),
]
_VOICE = [
    (re.compile(r"(?i)дубляж|дублир|\bdub(?:bed)?\b|\bdubl\b"), "dub"),
    (re.compile(r"(?i)\bmvo\b|многоголос|\bпм\b"), "mvo"),
    (re.compile(r"(?i)\bdvo\b|двухголос|двуголос"), "dvo"),
    (re.compile(r"(?i)\bavo\b|авторск"), "avo"),
    (re.compile(r"(?i)\bvo\b|одноголос"), "vo"),
]
_LANG = [
    (re.compile(r"(?i)(?<![a-z])(?:rus|russian|ru)(?![a-z])|\bрус(?:ский|ская)?\b|🇷🇺"), "ru"),
    (re.compile(r"(?i)(?<![a-z])(?:eng|english)(?![a-z])|\bангл|🇬🇧|🇺🇸"), "en"),
    (re.compile(r"(?i)(?<![a-z])(?:ukr|ukrainian)(?![a-z])|\bукр|🇺🇦"), "uk"),
    (re.compile(r"(?i)(?<![a-z])(?:jap|jpn|japanese)(?![a-z])|\bяпон|🇯🇵"), "ja"),
]
_SUBS_WITH_LANG = re.compile(
    r"(?i)(?:\bsubs?\b|субтитры|subtitles)\s*[:(\[]?\s*((?:(?:rus|eng|ukr|jap|рус|англ)[a-zа-я]*[,\s/]*)+)"
    r"|((?:rus|eng|ukr|рус|англ)[a-zа-я]*)\s*(?:subs?|субтитры)\b"
)
_SUBS_ANY = re.compile(r"(?i)\bsubs?\b|субтитр|subtitles|multi\s?subs")
_MULTI = re.compile(r"(?i)\bmulti\b|multi\s?audio|dual\s?audio")
_3D = re.compile(r"(?i)\b3d\b|\bsbs\b|half-ou")
_SHORT = {"rus": "ru", "рус": "ru", "eng": "en", "англ": "en", "ukr": "uk", "jap": "ja"}


def _lang_codes(text: str) -> tuple[str, ...]:
    out = []
    for word in re.split(r"[,\s/]+", text.lower()):
        for prefix, code in _SHORT.items():
            if word.startswith(prefix) and code not in out:
                out.append(code)
    return tuple(out)


def quick(name: str, extra_text: str = "") -> Release:
    """What ranking needs from ``name`` (and the provider's own text, e.g. Torrentio's lines)."""
    text = f"{name} {extra_text}"
    resolution = next((r for pattern, r in _RES if pattern.search(text)), None)
    cam = _CAM.search(name)
    quality = _CAM_NAME[cam.group(1).lower()] if cam else (f"{resolution}p" if resolution else None)
    voice = tuple(v for pattern, v in _VOICE if pattern.search(text))
    langs = [code for pattern, code in _LANG if pattern.search(text)]
    if voice and "ru" not in langs:
        langs.insert(0, "ru")
    subs: list[str] = []
    for m in _SUBS_WITH_LANG.finditer(text):
        subs.extend(c for c in _lang_codes(m.group(1) or m.group(2) or "") if c not in subs)
    if not subs and _SUBS_ANY.search(text):
        subs.append("*")
    return Release(
        resolution=resolution,
        quality=quality,
        source=next((s for pattern, s in _SOURCE if pattern.search(name)), None) if not cam else "Camera",
        remux=bool(re.search(r"(?i)\bremux\b", name)),
        video_codec=next((c for pattern, c in _CODEC if pattern.search(name)), None),
        hdr=tuple(dict.fromkeys(h for pattern, h in _HDR if pattern.search(text))),
        audio_languages=tuple(langs),
        voice=voice,
        subtitles=tuple(subs),
        multi_audio=bool(_MULTI.search(text)),
        three_d=bool(_3D.search(name)),
    )


@functools.lru_cache(maxsize=20_000)
def _guess(name: str) -> dict[str, Any]:
    from guessit import guessit

    try:
        return dict(guessit(name))
    except Exception:  # guessit raises many kinds on odd names; the quick pass stands then
        log.debug("guessit could not read %r", name, exc_info=True)
        return {}


def _codes(value: Any) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        code = getattr(item, "alpha2", None)
        if isinstance(code, str) and code not in out:
            out.append(code)
    return tuple(out)


def refine(release: Release, name: str) -> Release:
    """``release`` completed by guessit's reading of ``name`` (blocking: call in a worker)."""
    g = _guess(name)
    if not g:
        return release
    other = g.get("other") or []
    other = other if isinstance(other, list) else [other]
    hdr = list(release.hdr)
    for tag in other:
        if str(tag).startswith("HDR") and "HDR10" not in hdr:
            hdr.append("HDR10")
        if tag == "Dolby Vision" and "Dolby Vision" not in hdr:
            hdr.append("Dolby Vision")
    size = g.get("screen_size")
    resolution = release.resolution
    if isinstance(size, str) and size[:-1].isdigit() and release.quality not in ("CAM", "TS", "TC", "SCR"):
        resolution = int(size[:-1])
    langs = list(release.audio_languages)
    langs.extend(c for c in _codes(g.get("language")) if c not in langs)
    subs = [s for s in release.subtitles if s != "*"]
    subs.extend(c for c in _codes(g.get("subtitle_language")) if c not in subs)
    if not subs and release.subtitles:
        subs = ["*"]
    title = g.get("title")
    year = g.get("year")
    return replace(
        release,
        title=title if isinstance(title, str) else release.title,
        year=year if isinstance(year, int) else release.year,
        resolution=resolution,
        quality=release.quality
        if release.quality in ("CAM", "TS", "TC", "SCR")
        else (f"{resolution}p" if resolution else release.quality),
        source=str(g["source"]) if g.get("source") and release.source != "Camera" else release.source,
        remux=release.remux or "Remux" in other,
        video_codec=str(g["video_codec"]) if g.get("video_codec") else release.video_codec,
        hdr=tuple(hdr),
        audio_codec=str(g["audio_codec"]) if isinstance(g.get("audio_codec"), str) else release.audio_codec,
        audio_channels=str(g["audio_channels"]) if g.get("audio_channels") else release.audio_channels,
        audio_languages=tuple(langs),
        subtitles=tuple(subs),
        group=_group(g.get("release_group")) or release.group,
        season=g["season"] if isinstance(g.get("season"), int) else release.season,
        episode=g["episode"] if isinstance(g.get("episode"), int) else release.episode,
        three_d=release.three_d or "3D" in other,
    )


def _group(value: Any) -> str | None:
    """guessit's release group, unless it is really a list of voice-overs («Дубляж, MVO»)."""
    if not isinstance(value, str) or any(p.search(value) for p, _ in _VOICE) or "," in value:
        return None
    return value[:60]


def candidate_text(cand: StreamCandidate) -> str:
    """The provider's own words beside the release name (Torrentio's name and language flags)."""
    parts = [str(cand.extra.get("name") or "")]
    words = {"ru": "rus", "en": "eng", "uk": "ukr", "ja": "jap"}
    langs = cand.extra.get("languages")
    if isinstance(langs, list | tuple):
        parts.extend(words.get(str(x), "") for x in langs)
    if cand.extra.get("multi_subs"):
        parts.append("Multi Subs")
    if cand.extra.get("multi_audio"):
        parts.append("Multi Audio")
    category = str(cand.extra.get("categoryId") or "")
    if category == "1_2":  # Nyaa: English-translated
        parts.append("eng subs")
    if cand.quality:
        parts.append(cand.quality)
    return " ".join(p for p in parts if p)


def quick_release(cand: StreamCandidate) -> Release:
    return quick(cand.label, candidate_text(cand))


def full_release(cand: StreamCandidate) -> Release:
    """Quick pass, then guessit (blocking)."""
    return refine(quick_release(cand), cand.label)
