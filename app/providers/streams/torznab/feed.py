"""Reading Torznab answers (CONTRACTS.md §6): caps, result items and error elements."""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from lxml import etree

from app.domain.errors import AuthError, BadFeed, ProviderUnavailable, RateLimited

TORZNAB_NS = "http://torznab.com/schemas/2015/feed"
NEWZNAB_NS = "http://www.newznab.com/DTD/2010/feeds/attributes/"
_HEX40 = re.compile(r"^[0-9a-fA-F]{40}$")
_B32 = re.compile(r"^[A-Za-z2-7]{32}$")

# Error codes (Newznab/Torznab) as the user should read them.
_ERRORS = {
    "100": "wrong API key",
    "101": "account suspended",
    "102": "insufficient privileges",
    "200": "missing parameter",
    "201": "incorrect parameter or unsupported query",
    "202": "no such function",
    "203": "function not available",
    "300": "no such item",
    "500": "request limit reached",
    "501": "download limit reached",
    "900": "indexer failure",
}


@dataclass(frozen=True, slots=True)
class Caps:
    """What an indexer can do: search modes with their parameters, and its category ids."""

    modes: dict[str, frozenset[str]] = field(default_factory=dict)  # search, tv-search, movie-search
    categories: frozenset[int] = frozenset()
    title: str = ""
    limit: int | None = None

    def supports(self, mode: str, param: str = "q") -> bool:
        return param in self.modes.get(mode, frozenset())

    def to_json(self) -> dict[str, Any]:
        return {
            "modes": {k: sorted(v) for k, v in self.modes.items()},
            "categories": sorted(self.categories),
            "title": self.title,
            "limit": self.limit,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Caps:
        modes = data.get("modes") or {}
        return cls(
            modes={str(k): frozenset(str(p) for p in v) for k, v in modes.items() if isinstance(v, list)},
            categories=frozenset(int(c) for c in data.get("categories") or () if str(c).isdigit()),
            title=str(data.get("title") or ""),
            limit=data.get("limit") if isinstance(data.get("limit"), int) else None,
        )


def raise_for_error(root: etree._Element, name: str) -> None:
    """An ``<error code=… description=…/>`` answer as our error (code 100: AuthError)."""
    if etree.QName(root).localname != "error":
        return
    code = (root.get("code") or "").strip()
    said = (root.get("description") or "").strip()
    meaning = _ERRORS.get(code, "error")
    text = f"{name}: {meaning} (code {code}{': ' + said if said and said.lower() != meaning else ''})"
    if code in ("100", "101", "102"):
        raise AuthError(text)
    if code in ("500", "501"):
        raise RateLimited(text)
    if code.startswith("9") or code in ("300",):
        raise ProviderUnavailable(text)
    raise BadFeed(text)


def parse_caps(root: etree._Element, name: str) -> Caps:
    raise_for_error(root, name)
    if etree.QName(root).localname != "caps":
        raise BadFeed(f"{name}: the capabilities answer is not <caps>")
    modes: dict[str, frozenset[str]] = {}
    searching = root.find("searching")
    if searching is not None:
        for mode in searching:
            if not isinstance(mode.tag, str) or (mode.get("available") or "").lower() != "yes":
                continue
            params = mode.get("supportedParams") or "q"
            modes[etree.QName(mode).localname] = frozenset(
                p.strip().lower() for p in params.split(",") if p.strip()
            )
    cats: set[int] = set()
    for cat in root.iter("category", "subcat"):
        cid = (cat.get("id") or "").strip()
        if cid.isdigit():
            cats.add(int(cid))
    server = root.find("server")
    limits = root.find("limits")
    limit = (limits.get("max") or "") if limits is not None else ""
    return Caps(
        modes=modes,
        categories=frozenset(cats),
        title=(server.get("title") or "") if server is not None else "",
        limit=int(limit) if limit.isdigit() else None,
    )


@dataclass(frozen=True, slots=True)
class Item:
    """One result as the indexer described it."""

    title: str
    link: str  # magnet or .torrent URL (may carry the key: the provider deals with that)
    info_hash: str | None
    size: int | None
    seeders: int | None
    peers: int | None
    grabs: int | None
    files: int | None
    categories: tuple[int, ...]
    page: str | None  # the tracker's page of the release
    imdb_id: str | None
    freeleech: bool


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    text = value.strip()
    return int(text) if text.isdigit() else None


def normal_hash(value: str | None) -> str | None:
    """A BitTorrent v1 info-hash as 40 lower-case hex, from hex or base32; None when invalid."""
    if not value:
        return None
    text = value.strip()
    if _HEX40.match(text):
        return text.lower()
    if _B32.match(text):
        try:
            return base64.b32decode(text.upper()).hex()
        except (binascii.Error, ValueError):
            return None
    return None


def magnet_hash(magnet: str) -> str | None:
    """The btih of a magnet link."""
    try:
        query = parse_qs(urlsplit(magnet).query)
    except ValueError:
        return None
    for xt in query.get("xt", ()):
        if xt.lower().startswith("urn:btih:"):
            return normal_hash(xt[9:])
    return None


def make_magnet(info_hash: str, name: str) -> str:
    return f"magnet:?xt=urn:btih:{info_hash}&dn={quote(name[:200])}"


def parse_items(root: etree._Element, name: str) -> list[Item]:
    raise_for_error(root, name)
    if etree.QName(root).localname != "rss":
        raise BadFeed(f"{name}: the search answer is not RSS")
    out: list[Item] = []
    for item in root.iter("item"):
        attrs: dict[str, list[str]] = {}
        for attr in item:
            if not isinstance(attr.tag, str):
                continue
            qname = etree.QName(attr)
            if qname.localname == "attr" and qname.namespace in (TORZNAB_NS, NEWZNAB_NS):
                attrs.setdefault((attr.get("name") or "").lower(), []).append(attr.get("value") or "")
        title = " ".join((item.findtext("title") or "").split())
        if not title:
            continue
        magnet = next((v for v in attrs.get("magneturl", ()) if v.startswith("magnet:")), None)
        link = (item.findtext("link") or "").strip()
        enclosure = item.find("enclosure")
        enclosure_url = (enclosure.get("url") or "").strip() if enclosure is not None else ""
        if magnet is None and link.startswith("magnet:"):
            magnet = link
        if magnet is None and enclosure_url.startswith("magnet:"):
            magnet = enclosure_url
        info_hash = normal_hash(next(iter(attrs.get("infohash", ())), None))
        if info_hash is None and magnet:
            info_hash = magnet_hash(magnet)
        torrent_url = next((u for u in (enclosure_url, link) if u.startswith(("http://", "https://"))), None)
        best = magnet or (make_magnet(info_hash, title) if info_hash else None) or torrent_url
        if best is None:
            continue
        size = _int(item.findtext("size")) or _int(next(iter(attrs.get("size", ())), None))
        if size is None and enclosure is not None:
            size = _int(enclosure.get("length")) or None
        comments = (item.findtext("comments") or "").strip()
        imdb = next(iter(attrs.get("imdbid", ())), None) or next(iter(attrs.get("imdb", ())), None)
        if imdb and imdb.isdigit():
            imdb = f"tt{int(imdb):07d}"
        out.append(
            Item(
                title=title,
                link=best,
                info_hash=info_hash,
                size=size,
                seeders=_int(next(iter(attrs.get("seeders", ())), None)),
                peers=_int(next(iter(attrs.get("peers", ())), None)),
                grabs=_int(item.findtext("grabs")) or _int(next(iter(attrs.get("grabs", ())), None)),
                files=_int(item.findtext("files")) or _int(next(iter(attrs.get("files", ())), None)),
                categories=tuple(c for c in (_int(v) for v in attrs.get("category", ())) if c is not None),
                page=comments if comments.startswith(("http://", "https://")) else None,
                imdb_id=imdb if imdb and imdb.startswith("tt") else None,
                freeleech=next(iter(attrs.get("downloadvolumefactor", ())), "") == "0",
            )
        )
    return out
