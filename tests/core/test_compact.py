"""Compact containers: a string -> int table through hashes in arrays, strings in one blob."""

from __future__ import annotations

from app.core.compact import StrIntTable, StrList


def test_the_table_keeps_every_key_across_growth() -> None:
    table = StrIntTable()
    for i in range(100_000):
        assert table.setdefault(f"ch{i}.tv", i) == i
    assert len(table) == 100_000
    assert table.setdefault("ch5.tv", 99) == 5  # the first value stays
    assert all(table.get(f"ch{i}.tv") == i for i in range(0, 100_000, 997))
    assert table.get("ch100000.tv") is None and table.get("") is None


def test_the_table_counts() -> None:
    table = StrIntTable()
    assert [table.add("x"), table.add("x"), table.add("y"), table.add("x")] == [1, 2, 1, 3]


def test_the_list_gives_back_what_it_was_given() -> None:
    names = StrList()
    texts = ["Первый канал", "", "BBC One", "ТНТ 4 🎬", "x" * 1000]
    assert [names.append(t) for t in texts] == list(range(len(texts)))
    assert [names[i] for i in range(len(names))] == texts
