"""The one title cleaner and comparison key (app.services.titles), as guides write titles."""

from __future__ import annotations

from app.services.titles import clean_title, search_title, title_key


def test_search_title() -> None:
    # (moved from test_matching: matching cleans guide titles through titles.search_title)
    assert search_title("х/ф Три в одном 6. 1 с.") == ("Три в одном 6", None)
    assert search_title("т/с Девушка средних лет. 2 с.") == ("Девушка средних лет", None)
    assert search_title("⋗ Кинг Конг (2005)") == ("Кинг Конг", 2005)
    assert search_title("Х/ф Бумер (16+)") == ("Бумер", None)
    assert search_title("х/ф Проект: Время назад") == ("Проект: Время назад", None)


def test_title_key() -> None:
    assert title_key("Ёлки 2") == title_key("Елки 2") == "елки 2"
    assert title_key("Операция «Ы» и другие…") == "операция ы и другие"
    assert title_key("Терминатор II: Судный день") == "терминатор 2 судный день"
    assert title_key("The Matrix") == "matrix"


def test_one_cleaner_for_detection_and_matching() -> None:
    # the display title keeps an episode mark (a series airing names its episode); the name to
    # search by drops it; both go through the same prefix, quote, age and year rules
    assert clean_title("Т/с Фарца. 8 с.")[0].startswith("Фарца. 8 с")
    assert search_title("Т/с Фарца. 8 с.") == ("Фарца", None)
    assert clean_title('Премьера. Х/ф "Матрица" (1999)') == ("Матрица", 1999)
    # Latin look-alikes inside a Cyrillic word ("Звёздa" with a Latin "a") are fixed once for all
    assert clean_title("х/ф Звёздa") == ("Звёзда", None)
    assert title_key("Léon") == title_key("Leon") == "leon"
    assert title_key("Гарри Поттер: Часть 2") == "гарри поттер 2"
