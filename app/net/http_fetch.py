"""Streaming feed download to a file through the app's one client: conditional GET, timeouts,
a byte cap, our errors only."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit, urlunsplit

import httpx

from app.domain.errors import AuthError, BadFeed, NotFound, ProviderUnavailable, RateLimited
from app.net.reach import unreachable

CHUNK = 256 * 1024


@dataclass(frozen=True)
class FetchResult:
    status: str  # "ok" (body written to path) or "unchanged" (304: nothing written)
    path: Path | None
    etag: str | None
    last_modified: str | None
    size: int
    content_type: str | None


def safe_label(url: str) -> str:
    """The URL without query string or credentials, fit for messages and logs."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


async def fetch_to_file(
    client: httpx.AsyncClient,
    url: str,
    dest: Path,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    timeout_s: float = 30.0,
    max_bytes: int = 2 * 1024**3,
    headers: dict[str, str] | None = None,
    params: dict[str, str] | None = None,
    on_bytes: Callable[[int], None] | None = None,
    deadline_s: float | None = None,
) -> FetchResult:
    """GET ``url`` through the app's client into ``dest`` (written beside it, then renamed).
    A 304 gives "unchanged". Chunks are written by a thread: a slow disk never holds the loop.

    Raises NotFound, AuthError, RateLimited, ProviderUnavailable (network, timeouts, 5xx) or
    BadFeed (over the byte cap); ``dest`` is never left half-written. ``deadline_s`` bounds the
    whole download (httpx's timeout is per read: a byte a second never trips it).
    """
    import asyncio

    try:
        async with asyncio.timeout(deadline_s):
            return await _fetch_to_file(
                client, url, dest, etag, last_modified, timeout_s, max_bytes, headers, params, on_bytes
            )
    except TimeoutError as exc:
        raise ProviderUnavailable(
            f"{safe_label(url)}: not finished within the download deadline of {deadline_s:g} s"
        ) from exc


async def _fetch_to_file(
    client: httpx.AsyncClient,
    url: str,
    dest: Path,
    etag: str | None,
    last_modified: str | None,
    timeout_s: float,
    max_bytes: int,
    headers: dict[str, str] | None,
    params: dict[str, str] | None,
    on_bytes: Callable[[int], None] | None,
) -> FetchResult:
    import asyncio

    label = safe_label(url)
    request_headers = {"Accept": "*/*", **(headers or {})}
    if etag:
        request_headers["If-None-Match"] = etag
    if last_modified:
        request_headers["If-Modified-Since"] = last_modified
    timeout = httpx.Timeout(timeout_s, connect=min(10.0, timeout_s))
    tmp = dest.with_name(dest.name + ".part")
    out: BinaryIO | None = None
    try:
        async with client.stream(
            "GET", url, headers=request_headers, params=params, timeout=timeout
        ) as response:
            _check_status(response, label)
            if response.status_code == 304:
                return FetchResult("unchanged", None, etag, last_modified, 0, None)
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise BadFeed(f"{label}: {int(declared)} bytes is over the {max_bytes} byte cap")
            size = 0
            out = await asyncio.to_thread(open, tmp, "wb")  # closed in finally
            async for chunk in response.aiter_bytes(CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise BadFeed(f"{label}: the feed grew past the {max_bytes} byte cap")
                await asyncio.to_thread(out.write, chunk)
                if on_bytes is not None:
                    on_bytes(size)
            out.close()
            os.replace(tmp, dest)
            return FetchResult(
                "ok",
                dest,
                response.headers.get("etag"),
                response.headers.get("last-modified"),
                size,
                response.headers.get("content-type"),
            )
    except httpx.TimeoutException as exc:
        raise ProviderUnavailable(f"{label}: timed out after {timeout_s:g} s") from exc
    except httpx.DecodingError as exc:
        raise BadFeed(f"{label}: the server sent a broken compressed body") from exc
    except httpx.TransportError as exc:  # refused, unknown host, reset: said in words
        raise ProviderUnavailable(f"{label}: {unreachable(url, exc)}") from exc
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise ProviderUnavailable(f"{label}: {type(exc).__name__}: {exc}") from exc
    finally:
        if out is not None:
            out.close()
        tmp.unlink(missing_ok=True)


def _check_status(response: httpx.Response, label: str) -> None:
    code = response.status_code
    if code < 400:
        return
    if code == 404:
        raise NotFound(f"{label}: not found (HTTP 404)")
    if code in (401, 403):
        raise AuthError(f"{label}: access refused (HTTP {code})")
    if code == 429:
        retry = response.headers.get("retry-after")
        raise RateLimited(
            f"{label}: too many requests (HTTP 429)",
            float(retry) if retry and retry.isdigit() else None,
        )
    raise ProviderUnavailable(f"{label}: HTTP {code}")
