"""A damaged database and a read-only data folder (issue 19, item 6): one sentence, nothing touched.

The database is a real one made by the app (the demo library), then damaged in a copy.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.cli.hostile import (
    cli,
    damage,
    digest,
    make_read_only,
    make_writable,
    read_only_prefix,
    real_library,
)


@pytest.fixture(scope="module")
def library_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("library")
    real_library(home)
    return home


def _copy(library_home: Path, tmp_path: Path) -> Path:
    home = tmp_path / "home"
    shutil.copytree(library_home, home)
    return home


@pytest.mark.parametrize("how", ["header", "pages"])
def test_a_damaged_database_is_named_in_one_sentence_and_left_untouched(
    library_home: Path, tmp_path: Path, how: str
) -> None:
    home = _copy(library_home, tmp_path)
    database = home / "data" / "cinema.sqlite3"
    damage(database, how)
    before = digest(database)
    for command in (["library", "--json"], ["history"], ["epg", "list"]):
        done = cli(home, *command)
        assert "Traceback" not in done.stderr, done.stderr
        lines = done.stderr.strip().splitlines()
        if how == "header" or command[0] == "library":  # "pages": the command that reads them
            assert done.returncode in (1, 2), (command, done.stderr)
            assert lines == [
                f"cinema: The database {database} is damaged and cannot be read; it was left as it is. "
                "Move it away (or restore a backup) and start Cinema again to begin with a new library."
            ], command
    assert digest(database) == before
    assert sorted(p.name for p in database.parent.iterdir()) == ["cinema.sqlite3"]  # no -wal, no -shm


@pytest.mark.parametrize("how", ["header", "pages"])
def test_self_test_checks_the_databases_integrity(library_home: Path, tmp_path: Path, how: str) -> None:
    home = _copy(library_home, tmp_path)
    good = cli(home, "self-test", timeout=180)
    assert f"PASS database: {home / 'data' / 'cinema.sqlite3'}: integrity ok" in good.stdout
    database = home / "data" / "cinema.sqlite3"
    damage(database, how)
    before = digest(database)
    bad = cli(home, "self-test", timeout=180)
    assert bad.returncode == 1
    [line] = [x for x in bad.stdout.splitlines() if x.startswith(("PASS database", "FAIL database"))]
    assert line.startswith(f"FAIL database: The database {database} is damaged")
    assert "Traceback" not in bad.stderr
    assert digest(database) == before


@pytest.mark.expected_error(r"cannot open the library: The database .* is damaged")
def test_the_gui_says_so_in_a_dialog(library_home: Path, tmp_path: Path, qapp, messages) -> None:
    from app.bootstrap import run_gui

    home = _copy(library_home, tmp_path)
    database = home / "data" / "cinema.sqlite3"
    damage(database, "header")
    before = digest(database)
    assert run_gui(home) == 2
    [box] = messages.boxes()
    assert box.level == "critical"
    assert str(database) in box.text and "damaged" in box.text and "move it away" in box.text
    assert digest(database) == before


def test_read_only_commands_work_in_a_read_only_data_folder(library_home: Path, tmp_path: Path) -> None:
    home = _copy(library_home, tmp_path)
    (home / "logs" / "cinema.jsonl").unlink()  # the log file cannot even be created
    make_read_only(home)
    prefix = read_only_prefix()
    try:
        library = cli(home, "library", "--json", prefix=prefix)
        assert library.returncode == 0, library.stderr
        assert '"title"' in library.stdout
        for command in (["history"], ["epg", "list"]):
            done = cli(home, *command, prefix=prefix)
            assert done.returncode == 0, (command, done.stderr)
            assert "Traceback" not in done.stderr
        assert "cannot write the log file" in library.stderr
        # a command that writes says why it cannot, in one line, and changes nothing
        guide = home / "cache" / "demo-guide.xml"
        wrote = cli(home, "epg", "import", str(guide), prefix=prefix)
        assert wrote.returncode != 0 and "Traceback" not in wrote.stderr
        assert f"Cannot save to {home / 'data' / 'cinema.sqlite3'}: it or its folder" in wrote.stderr
        assert not (home / "logs" / "cinema.jsonl").exists()
    finally:
        make_writable(home)
