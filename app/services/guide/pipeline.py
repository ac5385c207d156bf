"""The import pipeline: a parser thread turns a feed into rows, the caller's thread writes them."""

from __future__ import annotations

import json
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

from rapidfuzz import fuzz, process

from app.providers.guide.feed import ChannelRecord, ProgrammeRecord
from app.services.guide.channel_names import channel_key
from app.services.guide.film_detection import FILM_KINDS, detect, film_key
from app.storage.db import Database
from app.storage.guide_repo import PLACEHOLDER_PREFIX, GuideWriter

BATCH = 1000
FUZZY_CUTOFF = 90.0
PROCESS_MIN_BYTES = 4 * 1024**2


@dataclass
class ImportStats:
    channels: int = 0
    programmes: int = 0
    films: int = 0
    unmatched_channels: list[str] = field(default_factory=list)
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
                    key = channel_key(name)  # case, punctuation, «канал»/«HD» noise gone
                    if key:
                        self.by_name.setdefault(key, ch)
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
        names = [k for k in (channel_key(n) for n in self.guide_names.get(guide_id, ())) if k]
        if found is None:
            for n in names:
                if n in self.by_name:
                    found = self.by_name[n]
                    break
        if found is None and self._choices:
            for n in names:
                hit = process.extractOne(n, self._choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
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
        # Placeholder title rows not yet handed to the writer (film_keys remembers the rest).
        self.placeholders: list[tuple[Any, ...]] = []
        self.film_keys: set[str] = set()
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
    implicit: set[str] = set()  # ids seen on programmes before any <channel> declared them
    pending_ch: list[tuple[Any, ...]] = []
    batch: list[tuple[Any, ...]] = []
    shifts: dict[str, tuple[str, int] | None] = {}
    if mapper is not None:
        for position, ch in enumerate(mapper.playlist):
            pending_ch.append(channel_row(source_id, ch, position))
            channels.add(ch.guide_id)
    for rec in records:
        if isinstance(rec, ChannelRecord):
            if mapper is not None:
                mapper.note_guide_channel(rec)
            elif rec.guide_id not in channels or rec.guide_id in implicit:
                channels.add(rec.guide_id)
                implicit.discard(rec.guide_id)
                pending_ch.append(channel_row(source_id, rec, len(channels)))
            continue
        if rec.channel in shifts:
            target = shifts[rec.channel]
        else:
            known = rec.channel in channels
            target = _target(source_id, rec.channel, mapper, channels, pending_ch)
            if mapper is None and not known:
                implicit.add(rec.channel)
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
    finish: Callable[[dict[str, Any]], dict[str, Any]],
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
    ("bytes", n) and returns a summary; ``finish(summary)`` gives the status columns.
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
            elif kind == "error":
                raise payload
            elif kind == "done":
                summary: dict[str, Any] = payload
                break
        counts = writer.commit(
            now=now,
            prune_before=prune_before,
            status=finish(summary),
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
