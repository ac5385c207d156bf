"""Stream providers registered at start-up without importing them: a stand-in with the
provider's manifest that builds the real provider (``setup.build``) when it is first asked.

Building the registry is on the way to the first paint; httpx, lxml and the providers' modules
load with the first search instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from app.providers.base import Capability, Manifest

if TYPE_CHECKING:
    from app.domain.streams import StreamCandidate, StreamQuery
    from app.providers.base import StreamSearch

FILMS = ("film", "series", "anime", "cartoon", "documentary")
KINDS = {
    "torznab": FILMS, "nyaa": ("anime",), "rutube": ("film", "cartoon", "documentary", "anime"),
    "stremio": (), "user": (),
}  # fmt: skip
# The providers every library has, written once into its provider rows: (id, kind, name).
BUILT_IN = (("nyaa", "nyaa", "Nyaa"), ("rutube", "rutube", "Rutube"), ("user", "user", "My links"))
RESOLVING = ("rutube",)  # kinds whose candidates are pages turned into streams at play time


def _serves_streams(manifest: dict[str, Any] | None) -> bool:
    resources = (manifest or {}).get("resources")
    if not isinstance(resources, list):
        return False
    return any((r if isinstance(r, str) else (r or {}).get("name")) == "stream" for r in resources)


class LazyStreams:
    """A stream provider built on first use by ``build()``."""

    def __init__(self, manifest: Manifest, build: Callable[[], StreamSearch | None]) -> None:
        self.manifest = manifest
        self._build = build
        self._real: StreamSearch | None = None

    def real(self) -> StreamSearch:
        if self._real is None:
            built = self._build()
            if built is None:
                from app.domain.errors import ProviderUnavailable

                raise ProviderUnavailable(f"{self.manifest.name} cannot be used by this version")
            self._real = built
        return self._real

    async def streams(self, query: StreamQuery) -> Sequence[StreamCandidate]:
        return await self.real().streams(query)


class LazyResolvingStreams(LazyStreams):
    async def resolve(self, url: str) -> tuple[str, dict[str, str]]:
        resolve = getattr(self.real(), "resolve")  # noqa: B009 (a resolving kind has it)
        result: tuple[str, dict[str, str]] = await resolve(url)
        return result


def lazy_provider(
    pid: str, kind: str, name: str, manifest: dict[str, Any] | None, build: Callable[[], StreamSearch | None]
) -> LazyStreams | None:
    """The stand-in for a stored provider row, or None for a kind this version does not know."""
    if kind not in KINDS:
        return None
    serves = kind != "stremio" or _serves_streams(manifest)
    caps = frozenset({Capability.STREAM_SEARCH}) if serves else frozenset()
    shown = (
        "My links"
        if kind == "user"
        else (str(manifest.get("name")) if kind == "stremio" and manifest else name)
    )
    m = Manifest(id=pid, name=shown or name, capabilities=caps, kinds=KINDS[kind])
    cls = LazyResolvingStreams if kind in RESOLVING else LazyStreams
    return cls(m, build)
