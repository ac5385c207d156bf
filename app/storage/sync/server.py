"""The library server (PostgreSQL): its schema version, pushes applied by the rules, the change log.

The server holds the same tables as each device (one alembic history) and, in ``sync_log``,
every change it accepted. Pushes take a transaction-level advisory lock, so log rows commit in
the order of their ``seq`` and a device reading from its cursor never skips one. The password
reaches the driver only (``URL.create``); our messages never carry it.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import Engine, create_engine, event, select, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from app.domain.sync import (
    ServerAddress,
    ServerRefused,
    ServerRejected,
    ServerSchemaNewer,
    ServerSchemaOlder,
    ServerUnreachable,
    Stamp,
    SyncError,
)
from app.storage import tables as t
from app.storage.dialect import upsert
from app.storage.sync.apply import Change, apply_change

log = logging.getLogger(__name__)

LOG_LOCK = 0x43494E45  # "CINE": pushes (and so log rows) commit one after the other
MIGRATE_LOCK = 0x43494E4D  # "CINM": one device upgrades the schema at a time
CHANNEL = "cinema_library"

# How soon a dead server or network is noticed: connecting, and a silent TCP peer (keepalives,
# unacknowledged sends). A household server on a LAN answers in milliseconds.
CONNECT_TIMEOUT_S = 5
KEEPALIVE = {"keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2, "keepalives_count": 3}
TCP_USER_TIMEOUT_MS = 10_000
# The server's side of a device whose network vanished mid-push: its transaction holds the log's
# lock, so the server ends it after this long idle (not the 2 h of the server's own keepalives)
# and a waiting push gives up after LOCK_WAIT_MS and tries again later.
IDLE_IN_TRANSACTION_MS = 15_000
LOCK_WAIT_MS = 20_000
SERVER_KEEPALIVE = "-c tcp_keepalives_idle=10 -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3"

SchemaState = Literal["empty", "current", "older", "newer", "foreign"]


def connect_params(address: ServerAddress, *, connect_timeout: int = CONNECT_TIMEOUT_S) -> dict[str, Any]:
    """libpq parameters besides host/port/user/database: timeouts, keepalives, the URL's TLS options."""
    params: dict[str, Any] = {
        "connect_timeout": connect_timeout,
        "application_name": "cinema-sync",
        "tcp_user_timeout": TCP_USER_TIMEOUT_MS,
        "options": SERVER_KEEPALIVE,
        **KEEPALIVE,
    }
    params.update(dict(address.options))
    return params


_WHERE = re.compile(r'^(connection failed: )?connection to server at "[^"]*"(, port \d+)? failed: ', re.I)


def scrub(message: str, address: ServerAddress) -> str:
    """A driver's message on one line, without the password (should it ever echo one) and without
    the host and port our sentence names already."""
    text_ = _WHERE.sub("", " ".join(str(message).split()))
    if address.password:
        text_ = text_.replace(address.password, "***")
    return text_


# the driver's words for a server or network that went away (tried again later, nothing lost)
_GONE = (
    "connection refused", "timeout", "timed out", "could not translate host name", "no route to host",
    "server closed the connection", "terminating connection", "connection reset", "broken pipe",
    "network is unreachable", "the connection is lost", "consuming input failed", "connection is closed",
    "the database system is shutting down", "the database system is starting up", "sending query",
)  # fmt: skip


def translate(exc: BaseException, address: ServerAddress) -> SyncError:
    """Our error, in words, for a failure talking to the server."""
    original = getattr(exc, "orig", None) or exc
    detail = scrub(str(original), address)
    low = detail.lower()
    where = f"{address.host}:{address.port}"
    if "password authentication failed" in low or "no password supplied" in low:
        return ServerRefused(f"The library server refused the password for user “{address.user}”.")
    if "role" in low and "does not exist" in low:
        return ServerRefused(f"The library server has no user “{address.user}”.")
    if "database" in low and "does not exist" in low:
        return ServerRefused(f"The library server has no database “{address.database}”: create it first.")
    if "ssl" in low or "certificate" in low:
        return ServerRefused(
            f"TLS with the library server failed (sslmode={address.sslmode or 'prefer'}): {detail}"
        )
    sqlstate = str(getattr(original, "sqlstate", "") or "")
    if sqlstate[:2] in ("22", "23"):  # data exception, integrity violation: this change, not the link
        return ServerRejected(f"The library server refused a change: {detail}")
    if "lock timeout" in low:
        return ServerUnreachable(
            f"The library server {where} is busy with another device's changes; trying again."
        )
    if "permission denied" in low or "must be owner" in low:
        return ServerRefused(f"The user “{address.user}” may not change the library's tables: {detail}")
    if any(w in low for w in _GONE):
        return ServerUnreachable(f"The library server {where} does not answer: {detail}")
    if isinstance(original, DBAPIError | SQLAlchemyError) or "psycopg" in type(original).__module__:
        return ServerUnreachable(f"The library server {where} failed: {detail}")
    return SyncError(f"The library server {where} failed: {detail}")


@dataclass(frozen=True, slots=True)
class Schema:
    state: SchemaState
    revision: str | None


@dataclass
class PushResult:
    logged: int = 0  # changes the server took (each is now in its log)
    corrections: list[Change] = field(default_factory=list)  # where the server holds something else


class Server:
    """One library server: a small pool of connections to it (SQLAlchemy + psycopg 3)."""

    def __init__(self, address: ServerAddress, *, connect_timeout: int = CONNECT_TIMEOUT_S) -> None:
        self.address = address
        url = URL.create(
            "postgresql+psycopg",
            username=address.user,
            password=address.password,
            host=address.host,
            port=address.port,
            database=address.database,
        )
        self.engine: Engine = create_engine(
            url,
            pool_pre_ping=True,  # a pooled connection may have died with the server or the network
            pool_size=2,
            max_overflow=2,
            connect_args=connect_params(address, connect_timeout=connect_timeout),
        )
        self.statements = 0  # sent by this process (the idle-load figure)
        event.listen(self.engine, "before_cursor_execute", self._count)

    def _count(self, *_args: Any) -> None:
        self.statements += 1

    @contextmanager
    def errors(self) -> Iterator[None]:
        try:
            yield
        except SyncError:
            raise
        except Exception as exc:
            raise translate(exc, self.address) from None

    def dispose(self) -> None:
        self.engine.dispose()

    # -- the schema --------------------------------------------------------------------------
    def schema(self) -> Schema:
        from app.storage.db import head_revision

        with self.errors(), self.engine.connect() as conn:
            has_version = conn.execute(text("SELECT to_regclass('alembic_version') IS NOT NULL")).scalar()
            revision = (
                conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
                if has_version
                else None
            )
            if revision is None:
                others = conn.execute(
                    text(
                        "SELECT count(*) FROM information_schema.tables "
                        "WHERE table_schema = current_schema() AND table_name <> 'alembic_version'"
                    )
                ).scalar()
                return Schema("foreign" if others else "empty", None)
        if revision == head_revision():
            return Schema("current", revision)
        return Schema("older" if revision in _known_revisions() else "newer", revision)

    def prepare(self, *, upgrade: bool = False) -> str:
        """Make the server's schema ours; the server's id. Empty: created. Older: upgraded only
        with ``upgrade`` (the user's consent), else ServerSchemaOlder. Newer or foreign: refused."""
        from app.storage.db import head_revision, migrate

        found = self.schema()
        if found.state == "newer":
            raise ServerSchemaNewer(
                f"The library server's schema ({found.revision}) is newer than this Cinema knows "
                f"({head_revision()}): another device upgraded it. Update Cinema on this device."
            )
        if found.state == "foreign":
            raise ServerRefused(
                f"The database “{self.address.database}” already holds tables that are not Cinema's: "
                "give Cinema an empty database of its own."
            )
        if found.state == "older" and not upgrade:
            raise ServerSchemaOlder(
                f"The library server's schema ({found.revision}) is older than this Cinema's "
                f"({head_revision()}). Upgrading it makes devices with an older Cinema refuse it "
                "until they are updated.",
                found.revision or "",
            )
        if found.state in ("empty", "older"):
            with self.errors(), self.engine.connect() as lock:
                lock.execute(text("SELECT pg_advisory_lock(:k)"), {"k": MIGRATE_LOCK})
                lock.commit()
                try:
                    again = self.schema()  # another device may have done it while we waited
                    if again.state in ("empty", "older"):
                        log.info(
                            "library server %s: schema %s -> %s",
                            self.address,
                            again.revision,
                            head_revision(),
                        )
                        migrate(self.engine)
                    if again.state == "empty":
                        self._fresh()
                finally:
                    lock.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": MIGRATE_LOCK})
                    lock.commit()
        return self.server_id()

    def _fresh(self) -> None:
        """A new server's profiles come from the devices: the migration's "Default" goes."""
        with self.engine.begin() as conn:
            conn.execute(t.profiles.delete())
            conn.execute(
                upsert(
                    conn, t.app_state, ("key",), values={"key": "sync.server_id", "value": uuid.uuid4().hex}
                )
            )

    def server_id(self) -> str:
        with self.errors(), self.engine.begin() as conn:
            found = conn.execute(
                select(t.app_state.c.value).where(t.app_state.c.key == "sync.server_id")
            ).scalar()
            if found is None:  # a server made before ids were kept
                found = uuid.uuid4().hex
                conn.execute(
                    upsert(conn, t.app_state, ("key",), values={"key": "sync.server_id", "value": found})
                )
        return str(found)

    # -- the data ----------------------------------------------------------------------------
    def profiles(self) -> list[tuple[str, str]]:
        """(uid, name) of the server's profiles."""
        with self.errors(), self.engine.connect() as conn:
            rows = conn.execute(
                select(t.profiles.c.uid, t.profiles.c.name).where(t.profiles.c.uid.is_not(None))
            )
            return [(str(r[0]), str(r[1])) for r in rows]

    def push(
        self, device: str, changes: list[Change], now_ms: int, *, device_name: str | None = None
    ) -> PushResult:
        """Apply the changes by the rules in one transaction and log what the server took."""
        result = PushResult()
        logged: list[dict[str, Any]] = []
        with self.errors(), self.engine.begin() as conn:
            conn.execute(
                text(
                    "SELECT set_config('cinema.device', :d, true), "
                    "set_config('idle_in_transaction_session_timeout', :idle, true), "
                    "set_config('lock_timeout', :wait, true)"
                ),
                {"d": device, "idle": str(IDLE_IN_TRANSACTION_MS), "wait": str(LOCK_WAIT_MS)},
            )
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": LOG_LOCK})
            for change in changes:
                applied = apply_change(conn, change, side="server", now=now_ms // 1000)
                held = applied.change
                if applied.outcome in ("accepted", "merged") and held is not None:
                    logged.append(_log_row(held, now_ms))
                if applied.outcome in ("merged", "refused") and held is not None:
                    result.corrections.append(held)
            if logged:
                conn.execute(t.sync_log.insert(), logged)
            seen = {"device": device, "name": device_name, "first_seen_at": now_ms, "last_seen_at": now_ms}
            conn.execute(upsert(conn, t.sync_devices, ("device",), ("last_seen_at", "name"), values=seen))
        result.logged = len(logged)
        return result

    def read_log(self, after: int, limit: int = 1000) -> list[tuple[int, Change]]:
        """Changes after ``after`` in the server's order."""
        s = t.sync_log
        query = (
            select(s.c.seq, s.c.entity, s.c.key, s.c.op, s.c.data, s.c.clock, s.c.clock2, s.c.device)
            .where(s.c.seq > after)
            .order_by(s.c.seq)
            .limit(limit)
        )
        with self.errors(), self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [
            (
                int(r[0]),
                Change.from_log(
                    r[1], r[2], r[3], r[4], Stamp(int(r[5]), int(r[6]), str(r[7]), r[3] == "del")
                ),
            )
            for r in rows
        ]

    def head(self) -> int:
        with self.errors(), self.engine.connect() as conn:
            return int(
                conn.execute(select(t.sync_log.c.seq).order_by(t.sync_log.c.seq.desc()).limit(1)).scalar()
                or 0
            )

    def prune(self, older_than_ms: int) -> int:
        """Drop log rows a later row of the same row supersedes (a reader from any cursor still
        reaches the latest state of every row); tombstones are the latest of theirs and stay."""
        with self.errors(), self.engine.begin() as conn:
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": LOG_LOCK})
            gone = conn.execute(
                text(
                    "DELETE FROM sync_log l WHERE l.at < :cutoff AND EXISTS (SELECT 1 FROM sync_log n "
                    "WHERE n.entity = l.entity AND n.key = l.key AND n.seq > l.seq)"
                ),
                {"cutoff": older_than_ms},
            ).rowcount
        return int(gone or 0)

    def devices(self) -> list[tuple[str, str | None, int]]:
        with self.errors(), self.engine.connect() as conn:
            rows = conn.execute(
                select(t.sync_devices.c.device, t.sync_devices.c.name, t.sync_devices.c.last_seen_at)
            )
            return [(str(r[0]), r[1], int(r[2])) for r in rows]


def _log_row(change: Change, now_ms: int) -> dict[str, Any]:
    return {
        "entity": change.entity,
        "key": change.key,
        "op": change.op,
        "data": change.payload(),
        "clock": change.stamp.clock,
        "clock2": change.stamp.clock2,
        "device": change.stamp.device,
        "at": now_ms,
    }


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    from app.storage.db import alembic_config

    engine = create_engine("sqlite://")
    try:
        return {s.revision for s in ScriptDirectory.from_config(alembic_config(engine)).walk_revisions()}
    finally:
        engine.dispose()
