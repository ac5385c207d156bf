"""Piece-deadline streaming in the spirit of Tribler: header and footer first, a moving window of
deadlines ahead of each reader, a look-behind for instant back-seeks, the next pieces in file
order at low priority, nothing else (measurements behind these rules: docs/notes/5.md)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.engines.torrent.adding import TorrentFile

log = logging.getLogger(__name__)

TOP = 7
WINDOW = 5  # the rest of a front (below its nearest pieces); the window when cancels go unanswered
NORMAL = 4  # the window with peers that answer cancels: a band below the rest of the front
LOW = 1  # the extension (always something wanted: a peer we want nothing from chokes us)
SKIP = 0
MiB = 1024 * 1024


@dataclass(frozen=True)
class PolicyConfig:
    header_bytes: int = 2 * MiB
    footer_bytes: int = 1 * MiB
    window_bytes: int = 8 * MiB
    lookbehind_bytes: int = 4 * MiB
    # Once the bitrate is known (set_bitrate) the windows cover at least this much video.
    window_seconds: float = 8.0
    lookbehind_seconds: float = 15.0
    # Deadlines are spread so that libtorrent asks for the nearest piece first.
    deadline_step_ms: int = 30
    # libtorrent's sequential mode picks priority-7 pieces first and then EVERY other wanted
    # piece in index order from the first missing one, whatever its priority 1-6
    # (piece_picker::pick_pieces): after a seek the background at the start of the file came
    # before the new window. Off: priorities order the tiers, deadlines the front.
    sequential_within_window: bool = False
    # The front of a reader's window gets deadlines; while the header/footer are still
    # missing only front_pieces of it.
    front_pieces: int = 2
    front_bytes: int = 2 * MiB
    front_seconds: float = 2.0
    # Of a front, this many pieces nearest the reader are top priority (see _relayout).
    top_pieces: int = 4
    # Where a "10 s back" lands, relative to the reader (which runs ahead of the picture by the
    # player's read-ahead): fetched right after the front, before the rest of the window.
    backseek_seconds: float = 10.0
    landing_seconds: float = 1.5
    # Wanted beyond the windows, in file order (StreamPolicy.extension); everything else is 0.
    extension_bytes: int = 4 * MiB


@dataclass(frozen=True)
class PieceMap:
    """Byte offsets of one file mapped to the torrent's pieces."""

    file_offset: int
    file_size: int
    piece_length: int
    num_pieces: int

    def piece_at(self, byte: int) -> int:
        byte = min(max(byte, 0), self.file_size - 1)
        return (self.file_offset + byte) // self.piece_length

    @property
    def first(self) -> int:
        return self.piece_at(0)

    @property
    def last(self) -> int:
        return self.piece_at(self.file_size - 1)

    def pieces(self, start: int, end: int) -> range:
        """Pieces holding file bytes [start, end)."""
        if end <= start:
            return range(0)
        return range(self.piece_at(start), self.piece_at(end - 1) + 1)

    def file_range(self, piece: int) -> tuple[int, int]:
        """File bytes [start, end) held by a piece."""
        start = piece * self.piece_length - self.file_offset
        end = start + self.piece_length
        return max(start, 0), min(end, self.file_size)


class PieceTracker:
    """Which pieces we have, fed from the alert thread; asyncio waiters on the loop."""

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        num_pieces: int,
        probe: Callable[[int], bool] | None = None,
    ) -> None:
        self.loop = loop
        self.have = bytearray(num_pieces)
        # Asks libtorrent directly; used when a wait drags on, in case an alert was lost (the
        # alert queue can overflow).
        self.probe = probe
        self._waiters: dict[int, list[asyncio.Future[None]]] = {}
        self.error: str | None = None
        self.listeners: list[Callable[[int], None]] = []

    def mark(self, piece: int) -> None:
        """Pump thread: a piece passed its hash check."""
        if 0 <= piece < len(self.have):
            self.have[piece] = 1
            self.loop.call_soon_threadsafe(self._wake, piece)

    def fail(self, message: str) -> None:
        self.error = message
        self.loop.call_soon_threadsafe(self._wake_all)

    def _wake(self, piece: int) -> None:
        for fut in self._waiters.pop(piece, ()):
            if not fut.done():
                fut.set_result(None)
        for listener in list(self.listeners):
            listener(piece)

    def _wake_all(self) -> None:
        for piece in list(self._waiters):
            for fut in self._waiters.pop(piece, ()):
                if not fut.done():
                    fut.set_result(None)

    def merge(self, have: list[bool]) -> None:
        """Loop: pieces libtorrent already has (a snapshot taken after we started listening)."""
        for piece, has in enumerate(have):
            if has and not self.have[piece]:
                self.have[piece] = 1
                self._wake(piece)

    async def wait(self, piece: int, limit_s: float) -> bool:
        """True once the piece is here; False after ``limit_s`` seconds."""
        deadline = self.loop.time() + limit_s
        while not self.have[piece] and self.error is None:
            left = deadline - self.loop.time()
            if left <= 0:
                return False
            fut: asyncio.Future[None] = self.loop.create_future()
            self._waiters.setdefault(piece, []).append(fut)
            if self.have[piece]:  # finished between the check and the registration
                break
            try:
                await asyncio.wait_for(fut, min(left, 2.0))
            except TimeoutError:
                waiters = self._waiters.get(piece)
                if waiters and fut in waiters:
                    waiters.remove(fut)
                if self.probe is not None and self.probe(piece):
                    self.have[piece] = 1
                    self._wake(piece)
        return bool(self.have[piece])

    def count(self, pieces: range) -> int:
        return sum(self.have[p] for p in pieces)


def peers_answer_cancels(handle: Any) -> bool:
    """False while a connected peer drops CANCELled requests without a word (Transmission).

    BEP 6: with the fast extension every request gets exactly one answer, the block or a REJECT,
    also after a CANCEL; libtorrent (which speaks it) therefore keeps a cancelled request in the
    peer's queue until that answer. Transmission (3.00 and 4.x, ``peer-msgs.c``, BtCancel) removes
    the request and sends nothing: each cancel takes a queue slot for good, and once the slots
    are gone libtorrent asks that peer for nothing more, marks it snubbed (no deadline pieces) and
    the stream stalls. Seen as the stalled seeks with a transmission-cli seeder.
    """
    try:
        peers = handle.get_peer_info()
    except Exception:
        return True
    return not any(b"transmission" in bytes(p.client).lower() for p in peers)


class StreamPolicy:
    """Priorities and deadlines for one file of a torrent with any number of readers.

    All calls come from the asyncio loop; each touches only the pieces that changed so a reader
    moving forward costs a handful of libtorrent calls.
    """

    def __init__(
        self,
        handle: Any,
        *,
        pieces: PieceMap,
        tracker: PieceTracker,
        file: TorrentFile,
        num_files: int,
        config: PolicyConfig | None = None,
    ) -> None:
        self.handle = handle
        # Whether priority 0 (which cancels requests already sent) is safe with these peers.
        self.may_cancel: Callable[[], bool] = lambda: peers_answer_cancels(handle)
        self.map = pieces
        self.tracker = tracker
        self.file = file
        self.num_files = num_files
        self.config = config or PolicyConfig()
        self.readers: dict[int, int] = {}
        self.anchors: dict[int, int] = {}  # reader -> piece its window was last laid from
        self.primary: int | None = None  # the reader that came or jumped last (_leads)
        self._deadlined: set[int] = set()
        self._urgent: set[int] = set()
        self._ever: set[int] = set()  # no-cancel mode: pieces that must never drop to 0 again
        self._ext: set[int] = set()
        self._polite = True  # peers_answer_cancels() at the last layout
        self._window: set[int] = set()
        self._drop_timer: asyncio.TimerHandle | None = None
        self._static: list[int] = []
        self._header: list[int] = []
        self._tail: list[int] = []
        self._resume: list[int] = []
        self._background = False
        self.keep = False
        self.closed = False
        self.index: tuple[int, int] | None = None  # an MP4's index, once read (set_index)
        self.index_read = asyncio.Event()  # set_index ran (or the file is no MP4)
        self.bytes_per_second: float | None = None
        self.play_byte: int | None = None

    def start(self, start_byte: int = 0) -> None:
        """Header, footer (and the resume position) first; the rest of the file afterwards."""
        prios = [SKIP] * self.num_files
        prios[self.file.index] = LOW
        self.handle.prioritize_files(prios)
        cfg = self.config
        size = self.map.file_size
        header = list(self.map.pieces(0, min(cfg.header_bytes, size)))
        footer = list(self.map.pieces(max(size - cfg.footer_bytes, 0), size))
        tail = [p for p in footer if p not in header]
        # An MP4 whose index (moov) is at the end is opened by reading the start and then the
        # index: first piece, last piece (the index of a 100 s film is its last 66 KB), the rest
        # of the header. Where the index really starts is read from the first piece
        # (set_index); until then no more of the end is fetched.
        static = header[:1] + tail[-1:] + header[1:] if self.is_mp4 else header + tail
        if not self.is_mp4:
            self.index_read.set()
        self._header, self._tail = header, tail
        if start_byte > 0:
            resume = self.map.pieces(start_byte, min(start_byte + cfg.header_bytes, size))
            self._resume = [p for p in resume if p not in static]
        self._static = static + self._resume
        self.tracker.listeners.append(self._on_piece)
        self._relayout()

    @property
    def is_mp4(self) -> bool:
        return self.file.path.lower().endswith((".mp4", ".m4v", ".mov"))

    def set_index(self, index: tuple[int, int] | None) -> None:
        """An MP4's index is at file bytes [start, end) (mp4_index.index_range), or None when
        the first piece could not tell: then the usual footer. The index comes right after the
        first piece, before the rest of the header: the player reads it before any frame."""
        self.index = index
        self.index_read.set()
        header = self._header
        # None: the usual footer (it holds no header piece)
        found = self.map.pieces(*index) if index is not None else self._tail
        pieces = [p for p in found if p not in header]
        last = self._tail[-1:]
        static = header[:1] + [p for p in pieces if p not in last] + last + header[1:]
        self._static = static + [p for p in self._resume if p not in static]
        self._relayout()

    @property
    def start_pieces(self) -> list[int]:
        """The pieces a player needs before it can start: header, footer, resume position."""
        return list(self._static)

    def set_bitrate(self, bytes_per_second: float) -> None:
        """The player knows the duration: size windows in seconds of video, not only bytes."""
        if bytes_per_second > 0:
            self.bytes_per_second = bytes_per_second
            self._relayout()

    def set_play_byte(self, byte: int) -> None:
        """The picture is at ``byte`` (from the player's clock); re-lay when it moved a lot."""
        old = self.play_byte
        self.play_byte = byte
        if self.bytes_per_second and (old is None or abs(byte - old) > 2 * self.bytes_per_second):
            self._relayout()

    def _span(self, min_bytes: int, seconds: float) -> int:
        """Pieces in max(min_bytes, seconds of video)."""
        size = max(min_bytes, int(seconds * (self.bytes_per_second or 0)))
        return max(size // self.map.piece_length, 1)

    def wanted(self) -> tuple[list[int], list[int]]:
        """(urgent, window): pieces for deadlines now, nearest first, and the rest of the windows.

        Urgent: the header and footer, then the front of each reader's window, then the landing
        zone of a back-seek (10 s back). Window: the rest ahead, then the look-behind. Only a few
        pieces carry deadlines at a time: pieces requested all at once arrive interleaved, block
        by block, and every one of them late.
        """
        cfg = self.config
        have = self.tracker.have
        first, last = self.map.first, self.map.last
        urgent: list[int] = [p for p in self._static if not have[p]]
        seen = set(urgent)

        def add(target: list[int], pieces: range) -> None:
            for p in pieces:
                if first <= p <= last and p not in seen and not have[p]:
                    target.append(p)
                    seen.add(p)

        static_done = not urgent
        front = self._span(cfg.front_bytes, cfg.front_seconds) if static_done else cfg.front_pieces
        leads, others = self._leads()
        for piece in leads:
            add(urgent, range(piece, piece + front))
        # Other readers (the request a seeking player is about to close, a second player) get
        # their next pieces only: a whole window each competed with the seek's pieces.
        for piece in others:
            add(urgent, range(piece, piece + cfg.front_pieces))
        if not urgent and self.bytes_per_second:
            bps, plen = self.bytes_per_second, self.map.piece_length
            # Where the picture is: the player tells us (set_playback_time); else the reader,
            # which runs ahead of the picture by the player's read-ahead.
            if self.play_byte is not None and self.anchors:
                heads = [self.play_byte // plen + self.map.first]
            else:
                heads = leads
            for head in heads:
                far = head - int((cfg.backseek_seconds + cfg.landing_seconds) * bps / plen)
                near = head - int((cfg.backseek_seconds - cfg.landing_seconds) * bps / plen)
                add(urgent, range(far, near + 1))
        window: list[int] = []
        if static_done:
            ahead = self._ahead()
            for piece in leads:
                add(window, range(piece, piece + ahead))
            if not window:
                # The look-behind waits for the window: in sequential order it would come first.
                behind = self._span(cfg.lookbehind_bytes, cfg.lookbehind_seconds)
                for piece in leads:
                    add(window, range(piece - 1, piece - behind - 1, -1))
        return urgent, window

    def _leads(self) -> tuple[list[int], list[int]]:
        """(anchors that get windows, the other readers' anchors). The lead is the reader that
        came or jumped last (a seek); the others only keep their next pieces."""
        if self.primary in self.anchors:
            lead = self.anchors[self.primary]
            return [lead], [a for r, a in self.anchors.items() if r != self.primary]
        return list(self.anchors.values()), []

    def _ahead(self) -> int:
        """Pieces in the window ahead of a reader. Half as many while a peer cannot have its
        requests cancelled: libtorrent queues what is wanted faster than it sends it (slow
        start), and that surplus goes out before a seek's pieces."""
        cfg = self.config
        div = 1 if self._polite else 2
        return self._span(cfg.window_bytes // div, cfg.window_seconds / div)

    def extension(self, exclude: set[int]) -> list[int]:
        """The next pieces after the windows, in file order (wrapping to the start): the rest
        of the file is fetched from the reader on, never at random, and something is always
        wanted (a peer we want nothing from hears NOT_INTERESTED; aria2 then hung up on us)."""
        have, plen = self.tracker.have, self.map.piece_length
        first, last = self.map.first, self.map.last
        # From the reader on, past the pieces wanted already: the window once it is laid, and
        # while the header and index are still coming, what the reader takes next.
        starts = self._leads()[0]
        if not starts:  # no reader yet: on from the header, the next thing a player reads
            starts = [self.map.piece_at(min(self.config.header_bytes, self.map.file_size - 1))]
        want = max(self.config.extension_bytes // plen // (1 if self._polite else 2), 1)
        out: list[int] = []
        span = last - first + 1
        for begin in starts:
            offset, taken = min(max(begin, first), last) - first, 0
            for k in range(span):
                p = first + (offset + k) % span
                if not have[p] and p not in exclude and p not in out:
                    out.append(p)
                    taken += 1
                    if taken >= want:
                        break
        return out

    def set_reader(self, reader: int, byte: int) -> None:
        """A reader is at ``byte``: move its window when it has crossed into a new piece."""
        piece = self.map.piece_at(byte)
        self.readers[reader] = byte
        old = self.anchors.get(reader)
        # Re-laying the window on every piece would reset libtorrent's deadline bookkeeping; a
        # quarter window of progress (or any jump) is the moment to move it.
        step = max(self.config.window_bytes // self.map.piece_length // 4, 1)
        if old is not None and 0 <= piece - old < step:
            return
        self.anchors[reader] = piece
        seek = old is None or piece < old or piece - old > self._ahead()
        if seek:
            self.primary = reader
        log.debug("reader %d at piece %d (readers %s)", reader, piece, sorted(self.anchors))
        if self._drop_timer is not None:
            self._drop_timer.cancel()
            self._drop_timer = None
        # A new reader or a jump is a seek: the old window is no longer wanted at once.
        self._relayout(seek=seek)

    def drop_reader(self, reader: int) -> None:
        """A reader left. When others remain (a player seeking opens the new request, then
        closes the old one) what it still wanted stops being wanted at once. When it was the
        last one, wait a moment: a player that closes first and then seeks would otherwise have
        the start of the file laid out in between."""
        self.readers.pop(reader, None)
        log.debug("reader %d gone", reader)
        if self.anchors.pop(reader, None) is None:
            return
        if self.anchors:
            if self.primary not in self.anchors:
                self.primary = max(self.anchors)  # the newest request left: the next one leads
            self._relayout()
        elif self._drop_timer is None:
            self._drop_timer = self.tracker.loop.call_later(0.5, self._dropped)

    def _dropped(self) -> None:
        self._drop_timer = None
        self._relayout()

    def _on_piece(self, piece: int) -> None:
        """Loop: a piece arrived. When a tier is complete the next one starts."""
        self._deadlined.discard(piece)
        self._urgent.discard(piece)
        self._window.discard(piece)
        self._ext.discard(piece)
        low_ext = len(self._ext) <= max(self.config.extension_bytes // self.map.piece_length // 2, 1)
        if (not self._urgent or not self._window or low_ext) and not self._background:
            self._relayout()

    def close(self) -> None:
        """The torrent is being removed (or the session closed): no libtorrent call after this.
        A reader's handler cancelled at shutdown, or the drop timer, would otherwise reach a
        handle whose session is being destroyed on another thread (a crash)."""
        self.closed = True
        if self._drop_timer is not None:
            self._drop_timer.cancel()
            self._drop_timer = None
        if self._on_piece in self.tracker.listeners:
            self.tracker.listeners.remove(self._on_piece)

    def _relayout(self, seek: bool = False) -> None:
        """One prioritize_pieces() call, then deadlines for the pieces that are new to them.

        At a seek every deadline is reset first: libtorrent cancels the requests of pieces
        without a deadline only when the first deadline is set while no piece has one
        (torrent::cancel_non_critical); priority 0 alone lets requests already sent run on.

        Wanted: the urgent tier, the window, and an extension in file order after it, so that
        something is always wanted (a peer we want nothing from hears NOT_INTERESTED; a torrent
        that wants nothing is upload-only, a seed to transmission). Everything else is 0. Pieces
        that stop being wanted (a seek) drop to 0 with peers that answer cancels; with others
        whatever was ever wanted or is in flight stays at 1.
        """
        if self.closed:
            return
        self._polite = self.may_cancel()
        if seek and self._polite:
            for piece in self._deadlined:
                self.handle.reset_piece_deadline(piece)
            self._deadlined.clear()
        urgent, window = self.wanted()
        keep = set(urgent)
        for piece in self._deadlined - keep:
            self.handle.reset_piece_deadline(piece)
        self._deadlined &= keep
        ext = self.extension(keep | set(window))
        self._background = not urgent and not window and not ext
        self._window = set(window)
        self._urgent = set(urgent)
        self._ext = set(ext)
        # Deadlines only with peers that answer cancels (peers_answer_cancels): setting one may
        # cancel requests. With others the tiers are priorities alone, and nothing that was
        # wanted (or is being downloaded) drops to 0 again: what is queued for them and cannot
        # be cancelled must at least be near a reader.
        polite = self._polite
        # Only what is wanted is non-zero: libtorrent fills a peer's queue with whatever has a
        # priority, and a background piece picked at random would sit in front of the next seek.
        prios = [SKIP] * self.map.num_pieces
        if self.keep:
            for p in range(self.map.first, self.map.last + 1):
                prios[p] = NORMAL
        if not polite:
            self._ever.update(urgent, window, ext, self._in_flight())
            for p in self._ever:
                prios[p] = max(prios[p], LOW)
        for p in ext:
            prios[p] = max(prios[p], LOW)
        # libtorrent ranks priorities in three bands (7 = 6 = 3, 5 = 2, 4 = 1; piece_picker.hpp)
        # and picks at random within one: the nearest pieces of a front 7, the rest of the front
        # 5 (with deadlines), the window 4, the extension 1.
        window_prio = NORMAL if polite else WINDOW
        for p in window:
            prios[p] = window_prio
        static = set(self._static)
        nearest = 0
        for p in urgent:
            # With deadlines, only the nearest few pieces of a reader's front are top priority
            # (one band is picked in random order); the rest of the front keeps its deadline
            # (requested in order) at 5, a band above the window.
            if not polite or p in static or nearest < self.config.top_pieces:
                prios[p] = TOP
                nearest += p not in static
            else:
                prios[p] = WINDOW
        self.handle.prioritize_pieces(prios)
        if not polite:
            for piece in self._deadlined:
                self.handle.reset_piece_deadline(piece)
            self._deadlined.clear()
            return
        step = self.config.deadline_step_ms
        new = [p for p in urgent if p not in self._deadlined]
        base = step if self._deadlined else 0
        for k, piece in enumerate(new):
            self.handle.set_piece_deadline(piece, base + k * step)
            self._deadlined.add(piece)

    def _in_flight(self) -> list[int]:
        """Pieces libtorrent is downloading (requests out): priority 0 would cancel them."""
        try:
            return [int(d["piece_index"]) for d in self.handle.get_download_queue()]
        except Exception:
            return []

    def keep_all(self) -> None:
        """The user wants the whole file (offline viewing): the background at normal priority."""
        self.keep = True
        self._relayout()
