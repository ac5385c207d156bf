"""``cinema epg add --guide-for``, ``cinema channels --json``, ``cinema remind add|list|remove``
(issue 13) on a playlist and a guide around the real current time."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.__main__ import main

PLAYLIST = """#EXTM3U catchup="shift" catchup-days="3"
#EXTINF:-1 tvg-id="kino" group-title="Кино" tvg-logo="http://127.0.0.1:9/kino.png",Кино ТВ HD
http://127.0.0.1:9/kino/index.m3u8
#EXTINF:-1 group-title="Новости",Новости 24
http://127.0.0.1:9/news/index.m3u8
#EXTINF:-1 tvg-id="kino",Кино ТВ (резерв)
http://127.0.0.1:9/kino-backup/index.m3u8
"""


def guide_now() -> tuple[bytes, datetime]:
    """A film on «Кино» that started 30 minutes ago and again tomorrow; news around the clock."""
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    film = now - timedelta(minutes=30)
    rows = [
        ("kino", film - timedelta(hours=2), film, "Новости кино"),
        ("kino", film, film + timedelta(hours=2), 'Х/ф "Матрица"'),
        ("kino", film + timedelta(hours=2), film + timedelta(hours=3), "Ночной эфир"),
        ("kino", film + timedelta(days=1), film + timedelta(days=1, hours=2), 'Х/ф "Матрица"'),
        ("news24", now - timedelta(hours=1), now + timedelta(hours=1), "Новости"),
        ("news24", now + timedelta(hours=1), now + timedelta(hours=2), "Погода"),
    ]

    def t(moment: datetime) -> str:
        return moment.strftime("%Y%m%d%H%M%S +0000")

    body = "".join(
        f'<programme start="{t(a)}" stop="{t(b)}" channel="{c}"><title>{title}</title>'
        f"<desc>США, 1999.</desc></programme>"
        for c, a, b, title in rows
    )
    channels = (
        '<channel id="kino"><display-name>Кино ТВ</display-name></channel>'
        '<channel id="news24"><display-name>Новости 24</display-name></channel>'
    )
    return f'<?xml version="1.0" encoding="UTF-8"?><tv>{channels}{body}</tv>'.encode(), film


@pytest.fixture
def cli(home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Any:
    monkeypatch.setenv("CINEMA_DEMO_ENABLED", "false")

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--data-dir", str(home), *argv])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def test_guide_for_a_playlist_channels_and_reminders(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "list.m3u").write_text(PLAYLIST, "utf-8")
    data, film_start = guide_now()
    (tmp_path / "guide.xml").write_bytes(data)
    code, out, _ = cli("epg", "import", str(tmp_path / "list.m3u"), "--json")
    assert code == 0
    playlist = json.loads(out)["source_id"]

    code, out, err = cli("epg", "add", str(tmp_path / "guide.xml"), "--guide-for", str(playlist))
    assert code == 0, err
    guide_id, linked = out.splitlines()
    assert int(guide_id) != playlist
    assert linked == f"linked 2 channels of playlist {playlist} (1 by name, 1 by tvg-id)"

    code, out, _ = cli("channels", "--json")
    assert code == 0
    channels = json.loads(out)
    assert [(c["name"], c["group"], c["catchup"], c["catchup_days"]) for c in channels] == [
        ("Кино ТВ HD", "Кино", "shift", 3),
        ("Новости 24", "Новости", "shift", 3),
    ]
    kino, news = channels
    assert kino["backups"] == ["http://127.0.0.1:9/kino-backup/index.m3u8"]
    assert kino["now"]["title"] == "Матрица" and kino["now"]["kind"] == "film"
    assert kino["now"]["start"] == film_start.astimezone().isoformat(timespec="seconds")
    assert kino["next"]["title"] == "Ночной эфир"
    assert (news["now"]["title"], news["next"]["title"]) == ("Новости", "Погода")
    title_id = kino["now"]["title_id"]

    code, out, _ = cli("remind", "add", title_id)
    assert code == 0
    reminder = int(out)
    code, out, _ = cli("remind", "add", title_id)  # the same title again: the same reminder
    assert (code, int(out)) == (0, reminder)
    code, out, _ = cli("remind", "list", "--json")
    assert code == 0
    (item,) = json.loads(out)
    assert (item["id"], item["kind"], item["title_id"], item["label"], item["channel"]) == (
        reminder, "title", title_id, "Матрица", "Кино ТВ",
    )  # fmt: skip
    assert item["start"] == film_start.astimezone().isoformat(timespec="seconds")  # on now: the next one
    code, _, _ = cli("remind", "remove", str(reminder))
    assert code == 0
    assert cli("remind", "list", "--json")[1].strip() == "[]"


def test_bad_input_says_so(cli: Any, tmp_path: Path) -> None:
    data, _ = guide_now()
    (tmp_path / "guide.xml").write_bytes(data)
    code, out, err = cli("epg", "add", str(tmp_path / "guide.xml"), "--guide-for", "99")
    assert (code, out) == (2, "")
    assert err.strip() == "error: source 99 is not a playlist (see 'cinema epg list')"
    code, out, err = cli("remind", "add", "tmdb:movie:424242")
    assert (code, out, err.strip()) == (2, "", "error: no title tmdb:movie:424242")
    assert cli("remind", "remove", "7")[0] == 1
    code, out, _ = cli("channels", "--json")
    assert (code, json.loads(out)) == (0, [])


def test_sources_json_lists_every_tv_way(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "list.m3u").write_text(PLAYLIST, "utf-8")
    data, film_start = guide_now()
    (tmp_path / "guide.xml").write_bytes(data)
    playlist = json.loads(cli("epg", "import", str(tmp_path / "list.m3u"), "--json")[1])["source_id"]
    assert cli("epg", "add", str(tmp_path / "guide.xml"), "--guide-for", str(playlist))[0] == 0
    title_id = json.loads(cli("channels", "--json")[1])[0]["now"]["title_id"]

    code, out, err = cli("sources", title_id, "--json")
    assert code == 0, err
    ways = json.loads(out)
    tv = [w for w in ways if w["kind"] in ("live", "archive")]
    required = {"kind", "label", "url", "start", "stop", "channel", "playable_now"}
    assert all(required <= set(w) for w in tv)
    tomorrow = film_start + timedelta(days=1)
    summary = sorted(
        (w["kind"], w["url"], datetime.fromisoformat(w["start"]), w["channel"], w["playable_now"]) for w in tv
    )
    begin = int(film_start.timestamp()) - 60  # one minute before (the default padding)
    from_start = next(w for w in tv if w["kind"] == "archive" and "/kino/" in w["url"])
    now = int(from_start["url"].rsplit("lutc=", 1)[1])  # the CLI's own clock: the real time
    arc = f"utc={begin}&lutc={now}"
    # on now: live and from the start, each with the channel's backup; tomorrow's airing of the
    # same channel is a way of its own (not merged with today's by its URL), not playable now
    assert summary == sorted([
        ("live", "http://127.0.0.1:9/kino/index.m3u8", film_start, "Кино ТВ HD", True),
        ("live", "http://127.0.0.1:9/kino-backup/index.m3u8", film_start, "Кино ТВ (резерв)", True),
        ("archive", f"http://127.0.0.1:9/kino/index.m3u8?{arc}", film_start, "Кино ТВ HD", True),
        ("archive", f"http://127.0.0.1:9/kino-backup/index.m3u8?{arc}", film_start, "Кино ТВ (резерв)", True),
        ("live", "http://127.0.0.1:9/kino/index.m3u8", tomorrow, "Кино ТВ HD", False),
    ])  # fmt: skip
    for w in tv:  # ISO 8601 with the offset
        assert w["start"][-6] in "+-" and w["stop"][-6] in "+-"
