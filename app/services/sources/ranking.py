"""Ranking: the original design's weights over components that each say why.

score = 0.30·quality + 0.25·speed + 0.20·availability + 0.15·subtitles + 0.10·audio, every
component in 0..1. Preferences feed them: the maximum quality and size (beyond them a release
loses most of its quality points), the audio languages (a Russian dub above the original for a
Russian UI) and the subtitle languages. ``rank`` sorts; ties go to the kind that can seek and
resume (direct, HLS, torrent, archive, live), then to more seeders.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.domain.models import SourceKind
from app.domain.release import Component, RankedStream, Release
from app.domain.streams import StreamCandidate

WEIGHTS = {"quality": 0.30, "speed": 0.25, "availability": 0.20, "subtitles": 0.15, "audio": 0.10}
_RESOLUTION = {2160: 1.0, 1440: 0.92, 1080: 0.85, 720: 0.6, 576: 0.4, 480: 0.35}
_CAM = {"CAM": 0.05, "TS": 0.08, "TC": 0.1, "SCR": 0.15}
_VOICE_VALUE = {"dub": 1.0, "mvo": 0.85, "dvo": 0.75, "avo": 0.65, "vo": 0.55}
# Which kind goes first when scores tie (best first; also resolve.candidates). Live TV cannot
# resume: it goes last.
KIND_ORDER = {
    SourceKind.DIRECT: 0, SourceKind.HLS: 1, SourceKind.TORRENT: 2,
    SourceKind.IPTV_CATCHUP: 3, SourceKind.IPTV_LIVE: 4, SourceKind.PAGE: 5,
}  # fmt: skip
HEALTHY_SEEDERS = 5  # Torrentio's threshold
_LOG_SEEDS = math.log10(1 + 200)  # 200 seeders and more: full speed points


@dataclass(frozen=True, slots=True)
class Preferences:
    """What the user asked for. Languages are ISO 639-1, most wanted first."""

    audio_languages: tuple[str, ...] = ("ru",)
    subtitle_languages: tuple[str, ...] = ("ru", "en")
    max_resolution: int | None = None  # 1080: a 4K release is over the limit
    max_size_bytes: int | None = None


def quality(rel: Release, cand: StreamCandidate, prefs: Preferences) -> Component:
    w = WEIGHTS["quality"]
    if rel.quality in _CAM:
        return Component("quality", _CAM[rel.quality], w, "camera", {"quality": rel.quality})
    res = rel.resolution
    args: dict[str, object]
    if res is None:
        value, reason, args = 0.3, "unknown", {}
    else:
        value = _RESOLUTION.get(res) or (1.0 if res > 2160 else 0.3)
        reason, args = "resolution", {"quality": f"{res}p"}
        if rel.remux or rel.source == "Blu-ray" or rel.hdr:
            value = min(1.0, value + 0.05)
        if prefs.max_resolution and res > prefs.max_resolution:
            value, reason = value * 0.4, "over_max_quality"
            args["max"] = f"{prefs.max_resolution}p"
    size = cand.size_bytes
    if prefs.max_size_bytes and size and size > prefs.max_size_bytes:
        value *= 0.25
        reason = "over_max_size"
        args = {
            **args,
            "size_gb": round(size / 1024**3, 1),
            "max_gb": round(prefs.max_size_bytes / 1024**3, 1),
        }
    return Component("quality", value, w, reason, args)


def speed(cand: StreamCandidate, throughput_kbps: float | None) -> Component:
    w = WEIGHTS["speed"]
    if cand.kind is SourceKind.TORRENT:
        seeders = cand.seeders
        if seeders is None:
            return Component("speed", 0.3, w, "seeders_unknown")
        leechers = max(0, (cand.peers or seeders) - seeders)
        value = min(1.0, math.log10(1 + seeders + 0.1 * leechers) / _LOG_SEEDS)
        return Component("speed", value, w, "seeders", {"seeders": seeders, "peers": cand.peers or seeders})
    if cand.kind is SourceKind.PAGE:
        return Component("speed", 0.2, w, "browser")
    if throughput_kbps is not None:
        # 8 Mbit/s carries a 1080p stream comfortably
        return Component(
            "speed", min(1.0, throughput_kbps / 8000), w, "measured", {"kbps": int(throughput_kbps)}
        )
    if cand.kind in (SourceKind.IPTV_LIVE, SourceKind.IPTV_CATCHUP):
        return Component("speed", 0.7, w, "tv")
    return Component("speed", 0.6, w, "http_unmeasured")


def availability(cand: StreamCandidate, known: float | None, provider_rate: float | None) -> Component:
    w = WEIGHTS["availability"]
    if not cand.playable_now:
        return Component("availability", 0.0, w, "not_now")
    args: dict[str, object]
    if known is not None:
        value, reason, args = known, "checked", {"percent": round(known * 100)}
    elif cand.kind is SourceKind.TORRENT and cand.seeders is not None:
        if cand.seeders == 0:
            value, reason, args = 0.05, "no_seeders", {}
        else:
            value = 0.9 if cand.seeders >= HEALTHY_SEEDERS else 0.6
            reason, args = "seeded", {"seeders": cand.seeders}
    else:
        value, reason, args = 0.6, "unchecked", {}
    if provider_rate is not None and provider_rate < 0.999:
        value *= 0.5 + 0.5 * provider_rate
        args = {**args, "provider_percent": round(provider_rate * 100)}
    return Component("availability", value, w, reason, args)


def subtitles(rel: Release, prefs: Preferences) -> Component:
    w = WEIGHTS["subtitles"]
    wanted = prefs.subtitle_languages
    have = [s for s in rel.subtitles if s in wanted]
    if have:
        first = wanted.index(have[0])
        return Component("subtitles", 1.0 if first == 0 else 0.85, w, "subtitles", {"languages": have})
    if prefs.audio_languages and prefs.audio_languages[0] in rel.audio_languages:
        return Component("subtitles", 0.8, w, "not_needed", {"language": prefs.audio_languages[0]})
    if "*" in rel.subtitles:
        return Component("subtitles", 0.4, w, "unknown_language")
    if rel.subtitles:
        return Component("subtitles", 0.15, w, "other_languages", {"languages": list(rel.subtitles)})
    return Component("subtitles", 0.0, w, "none")


def audio(rel: Release, prefs: Preferences) -> Component:
    w = WEIGHTS["audio"]
    wanted = prefs.audio_languages
    if not wanted:
        return Component("audio", 0.5, w, "any")
    first = wanted[0]
    if first == "ru" and rel.voice:
        best = max(_VOICE_VALUE[v] for v in rel.voice)
        kind = next(v for v in rel.voice if _VOICE_VALUE[v] == best)
        return Component("audio", best, w, "voice", {"voice": kind})
    if first in rel.audio_languages:
        return Component("audio", 0.9, w, "language", {"language": first})
    other = [lang for lang in rel.audio_languages if lang in wanted[1:]]
    if other:
        return Component("audio", 0.5, w, "language", {"language": other[0]})
    if rel.multi_audio:
        return Component("audio", 0.4, w, "multi")
    if rel.audio_languages:
        return Component("audio", 0.2, w, "original", {"languages": list(rel.audio_languages)})
    return Component("audio", 0.3, w, "unknown")


def score(
    cand: StreamCandidate,
    rel: Release,
    prefs: Preferences,
    *,
    known_availability: float | None = None,
    provider_rate: float | None = None,
    throughput_kbps: float | None = None,
) -> tuple[float, tuple[Component, ...]]:
    parts = (
        quality(rel, cand, prefs),
        speed(cand, throughput_kbps),
        availability(cand, known_availability, provider_rate),
        subtitles(rel, prefs),
        audio(rel, prefs),
    )
    q, sp, av, subs, aud = (p.points for p in parts)
    return round(q + sp + av + subs + aud, 4), parts  # in fast_score's order (sum() compensates)


# ---------------------------------------------------------------- many candidates at once
# The same formula as the components above, as plain arithmetic (no Component objects): ranking
# thousands of candidates must stay well under a frame; the components are built for the ones shown.


def static_points(rel: Release, prefs: Preferences, size_bytes: int | None) -> tuple[float, float, float]:
    """The weighted points that depend only on the release (quality, subtitles, audio): worked out
    once when a candidate arrives, so that ranking again only adds speed and availability."""
    if rel.quality in _CAM:
        q = _CAM[rel.quality]
    elif rel.resolution is None:
        q = 0.3
    else:
        res = rel.resolution
        q = _RESOLUTION.get(res) or (1.0 if res > 2160 else 0.3)
        if rel.remux or rel.source == "Blu-ray" or rel.hdr:
            q = min(1.0, q + 0.05)
        if prefs.max_resolution and res > prefs.max_resolution:
            q *= 0.4
    if rel.quality not in _CAM and prefs.max_size_bytes and size_bytes and size_bytes > prefs.max_size_bytes:
        q *= 0.25
    return (
        WEIGHTS["quality"] * q,
        WEIGHTS["subtitles"] * subtitles(rel, prefs).value,
        WEIGHTS["audio"] * audio(rel, prefs).value,
    )


_W_SPEED, _W_AVAIL = WEIGHTS["speed"], WEIGHTS["availability"]


def fast_score(
    cand: StreamCandidate,
    rel: Release,
    prefs: Preferences,
    known: float | None = None,
    rate: float | None = None,
    kbps: float | None = None,
    static: tuple[float, float, float] | None = None,
    exact: bool = True,
) -> float:
    q, subs, aud = static if static is not None else static_points(rel, prefs, cand.size_bytes)
    kind = cand.kind
    seeders = cand.seeders
    if kind is SourceKind.TORRENT:
        if seeders is None:
            sp = 0.3
        else:
            leechers = (cand.peers or seeders) - seeders
            sp = min(1.0, math.log10(1 + seeders + 0.1 * (leechers if leechers > 0 else 0)) / _LOG_SEEDS)
    elif kind is SourceKind.PAGE:
        sp = 0.2
    elif kbps is not None:
        sp = min(1.0, kbps / 8000)
    elif kind is SourceKind.IPTV_LIVE or kind is SourceKind.IPTV_CATCHUP:
        sp = 0.7
    else:
        sp = 0.6
    if not cand.playable_now:
        av = 0.0
    else:
        if known is not None:
            av = known
        elif kind is SourceKind.TORRENT and seeders is not None:
            av = 0.05 if seeders == 0 else (0.9 if seeders >= HEALTHY_SEEDERS else 0.6)
        else:
            av = 0.6
        if rate is not None and rate < 0.999:
            av *= 0.5 + 0.5 * rate
    total = q + _W_SPEED * sp + _W_AVAIL * av + subs + aud
    return round(total, 4) if exact else total


@dataclass(frozen=True, slots=True)
class Entry:
    """One candidate to rank with what is known of its health."""

    candidate: StreamCandidate
    release: Release
    known_availability: float | None = None
    provider_rate: float | None = None
    throughput_kbps: float | None = None
    health: str = "unknown"
    source_id: int | None = None
    merged_from: tuple[str, ...] = ()
    static: tuple[float, float, float] | None = None  # static_points, when known


def rank_entries(entries: Sequence[Entry], prefs: Preferences, explain_top: int = 10) -> list[RankedStream]:
    """Rank many candidates: scores by plain arithmetic, components for the first ``explain_top``
    (the rest carry none until ``explained`` is asked for them: the why-first view asks for the
    row it shows, the CLI for every row)."""
    neg = [_neg_score(e, prefs) for e in entries]
    order = sorted(range(len(entries)), key=neg.__getitem__)  # floats sort ~10x faster than tuples
    _break_ties(order, neg, entries)
    top = min(explain_top, len(order))
    out = [explain(entries[n], prefs) for n in order[:top]]
    make = tuple.__new__  # the named tuple's own __new__ is a Python call per row
    for n in order[top:]:
        e = entries[n]
        out.append(
            make(
                RankedStream,
                (e.candidate, e.release, round(-neg[n], 4), (), e.known_availability, e.health,
                 e.source_id, e.merged_from),
            )
        )  # fmt: skip
    return out


_TORRENT = SourceKind.TORRENT


def _neg_score(e: Entry, prefs: Preferences) -> float:
    """``-fast_score`` with the common case (a torrent with seeders, its release points known)
    worked out inline: the same arithmetic in the same order, without the call's arguments."""
    cand = e.candidate
    static = e.static
    seeders = cand.seeders
    if static is None or cand.kind is not _TORRENT or seeders is None or not cand.playable_now:
        return -fast_score(
            cand,
            e.release,
            prefs,
            e.known_availability,
            e.provider_rate,
            e.throughput_kbps,
            static,
            exact=False,
        )
    leechers = (cand.peers or seeders) - seeders
    sp = math.log10(1 + seeders + 0.1 * (leechers if leechers > 0 else 0)) / _LOG_SEEDS
    sp = min(sp, 1.0)
    known = e.known_availability
    av = known if known is not None else 0.05 if seeders == 0 else 0.9 if seeders >= HEALTHY_SEEDERS else 0.6
    rate = e.provider_rate
    if rate is not None and rate < 0.999:
        av *= 0.5 + 0.5 * rate
    return -(static[0] + _W_SPEED * sp + _W_AVAIL * av + static[1] + static[2])


def _break_ties(order: list[int], neg: list[float], entries: Sequence[Entry]) -> None:
    """Equal scores: direct before HLS before torrent…, then more seeders first (in place)."""
    start, n = 0, len(order)
    while start < n:
        end = start + 1
        score = neg[order[start]]
        while end < n and neg[order[end]] == score:
            end += 1
        if end - start > 1:
            order[start:end] = sorted(
                order[start:end],
                key=lambda i: (
                    KIND_ORDER.get(entries[i].candidate.kind, 9),
                    -(entries[i].candidate.seeders or 0),
                    i,
                ),
            )
        start = end


def explained(item: RankedStream, prefs: Preferences) -> RankedStream:
    """``item`` with its components (ranked past ``explain_top``, it carries none)."""
    if item.components:
        return item
    full = ranked(
        item.candidate, item.release, prefs, known_availability=item.availability, health=item.health,
        source_id=item.source_id, merged_from=item.merged_from,
    )  # fmt: skip
    return full._replace(score=item.score)


def explain(e: Entry, prefs: Preferences) -> RankedStream:
    return ranked(
        e.candidate,
        e.release,
        prefs,
        known_availability=e.known_availability,
        provider_rate=e.provider_rate,
        throughput_kbps=e.throughput_kbps,
        health=e.health,
        source_id=e.source_id,
        merged_from=e.merged_from,
    )


def order_key(item: RankedStream) -> tuple[float, int, int]:
    return (-item.score, KIND_ORDER.get(item.candidate.kind, 9), -(item.candidate.seeders or 0))


def rank(items: Iterable[RankedStream]) -> list[RankedStream]:
    return sorted(items, key=order_key)


def ranked(
    cand: StreamCandidate,
    rel: Release,
    prefs: Preferences,
    *,
    known_availability: float | None = None,
    provider_rate: float | None = None,
    throughput_kbps: float | None = None,
    health: str = "unknown",
    source_id: int | None = None,
    merged_from: Sequence[str] = (),
) -> RankedStream:
    total, parts = score(
        cand,
        rel,
        prefs,
        known_availability=known_availability,
        provider_rate=provider_rate,
        throughput_kbps=throughput_kbps,
    )
    return RankedStream(cand, rel, total, parts, known_availability, health, source_id, tuple(merged_from))
