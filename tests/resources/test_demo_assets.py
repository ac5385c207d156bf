"""The embedded demo library: metadata, guide, art and sample video are complete and consistent."""

from __future__ import annotations

import itertools
import json
import shutil
import subprocess
import sys
from collections import defaultdict
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from PIL import Image

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "resources" / "demo"
TOOLS = REPO / "tools"
MSK = timezone(timedelta(hours=3))
WEEK_START = datetime(2026, 1, 5, tzinfo=MSK)
WEEK_END = datetime(2026, 1, 12, tzinfo=MSK)

REQUIRED = {
    "id": str, "kind": str, "title": str, "original_title": str, "year": int, "runtime": int,
    "rating": float, "votes": int, "genres": list, "countries": list, "original_language": str,
    "director": str, "cast": list, "overview": str, "poster": str, "backdrop": str,
    "guide_title": str,
}  # fmt: skip
NULLABLE = {"tagline": str, "tmdb_id": int, "imdb_id": str}
PUBLIC_DOMAIN_ERA = 1929  # US public domain by 2025 for works published up to this year


def _films() -> list[dict[str, Any]]:
    data = json.loads((DEMO / "metadata.json").read_text("utf-8"))
    films: list[dict[str, Any]] = data["films"]
    return films


def _when(value: str) -> datetime:
    return datetime.strptime(value, "%Y%m%d%H%M%S %z")


@pytest.fixture(scope="module")
def guide() -> Any:
    return etree.parse(str(DEMO / "guide.xml"))


def test_metadata_entries_have_every_field_with_the_right_type() -> None:
    films = _films()
    assert 20 <= len(films) <= 25
    for film in films:
        for key, typ in REQUIRED.items():
            assert isinstance(film[key], typ), (film["id"], key)
        for key, typ in NULLABLE.items():
            assert key in film and (film[key] is None or isinstance(film[key], typ)), key
        assert 0 < film["rating"] <= 10 and film["votes"] > 0
        assert 1 <= len(film["cast"]) <= 5 and film["genres"] == [g.lower() for g in film["genres"]]
        assert film["overview"].count(".") >= 2, film["id"]  # a real paragraph, not a stub
        if film["tmdb_id"] is not None:
            assert film["id"] == f"tmdb:movie:{film['tmdb_id']}"
        else:
            assert film["id"].startswith("demo:film:")


def test_metadata_ids_unique_kinds_varied_and_classics_in_majority() -> None:
    films = _films()
    assert len({f["id"] for f in films}) == len(films)
    kinds = {f["kind"] for f in films}
    assert {"film", "cartoon", "documentary"} <= kinds
    assert kinds <= {"film", "cartoon", "documentary", "series", "anime"}
    old = [f for f in films if f["year"] <= PUBLIC_DOMAIN_ERA]
    assert len(old) > len(films) / 2
    known = {f["tmdb_id"]: f["original_title"] for f in films if f["tmdb_id"]}
    assert known[19] == "Metropolis" and known[653].startswith("Nosferatu")


def test_metadata_files_exist_and_titles_are_russian() -> None:
    for film in _films():
        assert (DEMO / film["poster"]).is_file(), film["poster"]
        assert (DEMO / film["backdrop"]).is_file(), film["backdrop"]
        assert any("а" <= ch.lower() <= "я" for ch in film["title"]), film["title"]


def test_posters_decode_as_two_by_three_under_size_limit() -> None:
    posters = sorted((DEMO / "posters").glob("*.jpg"))
    assert len(posters) == len(_films())
    for path in posters:
        assert path.stat().st_size < 60_000, path.name
        with Image.open(path) as img:
            img.load()
            assert img.format == "JPEG"
            assert img.size == (400, 600) and img.width * 3 == img.height * 2


def test_backdrops_decode_as_sixteen_by_nine_under_size_limit() -> None:
    for path in sorted((DEMO / "backdrops").glob("*.jpg")):
        assert path.stat().st_size < 120_000, path.name
        with Image.open(path) as img:
            img.load()
            assert img.size == (960, 540)


def test_guide_channels_and_every_programme_timed(guide: Any) -> None:
    root = guide.getroot()
    assert root.tag == "tv" and guide.docinfo.encoding == "UTF-8"
    ids = [c.get("id") for c in root.findall("channel")]
    assert 4 <= len(ids) <= 5 and len(set(ids)) == len(ids)
    assert all(c.findtext("display-name") for c in root.findall("channel"))
    for prog in root.findall("programme"):
        assert prog.get("channel") in ids
        assert prog.get("start").endswith(" +0300") and prog.get("stop").endswith(" +0300")
        assert _when(prog.get("start")) < _when(prog.get("stop"))
        assert prog.find("title").get("lang") == "ru" and prog.findtext("title")


def test_guide_covers_the_week_without_gaps_per_channel(guide: Any) -> None:
    by_channel: dict[str, list[Any]] = defaultdict(list)
    for prog in guide.getroot().findall("programme"):
        by_channel[prog.get("channel")].append(prog)
    assert len(by_channel) == len(guide.getroot().findall("channel"))
    for channel, progs in by_channel.items():
        spans = sorted((_when(p.get("start")), _when(p.get("stop"))) for p in progs)
        assert spans[0][0] == WEEK_START and spans[-1][1] == WEEK_END, channel
        for (_, stop), (start, _) in itertools.pairwise(spans):
            assert stop == start, (channel, stop, start)


def test_every_film_airs_two_to_four_times_on_different_channels(guide: Any) -> None:
    progs = guide.getroot().findall("programme")
    for film in _films():
        hits = [p for p in progs if film["guide_title"] in p.findtext("title")]
        channels = [p.get("channel") for p in hits]
        assert 2 <= len(hits) <= 4, (film["guide_title"], len(hits))
        assert len(set(channels)) == len(channels), film["guide_title"]
        for p in hits:
            minutes = (_when(p.get("stop")) - _when(p.get("start"))).total_seconds() / 60
            assert film["runtime"] <= minutes <= film["runtime"] + 15, film["guide_title"]


def test_guide_writes_titles_the_way_russian_feeds_do(guide: Any) -> None:
    titles = [p.findtext("title") for p in guide.getroot().findall("programme")]
    assert any(t.startswith("Х/ф «") for t in titles)
    assert any(t.startswith("х/ф ") for t in titles)
    assert any(t.startswith("М/ф «") for t in titles)
    assert any(t.startswith("Т/с «") and "серия" in t for t in titles)
    assert any(t.startswith("Д/ф «") for t in titles)
    assert any(t.startswith("Д/с «") for t in titles)
    assert "Новости" in titles
    plain = {f["guide_title"] for f in _films()} & set(titles)
    assert plain  # some feeds print the bare film title, category "Фильм"


def test_sample_video_small_faststart_h264() -> None:
    path = DEMO / "sample.mp4"
    data = path.read_bytes()
    assert len(data) < 2_000_000
    assert data[4:8] == b"ftyp"
    assert 0 < data.find(b"moov") < data.find(b"mdat")  # faststart: index before media
    if shutil.which("ffprobe") is None:
        pytest.skip("ffprobe not installed")
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries",
         "stream=codec_name,width,height:format=duration", "-of", "json", str(path)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    info = json.loads(out.stdout)
    codecs = {s["codec_name"] for s in info["streams"]}
    assert codecs == {"h264", "aac"}
    assert 40 <= float(info["format"]["duration"]) <= 60
    keys = subprocess.run(
        ["ffprobe", "-v", "error", "-select_streams", "v", "-skip_frame", "nokey",
         "-show_entries", "frame=pts_time", "-of", "csv=p=0", str(path)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    times = [float(x.strip(",")) for x in keys.stdout.split() if x.strip(",")]
    assert times[0] == 0 and max(b - a for a, b in itertools.pairwise(times)) <= 2.5  # quick seeks


def test_generator_reproduces_metadata_and_guide_and_fits_every_title(tmp_path: Path) -> None:
    sys.path.insert(0, str(TOOLS))
    try:
        import demo_art
        import make_demo_assets
        from demo_guide import build_guide
    finally:
        sys.path.remove(str(TOOLS))
    make_demo_assets.write_metadata(tmp_path)
    assert (tmp_path / "metadata.json").read_bytes() == (DEMO / "metadata.json").read_bytes()
    assert build_guide(make_demo_assets.FILMS) == (DEMO / "guide.xml").read_bytes()
    for film in make_demo_assets.FILMS:  # long titles wrap, never get cut
        _, lines = demo_art.fit_title(film["title"].upper(), film["art"]["font"], 348, 4, 62)
        assert " ".join(lines).replace("- ", "-") == " ".join(film["title"].upper().split())
