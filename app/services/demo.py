"""The embedded demo library: filled into an empty library on first start, removable in settings.

The demo guide is written for the week of Monday 2026-01-05; on import it is shifted by whole
weeks to the current week, so that its airings are live whenever the app runs.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from app.core.resources import demo_dir
from app.services.context import AppContext
from app.storage import catalog_reads, state_repo

log = logging.getLogger(__name__)

DEMO_WEEK_START = datetime(2026, 1, 5, 0, 0, tzinfo=UTC) - timedelta(hours=3)  # 00:00 +0300
_STATE_LOADED = "demo.loaded"
_STATE_SHIFT = "demo.shift_weeks"
_STATE_SOURCE = "demo.guide_source_id"
_STATE_KEEP = "demo.keep"  # brought back by the user: it stays beside their own films
STATE_STEPPED_ASIDE = "demo.stepped_aside"  # it went when the user's guide brought films


def load_metadata() -> list[dict[str, Any]]:
    data = json.loads((demo_dir() / "metadata.json").read_text("utf-8"))
    films = data["films"] if isinstance(data, dict) else data
    return [f for f in films if isinstance(f, dict) and f.get("id") and f.get("title")]


def _title_row(film: dict[str, Any], now_ts: int) -> dict[str, Any]:
    base = demo_dir()
    poster = base / film["poster"] if film.get("poster") else None
    backdrop = base / film["backdrop"] if film.get("backdrop") else None

    def js(key: str) -> str | None:
        value = film.get(key)
        return json.dumps(value, ensure_ascii=False) if value else None

    return {
        "id": film["id"],
        "kind": film.get("kind") or "film",
        "title": film["title"],
        "original_title": film.get("original_title"),
        "alt_titles": None,
        "year": film.get("year"),
        "overview": film.get("overview"),
        "tagline": film.get("tagline"),
        "runtime": film.get("runtime"),
        "rating": film.get("rating"),
        "votes": film.get("votes"),
        "genres": js("genres"),
        "countries": js("countries"),
        "original_language": film.get("original_language"),
        "director": film.get("director"),
        "cast": js("cast"),
        "trailer_url": film.get("trailer_url"),
        "tmdb_id": film.get("tmdb_id"),
        "shikimori_id": None,
        "imdb_id": film.get("imdb_id"),
        "poster_path": str(poster) if poster and poster.exists() else None,
        "poster_thumb": None,
        "poster_origin": "demo" if poster and poster.exists() else None,
        "backdrop_path": str(backdrop) if backdrop and backdrop.exists() else None,
        "extra": None,
        "is_demo": True,
        "added_at": now_ts,
        "updated_at": now_ts,
    }


def sample_video() -> Path:
    return demo_dir() / "sample.mp4"


def shift_weeks(now: datetime) -> int:
    return max(0, int((now - DEMO_WEEK_START).total_seconds() // (7 * 86400)))


def write_shifted_guide(target: Path, weeks: int) -> Path:
    """Copy the demo guide with every start/stop moved ``weeks`` weeks later."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    tree = etree.parse(str(demo_dir() / "guide.xml"), parser)
    delta = timedelta(weeks=weeks)
    for prog in tree.iter("programme"):
        for attr in ("start", "stop"):
            value = prog.get(attr)
            if not value:
                continue
            stamp, _, zone = value.partition(" ")
            moved = datetime.strptime(stamp[:14], "%Y%m%d%H%M%S") + delta
            prog.set(attr, moved.strftime("%Y%m%d%H%M%S") + (f" {zone}" if zone else ""))
    target.parent.mkdir(parents=True, exist_ok=True)
    tree.write(str(target), encoding="utf-8", xml_declaration=True)
    return target


def _import_guide(services: AppContext, weeks: int) -> None:
    """Import the shifted demo guide through the guide pipeline (when it is available)."""
    try:
        from app.services.guide import film_detection
        from app.services.guide import refresh as epg_refresh
    except ImportError:  # guide ingestion not built yet: titles still show, without airings
        log.info("guide ingestion unavailable; demo titles without airings")
        return
    films = load_metadata()
    matches = []
    for film in films:
        guide_title = film.get("guide_title") or film["title"]
        norm = film_detection.normalize_guide_title(guide_title)
        matches.append(
            (
                film_detection.film_key(norm, film.get("year")),
                film["id"],
                film.get("kind") or "film",
            )
        )
        matches.append((film_detection.film_key(norm, None), film["id"], film.get("kind") or "film"))
    from app.storage import demo_repo

    demo_repo.set_matches(services.db, matches, int(services.clock.now().timestamp()))
    guide = write_shifted_guide(services.paths.cache / "demo-guide.xml", weeks)
    source_id_text = state_repo.get_state(services.db, _STATE_SOURCE)
    source_id = int(source_id_text) if source_id_text else None
    if source_id is None or source_id not in {s.id for s in epg_refresh.list_sources(services)}:
        source_id = epg_refresh.add_source(services, str(guide), name="Демо-гид", kind="xmltv", is_demo=True)
        state_repo.set_state(services.db, _STATE_SOURCE, str(source_id))
    epg_refresh.refresh_source_blocking(services, source_id, force=True)
    state_repo.set_state(services.db, _STATE_SHIFT, str(weeks))


def _add_demo_sources(services: AppContext, films: list[dict[str, Any]], now_ts: int) -> None:
    from app.storage import titles_repo  # SQLAlchemy: only when writing

    video = str(sample_video())
    titles_repo.upsert_sources(
        services.db,
        [
            {
                "title_id": f["id"],
                "kind": "direct",
                "url": video,
                "label": "Демо-видео (офлайн)",
                "quality": "360p",
                "headers": None,
                "score": 1.0,
                "health": "ok",
                "added_at": now_ts,
            }
            for f in films
        ],
    )


def ensure_demo_library(services: AppContext) -> bool:
    """Fill an empty library with the demo on first start; keep the demo guide's week current.

    Returns True when the demo library is present.
    """
    db = services.db
    now = services.clock.now()
    if step_aside_if_own_films(services):
        return False
    loaded = state_repo.get_state(db, _STATE_LOADED) == "1"
    if not loaded:
        if catalog_reads.count_titles(db) > 0:
            return False  # the user has a library of their own: no demo
        from app.storage import titles_repo  # SQLAlchemy: only when writing

        films = load_metadata()
        now_ts = int(now.timestamp())
        titles_repo.upsert_titles(db, [_title_row(f, now_ts) for f in films])
        _add_demo_sources(services, films, now_ts)
        state_repo.set_state(db, _STATE_LOADED, "1")
        log.info("demo library filled with %d titles", len(films))
    weeks = shift_weeks(now)
    if state_repo.get_state(db, _STATE_SHIFT) != str(weeks):
        try:
            _import_guide(services, weeks)
        except Exception:
            log.exception("demo guide import failed")
    return True


def step_aside_if_own_films(services: AppContext) -> bool:
    """The user's own guide has films: the demo goes (it came back on request: it stays).
    True when it stepped aside now."""
    from app.storage import demo_repo

    db = services.db
    if state_repo.get_state(db, _STATE_KEEP) == "1" or demo_repo.own_guide_films(db) == 0:
        return False
    if catalog_reads.count_demo(db) == 0 and state_repo.get_state(db, _STATE_SOURCE) is None:
        return False
    removed = remove_demo_library(services)
    state_repo.set_state(db, STATE_STEPPED_ASIDE, "1")
    log.info("the user's guide has films: the demo library (%d titles) stepped aside", removed)
    return True


def stepped_aside(services: AppContext) -> bool:
    """The demo went because the user's guide brought films (not because the user removed it)."""
    return state_repo.get_state(services.db, STATE_STEPPED_ASIDE) == "1"


def remove_demo_library(services: AppContext) -> int:
    """Remove the demo titles and guide; the demo is not filled in again."""
    from app.storage import titles_repo  # SQLAlchemy: only when writing

    removed = titles_repo.delete_demo(services.db)
    source_id_text = state_repo.get_state(services.db, _STATE_SOURCE)
    if source_id_text:
        try:
            from app.services.guide import refresh as epg_refresh

            epg_refresh.remove_source(services, int(source_id_text))
        except ImportError:
            pass
        state_repo.delete_state(services.db, _STATE_SOURCE)
    state_repo.set_state(services.db, _STATE_LOADED, "1")
    state_repo.set_state(services.db, "demo.removed", "1")
    state_repo.delete_state(services.db, _STATE_SHIFT)
    from app.core.config import save_settings

    services.settings = save_settings(services.paths, services.settings, demo_enabled=False)
    return removed


def is_demo_present(services: AppContext) -> bool:
    return catalog_reads.count_demo(services.db) > 0


def restore_demo_library(services: AppContext) -> bool:
    """Bring the demo library back after it was removed."""
    from app.core.config import save_settings
    from app.storage import titles_repo  # SQLAlchemy: only when writing

    services.settings = save_settings(services.paths, services.settings, demo_enabled=True)
    state_repo.delete_state(services.db, _STATE_LOADED)
    state_repo.delete_state(services.db, "demo.removed")
    state_repo.delete_state(services.db, STATE_STEPPED_ASIDE)
    state_repo.set_state(services.db, _STATE_KEEP, "1")  # asked for: it stays beside the user's films
    db = services.db
    now = services.clock.now()
    films = load_metadata()
    now_ts = int(now.timestamp())
    titles_repo.upsert_titles(db, [_title_row(f, now_ts) for f in films])
    state_repo.set_state(db, _STATE_LOADED, "1")
    _add_demo_sources(services, films, now_ts)
    try:
        _import_guide(services, shift_weeks(now))
    except Exception:
        log.exception("demo guide import failed")
    return True
