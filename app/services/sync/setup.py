"""Setting a library server up, leaving it, and its status when no sync runs in this process.

The address is kept in the settings without its password; the password goes to the keyring
(``core.secrets``, name ``library_server``; headless: CINEMA_LIBRARY_SERVER_TOKEN) and is never
written to the settings, the database or the log.
"""

from __future__ import annotations

import logging
import socket
import time
from dataclasses import dataclass

from app.core import secrets
from app.core.config import save_settings
from app.domain.sync import BadServerAddress, ServerAddress, SyncError, SyncState, SyncStatus
from app.services.context import AppContext, SyncFlow
from app.services.sync.core import JoinReport, SyncCore
from app.storage.sync import local

log = logging.getLogger(__name__)

SECRET = "library_server"


def device_name() -> str:
    return socket.gethostname() or "this device"


def configured(services: AppContext) -> ServerAddress | None:
    """The library server of the settings (CINEMA_LIBRARY_URL or Settings), or None.

    BadServerAddress when the setting cannot be used."""
    url = services.settings.library_url.strip()
    return ServerAddress.parse(url) if url else None


def with_password(address: ServerAddress, password: str | None = None) -> ServerAddress:
    """The address with its password: given, in the URL, else the keyring's (may stay None)."""
    if password:
        return address.with_password(password)
    if address.password is not None:
        return address
    return address.with_password(secrets.get_secret(SECRET))


@dataclass
class SetupResult:
    address: ServerAddress
    report: JoinReport | None  # None: this device had joined that server already
    sent: int = 0
    received: int = 0
    password_kept: bool = True  # False: the keyring refused it (the environment must give it)


def setup(
    services: AppContext, url: str, *, password: str | None = None, upgrade: bool = False
) -> SetupResult:
    """Join the server at ``url``: its schema made ours (an older one only with ``upgrade``),
    this library merged into it both ways, the address saved. Our errors say what went wrong."""
    address = with_password(ServerAddress.parse(url), password)
    core = SyncCore(services.db, address, device_name=device_name())
    try:
        report = core.connect(upgrade=upgrade)
        received = len(core.pull().applied) if report is None else report.received
        sent = core.push() if report is None else report.sent
    finally:
        core.close()
    kept = True
    if address.password and (address.password != secrets.get_secret(SECRET)):
        try:
            secrets.set_secret(SECRET, address.password)
        except Exception as exc:  # keyring backends raise their own types; none may carry the value
            log.warning(
                "the library server's password could not be kept in the keyring (%s)", type(exc).__name__
            )
            kept = False
    services.settings = save_settings(services.paths, services.settings, library_url=address.display)
    return SetupResult(address, report, sent=sent, received=received, password_kept=kept)


def leave(services: AppContext) -> None:
    """No library server any more: this device keeps its library (as it is now) in SQLite only."""
    local.forget_server(services.db)
    services.settings = save_settings(services.paths, services.settings, library_url="")
    secrets.delete_secret(SECRET)


def sync_once(services: AppContext) -> tuple[int, int]:
    """Pull and push once (``cinema sync now``); (received, sent)."""
    address = configured(services)
    if address is None:
        raise SyncError("No library server is set: run “cinema sync setup URL” first.")
    core = SyncCore(services.db, with_password(address), device_name=device_name())
    try:
        joined = core.connect()
        if joined is not None:
            return joined.received, joined.sent
        received = len(core.pull().applied)
        return received, core.push()
    finally:
        core.close()


def probe_status(services: AppContext, *, probe: bool = True) -> SyncStatus:
    """The sync's status read from this device's database, the server asked once (``probe``)."""
    size, oldest = local.outbox_info(services.db)
    state_values = local.get_state(services.db)
    lag = 0.0 if oldest is None else max(0.0, time.time() - oldest / 1000)
    last_sync = float(state_values["last_sync_at"]) if state_values.get("last_sync_at") else None
    error = state_values.get("last_error")
    try:
        address = configured(services)
    except BadServerAddress as exc:
        return SyncStatus(SyncState.ERROR, services.settings.library_url, size, lag, str(exc), last_sync)
    if address is None:
        return SyncStatus(SyncState.OFF, None, size, None, None, last_sync, local.device_id(services.db))
    state = SyncState.SENDING if size else SyncState.SYNCED
    if probe:
        from app.storage.sync.server import Server

        server = Server(with_password(address), connect_timeout=3)
        try:
            schema = server.schema()
            if schema.state == "older":
                state, error = SyncState.NEEDS_UPGRADE, f"The server's schema ({schema.revision}) is older."
            elif schema.state in ("newer", "foreign"):
                state, error = SyncState.ERROR, f"The server's schema is {schema.state} ({schema.revision})."
            elif state_values.get("server_id") != server.server_id():
                state, error = SyncState.CONNECTING, "This device has not joined this server yet."
        except SyncError as exc:
            state, error = SyncState.OFFLINE, str(exc)
        finally:
            server.dispose()
    return SyncStatus(state, address.display, size, lag, error, last_sync, local.device_id(services.db))


def build_engine(services: AppContext) -> SyncFlow | None:
    """The live sync for the app (not started), or None without a library server."""
    from app.services.sync.engine import BrokenSync, SyncEngine

    try:
        address = configured(services)
    except BadServerAddress as exc:
        return BrokenSync(services.settings.library_url, str(exc))
    if address is None:
        return None
    return SyncEngine(
        services.db,
        address,
        services.bus,
        device_name=device_name(),
        password=lambda: secrets.get_secret(SECRET),
    )
