"""Episode stills service: one download per still, linked for the next run; a streamed body past
the stills' cap is cut at the cap, refused, logged once and not asked for again."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest

from app.services.enrich.stills import STILL_MAX_BYTES, EpisodeStills
from tests.fakes.poster_server import PosterServer


@pytest.fixture
def server() -> Iterator[PosterServer]:
    s = PosterServer(cap_bytes=STILL_MAX_BYTES)
    s.start()
    yield s
    s.stop()


@pytest.mark.asyncio
async def test_stills_downloaded_once_and_refusals_remembered(
    services: Any, server: PosterServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="app.services.enrich")
    good, huge = f"{server.base_url}/t/p/w300/s1.jpg", f"{server.base_url}/t/p/w300/huge.jpg"
    found = await EpisodeStills(services).fetch([good, huge, good])
    assert found[huge] is None
    here = found[good]
    assert here is not None and here.startswith(str(services.paths.posters)) and here.endswith("_w342.jpg")
    assert server.counters.paths.count("/t/p/w300/s1.jpg") == 1  # asked twice in one batch, fetched once
    refusals = [r for r in caplog.records if r.name.startswith("app.") and "huge.jpg" in r.getMessage()]
    assert len(refusals) == 1 and "larger than 2097152 bytes" in refusals[0].getMessage()

    # The next run (a new panel, a restart): the still is linked, the refusal remembered a day.
    requests = server.counters.requests
    again = await EpisodeStills(services).fetch([good, huge])
    assert again == {good: here, huge: None}
    assert server.counters.requests == requests
    assert len([r for r in caplog.records if r.name.startswith("app.") and "huge.jpg" in r.getMessage()]) == 1
    # A local still (a path in the data dir) needs no download; a missing local one is None.
    relative = here[len(str(services.paths.data)) + 1 :]
    local = await EpisodeStills(services).fetch([relative, "images/none.jpg"])
    assert local == {relative: here, "images/none.jpg": None}
    await services.net.aclose()
