"""Scoring guide films against provider candidates: titles across scripts, year, runtime, hints.

Titles are cleaned and compared through ``app.services.titles`` (the one cleaner and key)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz

from app.providers.meta.models import Candidate
from app.services.titles import title_key

THRESHOLD = 0.80  # below it a film stays unmatched: a wrong poster is worse than none
MARGIN = 0.05  # the best must beat the next different candidate by this much
ANIMATION_GENRE = 16

_LATIN_TO_CYR = [
    ("shch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("yu", "ю"),
    ("ya", "я"), ("yo", "ё"), ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"),
    ("e", "е"), ("z", "з"), ("i", "и"), ("y", "й"), ("k", "к"), ("l", "л"), ("m", "м"),
    ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"),
    ("f", "ф"), ("h", "х"), ("c", "к"),
    ("w", "в"), ("x", "кс"), ("j", "дж"), ("q", "к"),
]  # fmt: skip
_CYR_RE = re.compile("[а-яё]", re.IGNORECASE)
_LAT_RE = re.compile("[a-z]", re.IGNORECASE)

_CYR = dict(
    zip(
        "абвгдежзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya".split(),  # noqa: SIM905
        strict=True,
    )
)

COUNTRIES = {
    "россия": "RU", "рф": "RU", "ссср": "SU", "сша": "US", "великобритания": "GB", "англия": "GB",
    "франция": "FR", "германия": "DE", "фрг": "DE", "италия": "IT", "испания": "ES", "япония": "JP",
    "китай": "CN", "канада": "CA", "австралия": "AU", "индия": "IN", "южная корея": "KR",
    "корея": "KR", "беларусь": "BY", "белоруссия": "BY", "украина": "UA", "казахстан": "KZ",
    "швеция": "SE", "дания": "DK", "норвегия": "NO", "финляндия": "FI", "польша": "PL",
    "чехия": "CZ", "мексика": "MX", "бразилия": "BR", "аргентина": "AR", "турция": "TR",
    "гонконг": "HK", "новая зеландия": "NZ", "ирландия": "IE", "бельгия": "BE",
    "нидерланды": "NL", "австрия": "AT", "швейцария": "CH", "грузия": "GE", "армения": "AM",
}  # fmt: skip
LANGUAGES = {
    "RU": "ru", "SU": "ru", "BY": "ru", "US": "en", "GB": "en", "CA": "en", "AU": "en", "NZ": "en",
    "IE": "en", "FR": "fr", "BE": "fr", "DE": "de", "AT": "de", "IT": "it", "ES": "es", "MX": "es",
    "AR": "es", "JP": "ja", "CN": "zh", "HK": "cn", "KR": "ko", "IN": "hi", "UA": "uk", "SE": "sv",
    "DK": "da", "NO": "no", "FI": "fi", "PL": "pl", "CZ": "cs", "BR": "pt", "TR": "tr", "KZ": "kk",
}  # fmt: skip


@dataclass(frozen=True)
class GuideFacts:
    """What the guide tells about one film."""

    title: str
    kind: str = "film"  # film, series, anime, cartoon
    year: int | None = None
    countries: tuple[str, ...] = ()  # ISO codes
    director: str | None = None
    duration_min: int | None = None  # length of the airing slot


@dataclass(frozen=True)
class Scored:
    candidate: Candidate
    score: float
    title_score: float

    def as_json(self) -> dict[str, object]:
        c = self.candidate
        return {
            "id": c.id,
            "title": c.title,
            "original_title": c.original_title,
            "year": c.year,
            "score": round(min(1.0, self.score), 3),
            "poster": c.poster_url,
        }


def to_cyrillic(text: str) -> str | None:
    """A Latin title spelled in Cyrillic ("Mimino" -> "мимино"), for one more search; None if
    the title is not Latin."""
    if _CYR_RE.search(text) or not _LAT_RE.search(text):
        return None
    out = text.lower()
    for latin, cyr in _LATIN_TO_CYR:
        out = out.replace(latin, cyr)
    return out


def country_codes(hint: str | None) -> tuple[str, ...]:
    if not hint:
        return ()
    out: list[str] = []
    for part in re.split(r"[,/;]| и ", hint.lower()):
        code = COUNTRIES.get(part.strip().replace("ё", "е"))
        if code and code not in out:
            out.append(code)
    return tuple(out)


@lru_cache(maxsize=65_536)
def transliterate(text: str) -> str:
    """Cyrillic to Latin (a simple scheme; both sides go through it, so it only must agree)."""
    out = []
    for ch in text:
        latin = _CYR.get(ch)
        out.append(ch if latin is None else ("" if latin == "_" else latin))
    latin_text = "".join(out)
    # Collapse spellings that differ between transliteration habits.
    for a, b in (
        ("dzh", "j"),
        ("kh", "h"),
        ("ks", "x"),
        ("yo", "e"),
        ("iy", "y"),
        ("ii", "i"),
        ("w", "v"),
        ("j", "y"),
    ):
        latin_text = latin_text.replace(a, b)
    return latin_text


def _numbers(norm: str) -> frozenset[str]:
    return frozenset(w for w in norm.split() if w.isdigit() and not (len(w) == 4 and w[:2] in ("19", "20")))


def _main_parts(title: str) -> set[str]:
    """The main part of a title before a subtitle (": ...", " - ...", ". ...")."""
    parts = set()
    for sep in (":", " - ", " – ", " — ", ". "):
        if sep in title:
            parts.add(title_key(title.split(sep, 1)[0]))
    return {p for p in parts if p}


def _pair_score(a: str, b: str) -> float:
    if a == b:
        return 1.0
    direct = fuzz.ratio(a, b) / 100
    latin = fuzz.ratio(transliterate(a), transliterate(b)) / 100
    score = max(direct, latin)
    if _numbers(a) != _numbers(b):
        score *= 0.7  # "Терминатор" is not "Терминатор 2"
    return score


# Russian double titles (issue 19 item 12): "Ирония судьбы, или С лёгким паром!", and without
# the comma when a capital starts the second title ("Быть или не быть" stays one title).
_OR_SPLIT = re.compile(r",\s+или\s+|\s+или\s+(?=[А-ЯЁA-Z])")


def or_main(title: str) -> str | None:
    """The first of a double title's two names, or None when ``title`` is not one."""
    parts = _OR_SPLIT.split(title, maxsplit=1)
    return parts[0].strip() if len(parts) == 2 and parts[0].strip() else None


def _or_parts(titles: Iterable[str]) -> set[str]:
    return {title_key(m) for t in titles if (m := or_main(t))} - {""}


SUBTITLE_FACTOR = 0.9  # "Терминатор 2" against "Терминатор 2: Судный день": likely, not certain
OR_NAME_SAME = 0.95  # a double title's first name counts only when it is the same name


def title_similarity(guide_titles: Iterable[str], candidate_titles: Iterable[str]) -> float:
    """Best similarity of full titles, or of one side's full title with the other's main part.

    Main parts are never compared with each other: "Матрица: Перезагрузка" and "Матрица:
    Революция" share "Матрица" and are still different films.
    """
    guides = [t for t in guide_titles if t]
    cands = [t for t in candidate_titles if t]
    guide_full = {title_key(t) for t in guides} - {""}
    cand_full = {title_key(t) for t in cands} - {""}
    guide_main = set().union(*(_main_parts(t) for t in guides)) - guide_full
    cand_main = set().union(*(_main_parts(t) for t in cands)) - cand_full
    best = 0.0
    for g in guide_full:
        for c in cand_full:
            best = max(best, _pair_score(g, c))
            if best == 1.0:
                return best
    # A double title's first name is a name of the film: it meets the other side's full title and
    # the other side's first name too (two translations of one double title).
    # A short first name is only taken when it is the same name ("Сокровища" is not "Сокровища О.К.").
    for g, c in [(g, c) for g in guide_full for c in cand_main] + [
        (g, c) for g in guide_main for c in cand_full
    ]:
        best = max(best, SUBTITLE_FACTOR * _pair_score(g, c))
    guide_or, cand_or = _or_parts(guides), _or_parts(cands)
    for g, c in [(g, c) for g in guide_full for c in cand_or] + [
        (g, c) for g in guide_or for c in cand_full | cand_or
    ]:
        if (pair := _pair_score(g, c)) >= OR_NAME_SAME:
            best = max(best, SUBTITLE_FACTOR * pair)
    return best


_SKELETON = [("ph", "f"), ("ck", "k"), ("c", "k"), ("q", "k"), ("x", "ks"), ("w", "v"), ("j", "y")]
_VOWELS = re.compile("[aeiouy]+")


def _skeleton(name: str) -> str:
    """Consonants of a transliterated name: "Питер Джексон" and "Peter Jackson" meet here."""
    text = transliterate(title_key(name))
    for a, b in _SKELETON:
        text = text.replace(a, b)
    words = [_VOWELS.sub("", re.sub(r"(.)\1+", r"\1", w.replace("h", ""))) for w in text.split()]
    return " ".join(w for w in words if w)


def _name_match(hint: str, names: Sequence[str]) -> float:
    h = transliterate(title_key(hint))
    hs = _skeleton(hint)
    best = 0.0
    for name in names:
        n = transliterate(title_key(name))
        best = max(
            best,
            fuzz.token_sort_ratio(h, n) / 100,
            fuzz.token_sort_ratio(hs, _skeleton(name)) / 100,
        )
    return best


def score(guide: GuideFacts, cand: Candidate) -> Scored:
    """A confidence (about 0..1.2) that ``cand`` is the film; THRESHOLD decides."""
    titles = (cand.title, cand.original_title or "", *cand.alt_titles)
    t = title_similarity((guide.title,), titles)
    s = t
    # Year: the strongest tie-breaker between remakes.
    if guide.year and cand.year:
        diff = abs(guide.year - cand.year)
        s += {0: 0.08, 1: 0.03}.get(diff, -0.12 - min(0.3, 0.03 * diff))
    elif guide.year or cand.year:
        s -= 0.03
    else:
        s -= 0.06
    # Country against production countries (or the original language when that is all we know).
    if guide.countries:
        if cand.countries:
            s += 0.04 if set(guide.countries) & set(cand.countries) else -0.06
        elif cand.original_language:
            langs = {LANGUAGES.get(c) for c in guide.countries}
            s += 0.02 if cand.original_language in langs else -0.04
    if guide.director and cand.directors:
        # Names cross scripts ("Кристофер Нолан", "Christopher Nolan"): only clear verdicts count.
        similarity = _name_match(guide.director, cand.directors)
        if similarity >= 0.75:
            s += 0.12
        elif similarity < 0.45:
            s -= 0.12
    if guide.duration_min and cand.runtime and cand.kind != "series":
        # Broadcast slots include ads: a film runs at most its slot, rarely less than half of it.
        if cand.runtime > guide.duration_min + 10:
            s -= 0.08
        elif cand.runtime < guide.duration_min * 0.4:
            s -= 0.04
    animated = ANIMATION_GENRE in cand.genre_ids or cand.kind == "anime"
    if guide.kind == "anime" and cand.genre_ids and not animated:
        s -= 0.15
    if guide.kind == "series" and cand.kind == "film":
        s -= 0.05
    if guide.kind == "film" and cand.kind == "series":
        s -= 0.05
    # Popularity breaks near-ties (among two "Солярис" of one year, the famous one aired).
    s += min(0.02, math.log10(cand.votes + 1) / 200)
    # Not capped at 1: a perfect title with a confirming director must still outrank a perfect
    # title alone (remakes); reports show min(1, score).
    return Scored(candidate=cand, score=max(0.0, s), title_score=t)


def rank(guide: GuideFacts, candidates: Iterable[Candidate]) -> list[Scored]:
    best: dict[str, Scored] = {}
    for cand in candidates:
        scored = score(guide, cand)
        if cand.id not in best or scored.score > best[cand.id].score:
            best[cand.id] = scored
    return sorted(best.values(), key=lambda s: (-s.score, -s.candidate.votes))


def decide(ranked: Sequence[Scored], threshold: float = THRESHOLD) -> Scored | None:
    """The confident winner, or None (too weak, or too close to another candidate)."""
    if not ranked or ranked[0].score < threshold:
        return None
    if len(ranked) > 1 and ranked[0].score - ranked[1].score < MARGIN:
        return None
    return ranked[0]


def merge_details(cand: Candidate, details: Candidate) -> Candidate:
    """A search candidate completed with what its details revealed."""
    return replace(
        cand,
        alt_titles=tuple(dict.fromkeys((*cand.alt_titles, *details.alt_titles))),
        runtime=details.runtime or cand.runtime,
        directors=details.directors or cand.directors,
        countries=details.countries or cand.countries,
        original_title=cand.original_title or details.original_title,
    )
