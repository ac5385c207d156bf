"""What Play opens, worked out once and off the GUI thread: a title's sources in failover order,
or an ad hoc file or URL with its resume point."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.domain.errors import CinemaError
from app.domain.ids import media_key_for
from app.domain.locations import is_torrent_location, location_kind, magnet_hash, magnet_name
from app.domain.models import MediaRequest, TitleDetail
from app.domain.streams import StreamCandidate
from app.services.context import AppContext
from app.services.library.progress import LibraryService
from app.services.sources.resolve import Playable, candidates


@dataclass(frozen=True)
class PlayPlan:
    """The sources to try, best first (the failover order); empty when nothing can be played."""

    playables: tuple[Playable, ...]
    detail: TitleDetail | None = None
    start_ms: int = 0


def plan_title(services: AppContext, detail: TitleDetail, start_ms: int) -> PlayPlan:
    """Every way to play ``detail`` from ``start_ms`` (reads the guide's channels: call it in a worker)."""
    return PlayPlan(tuple(candidates(services, detail, start_ms)), detail, start_ms)


def request_for_location(location: str, start_ms: int = 0) -> MediaRequest:
    """A file path (made absolute), URL, magnet or .torrent as the player's request."""
    is_url = "://" in location or (is_torrent_location(location) and not Path(location).exists())
    resolved = location if is_url else str(Path(location).expanduser().resolve())
    label = location.rsplit("/", 1)[-1] if is_url else Path(resolved).name
    if is_torrent_location(location):
        label = torrent_label(location if is_url else resolved) or label
    return MediaRequest(
        location=resolved, item_key=media_key_for(resolved), label=label or location, start_ms=start_ms
    )


def torrent_label(location: str) -> str | None:
    """A torrent's name for the player and history: a magnet's ``dn=``, a .torrent file's own
    name (read from it: call it in a worker), a bare info-hash or nameless magnet as its hash."""
    name = magnet_name(location)
    if name:
        return name
    if location.lower().startswith("magnet:"):
        return magnet_hash(location)
    if location.lower().endswith(".torrent") and "://" not in location:
        try:
            from app.engines.torrent.adding import parse_source

            info = parse_source(location).params.ti
            return str(info.name()) if info is not None else None
        except CinemaError:
            return None
    return None


def plan_location(library: LibraryService, location: str) -> PlayPlan:
    """``cinema play LOCATION``: the request, from where it was left (reads progress: in a worker)."""
    request = request_for_location(location)
    start = library.resume_point_ms(request.item_key)
    request = MediaRequest(
        location=request.location, item_key=request.item_key, label=request.label, start_ms=start
    )
    playable = Playable(kind=location_kind(request.location), request=request, label=request.label)
    return PlayPlan((playable,), None, start)


def plan_chosen(
    services: AppContext, detail: TitleDetail, start_ms: int, chosen: StreamCandidate
) -> PlayPlan:
    """Play ``chosen`` (a row of the title's ways to watch) first, the title's other ways after it
    (reads the guide: call it in a worker)."""
    playables = candidates(services, detail, start_ms)
    first = [p for p in playables if chosen.url in (p.request.location, p.origin.url if p.origin else None)]
    if not first:
        request = MediaRequest(
            location=chosen.url,
            item_key=detail.id,
            label=detail.title,
            title_id=detail.id,
            headers=dict(chosen.headers),
            start_ms=start_ms,
        )
        first = [
            Playable(kind=chosen.kind, request=request, label=chosen.label or detail.title, origin=chosen)
        ]
    rest = [p for p in playables if p not in first]
    return PlayPlan((first[0], *rest), detail, start_ms)
