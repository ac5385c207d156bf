"""Episodes of a series and per-episode progress of a profile (portable SQL, both dialects).

Per-episode progress lives in ``progress`` (key ``ep:<series>:<season>:<number>``, title_id =
the series) so that the sync carries it; beside it the series' own row (key = the series id)
says where the profile is in the series, which is what Home's Continue watching lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from app.domain.series import (
    EPISODE_KEY_PREFIX,
    Episode,
    EpisodeProgress,
    NextEpisode,
    episode_key,
    parse_episode_key,
)
from app.storage import catalog_reads, library_repo
from app.storage.db import Database
from app.storage.tx import transaction

# a position this close to either end counts as not started / finished (as films' resume points)
EDGE_MS = 5_000
# past this share of its duration an episode counts as watched when saved without a mark
WATCHED_SHARE = 0.92

_COLS = "title_id, season, number, name, overview, air_date, runtime, still_path, tmdb_id, imdb_id"


def _episode(r: tuple[object, ...]) -> Episode:
    return Episode(
        title_id=str(r[0]),
        season=int(r[1]),  # type: ignore[call-overload]
        number=int(r[2]),  # type: ignore[call-overload]
        name=r[3],  # type: ignore[arg-type]
        overview=r[4],  # type: ignore[arg-type]
        air_date=r[5],  # type: ignore[arg-type]
        runtime=r[6],  # type: ignore[arg-type]
        still_path=r[7],  # type: ignore[arg-type]
        tmdb_id=r[8],  # type: ignore[arg-type]
        imdb_id=r[9],  # type: ignore[arg-type]
    )


def upsert_episodes(db: Database, episodes: Sequence[Episode], now: int) -> int:
    """Write the providers' episodes (one row per series, season, number; a newer answer
    replaces the fields it has and keeps those it lacks). The number written."""
    rows = [e for e in episodes if e.number >= 1 and e.season >= 0]
    if not rows:
        return 0
    sql = (
        f"INSERT INTO episodes ({_COLS}, updated_at) VALUES (:title_id, :season, :number, :name, "
        ":overview, :air_date, :runtime, :still_path, :tmdb_id, :imdb_id, :now) "
        "ON CONFLICT (title_id, season, number) DO UPDATE SET "
        "name = coalesce(excluded.name, episodes.name), "
        "overview = coalesce(excluded.overview, episodes.overview), "
        "air_date = coalesce(excluded.air_date, episodes.air_date), "
        "runtime = coalesce(excluded.runtime, episodes.runtime), "
        "still_path = coalesce(excluded.still_path, episodes.still_path), "
        "tmdb_id = coalesce(excluded.tmdb_id, episodes.tmdb_id), "
        "imdb_id = coalesce(excluded.imdb_id, episodes.imdb_id), updated_at = excluded.updated_at"
    )
    with transaction(db) as run:
        for e in rows:
            run(
                sql,
                {
                    "title_id": e.title_id,
                    "season": e.season,
                    "number": e.number,
                    "name": e.name,
                    "overview": e.overview,
                    "air_date": e.air_date,
                    "runtime": e.runtime,
                    "still_path": e.still_path,
                    "tmdb_id": e.tmdb_id,
                    "imdb_id": e.imdb_id,
                    "now": now,
                },
            )
    return len(rows)


def episodes_of(db: Database, title_id: str, season: int | None = None) -> list[Episode]:
    """The series' episodes in order (season, number); one season's when ``season`` is given."""
    where = "title_id = :title" + (" AND season = :season" if season is not None else "")
    rows = db.execute(
        f"SELECT {_COLS} FROM episodes WHERE {where} ORDER BY season, number",
        {"title": title_id, "season": season},
    )
    return [_episode(r) for r in rows]


def seasons_of(db: Database, title_id: str) -> list[int]:
    """The season numbers known for the series, in order (0 = specials, if the provider has them)."""
    rows = db.execute(
        "SELECT DISTINCT season FROM episodes WHERE title_id = :title ORDER BY season", {"title": title_id}
    )
    return [int(r[0]) for r in rows]


def episode_progress(db: Database, profile_id: int, title_id: str) -> dict[tuple[int, int], EpisodeProgress]:
    """The profile's progress per (season, number) of the series."""
    prefix = f"{EPISODE_KEY_PREFIX}{title_id}:"
    rows = db.execute(
        "SELECT item_key, position_ms, duration_ms, watched, updated_at FROM progress "
        "WHERE profile_id = :profile AND title_id = :title AND substr(item_key, 1, :n) = :prefix",
        {"profile": profile_id, "title": title_id, "n": len(prefix), "prefix": prefix},
    )
    out: dict[tuple[int, int], EpisodeProgress] = {}
    for key, position, duration, watched, updated in rows:
        parsed = parse_episode_key(str(key))
        if parsed is None or parsed[0] != title_id:
            continue
        _t, season, number = parsed
        out[(season, number)] = EpisodeProgress(
            season, number, int(position), duration, bool(watched), int(updated)
        )
    return out


def _finished(p: EpisodeProgress) -> bool:
    return p.watched or bool(p.duration_ms and p.position_ms >= p.duration_ms - EDGE_MS)


def next_episode(db: Database, profile_id: int, title_id: str, today: date) -> NextEpisode | None:
    """What Continue offers the profile: the last episode touched if it is unfinished, else the
    one after it (not one that has not aired by ``today``); the first episode if none was
    touched. None when the profile has caught up or nothing is known of the series' episodes."""
    known = episodes_of(db, title_id)
    regular = [e for e in known if e.season >= 1] or known
    progress = episode_progress(db, profile_id, title_id)
    if not progress:
        first = regular[0] if regular else None
        return NextEpisode(first, 0, "start") if first is not None and first.aired_by(today) else None
    last = max(progress.values(), key=lambda p: (p.updated_at, p.season, p.number))
    if not _finished(last):
        found = next((e for e in known if (e.season, e.number) == (last.season, last.number)), None)
        episode = found or Episode(title_id, last.season, last.number)
        if last.position_ms >= EDGE_MS:
            return NextEpisode(episode, last.position_ms, "resume")
        return NextEpisode(episode, 0, "next")
    if not known:  # no provider's list: the guide's numbering goes on
        return NextEpisode(Episode(title_id, last.season, last.number + 1), 0, "next")
    later = [e for e in regular if (e.season, e.number) > (last.season, last.number)]
    for e in later:
        p = progress.get((e.season, e.number))
        if p is not None and _finished(p):
            continue  # watched before (out of order): the one after it
        if not e.aired_by(today):
            return None
        resume = p.position_ms if p is not None and p.position_ms >= EDGE_MS else 0
        return NextEpisode(e, resume, "resume" if resume else "next")
    return None


def save_episode_progress(
    db: Database,
    profile_id: int,
    title_id: str,
    season: int,
    number: int,
    position_ms: int,
    duration_ms: int | None,
    *,
    watched: bool | None,
    now: datetime,
    count_view: bool = False,
) -> NextEpisode | None:
    """Save one episode's position for the profile, then the series' own row: its position is
    the next episode's resume point (at least 1 ms, so that Continue watching keeps the series
    between episodes), and it is watched once the profile has caught up. The next episode."""
    if watched is None and duration_ms and position_ms >= duration_ms * WATCHED_SHARE:
        watched = True
    library_repo.save_progress(
        db,
        profile_id,
        episode_key(title_id, season, number),
        position_ms,
        duration_ms,
        title_id=title_id,
        watched=watched,
        now=now,
        count_view=count_view,
    )
    upcoming = next_episode(db, profile_id, title_id, now.date())
    if upcoming is None:
        library_repo.save_progress(
            db, profile_id, title_id, 0, None, title_id=title_id, watched=True, now=now
        )
    else:
        duration = upcoming.episode.runtime * 60_000 if upcoming.episode.runtime else None
        library_repo.save_progress(
            db,
            profile_id,
            title_id,
            max(1, upcoming.resume_ms),
            duration,
            title_id=title_id,
            watched=False,
            now=now,
        )
    return upcoming


def next_episodes(
    db: Database, profile_id: int, title_ids: Sequence[str], today: date
) -> dict[str, NextEpisode]:
    """Continue's episode for each of the titles that are series with episodes or progress."""
    out: dict[str, NextEpisode] = {}
    for tid in catalog_reads.series_with_episodes(db, profile_id, title_ids):
        found = next_episode(db, profile_id, tid, today)
        if found is not None:
            out[tid] = found
    return out


def airings_by_episode(
    db: Database, title_id: str, since: int
) -> dict[tuple[int, int], list[tuple[str, int, int | None]]]:
    """The series' TV airings from ``since`` on, per (season, number) as the guide numbers them
    (no season given: season 1): [(channel id, start, stop)] in time order."""
    rows = db.execute(
        "SELECT coalesce(season, 1), episode_num, channel_id, start, stop FROM programmes "
        "WHERE title_id = :title AND episode_num IS NOT NULL AND coalesce(stop, start + 3600) > :since "
        "ORDER BY start",
        {"title": title_id, "since": since},
    )
    out: dict[tuple[int, int], list[tuple[str, int, int | None]]] = {}
    for season, number, channel, start, stop in rows:
        out.setdefault((int(season), int(number)), []).append((str(channel), int(start), stop))
    return out


def next_airings(db: Database, title_id: str, since: int) -> dict[tuple[int, int], tuple[str, int]]:
    """Each episode's next TV airing from ``since`` on: (channel name, start) per (season, number)
    (the channel's id when it has no name)."""
    rows = db.execute(
        "SELECT coalesce(p.season, 1), p.episode_num, coalesce(c.name, p.channel_id), p.start "
        "FROM programmes p LEFT JOIN channels c ON c.id = p.channel_id "
        "WHERE p.title_id = :title AND p.episode_num IS NOT NULL "
        "AND coalesce(p.stop, p.start + 3600) > :since ORDER BY p.start",
        {"title": title_id, "since": since},
    )
    out: dict[tuple[int, int], tuple[str, int]] = {}
    for season, number, channel, start in rows:
        out.setdefault((int(season), int(number)), (str(channel), int(start)))
    return out


def with_guide_episodes(db: Database, title_id: str) -> list[Episode]:
    """The provider's episodes, plus those only the guide has numbered (a series not yet matched,
    or an episode the provider does not list yet), in order."""
    known = episodes_of(db, title_id)
    have = {(e.season, e.number) for e in known}
    rows = db.execute(
        "SELECT DISTINCT coalesce(season, 1), episode_num FROM programmes "
        "WHERE title_id = :title AND episode_num IS NOT NULL",
        {"title": title_id},
    )
    extra = [
        Episode(title_id, int(s), int(n)) for s, n in rows if (int(s), int(n)) not in have and int(n) >= 1
    ]
    return sorted(known + extra, key=lambda e: (e.season, e.number))


def set_episodes_source(db: Database, title_id: str, source: dict[str, object]) -> None:
    """Say where the series' episode list came from (titles.extra ``episodes_source``: the page
    says it); the rest of ``extra`` is kept."""
    import json

    with transaction(db) as run:
        run("UPDATE titles SET extra = extra WHERE id = :id", {"id": title_id})  # the write lock first
        rows = run("SELECT extra FROM titles WHERE id = :id", {"id": title_id})
        if not rows:
            return
        try:
            extra = json.loads(rows[0][0]) if rows[0][0] else {}
        except ValueError:
            extra = {}
        extra = extra if isinstance(extra, dict) else {}
        extra["episodes_source"] = source
        run(
            "UPDATE titles SET extra = :extra WHERE id = :id",
            {"id": title_id, "extra": json.dumps(extra, ensure_ascii=False, separators=(",", ":"))},
        )


def episodes_source(db: Database, title_id: str) -> dict[str, object] | None:
    """Where the series' episode list came from (``set_episodes_source``), or None."""
    import json

    rows = db.execute("SELECT extra FROM titles WHERE id = :id", {"id": title_id})
    if not rows or not rows[0][0]:
        return None
    try:
        source = json.loads(rows[0][0]).get("episodes_source")
    except (ValueError, AttributeError):
        return None
    return source if isinstance(source, dict) else None
