"""Generate a realistic N-title library (titles, posters, a guide week) in a portable home."""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

WORDS = [
    "ночь",
    "день",
    "город",
    "море",
    "тайна",
    "последний",
    "первый",
    "большой",
    "тихий",
    "дом",
    "дорога",
    "любовь",
    "война",
    "звезда",
    "солнце",
    "зима",
    "лето",
    "сердце",
    "река",
    "остров",
    "человек",
    "женщина",
    "брат",
    "сестра",
    "отец",
    "сын",
    "капитан",
    "доктор",
    "охота",
    "побег",
    "возвращение",
    "письмо",
    "песня",
    "танец",
    "тень",
    "огонь",
    "ветер",
    "небо",
    "земля",
]
GENRES = ["драма", "комедия", "боевик", "триллер", "мелодрама", "фантастика", "ужасы", "детектив"]


def make_posters(folder: Path, count: int) -> list[str]:
    from PIL import Image, ImageDraw

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    rng = random.Random(7)
    for i in range(count):
        path = folder / f"p{i:04d}.jpg"
        paths.append(str(path))
        if path.exists():
            continue
        top = tuple(rng.randrange(20, 200) for _ in range(3))
        img = Image.new("RGB", (342, 513), top)
        draw = ImageDraw.Draw(img)
        for y in range(0, 513, 6):
            shade = tuple(max(0, c - y // 6) for c in top)
            draw.rectangle([0, y, 342, y + 6], fill=shade)
        draw.ellipse([60, 120, 280, 340], outline=(255, 255, 255), width=4)
        img.save(path, quality=82)
    return paths


def generate(home: Path, count: int, posters: int = 400) -> Path:
    """Fill ``home`` with ``count`` titles (with poster files) and a week of airings."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from app.bootstrap import build_services
    from app.storage import catalog_reads, titles_repo

    services = build_services(home, load_demo=False, console_log=False)
    if catalog_reads.count_titles(services.db) >= count:
        return home
    poster_paths = make_posters(home / "bench-posters", posters)
    rng = random.Random(42)
    now = int(time.time())
    rows = []
    for i in range(count):
        words = rng.sample(WORDS, rng.randint(1, 4))
        title = " ".join(words).capitalize()
        rows.append(
            {
                "id": f"tmdb:movie:{100000 + i}",
                "kind": rng.choice(["film"] * 8 + ["series", "anime"]),
                "title": title,
                "original_title": title.upper(),
                "alt_titles": None,
                "year": rng.randint(1925, 2025),
                "overview": " ".join(rng.choices(WORDS, k=40)),
                "tagline": None,
                "runtime": rng.randint(70, 180),
                "rating": round(rng.uniform(4, 9), 1),
                "votes": rng.randint(10, 30000),
                "genres": json.dumps(rng.sample(GENRES, 2), ensure_ascii=False),
                "countries": '["США"]',
                "original_language": "en",
                "director": "Режиссёр",
                "cast": '["Актёр"]',
                "trailer_url": None,
                "tmdb_id": 100000 + i,
                "shikimori_id": None,
                "imdb_id": None,
                "poster_path": rng.choice(poster_paths),
                "poster_thumb": None,
                "poster_origin": "tmdb",
                "backdrop_path": None,
                "extra": None,
                "is_demo": False,
                "added_at": now,
                "updated_at": now,
            }
        )
    titles_repo.upsert_titles(services.db, rows)
    services.db.dispose()
    return home


if __name__ == "__main__":
    generate(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 20000)
