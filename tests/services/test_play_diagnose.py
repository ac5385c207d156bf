"""Why a source did not play, found out after the player gave up: the server's HTTP status, a web
page, an answer or a file with no video, a missing or empty file, a port nobody listens on."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from app.domain.models import MediaRequest
from app.services.playback.diagnose import Diagnosis, Why, diagnose, has_video_container
from tests.fakes.feed_server import feed_server


def _request(location: str) -> MediaRequest:
    return MediaRequest(location=location, item_key="media:test", label="test")


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_known_containers_are_video_and_text_is_not(sample_video: Path) -> None:
    assert has_video_container(sample_video.read_bytes()[:4096])
    assert has_video_container(b"\x1a\x45\xdf\xa3" + b"\x00" * 60)  # Matroska
    assert has_video_container(b"#EXTM3U\n#EXT-X-VERSION:3\n")
    assert not has_video_container(b"these are not pictures\n" * 10)
    assert not has_video_container(b"")


@pytest.mark.asyncio
async def test_links_say_status_page_no_video_or_unreachable(services, sample_video: Path) -> None:
    head = sample_video.read_bytes()[:65536]  # noqa: ASYNC240 - a test's small read
    with feed_server() as server:
        page = server.set("/page.mp4", b"<html><body>a page</body></html>", content_type="text/html")
        text = server.set(
            "/notes.mkv", b"not pictures at all\n" * 50, content_type="application/octet-stream"
        )
        video = server.set("/clip.mp4", head, content_type="video/mp4")
        assert await diagnose(services, _request(server.url("/gone.mp4"))) == Diagnosis(
            Why.HTTP_STATUS, status=404
        )
        assert await diagnose(services, _request(page)) == Diagnosis(Why.WEB_PAGE)
        assert await diagnose(services, _request(text)) == Diagnosis(Why.NO_VIDEO)
        assert await diagnose(services, _request(video)) is None  # nothing wrong to say about it
        assert server.hits["/gone.mp4"] == 1
    port = _closed_port()
    found = await diagnose(services, _request(f"http://127.0.0.1:{port}/x.mp4"))
    assert found is not None and found.why is Why.UNREACHABLE
    assert found.detail == f"cannot reach 127.0.0.1:{port} (connection refused)"


@pytest.mark.asyncio
async def test_files_say_missing_empty_or_no_video(services, tmp_path: Path, sample_video: Path) -> None:
    empty = tmp_path / "empty.mp4"
    empty.write_bytes(b"")
    notes = tmp_path / "notes.mkv"
    notes.write_text("these are not pictures\n" * 100)
    assert (await diagnose(services, _request(str(tmp_path / "nope.mp4")))) == Diagnosis(
        Why.MISSING, detail=str(tmp_path / "nope.mp4")
    )
    assert (await diagnose(services, _request(str(empty)))) == Diagnosis(Why.EMPTY, detail=str(empty))
    assert (await diagnose(services, _request(notes.as_uri()))) == Diagnosis(Why.NO_VIDEO, detail="notes.mkv")
    assert await diagnose(services, _request(str(sample_video))) is None
    assert (
        await diagnose(services, _request("magnet:?xt=urn:btih:" + "ab" * 20)) is None
    )  # torrents: the engine says
