"""A guide source's feed as a local file: the file itself, or a download through the app's one
HTTP client (conditional GET, byte cap, our errors) into the cache, dropped after the import."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urljoin

from app.domain.errors import NotFound
from app.net.http_fetch import FetchResult, fetch_to_file
from app.services.context import AppContext
from app.services.guide.sources import is_url
from app.storage.guide_repo import SourceRow

T = TypeVar("T")
# Runs a download coroutine to its end from the import's thread: on the app's loop when it
# runs one, in a loop of its own otherwise (the CLI).
Fetcher = Callable[[Callable[[], Coroutine[Any, Any, T]]], T]


@dataclass(frozen=True)
class FeedFile:
    path: Path
    fetched: FetchResult | None  # what the server said (None for a local file)
    content_hash: str | None  # a local file's size and time, to skip an unchanged one


def cache_dir(services: AppContext) -> Path:
    return services.paths.cache / "epg"


def drop_downloads(services: AppContext, source_id: int) -> None:
    """Downloads are only needed while importing; a 1 GB guide should not stay in the cache."""
    for name in (f"source-{source_id}.feed", f"source-{source_id}.guide"):
        (cache_dir(services) / name).unlink(missing_ok=True)


def resolve_link(base: str, ref: str) -> str:
    """A guide a playlist names, relative to the playlist's own location."""
    if is_url(ref) or not ref:
        return ref
    if is_url(base):
        return urljoin(base, ref)
    return str((Path(base).parent / ref).resolve())


def _strings(value: Any) -> dict[str, str] | None:
    if not isinstance(value, dict):
        return None
    return {str(k): str(v) for k, v in value.items()}


def materialize(
    services: AppContext,
    source: SourceRow,
    location: str,
    dest_name: str,
    *,
    fetch: Fetcher[FetchResult],
    on_bytes: Callable[[int], None],
    conditional: bool,
    max_bytes: int,
) -> FeedFile | None:
    """The feed as a local file, or None when the server says it did not change. A source's
    ``headers`` and ``params`` go with the request (APIs that want a key or a date)."""
    if not is_url(location):
        path = Path(location)
        if not path.is_file():
            raise NotFound(f"{location}: no such file")
        st = path.stat()
        return FeedFile(path, None, f"{st.st_size}:{st.st_mtime_ns}")
    cache = cache_dir(services)
    cache.mkdir(parents=True, exist_ok=True)

    def download() -> Coroutine[Any, Any, FetchResult]:
        return fetch_to_file(
            services.http,
            location,
            cache / dest_name,
            etag=source.etag if conditional else None,
            last_modified=source.last_modified if conditional else None,
            timeout_s=services.settings.http_timeout_s,
            max_bytes=max_bytes,
            headers=_strings(source.params.get("headers")),
            params=_strings(source.params.get("params")),
            on_bytes=on_bytes,
            deadline_s=services.settings.download_deadline_s,
        )

    result = fetch(download)
    if result.status == "unchanged" or result.path is None:
        return None
    return FeedFile(result.path, result, None)
