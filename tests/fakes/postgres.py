"""A real, throwaway PostgreSQL cluster from Debian's `postgresql` binaries on a free loopback port.

`initdb` and `postgres` refuse to run as root, so when the tests run as root the cluster belongs
to ``nobody`` (the server process and every file it writes); as any other user it is theirs.
The cluster lives in a temporary folder removed by ``stop()``.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from typing import Any

_UNPRIVILEGED = "nobody"


def find_bindir() -> Path | None:
    """The newest installed server's bin folder (Debian keeps them off PATH), or None."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresCluster:
    """initdb + pg_ctl start on 127.0.0.1:<free port>; trust auth for the ``postgres`` superuser."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        # as root, under /tmp: the unprivileged owner must reach it (TMPDIR may be root's own)
        self.root = Path(tempfile.mkdtemp(prefix="cinema-pg-", dir="/tmp" if os.geteuid() == 0 else None))
        self.data = self.root / "data"
        self.sockets = self.root / "sock"
        self.log = self.root / "server.log"
        self.port = 0
        self._as: dict[str, Any] = {}
        if os.geteuid() == 0:
            user = pwd.getpwnam(_UNPRIVILEGED)
            self._as = {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []}
            os.chown(self.root, user.pw_uid, user.pw_gid)

    def _run(self, *args: str, timeout: float = 120) -> None:
        env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
        done = subprocess.run(
            [str(a) for a in args],
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=self.root,
            env=env,
            check=False,
            **self._as,
        )
        if done.returncode != 0:
            tail = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{Path(args[0]).name} failed ({done.returncode}): {done.stderr}\n{tail}")

    def start(self) -> PostgresCluster:
        # C.UTF-8, not C: in a C-locale cluster Cyrillic is no letter (lower(), ILIKE, trigrams)
        self._run(
            self.bindir / "initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust",
            "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        self.sockets.mkdir()
        if self._as:
            os.chown(self.sockets, self._as["user"], self._as["group"])
        self._options = (
            f"-c listen_addresses=127.0.0.1 -k {self.sockets} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60"
        )
        for _attempt in range(3):  # another process may take the free port before the server does
            self.port = free_port()
            try:
                self._pg_ctl_start()
                self._reap_when_gone()
                return self
            except RuntimeError:
                if "could not bind" not in (
                    self.log.read_text(errors="replace") if self.log.exists() else ""
                ):
                    raise
        raise RuntimeError(f"PostgreSQL found no free port: {self.log}")

    def _pg_ctl_start(self) -> None:
        self._run(
            self.bindir / "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60",
            "-o", f"-p {self.port} {self._options}", "start",
        )  # fmt: skip

    def kill(self) -> None:
        """Stop the server at once, as a crash would (its files stay: ``resume`` starts it again)."""
        self._run(self.bindir / "pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def resume(self) -> None:
        """Start the killed server again on the same port."""
        self._pg_ctl_start()

    def _reap_when_gone(self) -> None:
        """A watcher that stops the server and removes its files if this test run dies (kill -9)."""
        script = (
            f"while kill -0 {os.getpid()} 2>/dev/null; do sleep 2; done; "
            f'pid=$(head -n 1 "{self.data}/postmaster.pid" 2>/dev/null) && kill -QUIT "$pid"; '
            f'sleep 2; rm -rf "{self.root}"'
        )
        subprocess.Popen(
            ["sh", "-c", script],
            start_new_session=True,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{dbname}"

    def dsn(self, dbname: str = "postgres") -> str:
        return f"host=127.0.0.1 port={self.port} user=postgres dbname={dbname}"

    def create_database(self, name: str) -> str:
        """A new empty database; returns its SQLAlchemy URL."""
        import psycopg

        with psycopg.connect(self.dsn(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        import psycopg

        with psycopg.connect(self.dsn(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        """Stop the server at once and remove every file of the cluster."""
        try:
            if (self.data / "postmaster.pid").exists():
                self._run(self.bindir / "pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
