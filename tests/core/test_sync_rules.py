"""The sync's conflict rules and the library server's address (app.domain.sync): pure, no server."""

from __future__ import annotations

import pytest

from app.domain.sync import (
    BadServerAddress,
    ServerAddress,
    Stamp,
    merge_progress,
    newer,
    wins_over_deletion,
)


def row(
    position: int, updated: int, watched: bool = False, watched_at: int | None = None, views: int = 0
) -> dict:
    return {
        "item_key": "tmdb:movie:603", "title_id": "tmdb:movie:603", "position_ms": position,
        "duration_ms": 9000, "updated_at": updated, "watched": watched, "watched_at": watched_at,
        "view_count": views,
    }  # fmt: skip


def test_the_newer_stamp_wins_and_a_tie_is_broken_the_same_way_everywhere() -> None:
    assert newer(Stamp(2, 0, "a"), Stamp(1, 0, "z"))
    assert not newer(Stamp(1, 0, "z"), Stamp(2, 0, "a"))
    # equal clocks: the device id decides, so both sides agree on one winner
    assert newer(Stamp(5, 0, "b"), Stamp(5, 0, "a")) and not newer(Stamp(5, 0, "a"), Stamp(5, 0, "b"))
    # a row a device brought when it joined (clock 0) never replaces the server's
    assert not newer(Stamp(0, 0, "z"), Stamp(0, 0, "a"))


def test_a_deletion_wins_over_older_edits_only() -> None:
    tombstone = Stamp(100, 0, "a", deleted=True)
    assert not wins_over_deletion(Stamp(99, 0, "b"), tombstone)
    assert wins_over_deletion(Stamp(101, 0, "b"), tombstone)  # re-added later: back
    assert wins_over_deletion(Stamp(50, 120, "b"), tombstone)  # marked watched after the deletion


def test_progress_newest_position_wins_and_watched_marks_merge() -> None:
    # device A watched to the end and marked it at 10:00; device B played the start at 10:30
    a, a_stamp = row(8900, 1000, watched=True, watched_at=1000, views=1), Stamp(1_000_000, 1_000_000, "a")
    b, b_stamp = row(300, 1800), Stamp(1_800_000, 0, "b")
    merged, stamp = merge_progress(a, a_stamp, b, b_stamp)
    assert merged["position_ms"] == 300 and merged["updated_at"] == 1800  # B's position: newer
    assert merged["watched"] is True and merged["watched_at"] == 1000  # A's mark stays
    assert merged["view_count"] == 1
    assert stamp == Stamp(1_800_000, 1_000_000, "b")
    # the same from the other side: one result
    again, again_stamp = merge_progress(b, b_stamp, a, a_stamp)
    assert again == merged and again_stamp == stamp


def test_an_explicit_unwatch_later_than_the_mark_wins() -> None:
    marked, marked_stamp = row(0, 1000, watched=True, watched_at=1000), Stamp(1_000_000, 1_000_000, "a")
    unmarked, unmarked_stamp = row(0, 2000), Stamp(2_000_000, 2_000_000, "b")
    merged, _ = merge_progress(marked, marked_stamp, unmarked, unmarked_stamp)
    assert merged["watched"] is False


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("", "No library server given"),
        ("mysql://u@h/db", "PostgreSQL URL"),
        ("postgresql://h/db", "no user"),
        ("postgresql://u@h", "no database"),
        ("postgresql://u@h/db?sslmode=sometimes", "sslmode must be one of"),
        ("postgresql://u@h/db?password=x", "Unknown option"),
        ("postgresql://u:secret@h:99999/db", "not a valid URL"),
    ],
)
def test_a_bad_address_says_what_is_wrong(url: str, words: str) -> None:
    with pytest.raises(BadServerAddress, match=words) as caught:
        ServerAddress.parse(url)
    assert "secret" not in str(caught.value)


def test_the_password_never_shows() -> None:
    address = ServerAddress.parse("postgresql://bob:p%40ss@db.home/cinema?sslmode=verify-full")
    assert address.password == "p@ss" and address.port == 5432 and address.sslmode == "verify-full"
    for shown in (str(address), repr(address), address.display):
        assert "p@ss" not in shown and "p%40ss" not in shown
    assert address.display == "postgresql://bob@db.home:5432/cinema?sslmode=verify-full"
