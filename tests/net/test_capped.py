"""The one capped body read (net.client.read_capped) behind the posters' fetch_capped and the
stream providers' get_capped: a body past the cap is refused whether the server declares its
size or not, each caller in its own words, and a body under the cap arrives whole."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from app.domain.errors import BadFeed
from app.net.client import TooLarge, fetch_capped, make_client
from app.providers.streams.http import get_capped

CAP = 1000


async def _declared(_request: web.Request) -> web.Response:
    return web.Response(body=b"x" * (CAP + 1), content_type="image/jpeg")


async def _chunked(request: web.Request) -> web.StreamResponse:
    response = web.StreamResponse(headers={"Content-Type": "image/jpeg"})
    response.enable_chunked_encoding()  # no Content-Length: the size shows only as it grows
    await response.prepare(request)
    for _ in range(5):
        await response.write(b"y" * 300)
    await response.write_eof()
    return response


async def _small(_request: web.Request) -> web.Response:
    return web.Response(body=b"z" * CAP, content_type="image/png")


@contextlib.asynccontextmanager
async def _server() -> AsyncIterator[str]:
    app = web.Application()
    app.router.add_get("/declared", _declared)
    app.router.add_get("/chunked", _chunked)
    app.router.add_get("/small", _small)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


@pytest.mark.asyncio
async def test_both_capped_gets_refuse_a_body_past_the_cap_in_their_own_words() -> None:
    async with _server() as base, make_client() as client:
        for path in ("/declared", "/chunked"):
            with pytest.raises(TooLarge, match=f"larger than {CAP} bytes"):
                await fetch_capped(client, base + path, CAP)
        with pytest.raises(BadFeed, match=f"Feed: the answer is {CAP + 1} bytes, over the {CAP} byte cap"):
            await get_capped(client, base + "/declared", name="Feed", max_bytes=CAP)
        with pytest.raises(BadFeed, match=f"Feed: the answer grew past the {CAP} byte cap"):
            await get_capped(client, base + "/chunked", name="Feed", max_bytes=CAP)

        assert await fetch_capped(client, base + "/small", CAP) == ("image/png", b"z" * CAP)
        body = await get_capped(client, base + "/small", name="Feed", max_bytes=CAP)
        assert (body.status, body.data) == (200, b"z" * CAP)
