from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.services.discover.world import World


@pytest.fixture
def world() -> Iterator[World]:
    w = World()
    yield w
    w.stop()
