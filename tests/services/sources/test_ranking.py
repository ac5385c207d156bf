"""The ranking formula: weights, components and preferences, as a table."""

from __future__ import annotations

import pytest

from app.domain.models import SourceKind
from app.domain.streams import StreamCandidate
from app.services.sources.ranking import WEIGHTS, Preferences, rank, ranked, score
from app.services.sources.release import quick

RU = Preferences(audio_languages=("ru", "en"), subtitle_languages=("ru", "en"))
EN = Preferences(audio_languages=("en",), subtitle_languages=("en",))


def torrent(
    name: str, seeders: int | None = 50, size: int | None = 8 * 1024**3, peers: int | None = None
) -> StreamCandidate:
    return StreamCandidate(
        provider_id="t", kind=SourceKind.TORRENT, url=f"magnet:?xt=urn:btih:{abs(hash(name)):040x}"[:60],
        label=name, seeders=seeders, peers=peers if peers is not None else seeders, size_bytes=size,
    )  # fmt: skip


def test_weights_are_the_designs() -> None:
    assert WEIGHTS == {"quality": 0.30, "speed": 0.25, "availability": 0.20, "subtitles": 0.15, "audio": 0.10}
    assert sum(WEIGHTS.values()) == pytest.approx(1.0)


# name, seeders, (quality, speed, availability, subtitles, audio) under the Russian preferences
TABLE = [
    ("Матрица (1999) BDRip 1080p | Дубляж | Sub Rus", 200, (0.90, 1.0, 0.9, 1.0, 1.0)),
    ("The.Matrix.1999.2160p.UHD.BluRay.REMUX.HDR.HEVC-EPSiLON", 35, (1.0, 0.676, 0.9, 0.0, 0.3)),
    ("The Matrix 1999 720p BRRip x264 ENG", 3, (0.65, 0.261, 0.6, 0.0, 0.5)),
    ("Matrix.1999.CAMRip.x264", 200, (0.05, 1.0, 0.9, 0.0, 0.3)),
    ("Матрица (1999) WEB-DL 1080p | AVO", 0, (0.85, 0.0, 0.05, 0.8, 0.65)),
    ("Матрица (1999) 1080p | MVO | Sub Eng", None, (0.85, 0.3, 0.6, 0.85, 0.85)),
]


@pytest.mark.parametrize(("name", "seeders", "expected"), TABLE)
def test_components_table(name: str, seeders: int | None, expected: tuple[float, ...]) -> None:
    cand = torrent(name, seeders)
    total, parts = score(cand, quick(name), RU)
    values = tuple(round(p.value, 3) for p in parts)
    assert [p.name for p in parts] == ["quality", "speed", "availability", "subtitles", "audio"]
    assert values == pytest.approx(expected, abs=0.002)
    assert total == pytest.approx(
        sum(v * w for v, w in zip(expected, WEIGHTS.values(), strict=True)), abs=0.003
    )


def test_order_dub_first_for_russian_original_first_for_english() -> None:
    dub = torrent("Матрица (1999) BDRip 1080p | Дубляж", 40)
    original = torrent("The.Matrix.1999.1080p.BluRay.x264.ENG.Subs-ENG", 40)
    for prefs, first in ((RU, dub), (EN, original)):
        order = rank([ranked(c, quick(c.label, ""), prefs) for c in (original, dub)])
        assert order[0].candidate is first


def test_preferences_limit_quality_and_size() -> None:
    uhd = torrent("The.Matrix.1999.2160p.BluRay.x265", 50, size=60 * 1024**3)
    hd = torrent("The.Matrix.1999.1080p.BluRay.x264", 50, size=10 * 1024**3)
    free = rank([ranked(c, quick(c.label), Preferences()) for c in (hd, uhd)])
    assert free[0].candidate is uhd
    capped = Preferences(max_resolution=1080)
    limited = rank([ranked(c, quick(c.label), capped) for c in (hd, uhd)])
    assert limited[0].candidate is hd
    assert limited[1].components[0].reason == "over_max_quality"
    small = Preferences(max_size_bytes=20 * 1024**3)
    sized = rank([ranked(c, quick(c.label), small) for c in (hd, uhd)])
    assert sized[1].components[0].reason == "over_max_size" and sized[0].candidate is hd


def test_health_feeds_availability() -> None:
    link = StreamCandidate(provider_id="u", kind=SourceKind.DIRECT, url="http://x/a.mp4", label="a 1080p")
    unknown = ranked(link, quick(link.label), RU)
    failing = ranked(link, quick(link.label), RU, known_availability=0.1)
    healthy = ranked(link, quick(link.label), RU, known_availability=1.0)
    assert failing.score < unknown.score < healthy.score
    assert failing.components[2].reason == "checked" and failing.components[2].args == {"percent": 10}
    flaky_provider = ranked(link, quick(link.label), RU, provider_rate=0.5)
    assert flaky_provider.components[2].value == pytest.approx(0.6 * 0.75)


def test_not_playable_now_has_no_availability() -> None:
    later = StreamCandidate(
        provider_id="iptv", kind=SourceKind.IPTV_LIVE, url="http://tv/1", playable_now=False
    )
    assert ranked(later, quick(""), RU).components[2].value == 0.0


def test_ties_prefer_kinds_that_resume() -> None:
    a = StreamCandidate(provider_id="x", kind=SourceKind.IPTV_LIVE, url="http://tv/1", label="1080p")
    b = StreamCandidate(provider_id="x", kind=SourceKind.HLS, url="http://h/1.m3u8", label="1080p")
    c = StreamCandidate(provider_id="x", kind=SourceKind.DIRECT, url="http://h/1.mp4", label="1080p")
    items = [ranked(x, quick(x.label), RU, throughput_kbps=8000, known_availability=1.0) for x in (a, b, c)]
    items = [type(i)(i.candidate, i.release, 0.5, i.components) for i in items]  # equal scores
    assert [i.candidate.kind for i in rank(items)] == [
        SourceKind.DIRECT,
        SourceKind.HLS,
        SourceKind.IPTV_LIVE,
    ]


def test_ranking_many_at_once_gives_the_components_order_and_scores() -> None:
    """``rank_entries`` (plain arithmetic, ties broken by kind then seeders, components for the
    first rows only) ranks exactly as the full components do, on a mix with many equal scores."""
    import random

    from app.services.sources.ranking import Entry, explained, rank_entries, static_points

    rng = random.Random(3)
    prefs = Preferences(max_resolution=1080, max_size_bytes=20 * 1024**3)
    names = ["Матрица 1080p | Дубляж | Sub Rus", "Matrix 2160p HDR", "Matrix 720p ENG", "Matrix CAMRip", ""]
    kinds = [SourceKind.TORRENT, SourceKind.DIRECT, SourceKind.HLS, SourceKind.TORRENT, SourceKind.PAGE]
    entries = []
    for n in range(400):
        kind = kinds[n % 5]
        cand = StreamCandidate(
            provider_id="p", kind=kind, url=f"https://x/{n}", label=names[n % 5],
            seeders=rng.choice([None, 0, 3, 5, 250]) if kind is SourceKind.TORRENT else None,
            peers=rng.choice([None, 0, 40]), size_bytes=rng.choice([None, 2 * 1024**3, 40 * 1024**3]),
        )  # fmt: skip
        rel = quick(cand.label)
        static = static_points(rel, prefs, cand.size_bytes) if n % 3 else None
        entries.append(
            Entry(cand, rel, rng.choice([None, 0.0, 0.7]), rng.choice([None, 0.4, 1.0]), static=static)
        )
    fast = rank_entries(entries, prefs, explain_top=5)
    full = rank(
        ranked(
            e.candidate,
            e.release,
            prefs,
            known_availability=e.known_availability,
            provider_rate=e.provider_rate,
        )
        for e in entries
    )
    assert [r.candidate.url for r in fast] == [r.candidate.url for r in full]
    assert [r.score for r in fast] == [r.score for r in full]
    assert all(r.components for r in fast[:5]) and not any(r.components for r in fast[5:])
    assert explained(fast[200], prefs).components == full[200].components  # asked for: built then
