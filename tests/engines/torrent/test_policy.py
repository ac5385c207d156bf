"""The streaming policy against a recording fake handle: what gets deadlines, in which order,
what else is wanted (the windows, then the file in order), and what a seek cancels."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from app.engines.torrent.adding import TorrentFile
from app.engines.torrent.streaming import (
    LOW,
    NORMAL,
    SKIP,
    TOP,
    WINDOW,
    PieceMap,
    PieceTracker,
    PolicyConfig,
    StreamPolicy,
)

KiB = 1024
PIECE = 256 * KiB
N = 400  # a 100 MiB file in one torrent
HEADER = list(range(8))  # 2 MiB
FOOTER = list(range(396, 400))  # 1 MiB
# An MP4 before its first piece says where the index is: the header and the last piece.
STATIC = [*HEADER, 399]


class FakeHandle:
    def __init__(self) -> None:
        self.prios: list[int] = []
        self.deadlines: dict[int, int] = {}
        self.files: list[int] = []

    def prioritize_files(self, prios: list[int]) -> None:
        self.files = list(prios)

    def prioritize_pieces(self, prios: list[int]) -> None:
        self.prios = list(prios)

    def set_piece_deadline(self, piece: int, ms: int) -> None:
        self.deadlines[piece] = ms

    def reset_piece_deadline(self, piece: int) -> None:
        self.deadlines.pop(piece, None)


def _policy(loop: asyncio.AbstractEventLoop, **cfg: Any) -> tuple[StreamPolicy, FakeHandle]:
    handle = FakeHandle()
    tracker = PieceTracker(loop, N)
    file = TorrentFile(0, "film.mp4", N * PIECE, 0, is_pad=False, is_video=True)
    policy = StreamPolicy(
        handle,
        pieces=PieceMap(0, N * PIECE, PIECE, N),
        tracker=tracker,
        file=file,
        num_files=1,
        config=PolicyConfig(**cfg),
    )
    return policy, handle


def _arrive(policy: StreamPolicy, pieces: list[int]) -> None:
    for p in pieces:
        policy.tracker.have[p] = 1
        policy.tracker._wake(p)


@pytest.mark.asyncio
async def test_header_and_footer_first_then_windows_then_the_file_in_order() -> None:
    policy, handle = _policy(asyncio.get_running_loop())
    policy.start()
    assert set(handle.deadlines) == set(STATIC)
    order = sorted(handle.deadlines, key=handle.deadlines.__getitem__)
    # The MP4 index at the end right after piece 0, then the rest of the header.
    assert order == [0, 399, *HEADER[1:]]
    # Something is always wanted (stay interested), in file order after the header, and
    # nothing else: a piece picked at random would sit in the peer's queue before a seek.
    assert [p for p in range(8, 399) if handle.prios[p]] == list(range(8, 24))
    assert all(handle.prios[p] == LOW for p in range(8, 24))

    policy.set_reader(1, 50 * PIECE)  # a reader before the static phase is done
    urgent, window = policy.wanted()
    assert urgent[-2:] == [50, 51] and not window  # only the front, nothing competes more

    _arrive(policy, STATIC)
    urgent, window = policy.wanted()
    assert urgent == list(range(50, 58))  # front: 2 MiB, all with deadlines, in order
    assert set(handle.deadlines) >= set(urgent)
    assert window == list(range(58, 82))  # rest of the 8 MiB window, no deadlines
    # Only the nearest 4 pieces at top priority: libtorrent takes one priority in random order.
    assert [handle.prios[p] for p in urgent] == [TOP] * 4 + [WINDOW] * 4
    assert all(handle.prios[p] == NORMAL for p in window)  # a band below the front's rest
    assert [p for p in range(82, 396) if handle.prios[p]] == list(range(82, 98))  # extension


@pytest.mark.asyncio
async def test_seek_cancels_the_old_window_and_landing_zone_follows_the_picture() -> None:
    policy, handle = _policy(asyncio.get_running_loop())
    policy.start()
    _arrive(policy, STATIC)
    policy.set_bitrate(2 * PIECE * 4)  # 2 MiB/s: 8 pieces a second
    policy.set_reader(1, 20 * PIECE)
    old = set(policy.wanted()[0]) | set(policy.wanted()[1])
    policy.drop_reader(1)  # the player closes the old connection just before seeking
    policy.set_reader(2, 300 * PIECE)
    assert all(handle.prios[p] == SKIP for p in old if p < 300)  # queued requests cancelled
    assert handle.prios[300] == TOP

    _arrive(policy, list(range(300, 316)))  # the front (2 s) is in
    policy.set_play_byte(310 * PIECE)  # the picture is 10 pieces behind the reader
    urgent, _ = policy.wanted()
    # 10 s back from the picture at 8 pieces/s, ±1.5 s: where a "10 s back" lands.
    assert urgent and min(urgent) == 310 - 92 and max(urgent) == 310 - 68
    _arrive(policy, urgent)
    _, window = policy.wanted()
    assert window[0] == 316  # then the rest ahead
    assert handle.prios[200] == SKIP and handle.prios[window[-1] + 1] == LOW  # extension


@pytest.mark.asyncio
async def test_lookbehind_after_the_window_nearest_first() -> None:
    policy, _ = _policy(asyncio.get_running_loop(), window_bytes=4 * PIECE, front_bytes=PIECE)
    policy.start()
    _arrive(policy, STATIC)
    policy.set_reader(1, 100 * PIECE)
    _arrive(policy, list(range(100, 104)))
    urgent, window = policy.wanted()
    assert not urgent
    assert window[:3] == [99, 98, 97]  # back-seeks find the nearest data first
    assert len(window) == 16  # 4 MiB of look-behind


@pytest.mark.asyncio
async def test_resume_prebuffers_from_the_saved_byte_and_keep_finishes_the_file() -> None:
    policy, handle = _policy(asyncio.get_running_loop())
    policy.start(start_byte=200 * PIECE)
    assert set(range(200, 208)) <= set(handle.deadlines)  # 2 MiB from the saved position
    assert set(policy.start_pieces) == {*STATIC, *range(200, 208)}
    policy.keep_all()
    assert handle.prios[300] == 4  # the rest at normal priority: the download completes


class _Peer:
    def __init__(self, client: bytes) -> None:
        self.client = client


@pytest.mark.asyncio
async def test_no_cancels_while_a_transmission_peer_is_connected() -> None:
    """Transmission drops cancelled requests without the REJECT BEP 6 asks for; libtorrent would
    keep waiting for them (streaming.peers_answer_cancels). With it connected: no deadlines
    (libtorrent cancels when the first one is set), nothing once wanted drops to 0, and the
    rest of the file stays at 0 so that what is requested is near a reader."""
    policy, handle = _policy(asyncio.get_running_loop())
    peers = [_Peer(b"libtorrent/2.1.1.0"), _Peer(b"Transmission 3.00")]
    handle.get_peer_info = lambda: peers  # type: ignore[attr-defined]
    handle.get_download_queue = lambda: [{"piece_index": 150}]  # type: ignore[attr-defined]
    policy.start()
    assert not handle.deadlines
    assert handle.prios[0] == TOP and handle.prios[399] == TOP
    assert handle.prios[5] == TOP  # the whole static phase: urgent, no deadlines
    assert handle.prios[150] == LOW  # being downloaded: 0 would cancel it
    assert handle.prios[200] == SKIP  # never wanted: not requested at all
    _arrive(policy, STATIC)
    policy.set_reader(1, 20 * PIECE)
    old = [p for p in range(N) if handle.prios[p] > SKIP and not policy.tracker.have[p]]
    policy.drop_reader(1)
    policy.set_reader(2, 300 * PIECE)
    assert not handle.deadlines
    assert all(handle.prios[p] == LOW for p in old)  # the old window: never 0 again
    # Half the window ahead (4 MiB here) and half the extension: what is queued and cannot be
    # cancelled is sent before a seek's pieces.
    assert handle.prios[300] == TOP and handle.prios[307] == TOP and handle.prios[315] == 5
    assert handle.prios[316] == LOW and handle.prios[323] == LOW and handle.prios[324] == SKIP
    peers.pop()  # only peers that answer cancels: the old window's requests are cancelled
    policy.drop_reader(2)
    policy.set_reader(3, 100 * PIECE)
    assert handle.prios[300] == SKIP and handle.prios[100] == TOP and handle.deadlines


@pytest.mark.asyncio
async def test_the_mp4_index_read_from_the_first_piece_is_fetched_right_after_it() -> None:
    policy, handle = _policy(asyncio.get_running_loop())
    policy.start()
    assert not policy.index_read.is_set()  # an MP4: players wait for where its index is
    _arrive(policy, [0])
    # A long film: its index is the last 3.5 pieces of the file.
    policy.set_index((396 * PIECE + 100, N * PIECE))
    assert policy.index_read.is_set() and policy.index == (396 * PIECE + 100, N * PIECE)
    urgent, _ = policy.wanted()
    assert urgent == [396, 397, 398, 399, *HEADER[1:]]  # the index before the rest
    assert {396, 397, 398} <= set(handle.deadlines)
    assert set(policy.start_pieces) == {*HEADER, *FOOTER}

    policy, handle = _policy(asyncio.get_running_loop())
    policy.start()
    policy.set_index(None)  # the first piece could not tell: the usual 1 MiB footer
    assert set(policy.start_pieces) == {*HEADER, *FOOTER}

    policy, handle = _policy(asyncio.get_running_loop())
    policy.start()
    policy.set_index((40, 90_000))  # index at the start (a web-ready file): nothing more
    assert set(policy.start_pieces) == set(STATIC)


@pytest.mark.asyncio
async def test_a_seek_leads_and_the_old_request_keeps_only_its_next_pieces() -> None:
    policy, handle = _policy(asyncio.get_running_loop())
    policy.start()
    _arrive(policy, STATIC)
    policy.set_reader(1, 20 * PIECE)
    old = [p for p in range(N) if handle.prios[p] > SKIP]
    policy.set_reader(2, 300 * PIECE)  # the player opens the new request first: it leads
    # The old request keeps its next two pieces only (it may still be read), after the seek's.
    assert [p for p in old if handle.prios[p] > SKIP] == [20, 21]
    urgent, window = policy.wanted()
    assert urgent.index(300) < urgent.index(20) and window[0] == 308
    policy.drop_reader(1)  # ... then closes the old one: nothing of it is wanted
    assert all(handle.prios[p] == SKIP for p in old)
    assert handle.prios[300] == TOP


@pytest.mark.asyncio
async def test_a_closed_policy_never_calls_libtorrent_again() -> None:
    """Closing the torrent (or the session) while a player's request is being cancelled: its
    drop, a late piece or the player's clock must not reach a handle being destroyed."""
    policy, handle = _policy(asyncio.get_running_loop())
    policy.start()
    policy.set_reader(1, 20 * PIECE)
    policy.set_reader(2, 300 * PIECE)
    policy.close()
    before = (list(handle.prios), dict(handle.deadlines))
    policy.drop_reader(1)
    policy.drop_reader(2)
    policy.set_reader(3, 100 * PIECE)
    _arrive(policy, STATIC)
    policy.set_bitrate(1e6)
    policy.set_index(None)
    await asyncio.sleep(0.6)  # past the drop timer
    assert (handle.prios, handle.deadlines) == before
