"""How to watch a guide channel: its live stream URL, HTTP headers and catch-up settings."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select

from app.storage.db import Database
from app.storage.tables import channels


@dataclass(frozen=True)
class ChannelStream:
    id: str
    name: str
    stream_url: str | None
    headers: dict[str, str] = field(default_factory=dict)
    catchup_mode: str | None = None
    catchup_source: str | None = None
    catchup_days: int | None = None


def channel_streams(db: Database, channel_ids: Sequence[str]) -> dict[str, ChannelStream]:
    """The stream settings of ``channel_ids`` that exist (one query)."""
    if not channel_ids:
        return {}
    with db.engine.connect() as conn:
        rows = conn.execute(
            select(
                channels.c.id,
                channels.c.name,
                channels.c.stream_url,
                channels.c.headers,
                channels.c.catchup_mode,
                channels.c.catchup_source,
                channels.c.catchup_days,
            ).where(channels.c.id.in_(list(dict.fromkeys(channel_ids))))
        ).all()
    out: dict[str, ChannelStream] = {}
    for r in rows:
        try:
            headers = json.loads(r.headers) if r.headers else {}
        except ValueError:
            headers = {}
        out[r.id] = ChannelStream(
            id=r.id,
            name=r.name,
            stream_url=r.stream_url,
            headers={str(k): str(v) for k, v in headers.items()} if isinstance(headers, dict) else {},
            catchup_mode=r.catchup_mode,
            catchup_source=r.catchup_source,
            catchup_days=r.catchup_days,
        )
    return out
