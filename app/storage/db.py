"""The database: SQLite in WAL with foreign keys on (or a PostgreSQL URL), migrations at start-up.

SQLAlchemy (writes, migrations, most repositories) is imported on first use of
``Database.engine``; the start-up path (migration check, app state, the first grid page) reads
through the DB-API directly (``Database.raw()``, ``Database.execute()``), so the first window
paints sooner. ``execute()`` runs portable SQL on either dialect; ``raw()`` is SQLite's own
connection, for the per-device parts only (storage/dialect.py says which).
"""

from __future__ import annotations

import logging
import re
import sqlite3
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

log = logging.getLogger(__name__)


def migrations_dir() -> Path:
    """The alembic folder: beside the package in a checkout, inside the bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "migrations"
    return Path(__file__).resolve().parents[2] / "migrations"


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # NORMAL in WAL: a committed write survives a killed process (only power loss can undo it).
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def is_url(target: Path | str) -> bool:
    """A server URL (``postgresql+psycopg://...``) rather than a SQLite file."""
    return isinstance(target, str) and "://" in target


def make_engine(db_path: Path | str) -> Engine:
    from sqlalchemy import create_engine, event

    if is_url(db_path):
        # a server may have closed an idle pooled connection: check before use
        return create_engine(str(db_path), pool_pre_ping=True)
    url = "sqlite://" if str(db_path) == ":memory:" else f"sqlite:///{db_path}"
    engine = create_engine(url, future=True)
    event.listen(engine, "connect", _on_connect)
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

    def __init__(self, path: Path | str) -> None:
        self.path = path
        self.is_sqlite = not is_url(path)
        self._engine: Engine | None = None
        self._local = threading.local()
        self._raw: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = make_engine(self.path)
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
            conn = sqlite3.connect(target, isolation_level=None, check_same_thread=False, timeout=5.0)
            _on_connect(conn, None)
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
        if head is not None and str(self.path) != ":memory:" and _stored_revision(self.raw()) == head:
            return
        migrate(self.engine)

    def interrupt(self) -> None:
        """Abort the queries running on any thread (they fail with "interrupted"); at exit."""
        with self._lock:
            for conn in self._raw:
                try:
                    conn.interrupt()
                except sqlite3.ProgrammingError:  # already closed
                    pass

    def dispose(self) -> None:
        """Close every connection. Call only once no thread uses the database any more."""
        if self._engine is not None:
            self._engine.dispose()
        with self._lock:
            for conn in self._raw:
                conn.close()
            self._raw.clear()
        self._local = threading.local()
