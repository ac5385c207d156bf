"""The registry as bootstrap builds it: guide formats found by content or name, metadata
providers by kind and id prefix; and a new guide format is one provider object, registered."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import pytest

from app.core.clock import FixedClock
from app.domain.errors import BadFeed
from app.providers.base import Capability, GuideFeed, Manifest
from app.providers.guide.feed import ChannelRecord, ProgrammeRecord
from app.services.guide import refresh as epg_refresh
from app.services.guide.sources import feed_for_content, feed_for_name


def ids(providers: list[Any]) -> list[str]:
    return [p.manifest.id for p in providers]


def test_guide_formats_by_content_and_by_name(services: Any) -> None:
    assert ids(services.providers.guide_feeds()) == ["xmltv", "m3u", "programme_json"]

    def by_content(head: bytes) -> str:
        return feed_for_content(services, head, "feed", len(head)).manifest.id

    assert by_content(b'\xef\xbb\xbf<?xml version="1.0"?><tv></tv>') == "xmltv"
    assert by_content(b"  #EXTM3U url-tvg=x\n") == "m3u"
    assert by_content(b'{"data": []}') == "programme_json"
    with pytest.raises(BadFeed, match="HTML page"):
        by_content(b"<!DOCTYPE html><html><body>Login</body></html>")
    with pytest.raises(BadFeed, match="not XMLTV, M3U or programme JSON"):
        by_content(b"PK\x05\x06 something else")
    assert feed_for_name(services, "http://h/list.m3u8?x=1").manifest.id == "m3u"
    assert feed_for_name(services, "http://h/api/programs").manifest.id == "programme_json"
    assert feed_for_name(services, "http://h/epg").manifest.id == "xmltv"  # the first takes the rest


def test_metadata_providers_by_kind_and_id(services: Any) -> None:
    assert ids(services.providers.meta_search("anime")) == ["shikimori", "tmdb"]
    assert ids(services.providers.meta_search("film")) == ["tmdb"]
    assert ids(services.providers.meta_details("shikimori:anime:5114")) == ["shikimori"]
    assert ids(services.providers.meta_details("tmdb:movie:603")) == ["tmdb"]
    assert services.providers.meta_details("kinopoisk:1") == []


class SemicolonGuide:
    """A format no service knows: ``channel;start;stop;title`` lines."""

    manifest = Manifest(
        id="semicolon",
        name="semicolon list",
        capabilities=frozenset({Capability.GUIDE_FEED}),
        kinds=("semi",),
    )
    max_bytes: int | None = None
    conditional = True

    def sniff(self, head: bytes, name: str = "") -> bool:
        return head.startswith(b"channel;start;stop;title") if head else name.endswith(".semi")

    def records(self, stream: IO[bytes], label: str) -> Iterator[ChannelRecord | ProgrammeRecord]:
        for line in stream.read().decode().splitlines()[1:]:
            channel, start, stop, title = line.split(";")
            yield ProgrammeRecord(channel, int(start), int(stop), title)

    def linked_guides(self, stream: IO[bytes], label: str) -> list[str]:
        return []


def test_a_new_guide_format_is_one_registration(services: Any, tmp_path: Path) -> None:
    services.clock = FixedClock(datetime(2026, 3, 1, 12, tzinfo=UTC))
    now = int(services.clock.now().timestamp())
    feed = SemicolonGuide()
    assert isinstance(feed, GuideFeed)
    services.providers.register(feed)  # the one line (app.providers.setup.guide_feeds has the others)
    path = tmp_path / "week.txt"
    lines = [
        "channel;start;stop;title",
        f"kino;{now};{now + 5400};Х/ф Брат",
        f"kino;{now + 5400};{now + 9000};Новости",
    ]
    path.write_text("\n".join(lines) + "\n")
    result = epg_refresh.import_location(services, str(path))
    assert (result.kind, result.channels, result.programmes, result.films) == ("semi", 1, 2, 1)
    assert epg_refresh.list_sources(services)[0].kind == "semi"
