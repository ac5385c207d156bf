"""A transaction of portable SQL statements (``:named`` parameters) on either dialect."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from app.storage.db import Database

Run = Callable[..., list[tuple[Any, ...]]]


@contextmanager
def transaction(db: Database) -> Iterator[Run]:
    """``run(sql, params)`` statements in one transaction, committed at the end of the block
    (rolled back when it raises). Put the first write first: on SQLite it takes the write lock,
    so a read after it sees what no other process can change before the commit."""
    from sqlalchemy import text

    with db.errors(), db.engine.begin() as conn:

        def run(sql: str, params: dict[str, Any] | None = None) -> list[tuple[Any, ...]]:
            result = conn.execute(text(sql), params or {})
            return [tuple(r) for r in result] if result.returns_rows else []

        yield run
