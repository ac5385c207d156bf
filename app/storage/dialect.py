"""Where SQLite and PostgreSQL differ for the repositories: the upsert, and which parts are SQLite-only.

The seam (docs/ARCHITECTURE.md): repositories build upserts with ``upsert()`` and run small
queries through ``Database.execute()`` in portable SQL (named ``:params``, ``ON CONFLICT``,
``RETURNING``, ``TRUE``/``FALSE``), so they run on either dialect. Raw ``sqlite3`` stays in
the parts that live per device in SQLite by design (the guide and the catalog search stay
local even when a household shares a library server): ``guide_repo.GuideWriter`` (the bulk
guide replace), ``search_repo`` (the FTS5 index) and the catalog's hot reads over them
(``catalog_reads``, ``catalog_query``). A PostgreSQL version of those would replace exactly
``GuideWriter`` and the functions of ``search_repo`` (CONTRACTS.md §13 gives the tsvector
equivalents); nothing else names a dialect.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Table

Excluded = Any  # the statement's ``excluded`` namespace (the row that was refused)
UpdateSpec = Iterable[str] | Mapping[str, Any] | Callable[[Excluded], Mapping[str, Any]] | None


class UnsupportedDialect(RuntimeError):
    """A database other than SQLite or PostgreSQL."""


def dialect_insert(dialect_name: str, table: Table) -> Any:
    """The dialect's INSERT construct (it knows ``on_conflict_do_update``/``_do_nothing``)."""
    if dialect_name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert(table)
    if dialect_name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table)
    raise UnsupportedDialect(f"no upsert for the {dialect_name!r} dialect (SQLite and PostgreSQL only)")


def upsert(
    bind: Any,
    table: Table,
    keys: Sequence[str],
    update: UpdateSpec = None,
    *,
    values: Mapping[str, Any] | None = None,
) -> Any:
    """INSERT ... ON CONFLICT (keys) for the dialect of ``bind`` (a Connection or an Engine).

    ``update``: None keeps the stored row (DO NOTHING); column names take the refused row's
    values; a mapping gives the new values (SQL expressions allowed); a callable receives the
    ``excluded`` row and returns such a mapping. ``values``: one row; without it execute the
    statement with a list of rows (executemany).
    """
    stmt = dialect_insert(bind.dialect.name, table)
    if values is not None:
        stmt = stmt.values(**values)
    index = [table.c[k] for k in keys]
    if update is None:
        return stmt.on_conflict_do_nothing(index_elements=index)
    if callable(update):
        set_ = dict(update(stmt.excluded))
    elif isinstance(update, Mapping):
        set_ = dict(update)
    else:
        set_ = {name: stmt.excluded[name] for name in update}
    return stmt.on_conflict_do_update(index_elements=index, set_=set_)
