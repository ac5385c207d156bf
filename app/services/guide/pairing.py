"""Playlist <-> guide pairing and channel mapping: tvg-id, then names without noise, then fuzzy.

A playlist and a guide added separately are paired by hand (Settings, ``epg add --guide-for``)
or automatically when enough of the playlist's channels find a guide channel by tvg-id or by
name. Each playlist channel is then linked to one guide channel; a person's choice in the
mapping editor is kept over every later refresh. Runs in workers (a refresh calls it after it
stored a playlist or a guide).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from app.domain.errors import NotFound
from app.domain.tv import ChannelName
from app.services.context import AppContext
from app.services.guide.channel_names import channel_key, id_key
from app.storage import channel_links_repo as repo
from app.storage import guide_repo
from app.storage.channel_links_repo import Link
from app.storage.db import Database
from app.storage.tv_repo import base_guide_id

log = logging.getLogger(__name__)

FUZZY_CUTOFF = 88.0
# Automatic pairing: at least this share of the smaller side (the playlist's channels or the
# guide's) must meet by tvg-id or name; fuzzy matches alone never pair a guide.
AUTO_SHARE = 0.2
PLAYLIST_KINDS = ("m3u",)
GUIDE_KINDS = ("xmltv", "provider_json")


def _names(channel: ChannelName) -> list[str]:
    names = [channel.name]
    try:
        extra = json.loads(channel.display_names or "[]")
    except ValueError:
        extra = []
    if isinstance(extra, list):
        names += [str(n) for n in extra if n]
    return list(dict.fromkeys(n for n in names if n))


@dataclass(frozen=True, slots=True)
class Mapping:
    """What the mapping found for one playlist: links, and how many by each method."""

    links: list[Link]
    by_method: dict[str, int]

    @property
    def strong(self) -> int:
        return self.by_method.get("tvg-id", 0) + self.by_method.get("name", 0)


def map_channels(
    playlist: Sequence[ChannelName],
    guide: Sequence[ChannelName],
    cutoff: float = FUZZY_CUTOFF,
    *,
    fuzzy: bool = True,
) -> Mapping:
    """Link each playlist channel to a guide channel: tvg-id, then name key, then fuzzy."""
    by_id: dict[str, ChannelName] = {}
    by_key: dict[str, ChannelName] = {}
    for g in guide:
        by_id.setdefault(id_key(g.guide_id), g)
        for n in _names(g):
            key = channel_key(n)
            if key:
                by_key.setdefault(key, g)
    choices = list(by_key)
    links: list[Link] = []
    counts: dict[str, int] = {}
    for p in playlist:
        found: ChannelName | None = by_id.get(id_key(p.guide_id))
        method, score = "tvg-id", 100.0
        keys = [k for k in (channel_key(n) for n in _names(p)) if k]
        if found is None:
            method = "name"
            found = next((by_key[k] for k in keys if k in by_key), None)
        if found is None and choices and fuzzy:
            method = "fuzzy"
            for k in keys:
                hit = process.extractOne(k, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
                if hit is not None:
                    found, score = by_key[hit[0]], float(hit[1])
                    break
        if found is None:
            continue
        counts[method] = counts.get(method, 0) + 1
        links.append(Link(p.id, found.id, method, round(score, 1)))
    return Mapping(links, counts)


def _now(ctx: AppContext) -> int:
    return int(ctx.clock.now().timestamp())


def _kind(ctx: AppContext, source_id: int) -> str:
    src = guide_repo.get_source(ctx.db, source_id)
    if src is None:
        raise NotFound(f"guide source {source_id} does not exist")
    return src.kind


def _primaries(db: Database, playlist_id: int, own: set[str]) -> list[ChannelName]:
    """A playlist's channels to map: not its backup URLs (they follow their first entry), not
    those with a guide of their own (the playlist's url-tvg)."""
    return [
        c
        for c in repo.channels_of(db, playlist_id, with_stream=True)
        if c.id not in own and base_guide_id(c.guide_id) == c.guide_id
    ]


def relink(ctx: AppContext, playlist_id: int) -> Mapping:
    """Map the playlist's channels onto every guide paired with it (manual links stay)."""
    db = ctx.db
    guides = [p.guide_id for p in repo.pairs(db, playlist_id) if p.origin != "off"]
    if not guides:
        # nothing to map onto: a 200,000-channel playlist is not read back for nothing
        repo.replace_automatic(db, playlist_id, [], _now(ctx))
        return Mapping([], {})
    own = repo.channels_with_programmes(db, playlist_id)
    # channels with a guide of their own (the playlist's url-tvg) need no other
    playlist = _primaries(db, playlist_id, own)
    guide_channels = [c for g in guides for c in repo.channels_of(db, g)]
    found = map_channels(playlist, guide_channels) if guide_channels else Mapping([], {})
    repo.replace_automatic(db, playlist_id, found.links, _now(ctx))
    log.info(
        "playlist %s: %d of %d channels linked to %d guide(s) %s",
        playlist_id, len(found.links), len(playlist), len(guides), found.by_method,
    )  # fmt: skip
    return found


def pairs_by_playlist(ctx: AppContext) -> dict[int, list[repo.Pair]]:
    """Every pair (also the unlinked ones, origin 'off'), by playlist."""
    out: dict[int, list[repo.Pair]] = {}
    for pair in repo.pairs(ctx.db):
        out.setdefault(pair.playlist_id, []).append(pair)
    return out


def link_guide(ctx: AppContext, playlist_id: int, guide_id: int) -> Mapping:
    """A person pairs a guide with a playlist (Settings, ``epg add --guide-for``)."""
    if _kind(ctx, playlist_id) not in PLAYLIST_KINDS:
        raise ValueError(f"source {playlist_id} is not a playlist")
    if _kind(ctx, guide_id) not in GUIDE_KINDS:
        raise ValueError(f"source {guide_id} is not a guide (XMLTV or programme JSON)")
    repo.set_pair(ctx.db, playlist_id, guide_id, "manual", _now(ctx))
    return relink(ctx, playlist_id)


def unlink_guide(ctx: AppContext, playlist_id: int, guide_id: int) -> Mapping:
    """Unpair; automatic pairing will not link these two again."""
    repo.set_pair(ctx.db, playlist_id, guide_id, "off", _now(ctx))
    return relink(ctx, playlist_id)


def auto_pair(ctx: AppContext, playlist_id: int, guide_id: int) -> bool:
    """Pair the two when enough channels meet by tvg-id or name; True when they are paired."""
    db = ctx.db
    existing = {p.guide_id: p.origin for p in repo.pairs(db, playlist_id)}
    if guide_id in existing:
        return existing[guide_id] != "off"
    playlist = _primaries(db, playlist_id, repo.channels_with_programmes(db, playlist_id))
    if not playlist:
        return False
    guide = repo.channels_of(db, guide_id)
    found = map_channels(playlist, guide, fuzzy=False)
    if not guide or found.strong < max(1.0, AUTO_SHARE * min(len(playlist), len(guide))):
        return False
    repo.set_pair(db, playlist_id, guide_id, "auto", _now(ctx))
    log.info("paired guide %s with playlist %s automatically (%s)", guide_id, playlist_id, found.by_method)
    return True


def after_refresh(ctx: AppContext, source_id: int) -> None:
    """A source was stored again: pair it automatically where it fits and map the channels."""
    kind = _kind(ctx, source_id)
    sources = guide_repo.list_sources(ctx.db)
    if kind in PLAYLIST_KINDS:
        for guide in (s for s in sources if s.kind in GUIDE_KINDS):
            auto_pair(ctx, source_id, guide.id)
        relink(ctx, source_id)
    elif kind in GUIDE_KINDS:
        for playlist in (s for s in sources if s.kind in PLAYLIST_KINDS):
            if auto_pair(ctx, playlist.id, source_id):
                relink(ctx, playlist.id)


@dataclass(frozen=True, slots=True)
class MappingRow:
    """One playlist channel in the mapping editor."""

    channel_id: str
    name: str
    guide_channel_id: str | None
    guide_channel_name: str | None
    method: str  # tvg-id, name, fuzzy, manual, none, own (its playlist's guide), unmatched


def mapping_rows(ctx: AppContext, playlist_id: int) -> tuple[list[MappingRow], list[ChannelName]]:
    """The playlist's channels with their links, and the guide channels one may choose from."""
    db = ctx.db
    guides = [p.guide_id for p in repo.pairs(db, playlist_id) if p.origin != "off"]
    choices = [c for g in guides for c in repo.channels_of(db, g)]
    names = {c.id: c.name for c in choices}
    own = repo.channels_with_programmes(db, playlist_id)
    links = repo.links(db, playlist_id)
    rows = []
    for c in repo.channels_of(db, playlist_id, with_stream=True):
        if base_guide_id(c.guide_id) != c.guide_id:
            continue  # a backup URL: it follows its first entry
        link = links.get(c.id)
        if link is not None:
            gid = link.guide_channel_id
            rows.append(MappingRow(c.id, c.name, gid, names.get(gid or "", gid), link.method))
        elif c.id in own:
            rows.append(MappingRow(c.id, c.name, c.id, c.name, "own"))
        else:
            rows.append(MappingRow(c.id, c.name, None, None, "unmatched"))
    return rows, choices


def set_mapping(ctx: AppContext, playlist_channel_id: str, guide_channel_id: str | None) -> None:
    """The mapping editor: this guide channel (None: no guide) for that playlist channel."""
    playlist_id = int(playlist_channel_id.split(":", 1)[0])
    repo.set_manual(ctx.db, playlist_id, playlist_channel_id, guide_channel_id, _now(ctx))


def forget_mapping(ctx: AppContext, playlist_channel_id: str) -> None:
    """Back to automatic matching for one channel (recomputed at once)."""
    repo.clear_manual(ctx.db, playlist_channel_id)
    relink(ctx, int(playlist_channel_id.split(":", 1)[0]))
