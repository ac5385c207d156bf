"""The import pipeline: a parser thread turns a feed into rows, the caller's thread writes them."""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import pickle
import queue
import sys
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from app.providers.guide.feed import ChannelRecord, ProgrammeRecord
from app.services.guide.film_detection import FILM_KINDS, description_hints, detect, film_key
from app.services.guide.playlist_index import PlaylistIndex
from app.services.guide.series_detection import series_airing
from app.storage.db import Database
from app.storage.guide_repo import PLACEHOLDER_PREFIX, GuideWriter

log = logging.getLogger(__name__)

BATCH = 1000
PROCESS_MIN_BYTES = 4 * 1024**2


@dataclass
class ImportStats:
    channels: int = 0
    programmes: int = 0
    films: int = 0
    unmatched_channels: list[str] = field(default_factory=list)  # the first names
    unmatched_count: int = 0
    ended: str | None = None  # "this guide ended on …" when the whole feed lies in the past


def channel_row(source_id: int, rec: ChannelRecord, position: int | None = None) -> tuple[Any, ...]:
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
        rec.catchup_correction,
        position,
    )


class RowBuilder:
    """Classifies airings and shapes programme rows; remembers one placeholder per film."""

    def __init__(self, source_id: int, matched: dict[str, str], prune_before: int) -> None:
        self.source_id = source_id
        self.matched = matched
        self.prune_before = prune_before
        # Placeholder title rows not yet handed to the writer (film_keys remembers the rest).
        self.placeholders: list[tuple[Any, ...]] = []
        self.film_keys: set[str] = set()
        self.series_keys: set[str] = set()  # issue 16: one placeholder per series (not counted as films)
        self.skipped_old = 0
        self.latest = 0  # the last moment the feed covers (a guide wholly in the past says so)

    def row(self, rec: ProgrammeRecord, channel_id: str, shift: int) -> tuple[Any, ...] | None:
        start = rec.start + shift
        stop = rec.stop + shift if rec.stop is not None else None
        self.latest = max(self.latest, stop if stop is not None else start + 3600)  # an open end: 1 h
        if start < self.prune_before:  # the same rule as the writer's prune
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
            subtitle=rec.subtitle,
        )
        key = title_id = None
        title = rec.title
        if det.kind in FILM_KINDS:
            key = film_key(det.norm_title or "", det.year)
            title = det.title if det.part is None else f"{det.title}. {det.part}"
            title_id = self.matched.get(key)
            if title_id is None:
                title_id = PLACEHOLDER_PREFIX + key
                if key not in self.film_keys:
                    self.placeholders.append(
                        (title_id, det.kind, det.title, det.year, rec.description, rec.icon)
                    )
            self.film_keys.add(key)
        season = episode_num = None
        norm, year, country, director = det.norm_title, det.year, det.country, det.director
        if det.kind == "series":  # issue 16: one series title for its airings, with their numbers
            found = series_airing(rec.title, rec.subtitle, rec.episode)
            if found is not None:
                key, norm, season, episode_num = found.key, found.norm_title, found.season, found.number
                # «Россия, 2017-2021, драма. Реж.: …»: the first-air year and the rest help matching
                year, country, director = description_hints(rec.description)
                title_id = self.matched.get(key)
                if title_id is None:
                    title_id = PLACEHOLDER_PREFIX + key
                    if key not in self.series_keys:
                        self.placeholders.append(
                            (title_id, "series", found.name, None, rec.description, rec.icon)
                        )
                self.series_keys.add(key)
        return (
            self.source_id, channel_id, start, stop, title, norm, rec.subtitle,
            rec.description, "; ".join(rec.categories) or None, det.kind, key, year,
            country, director, rec.episode, rec.icon, rec.catchup_id, title_id,
            season, episode_num,
        )  # fmt: skip


Rows = Iterator[tuple[str, list[tuple[Any, ...]]]]


def produce_rows(
    source_id: int,
    records: Iterable[ChannelRecord | ProgrammeRecord],
    builder: RowBuilder,
    playlist: PlaylistIndex | None = None,
) -> Rows:
    """A feed's own rows in ("channels" | "programmes" | "placeholders", rows) batches: its
    channels as they are read (a playlist's also go into ``playlist`` for the guide it names),
    its programmes on its own channels. Channels always precede their programmes."""
    declared: set[str] = set()  # guide channels; a playlist's (with a stream URL) need no set
    implicit: set[str] = set()  # ids seen on programmes before any <channel> declared them
    streams = 0

    def channel(rec: ChannelRecord) -> tuple[Any, ...] | None:
        nonlocal streams
        if rec.stream_url is not None:
            if playlist is not None:
                playlist.add(rec)
            streams += 1
            return channel_row(source_id, rec, streams - 1)
        if rec.guide_id in declared and rec.guide_id not in implicit:
            return None
        declared.add(rec.guide_id)
        implicit.discard(rec.guide_id)
        return channel_row(source_id, rec, len(declared))

    def target(guide_id: str) -> tuple[tuple[str, int], tuple[Any, ...] | None]:
        new = None
        if guide_id not in declared:
            # Programmes for a channel the guide never declared (seen in real feeds).
            declared.add(guide_id)
            implicit.add(guide_id)
            new = channel_row(source_id, ChannelRecord(guide_id, guide_id, (guide_id,)))
        return (f"{source_id}:{guide_id}", 0), new

    return _batches(records, builder, channel, target)


def linked_rows(
    source_id: int,
    records: Iterable[ChannelRecord | ProgrammeRecord],
    builder: RowBuilder,
    playlist: PlaylistIndex,
) -> Rows:
    """The rows of a guide a playlist names: its programmes on the playlist's channels they map
    to (tvg-shift applied); its own channels only help the mapping and are not stored."""

    def channel(rec: ChannelRecord) -> None:
        playlist.note_guide_channel(rec)

    def target(guide_id: str) -> tuple[tuple[str, int] | None, None]:
        found = playlist.lookup(guide_id)
        return (None if found is None else (f"{source_id}:{found[0]}", found[1])), None

    return _batches(records, builder, channel, target)


def _batches(
    records: Iterable[ChannelRecord | ProgrammeRecord],
    builder: RowBuilder,
    channel: Callable[[ChannelRecord], tuple[Any, ...] | None],
    target: Callable[[str], tuple[tuple[str, int] | None, tuple[Any, ...] | None]],
) -> Rows:
    pending_ch: list[tuple[Any, ...]] = []
    batch: list[tuple[Any, ...]] = []
    targets: dict[str, tuple[str, int] | None] = {}
    for rec in records:
        if isinstance(rec, ChannelRecord):
            row = channel(rec)
            if row is not None:
                pending_ch.append(row)
                if len(pending_ch) >= BATCH:
                    yield "channels", pending_ch
                    pending_ch = []
            continue
        if rec.channel in targets:
            where = targets[rec.channel]
        else:
            where, new_channel = target(rec.channel)
            if new_channel is not None:
                pending_ch.append(new_channel)
            targets[rec.channel] = where
        if where is None:
            continue  # a guide channel the playlist does not have
        row = builder.row(rec, where[0], where[1])
        if row is None:
            continue
        batch.append(row)
        if len(batch) >= BATCH:
            if pending_ch:
                yield "channels", pending_ch
                pending_ch = []
            yield "programmes", batch
            batch = []
            if builder.placeholders:
                yield "placeholders", builder.placeholders
                builder.placeholders = []
    if pending_ch:
        yield "channels", pending_ch
    if batch:
        yield "programmes", batch
    if builder.placeholders:
        yield "placeholders", builder.placeholders
        builder.placeholders = []


Emit = Callable[[str, Any], None]
Produce = Callable[[Emit], dict[str, Any]]


def _picklable(exc: BaseException) -> BaseException:
    try:
        pickle.dumps(exc)
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


def _thread_producer(produce: Produce, stop: threading.Event) -> tuple[Callable[[], Any], Any]:
    q: queue.Queue[Any] = queue.Queue(maxsize=4)

    def emit(kind: str, payload: Any) -> None:
        while not stop.is_set():
            try:
                q.put((kind, payload), timeout=0.2)
                return
            except queue.Full:
                continue
        raise _Stopped

    def body() -> None:
        try:
            q.put(("done", produce(emit)))
        except _Stopped:
            return
        except BaseException as exc:  # handed to the writer, which re-raises it
            q.put(("error", exc))

    thread = threading.Thread(target=body, name="epg-parse", daemon=True)
    thread.start()
    return q.get, thread


def _process_producer(produce: Produce) -> tuple[Callable[[], Any], Any]:
    ctx = multiprocessing.get_context("fork")
    q = ctx.Queue(maxsize=8)

    parent = os.getpid()

    def emit(kind: str, payload: Any) -> None:
        while True:
            try:
                q.put((kind, payload), timeout=1.0)
                return
            except queue.Full:
                # The writer was killed (SIGKILL leaves no chance to stop us): do not linger.
                if os.getppid() != parent:
                    os._exit(1)

    def body() -> None:
        try:
            emit("done", produce(emit))
        except BaseException as exc:
            emit("error", _picklable(exc))
        finally:
            q.close()
            q.join_thread()

    proc = ctx.Process(target=body, name="epg-parse", daemon=True)
    with warnings.catch_warnings():
        # Python warns that forking a threaded process may deadlock a child that takes a lock
        # another thread held. This child only parses: every module it needs is imported
        # already, and it does not log; it talks to us through a queue made before the fork.
        warnings.simplefilter("ignore", DeprecationWarning)
        proc.start()

    def get() -> Any:
        while True:
            try:
                return q.get(timeout=1.0)
            except queue.Empty:
                if not proc.is_alive():
                    raise RuntimeError("the guide parser process died") from None

    return get, proc


class _Stopped(Exception):
    pass


def use_process(feed_bytes: int) -> bool:
    """Big feeds are parsed in a forked process (both cores, no GIL contention with the
    writer); small ones in a thread. Fork only where it is the platform default."""
    return (
        feed_bytes >= PROCESS_MIN_BYTES
        and sys.platform.startswith("linux")
        and os.environ.get("CINEMA_EPG_PARSE", "auto") != "thread"
    )


def run_import(
    db: Database,
    source_id: int,
    produce: Produce,
    finish: Callable[[dict[str, Any], GuideWriter], dict[str, Any]],
    *,
    now: int,
    prune_before: int,
    is_demo: bool,
    in_process: bool = False,
    on_rows: Callable[[int], None] | None = None,
    on_bytes: Callable[[int], None] | None = None,
) -> tuple[int, tuple[int, int], dict[str, Any]]:
    """Parse in a thread or process (``produce``) while this thread writes; commit once.

    ``produce(emit)`` emits ("channels" | "programmes" | "placeholders", rows) and
    ("bytes", n) and returns a summary; ``finish(summary, writer)`` gives the status columns
    (it may read what the open transaction wrote).
    Returns (programme rows written, (channels, programmes) stored, summary). Any error rolls
    everything back and leaves the previous guide in place.
    """
    stop = threading.Event()
    worker: Any = None
    writer = GuideWriter(db)
    written = 0
    try:
        # The producer starts before the write transaction so a forked child holds no
        # SQLite handle of ours.
        if in_process:
            get, worker = _process_producer(produce)
        else:
            get, worker = _thread_producer(produce, stop)
        writer.begin(source_id)
        while True:
            kind, payload = get()
            if kind == "programmes":
                writer.add_programmes(payload)
                written += len(payload)
                if on_rows is not None:
                    on_rows(written)
            elif kind == "channels":
                writer.add_channels(payload)
            elif kind == "placeholders":
                writer.add_placeholders(payload, now=now, is_demo=is_demo)
            elif kind == "bytes":
                if on_bytes is not None:
                    on_bytes(payload)
            elif kind == "note":
                log.info("guide source %s: %s", source_id, payload)  # the parser does not log
            elif kind == "error":
                raise payload
            elif kind == "done":
                summary: dict[str, Any] = payload
                break
        counts = writer.commit(
            now=now,
            prune_before=prune_before,
            status=finish(summary, writer),
        )
    except BaseException:
        stop.set()
        writer.rollback()
        raise
    finally:
        stop.set()
        if isinstance(worker, threading.Thread):
            worker.join(timeout=5)
        elif worker is not None:
            if worker.is_alive():
                worker.terminate()
            worker.join(timeout=5)
    return written, counts, summary
