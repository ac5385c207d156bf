"""Film detection on real guide lines (issue 13): a labelled table, each line read from the file.

Films shown in parts («х/ф Три в одном 6. 1 с.», «… 1 с./2 с.») are films, one key for all
parts; English episodic shows (a sub-title that numbers the episode, an ``episode-num``, a
documentary strand's episode name) are not films.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.providers.guide.feed import ProgrammeRecord
from app.providers.guide.xmltv.parser import iter_xmltv
from app.services.guide.film_detection import detect

# (file, title as in the guide, expected kind, expected display title or None)
LABELLED = [
    ("iptvx_one_ru_content.xml", "х/ф Три в одном 6. 1 с.", "film", "Три в одном 6"),
    ("iptvx_one_ru_content.xml", "х/ф Три в одном 6. 2 с.", "film", "Три в одном 6"),
    ("iptvx_one_ru_content.xml", "х/ф Три в одном 7. 2 с.", "film", "Три в одном 7"),
    ("iptvx_one_ru_content.xml", "х/ф Чудо-остров, или Полесские Робинзоны. 1 с.", "film",
     "Чудо-остров, или Полесские Робинзоны"),
    ("iptvx_one_ru_content.xml", "х/ф Экипаж машины боевой", "film", "Экипаж машины боевой"),
    ("iptvx_one_ru_content.xml", "х/ф Голова классика", "film", "Голова классика"),
    ("iptvx_one_ru_content.xml", "м/ф Сказки на ночь", "cartoon", "Сказки на ночь"),
    ("iptvx_one_ru_content.xml", "т/с Фарца. 8 с.", "series", None),
    ("iptvx_one_ru_content.xml", "т/с Тайны города Эн. 4 с.", "series", None),
    ("iptvx_one_ru_content.xml", "т/с Снайперы. 1 с.", "series", None),
    ("jellyfin_UK_Data.xml", "First Dates", "series", None),  # sub-title "13, series 4"
    ("jellyfin_UK_Data.xml", "Panorama", "programme", None),  # a documentary strand's episode
    ("jellyfin_UK_Data.xml", "A Question of Sport", "series", None),  # "3, series 45"
    ("jellyfin_UK_Data.xml", "Doctor Who", "series", None),  # episode-num 8.10/12.
    ("jellyfin_UK_Data.xml", "Planet Dinosaur", "series", None),  # Documentary + episode-num
    ("jellyfin_UK_Data.xml", "EastEnders", "programme", None),
    ("jellyfin_UK_Data.xml", "Easy A", "film", "Easy A"),
    ("jellyfin_UK_Data.xml", "Sister Act", "film", "Sister Act"),
    ("jellyfin_UK_Data.xml", "A Few Best Men", "film", "A Few Best Men"),
    ("jellyfin_UK_Data.xml", "Don't Panic - How to End Poverty in 15 Years", "documentary", None),
]  # fmt: skip


def _records(path: Path) -> Iterator[ProgrammeRecord]:
    with open(path, "rb") as stream:
        for rec in iter_xmltv(stream, path.name):
            if isinstance(rec, ProgrammeRecord):
                yield rec


@pytest.fixture(scope="module")
def guides(realworld: Path) -> dict[str, dict[str, ProgrammeRecord]]:
    out: dict[str, dict[str, ProgrammeRecord]] = {}
    for name in {row[0] for row in LABELLED}:
        first: dict[str, ProgrammeRecord] = {}
        for rec in _records(realworld / "xmltv" / name):
            first.setdefault(rec.title, rec)
        out[name] = first
    return out


@pytest.fixture(scope="module")
def realworld() -> Path:
    from tests.conftest import REALWORLD

    if not REALWORLD.is_dir():
        pytest.skip("realworld corpus missing")
    return REALWORLD


@pytest.mark.parametrize(("name", "title", "kind", "display"), LABELLED)
def test_real_guide_line(
    guides: dict[str, dict[str, ProgrammeRecord]], name: str, title: str, kind: str, display: str | None
) -> None:
    rec = guides[name].get(title)
    assert rec is not None, f"{title!r} is not in {name}"
    d = detect(rec.title, rec.categories, rec.description, flag=rec.kind_flag, subtitle=rec.subtitle)
    assert d.kind == kind
    if display is not None:
        assert d.title == display


def test_the_parts_of_a_film_share_one_key() -> None:
    keys = {detect(t).film_key for t in ("х/ф Три в одном 6. 1 с.", "х/ф Три в одном 6. 2 с.")}
    assert keys == {"три в одном 6"}
    both = detect("х/ф Чудо-остров, или Полесские Робинзоны. 1 с./2 с.")
    assert (both.kind, both.part) == ("film", "1 с./2 с.")
    # without the film prefix the same marker is an episode
    assert detect("Три в одном 6. 1 с.").kind == "series"
    # a title that starts with a genre word keeps it (only the first prefix is the genre)
    assert detect("х/ф Кино про Алексеева").title == "Кино про Алексеева"


def test_english_episode_subtitles() -> None:
    assert detect("Easy A", ("Film",), subtitle="5, series 2").kind == "series"
    assert detect("Easy A", ("Film",), subtitle="Series 2, Episode 5").kind == "series"
    assert detect("Easy A", ("Film",), subtitle="Director's cut").kind == "film"
