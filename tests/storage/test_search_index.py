"""Search at scale: the ranked order against a plain reference, caches following writes, merging,
and migration 0003 (prefix indexes, the rating-order index) up and down."""

from __future__ import annotations

import json
import random
import re
import sqlite3
from pathlib import Path

import pytest

from app.services.library.catalog import CatalogFilter, CatalogService
from app.services.library.search import fold
from app.storage import search_repo, titles_repo
from app.storage.db import Database, downgrade, migrate
from tests.ui.conftest import title_row

RU = [
    "ночь", "небо", "нож", "дом", "дорога", "ёлка", "звёзды", "ещё", "тайна", "тень", "остров",
    "капитан", "последний", "море", "город", "сердце", "война", "весна", "ветер", "чужой",
]  # fmt: skip
EN = ["night", "north", "home", "road", "star", "secret", "shadow", "island", "captain", "last", "sea"]
KINDS = ["film", "film", "series", "anime", "programme"]
QUERIES = [
    "н", "д", "е", "ё", "т", "в", "n", "s", "h",  # one letter, both scripts, ё = е
    "но", "ne", "ноч", "звезды", "звёзды", "капитан", "sea",  # prefixes and words
    "ночь дом", "тайна остров", "ночь night", "star ночь", "ночь zzz",  # two words, across columns
]  # fmt: skip

_WORD = re.compile(r"[^\W_]+")


def _tokens(text: str | None) -> list[str]:
    return _WORD.findall(fold(text or ""))


@pytest.fixture
def rows() -> list[dict[str, object]]:
    rng = random.Random(11)
    out = []
    for i in range(400):
        ru = " ".join(rng.sample(RU, rng.randint(1, 3))).capitalize()
        en = " ".join(rng.sample(EN, rng.randint(1, 3))).title() if rng.random() < 0.7 else None
        # some writers escape Cyrillic in JSON (ensure_ascii): the index holds the decoded strings
        names = [" ".join(rng.sample(rng.choice([RU, EN]), 2))]
        alt = json.dumps(names, ensure_ascii=rng.random() < 0.5) if rng.random() < 0.3 else None
        rating = None if rng.random() < 0.1 else round(rng.uniform(3, 9), 1)
        out.append(
            title_row(
                i, title=ru, original_title=en, alt_titles=alt, rating=rating, votes=i, kind=rng.choice(KINDS)
            )
        )
    return out


@pytest.fixture
def catalog(services, rows) -> CatalogService:
    titles_repo.upsert_titles(services.db, rows)
    return CatalogService(services)


def reference(
    rows: list[dict[str, object]], text: str, kinds: tuple[str, ...] = (), decode_alt: bool = True
) -> list[str]:
    """What the search must return, computed without FTS: every word a prefix of some term;
    titles whose own name holds every word first, then by rating, votes, title.

    ``decode_alt=False``: alternative titles as migration 0002 indexed them (the JSON text).
    """
    words = _tokens(text)

    def has(tokens: list[str]) -> bool:
        return all(any(t.startswith(w) for t in tokens) for w in words)

    hits = []
    for r in rows:
        if r["kind"] == "programme" or (kinds and r["kind"] not in kinds):
            continue
        own = _tokens(str(r["title"]))
        alt = r["alt_titles"]
        if alt and decode_alt:
            alt = " ".join(json.loads(str(alt)))
        every = own + _tokens(r["original_title"]) + _tokens(alt)  # type: ignore[arg-type]
        if has(every):
            rating = r["rating"]
            key = (not has(own), rating is None, -(rating or 0), -int(r["votes"]), r["title"])  # type: ignore[call-overload]
            hits.append((key, str(r["id"])))
    return [tid for _, tid in sorted(hits)]


def test_every_query_kind_matches_the_plain_reference(catalog, rows) -> None:
    for text in QUERIES:
        assert catalog.query(CatalogFilter(text=text)) == reference(rows, text), text
    assert reference(rows, "н") and reference(rows, "ночь night") and not reference(rows, "ночь zzz")
    # the title-first partition is exercised: some hits match only in an alternative title
    own = {r["id"] for r in rows if "ночь" in _tokens(str(r["title"]))}
    assert {i for i in reference(rows, "ночь")} - own


def test_filters_keep_the_search_order(catalog, rows) -> None:
    kinds = ("anime", "series")
    for text in ("н", "ночь", "star ночь", "sea"):
        expected = reference(rows, text, kinds=kinds)
        assert catalog.query(CatalogFilter(text=text, kinds=kinds)) == expected, text
        assert catalog.query(CatalogFilter(text=text), limit=5) == reference(rows, text)[:5]
        # the same filter right after the text alone: ordered from the kept result
        assert catalog.query(CatalogFilter(text=text, kinds=kinds)) == expected, text
        assert catalog.query(CatalogFilter(text=text, kinds=kinds), limit=3) == expected[:3]
    assert catalog.query(CatalogFilter(text="ночь", kinds=("cartoon",))) == []


def test_suggestions_are_the_head_of_the_grid_order(catalog, rows) -> None:
    for text in ("н", "капитан", "sea", "ночь night"):
        grid = catalog.query(CatalogFilter(text=text))
        found = catalog.search.suggestions(text, limit=8)
        assert [s.id for s in found] == grid[:8], text
        by_id = {r["id"]: r for r in rows}
        assert all(s.title == by_id[s.id]["title"] for s in found)


def test_results_follow_writes_at_once(catalog, rows, services) -> None:
    before = catalog.query(CatalogFilter(text="н"))
    last = before[-1]
    services.db.raw().execute("UPDATE titles SET rating = 10, votes = 100000 WHERE id = ?", (last,))
    row = next(r for r in rows if r["id"] == last)
    row.update(rating=10.0, votes=100000)
    after = catalog.query(CatalogFilter(text="н"))
    assert after == reference(rows, "н") and after != before
    # a rename and a kind change reach both the matches and the cached results
    services.db.raw().execute(
        "UPDATE titles SET title = 'Новое имя', kind = 'programme' WHERE id = ?", (last,)
    )
    row.update(title="Новое имя", kind="programme")
    assert catalog.query(CatalogFilter(text="н")) == reference(rows, "н")
    assert last not in catalog.query(CatalogFilter(text="новое"))
    assert [s.id for s in catalog.search.suggestions("н", limit=3)] == reference(rows, "н")[:3]


def test_warm_merges_a_fragmented_index(services, rows) -> None:
    catalog = CatalogService(services)
    for start in range(0, len(rows), 20):  # one segment per transaction
        titles_repo.upsert_titles(services.db, rows[start : start + 20])
    assert search_repo.segments(services.db) > 1
    before = {text: catalog.query(CatalogFilter(text=text)) for text in QUERIES}
    assert search_repo.warm(services.db) == sum(r["kind"] != "programme" for r in rows)
    assert search_repo.segments(services.db) == 1
    assert {text: catalog.query(CatalogFilter(text=text)) for text in QUERIES} == before
    assert before["н"] == reference(rows, "н")


def test_merge_gives_way_to_a_writer(services, rows, home) -> None:
    catalog = CatalogService(services)
    titles_repo.upsert_titles(services.db, rows[:50])
    titles_repo.upsert_titles(services.db, rows[50:100])
    writer = sqlite3.connect(str(services.db.path), isolation_level=None, timeout=5.0)
    writer.execute("BEGIN IMMEDIATE")
    try:
        assert search_repo.merge(services.db) is False  # no wait for the writer
        assert catalog.query(CatalogFilter(text="н")) == reference(rows[:100], "н")
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert search_repo.merge(services.db) is True
    assert search_repo.segments(services.db) == 1
    assert services.db.raw().execute("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_rebuild_follows_moved_rowids(catalog, rows, services) -> None:
    expected = reference(rows, "т")
    assert catalog.query(CatalogFilter(text="т")) == expected
    assert search_repo.rebuild(services.db) == len(rows)
    assert catalog.query(CatalogFilter(text="т")) == expected
    assert search_repo.segments(services.db) == 1


def test_near_terms_keep_only_the_closest_among_many(services) -> None:
    names = ["Терминатор", "Терминал", "Термит", "Термос", "Терем", "Тетрис", "Тернистый путь"]
    titles_repo.upsert_titles(
        services.db, [title_row(i, title=t, original_title=None) for i, t in enumerate(names)]
    )
    catalog = CatalogService(services)
    assert catalog.search.near_terms("терменатор") == ["терминатор"]
    assert catalog.search.near_terms("термас") == ["термос"]  # a six-letter word: one edit
    assert catalog.search.near_terms("тирминатр") == ["терминатор"]  # seven letters: two edits
    assert catalog.search.near_terms("шмяк") == []
    assert [t.removeprefix("tmdb:movie:") for t in catalog.query(CatalogFilter(text="тирминатр"))] == ["1000"]
    assert catalog.search.warm() == len(names)


def test_migration_0003_up_and_down_keeps_search(tmp_path: Path, rows) -> None:
    db = Database(tmp_path / "m.sqlite3")
    migrate(db.engine, "0002")
    # written as a 0002 database held them: today's repository writes columns added later
    columns = [r[1] for r in db.raw().execute("PRAGMA table_info(titles)")]
    kept = [{c: r[c] for c in columns if c in r} for r in rows[:200]]
    names = list(kept[0])
    quoted = ", ".join('"' + n + '"' for n in names)
    with db.raw() as conn:
        conn.executemany(
            f"INSERT INTO titles ({quoted}) VALUES ({', '.join('?' * len(names))})",
            [tuple(r[n] for n in names) for r in kept],
        )

    def search(text: str) -> list[str]:
        match = " AND ".join(f'"{w}"*' for w in _tokens(text))
        return search_repo.ranked_ids(db, match)

    before = search("н")
    assert before == reference(rows[:200], "н", decode_alt=False)
    migrate(db.engine, "head")
    after = search("н")
    assert after == reference(rows[:200], "н")
    assert set(after) > set(before)  # alternative titles written with ASCII escapes are found now
    assert (
        "prefix" in db.raw().execute("SELECT sql FROM sqlite_master WHERE name = 'titles_fts'").fetchone()[0]
    )
    titles_repo.upsert_titles(db, rows[200:])  # the triggers feed the rebuilt index
    assert search("н") == reference(rows, "н")
    downgrade(db.engine, "0002")
    assert search("н") == reference(rows, "н", decode_alt=False)
    assert not db.raw().execute("SELECT 1 FROM sqlite_master WHERE name = 'ix_titles_search_rank'").fetchone()
    db.dispose()


def test_warm_ranks_every_first_letter_and_writes_still_show(catalog, rows, services) -> None:
    letters = search_repo.first_letters(services.db)
    assert {"н", "д", "е", "n", "s"} <= set(letters) and "ё" not in letters  # ё is indexed as е
    assert letters == sorted(letters)
    search_repo.warm(services.db)
    for letter in letters:
        assert catalog.query(CatalogFilter(text=letter)) == reference(rows, letter), letter
    # a two-letter prefix is kept too; a write replaces what was kept
    assert catalog.query(CatalogFilter(text="но")) == reference(rows, "но")
    first = catalog.query(CatalogFilter(text="н"))[0]
    services.db.raw().execute("UPDATE titles SET rating = 0.1, votes = 0 WHERE id = ?", (first,))
    next(r for r in rows if r["id"] == first).update(rating=0.1, votes=0)
    for text in ("н", "но", "s"):
        assert catalog.query(CatalogFilter(text=text)) == reference(rows, text), text
    assert catalog.query(CatalogFilter(text="н"))[0] != first


def test_an_id_with_odd_characters_keeps_its_place(services) -> None:
    odd = ["epg:film:a,b", "epg:film:x\x1fy", 'epg:film:плохое "имя"']
    titles_repo.upsert_titles(
        services.db,
        [title_row(i, id=tid, title=f"Ночь {i}", rating=9 - i) for i, tid in enumerate(odd)]
        + [title_row(9, title="Ночь девять", rating=1.0)],
    )
    catalog = CatalogService(services)
    assert catalog.query(CatalogFilter(text="ночь")) == [*odd, "tmdb:movie:1009"]


def test_a_failed_search_leaves_no_read_transaction(catalog, rows, services) -> None:
    conn = services.db.raw()
    with pytest.raises(sqlite3.OperationalError):
        search_repo.ranked_ids(services.db, '"unterminated')  # a broken expression fails in FTS5
    assert not conn.in_transaction
    services.db.raw().execute("UPDATE titles SET title = 'Ночь новая' WHERE id = ?", (rows[0]["id"],))
    rows[0]["title"] = "Ночь новая"
    assert catalog.query(CatalogFilter(text="новая")) == reference(rows, "новая")
