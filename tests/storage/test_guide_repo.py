"""The guide repository: sources CRUD, the one-transaction replace, catalog query shapes."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from app.storage import guide_repo
from app.storage.guide_repo import PROGRAMME_COLUMNS, GuideWriter


def programme(source_id: int, channel: str, start: int, title: str, **kw: Any) -> tuple[Any, ...]:
    values = {
        "source_id": source_id,
        "channel_id": f"{source_id}:{channel}",
        "start": start,
        "stop": kw.pop("stop", start + 3600),
        "title": title,
        "kind": kw.pop("kind", "programme"),
        **kw,
    }
    return tuple(values.get(c) for c in PROGRAMME_COLUMNS)


def channel(source_id: int, guide_id: str, name: str, number: int | None = None) -> tuple[Any, ...]:
    sid = f"{source_id}:{guide_id}"
    return (
        sid,
        source_id,
        guide_id,
        name,
        "[]",
        None,
        None,
        number,
        None,
        None,
        None,
        None,
        None,
        None,
        None,  # catchup_correction (0004)
        None,  # position (0004)
    )


def replace(db: Any, source_id: int, channels: list[Any], programmes: list[Any], **kw: Any) -> None:
    w = GuideWriter(db)
    w.begin(source_id)
    w.add_channels(channels)
    w.add_programmes(programmes)
    w.add_placeholders(kw.get("placeholders", ()), now=0, is_demo=False)
    w.commit(now=kw.get("now", 0), prune_before=kw.get("prune_before", 0), status={})


@pytest.fixture
def db(services: Any) -> Any:
    return services.db


def new_source(db: Any, name: str = "s") -> int:
    return guide_repo.add_source(
        db,
        name=name,
        kind="xmltv",
        location=f"/tmp/{name}.xml",
        params={"a": 1},
        is_demo=False,
        now=5,
    )


def test_sources_crud(db: Any) -> None:
    sid = new_source(db, "one")
    src = guide_repo.get_source(db, sid)
    assert src is not None and (src.name, src.params, src.last_status) == ("one", {"a": 1}, None)
    guide_repo.record_status(db, sid, status="error", error="boom", now=9)
    src = guide_repo.get_source(db, sid)
    assert src is not None and (src.last_status, src.last_error, src.last_refresh_at) == (
        "error",
        "boom",
        9,
    )
    replace(db, sid, [channel(sid, "a", "A")], [programme(sid, "a", 100, "x")])
    assert [s.programmes_count for s in guide_repo.list_sources(db)] == [1]
    guide_repo.remove_source(db, sid)
    assert guide_repo.list_sources(db) == [] and guide_repo.count_rows(db, sid) == (0, 0)


def test_replace_is_one_transaction_readers_see_the_old_guide(db: Any) -> None:
    sid = new_source(db)
    other = new_source(db, "other")
    replace(db, sid, [channel(sid, "a", "A")], [programme(sid, "a", 100, "old")])
    replace(db, other, [channel(other, "b", "B")], [programme(other, "b", 100, "theirs")])
    w = GuideWriter(db)
    w.begin(sid)
    w.add_channels([channel(sid, "a", "A")])
    w.add_programmes([programme(sid, "a", 200, "new")])
    # Another connection still sees yesterday's guide while the import is under way.
    reader = sqlite3.connect(str(db.path))
    assert reader.execute("SELECT title FROM programmes ORDER BY title").fetchall() == [
        ("old",),
        ("theirs",),
    ]
    w.rollback()
    assert reader.execute("SELECT title FROM programmes ORDER BY title").fetchall() == [
        ("old",),
        ("theirs",),
    ]
    replace(db, sid, [channel(sid, "a", "A")], [programme(sid, "a", 200, "new")])
    assert reader.execute("SELECT title FROM programmes ORDER BY title").fetchall() == [
        ("new",),
        ("theirs",),
    ]
    reader.close()


def test_commit_fills_stops_prunes_and_upserts_placeholders(db: Any) -> None:
    sid = new_source(db)
    replace(
        db,
        sid,
        [channel(sid, "a", "A")],
        [
            programme(sid, "a", 50, "ancient"),
            programme(sid, "a", 1000, "first", stop=None),
            programme(sid, "a", 1600, "film", stop=None, kind="film", film_key="k", title_id="epg:film:k"),
        ],
        prune_before=900,
        placeholders=[("epg:film:k", "film", "Фильм", 1999, "desc", "http://p/1.jpg")],
    )
    got = {r.title: (r.start, r.stop) for r in guide_repo.channel_day(db, f"{sid}:a", 0, 10_000)}
    assert guide_repo.count_rows(db, sid) == (1, 2)
    assert [s.programmes_count for s in guide_repo.list_sources(db)] == [2]
    assert got == {"first": (1000, 1600), "film": (1600, None)}
    conn = sqlite3.connect(str(db.path))
    assert conn.execute(
        "SELECT kind, title, year, overview, poster_path, poster_origin FROM titles"
    ).fetchall() == [("film", "Фильм", 1999, "desc", "http://p/1.jpg", "preview")]
    conn.close()


def test_catalog_queries(db: Any) -> None:
    sid = new_source(db)
    replace(
        db,
        sid,
        [channel(sid, "a", "A", 1), channel(sid, "b", "B", 2), channel(sid, "c", "C", 3)],
        [
            programme(sid, "a", 0, "a0"),
            programme(sid, "a", 3600, "a1", kind="film", film_key="f1"),
            programme(sid, "b", 1800, "b0", stop=9000, kind="cartoon", film_key="f2"),
            programme(sid, "b", 9000, "b1", kind="series"),
            programme(sid, "c", 100, "c-ended", stop=200),
        ],
    )
    on_air = guide_repo.on_air(db, 4000)
    assert [(r.channel_name, r.title) for r in on_air] == [("A", "a1"), ("B", "b0")]
    films = guide_repo.films_between(db, 0, 20_000)
    assert [(r.title, r.kind, r.channel_name) for r in films] == [
        ("b0", "cartoon", "B"),
        ("a1", "film", "A"),
    ]
    assert [r.title for r in guide_repo.films_between(db, 0, 20_000, limit=1)] == ["b0"]
    assert [r.title for r in guide_repo.channel_day(db, f"{sid}:b", 0, 86400)] == ["b0", "b1"]


def test_queries_use_indexes(db: Any) -> None:
    conn = sqlite3.connect(str(db.path))
    plans = {
        "films_page": "SELECT id FROM (SELECT id, start FROM programmes WHERE kind = 'film' "
        "AND start >= 0 AND start < 1 ORDER BY start LIMIT 5)",
        "channel_day": "SELECT p.title FROM programmes p WHERE p.channel_id = 'x' AND p.start >= 0 "
        "AND p.start < 1 ORDER BY p.start",
    }
    for name, sql in plans.items():
        plan = " ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql))
        assert "INDEX ix_programmes_" in plan, (name, plan)
        assert "TEMP B-TREE" not in plan, (name, plan)
    conn.close()
