"""`cinema profile|watchlist|playlist` and `--profile NAME`, run as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.cli.hostile import REPO, cli


def _ok(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_profiles_add_list_use_remove(tmp_path: Path) -> None:
    home = tmp_path / "h"
    _ok(cli(home, "profile", "add", "Маша", "--kids", "--max-age", "6"))
    _ok(cli(home, "profile", "add", "Папа", "--pin", stdin="2468\n"))
    listed = json.loads(_ok(cli(home, "profile", "list", "--json")))
    assert [(p["name"], p["current"], p["kids"], p["max_age"], p["pin"]) for p in listed] == [
        ("Default", True, False, None, False),
        ("Маша", False, True, 6, False),
        ("Папа", False, False, None, True),
    ]
    wrong = cli(home, "profile", "use", "Папа", stdin="0000\n")
    assert wrong.returncode == 1 and "Wrong PIN" in wrong.stderr
    _ok(cli(home, "profile", "use", "Папа", stdin="2468\n"))
    assert "* Папа" in _ok(cli(home, "profile", "list"))
    refused = cli(home, "profile", "remove", "Маша")  # no terminal to confirm on
    assert refused.returncode == 1 and "--yes" in refused.stderr
    _ok(cli(home, "profile", "remove", "Маша", "--yes"))
    _ok(cli(home, "profile", "remove", "Default", "--yes"))
    last = cli(home, "profile", "remove", "Папа", "--yes")
    assert last.returncode == 1 and "last profile cannot be deleted" in last.stderr
    unknown = cli(home, "profile", "use", "Nobody")
    assert unknown.returncode == 1 and "No profile called “Nobody” (profiles: Папа)" in unknown.stderr
    bad = cli(home, "profile", "add", "X", "--max-age", "12")
    assert bad.returncode == 2 and "--kids" in bad.stderr


def test_watchlist_and_history_per_profile(tmp_path: Path) -> None:
    home = tmp_path / "h"
    _ok(cli(home, "profile", "add", "Guest"))
    added = _ok(cli(home, "watchlist", "add", "tmdb:movie:19"))  # the demo library's Metropolis
    assert "Метрополис" in added
    _ok(cli(home, "watchlist", "add", "Малыш"))  # by name
    mine = json.loads(_ok(cli(home, "watchlist", "list", "--json")))
    assert {w["id"] for w in mine} == {"tmdb:movie:19", "tmdb:movie:10098"}
    assert set(mine[0]) == {"id", "title", "year", "added_at"}
    assert json.loads(_ok(cli(home, "watchlist", "list", "--json", "--profile", "Guest"))) == []
    _ok(cli(home, "watchlist", "remove", "tmdb:movie:19"))
    assert len(json.loads(_ok(cli(home, "watchlist", "list", "--json")))) == 1
    assert json.loads(_ok(cli(home, "history", "--json", "--profile", "guest"))) == []
    library = json.loads(_ok(cli(home, "library", "--json", "--profile", "Guest")))
    everyone = json.loads(_ok(cli(home, "library", "--json")))
    assert len(library) == len(everyone) > 0  # a grown-up profile sees the whole demo library
    exported = tmp_path / "h.csv"
    assert "Wrote 0 entries" in _ok(cli(home, "history", "--export", str(exported)))
    assert exported.read_text("utf-8").startswith("id,started_at,ended_at,title_id")


ADD = """
import sys
from app.__main__ import main
sys.exit(main(["--data-dir", sys.argv[1], "playlist", "add", "Shared", *sys.argv[2:]]))
"""


def test_two_processes_adding_to_one_playlist_lose_nothing(tmp_path: Path) -> None:
    home = tmp_path / "h"
    _ok(cli(home, "playlist", "create", "Shared"))
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", ADD, str(home), *[f"http://127.0.0.1:9/{p}-{n}.mp4" for n in range(10)]],
            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for p in ("a", "b", "c")
    ]  # fmt: skip
    for proc in procs:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    listed = json.loads(_ok(cli(home, "playlist", "list", "Shared", "--json")))
    labels = [i["label"] for i in listed["items"]]
    assert len(labels) == 30 and len(set(labels)) == 30
    assert sorted(i["position"] for i in listed["items"]) == list(range(30))  # no two at one place


def test_playlist_create_add_list_export_import(tmp_path: Path) -> None:
    home = tmp_path / "h"
    _ok(cli(home, "playlist", "create", "Немое кино"))
    dup = cli(home, "playlist", "create", "немое кино")
    assert dup.returncode == 2 and "exists already" in dup.stderr
    _ok(cli(home, "playlist", "add", "Немое кино", "tmdb:movie:19", "Малыш", "http://127.0.0.1:9/x.mp4"))
    assert [p["items"] for p in json.loads(_ok(cli(home, "playlist", "list", "--json")))] == [3]
    m3u = _ok(cli(home, "playlist", "export", "Немое кино"))
    assert m3u.startswith("#EXTM3U\n#PLAYLIST:Немое кино\n#EXTINF:") and 'cinema-id="tmdb:movie:19"' in m3u
    target = tmp_path / "out.m3u"
    assert "Wrote 3 items" in _ok(cli(home, "playlist", "export", "Немое кино", str(target)))
    target.write_text(target.read_text("utf-8") + "#EXTINF:1,broken\nnot a link\n", "utf-8")
    done = cli(home, "playlist", "import", str(target))
    assert done.returncode == 0
    assert "Imported 3 items into “out”" in done.stdout
    assert "out.m3u: line 10: not a link or an absolute path (skipped)" in done.stderr
    missing = cli(home, "playlist", "add", "Nope", "tmdb:movie:19")
    assert missing.returncode == 1 and "No playlist called “Nope”" in missing.stderr
