"""XMLTV as a guide feed: documents whose root is <tv>, read by the streaming parser."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from app.providers.base import Capability, Manifest
from app.providers.guide.feed import ChannelRecord, ProgrammeRecord, content_start, looks_like_html

NAMES = (".xml", ".xmltv", ".xml.gz", ".xml.xz", ".xml.bz2")


class XmltvFeed:
    """XMLTV guides; titles and descriptions in the first of ``langs`` a programme has."""

    manifest = Manifest(
        id="xmltv", name="XMLTV", capabilities=frozenset({Capability.GUIDE_FEED}), kinds=("xmltv",)
    )
    max_bytes: int | None = None  # streamed: the app's feed cap is enough
    conditional = True

    def __init__(self, langs: tuple[str, ...] = ("ru", "en")) -> None:
        self.langs = langs

    def sniff(self, head: bytes, name: str = "") -> bool:
        if head:
            return content_start(head).startswith(b"<") and not looks_like_html(head)
        return name.lower().endswith(NAMES)

    def records(self, stream: IO[bytes], label: str) -> Iterator[ChannelRecord | ProgrammeRecord]:
        from app.providers.guide.xmltv.parser import iter_xmltv  # lxml loads with the first guide

        return iter_xmltv(stream, label, self.langs)

    def linked_guides(self, stream: IO[bytes], label: str) -> list[str]:
        return []  # a guide names no other guide
