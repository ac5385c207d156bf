"""`cinema enrich` and `cinema secrets` as a person runs them: a real process, fake servers."""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.cli import enrich as enrich_cli
from app.cli import secrets as secrets_cli
from app.storage import enrich_repo
from tests.fakes.poster_server import PosterServer
from tests.fakes.tmdb_server import GOOD_TOKEN, FakeTmdb
from tests.services.test_enrichment import FILMS, MOVIES

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def servers() -> Iterator[tuple[FakeTmdb, PosterServer]]:
    posters = PosterServer()
    base = posters.start()
    tmdb = FakeTmdb(MOVIES, [], image_base=f"{base}/t/p/")
    tmdb.start()
    yield tmdb, posters
    tmdb.stop()
    posters.stop()


def run_cli(
    home: Path, tmdb: FakeTmdb, *args: str, token: str = GOOD_TOKEN
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "CINEMA_HOME": str(home),
        "CINEMA_TMDB_TOKEN": token,
        "CINEMA_TMDB_BASE_URL": tmdb.base_url,
        "CINEMA_SHIKIMORI_BASE_URL": "http://127.0.0.1:9",  # nothing anime here: never asked
        "CINEMA_DEMO_ENABLED": "false",
    }
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        check=False,
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_enrich_json_summary_then_nothing_to_do(
    services: Any, home: Path, servers: tuple[FakeTmdb, PosterServer]
) -> None:
    tmdb, _ = servers
    films = [f for f in FILMS if f["film_key"] != "унесенные призраками|2001"]
    enrich_repo.seed_guide_films(services.db, films, int(services.clock.now().timestamp()))
    services.db.dispose()

    first = run_cli(home, tmdb, "enrich", "--json")
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    assert {"matched", "unmatched", "requests", "cache_hits", "seconds"} <= set(summary)
    assert summary["matched"] == 4 and summary["unmatched"] == 1 and summary["requests"] > 0
    assert "5/5 films" in first.stderr  # the progress bar got to the end

    second = run_cli(home, tmdb, "enrich", "--json")
    assert second.returncode == 0 and json.loads(second.stdout)["requests"] == 0

    limited = run_cli(home, tmdb, "enrich", "--force", "--limit", "2")
    # --force asks the providers again for the films it re-matches (issue 19 item 3)
    assert limited.returncode == 0 and "of 2 films" in limited.stdout and "0 requests" not in limited.stdout


def test_enrich_wrong_token_exits_with_one_message(
    services: Any, home: Path, servers: tuple[FakeTmdb, PosterServer]
) -> None:
    tmdb, _ = servers
    enrich_repo.seed_guide_films(services.db, FILMS[:2], int(services.clock.now().timestamp()))
    services.db.dispose()
    done = run_cli(home, tmdb, "enrich", token="wrong-token-value")
    assert done.returncode == 2
    messages = [line for line in done.stderr.splitlines() if "enrich stopped" in line]
    assert len(messages) == 1 and "cinema secrets set tmdb" in messages[0]
    assert "wrong-token-value" not in done.stderr + done.stdout


def test_progress_bar_draws_to_the_end() -> None:
    out = io.StringIO()
    bar = enrich_cli.ProgressBar(out, width=10)
    for i in range(1, 201):
        bar(i, 200)
    text = out.getvalue()
    assert text.endswith("[##########] 200/200 films\n")
    assert text.count("\r") <= 101  # redrawn once per percent, not per film


def test_secrets_set_from_stdin_and_status(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store: dict[str, str] = {}
    monkeypatch.setattr("app.core.secrets.set_secret", store.__setitem__)
    monkeypatch.setattr("app.core.secrets.get_secret", store.get)
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret-token-value\n"))
    assert secrets_cli.cmd_set(None, argparse.Namespace(name="tmdb", stdin=True)) == 0
    assert store == {"tmdb": "s3cret-token-value"}
    assert secrets_cli.cmd_status(None, argparse.Namespace(name="tmdb")) == 0
    out = capsys.readouterr()
    assert "s3cret-token-value" not in out.out + out.err and "tmdb: set" in out.out


def test_secrets_set_prompts_with_getpass(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    asked: list[str] = []
    store: dict[str, str] = {}

    def fake_getpass(prompt: str) -> str:
        asked.append(prompt)
        return "typed-token"

    monkeypatch.setattr("app.cli.secrets.getpass.getpass", fake_getpass)
    monkeypatch.setattr("app.core.secrets.set_secret", store.__setitem__)
    assert secrets_cli.cmd_set(None, argparse.Namespace(name="tmdb", stdin=False)) == 0
    assert asked and "hidden" in asked[0] and store["tmdb"] == "typed-token"


def test_secrets_without_keyring_backend_points_to_env(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(name: str, value: str) -> None:
        raise RuntimeError("No recommended backend was available")

    monkeypatch.setattr("app.core.secrets.set_secret", broken)
    monkeypatch.setattr("sys.stdin", io.StringIO("another-secret\n"))
    assert secrets_cli.cmd_set(None, argparse.Namespace(name="tmdb", stdin=True)) == 1
    err = capsys.readouterr().err
    assert "CINEMA_TMDB_TOKEN" in err and "another-secret" not in err


def test_killed_process_resumes(services: Any, home: Path, servers: tuple[FakeTmdb, PosterServer]) -> None:
    import signal
    import time

    from app.storage.db import Database

    tmdb, _ = servers
    films = [f for f in FILMS if "призраками" not in f["film_key"]]  # no Shikimori here
    tmdb.faults.latency_s = 0.3  # slow enough to kill the run in the middle
    enrich_repo.seed_guide_films(services.db, films, int(services.clock.now().timestamp()))
    services.db.dispose()
    env = {
        **os.environ,
        "CINEMA_HOME": str(home),
        "CINEMA_TMDB_TOKEN": GOOD_TOKEN,
        "CINEMA_TMDB_BASE_URL": tmdb.base_url,
        "CINEMA_SHIKIMORI_BASE_URL": "http://127.0.0.1:9",
        "CINEMA_DEMO_ENABLED": "false",
        "CINEMA_ENRICH_CONCURRENCY": "1",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "enrich"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    db = Database(home / "data" / "cinema.sqlite3")
    done: set[str] = set()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(done) < 2:
        time.sleep(0.1)
        done = {f["film_key"] for f in films if enrich_repo.match_status(db, f["film_key"])}
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    done = {f["film_key"] for f in films if enrich_repo.match_status(db, f["film_key"])}
    db.dispose()
    assert 2 <= len(done) < len(films)

    tmdb.faults.latency_s = 0.0
    again = run_cli(home, tmdb, "enrich", "--json")
    assert again.returncode == 0, again.stderr
    summary = json.loads(again.stdout)
    assert summary["total"] == len(films) - len(done)  # finished films are not redone
    assert summary["matched"] + summary["unmatched"] == summary["total"]
