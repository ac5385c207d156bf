"""Why a server could not be reached, in words: "cannot reach 127.0.0.1:9 (connection refused)"."""

from __future__ import annotations

import errno
import socket
from urllib.parse import urlsplit

import httpx


def where(url: str) -> str:
    """``host:port`` of a URL (the default port named), never its path or query (keys live there)."""
    parts = urlsplit(url)
    host = parts.hostname or url
    port = parts.port or {"https": 443, "http": 80}.get(parts.scheme, 0)
    shown = f"[{host}]" if ":" in host else host
    return f"{shown}:{port}" if port else shown


def reason(exc: BaseException) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return "no answer in time"
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        if isinstance(cause, socket.gaierror):
            return "unknown host name"
        if isinstance(cause, ConnectionRefusedError) or getattr(cause, "errno", None) == errno.ECONNREFUSED:
            return "connection refused"
        if isinstance(cause, ConnectionResetError):
            return "the connection was reset"
        if getattr(cause, "errno", None) in (errno.ENETUNREACH, errno.EHOSTUNREACH):
            return "no route to it"
        cause = cause.__cause__ or cause.__context__
    text = str(exc).lower()
    if "refused" in text:
        return "connection refused"
    if "name or service not known" in text or "nodename nor servname" in text or "getaddrinfo" in text:
        return "unknown host name"
    if "ssl" in text or "certificate" in text:
        return "a secure connection could not be made"
    return type(exc).__name__


def unreachable(url: str, exc: BaseException) -> str:
    """The sentence for a request to ``url`` that failed with a transport error ``exc``."""
    return f"cannot reach {where(url)} ({reason(exc)})"


class Probe:
    """What a link answered to a small ranged GET: ``status`` and ``content_type``, or
    ``unreachable`` (in words) when no answer came."""

    def __init__(self, status: int | None, content_type: str = "", head: bytes = b"", unreachable: str = ""):
        self.status = status
        self.content_type = content_type
        self.head = head
        self.unreachable = unreachable


async def probe(client: httpx.AsyncClient, url: str, headers: dict[str, str] | None = None) -> Probe:
    """Ask ``url`` for its first kilobytes (why a player could not open it); never raises."""
    try:
        async with client.stream(
            "GET", url, headers={"Range": "bytes=0-4095", **(headers or {})}, timeout=8.0
        ) as response:
            head = b""
            if response.status_code < 400:
                async for chunk in response.aiter_bytes():
                    head += chunk
                    if len(head) >= 4096:
                        break
            return Probe(response.status_code, response.headers.get("content-type", ""), head[:4096])
    except (httpx.TimeoutException, httpx.TransportError) as exc:
        return Probe(None, unreachable=unreachable(url, exc))
    except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
        return Probe(None, unreachable=f"{where(url)}: {type(exc).__name__}")
