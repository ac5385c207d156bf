"""Searching every stream provider for a title: in parallel, each within its timeout, results
ranked and shown as they arrive, merged by info-hash or URL, stored, and cached for a while.

The service never names a provider: it asks the registry for the stream-search providers of
the title (``Capability.STREAM_SEARCH``) and skips the ones the user disabled.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import cast

from app.core.tasks import run_blocking
from app.domain.errors import CinemaError
from app.domain.release import RankedStream, Release
from app.domain.streams import StreamCandidate, StreamQuery
from app.providers.base import Capability, StreamSearch
from app.services.context import AppContext
from app.services.sources import stored
from app.services.sources.events import ProviderDidChange, SourcesDidChange
from app.services.sources.preferences import preferences
from app.services.sources.private_headers import headers_secret
from app.services.sources.ranking import Entry, Preferences, rank_entries, static_points
from app.services.sources.release import full_release, quick_release
from app.storage import sources_repo

log = logging.getLogger(__name__)

SEARCHING = "searching"
OK = "ok"


@dataclass
class SearchUpdate:
    """Where a search stands: ``ranked`` best first; ``providers`` id → searching | ok | error."""

    title_id: str
    ranked: list[RankedStream]
    providers: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # provider id → its name
    finished: bool = False
    from_cache: bool = False

    @property
    def total(self) -> int:
        return len(self.providers)

    @property
    def done(self) -> int:
        return sum(1 for s in self.providers.values() if s != SEARCHING)


def merge_key(cand: StreamCandidate) -> str:
    if cand.info_hash:
        return f"btih:{cand.info_hash}"
    if cand.start is not None:  # a TV way: the same channel's URL at another airing is another way
        return f"{cand.url}@{int(cand.start.timestamp())}"
    return cand.url


@dataclass
class _Known:
    """What is stored already: health by URL, provider success rates, ids of stored rows."""

    by_url: dict[str, sources_repo.SourceRow]
    rates: dict[str, float | None]
    disabled: set[str]
    rows: list[sources_repo.SourceRow]


class SourceSearch:
    """Searches for one app. ``timeout_s`` bounds every provider (default: the setting)."""

    def __init__(
        self,
        context: AppContext,
        *,
        timeout_s: float | None = None,
        prefs: Callable[[], Preferences] | None = None,
    ) -> None:
        self._c = context
        self.timeout_s = context.settings.sources_timeout_s if timeout_s is None else timeout_s
        self._prefs = prefs or (lambda: preferences(context.profile_settings))  # the profile's own (issue 15)
        # each release's quality, subtitle and audio points, worked out once (ranking again only
        # adds speed and availability): id(release) -> (release, size, points)
        self._statics: dict[int, tuple[Release, int | None, tuple[float, float, float]]] = {}

    # -- what is known ------------------------------------------------------------------------
    def _known(self, title_id: str) -> _Known:
        rows = sources_repo.title_sources(self._c.db, title_id)
        prov = sources_repo.providers(self._c.db)
        return _Known(
            by_url={r.url: r for r in rows},
            rates={p.id: p.success_rate for p in prov},
            disabled={p.id for p in prov if not p.enabled},
            rows=rows,
        )

    def providers_for(self, query: StreamQuery, disabled: set[str]) -> list[StreamSearch]:
        found = self._c.providers.providers_for(Capability.STREAM_SEARCH, query.title_id)
        return [
            cast(StreamSearch, p)
            for p in found
            if p.manifest.id not in disabled and p.manifest.supports(Capability.STREAM_SEARCH, query.kind)
        ]

    def _rank(
        self, items: dict[str, tuple[StreamCandidate, Release, list[str]]], known: _Known
    ) -> list[RankedStream]:
        prefs = self._prefs()
        entries = []
        for cand, rel, merged in items.values():
            row = known.by_url.get(cand.url)
            cached = self._statics.get(id(rel))
            if cached is None or cached[0] is not rel or cached[1] != cand.size_bytes:
                cached = (rel, cand.size_bytes, static_points(rel, prefs, cand.size_bytes))
                self._statics[id(rel)] = cached
            entries.append(
                Entry(
                    cand,
                    rel,
                    known_availability=row.availability if row is not None else None,
                    provider_rate=known.rates.get(cand.provider_id),
                    throughput_kbps=row.release.get("_kbps") if row is not None else None,
                    health=row.health if row is not None else "unknown",
                    source_id=row.id if row is not None else None,
                    merged_from=tuple(merged),
                    static=cached[2],
                )
            )
        return rank_entries(entries, prefs)

    def stored_ranked(self, title_id: str) -> list[RankedStream]:
        """The stored sources of ``title_id`` ranked again (blocking: reads the database)."""
        known = self._known(title_id)
        items: dict[str, tuple[StreamCandidate, Release, list[str]]] = {}
        for row in known.rows:
            cand = stored.candidate_of(row)
            if cand is not None:
                items.setdefault(merge_key(cand), (cand, stored.release_of(row), []))
        return self._rank(items, known)

    # -- searching ----------------------------------------------------------------------------
    async def search(
        self,
        query: StreamQuery,
        on_update: Callable[[SearchUpdate], None] | None = None,
        *,
        refresh: bool = False,
        store: bool = True,
    ) -> SearchUpdate:
        """Ask every provider; ``on_update`` gets each step (on the loop). Cancel to stop: every
        provider's request is cancelled with it."""
        known = await run_blocking(self._known, query.title_id)
        cache = None if refresh else await run_blocking(sources_repo.last_search, self._c.db, query.title_id)
        fresh_s = self._c.settings.sources_cache_hours * 3600
        now = int(self._c.clock.now().timestamp())
        cached_ok: set[str] = set()
        if cache is not None and now - cache[0] < fresh_s:
            cached_ok = {pid for pid, state in cache[2].items() if state == OK}
        chosen = self.providers_for(query, known.disabled)
        asked = [p for p in chosen if p.manifest.id not in cached_ok]
        update = SearchUpdate(
            query.title_id,
            [],
            {p.manifest.id: (OK if p.manifest.id in cached_ok else SEARCHING) for p in chosen},
            {p.manifest.id: p.manifest.name for p in chosen},
            from_cache=bool(cached_ok),
        )
        items: dict[str, tuple[StreamCandidate, Release, list[str]]] = {}
        for row in known.rows:  # what earlier searches stored, and the user's own links
            if row.provider in cached_ok or row.origin == "user":
                cand = stored.candidate_of(row)
                if cand is not None:
                    items.setdefault(merge_key(cand), (cand, stored.release_of(row), []))
        if items:
            update.ranked = self._rank(items, known)
            self._emit(on_update, update)
        tasks = {asyncio.ensure_future(self._ask(p, query)): p for p in asked}
        answered: list[str] = []
        try:
            for next_done in asyncio.as_completed(list(tasks)):
                provider_id, found, error, latency_ms = await next_done
                update.providers[provider_id] = OK if error is None else error
                await run_blocking(self._record, provider_id, error, latency_ms)
                if error is None:
                    answered.append(provider_id)
                    releases = await run_blocking(_quick_all, found)
                    self._merge(items, releases)
                update.ranked = self._rank(items, known)
                update.finished = update.done == update.total
                self._emit(on_update, update)
        finally:
            for task in tasks:
                task.cancel()
        update.finished = True
        # guessit completes the releases (slow: in a worker), then the final ranking is stored
        refined = await run_blocking(_refine_all, items)
        update.ranked = self._rank(refined, known)
        self._emit(on_update, update)
        if store:
            await run_blocking(self._store, query.title_id, update, answered, cached_ok, now)
        return update

    async def _ask(
        self, provider: StreamSearch, query: StreamQuery
    ) -> tuple[str, list[StreamCandidate], str | None, int | None]:
        pid = provider.manifest.id
        started = time.perf_counter()
        try:
            found = await asyncio.wait_for(provider.streams(query), self.timeout_s)
        except TimeoutError:
            return pid, [], f"{provider.manifest.name}: no answer within {self.timeout_s:g} s", None
        except CinemaError as exc:
            return pid, [], str(exc) or type(exc).__name__, None
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # a provider's bug must not stop the others
            log.warning("stream provider %s failed", pid, exc_info=True)
            return pid, [], f"{provider.manifest.name}: {type(exc).__name__}", None
        latency = int((time.perf_counter() - started) * 1000)
        return pid, [replace(c, provider_id=c.provider_id or pid) for c in found], None, latency

    @staticmethod
    def _merge(
        items: dict[str, tuple[StreamCandidate, Release, list[str]]],
        found: Sequence[tuple[StreamCandidate, Release]],
    ) -> None:
        """Duplicates (same info-hash or URL) become one: the better-described candidate stays,
        the other providers are remembered; seeders are the highest any provider saw."""
        for cand, rel in found:
            key = merge_key(cand)
            have = items.get(key)
            if have is None:
                items[key] = (cand, rel, [])
                continue
            old, old_rel, merged = have
            best, best_rel = (cand, rel) if (cand.seeders or -1) > (old.seeders or -1) else (old, old_rel)
            other = old if best is cand else cand
            seeders = max((s for s in (cand.seeders, old.seeders) if s is not None), default=None)
            if other.provider_id != best.provider_id and other.provider_id not in merged:
                merged = [*merged, other.provider_id]
            items[key] = (
                replace(best, seeders=seeders, size_bytes=best.size_bytes or other.size_bytes),
                best_rel,
                merged,
            )

    def _record(self, provider_id: str, error: str | None, latency_ms: int | None) -> None:
        now = int(self._c.clock.now().timestamp())
        change = sources_repo.record_search(self._c.db, provider_id, error is None, latency_ms, error, now)
        if error is not None:
            log.info("stream search: %s", error)
        if change:
            self._c.bus.publish(ProviderDidChange(provider_id, change, error))

    def _store(
        self, title_id: str, update: SearchUpdate, answered: list[str], cached_ok: set[str], now: int
    ) -> None:
        rows = [
            stored.row_of(item)
            for item in update.ranked
            if stored.storable(item) and item.candidate.provider_id in answered
        ]
        self._keep_private_headers(
            [i.candidate for i in update.ranked if stored.storable(i) and i.candidate.provider_id in answered]
        )
        outcome = {pid: state for pid, state in update.providers.items()}
        for pid in cached_ok:
            outcome[pid] = OK
        # only providers whose ways can be stored are remembered as answered (live TV is asked anew)
        storing = {r["provider"] for r in rows} | cached_ok
        outcome = {pid: state for pid, state in outcome.items() if state != OK or pid in storing}
        try:
            sources_repo.save_found(self._c.db, title_id, rows, now, answered)
            sources_repo.save_search(self._c.db, title_id, len(update.ranked), outcome, now)
        except CinemaError:
            raise
        except Exception:  # the titles row may be gone (a rematch moved it): the search still stands
            log.warning("storing the sources of %s failed", title_id, exc_info=True)
            return
        self._c.bus.publish(SourcesDidChange(title_id))

    @staticmethod
    def _keep_private_headers(candidates: list[StreamCandidate]) -> None:
        """An addon's credentials for a stream go to the keyring, not the database (blocking)."""
        for cand in candidates:
            private = stored.private_headers(cand)
            if not private:
                continue
            from app.core.secrets import set_secret

            try:
                set_secret(headers_secret(cand.url), json.dumps(private))
            except Exception as exc:  # no keyring backend: the stream plays from this search only
                log.warning("%s: its stream's credentials not kept (keyring: %s)", cand.provider_id, exc)
                return

    @staticmethod
    def _emit(on_update: Callable[[SearchUpdate], None] | None, update: SearchUpdate) -> None:
        if on_update is None:
            return
        try:
            on_update(replace(update, ranked=list(update.ranked), providers=dict(update.providers)))
        except Exception:
            log.exception("showing search results failed")


def _quick_all(found: Sequence[StreamCandidate]) -> list[tuple[StreamCandidate, Release]]:
    return [(c, quick_release(c)) for c in found]


def _refine_all(
    items: dict[str, tuple[StreamCandidate, Release, list[str]]],
) -> dict[str, tuple[StreamCandidate, Release, list[str]]]:
    out = {}
    for key, (cand, _rel, merged) in items.items():
        out[key] = (cand, full_release(cand), merged)
        time.sleep(0)  # hand the GIL back after each name: guessit is pure Python and the GUI loop waits
    return out


def query_for(
    context: AppContext, title_id: str, season: int | None = None, episode: int | None = None
) -> StreamQuery | None:
    """The stream query for a stored title (blocking), or None when the title is unknown."""
    fields = sources_repo.title_query_fields(context.db, title_id)
    if fields is None:
        return None
    prefs = preferences(context.profile_settings)
    return StreamQuery(**fields, season=season, episode=episode, languages=prefs.audio_languages)
