"""HLS quality: the master playlist's variants, read after the first picture, and a switch to
one of them (or back to Auto, the master) at the same position."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace

from app.net.shared import HttpClient
from app.services.sources.hls import Variant, load_variants
from app.services.sources.resolve import Playable

FIRST_PICTURE_WAIT_S = 3.0


class HlsQuality:
    """The variants of the HLS source that plays; ``quality`` None means Auto."""

    def __init__(self, announce: Callable[[], None], http: Callable[[], HttpClient]) -> None:
        """``announce()`` is called when the variants are known (the player lists its tracks);
        ``http()`` gives the app's one HTTP client, which reads the master playlist."""
        self._announce = announce
        self._http = http
        self.master: Playable | None = None
        self.variants: list[Variant] = []
        self.quality: Variant | None = None
        self._task: asyncio.Task[None] | None = None

    def reset(self) -> None:
        self.cancel()
        self.master = None
        self.variants = []
        self.quality = None

    def cancel(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = None

    def opening(self, playable: Playable, video_started: Callable[[], bool]) -> None:
        """A source opens: an HLS master (Auto) has its variants read once it shows a picture."""
        if not playable.hls or self.master is not None or self.quality is not None:
            return
        self.master = playable
        self.cancel()
        self._task = asyncio.ensure_future(self._load(playable, video_started))

    async def _load(self, playable: Playable, video_started: Callable[[], bool]) -> None:
        # Read the master again only after the first picture: it must not compete with libvlc's
        # own requests for the time to first frame (the menu can wait a moment).
        for _ in range(int(FIRST_PICTURE_WAIT_S / 0.05)):
            if video_started():
                break
            await asyncio.sleep(0.05)
        found = await load_variants(self._http(), playable.request.location, playable.request.headers)
        if self.master is playable and found:
            self.variants = found
            self._announce()

    def failed_over(self, following: Playable) -> None:
        """Another source takes over: an HLS one is read afresh."""
        if following.hls:
            self.master = None

    def target(self, variant: Variant | None) -> Playable | None:
        """The source to open for ``variant`` (None: no change)."""
        master = self.master
        if master is None or variant == self.quality:
            return None
        self.quality = variant
        if variant is None:
            return master
        return Playable(
            kind=master.kind,
            request=replace(master.request, location=variant.uri),
            label=f"{master.label} · {variant.label}",
            live=master.live,
            hls=True,
        )
