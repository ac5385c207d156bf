"""SQLite's failures as our errors: a busy, damaged or read-only database in one sentence each."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from app.domain.errors import DatabaseBusy, DatabaseCorrupt, DatabaseReadOnly, StorageError

# primary result codes (sqlite3.h)
_BUSY, _LOCKED, _READONLY, _CORRUPT, _CANTOPEN, _NOTADB = 5, 6, 8, 11, 14, 26


def _sqlite_errors(exc: BaseException) -> list[sqlite3.Error]:
    """The sqlite3 errors in ``exc``'s chain (SQLAlchemy wraps them in ``.orig``)."""
    found: list[sqlite3.Error] = []
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        item = todo.pop()
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, sqlite3.Error):
            found.append(item)
        todo += [getattr(item, "orig", None), item.__cause__, item.__context__]
    return found


def busy(path: str) -> DatabaseBusy:
    return DatabaseBusy(
        f"The database {path} is busy: another Cinema is writing to it. Try again in a moment.", path
    )


def corrupt(path: str) -> DatabaseCorrupt:
    return DatabaseCorrupt(
        f"The database {path} is damaged and cannot be read; it was left as it is. Move it away "
        "(or restore a backup) and start Cinema again to begin with a new library.",
        path,
    )


def read_only(path: str) -> DatabaseReadOnly:
    folder = Path(path).parent
    return DatabaseReadOnly(
        f"Cannot save to {path}: it or its folder {folder} is read-only. Reading still works; "
        "make the folder writable to save changes.",
        path,
    )


def translate(exc: BaseException, path: str) -> StorageError | None:
    """Our error for a busy, damaged or read-only database, or None for anything else."""
    if isinstance(exc, StorageError):
        return exc
    for error in _sqlite_errors(exc):
        code = (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF
        text = str(error).lower()
        if code in (_BUSY, _LOCKED) or "database is locked" in text:
            return busy(path)
        if code in (_CORRUPT, _NOTADB) or "malformed" in text or "not a database" in text:
            return corrupt(path)
        if code == _READONLY or "readonly database" in text:
            return read_only(path)
        if code == _CANTOPEN and not os.access(Path(path).parent, os.W_OK):
            return read_only(path)  # a new database in a read-only folder
    return None


def install(engine: Any, path: str) -> None:
    """Raise our errors from every statement of ``engine`` (SQLAlchemy's handle_error hook)."""
    from sqlalchemy import event

    def hook(context: Any) -> BaseException | None:
        return translate(context.original_exception, path)

    event.listen(engine, "handle_error", hook, retval=True)
