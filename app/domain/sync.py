"""The shared library's sync (issue 17): its state as the user sees it, its errors, the conflict rules.

A change carries a ``Stamp``: its clock (unix ms; for progress the time it was watched), a second
clock for progress's watched mark, the device that made it, and whether it deletes the row.
The rules (docs/notes/17.md): the newer stamp wins per row, ties broken by the device id so that
every device and the server settle on the same row; a deletion wins over older edits and loses
to newer ones; progress merges two registers (the position by the time it was watched, the
watched mark by the time it was set) and keeps the higher view count.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from app.domain.errors import CinemaError


class SyncError(CinemaError):
    """The library server cannot be used now; the message says why and what to do."""


class BadServerAddress(SyncError):
    """The library server's address is not a PostgreSQL URL we can use."""


class ServerUnreachable(SyncError):
    """No answer from the library server (down, wrong host or port, network gone)."""


class ServerRefused(SyncError):
    """The server answered but refused us: wrong password or user, no such database, TLS."""


class ServerRejected(SyncError):
    """The server refused a change as data (a value out of its range, a broken reference): that
    row stays on this device only; the other changes go on."""


class ServerSchemaNewer(SyncError):
    """The server was upgraded by a newer Cinema: this one must be updated first."""


class ServerSchemaOlder(SyncError):
    """The server's schema is older: upgrading it needs the user's consent."""

    def __init__(self, message: str, revision: str) -> None:
        super().__init__(message)
        self.revision = revision


class SyncState(StrEnum):
    OFF = "off"  # no library server set
    CONNECTING = "connecting"
    SYNCED = "synced"  # online, nothing waiting
    SENDING = "sending"  # online, changes on their way
    OFFLINE = "offline"  # the server is away: changes wait in the outbox
    NEEDS_UPGRADE = "needs_upgrade"  # the server's schema is older: asks for consent
    ERROR = "error"  # the server refuses us (password, newer schema ...): the user must act


@dataclass(frozen=True, slots=True)
class SyncStatus:
    state: SyncState
    server: str | None  # the address without its password
    outbox_size: int  # changes made here, not yet on the server
    lag: float | None  # seconds the oldest waiting change has waited (0: none waits)
    last_error: str | None  # the last failure in words
    last_sync_at: float | None  # unix seconds of the last exchange with the server
    device: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "server": self.server,
            "state": self.state.value,
            "lag": None if self.lag is None else round(self.lag, 3),
            "outbox_size": self.outbox_size,
            "last_error": self.last_error,
            "last_sync_at": self.last_sync_at,
            "device": self.device,
        }


@dataclass(frozen=True, slots=True)
class Stamp:
    clock: int
    clock2: int
    device: str
    deleted: bool = False

    @property
    def latest(self) -> int:
        return max(self.clock, self.clock2)


def newer(a: Stamp, b: Stamp) -> bool:
    """Whether a change stamped ``a`` wins over the row's stamp ``b`` (single-register rows).

    Clock 0 marks a row a device brought when it joined, with no time of its own: it fills a
    gap but never replaces a row the server already has.
    """
    if a.clock == 0:
        return False
    return (a.clock, a.device) > (b.clock, b.device)


def wins_over_deletion(change: Stamp, tombstone: Stamp) -> bool:
    """An edit after a deletion brings the row back; an older edit stays deleted."""
    return (change.latest, change.device) > (tombstone.clock, tombstone.device)


POSITION_FIELDS = ("position_ms", "duration_ms", "updated_at", "title_id")
WATCHED_FIELDS = ("watched", "watched_at")


def merge_progress(
    mine: dict[str, Any], mine_stamp: Stamp, theirs: dict[str, Any], theirs_stamp: Stamp
) -> tuple[dict[str, Any], Stamp]:
    """The progress row both sides settle on: each register from the side that set it later."""
    merged = dict(mine)
    clock, device = mine_stamp.clock, mine_stamp.device
    if (theirs_stamp.clock, theirs_stamp.device) > (mine_stamp.clock, mine_stamp.device):
        merged.update({f: theirs.get(f) for f in POSITION_FIELDS})
        clock, device = theirs_stamp.clock, theirs_stamp.device
    clock2 = mine_stamp.clock2
    if _watched_wins(theirs, theirs_stamp.clock2, mine, mine_stamp.clock2):
        merged.update({f: theirs.get(f) for f in WATCHED_FIELDS})
        clock2 = theirs_stamp.clock2
    merged["view_count"] = max(int(mine.get("view_count") or 0), int(theirs.get("view_count") or 0))
    return merged, Stamp(clock, clock2, device)


def _watched_wins(theirs: dict[str, Any], their_clock: int, mine: dict[str, Any], my_clock: int) -> bool:
    if their_clock != my_clock:
        return their_clock > my_clock
    # set at the same moment on two devices: a mark beats no mark, the earlier watch time stays
    return (bool(theirs.get("watched")), -(theirs.get("watched_at") or 0)) > (
        bool(mine.get("watched")),
        -(mine.get("watched_at") or 0),
    )


SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
OPTIONS = ("sslmode", "sslrootcert", "sslcert", "sslkey", "sslcrl", "connect_timeout")
SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
EXAMPLE = "postgresql://USER@HOST:5432/DATABASE?sslmode=require"


@dataclass(frozen=True, slots=True)
class ServerAddress:
    """A library server: PostgreSQL's host, port, user, database and TLS options.

    The password never appears in ``str()``, ``repr()`` or ``display``: it lives in the keyring
    (or the environment) and is handed to the driver only.
    """

    host: str
    port: int
    user: str
    database: str
    options: tuple[tuple[str, str], ...] = ()
    password: str | None = field(default=None, repr=False, compare=False)

    @classmethod
    def parse(cls, url: str) -> ServerAddress:
        """``postgresql://user[:password]@host[:port]/database[?sslmode=...]``; BadServerAddress."""
        from urllib.parse import parse_qsl, unquote, urlsplit

        text = (url or "").strip()
        if not text:
            raise BadServerAddress(f"No library server given. Example: {EXAMPLE}")
        try:
            parts = urlsplit(text)
            port = parts.port
        except ValueError as exc:
            raise BadServerAddress(
                f"The address “{_shown(text)}” is not a valid URL ({exc}). Example: {EXAMPLE}"
            ) from exc
        if parts.scheme.lower() not in SCHEMES:
            raise BadServerAddress(
                f"The library server must be a PostgreSQL URL starting with postgresql://, not "
                f"“{parts.scheme or _shown(text)}”. Example: {EXAMPLE}"
            )
        if not parts.hostname:
            raise BadServerAddress(f"The address names no host. Example: {EXAMPLE}")
        if not parts.username:
            raise BadServerAddress(f"The address names no user (USER@ before the host). Example: {EXAMPLE}")
        database = unquote(parts.path.lstrip("/"))
        if not database or "/" in database:
            raise BadServerAddress(
                f"The address names no database (/DATABASE after the host). Example: {EXAMPLE}"
            )
        options: list[tuple[str, str]] = []
        for name, value in parse_qsl(parts.query, keep_blank_values=True):
            if name not in OPTIONS:
                raise BadServerAddress(
                    f"Unknown option “{name}” in the address; known: {', '.join(OPTIONS)}."
                )
            if name == "sslmode" and value not in SSL_MODES:
                raise BadServerAddress(f"sslmode must be one of {', '.join(SSL_MODES)}, not “{value}”.")
            options.append((name, value))
        return cls(
            host=parts.hostname,
            port=port or 5432,
            user=unquote(parts.username),
            database=database,
            options=tuple(options),
            password=unquote(parts.password) if parts.password is not None else None,
        )

    def with_password(self, password: str | None) -> ServerAddress:
        from dataclasses import replace as _replace

        return _replace(self, password=password)

    @property
    def display(self) -> str:
        """The URL without its password (settings, status, logs)."""
        from urllib.parse import quote, urlencode

        host = f"[{self.host}]" if ":" in self.host else self.host
        url = f"postgresql://{quote(self.user, safe='')}@{host}:{self.port}/{quote(self.database, safe='')}"
        return f"{url}?{urlencode(self.options)}" if self.options else url

    def __str__(self) -> str:
        return self.display

    @property
    def sslmode(self) -> str | None:
        return dict(self.options).get("sslmode")


def _shown(text: str) -> str:
    """Text from the user shown back without anything that may be a password."""
    if "@" in text:
        head, _, tail = text.rpartition("@")
        scheme, sep, rest = head.partition("://")
        user = rest.split(":", 1)[0]
        return f"{scheme}{sep}{user}:***@{tail}" if ":" in rest else text
    return text
