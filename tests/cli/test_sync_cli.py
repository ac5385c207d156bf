"""`cinema sync setup|status|now|off` as a person runs them, two data folders, a real PostgreSQL:
the JSON's names, exit codes (2 bad address, 3 older server without consent, 4 newer server,
1 server away), nothing lost, the password never printed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from app.storage.db import Database, migrate
from tests.fakes.postgres import free_port

REPO = Path(__file__).resolve().parents[2]
KEYS = {"server", "state", "lag", "outbox_size", "last_error", "last_sync_at", "device"}


def cinema(
    home: Path, *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = dict(
        os.environ,
        CINEMA_HOME=str(home),
        CINEMA_DEMO_ENABLED="false",
        PYTHON_KEYRING_BACKEND="tests.fakes.file_keyring.FileKeyring",
        CINEMA_TEST_KEYRING=str(home.parent / f"{home.name}-keyring.json"),
        **(env or {}),
    )
    return subprocess.run(
        [sys.executable, "-m", "app", *args], env=environment, input=stdin, capture_output=True, text=True,
        timeout=180, check=False, cwd=REPO,
    )  # fmt: skip


def status(home: Path, *extra: str, env: dict[str, str] | None = None) -> tuple[int, dict[str, object]]:
    done = cinema(home, "sync", "status", "--json", *extra, env=env)
    return done.returncode, json.loads(done.stdout)


def seed_title(home: Path) -> None:
    from app.bootstrap import build_services

    services = build_services(home, load_demo=False, console_log=False)
    services.db.execute(
        "INSERT INTO titles (id, kind, title, year, added_at, updated_at) "
        "VALUES ('tmdb:movie:603', 'film', 'Матрица', 1999, 1, 1)"
    )
    services.db.dispose()


def test_setup_status_now_off_across_two_homes(tmp_path: Path, pg_url: str) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    seed_title(a)
    code, off = status(a)
    assert code == 0 and set(off) == KEYS and off["state"] == "off" and off["server"] is None

    bad = cinema(a, "sync", "setup", "http://nas/cinema")
    assert bad.returncode == 2 and "must be a PostgreSQL URL" in bad.stderr

    added = cinema(a, "watchlist", "add", "tmdb:movie:603")
    assert added.returncode == 0, added.stderr
    made = cinema(a, "sync", "setup", pg_url)
    assert made.returncode == 0, made.stderr
    assert "created the library on postgresql://postgres@127.0.0.1" in made.stdout
    code, synced = status(a)
    assert code == 0 and synced["state"] == "synced" and synced["outbox_size"] == 0 and synced["lag"] == 0
    assert str(synced["server"]).startswith("postgresql://postgres@127.0.0.1:")

    joined = cinema(b, "sync", "setup", pg_url)
    assert joined.returncode == 0 and "joined postgresql://" in joined.stdout, joined.stderr
    listed = cinema(b, "watchlist", "list", "--json")
    assert "tmdb:movie:603" in listed.stdout, listed.stderr  # the title came with the watchlist

    removed = cinema(b, "watchlist", "remove", "tmdb:movie:603")
    assert removed.returncode == 0, removed.stderr
    code, waiting = status(b)
    assert code == 0 and waiting["state"] == "sending" and waiting["outbox_size"] == 1
    assert cinema(b, "sync", "now").stdout.strip().startswith("sent 1")
    assert cinema(a, "sync", "now").returncode == 0
    assert "tmdb:movie:603" not in cinema(a, "watchlist", "list", "--json").stdout

    left = cinema(a, "sync", "off")
    assert left.returncode == 0
    code, off = status(a)
    assert code == 0 and off["state"] == "off"


def test_server_away_and_other_schemas(tmp_path: Path, pg_url: str) -> None:
    home = tmp_path / "h"
    seed_title(home)
    away = pg_url.rsplit("@", 1)[0] + f"@127.0.0.1:{free_port()}/cinema"
    code, gone = status(home, env={"CINEMA_LIBRARY_URL": away})
    assert code == 1 and gone["state"] == "offline" and "does not answer" in str(gone["last_error"])
    failed = cinema(home, "sync", "now", env={"CINEMA_LIBRARY_URL": away})
    assert failed.returncode == 1 and "The changes stay in the outbox" in failed.stderr

    server = Database(pg_url)
    migrate(server.engine, "0006")
    older = cinema(home, "sync", "setup", pg_url)  # no terminal: no question, no change
    assert older.returncode == 3 and "--upgrade" in older.stderr
    assert server.execute("SELECT version_num FROM alembic_version") == [("0006",)]
    upgraded = cinema(home, "sync", "setup", pg_url, "--upgrade")
    assert upgraded.returncode == 0, upgraded.stderr
    server.execute("UPDATE alembic_version SET version_num = '9999_future'")
    newer = cinema(home, "sync", "now")
    assert newer.returncode == 4 and "Update Cinema on this device" in newer.stderr
    server.dispose()


def test_the_password_goes_to_the_keyring_never_to_the_screen_or_settings(
    tmp_path: Path, pg_url: str
) -> None:
    home = tmp_path / "p"
    with_password = pg_url.replace("postgres@", "postgres:Sup3r-Secret@")  # trust auth: any is taken
    done = cinema(home, "sync", "setup", with_password)
    assert done.returncode == 0, done.stderr
    assert "Sup3r-Secret" not in done.stdout + done.stderr
    settings = (home / "config" / "settings.json").read_text()
    assert "Sup3r-Secret" not in settings and '"library_url": "postgresql://postgres@127.0.0.1' in settings
    keyring = json.loads((tmp_path / "p-keyring.json").read_text())
    assert keyring["cinema/library_server"] == "Sup3r-Secret"
    assert "Sup3r-Secret" not in (home / "logs" / "cinema.jsonl").read_text()
    assert "Sup3r-Secret" not in cinema(home, "sync", "status", "--json").stdout
