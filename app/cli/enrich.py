"""`cinema enrich`: match guide films to TMDB/Shikimori and fetch posters, with a progress bar."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import Any, TextIO

from app.services.context import AppContext


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("enrich", help="match guide films to TMDB and Shikimori, fetch posters")
    p.add_argument("--json", action="store_true", help="print a JSON summary")
    p.add_argument("--limit", type=int, default=None, help="match at most N films")
    p.add_argument(
        "--force", action="store_true", help="match again films already matched (not manual picks)"
    )
    p.set_defaults(handler=cmd_enrich)


class ProgressBar:
    """A one-line bar on stderr, redrawn at most once per percent."""

    def __init__(self, stream: TextIO = sys.stderr, width: int = 30) -> None:
        self._stream = stream
        self._width = width
        self._last = -1

    def __call__(self, done: int, total: int) -> None:
        percent = 100 * done // max(1, total)
        if percent == self._last and done != total:
            return
        self._last = percent
        filled = self._width * done // max(1, total)
        bar = "#" * filled + "." * (self._width - filled)
        end = "\n" if done >= total else ""
        self._stream.write(f"\r[{bar}] {done}/{total} films{end}")
        self._stream.flush()


def cmd_enrich(services: AppContext, args: argparse.Namespace) -> int:
    from app.services.enrich.enricher import EnrichSummary, enrich

    bar = ProgressBar()

    async def run() -> EnrichSummary:
        try:
            return await enrich(services, limit=args.limit, force=args.force, progress=bar)
        finally:
            await services.net.aclose()  # the app's HTTP client belongs to this loop

    summary = asyncio.run(run())
    if args.json:
        print(json.dumps(summary.as_json(), ensure_ascii=False))
    else:
        print(
            f"matched {summary.matched}, unmatched {summary.unmatched}, failed {summary.failed} "
            f"of {summary.total} films; {summary.requests} requests, "
            f"{summary.cache_hits} cache hits, {summary.poster_downloads} poster downloads "
            f"in {summary.seconds:.1f} s"
        )
    if summary.error:
        print(f"enrich stopped: {summary.error}", file=sys.stderr)
        return 2
    return 0
