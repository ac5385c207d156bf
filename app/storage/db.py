"""The database: SQLite in WAL with foreign keys on (or a PostgreSQL URL), migrations at start-up.

SQLAlchemy (writes, migrations, most repositories) is imported on first use of
``Database.engine``; the start-up path (migration check, app state, the first grid page) reads
through the DB-API directly (``Database.raw()``, ``Database.execute()``), so the first window
paints sooner. ``execute()`` runs portable SQL on either dialect; ``raw()`` is SQLite's own
connection, for the per-device parts only (storage/dialect.py says which).
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

    from app.storage.pending import PendingWrites

log = logging.getLogger(__name__)


def migrations_dir() -> Path:
    """The alembic folder: beside the package in a checkout, inside the bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "migrations"
    return Path(__file__).resolve().parents[2] / "migrations"


# How long a writer waits for another process's write lock before it says "busy" (a guide
# import holds it for its whole transaction; the GUI's progress saves wait far less and queue:
# storage/pending.py). The app passes its setting db_busy_timeout_s.
BUSY_TIMEOUT_MS = 15_000


def _on_connect(
    dbapi_connection: Any, _record: Any, *, read_only: bool = False, busy_ms: int = BUSY_TIMEOUT_MS
) -> None:
    cursor = dbapi_connection.cursor()
    if not read_only:  # a read-only database keeps the journal mode it has
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # NORMAL in WAL: a committed write survives a killed process (only power loss can undo it).
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
    cursor.close()


def read_only_uri(db_path: Path | str) -> str | None:
    """A read-only ``file:`` URI when the database exists but cannot be written, else None.

    In a read-only folder SQLite cannot create the WAL's shared-memory file, so the database is
    opened immutable (no locks, no -shm); a writable folder with a read-only file gets mode=ro.
    """
    path = Path(db_path)
    if str(db_path) == ":memory:" or not path.exists():
        return None
    folder_writable = os.access(path.parent, os.W_OK)
    if folder_writable and os.access(path, os.W_OK):
        return None
    from urllib.parse import quote

    flags = "mode=ro" if folder_writable else "mode=ro&immutable=1"
    return f"file:{quote(str(path.resolve()))}?{flags}"


def is_url(target: Path | str) -> bool:
    """A server URL (``postgresql+psycopg://...``) rather than a SQLite file."""
    return isinstance(target, str) and "://" in target


def make_engine(db_path: Path | str, busy_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    from sqlalchemy import create_engine, event

    from app.storage import errors

    if is_url(db_path):
        # a server may have closed an idle pooled connection: check before use
        return create_engine(str(db_path), pool_pre_ping=True)
    uri = read_only_uri(db_path)
    if uri is not None:
        engine = create_engine(f"sqlite:///{uri}&uri=true", future=True)
        event.listen(
            engine, "connect", lambda conn, rec: _on_connect(conn, rec, read_only=True, busy_ms=busy_ms)
        )
    else:
        url = "sqlite://" if str(db_path) == ":memory:" else f"sqlite:///{db_path}"
        engine = create_engine(url, future=True)
        event.listen(engine, "connect", lambda conn, rec: _on_connect(conn, rec, busy_ms=busy_ms))
    errors.install(engine, str(db_path))
    return engine


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.attributes["engine"] = engine
    return cfg


_REVISION_RE = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN_RE = re.compile(r"^down_revision\s*=\s*['\"]([^'\"]+)['\"]", re.M)


def head_revision() -> str | None:
    """The newest migration, read from the version files without importing alembic."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (migrations_dir() / "versions").glob("*.py"):
        source = path.read_text("utf-8")
        if found := _REVISION_RE.search(source):
            revisions.add(found.group(1))
        if down := _DOWN_RE.search(source):
            parents.add(down.group(1))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _stored_revision(conn: sqlite3.Connection) -> str | None:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).fetchone()
    if not exists:
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else str(row[0])


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade to ``revision``; a database already at head costs one query, not alembic."""
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    from alembic import command

    command.downgrade(alembic_config(engine), revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


class Database:
    """The handle services hold: they never touch SQLAlchemy or sqlite3 themselves.

    ``path`` is a SQLite file (``:memory:`` too) or a PostgreSQL URL.
    """

    def __init__(self, path: Path | str, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
        self.path = path
        self.is_sqlite = not is_url(path)
        self.busy_timeout_ms = busy_timeout_ms
        self._pending: PendingWrites | None = None
        self._engine: Engine | None = None
        self._local = threading.local()
        self._raw: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = make_engine(self.path, self.busy_timeout_ms)
        return self._engine

    def raw(self) -> sqlite3.Connection:
        """This thread's SQLite connection (autocommit; use ``with conn:`` for a transaction).

        SQLite only: the guide, the search index and the catalog's hot reads live per device.
        """
        if not self.is_sqlite:
            raise RuntimeError("Database.raw() is SQLite's connection; use execute() or the engine")
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            target = ":memory:" if str(self.path) == ":memory:" else str(self.path)
            uri = read_only_uri(self.path)
            with self.errors():
                conn = sqlite3.connect(
                    uri or target,
                    isolation_level=None,
                    check_same_thread=False,
                    timeout=self.busy_timeout_ms / 1000,
                    uri=uri is not None,
                )
                try:
                    _on_connect(conn, None, read_only=uri is not None, busy_ms=self.busy_timeout_ms)
                except BaseException:
                    conn.close()
                    raise
            self._local.conn = conn
            with self._lock:
                self._raw.append(conn)
        return conn

    def execute(self, sql: str, params: dict[str, Any] | None = None) -> list[tuple[Any, ...]]:
        """One statement of portable SQL with ``:named`` parameters, committed; its rows.

        On SQLite this is the DB-API connection of ``raw()`` (no SQLAlchemy on the start-up path);
        on PostgreSQL one pooled connection of the engine.
        """
        if self.is_sqlite:
            with self.errors():
                return self.raw().execute(sql, params or {}).fetchall()
        from sqlalchemy import text

        with self.engine.begin() as conn:
            result = conn.execute(text(sql), params or {})
            return [tuple(r) for r in result] if result.returns_rows else []

    def migrate(self) -> None:
        """Upgrade to head; a database already there costs one query and no alembic import."""
        head = head_revision()
        if not self.is_sqlite:
            migrate(self.engine)
            return
        with self.errors():
            if head is not None and str(self.path) != ":memory:" and _stored_revision(self.raw()) == head:
                return
            if read_only_uri(self.path) is not None:
                from app.storage.errors import read_only

                raise read_only(str(self.path))  # an upgrade would have to write
            migrate(self.engine)

    @contextmanager
    def errors(self) -> Iterator[None]:
        """Raise a busy, damaged or read-only database as our error (storage/errors.py)."""
        try:
            yield
        except Exception as exc:
            from app.storage.errors import translate

            ours = translate(exc, str(self.path))
            if ours is None or ours is exc:
                raise
            raise ours from exc

    def interrupt(self) -> None:
        """Abort the queries running on any thread (they fail with "interrupted"); at exit."""
        with self._lock:
            for conn in self._raw:
                try:
                    conn.interrupt()
                except sqlite3.ProgrammingError:  # already closed
                    pass

    @property
    def pending(self) -> PendingWrites:
        """Small writes that met another process's lock, queued and retried (storage/pending.py)."""
        if self._pending is None:
            from app.storage.pending import PendingWrites

            self._pending = PendingWrites(self)
        return self._pending

    @contextmanager
    def busy_wait(self, ms: int) -> Iterator[None]:
        """This thread's SQLite connection waits at most ``ms`` for a lock inside the block."""
        if not self.is_sqlite:
            yield
            return
        conn = self.raw()
        conn.execute(f"PRAGMA busy_timeout={int(ms)}")
        try:
            yield
        finally:
            conn.execute(f"PRAGMA busy_timeout={int(self.busy_timeout_ms)}")

    def release_thread(self) -> None:
        """Close this thread's SQLite connection (a worker thread that is about to end)."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            return
        self._local.conn = None
        with self._lock:
            if conn in self._raw:
                self._raw.remove(conn)
        conn.close()

    def dispose(self) -> None:
        """Write what is still queued (waiting up to the busy timeout), then close every connection.

        Call only once no thread uses the database any more.
        """
        if self._pending is not None:
            self._pending.close()
        if self._engine is not None:
            self._engine.dispose()
        with self._lock:
            for conn in self._raw:
                conn.close()
            self._raw.clear()
        self._local = threading.local()


def integrity_problem(path: Path) -> str | None:
    """None when SQLite's quick check passes on the database at ``path`` (read only), else what is wrong.

    Reads every page (seconds for a large guide): for ``self-test``, not for start-up.
    """
    from urllib.parse import quote

    from app.storage.errors import corrupt, translate

    uri = read_only_uri(path) or f"file:{quote(str(Path(path).resolve()))}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check(5)")]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        ours = translate(exc, str(path))
        return str(ours) if ours is not None else f"{path}: {exc}"
    if rows == ["ok"]:
        return None
    found = [line for row in rows for line in row.splitlines() if line and not line.startswith("***")]
    return f"{corrupt(str(path))} (SQLite: {found[0] if found else 'not ok'})"
