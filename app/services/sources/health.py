"""Source health: availability checks and every playback's outcome, fed back into the ranking.

A check fetches the start of an HTTP source or its HLS playlist (reachable, and how fast), and
reads a torrent's seeders as the indexer last reported them; a magnet nobody reported seeders for
is probed for its metadata and peers when asked (``torrent_probe``). A playback's outcome (first frame
or not, stalls, the error) is stored per source and per provider; the source's availability is
its recent success rate, and the title's sources are ranked again with it.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from app.core.tasks import run_blocking
from app.domain.errors import CinemaError
from app.domain.models import SourceKind
from app.engines.torrent.probe import ProbeResult, probe_listen, probe_magnets
from app.providers.streams.linkcheck import check_http
from app.services.context import AppContext
from app.services.sources.admin import client_for
from app.services.sources.events import SourcesDidChange
from app.services.sources.search import SourceSearch
from app.storage import sources_repo

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HealthResult:
    source_id: int
    health: str  # ok, slow, dead, no_peers, unknown
    availability: float
    kbps: float | None = None
    error: str | None = None


def rerank_stored(context: AppContext, title_id: str) -> None:
    """Rank a title's stored sources again (after health changed) and store the scores (blocking)."""
    ranked = SourceSearch(context).stored_ranked(title_id)
    import json

    sources_repo.set_scores(
        context.db,
        [
            (r.source_id, r.score, json.dumps([c.to_json() for c in r.components], ensure_ascii=False))
            for r in ranked
            if r.source_id is not None
        ],
    )


async def check_title(context: AppContext, title_id: str, probe_s: float | None = None) -> list[HealthResult]:
    """Check every stored source of ``title_id`` and rank them again; with ``probe_s`` a magnet
    without reported seeders is probed (metadata and peers) for at most that long."""
    rows = await run_blocking(sources_repo.title_sources, context.db, title_id)
    out: list[HealthResult] = []
    client = client_for(context)
    probed = {}
    unknown = [
        r
        for r in rows
        if r.kind == SourceKind.TORRENT.value and r.seeders is None and r.url.startswith("magnet:")
    ]
    if probe_s and unknown:
        probed = await run_blocking(_probe, context, [r.url for r in unknown], probe_s)
    for row in rows:
        kind = row.kind
        if kind == SourceKind.TORRENT.value:
            seeders = row.seeders
            if row.url in probed:
                found = probed[row.url]
                health, availability = probe_health(found)
                result = HealthResult(row.id, health, availability, error=found.error)
            elif seeders is None:
                result = HealthResult(
                    row.id, "unknown", row.availability if row.availability is not None else 0.5
                )
            elif seeders == 0:
                result = HealthResult(row.id, "no_peers", 0.05)
            else:
                result = HealthResult(row.id, "ok", 0.9 if seeders >= 5 else 0.6)
        elif kind in (SourceKind.DIRECT.value, SourceKind.HLS.value) and row.url.startswith(
            ("http://", "https://")
        ):
            if row.release.get("_resolve"):  # a page the provider resolves at play time
                continue
            started = time.perf_counter()
            try:
                checked = await check_http(client, row.url)
            except CinemaError as exc:
                result = HealthResult(row.id, "dead", 0.05, error=str(exc))
            else:
                elapsed = max(1e-3, time.perf_counter() - started)
                # a sample under 16 KB measures the round trip, not the throughput
                kbps = checked.sampled * 8 / 1000 / elapsed if checked.sampled >= 16 * 1024 else None
                result = HealthResult(row.id, "ok", 1.0, kbps=kbps)
        else:
            continue
        previous = row.availability
        availability = result.availability if previous is None else 0.5 * previous + 0.5 * result.availability
        await run_blocking(
            sources_repo.set_health,
            context.db,
            row.id,
            result.health,
            availability,
            int(context.clock.now().timestamp()),
            result.kbps,
        )
        out.append(result)
    await run_blocking(rerank_stored, context, title_id)
    context.bus.publish(SourcesDidChange(title_id))
    return out


def probe_health(result: ProbeResult) -> tuple[str, float]:
    """(health, availability) from a probe: the metadata came and seeds are there, or not."""
    if result.error is not None:
        return "dead", 0.05
    if result.metadata and result.seeds >= 5:
        return "ok", 0.9
    if result.metadata and (result.seeds or result.peers):
        return "ok", 0.6
    if result.metadata:
        return "no_peers", 0.2  # alive a moment ago, nobody with the whole file now
    return ("no_peers", 0.05) if not result.peers else ("slow", 0.3)


def _probe(context: AppContext, magnets: list[str], timeout_s: float) -> dict[str, ProbeResult]:
    s = context.settings
    results = probe_magnets(
        magnets,
        timeout_s,
        listen_interfaces=probe_listen(s.torrent_listen_interfaces),
        dht=s.torrent_dht,
        lsd=s.torrent_lsd,
    )
    for r in results:
        log.info("probed %s: metadata %s, %d seeds, %d peers", r.magnet[:60], r.metadata, r.seeds, r.peers)
    return {r.magnet: r for r in results}


def record_playback(
    context: AppContext,
    *,
    title_id: str | None,
    url: str,
    provider_id: str | None,
    ok: bool,
    first_frame_ms: int | None = None,
    stalls: int = 0,
    error: str | None = None,
) -> tuple[float, str] | None:
    """Store one playback's outcome and, when it moved the source's availability or health, rank
    the title's sources again (blocking). The source's new (availability, health), or None."""
    now = int(context.clock.now().timestamp())
    written = sources_repo.record_outcome(
        context.db, title_id, url, provider_id, ok, first_frame_ms, stalls, error, now
    )
    if written is None:
        return None
    if title_id:
        if written.changed:  # a source that played well again ranks as it did: no work
            rerank_stored(context, title_id)
        context.bus.publish(SourcesDidChange(title_id))  # its counts changed either way
    return written.availability, written.health
