"""The app's one HTTP client, made on first use (httpx stays off the way to the first paint)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import asyncio

    from httpx import AsyncClient as HttpClient
else:
    HttpClient = Any

__all__ = ["HttpClient", "SharedClient"]

log = logging.getLogger(__name__)


class SharedClient:
    """Holds the one AsyncClient: one user agent, one pool, one set of limits (``net.client``).

    Pooled connections belong to the event loop that opened them: the GUI has one loop and so one
    client; the CLI runs a loop per command, and a loop that has ended leaves its client behind for
    a new one. ``aclose`` closes the client (bootstrap does it at shutdown).
    """

    def __init__(self) -> None:
        self._client: HttpClient | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def get(self, timeout_s: float = 30.0) -> HttpClient:
        """The client for the running loop; ``timeout_s`` applies when one is made."""
        import asyncio

        try:
            loop: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
        except RuntimeError:
            loop = None  # asked for outside a loop: the first loop that uses it adopts it
        client = self._client
        if client is not None and not client.is_closed:
            if self._loop is None or loop is None or self._loop is loop:
                self._loop = self._loop or loop
                return client
            if self._loop.is_running() and not self._loop.is_closed():
                raise RuntimeError("the app's HTTP client is in use by another running event loop")
            log.debug("the HTTP client's event loop has ended: a new client for the new loop")
        from app.net.client import make_client

        self._client = make_client(timeout_s)
        self._loop = loop
        return self._client

    @property
    def created(self) -> bool:
        return self._client is not None and not self._client.is_closed

    async def aclose(self) -> None:
        """Close the client; a client another running loop still uses is left to that loop."""
        import asyncio

        owner = self._loop
        if owner is not None and owner is not asyncio.get_running_loop() and owner.is_running():
            return
        client, self._client, self._loop = self._client, None, None
        if client is not None and not client.is_closed:
            await client.aclose()
