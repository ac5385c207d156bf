"""LISTEN on the library server: a change another device pushed arrives as a notification.

Its own connection (autocommit, outside the pool), as PostgreSQL needs for LISTEN. Waiting for
notifications sends nothing to the server: an idle device costs the server no queries.
"""

from __future__ import annotations

from typing import Any

import psycopg

from app.domain.sync import ServerAddress
from app.storage.sync.server import CHANNEL, connect_params, translate


class Listener:
    def __init__(self, address: ServerAddress) -> None:
        self.address = address
        self._conn: psycopg.Connection[Any] | None = None

    @property
    def connected(self) -> bool:
        return self._conn is not None and not self._conn.closed

    def open(self) -> None:
        """Connect and LISTEN (our error when the server cannot be reached or refuses us)."""
        self.close()
        a = self.address
        try:
            conn = psycopg.connect(
                host=a.host,
                port=a.port,
                user=a.user,
                dbname=a.database,
                password=a.password,
                autocommit=True,
                **connect_params(a),
            )
            conn.execute(f"LISTEN {CHANNEL}")
        except Exception as exc:
            raise translate(exc, a) from None
        self._conn = conn

    def wait(self, timeout: float) -> list[str]:
        """The payload (the pushing device's id) of the next notification, waiting up to ``timeout``
        seconds (an empty list: none came)."""
        conn = self._conn
        if conn is None:
            raise translate(RuntimeError("the connection is closed"), self.address)
        try:
            return [n.payload for n in conn.notifies(timeout=timeout, stop_after=1)]
        except Exception as exc:
            self.close()
            raise translate(exc, self.address) from None

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:  # already broken: nothing to tell
                pass
