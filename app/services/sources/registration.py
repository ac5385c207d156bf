"""The stream providers put in the registry at start-up, cheaply: stand-ins that build the real
provider on first use (``providers.streams.lazy``), rows read without SQLAlchemy, no HTTP
client made. Bootstrap calls ``register_stream_providers``."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.domain.errors import CinemaError
from app.providers.streams.lazy import BUILT_IN, lazy_provider
from app.services.context import AppContext
from app.storage import provider_rows

if TYPE_CHECKING:
    from app.net.shared import HttpClient
    from app.providers.base import StreamSearch
    from app.providers.streams.http import ClientSource

log = logging.getLogger(__name__)


def client_for(context: AppContext) -> ClientSource:
    """The HTTP client the stream providers use: the app context's one shared client (issue 20),
    asked for when a provider sends (reading it now would make the client, and import httpx, on
    the way to the first paint)."""

    def shared() -> HttpClient:
        return context.http

    return shared


def _secret(name: str) -> str | None:
    from app.core.secrets import get_secret  # keyring loads when a key is first needed

    return get_secret(name)


def build_real(context: AppContext, row: dict[str, Any]) -> StreamSearch | None:
    """The real provider of a stored row (imports the providers: call it when it is needed)."""
    from app.providers.streams import setup
    from app.services.sources.admin import user_reader

    return setup.build(
        setup.StreamConfig(row["id"], row["kind"], row["name"], row["url"], row["manifest"]),
        secret=_secret,
        client=client_for(context),
        base_urls={
            setup.NYAA: context.settings.nyaa_base_url,
            setup.RUTUBE: context.settings.rutube_base_url,
        },
        user_links=user_reader(context),
    )


def _builder(context: AppContext, row: dict[str, Any]) -> Callable[[], StreamSearch | None]:
    return lambda: build_real(context, row)


def register_stream_providers(context: AppContext) -> list[str]:
    """Put every configured stream provider in ``context.providers``; the ids registered."""
    now = int(context.clock.now().timestamp())
    try:
        rows = provider_rows.configs(context.db)
    except CinemaError as exc:  # a damaged library: the command that reads it says so, not start-up
        log.warning("stream providers not read: %s", exc)
        rows = []
    missing = [b for b in BUILT_IN if b[0] not in {r["id"] for r in rows}]
    if missing:  # the first start (or a version that brings a new one): written once
        try:
            provider_rows.ensure_builtin(context.db, missing, now)
            rows = provider_rows.configs(context.db)
        except CinemaError as exc:  # a read-only or busy library: they are registered all the same
            log.info("built-in stream providers not written: %s", exc)
            rows += [
                {"id": pid, "kind": kind, "name": name, "url": None, "manifest": None}
                for pid, kind, name in missing
            ]
    registered = []
    for row in rows:
        provider = lazy_provider(row["id"], row["kind"], row["name"], row["manifest"], _builder(context, row))
        if provider is None:
            log.warning("stream provider %s of kind %s is not known to this version", row["id"], row["kind"])
            continue
        if provider.manifest.capabilities:
            context.providers.register(provider)
            registered.append(row["id"])
    return registered
