"""The app's one HTTP client: made on first use (not at start-up), one per event loop, closed
with it; our user agent and limits."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

from app.net.client import USER_AGENT
from app.net.shared import SharedClient

ROOT = Path(__file__).resolve().parents[2]


def test_one_client_per_loop_and_a_new_one_when_the_loop_ended() -> None:
    shared = SharedClient()
    assert not shared.created

    async def use() -> tuple[object, object]:
        first, again = shared.get(5.0), shared.get(5.0)
        assert first.headers["User-Agent"] == USER_AGENT
        return first, again

    first, again = asyncio.run(use())
    assert first is again and shared.created
    later, _ = asyncio.run(use())  # the CLI's next command runs a new loop: a new client
    assert later is not first

    async def close() -> None:
        await shared.aclose()

    asyncio.run(close())
    assert not shared.created


def test_start_up_does_not_import_the_http_stack() -> None:
    probe = (
        "import sys; import app.services.context, app.providers.setup; "
        "print(' '.join(m for m in ('httpx', 'lxml', 'pydantic', 'keyring', 'asyncio') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == ""
