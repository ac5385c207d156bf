"""Programme lists as JSON (our provider API, tv.mail.ru, Yandex TV) as a guide feed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from app.domain.errors import BadFeed
from app.providers.base import Capability, Manifest
from app.providers.guide.feed import ChannelRecord, ProgrammeRecord, content_start
from app.providers.guide.programme_json.parser import parse_provider_json

MAX_BYTES = 256 * 1024**2  # a JSON answer is parsed whole


class ProgrammeJsonFeed:
    """JSON programme answers; the source's ``headers`` and ``params`` go with the request."""

    manifest = Manifest(
        id="programme_json",
        name="programme JSON",
        capabilities=frozenset({Capability.GUIDE_FEED}),
        kinds=("provider_json",),
    )
    max_bytes: int | None = MAX_BYTES
    conditional = True

    def sniff(self, head: bytes, name: str = "") -> bool:
        if head:
            return content_start(head)[:1] in (b"{", b"[")
        lowered = name.lower()
        return lowered.endswith(".json") or "/api" in lowered

    def records(self, stream: IO[bytes], label: str) -> Iterator[ChannelRecord | ProgrammeRecord]:
        data = stream.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise BadFeed(f"{label}: over {MAX_BYTES} bytes, too big to parse whole")
        channels, programmes = parse_provider_json(data, label)
        yield from channels
        yield from programmes

    def linked_guides(self, stream: IO[bytes], label: str) -> list[str]:
        return []
