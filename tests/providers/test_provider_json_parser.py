"""Provider JSON: our API's shape and the realworld tv.mail.ru and Yandex answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.domain.errors import BadFeed
from app.providers.guide.programme_json.parser import parse_provider_json

REALWORLD_JSON = Path(__file__).resolve().parents[3] / "shared" / "realworld" / "provider_json"
FILES = sorted(p.name for p in REALWORLD_JSON.glob("*.json"))
EXPECTED = {
    "iptvorg_tvmailru_content1.json": (0, 0),
    "iptvorg_tvmailru_content2.json": (1, 24),
    "iptvorg_tvyandexru_program.json": (1, 1),
    "iptvorg_tvyandexru_schedule.json": (1, 1),
}


def load(name: str):  # type: ignore[no-untyped-def]
    return parse_provider_json((REALWORLD_JSON / name).read_bytes(), name)


@pytest.fixture(autouse=True)
def _corpus() -> None:
    if not REALWORLD_JSON.is_dir():
        pytest.skip("realworld corpus missing")


@pytest.mark.parametrize("name", FILES)
def test_every_realworld_answer_parses(name: str) -> None:
    channels, programmes = load(name)
    assert (len(channels), len(programmes)) == EXPECTED[name]
    for p in programmes:
        assert p.title and p.start > 1_600_000_000
        assert p.stop is None or p.stop >= p.start


def test_mailru_kinds_unix_times_and_images() -> None:
    channels, programmes = load("iptvorg_tvmailru_content2.json")
    assert channels[0].name == "Мосфильм. Золотая коллекция"
    assert channels[0].logo and channels[0].logo.startswith("https://resizer.mail.ru/p/")
    by_title = {p.title: p for p in programmes}
    assert by_title["Бриллиантовая рука"].kind_flag == "film"  # category_id 1
    assert by_title["Русалочка"].kind_flag == "cartoon"  # category_id 20
    assert by_title["Вечный зов (Испытание)"].kind_flag == "series"  # category_id 2
    assert by_title["Однажды утром"].start == 1781755500  # start_ts, not the "07:05" string
    assert by_title["Однажды утром"].icon == "https://tv.mail.ru/tvpic/2/12/8563361.jpg"


def test_yandex_iso_offsets_flags_and_protocol_relative_urls() -> None:
    channels, programmes = load("iptvorg_tvyandexru_schedule.json")
    assert "Первый канал" in channels[0].display_names  # synonyms
    assert channels[0].logo and channels[0].logo.startswith("https://avatars.mds.yandex.net/")
    p = programmes[0]
    assert p.start == 1700962500  # 2023-11-26T08:35:00+07:00
    assert p.kind_flag is None  # isFilm false, isSerial false
    _, single = load("iptvorg_tvyandexru_program.json")
    assert single[0].year == 2023 and single[0].country == "Россия"
    assert single[0].description and "Сюткин" in single[0].description


def test_our_api_list_and_data_wrapper() -> None:
    items = [
        {"id": 7, "title": "Х/ф Матрица", "desc": "США, 1999", "cat": "Фильм",
         "timestart": 1700000000, "timestop": 1700007200, "preview": "//img/1.jpg",
         "channel": {"id": "c1", "name": "Кино"}},
        {"id": 8, "title": "Новости", "cat": "Новости", "timestart": 1700007200, "channel": "c1",
         "isFilm": False},
    ]  # fmt: skip
    for body in (items, {"data": items}):
        channels, programmes = parse_provider_json(json.dumps(body).encode(), "api")
        assert [c.guide_id for c in channels] == ["c1"]
        assert channels[0].name == "Кино"
        assert programmes[0].icon == "https://img/1.jpg"
        assert programmes[0].categories == ("Фильм",)
        assert programmes[0].catchup_id == "7"
        assert programmes[1].stop is None


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"", "empty"),
        (b"<html>login</html>", "not JSON"),
        (b'{"error": "unauthorized"}', "unexpected shape"),
        (b'{"data": {"items": 5}}', "unexpected shape"),
        (b"[1, 2, 3]", "unexpected shape"),
        (b'[{"name": "x"}]', "lack 'title' or 'timestart'"),
        (b'"just a string"', "unexpected shape"),
        (b'[{"title": "\xff"}]', "not UTF-8"),
    ],
)
def test_wrong_shapes_raise_bad_feed(body: bytes, words: str) -> None:
    with pytest.raises(BadFeed, match=words) as info:
        parse_provider_json(body, "api.example/programs")
    assert str(info.value).startswith("api.example/programs: ")
