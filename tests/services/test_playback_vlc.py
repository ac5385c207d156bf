"""The playback service with the real libvlc: HLS over loopback, quality, dead URL and stall failover."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from app.domain.models import MediaRequest, SourceKind
from app.engines.playback.base import PlayerEvent
from app.services.library.progress import LibraryService
from app.services.playback.session import PlaybackService, PlaybackState
from app.services.sources.resolve import Playable
from tests.fakes.hls_server import HlsServer, make_dash, make_hls


@pytest.fixture(scope="module")
def hls_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hls")
    make_hls(root, seconds=12)
    return root


async def until(predicate: Callable[[], bool], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.05)


def service(services, first_frame: float = 6.0, stall: float = 2.5):
    services.settings = services.settings.model_copy(
        update={
            "vlc_args": "--vout=dummy --aout=dummy",
            "first_frame_timeout_s": first_frame,
            "progress_interval_s": 1,
        }
    )
    pb = PlaybackService(services, LibraryService(services), stall_timeout_s=stall)
    events: list[tuple[PlayerEvent, object]] = []
    pb.add_listener(lambda e, v: events.append((e, v)))
    return pb, events


def hls(url: str, label: str = "HLS", headers: dict[str, str] | None = None) -> Playable:
    req = MediaRequest(
        location=url, item_key="tmdb:movie:5", label="Film", title_id="tmdb:movie:5", headers=headers or {}
    )
    return Playable(kind=SourceKind.HLS, request=req, label=label, hls=True)


def local(path: Path, label: str = "File") -> Playable:
    req = MediaRequest(location=str(path), item_key="tmdb:movie:5", label="Film", title_id="tmdb:movie:5")
    return Playable(kind=SourceKind.DIRECT, request=req, label=label)


@pytest.mark.asyncio
async def test_hls_with_two_variants_auto_then_manual_quality(services, hls_root) -> None:
    pb, events = service(services)
    with HlsServer(hls_root) as srv:
        try:
            ua = {"User-Agent": "MyCenter/1.0", "Referer": "http://127.0.0.1/"}
            pb.play([hls(f"{srv.base}/master.m3u8", headers=ua)])
            await until(lambda: pb.state == PlaybackState.PLAYING and pb.position_ms() > 1000)
            await until(lambda: len(pb.variants) == 2)
            assert [v.height for v in pb.variants] == [360, 180]
            assert any(ua_ == "MyCenter/1.0" and ref for p, ua_, ref in srv.requests if p.endswith(".ts"))
            before = pb.position_ms()
            low = pb.variants[1]
            pb.set_quality(low)
            await until(lambda: pb.state == PlaybackState.PLAYING and pb.position_ms() > before)
            assert pb.request is not None and pb.request.location == low.uri
            assert pb.position_ms() >= before - 1500  # continued where it was, not from 0
            assert any(p.startswith("/v180/seg") for p, _u, _r in srv.requests[-5:])
            pb.set_quality(None)  # back to Auto = the master playlist
            await until(lambda: pb.request is not None and pb.request.location.endswith("master.m3u8"))
            assert PlayerEvent.FAILOVER not in [e for e, _ in events]
        finally:
            pb.close()


@pytest.mark.asyncio
async def test_dead_url_fails_over_to_hls_with_a_message(services, hls_root) -> None:
    pb, events = service(services)
    with HlsServer(hls_root) as srv:
        try:
            pb.play(
                [hls("http://127.0.0.1:9/dead/master.m3u8", "Dead"), hls(f"{srv.base}/master.m3u8", "Mirror")]
            )
            await until(lambda: pb.state == PlaybackState.PLAYING and pb.position_ms() > 500)
            notices = [str(v) for e, v in events if e is PlayerEvent.FAILOVER]
            assert len(notices) == 1 and "Dead" in notices[0] and "Mirror" in notices[0]
            assert pb.current is not None and pb.current.label == "Mirror"
        finally:
            pb.close()


@pytest.mark.asyncio
async def test_stalling_server_fails_over_at_the_same_position(services, hls_root, sample_video) -> None:
    pb, events = service(services, stall=2.0)
    with HlsServer(hls_root, stall_after=4) as srv:
        try:
            pb.play([hls(f"{srv.base}/v180/index.m3u8", "Stalling CDN"), local(sample_video, "Local copy")])
            await until(lambda: any(e is PlayerEvent.FAILOVER for e, _ in events), timeout=25)
            notice = next(str(v) for e, v in events if e is PlayerEvent.FAILOVER)
            assert "Stalling CDN" in notice and "Local copy" in notice
            await until(lambda: pb.state == PlaybackState.PLAYING and pb.position_ms() > 0)
            assert pb.current is not None and pb.current.label == "Local copy"
            assert pb.request is not None and pb.request.start_ms >= 1000  # resumed, not from the start
            assert pb.position_ms() >= pb.request.start_ms - 500
        finally:
            pb.close()


@pytest.mark.asyncio
async def test_nothing_left_is_an_error_never_a_spinner(services) -> None:
    pb, events = service(services, first_frame=3)
    try:
        pb.play([hls("http://127.0.0.1:9/a.m3u8", "A"), hls("http://127.0.0.1:9/b.m3u8", "B")])
        await until(lambda: pb.state == PlaybackState.ERROR)
        assert pb.error and "B" in pb.error
        assert [e for e, _ in events].count(PlayerEvent.FAILOVER) == 1
    finally:
        pb.close()


@pytest.mark.asyncio
async def test_dash_plays_where_libvlc_can(services, tmp_path) -> None:
    make_dash(tmp_path / "dash", seconds=6)
    pb, events = service(services)
    with HlsServer(tmp_path / "dash") as srv:
        try:
            req = MediaRequest(location=f"{srv.base}/manifest.mpd", item_key="media:dash", label="DASH")
            pb.play([Playable(kind=SourceKind.DIRECT, request=req, label="DASH")])
            await until(lambda: pb.state == PlaybackState.PLAYING and pb.position_ms() > 500)
            assert pb.length_ms() >= 5000 and srv.segments_served >= 2
            assert PlayerEvent.FAILOVER not in [e for e, _ in events]
        finally:
            pb.close()
