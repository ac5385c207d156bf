"""Sources of one episode: Stremio stream ids, Torznab tvsearch terms, a season pack's file."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from app.domain.errors import EpisodeNotInTorrent
from app.domain.series import parse_episode_key

if TYPE_CHECKING:
    from app.engines.torrent.adding import TorrentFile

VIDEO_EXTS = (".mkv", ".mp4", ".avi", ".m4v", ".ts", ".webm", ".mov")


def stremio_episode_id(
    season: int,
    number: int,
    *,
    imdb_id: str | None = None,
    kitsu_id: str | None = None,
    absolute: int | None = None,
) -> str | None:
    """The id a Stremio addon routes for an episode: ``tt…:S:E``, or ``kitsu:ID:E`` for anime."""
    if imdb_id and re.fullmatch(r"tt\d{5,10}", imdb_id):
        return f"{imdb_id}:{season}:{number}"
    if kitsu_id and kitsu_id.isdigit():
        # Kitsu numbers an anime's episodes through its own entry (one entry per season).
        return f"kitsu:{kitsu_id}:{absolute if absolute is not None else number}"
    return None


def addon_serves(manifest: dict[str, Any], stream_id: str) -> bool:
    """Whether an addon's manifest routes ``stream`` for series ids like this one (idPrefixes)."""
    resources = manifest.get("resources") or []
    types = set(manifest.get("types") or [])
    prefixes = manifest.get("idPrefixes")
    for res in resources:
        if isinstance(res, dict) and res.get("name") == "stream":
            types = set(res.get("types") or types)
            prefixes = res.get("idPrefixes", prefixes)
            break
        if res == "stream":
            break
    else:
        return False
    if "series" not in types and "anime" not in types:
        return False
    if not prefixes:
        return True
    return any(stream_id.startswith(p) for p in prefixes)


def torznab_tv_params(
    query: str, season: int, number: int, *, tv_search: bool, caps_params: Sequence[str] | None
) -> dict[str, str]:
    """``t=tvsearch`` with season and ep where the indexer's caps allow them, else a plain search."""
    supported = {p.strip().lower() for p in (caps_params or [])}
    if not tv_search:
        return {"t": "search", "q": f"{query} S{season:02d}E{number:02d}"}
    if not supported:
        supported = {"q", "season", "ep"}  # caps that name no params: Newznab's standard set
    params = {"t": "tvsearch", "q": query}
    if "season" in supported:
        params["season"] = str(season)
    if "ep" in supported:
        params["ep"] = str(number)
    elif "season" in supported:
        return params  # a season search: packs and single episodes alike, chosen later
    else:
        params["q"] = f"{query} S{season:02d}E{number:02d}"
    return params


@dataclass(frozen=True, slots=True)
class PackFile:
    index: int
    path: str
    size: int


@lru_cache(maxsize=4096)  # guessit takes ~10-20 ms a name; a pack's names are read twice
def _parsed(path: str) -> tuple[int | None, list[int]]:
    from guessit import guessit  # heavy: loaded when a pack is opened

    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    info = guessit(name, {"type": "episode"})
    season = info.get("season")
    if isinstance(season, list):
        season = season[0] if season else None
    episode = info.get("episode")
    if episode is None:
        episode = info.get("absolute_episode")
    episodes = episode if isinstance(episode, list) else ([episode] if episode is not None else [])
    if season is None:
        # folders such as "Season 2/" carry the season when the file name does not
        folder = re.search(r"(?i)(?:season|сезон)\s*(\d{1,2})|\bS(\d{1,2})\b", path)
        if folder:
            season = int(folder.group(1) or folder.group(2))
    return (int(season) if season is not None else None), [int(e) for e in episodes]


def pick_pack_file(
    files: Sequence[PackFile], season: int, number: int, *, absolute: int | None = None
) -> PackFile | None:
    """The video file of S``season`` E``number`` in a pack, by its parsed name; None if absent."""
    videos = [f for f in files if f.path.lower().endswith(VIDEO_EXTS) and "sample" not in f.path.lower()]
    exact: list[PackFile] = []
    loose: list[PackFile] = []
    for f in videos:
        s, eps = _parsed(f.path)
        if s == season and number in eps:
            exact.append(f)
        elif s is None and (number in eps or (absolute is not None and absolute in eps)):
            loose.append(f)  # anime packs number episodes without a season
    chosen = exact or loose
    return max(chosen, key=lambda f: f.size) if chosen else None


_SXE = re.compile(r"(?i)(?<![a-z0-9])S(\d{1,2})[ ._-]?E(\d{1,3})(?![a-z0-9])")


def _sxe(path: str) -> tuple[int, int] | None:
    """(season, episode) of a file named ``…S02E05…`` (one episode only; S02E05E06 is not)."""
    found = _SXE.search(path.replace("\\", "/").rsplit("/", 1)[-1])
    return (int(found.group(1)), int(found.group(2))) if found else None


def _is_episode_video(f: PackFile) -> bool:
    return f.path.lower().endswith(VIDEO_EXTS) and "sample" not in f.path.lower() and f.size != 0


def pack_file_index(files: Sequence[PackFile], season: int, number: int, name: str = "") -> int | None:
    """Which file of a torrent plays S``season`` E``number``: None when the torrent holds one video
    (or videos that name no episode: a film and its extras), the episode's file in a pack.

    Raises NotFound when the pack numbers episodes but not this one, or its one video is named for
    another episode (the next source is tried).
    """
    videos = [f for f in files if _is_episode_video(f)]
    if len(videos) <= 1:
        named = _sxe(videos[0].path) if videos else None
        if named is not None and named != (season, number):  # an indexer's near miss: S02E08 for E09
            raise EpisodeNotInTorrent(
                f"{name or 'the torrent'} holds S{named[0]} E{named[1]}, not S{season} E{number}",
                f"S{season} E{number}",
            )
        return None
    # most packs name files S02E05: read by a pattern, guessit (~10 ms a name) is left for the rest
    quick = [f for f in videos if _sxe(f.path) == (season, number)]
    if quick:
        return max(quick, key=lambda f: f.size).index
    chosen = pick_pack_file(videos, season, number)
    if chosen is not None:
        return chosen.index
    if not any(_parsed(f.path)[1] for f in videos):
        return None
    raise EpisodeNotInTorrent(
        f"{name or 'the torrent'} has no file of S{season} E{number} ({len(videos)} videos)",
        f"S{season} E{number}",
    )


def episode_file_chooser(item_key: str) -> Callable[[Sequence[TorrentFile], str], int | None] | None:
    """For an episode's request (``ep:<series>:<s>:<n>``), what picks its file once a torrent's
    file list is known (``pack_file_index``); None for anything else (a film: the largest video)."""
    parsed = parse_episode_key(item_key)
    if parsed is None:
        return None
    _, season, number = parsed

    def choose(files: Sequence[TorrentFile], name: str) -> int | None:
        listed = [PackFile(f.index, f.path, f.size) for f in files if not f.is_pad]
        return pack_file_index(listed, season, number, name)

    return choose


def same_release(streams: Sequence[dict[str, Any]], binge_group: str | None) -> dict[str, Any] | None:
    """The stream of the next episode from the release played before (behaviorHints.bingeGroup)."""
    if not binge_group:
        return None
    for stream in streams:
        hints = stream.get("behaviorHints") or {}
        if isinstance(hints, dict) and hints.get("bingeGroup") == binge_group:
            return stream
    return None
