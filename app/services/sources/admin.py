"""The user's stream providers: Torznab indexers and Stremio addons added, listed, removed,
enabled or disabled; built-in ones (Nyaa, Rutube, own links) created once; all registered.

Keys (Torznab) and configured addon addresses live in the keyring only (``core.secrets``):
never in the database, a log line or a command line.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core import secrets
from app.domain.errors import CinemaError
from app.domain.models import SourceKind
from app.domain.streams import StreamCandidate
from app.providers.streams import setup
from app.services.context import AppContext
from app.services.sources import stored
from app.services.sources.events import ProviderDidChange
from app.services.sources.registration import build_real, client_for, register_stream_providers
from app.storage import sources_repo
from app.storage.sources_repo import ProviderRow

log = logging.getLogger(__name__)

__all__ = ["ProviderInfo", "add_addon", "add_indexer", "client_for", "register_stream_providers", "remove"]


class KeyringUnavailable(CinemaError):
    """The key could not be kept in the system keyring."""


@dataclass(frozen=True)
class ProviderInfo:
    """A provider as Settings and ``indexer list`` show it."""

    id: str
    kind: str
    name: str
    url: str | None
    enabled: bool
    status: str
    last_error: str | None
    latency_ms: int | None
    success_rate: float | None
    plays_ok: int
    plays_failed: int
    registered: bool


def user_reader(context: AppContext) -> Callable[[str], list[StreamCandidate]]:
    """The own links of a title as candidates (what the own-links provider is given)."""

    def read(title_id: str) -> list[StreamCandidate]:
        rows = sources_repo.user_sources(context.db, title_id)
        return [c for c in (stored.candidate_of(r) for r in rows) if c is not None]

    return read


def _now(context: AppContext) -> int:
    return int(context.clock.now().timestamp())


def _store_secret(provider_id: str, value: str) -> None:
    try:
        secrets.set_secret(setup.secret_name(provider_id), value)
    except Exception as exc:  # keyring backends raise their own types; none may show the value
        raise KeyringUnavailable(
            f"the system keyring is not available ({type(exc).__name__}); nothing was added"
        ) from exc


def _unique_id(context: AppContext, kind: str, name: str) -> str:
    base = f"{kind}:{setup.slug(name)}"
    taken = {p.id for p in sources_repo.providers(context.db)}
    pid, n = base, 2
    while pid in taken:
        pid, n = f"{base}-{n}", n + 1
    return pid


async def add_indexer(context: AppContext, name: str, url: str, key: str) -> ProviderInfo:
    """Check the indexer (its caps, with the key), keep the key in the keyring, register it."""
    if not name.strip():
        raise CinemaError("the indexer needs a name")
    if not key.strip():
        raise CinemaError("the indexer needs its API key")
    endpoint, caps = await setup.probe_indexer(url, key.strip(), client_for(context))
    pid = _unique_id(context, setup.TORZNAB, name)
    _store_secret(pid, key.strip())
    sources_repo.add_provider(context.db, pid, setup.TORZNAB, name.strip(), endpoint, caps, _now(context))
    return _registered(context, pid)


async def add_addon(context: AppContext, url: str) -> ProviderInfo:
    """Validate the addon's manifest, keep its full address in the keyring, register it."""
    name, public, manifest = await setup.probe_addon(url, client_for(context))
    for row in sources_repo.providers(context.db):
        same = row.kind == setup.STREMIO and row.manifest and row.manifest.get("id") == manifest.get("id")
        if same and secrets.get_secret(setup.secret_name(row.id)) == url.strip():
            raise CinemaError(f"{name} is added already ({row.id})")
    pid = _unique_id(context, setup.STREMIO, str(manifest.get("id") or name))
    _store_secret(pid, url.strip())
    sources_repo.add_provider(context.db, pid, setup.STREMIO, name, public, manifest, _now(context))
    return _registered(context, pid)


def _registered(context: AppContext, pid: str) -> ProviderInfo:
    row = sources_repo.provider(context.db, pid)
    assert row is not None
    provider = build_real(context, {"id": row.id, "kind": row.kind, "name": row.name, "url": row.url,
                                    "manifest": row.manifest})  # fmt: skip
    if provider is not None:
        context.providers.register(provider)
    context.bus.publish(ProviderDidChange(pid, "added", row.name))
    return info(context, row)


def remove(context: AppContext, provider_id: str, kinds: tuple[str, ...]) -> bool:
    row = sources_repo.provider(context.db, provider_id)
    if row is None or row.kind not in kinds:
        return False
    sources_repo.remove_provider(context.db, provider_id, _now(context))
    secrets.delete_secret(setup.secret_name(provider_id))
    context.providers.unregister(provider_id)
    context.bus.publish(ProviderDidChange(provider_id, "removed", row.name))
    return True


def set_enabled(context: AppContext, provider_id: str, enabled: bool) -> None:
    sources_repo.set_enabled(context.db, provider_id, enabled, _now(context))
    context.bus.publish(ProviderDidChange(provider_id, "enabled" if enabled else "disabled"))


def info(context: AppContext, row: ProviderRow) -> ProviderInfo:
    good, bad = sources_repo.provider_outcomes(context.db, row.id)
    return ProviderInfo(
        id=row.id, kind=row.kind, name=row.name, url=row.url, enabled=row.enabled, status=row.status,
        last_error=row.last_error, latency_ms=row.latency_ms, success_rate=row.success_rate,
        plays_ok=good, plays_failed=bad, registered=context.providers.get(row.id) is not None,
    )  # fmt: skip


def list_providers(context: AppContext, kinds: tuple[str, ...] | None = None) -> list[ProviderInfo]:
    rows = sources_repo.providers(context.db)
    known = {r.id for r in rows}
    out = [info(context, r) for r in rows if kinds is None or r.kind in kinds]
    if kinds is None:  # providers registered without a row (the TV playlist, a test's fake)
        for p in context.providers.all():
            if p.manifest.id not in known and p.manifest.capabilities and _streams(p):
                out.append(ProviderInfo(p.manifest.id, "built-in", p.manifest.name, None, True, "unknown",
                                        None, None, None, 0, 0, True))  # fmt: skip
    return out


def _streams(provider: Any) -> bool:
    from app.providers.base import Capability

    return Capability.STREAM_SEARCH in provider.manifest.capabilities


def events(context: AppContext, limit: int = 100) -> list[sources_repo.ProviderEvent]:
    """The action log, newest first."""
    return sources_repo.events(context.db, limit)


def allowed_roots(context: AppContext) -> list[Path]:
    """Folders own links may point into: home, the app's data, and the ``media_folders`` setting."""
    extra = [Path(p).expanduser() for p in context.settings.media_folders.split(os.pathsep) if p.strip()]
    return [Path.home(), context.paths.data, *extra]


KIND_OF_LINK = {
    SourceKind.DIRECT: "direct",
    SourceKind.HLS: "hls",
    SourceKind.TORRENT: "torrent",
    SourceKind.PAGE: "page",
}
