"""How the app's one httpx.AsyncClient is built (one user agent, one pool, connect retries), and
capped GETs on it for images and small texts (playlists)."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from app import __version__
from app.domain.errors import NotFound, ProviderUnavailable

USER_AGENT = f"Cinema/{__version__}"
MAX_CONNECTIONS = 16
CONNECT_RETRIES = 1  # a refused or reset connect is tried once more; HTTP statuses are net.retry's


def make_client(
    timeout_s: float = 30.0,
    *,
    max_connections: int = MAX_CONNECTIONS,
    transport: httpx.AsyncBaseTransport | None = None,
) -> httpx.AsyncClient:
    """Build the app's client: our User-Agent, sane timeouts, pooled keep-alive connections."""
    limits = httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections)
    return httpx.AsyncClient(
        headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
        timeout=httpx.Timeout(timeout_s, connect=min(10.0, timeout_s)),
        limits=limits,
        transport=transport or httpx.AsyncHTTPTransport(limits=limits, retries=CONNECT_RETRIES),
        follow_redirects=True,
    )


class TooLarge(ProviderUnavailable):
    """A download went past its byte cap and was abandoned."""


IMAGE_DEADLINE_S = 60.0  # a whole image download (httpx's timeout is per read)
TEXT_DEADLINE_S = 30.0  # a whole playlist read (HLS variants)


async def fetch_capped(
    client: httpx.AsyncClient, url: str, max_bytes: int, *, deadline_s: float = IMAGE_DEADLINE_S
) -> tuple[str, bytes]:
    """GET ``url`` and return (content type, body), refusing bodies over ``max_bytes``.

    The body is streamed so that a hostile server cannot make us hold more than the cap, and the
    whole download ends by ``deadline_s`` (a byte a second never trips a per-read timeout).
    """
    import asyncio

    try:
        async with asyncio.timeout(deadline_s):
            return await _fetch_capped(client, url, max_bytes)
    except TimeoutError as exc:
        raise ProviderUnavailable(f"download not finished within {deadline_s:g} s") from exc


async def _fetch_capped(client: httpx.AsyncClient, url: str, max_bytes: int) -> tuple[str, bytes]:
    try:
        async with client.stream("GET", url, headers={"Accept": "image/*"}) as response:
            if response.status_code == 404:
                raise NotFound(f"{url} not found")
            if response.status_code >= 400:
                raise ProviderUnavailable(f"download failed with HTTP {response.status_code}")
            body = await read_capped(
                response, max_bytes, lambda _declared: TooLarge(f"download larger than {max_bytes} bytes")
            )
            return response.headers.get("content-type", ""), body
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise ProviderUnavailable(f"download failed: {type(exc).__name__}") from exc


async def read_capped(
    response: httpx.Response, max_bytes: int, too_large: Callable[[int | None], Exception]
) -> bytes:
    """The body of a streamed ``response``, never more than ``max_bytes`` held: past the cap
    (by its Content-Length before reading, or as it grows) ``too_large(declared size or None)``
    is raised. The one capped body read (images, texts, the stream providers' answers)."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise too_large(int(declared))
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise too_large(None)
        chunks.append(chunk)
    return b"".join(chunks)


async def fetch_text(
    client: httpx.AsyncClient,
    url: str,
    *,
    headers: dict[str, str] | None = None,
    timeout_s: float = 5.0,
    max_bytes: int = 1024 * 1024,
) -> tuple[str, str]:
    """GET a small text (a playlist) and return (the URL it came from after redirects, text).
    Raises NotFound, ProviderUnavailable (network, status, over ``max_bytes``, or not done by
    ``TEXT_DEADLINE_S`` however slowly the bytes come)."""
    import asyncio

    try:
        async with asyncio.timeout(TEXT_DEADLINE_S):
            return await _fetch_text(client, url, headers, timeout_s, max_bytes)
    except TimeoutError as exc:
        raise ProviderUnavailable(f"download not finished within {TEXT_DEADLINE_S:g} s") from exc


async def _fetch_text(
    client: httpx.AsyncClient,
    url: str,
    headers: dict[str, str] | None,
    timeout_s: float,
    max_bytes: int,
) -> tuple[str, str]:
    timeout = httpx.Timeout(timeout_s, connect=min(10.0, timeout_s))
    try:
        async with client.stream(
            "GET", url, headers={"Accept": "*/*", **(headers or {})}, timeout=timeout
        ) as response:
            if response.status_code == 404:
                raise NotFound(f"{url} not found")
            if response.status_code >= 400:
                raise ProviderUnavailable(f"HTTP {response.status_code}")
            data = bytearray()
            async for chunk in response.aiter_bytes():
                data += chunk
                if len(data) > max_bytes:
                    raise TooLarge(f"over {max_bytes} bytes")
            return str(response.url), data.decode(response.encoding or "utf-8", "replace")
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise ProviderUnavailable(f"{type(exc).__name__}: {exc}") from exc
