"""Genre and country values in the UI language, whatever language the metadata was stored in.

Titles keep what TMDB and Shikimori sent (genres in the metadata language, countries as ISO
codes or names); the UI shows them in its own language. Unknown values are shown as they are.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale

# TMDB's movie and TV genres (en, ru), as its /genre lists name them.
_GENRES: tuple[tuple[str, str], ...] = (
    ("Action", "боевик"), ("Adventure", "приключения"), ("Animation", "мультфильм"),
    ("Comedy", "комедия"), ("Crime", "криминал"), ("Documentary", "документальный"),
    ("Drama", "драма"), ("Family", "семейный"), ("Fantasy", "фэнтези"), ("History", "история"),
    ("Horror", "ужасы"), ("Music", "музыка"), ("Mystery", "детектив"), ("Romance", "мелодрама"),
    ("Science Fiction", "фантастика"), ("TV Movie", "телевизионный фильм"), ("Thriller", "триллер"),
    ("War", "военный"), ("Western", "вестерн"), ("Action & Adventure", "боевик и приключения"),
    ("Kids", "детский"), ("News", "новости"), ("Reality", "реалити-шоу"),
    ("Sci-Fi & Fantasy", "нф и фэнтези"), ("Soap", "мыльная опера"), ("Talk", "ток-шоу"),
    ("War & Politics", "война и политика"),
)  # fmt: skip

# Countries by ISO 3166-1 code (and the old ones TMDB still uses): (en, ru).
_COUNTRIES: dict[str, tuple[str, str]] = {
    "SU": ("USSR", "СССР"), "RU": ("Russia", "Россия"), "US": ("USA", "США"),
    "GB": ("United Kingdom", "Великобритания"), "FR": ("France", "Франция"),
    "DE": ("Germany", "Германия"), "DD": ("East Germany", "ГДР"), "IT": ("Italy", "Италия"),
    "ES": ("Spain", "Испания"), "JP": ("Japan", "Япония"), "CN": ("China", "Китай"),
    "KR": ("South Korea", "Южная Корея"), "IN": ("India", "Индия"), "CA": ("Canada", "Канада"),
    "AU": ("Australia", "Австралия"), "SE": ("Sweden", "Швеция"), "NO": ("Norway", "Норвегия"),
    "DK": ("Denmark", "Дания"), "FI": ("Finland", "Финляндия"), "PL": ("Poland", "Польша"),
    "CZ": ("Czechia", "Чехия"), "CS": ("Czechoslovakia", "Чехословакия"), "UA": ("Ukraine", "Украина"),
    "BY": ("Belarus", "Беларусь"), "KZ": ("Kazakhstan", "Казахстан"), "GE": ("Georgia", "Грузия"),
    "AM": ("Armenia", "Армения"), "HU": ("Hungary", "Венгрия"), "AT": ("Austria", "Австрия"),
    "CH": ("Switzerland", "Швейцария"), "BE": ("Belgium", "Бельгия"), "NL": ("Netherlands", "Нидерланды"),
    "IE": ("Ireland", "Ирландия"), "MX": ("Mexico", "Мексика"), "BR": ("Brazil", "Бразилия"),
    "AR": ("Argentina", "Аргентина"), "TR": ("Turkey", "Турция"), "IR": ("Iran", "Иран"),
    "HK": ("Hong Kong", "Гонконг"), "TW": ("Taiwan", "Тайвань"), "NZ": ("New Zealand", "Новая Зеландия"),
    "YU": ("Yugoslavia", "Югославия"), "RS": ("Serbia", "Сербия"), "BG": ("Bulgaria", "Болгария"),
    "RO": ("Romania", "Румыния"), "GR": ("Greece", "Греция"), "PT": ("Portugal", "Португалия"),
    "IL": ("Israel", "Израиль"), "EG": ("Egypt", "Египет"), "ZA": ("South Africa", "ЮАР"),
    "TH": ("Thailand", "Таиланд"), "LT": ("Lithuania", "Литва"), "LV": ("Latvia", "Латвия"),
    "EE": ("Estonia", "Эстония"),
}  # fmt: skip

_GENRE_BY_NAME = {name.lower(): pair for pair in _GENRES for name in pair}
_COUNTRY_BY_NAME = {name.lower(): pair for pair in _COUNTRIES.values() for name in pair}


def ui_language() -> str:
    """``ru`` or ``en``: what the app speaks (bootstrap sets the default QLocale)."""
    return "ru" if QLocale().language() == QLocale.Language.Russian else "en"


def genre_label(value: str, language: str | None = None) -> str:
    pair = _GENRE_BY_NAME.get(value.strip().lower())
    if pair is None:
        return value
    en, ru = pair
    return ru if (language or ui_language()) == "ru" else en


def country_label(value: str, language: str | None = None) -> str:
    text = value.strip()
    pair = _COUNTRIES.get(text.upper()) if len(text) == 2 else None
    pair = pair or _COUNTRY_BY_NAME.get(text.lower())
    if pair is None:
        if len(text) == 2 and text.isalpha():  # an ISO code we do not list: Qt knows its English name
            territory = QLocale.codeToTerritory(text.upper())
            if territory != QLocale.Country.AnyTerritory:
                return QLocale.territoryToString(territory)
        return value
    en, ru = pair
    return ru if (language or ui_language()) == "ru" else en


def way_label(label: str) -> str:
    """A playable's label (``Direct · clip · 720p``) with its leading kind in the UI language."""
    from PySide6.QtCore import QCoreApplication

    def tr(text: str) -> str:
        return QCoreApplication.translate("Ways", text)

    kinds = {
        "Direct": tr("Direct link"),
        "Torrent": tr("Torrent"),
        "Live": tr("Live"),
        "Archive": tr("Archive"),
        "From the start": tr("From the start"),
        "Timeshift": tr("Timeshift"),  # a live channel paused or sought back (issue 13)
        "Page": tr("Web page"),
    }
    head, sep, rest = label.partition(" · ")
    return kinds[head] + sep + rest if head in kinds else label


_REACH = re.compile(r"cannot reach (\S+) \(([^)]*)\)")


def in_words(text: str) -> str:
    """The services' "cannot reach host:port (why)" in the UI language; the rest as it is."""
    from PySide6.QtCore import QCoreApplication

    def tr(source: str) -> str:
        return QCoreApplication.translate("Errors", source)

    reasons = {
        "connection refused": tr("connection refused"),
        "unknown host name": tr("unknown host name"),
        "no answer in time": tr("no answer in time"),
        "the connection was reset": tr("the connection was reset"),
        "no route to it": tr("no route to it"),
        "a secure connection could not be made": tr("a secure connection could not be made"),
    }

    def say(match: re.Match[str]) -> str:
        why = reasons.get(match.group(2), match.group(2))
        return tr("cannot reach %1 (%2)").replace("%1", match.group(1)).replace("%2", why)

    return _REACH.sub(say, text)
