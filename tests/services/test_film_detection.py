"""Film detection and title normalisation as real Russian and English guides write titles."""

from __future__ import annotations

import pytest

from app.services.guide.film_detection import (
    category_kind,
    description_hints,
    detect,
    film_key,
    normalize_guide_title,
)


@pytest.mark.parametrize(
    ("title", "categories", "kind", "clean"),
    [
        ('Х/ф "Матрица"', (), "film", "Матрица"),
        ("х/ф Матрица", (), "film", "Матрица"),
        ("«Матрица» 16+", ("Художественный фильм",), "film", "Матрица"),
        ("Матрица (1999)", ("Кино",), "film", "Матрица"),
        ("Матрица", ("Movie / Science fiction",), "film", "Матрица"),
        ("Matrix", ("0x10",), "film", "Matrix"),
        ("Matrix", ("Movie",), "film", "Matrix"),
        ("Фильм «Белое солнце пустыни» [12+]", (), "film", "Белое солнце пустыни"),
        ("М/ф Ну, погоди!", (), "cartoon", "Ну, погоди!"),
        ("Мультфильм «Ёжик в тумане»", (), "cartoon", "Ёжик в тумане"),
        ("Д/ф Космос", (), "documentary", "Космос"),
        ("Наруто", ("Аниме",), "anime", "Наруто"),
        ("Т/с Фарца. 8 с.", (), "series", "Фарца. 8 с."),
        ("х/ф Три в одном 8. 1 с.", (), "film", "Три в одном 8"),  # a film in parts (issue 13)
        ("Тайны следствия (Заказчик: Часть 1-я)", ("Фильм",), "series", None),
        ("Кухня. 2-я серия", ("Художественный фильм",), "series", None),
        ("Мастер и Маргарита", ("Фильм", "Сериал"), "series", None),
        ("д/с Необыкновенные люди", (), "programme", None),
        ("Время", ("Новости",), "programme", "Время"),
        ("⋗ Час новостей", (), "programme", "Час новостей"),
    ],
)
def test_kinds_and_clean_titles(
    title: str, categories: tuple[str, ...], kind: str, clean: str | None
) -> None:
    d = detect(title, categories)
    assert d.kind == kind
    if clean is not None:
        assert d.title == clean


def test_episode_numbers_and_provider_flags() -> None:
    assert detect("Doctor Who", ("Movie",), flag="series").kind == "series"
    assert detect("Бриллиантовая рука", flag="film").kind == "film"
    assert detect("Бриллиантовая рука").kind == "programme"


def test_one_film_many_airings_share_a_key() -> None:
    keys = {
        detect(t, c).film_key
        for t, c in [
            ('Х/ф "Матрица"', ()),
            ("х/ф Матрица", ()),
            ("«МАТРИЦА» 16+", ("Фильм",)),
            ("Матрица", ("Художественный фильм",)),
        ]
    }
    assert keys == {"матрица"}
    assert detect("Матрица (1999)", ("Кино",)).film_key == "матрица:1999"
    assert film_key("матрица", 1999) == "матрица:1999" and film_key("матрица", None) == "матрица"
    assert detect("Время", ("Новости",)).film_key is None


def test_hints_from_description() -> None:
    d = detect('Х/ф "Матрица"', (), "США, 1999. Режиссёр: Лана Вачовски. Хакер Нео узнаёт правду.")
    assert (d.year, d.country, d.director) == (1999, "США", "Лана Вачовски")
    assert description_hints("СССР, Франция, 1975 г. Комедия.")[:2] == (1975, "СССР, Франция")
    assert description_hints("A thriller (1994). Directed by Luc Besson")[::2] == (
        1994,
        "Luc Besson",
    )
    assert description_hints(None) == (None, None, None)
    # Explicit <date> / provider years beat the description.
    assert detect("х/ф Матрица", (), "США, 1999", year=2003).year == 2003


def test_normalisation() -> None:
    assert normalize_guide_title("Х/ф «Ёлки-палки!» (2012) 12+") == "елки палки"
    # one key with matching (app.services.titles.title_key): a leading article does not count
    assert normalize_guide_title("  The  Matrix  ") == "matrix"
    assert category_kind("Художественный фильм") == "film"
    assert category_kind("Документальный фильм") == "documentary"
    assert category_kind("Новости") is None


def test_only_films_get_a_match_key() -> None:
    news = detect("Время", ("Новости",))
    assert news.norm_title is None and news.film_key is None
    assert detect("Время", ("Новости",)) is news  # shared, not rebuilt per airing
