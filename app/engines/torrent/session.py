"""The one libtorrent session of the app: settings, an alert pump thread, resume data on exit."""

from __future__ import annotations

import logging
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import libtorrent as lt

log = logging.getLogger(__name__)

AlertHandler = Callable[[Any], None]


@dataclass(frozen=True)
class SessionConfig:
    """What the app settings decide about the session (see Settings.torrent_*)."""

    listen_interfaces: str = "0.0.0.0:6881,[::]:6881"
    dht: bool = True
    lsd: bool = True
    upnp: bool = True
    natpmp: bool = True
    tick_interval_ms: int = 100
    # libtorrent tries uTP first for every outgoing connection and falls back to TCP only after
    # this timeout (3 s by default): each start from a TCP-only peer (aria2) lost 3 s to it.
    utp_connect_timeout_ms: int = 1000
    # Requests already sent to a peer are not cancelled when a seek changes what we want: a
    # deep queue (default: 3 s of transfer, up to 500 blocks = 8 MiB) must drain first. The
    # cap alone is not enough: transmission advertises reqq=512, which replaces it, so the queue
    # then follows request_queue_time x rate (3 s of data: seeks stalled, the peer got snubbed
    # and deadline pieces were no longer asked of it; see docs/PERFORMANCE.md).
    request_queue_time_s: int = 1
    max_out_request_queue: int = 64
    user_agent: str = "Cinema/0.1"
    # Several peers on one address happen on loopback, behind CGNAT and in our tests.
    allow_multiple_connections_per_ip: bool = True
    # uTP off: with transmission-cli (libutp) as the seeder, libtorrent's uTP connection stalled
    # for seconds at a time while megabytes of blocks sat in transmission's uTP send buffer
    # (its log: 1.3 KB written per second, our side: ~200 blocks outstanding, peer snubbed);
    # the same peer over TCP streams at its limit. LEDBAT also yields to any other traffic,
    # which a player waiting for a piece cannot afford. TCP only (docs/notes/5.md).
    utp: bool = False


def settings_pack(config: SessionConfig) -> dict[str, Any]:
    mask = (
        lt.alert_category.error
        | lt.alert_category.status
        | lt.alert_category.storage
        | lt.alert_category.piece_progress
    )
    return {
        "listen_interfaces": config.listen_interfaces,
        "enable_dht": config.dht,
        "enable_lsd": config.lsd,
        "enable_upnp": config.upnp,
        "enable_natpmp": config.natpmp,
        # libtorrent acts on connect_peer() and new deadlines only at its tick (500 ms default):
        # 100 ms took the first 2 MiB from 0.9 s to 0.4 s on these machines.
        "tick_interval": config.tick_interval_ms,
        "utp_connect_timeout": config.utp_connect_timeout_ms,
        "enable_outgoing_utp": config.utp,
        "enable_incoming_utp": config.utp,
        "request_queue_time": config.request_queue_time_s,
        "max_out_request_queue": config.max_out_request_queue,
        "alert_mask": int(mask),
        "user_agent": config.user_agent,
        "allow_multiple_connections_per_ip": config.allow_multiple_connections_per_ip,
        "alert_queue_size": 10000,
        # request_timeout/piece_timeout stay at libtorrent's defaults (60 s/20 s): shorter ones
        # snub a peer that is merely slow to answer (transmission) and a snubbed peer gets no
        # deadline requests at all.
        "peer_connect_timeout": 5,
        "strict_end_game_mode": False,
        # Whatever the priorities say for a moment, never drop the seeds a stream depends on.
        "close_redundant_connections": False,
        # A seeder that was still checking its files drops us; the default 60 s before a retry
        # made a stream from a single transmission seeder never start (docs/PERFORMANCE.md).
        "min_reconnect_time": 2,
    }


class TorrentSession:
    """Owns the ``lt.session``; alerts are pumped on a thread and dispatched by type name.

    Handlers run on the pump thread: they must be quick and hand work to the asyncio loop with
    ``call_soon_threadsafe`` where needed.
    """

    def __init__(self, config: SessionConfig, state_dir: Path) -> None:
        self.config = config
        self.state_dir = state_dir
        self.resume_dir = state_dir / "resume"
        self.resume_dir.mkdir(parents=True, exist_ok=True)
        params = self._load_session_params()
        params.settings = settings_pack(config)
        self.ses = lt.session(params)
        self._handlers: dict[str, list[AlertHandler]] = defaultdict(list)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._resume_pending: set[str] = set()
        self._resume_done = threading.Condition()
        self._thread = threading.Thread(target=self._pump, name="torrent-alerts", daemon=True)
        self.subscribe("save_resume_data_alert", self._on_resume_data)
        self.subscribe("save_resume_data_failed_alert", self._on_resume_failed)
        self._thread.start()

    # -- alerts ---------------------------------------------------------------------------
    def subscribe(self, alert_type: str, handler: AlertHandler) -> Callable[[], None]:
        """Call ``handler(alert)`` on the pump thread for every alert of that class name."""
        with self._lock:
            self._handlers[alert_type].append(handler)

        def unsubscribe() -> None:
            with self._lock:
                if handler in self._handlers[alert_type]:
                    self._handlers[alert_type].remove(handler)

        return unsubscribe

    def _pump(self) -> None:
        while not self._stop.is_set():
            try:
                if self.ses.wait_for_alert(100) is None:
                    continue
                alerts = self.ses.pop_alerts()
            except Exception:  # the session is being torn down
                log.exception("alert pump failed")
                return
            for alert in alerts:
                name = type(alert).__name__
                with self._lock:
                    handlers = list(self._handlers.get(name, ()))
                for handler in handlers:
                    try:
                        handler(alert)
                    except Exception:
                        log.exception("alert handler failed for %s", name)
                if name.endswith("_error_alert") or name == "listen_failed_alert":
                    log.warning("libtorrent: %s", alert.message())

    @property
    def listen_port(self) -> int:
        return int(self.ses.listen_port())

    # -- resume data ----------------------------------------------------------------------
    def resume_file(self, info_hash: str) -> Path:
        return self.resume_dir / f"{info_hash}.fastresume"

    def load_resume(self, info_hash: str) -> Any | None:
        """The saved ``add_torrent_params`` for a torrent, or None."""
        path = self.resume_file(info_hash)
        if not path.is_file():
            return None
        try:
            return lt.read_resume_data(path.read_bytes())
        except Exception:
            log.warning("ignoring unreadable resume data %s", path)
            return None

    def _on_resume_data(self, alert: Any) -> None:
        key = str(alert.handle.info_hashes().v1) if alert.handle.is_valid() else ""
        try:
            data = lt.write_resume_data_buf(alert.params)
            key = str(alert.params.info_hashes.v1)
            tmp = self.resume_file(key).with_suffix(".tmp")
            tmp.write_bytes(data)
            tmp.replace(self.resume_file(key))
        except Exception:
            log.exception("could not write resume data")
        self._resume_finished(key)

    def _on_resume_failed(self, alert: Any) -> None:
        key = str(alert.handle.info_hashes().v1) if alert.handle.is_valid() else ""
        self._resume_finished(key)

    def _resume_finished(self, key: str) -> None:
        with self._resume_done:
            self._resume_pending.discard(key)
            self._resume_done.notify_all()

    def save_resume(self, handles: list[Any], timeout: float = 5.0) -> None:
        """Ask every handle with metadata for resume data and wait until it is written."""
        with self._resume_done:
            for h in handles:
                if h.is_valid() and h.status().has_metadata:
                    self._resume_pending.add(str(h.info_hashes().v1))
                    h.save_resume_data(lt.save_resume_flags_t.save_info_dict)
            self._resume_done.wait_for(lambda: not self._resume_pending, timeout)
            self._resume_pending.clear()

    def _load_session_params(self) -> Any:
        path = self.state_dir / "session.state"
        if path.is_file():
            try:
                return lt.read_session_params(path.read_bytes())
            except Exception:
                log.warning("ignoring unreadable session state %s", path)
        return lt.session_params()

    def close(self) -> None:
        """Save resume data and the DHT state, then stop the pump and the session."""
        if self._stop.is_set():
            return
        try:
            self.save_resume(list(self.ses.get_torrents()))
            state = lt.write_session_params_buf(self.ses.session_state())
            (self.state_dir / "session.state").write_bytes(state)
        except Exception:
            log.exception("could not save the torrent session state")
        self._stop.set()
        self._thread.join(timeout=2)
        self.ses.pause()
        # Torrents are removed, and gone, before the session is destroyed: a handle still held
        # by the loop (a stats poll, a reader's drop) then fails with "invalid handle" instead
        # of reaching a torrent mid-destruction, and the torrents' own shutdown (pending reads,
        # deadlines) runs with the session alive. The bench segfaulted in ``del self.ses`` in
        # 2 of about 35 session ends before this.
        for handle in self.ses.get_torrents():
            self.ses.remove_torrent(handle)
        deadline = time.monotonic() + 3.0
        while self.ses.get_torrents() and time.monotonic() < deadline:
            time.sleep(0.02)
        del self.ses
