"""A TCP proxy on loopback that can drop the network: every connection reset, or new ones refused.

Sits between the app and a real server (PostgreSQL here) on a free port. ``cut()`` resets every
open connection at once, as a network that drops half-way through a transfer; ``block()`` also
refuses new connections until ``unblock()``; ``freeze_after`` stops carrying bytes without
closing anything (a network gone silent) until ``thaw()``. ``after_bytes`` cuts once that many bytes went
from the client to the server (a drop in the middle of a write, deterministically).
"""

from __future__ import annotations

import socket
import struct
import threading
from collections.abc import Callable


class TcpProxy:
    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port = int(self._listener.getsockname()[1])
        self._pairs: list[tuple[socket.socket, socket.socket]] = []
        self._lock = threading.Lock()
        self._blocked = False
        self._closed = False
        self.cuts = 0
        self._cut_after: int | None = None
        self._sent = 0
        self.on_cut: Callable[[], None] | None = None
        self._flowing = threading.Event()
        self._flowing.set()
        self._freeze_after: int | None = None
        threading.Thread(target=self._accept, name="tcp-proxy", daemon=True).start()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if self._blocked:
                _reset(client)
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
                upstream.settimeout(None)
            except OSError:
                _reset(client)
                continue
            with self._lock:
                self._pairs.append((client, upstream))
            threading.Thread(target=self._pipe, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, False), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket, upstream: bool) -> None:
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                self._flowing.wait()
                sink.sendall(data)
                if upstream and self._freeze_after is not None:
                    self._sent += len(data)
                    if self._sent >= self._freeze_after:
                        self._freeze_after = None
                        self._flowing.clear()
                if upstream and self._cut_after is not None:
                    self._sent += len(data)
                    if self._sent >= self._cut_after:
                        self._cut_after = None
                        threading.Thread(target=self.cut, daemon=True).start()
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def cut_after(self, nbytes: int) -> None:
        """Reset every connection once ``nbytes`` more bytes went towards the server."""
        self._sent = 0
        self._cut_after = nbytes

    def freeze_after(self, nbytes: int) -> None:
        """Stop carrying anything, without closing a connection, once ``nbytes`` more bytes went
        towards the server: a network gone silent (packets dropped, nobody told)."""
        self._sent = 0
        self._freeze_after = nbytes

    @property
    def frozen(self) -> bool:
        return not self._flowing.is_set()

    def thaw(self) -> None:
        self._flowing.set()

    def cut(self) -> None:
        """Reset every open connection (RST), as a dropped network."""
        with self._lock:
            pairs, self._pairs = self._pairs, []
        for client, upstream in pairs:
            _reset(client)
            _reset(upstream)
        self.cuts += 1
        if self.on_cut is not None:
            self.on_cut()

    def block(self) -> None:
        """Refuse new connections and reset the open ones until ``unblock``."""
        self._blocked = True
        self.cut()

    def unblock(self) -> None:
        self._blocked = False

    def close(self) -> None:
        self._closed = True
        self._flowing.set()
        self.cut()
        self._listener.close()


def _reset(sock: socket.socket) -> None:
    # shutdown wakes the pipe thread blocked in recv (a bare close would not: the socket lives on
    # until that recv returns); linger 0 makes the final close a reset
    for step in (
        lambda: sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)),
        lambda: sock.shutdown(socket.SHUT_RDWR),
        sock.close,
    ):
        try:
            step()
        except OSError:
            pass
