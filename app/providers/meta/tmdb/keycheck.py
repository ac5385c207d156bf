"""Trying a TMDB token once (Settings' Test, the welcome): refused, unreachable or fine, in words."""

from __future__ import annotations

import httpx

from app.domain.errors import AuthError, ProviderUnavailable, RateLimited
from app.net.reach import unreachable
from app.providers.meta.tmdb.client import _V3_KEY

TIMEOUT_S = 15.0


async def check_token(http: httpx.AsyncClient, base_url: str, token: str) -> None:
    """Ask ``/configuration`` with ``token`` (a v3 key or a read access token), once.

    Raises AuthError (401: refused), RateLimited (429) or ProviderUnavailable (cannot reach the
    server, or it failed); returns when TMDB accepted the token.
    """
    token = token.strip()
    if not token:
        raise AuthError("TMDB: no token given")
    url = f"{base_url.rstrip('/')}/configuration"
    v3 = bool(_V3_KEY.match(token))
    params = {"api_key": token} if v3 else None
    headers = {} if v3 else {"Authorization": f"Bearer {token}"}
    try:
        response = await http.get(url, params=params, headers=headers, timeout=TIMEOUT_S)
    except (httpx.TimeoutException, httpx.TransportError) as exc:
        raise ProviderUnavailable(f"TMDB: {unreachable(url, exc)}") from None
    status = response.status_code
    if status == 401:
        raise AuthError("TMDB refused the token (HTTP 401): copy the API Read Access Token again")
    if status == 429:
        raise RateLimited("TMDB asks us to slow down (HTTP 429); try again in a moment")
    if status >= 400:
        raise ProviderUnavailable(f"TMDB answered HTTP {status}")
