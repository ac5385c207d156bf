"""The demo week's XMLTV guide: five channels, the demo films on air among everyday programmes."""

from __future__ import annotations

import math
import random
from datetime import datetime, timedelta, timezone
from typing import Any

from lxml import etree

MSK = timezone(timedelta(hours=3))
WEEK_START = datetime(2026, 1, 5, tzinfo=MSK)  # Monday
WEEK_END = WEEK_START + timedelta(days=7)

# id, display name, how the channel writes film titles, film anchor times (hh, mm)
CHANNELS: list[dict[str, Any]] = [
    {
        "id": "kino-klassika.demo",
        "name": "Кино Классика",
        "style": "plain",
        "anchors": [(10, 0), (15, 0), (19, 0), (21, 0), (23, 30)],
    },
    {
        "id": "retro-tv.demo",
        "name": "Ретро ТВ",
        "style": "lower",
        "anchors": [(13, 0), (20, 0), (22, 30)],
    },
    {
        "id": "illuzion.demo",
        "name": "Иллюзион+",
        "style": "quoted",
        "anchors": [(12, 0), (18, 0), (21, 0), (23, 40)],
    },
    {"id": "pervyj-demo.demo", "name": "Первый демо", "style": "age", "anchors": [(21, 30)]},
    {"id": "multklub.demo", "name": "Мультклуб", "style": "kids", "anchors": [(9, 0), (19, 30)]},
]
FAMILY = {"general", "zolotaya-lihoradka", "malysh", "puteshestvie-na-lunu", "sherlok-mladshiy"}

SERIES = [
    "Тихий омут",
    "Следствие на Неве",
    "Граница округа",
    "Старая аптека",
    "Дом у реки",
    "Вокзал",
]
KIDS_SERIES = ["Лесные истории", "Капитан Клюква", "Ёжик и друзья"]
DOCS = [
    "Немое кино: как это было",
    "Мосфильм. За кадром",
    "Великие операторы",
    "Тайны киноплёнки",
    "Звёзды немого экрана",
    "Как снимали фантастику",
    "Дорогами Жюля Верна",
]
SHOWS = [
    ("Доброе утро", "Развлекательные", "Утренняя информационно-развлекательная программа."),
    ("Разговор по существу", "Ток-шоу", "Ток-шоу о том, что волнует страну."),
    ("Вечерний разговор", "Ток-шоу", "Гости студии спорят о главных темах недели."),
    ("Своя кухня", "Развлекательные", "Кулинарное шоу: простые рецепты от известных гостей."),
    ("Врачебный совет", "Познавательные", "Врачи отвечают на вопросы зрителей."),
    ("Дачные хлопоты", "Познавательные", "Программа для садоводов и дачников."),
]
# fixed-time news: channel style -> (hours, title, minutes, description)
NEWS = {
    "age": ((6, 9, 12, 15, 18, 21), "Новости", 15, "Информационная программа."),
    "lower": ((8, 14, 19), "Новости культуры", 20, "Главные события культурной жизни."),
}


def _ts(t: datetime) -> str:
    return t.strftime("%Y%m%d%H%M%S %z")


def _ordinal(n: int) -> str:
    return f"{n}-я серия"


def film_slot_minutes(runtime: int) -> int:
    """Air time for a film: its runtime plus announcements, rounded up to five minutes."""
    return int(math.ceil((runtime + 5) / 5) * 5)


def _schedule_films(
    films: list[dict[str, Any]], rng: random.Random
) -> list[tuple[str, datetime, dict[str, Any]]]:
    """Choose (channel, start, film) airings: 2-4 per film, on different channels and days."""
    slots = []
    for ch in CHANNELS:
        for day in range(7):
            for hh, mm in ch["anchors"]:
                if ch["style"] == "age" and day == 0:
                    continue  # Monday prime time on the general channel is a talk show
                slots.append((ch["id"], WEEK_START + timedelta(days=day, hours=hh, minutes=mm)))
    taken: dict[str, list[tuple[datetime, datetime]]] = {ch["id"]: [] for ch in CHANNELS}
    airings: list[tuple[str, datetime, dict[str, Any]]] = []
    wanted = {f["slug"]: 2 + i % 3 for i, f in enumerate(films)}
    used_ch: dict[str, set[str]] = {f["slug"]: set() for f in films}
    used_day: dict[str, set[int]] = {f["slug"]: set() for f in films}
    order = list(films)
    for _round in range(4):
        rng.shuffle(order)
        for film in order:
            slug = film["slug"]
            if len(used_ch[slug]) >= wanted[slug]:
                continue
            dur = timedelta(minutes=film_slot_minutes(film["runtime"]))
            cands = []
            for ch_id, start in slots:
                if ch_id in used_ch[slug] or (start - WEEK_START).days in used_day[slug]:
                    continue
                if not _allowed(ch_id, film) or start + dur > WEEK_END:
                    continue
                gap = timedelta(minutes=10)
                if any(start < b + gap and a < start + dur + gap for a, b in taken[ch_id]):
                    continue
                cands.append((ch_id, start))
            if film["kind"] == "cartoon":  # cartoons live on the kids' channel first of all
                kids = [c for c in cands if c[0] == "multklub.demo"]
                cands = kids or [c for c in cands if c[1].hour < 18] or cands
            evening = [c for c in cands if c[1].hour >= 18]
            pool = evening if evening and rng.random() < 0.8 else cands
            if not pool:
                continue
            ch_id, start = rng.choice(pool)
            taken[ch_id].append((start, start + dur))
            used_ch[slug].add(ch_id)
            used_day[slug].add((start - WEEK_START).days)
            airings.append((ch_id, start, film))
    return sorted(airings, key=lambda a: (a[0], a[1]))


def _allowed(ch_id: str, film: dict[str, Any]) -> bool:
    if ch_id == "multklub.demo":
        return bool(film["kind"] == "cartoon" or film["slug"] in FAMILY)
    if ch_id == "pervyj-demo.demo":
        return bool(film["kind"] == "film" and film["runtime"] >= 60)
    return True


def _sub(parent: Any, tag: str, text: str | None = None, **attrs: str) -> Any:
    el = etree.SubElement(parent, tag, **attrs)
    if text is not None:
        el.text = text
    return el


class _Filler:
    """Everyday programmes that fill the time between films, with per-channel episode counters."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.episodes: dict[tuple[str, str], int] = {}
        self.last: dict[str, str] = {}

    def _episode(self, ch: str, series: str) -> int:
        n = self.episodes.get((ch, series), 0) + 1
        self.episodes[(ch, series)] = n
        return n

    def pick(self, ch: dict[str, Any], t: datetime, left: int) -> dict[str, Any]:
        """One programme starting at ``t`` with at most ``left`` minutes available."""
        h, style = t.hour, ch["style"]
        news = NEWS.get(style)
        if news and t.minute == 0 and h in news[0]:
            return {
                "title": news[1],
                "cat": "Новости",
                "dur": 30 if (style, h) == ("age", 21) else news[2],
                "desc": news[3],
            }
        item = self._pick(ch, t, left)
        for _ in range(6):  # the same show twice in a row reads like a broken feed
            if item["title"] != self.last.get(ch["id"]) or item["title"] == "Ночной эфир":
                break
            item = self._pick(ch, t, left)
        self.last[ch["id"]] = item["title"]
        if news:  # programmes make way for the news at fixed hours
            for hh in news[0]:
                mark = t.replace(hour=hh, minute=0)
                until = int((mark - t).total_seconds() // 60)
                if 10 <= until < item["dur"]:
                    item["dur"] = until
        return item

    def _pick(self, ch: dict[str, Any], t: datetime, left: int) -> dict[str, Any]:
        r, h, style = self.rng, t.hour, ch["style"]
        if 2 <= h < 6:
            if style == "kids":
                return {
                    "title": "«Мультпарад»",
                    "cat": "Детям",
                    "dur": 30,
                    "desc": "Сборник мультфильмов.",
                }
            return {"title": "Ночной эфир", "cat": "Прочее", "dur": 60, "desc": None}
        if style == "kids":
            if r.random() < 0.6:
                s = r.choice(KIDS_SERIES)
                n = self._episode(ch["id"], s)
                return {
                    "title": f"М/с «{s}»",
                    "sub": _ordinal(n),
                    "cat": "Мультсериал",
                    "dur": 15,
                    "ep": n,
                    "desc": "Мультсериал для всей семьи.",
                }
            return {
                "title": r.choice(["«Сказка на ночь»", "«Мультпарад»", "«Утренняя зарядка»"]),
                "cat": "Детям",
                "dur": r.choice([20, 30]),
                "desc": "Программа для детей.",
            }
        if style == "age" and 6 <= h < 9:
            title, cat, desc = SHOWS[0]
            return {"title": f"«{title}»", "cat": cat, "dur": 165, "desc": desc}
        roll = r.random()
        if roll < 0.45:
            s = r.choice(SERIES)
            n = self._episode(ch["id"], s)
            inline = style in ("lower", "age")  # these feeds put the episode into the title
            title = f"Т/с «{s}». {_ordinal(n)}" if inline else f"Т/с «{s}»"
            return {
                "title": title,
                "sub": None if inline else _ordinal(n),
                "cat": "Сериал",
                "dur": r.choice([45, 50, 55]),
                "ep": n,
                "desc": "Детективный сериал. "
                + r.choice(["Россия, 2019.", "Россия, 2021.", "Россия, 2016."]),
            }
        if roll < 0.7:
            # documentary *series*: a feed's one-off "Д/ф" would become a posterless title
            # in the demo catalog, so the only "Д/ф" on air is the enriched demo documentary
            s = r.choice(DOCS)
            n = self._episode(ch["id"], s)
            return {
                "title": f"Д/с «{s}»",
                "sub": _ordinal(n),
                "cat": "Документальный сериал",
                "dur": r.choice([26, 30, 45]),
                "ep": n,
                "desc": "Документальный цикл о людях и событиях кино.",
            }
        title, cat, desc = r.choice(
            SHOWS[1:]
            if style == "age"
            else [
                ("Киноистории", "Познавательные", "Рассказы о создании знаменитых фильмов."),
                ("Кинопутешествие", "Познавательные", "Города и страны, где снималось кино."),
            ]
        )
        return {"title": f"«{title}»", "cat": cat, "dur": r.choice([30, 40, 60]), "desc": desc}


def _film_programme(tv: Any, ch: dict[str, Any], start: datetime, film: dict[str, Any]) -> None:
    stop = start + timedelta(minutes=film_slot_minutes(film["runtime"]))
    p = _sub(tv, "programme", start=_ts(start), stop=_ts(stop), channel=ch["id"])
    name, kind, style = film.get("guide_title") or film["title"], film["kind"], ch["style"]
    if kind == "cartoon":
        title, cat = f"М/ф «{name}»", "Мультфильм"
    elif kind == "documentary":
        title, cat = f"Д/ф «{name}»", "Документальный фильм"
    elif style == "plain":
        title, cat = name, "Фильм"
    elif style == "lower":
        title, cat = f"х/ф {name}", "Кино"
    elif style == "age":
        title, cat = (
            f"Х/ф «{name}» (16+)" if "ужасы" in film["genres"] else f"Х/ф «{name}» (12+)",
            "Художественный фильм",
        )
    else:
        title, cat = f"Х/ф «{name}»", "Художественный фильм"
    _sub(p, "title", title, lang="ru")
    country = ", ".join(film["countries"])
    desc = f"{country}, {film['year']}. Режиссёр {film['director']}."
    if style != "plain" and film["cast"]:
        desc += " В ролях: " + ", ".join(film["cast"][:3]) + "."
    _sub(p, "desc", f"{desc} {film['overview']}", lang="ru")
    if style in ("quoted", "age"):
        credits = _sub(p, "credits")
        _sub(credits, "director", film["director"])
        for actor in film["cast"][:3]:
            _sub(credits, "actor", actor)
        _sub(p, "date", str(film["year"]))
    _sub(p, "category", cat, lang="ru")
    if style == "quoted":
        for genre in film["genres"][:2]:
            _sub(p, "category", genre, lang="ru")
        _sub(p, "length", str(film["runtime"]), units="minutes")
        for c in film["countries"]:
            _sub(p, "country", c)


def _filler_programme(
    tv: Any, ch: dict[str, Any], start: datetime, stop: datetime, item: dict[str, Any]
) -> None:
    p = _sub(tv, "programme", start=_ts(start), stop=_ts(stop), channel=ch["id"])
    _sub(p, "title", item["title"], lang="ru")
    if item.get("sub"):
        _sub(p, "sub-title", item["sub"], lang="ru")
    if item.get("desc"):
        _sub(p, "desc", item["desc"], lang="ru")
    _sub(p, "category", item["cat"], lang="ru")
    if item.get("ep"):
        _sub(p, "episode-num", f"0 . {item['ep'] - 1} . ", system="xmltv_ns")


def build_guide(films: list[dict[str, Any]], seed: str = "cinema-demo-guide") -> bytes:
    rng = random.Random(seed)
    airings = _schedule_films(films, rng)
    filler = _Filler(rng)
    tv = etree.Element(
        "tv", {"generator-info-name": "cinema make_demo_assets", "source-info-name": "Cinema demo"}
    )
    for ch in CHANNELS:
        c = _sub(tv, "channel", id=ch["id"])
        _sub(c, "display-name", ch["name"], lang="ru")
    for ch in CHANNELS:
        t = WEEK_START
        for _, start, film in [a for a in airings if a[0] == ch["id"]] + [(ch["id"], WEEK_END, None)]:
            while t < start:  # fill the gap up to the next film with everyday programmes
                left = int((start - t).total_seconds() // 60)
                item = filler.pick(ch, t, left)
                dur = item["dur"] if item["dur"] + 10 <= left else left
                stop = t + timedelta(minutes=dur)
                if stop.minute % 5 and stop < start:  # keep the grid on round five-minute marks
                    stop += timedelta(minutes=5 - stop.minute % 5)
                    stop = min(stop, start)
                _filler_programme(tv, ch, t, stop, item)
                t = stop
            if film is not None:
                _film_programme(tv, ch, start, film)
                t = start + timedelta(minutes=film_slot_minutes(film["runtime"]))
    data: bytes = etree.tostring(tv, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data
