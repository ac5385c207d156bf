"""The import pipeline: a parser thread turns a feed into rows, the caller's thread writes them."""

from __future__ import annotations

import json
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from app.providers.guide_feed import ChannelRecord, ProgrammeRecord
from app.services.film_detection import FILM_KINDS, detect, film_key
from app.services.title_normalize import normalize_title
from app.storage.db import Database
from app.storage.guide_repo import PLACEHOLDER_PREFIX, GuideWriter

BATCH = 4000
FUZZY_CUTOFF = 90.0
_DONE = object()


@dataclass
class ImportStats:
    channels: int = 0
    programmes: int = 0
    films: int = 0
    skipped_old: int = 0
    unmatched_channels: list[str] = field(default_factory=list)


def channel_row(source_id: int, rec: ChannelRecord) -> tuple[Any, ...]:
    return (
        f"{source_id}:{rec.guide_id}",
        source_id,
        rec.guide_id,
        rec.name,
        json.dumps(list(rec.display_names), ensure_ascii=False),
        rec.logo,
        rec.group_title,
        rec.number,
        rec.stream_url,
        json.dumps(rec.headers, ensure_ascii=False) if rec.headers else None,
        rec.catchup_mode,
        rec.catchup_source,
        rec.catchup_days,
        rec.tvg_shift,
    )


class PlaylistMapper:
    """Guide channel id -> playlist channel: tvg-id, then names normalised, then fuzzy."""

    def __init__(self, playlist: list[ChannelRecord]) -> None:
        self.playlist = playlist
        self.by_id: dict[str, ChannelRecord] = {}
        self.by_id_ci: dict[str, ChannelRecord] = {}
        self.by_name: dict[str, ChannelRecord] = {}
        for ch in playlist:
            if ch.tvg_id:
                self.by_id.setdefault(ch.tvg_id, ch)
                self.by_id_ci.setdefault(ch.tvg_id.lower(), ch)
            for name in (ch.tvg_name, ch.name):
                if name:
                    self.by_name.setdefault(normalize_title(name.replace("_", " ")), ch)
        self._choices = list(self.by_name)
        self.guide_names: dict[str, tuple[str, ...]] = {}
        self._cache: dict[str, ChannelRecord | None] = {}
        self.used: set[str] = set()

    def note_guide_channel(self, rec: ChannelRecord) -> None:
        self.guide_names.setdefault(rec.guide_id, rec.display_names or (rec.name,))

    def lookup(self, guide_id: str) -> ChannelRecord | None:
        if guide_id in self._cache:
            return self._cache[guide_id]
        found = self.by_id.get(guide_id) or self.by_id_ci.get(guide_id.lower())
        names = [normalize_title(n.replace("_", " ")) for n in self.guide_names.get(guide_id, ())]
        if found is None:
            for n in names:
                if n in self.by_name:
                    found = self.by_name[n]
                    break
        if found is None and self._choices:
            for n in names:
                hit = process.extractOne(
                    n, self._choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
                )
                if hit is not None:
                    found = self.by_name[hit[0]]
                    break
        self._cache[guide_id] = found
        if found is not None:
            self.used.add(found.guide_id)
        return found

    def unmatched(self) -> list[str]:
        return [c.name for c in self.playlist if c.guide_id not in self.used]


class RowBuilder:
    """Classifies airings and shapes programme rows; remembers one placeholder per film."""

    def __init__(self, source_id: int, matched: dict[str, str], prune_before: int) -> None:
        self.source_id = source_id
        self.matched = matched
        self.prune_before = prune_before
        self.placeholders: dict[str, tuple[Any, ...]] = {}
        self.film_keys: set[str] = set()
        self.skipped_old = 0

    def row(self, rec: ProgrammeRecord, channel_id: str, shift: int) -> tuple[Any, ...] | None:
        start = rec.start + shift
        stop = rec.stop + shift if rec.stop is not None else None
        if (stop if stop is not None else start) < self.prune_before:
            self.skipped_old += 1
            return None
        det = detect(
            rec.title,
            rec.categories,
            rec.description,
            flag=rec.kind_flag,
            year=rec.year,
            country=rec.country,
            director=rec.director,
        )
        key = title_id = None
        title = rec.title
        if det.kind in FILM_KINDS:
            key = film_key(det.norm_title, det.year)
            title = det.title
            title_id = self.matched.get(key)
            if title_id is None:
                title_id = PLACEHOLDER_PREFIX + key
                if key not in self.placeholders:
                    self.placeholders[key] = (
                        title_id,
                        det.kind,
                        det.title,
                        det.year,
                        rec.description,
                        rec.icon,
                    )
            self.film_keys.add(key)
        return (
            self.source_id, channel_id, start, stop, title, det.norm_title, rec.subtitle,
            rec.description, "; ".join(rec.categories) or None, det.kind, key, det.year,
            det.country, det.director, rec.episode, rec.icon, rec.catchup_id, title_id,
        )  # fmt: skip


def produce_rows(
    source_id: int,
    records: Iterable[ChannelRecord | ProgrammeRecord],
    builder: RowBuilder,
    mapper: PlaylistMapper | None,
) -> Iterator[tuple[str, list[tuple[Any, ...]]]]:
    """("channels" | "programmes", rows) batches; channels always precede their programmes."""
    channels: set[str] = set()
    pending_ch: list[tuple[Any, ...]] = []
    batch: list[tuple[Any, ...]] = []
    shifts: dict[str, tuple[str, int] | None] = {}
    if mapper is not None:
        for ch in mapper.playlist:
            pending_ch.append(channel_row(source_id, ch))
            channels.add(ch.guide_id)
    for rec in records:
        if isinstance(rec, ChannelRecord):
            if mapper is not None:
                mapper.note_guide_channel(rec)
            elif rec.guide_id not in channels:
                channels.add(rec.guide_id)
                pending_ch.append(channel_row(source_id, rec))
            continue
        if rec.channel in shifts:
            target = shifts[rec.channel]
        else:
            target = _target(source_id, rec.channel, mapper, channels, pending_ch)
            shifts[rec.channel] = target
        if target is None:
            continue
        row = builder.row(rec, target[0], target[1])
        if row is None:
            continue
        batch.append(row)
        if len(batch) >= BATCH:
            if pending_ch:
                yield "channels", pending_ch
                pending_ch = []
            yield "programmes", batch
            batch = []
    if pending_ch:
        yield "channels", pending_ch
    if batch:
        yield "programmes", batch


def _target(
    source_id: int,
    guide_id: str,
    mapper: PlaylistMapper | None,
    channels: set[str],
    pending_ch: list[tuple[Any, ...]],
) -> tuple[str, int] | None:
    if mapper is not None:
        ch = mapper.lookup(guide_id)
        if ch is None:
            return None  # keep only the playlist's channels
        return f"{source_id}:{ch.guide_id}", round((ch.tvg_shift or 0.0) * 3600)
    if guide_id not in channels:
        # Programmes for a channel the guide never declared (seen in real feeds).
        channels.add(guide_id)
        pending_ch.append(channel_row(source_id, ChannelRecord(guide_id, guide_id, (guide_id,))))
    return f"{source_id}:{guide_id}", 0


def run_import(
    db: Database,
    source_id: int,
    batches: Callable[[], Iterator[tuple[str, list[tuple[Any, ...]]]]],
    finish: Callable[[], dict[str, Any]],
    *,
    now: int,
    prune_before: int,
    is_demo: bool,
    on_rows: Callable[[int], None] | None = None,
    placeholders: Callable[[], Iterable[tuple[Any, ...]]],
) -> tuple[int, tuple[int, int]]:
    """Parse in a thread (``batches``) while this thread writes; commit once at the end.

    Returns the programme rows written and the (channels, programmes) now stored for the
    source. Any error rolls everything back.
    """
    q: queue.Queue[Any] = queue.Queue(maxsize=6)
    stop = threading.Event()

    def producer() -> None:
        try:
            for item in batches():
                while not stop.is_set():
                    try:
                        q.put(item, timeout=0.2)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            q.put(_DONE)
        except BaseException as exc:  # handed to the writer, which re-raises it
            q.put(exc)

    thread = threading.Thread(target=producer, name="epg-parse", daemon=True)
    writer = GuideWriter(db)
    written = 0
    try:
        writer.begin(source_id)
        thread.start()
        while True:
            item = q.get()
            if item is _DONE:
                break
            if isinstance(item, BaseException):
                raise item
            kind, rows = item
            if kind == "channels":
                writer.add_channels(rows)
            else:
                writer.add_programmes(rows)
                written += len(rows)
                if on_rows is not None:
                    on_rows(written)
        counts = writer.commit(
            now=now,
            prune_before=prune_before,
            placeholders=placeholders(),
            is_demo=is_demo,
            status=finish(),
        )
    except BaseException:
        stop.set()
        writer.rollback()
        raise
    finally:
        stop.set()
        if thread.is_alive():
            thread.join(timeout=5)
    return written, counts
