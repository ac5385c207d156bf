"""Helpers for the hostile-input tests: the CLI in a subprocess, a real library to damage, read-only runs."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def cli(
    home: Path,
    *args: str,
    timeout: float = 120,
    prefix: tuple[str, ...] = (),
    stdin: str | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """``cinema --data-dir HOME ARGS`` as a user runs it (no console log)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO), **(env or {})}
    env.pop("CINEMA_HOME", None)
    return subprocess.run(
        [*prefix, sys.executable, "-m", "app", "--data-dir", str(home), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=REPO,
        env=env,
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        check=False,
    )


def real_library(home: Path) -> Path:
    """A library made by the app itself (the demo guide, films and posters); returns its database."""
    done = cli(home, "library", "--json")
    assert done.returncode == 0, done.stderr
    database = home / "data" / "cinema.sqlite3"
    assert database.stat().st_size > 100_000
    return database


def damage(database: Path, how: str) -> None:
    """``header``: the file no longer says it is SQLite; ``pages``: the second half of its pages garbled."""
    data = bytearray(database.read_bytes())
    if how == "header":
        data[0:100] = b"\x13" * 100
    else:
        pages = len(data) // 4096
        for page in range(pages // 2, pages):
            start = page * 4096 + 100
            data[start : start + 3000] = bytes((i * 13 + 7) % 256 for i in range(3000))
    database.write_bytes(bytes(data))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_only_prefix() -> tuple[str, ...]:
    """A command prefix under which folders without write bits really are read-only.

    Root ignores permission bits; without the capabilities that let it, it does not.
    """
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return ()
    return (setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner")


def make_read_only(root: Path) -> None:
    for path in [root, *root.rglob("*")]:
        mode = path.stat().st_mode
        path.chmod(mode & ~0o222)


def make_writable(root: Path) -> None:
    for path in [root, *root.rglob("*")]:
        path.chmod(path.stat().st_mode | 0o200)
