"""Programme lists as JSON: our provider API (a list or ``{"data": [...]}`` of items with id,
title, desc, cat, timestart, preview, channel) and the tv.mail.ru and Yandex TV shapes."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from app.domain.errors import BadFeed
from app.providers.guide.feed import ChannelRecord, ProgrammeRecord

# tv.mail.ru category_id values seen in its schedule answers.
MAILRU_KINDS = {1: "film", 2: "series", 20: "cartoon"}
SHAPE_HINT = 'expected a list of programmes or {"data": [...]}'


def _iso(value: Any) -> int | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return int(datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp())
    except ValueError:
        return None


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


def _str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _url(value: Any) -> str | None:
    text = _str(value)
    if text and text.startswith("//"):
        return "https:" + text
    return text


def parse_provider_json(data: bytes, label: str) -> tuple[list[ChannelRecord], list[ProgrammeRecord]]:
    """Channels and programmes of one JSON answer. Raises BadFeed on anything else."""
    if not data.strip():
        raise BadFeed(f"{label}: the answer is empty (0 bytes)")
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise BadFeed(f"{label}: JSON text is not UTF-8 (byte {exc.start})") from exc
    except ValueError as exc:
        raise BadFeed(f"{label}: not JSON ({exc})") from exc
    if isinstance(doc, dict):
        inner = doc.get("data")
        if isinstance(inner, dict) and isinstance(inner.get("schedule"), dict):
            return _mailru(inner["schedule"], label)
        if isinstance(doc.get("schedule"), dict):
            return _yandex_schedule(doc["schedule"], label)
        if "program" in doc and "start" in doc and "channelId" in doc:
            return _yandex_events([doc], None, label)
        if isinstance(inner, list):
            return _generic(inner, label)
        raise BadFeed(f"{label}: JSON of an unexpected shape ({SHAPE_HINT})")
    if isinstance(doc, list):
        return _generic(doc, label)
    raise BadFeed(f"{label}: JSON of an unexpected shape ({SHAPE_HINT})")


def _generic(items: list[Any], label: str) -> tuple[list[ChannelRecord], list[ProgrammeRecord]]:
    channels: dict[str, ChannelRecord] = {}
    programmes: list[ProgrammeRecord] = []
    for item in items:
        if not isinstance(item, dict):
            raise BadFeed(f"{label}: JSON of an unexpected shape (an item is not an object)")
        start = _int(item.get("timestart", item.get("start")))
        title = _str(item.get("title") or item.get("name"))
        if start is None or title is None:
            raise BadFeed(f"{label}: JSON items lack 'title' or 'timestart' ({SHAPE_HINT})")
        raw_channel = item.get("channel", item.get("channel_id", "default"))
        if isinstance(raw_channel, dict):
            cid = _str(raw_channel.get("id")) or _str(raw_channel.get("name")) or "default"
            cname = _str(raw_channel.get("name") or raw_channel.get("title")) or cid
            logo = _url(raw_channel.get("logo") or raw_channel.get("icon"))
        else:
            cid = _str(raw_channel) or "default"
            cname, logo = cid, None
        channels.setdefault(cid, ChannelRecord(cid, cname, (cname,), logo))
        stop = _int(item.get("timestop", item.get("stop")))
        if stop is None and _int(item.get("duration")) is not None:
            stop = start + int(item["duration"])
        cat = item.get("cat", item.get("category"))
        cats = tuple(str(c) for c in cat) if isinstance(cat, list) else (_str(cat),)
        flag = None
        if item.get("isFilm") is True:
            flag = "film"
        elif item.get("isSerial") is True:
            flag = "series"
        programmes.append(
            ProgrammeRecord(
                cid,
                start,
                stop,
                title,
                description=_str(item.get("desc") or item.get("description")),
                categories=tuple(c for c in cats if c),
                icon=_url(item.get("preview") or item.get("image")),
                catchup_id=_str(item.get("id")),
                year=_int(item.get("year")),
                kind_flag=flag,
            )
        )
    return list(channels.values()), programmes


def _mailru(schedule: dict[str, Any], label: str) -> tuple[list[ChannelRecord], list[ProgrammeRecord]]:
    items = schedule.get("items")
    if not isinstance(items, list):
        raise BadFeed(f"{label}: JSON of an unexpected shape (schedule without items)")
    channels: list[ChannelRecord] = []
    programmes: list[ProgrammeRecord] = []
    for ch in items:
        if not isinstance(ch, dict):
            continue
        cid = _str(ch.get("id")) or "?"
        name = _str(ch.get("name")) or cid
        logo = None
        pic = ch.get("logo_picture")
        if isinstance(pic, dict) and pic.get("baseURL") and pic.get("key"):
            logo = f"{pic['baseURL']}{pic['key']}"
        channels.append(ChannelRecord(cid, name, (name,), logo))
        for ev in ch.get("events") or ():
            start = _int(ev.get("start_ts"))
            title = _str(ev.get("name"))
            if start is None or not title:
                continue
            programmes.append(
                ProgrammeRecord(
                    cid,
                    start,
                    _int(ev.get("stop_ts")),
                    title,
                    icon=_url(ev.get("image")),
                    catchup_id=_str(ev.get("id")),
                    kind_flag=MAILRU_KINDS.get(_int(ev.get("category_id")) or -1),
                )
            )
    return channels, programmes


def _yandex_schedule(
    schedule: dict[str, Any], label: str
) -> tuple[list[ChannelRecord], list[ProgrammeRecord]]:
    blocks = schedule.get("schedules")
    if not isinstance(blocks, list):
        raise BadFeed(f"{label}: JSON of an unexpected shape (schedule without schedules)")
    channels: list[ChannelRecord] = []
    programmes: list[ProgrammeRecord] = []
    for block in blocks:
        if not isinstance(block, dict):
            continue
        ch = block.get("channel") or {}
        cid = _str(ch.get("id")) or "?"
        name = _str(ch.get("title")) or cid
        synonyms = tuple(s for s in (ch.get("synonyms") or ()) if isinstance(s, str))
        logo = _url(((ch.get("logo") or {}).get("original") or {}).get("src"))
        channels.append(ChannelRecord(cid, name, (name, *synonyms), logo))
        programmes.extend(_yandex_events(block.get("events") or [], cid, label)[1])
    return channels, programmes


def _yandex_events(
    events: list[Any], channel: str | None, label: str
) -> tuple[list[ChannelRecord], list[ProgrammeRecord]]:
    out: list[ProgrammeRecord] = []
    seen: set[str] = set()
    for ev in events:
        if not isinstance(ev, dict):
            continue
        start = _iso(ev.get("start"))
        title = _str(ev.get("title"))
        if start is None or not title:
            continue
        program = ev.get("program") or {}
        ptype = program.get("type") or {}
        flag = "film" if ptype.get("isFilm") else "series" if ptype.get("isSerial") else None
        episode = ev.get("episode") or {}
        cid = channel or _str(ev.get("channelId")) or "?"
        seen.add(cid)
        countries = program.get("countries") or []
        image = (program.get("images") or [{}])[0] if program.get("images") else {}
        out.append(
            ProgrammeRecord(
                cid,
                start,
                _iso(ev.get("finish")),
                title,
                subtitle=_str(ev.get("episodeTitle")) or _str(episode.get("title")),
                description=_str(episode.get("description") or program.get("description")),
                categories=tuple(c for c in (_str(ptype.get("name")),) if c),
                icon=_url(((image or {}).get("original") or {}).get("src")),
                catchup_id=_str(ev.get("id")),
                year=_int(program.get("year")),
                country=", ".join(str(c) for c in countries) or None,
                kind_flag=flag,
            )
        )
    channels = [ChannelRecord(c, c, (c,)) for c in sorted(seen)] if channel is None else []
    return channels, out
