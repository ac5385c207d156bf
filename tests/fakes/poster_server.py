"""A poster server on 127.0.0.1: valid JPEG/PNG/WebP and hostile answers (not an image, wrong
magic, over the size cap, truncated, a decompression bomb). Any other path gets a valid JPEG
whose bytes depend on the path, so content addressing sees distinct posters."""

from __future__ import annotations

import hashlib
import io
import struct
import zlib
from functools import lru_cache

from aiohttp import web
from PIL import Image

from tests.fakes.tmdb_server import Counters, ThreadedServer


@lru_cache(maxsize=64)
def make_image(fmt: str = "JPEG", size: tuple[int, int] = (500, 750), seed: int = 0) -> bytes:
    img = Image.new("RGB", size, ((seed * 37) % 256, (seed * 91) % 256, (seed * 13) % 256))
    for x in range(0, size[0], 25):  # a little texture so the JPEG is not trivially tiny
        for y in range(0, size[1], 25):
            img.putpixel((x, y), (255, 255, 255))
    buf = io.BytesIO()
    img.save(buf, fmt)
    return buf.getvalue()


def png_bomb(width: int = 60_000, height: int = 60_000) -> bytes:
    """A tiny PNG whose header claims 3.6 gigapixels (the IDAT is only a few rows)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * (width + 1) * 4, 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


class PosterServer:
    def __init__(self, cap_bytes: int = 10 * 1024 * 1024) -> None:
        self.cap_bytes = cap_bytes
        self.counters = Counters()
        app = web.Application()
        app.router.add_get("/{tail:.*}", self._handle)
        self._server = ThreadedServer(app)
        self.base_url = ""

    def start(self) -> str:
        self.base_url = self._server.start()
        return self.base_url

    def stop(self) -> None:
        self._server.stop()

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        self.counters.requests += 1
        path = request.path
        self.counters.paths.append(path)
        name = path.rsplit("/", 1)[-1]
        if name == "valid.png":
            return web.Response(body=make_image("PNG"), content_type="image/png")
        if name == "valid.webp":
            return web.Response(body=make_image("WEBP"), content_type="image/webp")
        if name == "not-image.jpg":
            return web.Response(text="<html>nope</html>", content_type="text/html")
        if name == "wrong-magic.jpg":
            return web.Response(body=b"GIF89a" + b"\x00" * 100, content_type="image/jpeg")
        if name == "huge.jpg":
            # Streamed without Content-Length: the client must stop reading at the cap.
            response = web.StreamResponse(headers={"Content-Type": "image/jpeg"})
            await response.prepare(request)
            head = make_image("JPEG")
            await response.write(head)
            block = b"\x00" * 65536
            sent = len(head)
            try:
                while sent <= self.cap_bytes + 2 * len(block):
                    await response.write(block)
                    sent += len(block)
            except (ConnectionResetError, RuntimeError):
                pass
            return response
        if name == "big.jpg":  # a Content-Length over a cap: refused before reading the body
            return web.Response(body=make_image("JPEG") + b"\x00" * self.cap_bytes, content_type="image/jpeg")
        if name == "truncated.jpg":
            data = make_image("JPEG", (800, 1200))
            return web.Response(body=data[: len(data) // 3], content_type="image/jpeg")
        if name == "bomb.png":
            return web.Response(body=png_bomb(), content_type="image/png")
        if name == "missing.jpg":
            return web.Response(status=404)
        seed = int(hashlib.sha1(path.encode()).hexdigest()[:4], 16) % 50
        return web.Response(body=make_image("JPEG", (500, 750), seed), content_type="image/jpeg")


def main() -> None:
    """Serve until stdin closes (for benchmarks that keep servers out of the client's process);
    prints the base URL on one line."""
    import sys

    server = PosterServer()
    print(server.start(), flush=True)
    try:
        sys.stdin.read()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
