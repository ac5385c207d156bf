"""A TV library for UI tests, screenshots and benchmarks: a playlist (groups, catch-up, a backup
URL, a channel without archive) and its guide around a given moment, written as real M3U and
XMLTV files and imported through the app's own refresh.

Titles are Russian guide lines as real feeds write them («Х/ф …», «Т/с … 3 с.», «Новости»).
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

CHANNELS = [  # (tvg-id, name, group, catch-up attributes)
    ("perviy", "Первый канал HD", "Общие", 'catchup="shift" catchup-days="7"'),
    ("russia1", "Россия 1", "Общие", 'catchup="shift" catchup-days="5"'),
    ("ntv", "НТВ", "Общие", 'catchup="shift" catchup-days="3"'),
    ("kino", "Кинохит", "Кино", 'catchup="shift" catchup-days="7"'),
    ("dom-kino", "Дом кино", "Кино", 'catchup="shift" catchup-days="7"'),
    ("mosfilm", "Мосфильм. Золотая коллекция", "Кино", 'catchup="shift" catchup-days="3"'),
    ("multik", "Мульт", "Детские", ""),
    ("nauka", "Наука", "Познавательные", 'catchup="shift" catchup-days="2"'),
    ("12-omsk", "12 канал (Омск)", "Региональные", 'catchup="shift" catchup-days="1"'),
    ("sport", "Матч ТВ", "Спорт", 'catchup="shift" catchup-days="3"'),
]
FILMS = [
    "Х/ф «Белое солнце пустыни»", "Х/ф «Служебный роман»", "Х/ф «Москва слезам не верит»",
    "Х/ф «Брат»", "Х/ф «Иван Васильевич меняет профессию»", "Х/ф «Кин-дза-дза!»",
    "Х/ф «Покровские ворота»", "Х/ф «Ирония судьбы, или С лёгким паром!»", "Х/ф Три в одном 6. 1 с.",
    "М/ф «Ну, погоди!»", "Д/ф «Космос»",
]  # fmt: skip
SHOWS = [
    "Новости", "Время", "Т/с «Тайны следствия». 3 с.", "Т/с «Фарца». 8 с.", "Доброе утро",
    "Давай поженимся!", "Поле чудес", "Вечерний Ургант", "Погода", "Спортивные новости",
    "Д/с «Необыкновенные люди»", "Пусть говорят",
]  # fmt: skip
ON_NOW = "Х/ф «Белое солнце пустыни»"  # on «Кинохит» (7 days of archive) from 40 minutes before
# Placed titles (their only airings), for the Play tests:
LIVE_ONLY = "М/ф «Винни-Пух»"  # on «Мульт» (no archive) from 20 minutes before, for an hour
ENDED = "Х/ф «Сталкер»"  # on «Дом кино» (7 days), ended two hours before
LATER = "Х/ф «Солярис»"  # on «Наука», tomorrow at the same time
PLACED = {  # tvg-id: (title, start offset, length), offsets from the given moment
    "multik": (LIVE_ONLY, timedelta(minutes=-20), timedelta(hours=1)),
    "dom-kino": (ENDED, timedelta(hours=-4), timedelta(hours=2)),
    "nauka": (LATER, timedelta(days=1), timedelta(hours=2, minutes=40)),
}


def write_feeds(
    folder: Path,
    around: datetime,
    base_url: str = "http://127.0.0.1:9",
    days: int = 2,
    dead_primary: bool = False,
    separate_guide: bool = False,
) -> Path:
    """``list.m3u`` (its url-tvg names ``guide.xml``) for ``days`` either side of ``around``."""
    rnd = random.Random(13)
    start = (around - timedelta(days=days)).replace(minute=0, second=0, microsecond=0)
    end = around + timedelta(days=days)
    programmes = []
    for tvg_id, _name, _group, _attrs in CHANNELS:
        t = start
        placed = PLACED.get(tvg_id)
        while t < end:
            if placed is not None and t <= around + placed[1] < t + timedelta(hours=3):
                title, length = placed[0], placed[2]
                if t < around + placed[1]:  # a short programme up to the placed one
                    title, length = "Новости", around + placed[1] - t
            elif tvg_id == "kino" and t <= around - timedelta(minutes=40) < t + timedelta(hours=3):
                title, length = ON_NOW, around - timedelta(minutes=40) - t + timedelta(minutes=95)
                if t < around - timedelta(minutes=40):  # a short programme up to the film's start
                    title, length = "Новости", around - timedelta(minutes=40) - t
            else:
                film = rnd.random() < 0.25
                title = rnd.choice(FILMS) if film else rnd.choice(SHOWS)
                if title == ON_NOW:  # it airs on «Кинохит» only, where it is placed
                    title = "Новости"
                length = timedelta(
                    minutes=rnd.choice((90, 105, 120)) if film else rnd.choice((15, 30, 45, 60))
                )
            stop = t + length
            desc = "СССР, 1975. Режиссёр: Владимир Мотыль" if title.startswith(("Х/ф", "М/ф", "Д/ф")) else ""
            programmes.append(
                f'<programme start="{t:%Y%m%d%H%M%S} +0000" stop="{stop:%Y%m%d%H%M%S} +0000" '
                f'channel="{tvg_id}"><title lang="ru">{title}</title><desc>{desc}</desc></programme>'
            )
            t = stop
    channels = "".join(
        f'<channel id="{c}"><display-name>{name}</display-name></channel>' for c, name, _g, _a in CHANNELS
    )
    (folder / "guide.xml").write_text(
        f'<?xml version="1.0" encoding="UTF-8"?><tv>{channels}{"".join(programmes)}</tv>', "utf-8"
    )
    # separate_guide: the playlist names no guide (it is added on its own), one channel has no
    # tvg-id and is called as providers write it, and one channel has no guide at all
    lines = ["#EXTM3U"] if separate_guide else [f'#EXTM3U url-tvg="{folder / "guide.xml"}"']
    for tvg_id, name, group, attrs in CHANNELS:
        if separate_guide and tvg_id == "russia1":
            lines.append(f'#EXTINF:-1 group-title="{group}" {attrs},Россия-1 HD')
        else:
            lines.append(f'#EXTINF:-1 tvg-id="{tvg_id}" group-title="{group}" {attrs},{name}')
        primary = "dead" if dead_primary and tvg_id == "perviy" else "live"
        lines.append(f"{base_url}/{primary}/{tvg_id}/index.m3u8")
        if tvg_id == "perviy":  # a backup URL of the same channel
            lines.append(f"{base_url}/backup/{tvg_id}/index.m3u8")
    if separate_guide:
        lines += ['#EXTINF:-1 group-title="Общие",Спас', f"{base_url}/live/spas/index.m3u8"]
    (folder / "list.m3u").write_text("\n".join(lines) + "\n", "utf-8")
    return folder / "list.m3u"


def import_tv(
    services: Any,
    folder: Path,
    around: datetime | None = None,
    base_url: str = "http://127.0.0.1:9",
    dead_primary: bool = False,
    separate_guide: bool = False,
) -> int:
    """Write the feeds and import them (the guide on its own when ``separate_guide``: it is
    paired with the playlist automatically); returns the playlist's source id."""
    from app.services.guide import refresh as epg_refresh

    around = around or services.clock.now()
    moment = around.astimezone(UTC).replace(second=0, microsecond=0)
    playlist = write_feeds(folder, moment, base_url, dead_primary=dead_primary, separate_guide=separate_guide)
    source_id = epg_refresh.import_location(services, str(playlist)).source_id
    if separate_guide:
        epg_refresh.import_location(services, str(folder / "guide.xml"))
    return source_id
