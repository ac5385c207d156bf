"""The stream fakes on loopback, one per test module."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fakes.stream_servers import FakeStreamServers


@pytest.fixture
def fakes() -> Iterator[FakeStreamServers]:
    server = FakeStreamServers()
    server.start()
    yield server
    server.stop()
