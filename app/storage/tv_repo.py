"""TV reads: watchable channels (with backups and their guide channel), a title's airings on
them, now/next, timeline cells, favourite channels. Portable SQL through ``Database.execute``.

A guide channel without a stream (a guide added apart from the playlist) is watched through the
playlist channel linked to it (``channel_links``); a playlist channel listed more than once in
its playlist (``guide_id`` ``x``, ``x#2`` …) has the others as backups.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from app.domain.tv import ChannelAiring, GuideCell, TvChannel
from app.storage.db import Database

_CHANNEL_COLS = (
    "c.id, c.source_id, c.guide_id, c.name, c.logo, c.group_title, c.number, c.stream_url, c.headers, "
    "c.catchup_mode, c.catchup_source, c.catchup_days, c.tvg_shift, c.catchup_correction"
)
_CHUNK = 400  # ids per IN list (far below every driver's parameter limit)
DEFAULT_LENGTH_S = 3600  # a programme whose stop time the guide left out


def _in(prefix: str, ids: Sequence[Any]) -> tuple[str, dict[str, Any]]:
    names = [f"{prefix}{i}" for i in range(len(ids))]
    return ", ".join(f":{n}" for n in names), dict(zip(names, ids, strict=True))


def _chunks(ids: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


def _headers(raw: str | None) -> dict[str, str]:
    if not raw:
        return {}
    try:
        data = json.loads(raw)
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def base_guide_id(guide_id: str) -> str:
    """The playlist entry a duplicate belongs to: ``x#2`` -> ``x`` (the parser numbers repeats)."""
    head, sep, tail = guide_id.rpartition("#")
    return head if sep and tail.isdigit() else guide_id


def _channel(r: Sequence[Any], **extra: Any) -> TvChannel:
    return TvChannel(
        id=r[0],
        name=r[3],
        logo=r[4],
        group=r[5],
        number=r[6],
        stream_url=r[7],
        headers=_headers(r[8]),
        catchup_mode=r[9],
        catchup_source=r[10],
        catchup_days=r[11],
        tvg_shift=float(r[12] or 0.0),
        catchup_correction=float(r[13] or 0.0),
        **extra,
    )


def _rows(db: Database, where: str, ids: Sequence[str], order: str = "") -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    for chunk in _chunks(list(dict.fromkeys(ids))):
        marks, params = _in("c", chunk)
        out += db.execute(
            f"SELECT {_CHANNEL_COLS} FROM channels c WHERE {where} IN ({marks}) {order}", params
        )
    return out


def _with_backups(
    db: Database, rows: Sequence[tuple[Any, ...]], guide_of: dict[str, str]
) -> dict[str, TvChannel]:
    """TvChannels for playlist channel rows, each with its repeats in the playlist as backups."""
    out: dict[str, TvChannel] = {}
    groups: dict[tuple[int, str], list[tuple[Any, ...]]] = {}
    for source_id, base in {(r[1], base_guide_id(r[2])) for r in rows}:
        found = db.execute(
            f"SELECT {_CHANNEL_COLS} FROM channels c WHERE c.source_id = :s AND (c.guide_id = :b "
            "OR c.guide_id LIKE :p) AND c.stream_url IS NOT NULL ORDER BY c.position, c.id",
            {"s": source_id, "b": base, "p": base + "#%"},
        )
        groups[(source_id, base)] = [f for f in found if base_guide_id(f[2]) == base]
    for r in rows:
        siblings = groups.get((r[1], base_guide_id(r[2])), [])
        backups = tuple(_channel(s) for s in siblings if s[0] != r[0])
        out[r[0]] = _channel(r, backups=backups, guide_channel_id=guide_of.get(r[0], r[0]))
    return out


def watch_channels(db: Database, channel_ids: Sequence[str]) -> dict[str, TvChannel]:
    """For each programme channel id, the channel to watch it on (itself when it has a stream,
    else the playlist channel linked to it); ids with neither are left out."""
    rows = _rows(db, "c.id", channel_ids)
    direct = [r for r in rows if r[7]]
    out = {cid: ch for cid, ch in _with_backups(db, direct, {}).items()}
    missing = [cid for cid in dict.fromkeys(channel_ids) if cid not in out]
    if not missing:
        return out
    linked: dict[str, str] = {}  # playlist channel -> guide channel
    for chunk in _chunks(missing):
        marks, params = _in("g", chunk)
        for playlist_channel, guide_channel in db.execute(
            "SELECT playlist_channel_id, guide_channel_id FROM channel_links "
            f"WHERE guide_channel_id IN ({marks}) ORDER BY playlist_id, playlist_channel_id",
            params,
        ):
            linked.setdefault(playlist_channel, guide_channel)
    playlist_rows = [r for r in _rows(db, "c.id", list(linked)) if r[7]]
    by_guide: dict[str, TvChannel] = {}
    for pid, channel in _with_backups(db, playlist_rows, linked).items():
        by_guide.setdefault(linked[pid], channel)
    out.update(by_guide)
    return out


def _dt(ts: int | None) -> datetime | None:
    return None if ts is None else datetime.fromtimestamp(ts, UTC)


def title_airings(db: Database, title_id: str, since: int, limit: int = 100) -> list[ChannelAiring]:
    """A title's airings ending after ``since`` on channels one can watch, in start order."""
    rows = db.execute(
        "SELECT channel_id, start, stop, title, catchup_id FROM programmes WHERE title_id = :t "
        "AND coalesce(stop, start + :len) > :since ORDER BY start LIMIT :lim",
        {"t": title_id, "len": DEFAULT_LENGTH_S, "since": since, "lim": limit},
    )
    channels = watch_channels(db, [r[0] for r in rows])
    out = []
    for channel_id, start, stop, title, catchup_id in rows:
        channel = channels.get(channel_id)
        if channel is None:
            continue
        begin = _dt(start)
        assert begin is not None
        out.append(
            ChannelAiring(
                channel=channel, start=begin, stop=_dt(stop), title=title, catchup_id=catchup_id,
                title_id=title_id,
            )
        )  # fmt: skip
    return out


def playlist_channels(db: Database, profile_id: int, limit: int | None = None) -> list[TvChannel]:
    """Every channel with a stream, in playlist order; repeats folded into the first as backups.

    ``limit``: only the first rows (a first screen; repeats further down are not folded in).
    """
    rows = db.execute(
        f"SELECT {_CHANNEL_COLS}, l.guide_channel_id, l.method, f.channel_id FROM channels c "
        "LEFT JOIN channel_links l ON l.playlist_channel_id = c.id "
        "LEFT JOIN favourite_channels f ON f.channel_id = c.id AND f.profile_id = :p "
        "WHERE c.stream_url IS NOT NULL ORDER BY c.source_id, c.position, c.number, c.id "
        + ("LIMIT :lim" if limit is not None else ""),
        {"p": profile_id, "lim": limit} if limit is not None else {"p": profile_id},
    )
    firsts: dict[tuple[int, str], tuple[Any, ...]] = {}
    repeats: dict[tuple[int, str], list[TvChannel]] = {}
    for r in rows:
        key = (r[1], base_guide_id(r[2]))
        if key in firsts:
            repeats.setdefault(key, []).append(_channel(r))
        else:
            firsts[key] = r
    out = []
    for key, r in firsts.items():
        guide = r[14] if r[14] and r[15] != "none" else (None if r[15] == "none" else r[0])
        out.append(
            _channel(
                r, backups=tuple(repeats.get(key, ())), guide_channel_id=guide, favourite=r[16] is not None
            )
        )
    return out


def _cell(r: Sequence[Any]) -> GuideCell:
    start = int(r[1])
    return GuideCell(start, int(r[2]) if r[2] is not None else start + DEFAULT_LENGTH_S, r[3], r[4], r[5])


def cells(db: Database, guide_channel_ids: Sequence[str], t0: int, t1: int) -> dict[str, list[GuideCell]]:
    """Programmes overlapping ``[t0, t1)`` per guide channel, in start order."""
    out: dict[str, list[GuideCell]] = {cid: [] for cid in guide_channel_ids}
    for chunk in _chunks(list(dict.fromkeys(guide_channel_ids))):
        marks, params = _in("g", chunk)
        rows = db.execute(
            "SELECT channel_id, start, stop, title, kind, title_id FROM programmes "
            f"WHERE channel_id IN ({marks}) AND start < :t1 AND start >= :t0 - 43200 "
            "AND coalesce(stop, start + :len) > :t0 ORDER BY channel_id, start",
            {**params, "t0": t0, "t1": t1, "len": DEFAULT_LENGTH_S},
        )
        for r in rows:
            out[r[0]].append(_cell(r))
    return out


def now_next(
    db: Database, guide_channel_ids: Sequence[str], now: int
) -> dict[str, tuple[GuideCell | None, GuideCell | None]]:
    """What each guide channel shows at ``now`` and after it: two index seeks per channel
    (a thousand channels in a few milliseconds, not a scan of their day)."""
    out: dict[str, tuple[GuideCell | None, GuideCell | None]] = {}
    cols = "p.channel_id, p.start, p.stop, p.title, p.kind, p.title_id"
    for chunk in _chunks(list(dict.fromkeys(guide_channel_ids))):
        values = ", ".join(f"(:g{i})" for i in range(len(chunk)))
        params = {f"g{i}": c for i, c in enumerate(chunk)}
        found: dict[str, list[GuideCell | None]] = {c: [None, None] for c in chunk}
        rows = db.execute(
            f"WITH ids(id) AS (VALUES {values}) "
            f"SELECT 0, {cols} FROM ids JOIN programmes p ON p.id = (SELECT q.id FROM programmes q "
            "WHERE q.channel_id = ids.id AND q.start <= :now AND q.start > :now - 43200 "
            "ORDER BY q.start DESC LIMIT 1) "
            f"UNION ALL SELECT 1, {cols} FROM ids JOIN programmes p ON p.id = (SELECT q.id "
            "FROM programmes q WHERE q.channel_id = ids.id AND q.start > :now ORDER BY q.start LIMIT 1)",
            {**params, "now": now},
        )
        for which, *r in rows:
            cell = _cell(r)
            if which == 0 and cell.stop <= now:
                continue  # the last programme before now has ended: nothing is on now
            found[r[0]][which] = cell
        out.update({c: (v[0], v[1]) for c, v in found.items()})
    return out


def guide_range(db: Database, guide_channel_ids: Sequence[str]) -> tuple[int, int] | None:
    """(first start, last start + an hour) of the guide, or None without programmes: the whole
    guide's range, from two seeks on the start index instead of a scan of every channel's rows."""
    if not guide_channel_ids:
        return None
    # one aggregate each: SQLite answers a lone min() or max() from the index, not both at once
    lo = db.execute("SELECT min(start) FROM programmes")[0][0]
    hi = db.execute("SELECT max(start) FROM programmes")[0][0]
    return None if lo is None or hi is None else (int(lo), int(hi) + DEFAULT_LENGTH_S)


def set_favourite(db: Database, profile_id: int, channel_id: str, on: bool, now: int) -> None:
    params = {"p": profile_id, "c": channel_id, "t": now}
    if on:
        db.execute(
            "INSERT INTO favourite_channels (profile_id, channel_id, added_at) VALUES (:p, :c, :t) "
            "ON CONFLICT (profile_id, channel_id) DO NOTHING",
            params,
        )
    else:
        db.execute("DELETE FROM favourite_channels WHERE profile_id = :p AND channel_id = :c", params)
