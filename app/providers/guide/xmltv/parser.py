"""Streaming XMLTV reader: lxml iterparse, no DTD, no entities, no network, elements cleared."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from typing import IO, Any

from lxml import etree

from app.domain.errors import BadFeed
from app.providers.guide.feed import (
    ChannelRecord,
    ProgrammeRecord,
    content_start,
    looks_like_html,
    read_head,
)

# Legacy zone names seen in real feeds ("20010829000500 BST"); unknown names count as UTC.
ZONE_NAMES = {
    "UTC": 0, "GMT": 0, "Z": 0, "BST": 3600, "IST": 3600, "CET": 3600, "CEST": 7200,
    "EET": 7200, "EEST": 10800, "MSK": 10800, "MSD": 14400, "WET": 0, "WEST": 3600,
    "EST": -18000, "EDT": -14400, "CST": -21600, "CDT": -18000, "MST": -25200,
    "MDT": -21600, "PST": -28800, "PDT": -25200,
}  # fmt: skip
LATIN1_NAMES = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "windows-1252", "cp1252"}
_DECL_ENCODING_RE = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([\w.\-:]+)["']""", re.I)
_ROOT_RE = re.compile(rb"<([A-Za-z_][\w.\-:]*)")
_DIGITS_RE = re.compile(r"^(\d{4,14})\s*(.*)$")

_day_cache: dict[str, int] = {}
_zone_cache: dict[str, int] = {}


def _zone_offset(zone: str) -> int:
    off = _zone_cache.get(zone)
    if off is None:
        z = zone.strip()
        if z[:1] in "+-" and z[1:].replace(":", "").isdigit():
            digits = z[1:].replace(":", "")
            hh, mm = int(digits[:2] or 0), int(digits[2:4] or 0)
            off = (hh * 3600 + mm * 60) * (-1 if z[0] == "-" else 1)
        else:
            off = ZONE_NAMES.get(z.upper(), 0)
        _zone_cache[zone] = off
    return off


def parse_time(value: str) -> int | None:
    """XMLTV time (``YYYYMMDDhhmmss +0300`` or any leading prefix, zone optional) -> unix s."""
    value = value.strip()
    if len(value) >= 14 and value[:14].isdigit():
        digits, zone = value[:14], value[14:]
    else:
        m = _DIGITS_RE.match(value)
        if not m:
            return None
        digits, zone = m.group(1).ljust(14, "0"), m.group(2)
        if len(m.group(1)) < 8:  # YYYYMM: the first day
            digits = (m.group(1)[:6].ljust(6, "0") + "01").ljust(14, "0")
    day = digits[:8]
    base = _day_cache.get(day)
    if base is None:
        try:
            base = calendar.timegm((int(day[:4]), int(day[4:6]) or 1, int(day[6:8]) or 1, 0, 0, 0))
        except (ValueError, OverflowError):
            return None
        _day_cache[day] = base
    secs = int(digits[8:10]) * 3600 + int(digits[10:12]) * 60 + int(digits[12:14])
    return base + secs - (_zone_offset(zone) if zone.strip() else 0)


def _year(text: str | None) -> int | None:
    if text and len(text) >= 4 and text[:4].isdigit():
        y = int(text[:4])
        return y if 1870 <= y <= 2100 else None
    return None


def _text(el: Any) -> str | None:
    # An element inside <desc> (seen in real feeds): keep all of its text.
    t = "".join(el.itertext()) if len(el) else el.text
    if t is None:
        return None
    t = t.strip()
    return t or None


def _pick(values: list[tuple[str | None, str]], langs: tuple[str, ...]) -> str | None:
    if len(values) < 2:
        return values[0][1] if values else None
    for want in langs:
        for lang, text in values:
            if lang and lang.lower().startswith(want):
                return text
    return values[0][1]


def check_prolog(head: bytes, label: str) -> str | None:
    """Refuse what is not XMLTV or declares entities; return an encoding to force, if any."""
    if not head.strip():
        raise BadFeed(f"{label}: the feed is empty (0 bytes)")
    if looks_like_html(head):
        raise BadFeed(f"{label}: an HTML page, not a guide (a login or error page?)")
    if not content_start(head).startswith(b"<"):
        raise BadFeed(f"{label}: not an XMLTV guide (does not start with '<')")
    root = _ROOT_RE.search(head)
    prolog = head[: root.start()] if root else head
    if b"<!ENTITY" in prolog.upper() or (root is None and b"[" in prolog):
        raise BadFeed(f"{label}: the document declares entities (XXE / entity bombs are refused)")
    if root is None:
        raise BadFeed(f"{label}: no root element in the first {len(head)} bytes")
    if root.group(1) != b"tv":
        name = root.group(1).decode("ascii", "replace")
        raise BadFeed(f"{label}: not an XMLTV guide (root element <{name}>)")
    m = _DECL_ENCODING_RE.search(prolog)
    if m and m.group(1).decode("ascii").lower() in LATIN1_NAMES:
        body = head[: len(head) - 4] if len(head) == 65536 else head
        if any(b > 0x7F for b in body):
            try:
                body.decode("utf-8")
            except UnicodeDecodeError as exc:
                if exc.start < len(body) - 4:
                    return None
            # Declared Latin-1 but the bytes are UTF-8 (seen in real UK feeds): read as UTF-8.
            return "utf-8"
    return None


def iter_xmltv(
    stream: IO[bytes], label: str, langs: tuple[str, ...] = ("ru", "en")
) -> Iterator[ChannelRecord | ProgrammeRecord]:
    """Channels and programmes in document order. Raises BadFeed with one line on bad input."""
    force_encoding = check_prolog(read_head(stream), label)
    parser_args: dict[str, Any] = {
        "events": ("end",),
        "tag": ("channel", "programme"),
        "resolve_entities": False,
        "no_network": True,
        "load_dtd": False,
        "dtd_validation": False,
        "remove_comments": True,
        "remove_pis": True,
        "huge_tree": False,
    }
    if force_encoding:
        parser_args["encoding"] = force_encoding
    context = etree.iterparse(stream, **parser_args)
    try:
        for _event, el in context:
            if el.tag == "programme":
                rec = _programme(el, langs)
                if rec is not None:
                    yield rec
            else:
                ch = _channel(el)
                if ch is not None:
                    yield ch
            el.clear(keep_tail=False)
            parent = el.getparent()
            if parent is not None:
                while el.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as exc:
        msg = str(exc).splitlines()[0] if str(exc) else "syntax error"
        raise BadFeed(f"{label}: broken XML ({msg})") from exc
    except UnicodeDecodeError as exc:
        raise BadFeed(f"{label}: text cannot be decoded ({exc.reason})") from exc
    finally:
        del context


def _channel(el: Any) -> ChannelRecord | None:
    cid = (el.get("id") or "").strip()
    if not cid:
        return None
    names: list[str] = []
    logo = None
    number = None
    for ch in el:
        tag = ch.tag
        if tag == "display-name":
            t = _text(ch)
            if t and t not in names:
                names.append(t)
        elif tag == "icon" and logo is None:
            logo = ch.get("src")
        elif tag == "lcn":
            t = _text(ch)
            number = int(t) if t and t.isdigit() else None
    return ChannelRecord(cid, names[0] if names else cid, tuple(names), logo, number=number)


_time_cache: dict[str, int | None] = {}


def _cached_time(value: str) -> int | None:
    # A guide repeats the same few thousand start/stop strings across its channels.
    t = _time_cache.get(value, -1)
    if t == -1:
        if len(_time_cache) > 200_000:
            _time_cache.clear()
        t = _time_cache[value] = parse_time(value)
    return t


def _programme(el: Any, langs: tuple[str, ...]) -> ProgrammeRecord | None:
    start_s = el.get("start")
    channel = el.get("channel")
    if not start_s or not channel:
        return None
    start = _cached_time(start_s)
    if start is None:
        return None
    stop_s = el.get("stop")
    stop = _cached_time(stop_s) if stop_s else None
    titles: list[tuple[str | None, str]] = []
    subs: list[tuple[str | None, str]] = []
    descs: list[tuple[str | None, str]] = []
    cats: list[str] = []
    episode = icon = year = country = director = None
    episodic = False
    for ch in el:
        tag = ch.tag
        if tag == "title":
            t = _text(ch) if len(ch) else (ch.text or "").strip()
            if t:
                # Titles are one line; feeds wrap them with newlines and indentation.
                titles.append((ch.get("lang"), " ".join(t.split()) if "\n" in t else t))
        elif tag == "desc":
            t = _text(ch) if len(ch) else (ch.text or "").strip()
            if t:
                descs.append((ch.get("lang"), t))
        elif tag == "category":
            t = (ch.text or "").strip()
            if t and t not in cats:
                cats.append(t)
        elif tag == "sub-title":
            t = _text(ch)
            if t:
                subs.append((ch.get("lang"), t))
        elif tag == "episode-num":
            t = _text(ch)
            if t and episode is None:
                episode = t
                episodic = episodic or _is_episode(t, ch.get("system"))
        elif tag == "icon" and icon is None:
            icon = ch.get("src")
        elif tag == "date":
            year = _year(_text(ch))
        elif tag == "country" and country is None:
            country = _text(ch)
        elif tag == "credits":
            for person in ch:
                if person.tag == "director" and director is None:
                    director = _text(person)
    title = _pick(titles, langs)
    if not title:
        return None
    return ProgrammeRecord(
        channel.strip(),
        start,
        stop,
        title,
        _pick(subs, langs),
        _pick(descs, langs),
        tuple(cats),
        episode,
        icon,
        el.get("catchup-id"),
        year,
        country,
        director,
        "series" if episodic else None,
    )


def _is_episode(value: str, system: str | None) -> bool:
    """An episode number that names an episode (not the "0.0.0/1" some feeds put on films)."""
    if system in (None, "", "xmltv_ns"):
        parts = [p.strip() for p in value.split(".")]
        if len(parts) >= 2:
            ep = parts[1].split("/")
            season = parts[0].split("/")
            try:
                total = int(ep[1]) if len(ep) > 1 and ep[1] else None
                has_ep = ep[0] != "" and (int(ep[0]) > 0 or (total or 0) > 1)
                has_season = season[0] != "" and int(season[0]) > 0
            except ValueError:
                return False
            return has_ep or has_season
        return False
    if system == "onscreen":
        return bool(re.search(r"\d", value))
    return False
