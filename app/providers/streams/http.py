"""HTTP for the stream providers: capped GETs that raise our errors, hostile-safe XML and JSON.

Every stream provider reads small answers (an RSS page, a manifest, a JSON list), so bodies are
streamed under a byte cap (a server that sends gigabytes is cut off), XML is parsed without
entities, DTDs or network access, and keys in URLs never reach a message or a log line.
"""

from __future__ import annotations

import asyncio
import json
import re
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx
from lxml import etree

from app.domain.errors import AuthError, BadFeed, NotFound, ProviderUnavailable, RateLimited
from app.net.client import make_client, read_capped
from app.net.reach import reason

MAX_BODY = 4 * 1024 * 1024  # an indexer page or an addon's stream list is a few hundred KB
ClientSource = Callable[[], httpx.AsyncClient]


class LoopClients:
    """One pooled client per running event loop, for code without an app context (provider
    tests, ``bench/sources.py``). The app's providers use the context's one shared client
    (``services.sources.registration.client_for``)."""

    def __init__(self, timeout_s: float = 30.0) -> None:
        self._timeout_s = timeout_s
        self._clients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, httpx.AsyncClient] = (
            weakref.WeakKeyDictionary()
        )

    def __call__(self) -> httpx.AsyncClient:
        loop = asyncio.get_running_loop()
        client = self._clients.get(loop)
        if client is None or client.is_closed:
            client = make_client(self._timeout_s)
            self._clients[loop] = client
        return client


def safe_url(url: str) -> str:
    """``url`` without its query, fragment and credentials: fit for messages and logs."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "(invalid URL)"
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


@dataclass(frozen=True, slots=True)
class Body:
    status: int
    content_type: str
    data: bytes
    headers: Mapping[str, str]


async def get_capped(
    client: httpx.AsyncClient,
    url: str,
    *,
    name: str,
    params: Mapping[str, str] | None = None,
    headers: Mapping[str, str] | None = None,
    max_bytes: int = MAX_BODY,
    accept_status: tuple[int, ...] = (),
) -> Body:
    """GET ``url`` (at most ``max_bytes`` of body). ``name`` is the provider's name for messages.

    Raises AuthError (401/403), NotFound (404), RateLimited (429), ProviderUnavailable (5xx,
    timeouts, network) and BadFeed (too large) unless the status is in ``accept_status``.
    """
    where = safe_url(url)

    def too_large(declared: int | None) -> BadFeed:
        if declared is not None:
            return BadFeed(f"{name}: the answer is {declared} bytes, over the {max_bytes} byte cap")
        return BadFeed(f"{name}: the answer grew past the {max_bytes} byte cap; ignored")

    try:
        async with client.stream("GET", url, params=params, headers=headers) as response:
            status = response.status_code
            if status >= 400 and status not in accept_status:
                raise _status_error(name, status, response.headers.get("retry-after"))
            body = await read_capped(response, max_bytes, too_large)
            return Body(status, response.headers.get("content-type", ""), body, response.headers)
    except httpx.TimeoutException as exc:
        raise ProviderUnavailable(f"{name}: no answer in time from {where}") from exc
    except httpx.DecodingError as exc:
        raise BadFeed(f"{name}: a broken compressed answer from {where}") from exc
    except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
        raise ProviderUnavailable(f"{name}: cannot reach {where} ({reason(exc)})") from exc


def _status_error(name: str, status: int, retry_after: str | None) -> Exception:
    if status in (401, 403):
        return AuthError(f"{name}: access refused (HTTP {status}); check the key")
    if status == 404:
        return NotFound(f"{name}: not found (HTTP 404)")
    if status == 429:
        wait = float(retry_after) if retry_after and retry_after.strip().isdigit() else None
        later = f"; try again in {wait:g} s" if wait else ""
        return RateLimited(f"{name}: too many requests (HTTP 429){later}", wait)
    if status >= 500:
        return ProviderUnavailable(f"{name}: server error (HTTP {status})")
    return ProviderUnavailable(f"{name}: HTTP {status}")


_PARSER_OPTIONS: dict[str, Any] = {
    "resolve_entities": False,  # no entity expansion (billion laughs) and no external entities
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,
    "remove_comments": True,
    "recover": False,
}


def parse_xml(data: bytes, name: str) -> etree._Element:
    """The root of an XML answer, refusing DTDs with entities and anything unparseable."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if b"<!ENTITY" in data[:65536] or b"<!entity" in data[:65536].lower():
        raise BadFeed(f"{name}: the answer declares XML entities; refused")
    doctype = re.search(rb"<!DOCTYPE[^>\[]*", data[:65536], re.IGNORECASE)
    if doctype and re.search(rb"\b(SYSTEM|PUBLIC)\b", doctype.group(0)):
        raise BadFeed(f"{name}: the answer refers to an external DTD; refused")
    if not head.startswith(b"<"):
        raise BadFeed(f"{name}: the answer is not XML")
    try:
        root = etree.fromstring(data, etree.XMLParser(**_PARSER_OPTIONS))
    except etree.XMLSyntaxError as exc:
        raise BadFeed(f"{name}: the answer is not well-formed XML ({exc.msg})") from exc
    if root is None:
        raise BadFeed(f"{name}: empty XML answer")
    return root


def parse_json(data: bytes, name: str) -> Any:
    try:
        return json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadFeed(f"{name}: the answer is not JSON") from exc
