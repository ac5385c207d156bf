"""One running app per data folder: a second launch hands its locations to the first and exits.

The first GUI of a data folder listens on a local socket (``QLocalServer``) named after that
folder. A later launch — a double-click, the desktop file's magnet/torrent handler, ``cinema
play X`` — connects, sends what it was asked to open as one JSON line, waits for "ok" and exits
0; the running app comes to the front and opens it. A socket left behind by a killed app (kill
-9) refuses connections: it is removed and listened on again. Nothing here needs a
QApplication: the second process exits before it would make one.

Protocol (one line each way): ``{"open": ["/abs/file.mkv", "magnet:?..."]}`` → ``ok``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalSocket

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_MS = 400
ANSWER_TIMEOUT_MS = 1500
MAX_MESSAGE = 64 * 1024


def server_name(data_dir: Path) -> str:
    """The socket's name for a data folder: one per folder and user, short enough for any OS."""
    digest = hashlib.sha256(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:16]
    user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    return f"cinema-{user}-{digest}"


def absolute(location: str, cwd: Path | None = None) -> str:
    """A location as the running app must read it: files made absolute (its folder differs),
    ``file://`` URLs (the desktop's %u) turned into paths; URLs and magnets as they are."""
    text = location.strip()
    if text.lower().startswith("file://"):
        from urllib.parse import unquote, urlsplit

        return unquote(urlsplit(text).path)
    if "://" in text or text.lower().startswith("magnet:"):
        return text
    path = Path(text).expanduser()
    if path.is_absolute():
        return str(path)
    candidate = (cwd or Path.cwd()) / path
    if not candidate.exists() and _INFO_HASH.match(text):
        return text  # a bare info-hash, not a file name
    return str(candidate)


_INFO_HASH = re.compile(r"^(?:[0-9a-fA-F]{40}|[A-Za-z2-7]{32})$")


def nobody_listens(name: str) -> bool:
    """True when surely no app listens on ``name``, found without Qt's network module (the usual
    start, which then listens once Home has painted). On POSIX a local server is a socket file
    in Qt's temp folder ($TMPDIR, else /tmp); elsewhere, or when the file is there (a live app or
    a killed one's), False: ask with ``hand_over``."""
    if os.name != "posix":
        return False
    folder = os.environ.get("TMPDIR") or "/tmp"
    return not os.path.lexists(os.path.join(folder, name))


def hand_over(name: str, locations: Sequence[str]) -> bool:
    """Give ``locations`` to the app listening on ``name``; True when it took them."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    message = json.dumps({"open": list(locations)}, ensure_ascii=False).encode("utf-8") + b"\n"
    socket.write(message)
    socket.flush()
    # (waitForBytesWritten says False when flush() already wrote everything)
    if socket.bytesToWrite() > 0 and not socket.waitForBytesWritten(ANSWER_TIMEOUT_MS):
        socket.abort()
        return False
    answer = b""
    while b"\n" not in answer and socket.waitForReadyRead(ANSWER_TIMEOUT_MS):
        answer += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return answer.strip() == b"ok"


class InstanceServer(QObject):
    """Listens for later launches. Signals: openRequested(list locations) (empty: come to the front)."""

    openRequested = Signal(list)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtNetwork import QLocalServer

        self.name = name
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Listen on the name; a stale socket of a killed app is removed first. False when
        another live app holds the name (then hand over to it instead)."""
        from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

        if self.server.listen(self.name):
            return True
        if self.server.serverError() != QAbstractSocket.SocketError.AddressInUseError:
            log.warning("single instance: cannot listen on %s: %s", self.name, self.server.errorString())
            return False
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        if probe.waitForConnected(CONNECT_TIMEOUT_MS):
            probe.disconnectFromServer()
            return False  # a live app answers
        log.info("single instance: removing the stale socket %s (an app that was killed)", self.name)
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            if socket is None:
                return
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._gone(s))
            if socket.bytesAvailable():
                self._read(socket)

    def _gone(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if b"\n" not in data:
            if len(data) > MAX_MESSAGE:
                socket.abort()
            else:
                self._buffers[socket] = data
            return
        line = data.split(b"\n", 1)[0]
        self._buffers[socket] = b""
        try:
            message = json.loads(line.decode("utf-8"))
            locations = [str(x) for x in message.get("open", []) if isinstance(x, str)]
        except (ValueError, AttributeError):
            log.warning("single instance: a message that is not ours was ignored")
            socket.write(b"bad\n")
            socket.flush()
            return
        socket.write(b"ok\n")
        socket.flush()
        log.info("single instance: a later launch asked to open %d item(s)", len(locations))
        self.openRequested.emit(locations)
