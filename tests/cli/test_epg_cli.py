"""``cinema epg …`` and ``cinema films``: the summary, the listing, and hostile input giving a
non-zero exit, one clear line and nothing stored; a killed import leaves the old guide."""

from __future__ import annotations

import gzip
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.__main__ import main

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def cli(home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Any:
    monkeypatch.setenv("CINEMA_DEMO_ENABLED", "false")

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--data-dir", str(home), *argv])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def db_rows(home: Path, sql: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(home / "data" / "cinema.sqlite3")
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def xmltv_now(programmes: int = 6, channels: int = 2, hours_back: int = 1) -> bytes:
    """A guide around the real current time (the CLI runs on the system clock)."""
    start = datetime.now(UTC).replace(minute=0, second=0, microsecond=0) - timedelta(hours=hours_back)
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<tv>']
    for c in range(channels):
        parts.append(f'<channel id="c{c}"><display-name>Канал {c}</display-name></channel>')
    for c in range(channels):
        t = start
        for i in range(programmes):
            s, e = (
                t.strftime("%Y%m%d%H%M%S +0000"),
                (t + timedelta(hours=1)).strftime("%Y%m%d%H%M%S +0000"),
            )
            title = 'Х/ф "Матрица"' if i == 2 else f"Передача {i}"
            category = "Кино" if i == 2 else "Новости"
            parts.append(
                f'<programme start="{s}" stop="{e}" channel="c{c}"><title>{title}</title>'
                f"<desc>Описание {i}. США, 1999.</desc><category>{category}</category></programme>"
            )
            t += timedelta(hours=1)
    parts.append("</tv>")
    return "\n".join(parts).encode()


def test_import_json_summary_list_and_films(cli: Any, home: Path, tmp_path: Path) -> None:
    src = tmp_path / "guide.xml.gz"
    src.write_bytes(gzip.compress(xmltv_now()))
    code, out, err = cli("epg", "import", str(src), "--json")
    assert code == 0, err
    summary = json.loads(out)
    assert {k: summary[k] for k in ("channels", "programmes", "films")} == {
        "channels": 2,
        "programmes": 12,
        "films": 1,
    }
    assert summary["seconds"] >= 0
    code, out, _ = cli("epg", "list")
    assert code == 0 and "2 channels, 12 programmes, 1 films" in out
    code, out, _ = cli("epg", "list", "--json")
    assert json.loads(out)[0]["last_status"] == "ok"
    code, out, _ = cli("films", "--json")
    films = json.loads(out)
    assert code == 0 and len(films) == 2  # one film airing on each channel
    assert {f["title"] for f in films} == {"Матрица"}
    assert {f["norm_title"] for f in films} == {"матрица"}
    assert {f["year_hint"] for f in films} == {1999}
    assert {f["kind"] for f in films} == {"film"}
    assert {f["channel"] for f in films} == {"Канал 0", "Канал 1"}
    assert all(f["start"] < f["stop"] for f in films)
    past = (datetime.now(UTC) - timedelta(days=2)).isoformat()
    code, out, _ = cli("films", "--json", "--from", past, "--to", past)
    assert json.loads(out) == []
    code, out, _ = cli("films")
    assert "Матрица (1999)" in out


def test_add_refresh_and_unchanged(cli: Any, tmp_path: Path) -> None:
    src = tmp_path / "guide.xml"
    src.write_bytes(xmltv_now())
    code, out, _ = cli("epg", "add", str(src), "--name", "Мой гид")
    assert code == 0 and out.strip() == "1"
    code, out, _ = cli("epg", "refresh")
    assert code == 0 and "1: ok 2 channels, 12 programmes, 1 films" in out
    code, out, _ = cli("epg", "refresh")
    assert code == 0 and "unchanged" in out
    code, out, _ = cli("epg", "list")
    assert "Мой гид" in out


BAD = {
    "login.xml": b"<!DOCTYPE html><html><head><title>Login</title></head><body></body></html>",
    "truncated.xml.gz": gzip.compress(xmltv_now(200))[:-300],
    "empty.xml": b"",
    "xxe.xml": b'<?xml version="1.0"?><!DOCTYPE tv [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<tv><programme start="20240101000000" channel="a"><title>&x;</title></programme></tv>',
    "external_dtd.xml": b'<?xml version="1.0"?><!DOCTYPE tv [<!ENTITY % e SYSTEM '
    b'"http://127.0.0.1:9/x.dtd"> %e;]><tv/>',
    "bomb.xml": b'<?xml version="1.0"?><!DOCTYPE tv [<!ENTITY a "aaaaaaaaaa">'
    + b"".join(f'<!ENTITY a{i} "{"&a;" * 10}">'.encode() for i in range(9))
    + b"]><tv><programme start='20240101000000' channel='a'><title>&a8;</title></programme></tv>",
    "undecodable.xml": xmltv_now().replace("Передача 3".encode(), b"\xff\xfe\xfd", 1),
    "wrong_shape.json": b'{"status": "error", "message": "token expired"}',
    "undecodable.m3u": b"#EXTM3U\n#EXTINF:-1,\xff\xfe\nhttp://127.0.0.1:9/a\n",
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_hostile_input_exits_non_zero_with_one_line_and_stores_nothing(
    cli: Any, home: Path, tmp_path: Path, name: str
) -> None:
    good = tmp_path / "good.xml"
    good.write_bytes(xmltv_now())
    assert cli("epg", "import", str(good))[0] == 0
    before = db_rows(home, "SELECT * FROM programmes ORDER BY id")
    titles_before = db_rows(home, "SELECT id FROM titles ORDER BY id")
    bad = tmp_path / name
    bad.write_bytes(BAD[name])
    code, out, err = cli("epg", "import", str(bad))
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ") and name in lines[0]
    assert out == ""
    assert db_rows(home, "SELECT COUNT(*) FROM guide_sources") == [(1,)]
    assert db_rows(home, "SELECT * FROM programmes ORDER BY id") == before
    assert db_rows(home, "SELECT id FROM titles ORDER BY id") == titles_before


KILL_SCRIPT = """
import sys
from app.bootstrap import build_services
from app.services.guide import refresh as epg_refresh
services = build_services(sys.argv[1], load_demo=False, console_log=False)
def progress(p):
    if p.programmes:
        print("rows", p.programmes, flush=True)
epg_refresh.refresh_source_blocking(services, int(sys.argv[2]), progress, force=True)
print("finished", flush=True)
"""


@pytest.mark.slow
def test_sigkill_midway_leaves_the_previous_guide(cli: Any, home: Path, tmp_path: Path) -> None:
    src = tmp_path / "guide.xml"
    src.write_bytes(xmltv_now())
    assert cli("epg", "import", str(src))[0] == 0
    before = db_rows(home, "SELECT * FROM programmes ORDER BY id")
    channels_before = db_rows(home, "SELECT * FROM channels ORDER BY id")
    assert len(before) == 12
    # The same source now points at a big guide; the import is killed while writing it.
    src.write_bytes(xmltv_now(programmes=400, channels=60, hours_back=2))
    env = {**os.environ, "PYTHONPATH": str(REPO), "CINEMA_DEMO_ENABLED": "false"}
    proc = subprocess.Popen(
        [sys.executable, "-c", KILL_SCRIPT, str(home), "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    )
    assert proc.stdout is not None
    deadline = time.monotonic() + 60
    line = ""
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if line.startswith("rows") or not line:
            break
    assert line.startswith("rows"), proc.stderr.read() if proc.stderr else line
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert db_rows(home, "SELECT * FROM programmes ORDER BY id") == before
    assert db_rows(home, "SELECT * FROM channels ORDER BY id") == channels_before
    assert db_rows(home, "PRAGMA integrity_check") == [("ok",)]
    # And the next refresh goes through.
    code, out, err = cli("epg", "refresh", "--force")
    assert code == 0, err
    assert "24000 programmes" in out


def test_progress_bar_draws_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli.epg import ProgressBar
    from app.services.guide.refresh import RefreshProgress

    bar = ProgressBar(enabled=True)
    bar(RefreshProgress(1, "import", 5 * 1048576, 10 * 1048576, 1234))
    bar(RefreshProgress(1, "done", 10 * 1048576, 10 * 1048576, 2000))
    bar.close()
    err = capsys.readouterr().err
    assert "\rimport   [###############---------------]      5.0 MiB      1234 programmes" in err
    assert err.endswith("2000 programmes\n")
    silent = ProgressBar(enabled=False)
    silent(RefreshProgress(1, "import", 1, 2, 3))
    silent.close()
    assert capsys.readouterr().err == ""


def test_import_and_guide_for_go_through_the_refresh_flow(
    cli: Any, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``epg import`` and ``epg add --guide-for`` run the scheduler's flow (issue 20), so they
    prune like any refresh: programmes past ``epg_keep_days`` go, whichever guide they are in."""
    old = tmp_path / "old.xml"
    old.write_bytes(xmltv_now(programmes=6, hours_back=24 * 3))  # every programme 3 days old
    code, out, err = cli("epg", "import", str(old), "--json")
    assert code == 0, err
    assert json.loads(out)["programmes"] == 12
    assert db_rows(home, "SELECT COUNT(*) FROM programmes") == [(12,)]  # within the default 7 days

    monkeypatch.setenv("CINEMA_EPG_KEEP_DAYS", "1")
    playlist = tmp_path / "list.m3u"
    playlist.write_text('#EXTM3U\n#EXTINF:-1 tvg-id="c0",Канал 0\nhttp://127.0.0.1:9/a\n', encoding="utf-8")
    code, out, err = cli("epg", "import", str(playlist))
    assert code == 0, err
    assert db_rows(home, "SELECT COUNT(*) FROM programmes") == [(0,)]  # the old guide's: pruned
    pid = max(r[0] for r in db_rows(home, "SELECT id FROM guide_sources"))
    fresh = tmp_path / "fresh.xml"
    fresh.write_bytes(xmltv_now())
    code, out, err = cli("epg", "add", str(fresh), "--guide-for", str(pid))
    assert code == 0, err
    gid = int(out.splitlines()[0])
    assert "linked 1 channels of playlist" in out
    assert db_rows(home, f"SELECT COUNT(*) FROM programmes WHERE source_id = {gid}") == [(12,)]

    missing = tmp_path / "missing.xml"
    code, out, err = cli("epg", "add", str(missing), "--guide-for", str(pid))
    assert code == 2 and out == "" and err.startswith("error: ")
    assert db_rows(home, "SELECT COUNT(*) FROM guide_sources") == [(3,)]  # the failed guide is not kept
