"""Catalog queries for the views: filtered ids, grid rows in pages, home rows, the title page."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import TYPE_CHECKING

from app.core.events import LibraryDidChange, ProgressDidChange
from app.domain.briefs import TitleBrief
from app.services.context import AppContext
from app.storage import (
    catalog_query,
    catalog_reads,
    titles_lookup,
    watchlist_repo,
)
from app.storage.catalog_query import AVAILABILITY, KINDS, SORTS, CatalogFilter

if TYPE_CHECKING:
    from app.domain.models import TitleDetail
    from app.services.library.catalog_records import Facets, TitleExtras
    from app.services.library.search import SearchService

__all__ = ["AVAILABILITY", "KINDS", "SORTS", "CatalogFilter", "CatalogService", "HomeRow"]

HOME_ROW_LENGTH = 24
DISCOVERY_ORDER = ("popular", "trending", "new", "anime_season")
GENRE_ROWS = 4


@dataclass(frozen=True)
class HomeRow:
    """One strip of the home page: ``key`` names it (the view translates), ``flt`` is "See all"."""

    key: str
    flt: CatalogFilter
    ids: list[str]
    label: str = ""  # for genre rows: the genre itself; "Because you watched": that title
    see_all: bool = True  # discovery rows have no filter of the catalog to open


class CatalogService:
    def __init__(self, services: AppContext) -> None:
        self._s = services
        self._search: SearchService | None = None

    @property
    def search(self) -> SearchService:
        """The text search (made on first use: its index module is not on the way to Home)."""
        if self._search is None:
            from app.services.library.search import SearchService

            self._search = SearchService(self._s)
        return self._search

    def _now_ts(self) -> int:
        return int(self._s.clock.now().timestamp())

    @property
    def age_limit(self) -> int | None:
        """The current profile's highest age rating (a kids' profile), else None."""
        return self._s.current.profile.age_limit

    def ids(self, kind: str | None = None) -> list[str]:
        return catalog_reads.catalog_ids(self._s.db, self._s.clock.now(), kind=kind, age_limit=self.age_limit)

    def query(self, flt: CatalogFilter, limit: int | None = None) -> list[str]:
        """Ids passing ``flt``; text is searched, best match first unless a sort was chosen."""
        match = self.search.expression(flt.text) if flt.text.strip() else None
        if flt.text.strip() and match is None:
            return []
        if match and flt.sort == "air":
            flt = replace(flt, sort="relevance")
        age_limit = self.age_limit
        if match and age_limit is None and replace(flt, text="") == CatalogFilter(sort="relevance"):
            from app.storage import search_repo

            ids = search_repo.ranked_ids(self._s.db, match)  # text alone: the fast path
            return ids[:limit] if limit is not None else ids
        return catalog_query.filtered_ids(
            self._s.db, flt, self._now_ts(), self._s.profile_id, match=match, limit=limit, age_limit=age_limit
        )

    def _image(self, path: str | None) -> str | None:
        """Downloaded images are stored relative to the data folder: the views get a full path."""
        if not path or "://" in path or os.path.isabs(path):
            return path
        return str(self._s.paths.data / path)

    def briefs(self, ids: Sequence[str]) -> dict[str, TitleBrief]:
        found = catalog_reads.briefs(self._s.db, ids, self._s.clock.now(), self._s.profile_id)
        if any(i.startswith("media:") for i in ids):  # files and links played without a title
            found.update(self._adhoc_briefs([i for i in ids if i.startswith("media:")]))
        for tid, brief in found.items():
            full = self._image(brief.poster_path)
            if full != brief.poster_path:
                found[tid] = replace(brief, poster_path=full)
        series = [t for t, b in found.items() if b.kind.value in ("series", "anime")]
        if series:
            self._with_next_episodes(found, series)
        return found

    def _with_next_episodes(self, found: dict[str, TitleBrief], series: list[str]) -> None:
        """A series' tile shows its next episode (issue 16): its label, and how far into it."""
        # a cheap probe first: episodes_repo and the series model load only for a series that has
        # episodes or episode progress (not on a start whose Home shows none)
        series = catalog_reads.series_with_episodes(self._s.db, self._s.profile_id, series)
        if not series:
            return
        from app.storage import episodes_repo

        today = self._s.clock.now().astimezone().date()
        for tid, nxt in episodes_repo.next_episodes(self._s.db, self._s.profile_id, series, today).items():
            if nxt.reason == "start":
                continue  # nothing watched yet: no episode to continue
            runtime_ms = (nxt.episode.runtime or 0) * 60_000
            share = min(1.0, nxt.resume_ms / runtime_ms) if runtime_ms and nxt.resume_ms else 0.0
            found[tid] = replace(found[tid], episode=nxt.label, progress=share)

    def _adhoc_briefs(self, ids: list[str]) -> dict[str, TitleBrief]:
        from app.storage import adhoc_repo

        items = {i.item_key: i for i in adhoc_repo.in_progress(self._s.db, self._s.profile_id, limit=200)}
        out = {}
        for key in ids:
            item = items.get(key)
            if item is not None:
                share = item.position_ms / item.duration_ms if item.duration_ms else None
                out[key] = TitleBrief(id=key, title=item.label, progress=share)
        return out

    def adhoc_location(self, item_key: str) -> str | None:
        """Where a file or link played without a title was last played from (to resume it)."""
        from app.storage import adhoc_repo

        return adhoc_repo.location_of(self._s.db, self._s.profile_id, item_key)

    def detail(self, title_id: str) -> TitleDetail | None:
        # imported here: titles_repo brings SQLAlchemy, which the first painted frame does without
        from app.storage import titles_repo

        detail = titles_repo.detail(self._s.db, title_id, self._s.clock.now())
        if detail is None:
            return None
        poster, backdrop = self._image(detail.poster_path), self._image(detail.backdrop_path)
        if (poster, backdrop) != (detail.poster_path, detail.backdrop_path):
            detail = replace(detail, poster_path=poster, backdrop_path=backdrop)
        return detail

    def count(self) -> int:
        return catalog_reads.count_titles(self._s.db)

    def warm_search(self) -> None:
        """Prepare search's index, rank table and typo library (a worker calls this after start-up)."""
        self.search.warm()

    def facets(self) -> Facets:
        db = self._s.db
        from app.services.library.catalog_records import Facets

        return Facets(
            genres=[g for g, _ in catalog_query.genre_counts(db)],
            countries=[c for c, _ in catalog_query.country_counts(db)],
            poster_origins=catalog_query.poster_origins(db),
        )

    # -- home ----------------------------------------------------------------------------------
    def home_filters(self, *, genres: bool = True) -> list[tuple[str, CatalogFilter, str]]:
        """The home rows in order: (key, filter, label); genre rows carry their genre as label."""
        now = self._s.clock.now().astimezone()
        evening = now.replace(hour=18, minute=0, second=0, microsecond=0)
        if now.hour < 4:
            evening -= timedelta(days=1)
        night_end = evening + timedelta(hours=9)
        ts = int(now.timestamp())
        rows: list[tuple[str, CatalogFilter, str]] = [
            ("on_now", CatalogFilter(airing_from=ts, airing_to=ts + 1), ""),
            (
                "tonight",
                CatalogFilter(
                    airing_from=max(ts, int(evening.timestamp())), airing_to=int(night_end.timestamp())
                ),
                "",
            ),
            ("week", CatalogFilter(airing_from=ts, airing_to=ts + 7 * 86400), ""),
            ("continue", CatalogFilter(in_progress=True, sort="recent"), ""),
            ("watchlist", CatalogFilter(watchlist=True, sort="watchlist"), ""),
            ("recent", CatalogFilter(sort="added"), ""),
            ("top", CatalogFilter(sort="rating", rating_min=7.0), ""),
            ("anime", CatalogFilter(kinds=("anime",), sort="rating"), ""),
        ]
        if genres:
            for genre, _count in catalog_query.top_genres(self._s.db, GENRE_ROWS):
                rows.append((f"genre:{genre}", CatalogFilter(genre=genre, sort="rating"), genre))
        return rows

    def _with_adhoc(self, title_ids: list[str], length: int) -> list[str]:
        """Continue watching's titles merged with ad hoc items by when they were last played."""
        if not catalog_reads.has_adhoc_progress(self._s.db, self._s.profile_id):
            return title_ids  # none: adhoc_repo stays unloaded on the way to the first paint
        from app.storage import adhoc_repo

        adhoc = adhoc_repo.in_progress(self._s.db, self._s.profile_id, limit=length)
        if not adhoc:
            return title_ids
        when = adhoc_repo.progress_times(self._s.db, self._s.profile_id, title_ids)
        merged = [(when.get(t, 0), t) for t in title_ids] + [(a.updated_at, a.item_key) for a in adhoc]
        merged.sort(key=lambda pair: -pair[0])
        return [key for _when, key in merged[:length]]

    def home_rows(self, length: int = HOME_ROW_LENGTH, *, until_filled: int | None = None) -> list[HomeRow]:
        """Home rows with their first ``length`` ids (empty rows included; the view hides them).

        ``until_filled`` stops after that many non-empty rows: start-up paints the first screen
        from two or three small queries and fills the rest in the background.
        """
        db, now, profile, age = self._s.db, self._now_ts(), self._s.profile_id, self.age_limit
        rows: list[HomeRow] = []
        filled = 0
        for key, flt, label in self.home_filters(genres=until_filled is None):
            ids = catalog_query.filtered_ids(db, flt, now, profile, limit=length, age_limit=age)
            if key == "continue":  # files, links and torrents played from the CLI or a drop too
                ids = self._with_adhoc(ids, length)
            rows.append(HomeRow(key, flt, ids, label))
            filled += bool(ids)
            if until_filled is not None and filled >= until_filled:
                break
            if key == "watchlist":  # what the profile might like comes after its own lists
                found = self.discovery_rows(length)
                rows.extend(found)
                filled += sum(bool(r.ids) for r in found)
                if until_filled is not None and filled >= until_filled:
                    break
        return rows

    def discovery_rows(self, length: int = HOME_ROW_LENGTH) -> list[HomeRow]:
        """Home's rows from outside the guide, as last fetched (services.discover keeps them fresh):
        Recommended for you, Because you watched X, Popular, Trending, New, Anime this season."""
        db, profile, age = self._s.db, self._s.profile_id, self.age_limit
        if not catalog_reads.has_discovery_rows(db, profile):
            return []  # never fetched: discovery_repo stays unloaded on the way to the first paint
        from app.storage import discovery_repo

        stored = discovery_repo.rows(db, profile)
        if not stored:
            return []
        keys = [k for k in stored if k.startswith(f"recommended:{profile}")]
        keys += sorted(k for k in stored if k.startswith(f"because:{profile}:"))
        keys += [k for k in DISCOVERY_ORDER if k in stored]
        wanted = [i["id"] for k in keys for i in stored[k].items]
        ages = discovery_repo.ages(db, list(dict.fromkeys(wanted)))
        seeds = [k.split(":", 2)[2] for k in keys if k.startswith("because:")]
        names = {tid: title for tid, (title, _runtime) in titles_lookup.labels(db, seeds).items()}

        def allowed(tid: str) -> bool:
            if tid not in ages:
                return False  # never stored (its provider failed half-way)
            rating = ages[tid]
            return age is None or (rating is not None and rating <= age)

        rows = []
        for key in keys:
            ids = [i["id"] for i in stored[key].items if allowed(i["id"])][:length]
            if key.startswith("because:"):
                seed = key.split(":", 2)[2]
                if seed in names:
                    rows.append(HomeRow(f"because:{seed}", CatalogFilter(), ids, names[seed], see_all=False))
            else:
                rows.append(HomeRow(key.split(":", 1)[0], CatalogFilter(), ids, see_all=False))
        return rows

    # -- the title page --------------------------------------------------------------------------
    def extras(self, title_id: str) -> TitleExtras:
        db, profile = self._s.db, self._s.profile_id
        film_key, candidates = catalog_query.match_candidates(db, title_id)
        from app.services.library.catalog_records import TitleExtras

        return TitleExtras(
            in_watchlist=watchlist_repo.in_watchlist(db, profile, title_id),
            watched=watchlist_repo.is_watched(db, profile, title_id),
            film_key=film_key,
            candidates=[c for c in candidates if c.get("id") != title_id],
            catchup=catalog_query.catchup_airings(db, title_id, self._now_ts()),
        )

    def set_in_watchlist(self, title_id: str, on: bool) -> None:
        watchlist_repo.set_in_watchlist(self._s.db, self._s.profile_id, title_id, on, self._s.clock.now())
        self._s.bus.publish(LibraryDidChange("watchlist"))

    def set_watched(self, title_id: str, watched: bool) -> None:
        watchlist_repo.set_watched(self._s.db, self._s.profile_id, title_id, watched, self._s.clock.now())
        self._s.bus.publish(ProgressDidChange(title_id, 0, None))
