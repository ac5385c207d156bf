"""The stream providers' rows as start-up reads them: portable SQL through ``Database.execute``
(no SQLAlchemy import on the way to the first paint; ``sources_repo`` has the rest)."""

from __future__ import annotations

import json
from typing import Any

from app.storage.db import Database


def ensure_builtin(db: Database, rows: list[tuple[str, str, str]], now: int) -> None:
    """(id, kind, name) of built-in providers, created once and enabled."""
    for pid, kind, name in rows:
        db.execute(
            "INSERT INTO stream_providers (id, kind, name, added_at) VALUES (:id, :kind, :name, :now) "
            "ON CONFLICT (id) DO NOTHING",
            {"id": pid, "kind": kind, "name": name, "now": now},
        )


def configs(db: Database) -> list[dict[str, Any]]:
    """Every provider row: id, kind, name, url, manifest (parsed JSON or None)."""
    out = []
    for pid, kind, name, url, manifest in db.execute(
        "SELECT id, kind, name, url, manifest FROM stream_providers ORDER BY added_at, id"
    ):
        try:
            parsed = json.loads(manifest) if manifest else None
        except ValueError:
            parsed = None
        out.append({"id": pid, "kind": kind, "name": name, "url": url, "manifest": parsed})
    return out
