"""Streaming feed download to a file: conditional GET, timeouts, a byte cap, our errors only."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx

from app import __version__
from app.domain.errors import AuthError, BadFeed, NotFound, ProviderUnavailable, RateLimited

USER_AGENT = f"Cinema/{__version__}"
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


def fetch_to_file(
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
    transport: httpx.BaseTransport | None = None,
) -> FetchResult:
    """GET ``url`` into ``dest`` (written beside it, then renamed). 304 gives "unchanged".

    Raises NotFound, AuthError, RateLimited, ProviderUnavailable (network, timeouts, 5xx) or
    BadFeed (over the byte cap); ``dest`` is never left half-written.
    """
    label = safe_label(url)
    request_headers = {"User-Agent": USER_AGENT, "Accept": "*/*", **(headers or {})}
    if etag:
        request_headers["If-None-Match"] = etag
    if last_modified:
        request_headers["If-Modified-Since"] = last_modified
    timeout = httpx.Timeout(timeout_s, connect=min(10.0, timeout_s))
    tmp = dest.with_name(dest.name + ".part")
    try:
        with (
            httpx.Client(timeout=timeout, follow_redirects=True, transport=transport) as client,
            client.stream("GET", url, headers=request_headers, params=params) as response,
        ):
            _check_status(response, label)
            if response.status_code == 304:
                return FetchResult("unchanged", None, etag, last_modified, 0, None)
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise BadFeed(f"{label}: {int(declared)} bytes is over the {max_bytes} byte cap")
            size = 0
            with open(tmp, "wb") as out:
                for chunk in response.iter_bytes(CHUNK):
                    size += len(chunk)
                    if size > max_bytes:
                        raise BadFeed(f"{label}: the feed grew past the {max_bytes} byte cap")
                    out.write(chunk)
                    if on_bytes is not None:
                        on_bytes(size)
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
    except httpx.HTTPError as exc:
        raise ProviderUnavailable(f"{label}: {type(exc).__name__}: {exc}") from exc
    finally:
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
