"""A small key/value store for app state (demo loaded, last start ...)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert

from app.storage.db import Database
from app.storage.tables import app_state


def get_state(db: Database, key: str) -> str | None:
    with db.engine.connect() as conn:
        return conn.execute(select(app_state.c.value).where(app_state.c.key == key)).scalar()


def set_state(db: Database, key: str, value: str) -> None:
    stmt = insert(app_state).values(key=key, value=value)
    stmt = stmt.on_conflict_do_update(index_elements=[app_state.c.key], set_={"value": value})
    with db.engine.begin() as conn:
        conn.execute(stmt)


def delete_state(db: Database, key: str) -> None:
    with db.engine.begin() as conn:
        conn.execute(app_state.delete().where(app_state.c.key == key))
