"""Posters: valid JPEG/PNG/WebP stored once under content-addressed names; hostile ones refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from app.net.client import make_client
from app.services.enrich.posters import THUMB_WIDTH, PosterRejected, PosterStore, sniff, store_image
from tests.fakes.poster_server import PosterServer, make_image, png_bomb


@pytest.fixture
def server() -> Iterator[PosterServer]:
    s = PosterServer()
    s.start()
    yield s
    s.stop()


def test_sniff_magic() -> None:
    assert sniff(make_image("JPEG")) == "jpeg"
    assert sniff(make_image("PNG")) == "png"
    assert sniff(make_image("WEBP")) == "webp"
    assert sniff(b"GIF89a....") is None


def test_store_is_content_addressed_with_thumbnail(tmp_path: Path) -> None:
    images = tmp_path / "images"
    data = make_image("JPEG", (1000, 1500))
    first = store_image(data, "image/jpeg", tmp_path, images)
    again = store_image(data, "image/jpeg; charset=binary", tmp_path, images)
    assert first == again
    assert first.path.endswith(".jpg") and (tmp_path / first.path).read_bytes() == data
    with Image.open(tmp_path / first.thumb) as thumb:
        assert thumb.width == THUMB_WIDTH and thumb.height == 513
    assert len(list(images.rglob("*"))) == 3  # one folder, original, thumbnail


@pytest.mark.parametrize(
    ("data", "ctype", "reason"),
    [
        (b"<html>", "text/html", "content type"),
        (b"GIF89a" + b"\0" * 10, "image/jpeg", "magic"),
        (make_image("JPEG", (800, 1200))[:4000], "image/jpeg", "decoded"),
        (png_bomb(), "image/png", "bomb"),
        (png_bomb(7000, 7000), "image/png", "pixels refused"),
    ],
)
def test_hostile_images_refused(tmp_path: Path, data: bytes, ctype: str, reason: str) -> None:
    with pytest.raises(PosterRejected) as info:
        store_image(data, ctype, tmp_path, tmp_path / "images")
    assert reason in str(info.value)
    assert not (tmp_path / "images").exists() or not any((tmp_path / "images").rglob("*.jpg"))


@pytest.mark.asyncio
async def test_download_valid_and_hostile(tmp_path: Path, server: PosterServer) -> None:
    images = tmp_path / "images"
    async with make_client(10.0) as http:
        store = PosterStore(http, tmp_path, images)
        for name in ("valid.png", "valid.webp", "w500/abc.jpg"):
            stored = await store.fetch(f"{server.base_url}/t/p/{name}")
            assert stored is not None and (tmp_path / stored.thumb).is_file()
        for name in (
            "not-image.jpg",
            "wrong-magic.jpg",
            "huge.jpg",
            "truncated.jpg",
            "bomb.png",
            "missing.jpg",
        ):
            assert await store.fetch(f"{server.base_url}/t/p/{name}") is None, name
        # Downloaded once: asking again for a stored URL costs no request.
        before = server.counters.requests
        assert await store.fetch(f"{server.base_url}/t/p/w500/abc.jpg") is not None
        assert server.counters.requests == before
    assert store.refused[f"{server.base_url}/t/p/missing.jpg"] == "not_found"
    assert store.refused[f"{server.base_url}/t/p/bomb.png"] == "rejected"
    assert f"{server.base_url}/t/p/huge.jpg" in store.refused
    stored_files = sorted(p.suffix for p in images.rglob("*") if p.is_file())
    assert stored_files == [".jpg", ".jpg", ".jpg", ".jpg", ".png", ".webp"]
    assert not list(images.rglob("*.part"))


def test_two_writers_of_one_poster_both_succeed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 19 item 4: two downloads of the same poster stored at once. Both have written their
    temp file before either renames (a barrier in os.replace); with one shared ``.part`` name the
    second rename found no file and the poster was refused. Now both succeed, the files are whole,
    and no temp file is left."""
    import os
    import threading

    images = tmp_path / "images"
    data = make_image("JPEG", (600, 900))
    real_replace = os.replace
    barrier = threading.Barrier(2, timeout=10)

    def replace_together(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if str(dst).endswith(".jpg") and "_w" not in str(dst):
            barrier.wait()  # both writers hold their bytes on disk before either renames
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace_together)
    results: list[object] = []

    def store() -> None:
        try:
            results.append(store_image(data, "image/jpeg", tmp_path, images))
        except Exception as exc:  # recorded and asserted on below
            results.append(exc)

    threads = [threading.Thread(target=store) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert len(results) == 2 and all(not isinstance(r, Exception) for r in results), results
    assert results[0] == results[1]
    stored = results[0]
    assert (tmp_path / stored.path).read_bytes() == data  # type: ignore[attr-defined]
    assert not list(images.rglob("*.part"))


@pytest.mark.asyncio
async def test_a_poster_that_cannot_be_written_is_not_remembered_as_refused(
    tmp_path: Path, server: PosterServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 19 item 4: a full disk is not the image's fault; the URL is not refused for a day."""
    import errno
    import os

    def disk_full(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    images = tmp_path / "images"
    async with make_client(10.0) as http:
        store = PosterStore(http, tmp_path, images)
        url = f"{server.base_url}/t/p/w500/abc.jpg"
        with monkeypatch.context() as patched:
            patched.setattr(os, "replace", disk_full)
            assert await store.fetch(url) is None
        assert store.refused == {} and store.rejected == 0
        assert not list(images.rglob("*.part"))  # the temp files went with the failure
        stored = await store.fetch(url)  # the disk has room again: stored
        assert stored is not None and (tmp_path / stored.thumb).is_file()
