"""One device and one library server: joining it, pushing the outbox, pulling the log (synchronous).

The engine (engine.py) runs these on its thread; ``cinema sync`` runs them in the command.
Pushes send the outbox oldest first in batches; the server applies each change by the rules
and answers, for the rows where it holds something else, its row, which this device takes.
Pulls read the server's log from this device's cursor and apply it here, not captured again.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from app.domain.sync import ServerAddress, ServerRejected
from app.storage.db import Database
from app.storage.sync import local
from app.storage.sync.apply import Change
from app.storage.sync.server import Server

log = logging.getLogger(__name__)

PUSH_BATCH = 500
PULL_BATCH = 1000


@dataclass
class JoinReport:
    server_id: str
    adopted_profiles: int = 0  # local profiles that became the server's profile of that name
    sent: int = 0
    received: int = 0
    created: bool = False  # the server's schema was created by this join


@dataclass
class PullReport:
    applied: list[Change] = field(default_factory=list)
    dropped: int = 0  # changes whose parent is gone (a deleted profile or playlist)


class SyncCore:
    def __init__(self, db: Database, address: ServerAddress, *, device_name: str | None = None) -> None:
        self.db = db
        self.address = address
        self.device_name = device_name
        self.device = local.device_id(db)
        self.server: Server | None = None
        self.rejected: list[str] = []  # changes the server refused as data (they stay here)

    def connect(self, *, upgrade: bool = False) -> JoinReport | None:
        """Reach the server and make its schema ours; joins it (a report) when this device has
        not yet, or when the address now leads to another library."""
        server = self.server or Server(self.address)
        self.server = server
        created = server.schema().state == "empty"
        server_id = server.prepare(upgrade=upgrade)
        state = local.get_state(self.db)
        if state.get("server_id") != server_id or not local.capturing(self.db):
            return self.join(server_id, created=created)
        return None

    def join(self, server_id: str, *, created: bool = False) -> JoinReport:
        """Merge this device's library into the server's by the rules, both ways."""
        server = self._server()
        report = JoinReport(server_id, created=created)
        report.adopted_profiles = local.adopt_profiles(self.db, server.profiles())
        queued = local.seed(self.db)
        local.set_state(self.db, server_id=server_id, cursor="0", joined_url=self.address.display)
        report.received = len(self.pull().applied)
        report.sent = self.push()
        log.info(
            "joined library server %s: %d rows queued, %d sent, %d received, %d profiles merged by name",
            self.address, queued, report.sent, report.received, report.adopted_profiles,
        )  # fmt: skip
        return report

    def _server(self) -> Server:
        if self.server is None:
            raise RuntimeError("not connected")
        return self.server

    def push(self, on_batch: Callable[[int], None] | None = None) -> int:
        """Send the outbox, oldest first; how many changes the server took or already had."""
        self._server()
        sent = 0
        while True:
            entries = local.read_outbox(self.db, PUSH_BATCH)
            if not entries:
                return sent
            changes = [e.change for e in entries if e.change is not None]
            if changes:
                try:
                    self._send(changes)
                except ServerRejected:
                    for change in changes:  # one by one: the refused one stays here, the rest goes
                        try:
                            self._send([change])
                        except ServerRejected as exc:
                            self.rejected.append(f"{change.entity}: {exc}")
                            log.warning("the library server refused a change of %s: %s", change.entity, exc)
            local.ack(self.db, entries)
            sent += len(changes)
            if on_batch is not None:
                on_batch(sent)
            if len(entries) < PUSH_BATCH:
                return sent

    def _send(self, changes: list[Change]) -> None:
        result = self._server().push(
            self.device, changes, int(time.time() * 1000), device_name=self.device_name
        )
        if result.corrections:  # the server holds a newer or merged row: take it
            sent_stamps = {(c.entity, c.key): c.stamp for c in changes}
            local.apply_remote(self.db, result.corrections, sent=sent_stamps)

    def pull(self) -> PullReport:
        """Apply the server's log from this device's cursor to its end."""
        server = self._server()
        report = PullReport()
        waiting: list[Change] = []  # children that came before their parent
        cursor = int(local.get_state(self.db).get("cursor") or 0)
        while True:
            rows = server.read_log(cursor, PULL_BATCH)
            if not rows:
                break
            cursor = rows[-1][0]
            applied = local.apply_remote(self.db, [c for _seq, c in rows], cursor=cursor)
            report.applied += applied.changes
            waiting += applied.orphans
            if waiting and applied.changes:
                retried = local.apply_remote(self.db, waiting)
                report.applied += retried.changes
                waiting = retried.orphans
            if len(rows) < PULL_BATCH:
                break
        if waiting:
            report.dropped = len(waiting)
            log.info("%d changes from the server belong to a profile or playlist deleted since", len(waiting))
        local.set_state(self.db, last_sync_at=str(time.time()))
        return report

    def behind(self) -> int:
        """How many log rows this device has not read yet (an estimate: seq gaps count)."""
        cursor = int(local.get_state(self.db).get("cursor") or 0)
        return max(0, self._server().head() - cursor)

    def close(self) -> None:
        if self.server is not None:
            self.server.dispose()
            self.server = None
