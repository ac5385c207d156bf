"""THE title cleaner and comparison key: what guides add to a title (genre prefixes, quotes, age
marks, years, episode marks, Latin look-alikes) comes off, and ``title_key`` compares titles
(film keys, channel names, matching, cache keys) across cases, accents, quotes and numerals."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Genre prefixes as Russian feeds write them: «Х/ф "Матрица"», «х/ф Матрица», «Т/с Фарца. 8 с.».
# The captured word decides the kind; everything after it is the title.
PREFIX_RE = re.compile(
    r"^\s*(?:премьера\b[.:!]?\s*)?(?P<p>х\s*/\s*ф|м\s*/\s*ф|д\s*/\s*ф|т\s*/\s*с|д\s*/\s*с|м\s*/\s*с|а\s*/\s*ф"
    r"|худ(?:ожественный|\.)?\s*фильм|художественный\s+телефильм|телефильм|мультфильм"
    r"|мультсериал|документальный\s+фильм|документальный\s+сериал|аниме|сериал|фильм|кино)"
    r"(?=[\s.:\-«\"“„'(]|$)\s*[.:\-–—]?\s*",
    re.IGNORECASE,
)
PREFIX_KIND = {
    "х/ф": "film",
    "худфильм": "film",
    "худ.фильм": "film",
    "художественныйфильм": "film",
    "художественныйтелефильм": "film",
    "телефильм": "film",
    "фильм": "film",
    "кино": "film",
    "м/ф": "cartoon",
    "мультфильм": "cartoon",
    "а/ф": "anime",
    "аниме": "anime",
    "д/ф": "documentary",
    "документальныйфильм": "documentary",
    "т/с": "series",
    "сериал": "series",
    "м/с": "series",
    "мультсериал": "series",
    "д/с": "programme",
    "документальныйсериал": "programme",
}

# Episode markers: "8 с.", "2-я серия", "(12 серия)", "Часть 1-я", "1 сезон", "S01E02".
SERIES_RE = re.compile(
    r"(?:\b\d+\s*-?\s*(?:я|й)?\s*(?:серия|с\.|сер\.)(?=\s|$|[).,]))|(?:\bсерия\s+\d+)"
    r"|(?:\b\d+\s*(?:-?\s*(?:й|я))?\s*сезон)|(?:\bсезон\s+\d+)|(?:\bчасть\s+\d+)"
    r"|(?:\b\d+\s*-?\s*я\s+часть)|(?:\bчасть\s*\d+\s*-?\s*я)|(?:\bs\d{1,2}\s*e\d{1,3}\b)",
    re.IGNORECASE,
)
AGE_RE = re.compile(r"[\[(]?\s*\b(?:0|6|12|14|16|18)\s*\+\s*[\])]?")
TRAILING_YEAR_RE = re.compile(r"[\s,.(\[]+((?:18|19|20)\d\d)\s*(?:г\.?|год)?\s*[)\]]?\s*$")
QUOTES = "«»“”„‟\"'‹›「」"
_YEAR_ENDS = frozenset("0123456789.)]гд")
_DIGIT_RE = re.compile(r"\d")
_EPISODE_WORD_RE = re.compile(r"сери|сезон|част", re.IGNORECASE)
LEAD_SYMBOLS_RE = re.compile(r"^[^\w«\"“„'(]+")
TRAIL_PUNCT_RE = re.compile(r"[\s.,:;\-–—]+$")
SPACE_RE = re.compile(r"\s+")
NON_WORD_RE = re.compile(r"[^\w]+")
QUOTED_RE = re.compile(r"^[«\"“„'](?P<t>[^«»\"“”„]+)[»\"”“']\s*(?P<rest>.*)$")
# An episode mark at the end (". 1 с.", ", 2-я серия", "3 сезон") is not part of the name.
EPISODE_END_RE = re.compile(r"[.,]?\s*\d+\s*(?:-?я)?\s*(?:с\.?|серия|серии|сезон|ч\.?)\s*$", re.IGNORECASE)
# Latin letters that look Cyrillic: guides mix them inside a word ("Звёздa" with a Latin "a").
_LOOKALIKE_TO_CYR = str.maketrans("aeopcxykmthbAEOPCXYKMTHB", "аеорсхукмтнвАЕОРСХУКМТНВ")
_CYR_RE = re.compile("[а-яё]", re.IGNORECASE)
_LAT_RE = re.compile("[a-z]", re.IGNORECASE)
# What the comparison key drops or rewrites.
_KEY_QUOTES_RE = re.compile(r"[«»\"“”„‟'’`‘]")
_ROMAN = {"ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7", "viii": "8", "ix": "9"}
_PART_WORDS = frozenset({"часть", "part", "chapter", "глава", "эпизод", "episode"})
_ARTICLES = frozenset({"the", "a", "an", "le", "la", "les", "der", "die", "das"})
_ORDINALS = {
    "второй": "2", "вторая": "2", "третий": "3", "третья": "3", "четвертый": "4", "четвертая": "4",
    "пятый": "5", "пятая": "5", "шестой": "6", "седьмой": "7", "восьмой": "8",
    "second": "2", "third": "3", "fourth": "4", "fifth": "5",
}  # fmt: skip


def _prefix_key(prefix: str) -> str:
    return SPACE_RE.sub("", prefix.lower())


def fix_mixed_script(text: str) -> str:
    """Latin look-alikes inside Cyrillic words become Cyrillic."""
    if not _LAT_RE.search(text) or not _CYR_RE.search(text):
        return text
    return " ".join(
        w.translate(_LOOKALIKE_TO_CYR) if _CYR_RE.search(w) and _LAT_RE.search(w) else w
        for w in text.split(" ")
    )


@lru_cache(maxsize=8192)
def split_prefix(title: str) -> tuple[str | None, str]:
    """The genre a title prefix announces (film, cartoon, series ...) and the rest of the title."""
    stripped = LEAD_SYMBOLS_RE.sub("", title)
    m = PREFIX_RE.match(stripped)
    if not m:
        return None, stripped
    rest = stripped[m.end() :]
    if not rest.strip():
        return None, stripped
    return PREFIX_KIND.get(_prefix_key(m.group("p"))), rest


def looks_like_episode(text: str) -> bool:
    # Every marker has a digit, or one of the words; skip the big pattern otherwise.
    if not _DIGIT_RE.search(text) and not _EPISODE_WORD_RE.search(text):
        return False
    return bool(SERIES_RE.search(text))


@lru_cache(maxsize=8192)
def clean_title(title: str) -> tuple[str, int | None]:
    """The display title without prefix, quotes, age mark and trailing year, plus that year."""
    _, rest = split_prefix(fix_mixed_script(title))
    # Cheap checks first: most titles have no age mark, no year and no quotes.
    text = SPACE_RE.sub(" ", AGE_RE.sub(" ", rest) if "+" in rest else rest).strip()
    year: int | None = None
    m = TRAILING_YEAR_RE.search(text) if text[-1:] in _YEAR_ENDS else None
    if m and m.start() > 0:
        year = int(m.group(1))
        text = text[: m.start()]
    q = QUOTED_RE.match(text) if text[:1] in QUOTES else None
    if q:
        # «Матрица» (США) -> Матрица; keep a subtitle after the closing quote if it is words.
        rest_part = q.group("rest").strip(" .,:;")
        text = q.group("t") if not rest_part or rest_part.startswith("(") else text
    text = text.strip(QUOTES + " ")
    text = TRAIL_PUNCT_RE.sub("", text)
    return (text or title.strip()), year


@lru_cache(maxsize=8192)
def search_title(title: str) -> tuple[str, int | None]:
    """The name to look a title up by: ``clean_title`` and any episode mark at the end off."""
    text, year = clean_title(title)
    name = EPISODE_END_RE.sub("", text).strip(" .,-–—")
    return name or text, year


@lru_cache(maxsize=8192)  # the import classifies a million airings: keep it small
def title_key(text: str) -> str:
    """THE comparison key: lower case, ё = е, accents off (й stays), no quotes or punctuation,
    "&" as "and", part words dropped, sequel numerals (II, второй) as digits, no leading article.

    Film keys, channel names, matching and the provider cache all compare through it.
    """
    text = unicodedata.normalize("NFKC", text).lower().replace("ё", "е").replace("й", "и\u0306")
    # Accents off ("José", "Léon"), but й is a letter of its own and comes back whole.
    text = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch) or ch == "\u0306"
    )
    text = unicodedata.normalize("NFC", text)
    text = _KEY_QUOTES_RE.sub("", text.replace("&", " and "))
    words = NON_WORD_RE.sub(" ", text).split()
    out = []
    for i, word in enumerate(words):
        if word in _PART_WORDS:
            continue
        if i > 0 and word in _ORDINALS:
            out.append(_ORDINALS[word])
            continue
        out.append(_ROMAN[word] if i > 0 and word in _ROMAN else word)
    if len(out) > 1 and out[0] in _ARTICLES:
        out = out[1:]
    return " ".join(out)
