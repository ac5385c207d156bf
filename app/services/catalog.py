"""Catalog queries for the views: ordered ids, grid rows in pages, the title page."""

from __future__ import annotations

from collections.abc import Sequence

from app.domain.models import MediaRequest, Source, SourceKind, TitleBrief, TitleDetail
from app.services.container import Services
from app.storage import titles_repo

# Which kind of source Play should try first (best first).
_SOURCE_ORDER = {
    SourceKind.DIRECT: 0,
    SourceKind.HLS: 1,
    SourceKind.TORRENT: 2,
    SourceKind.IPTV_CATCHUP: 3,
    SourceKind.IPTV_LIVE: 4,
}


class CatalogService:
    def __init__(self, services: Services) -> None:
        self._s = services

    def ids(self, kind: str | None = None) -> list[str]:
        return titles_repo.catalog_ids(self._s.db, self._s.clock.now(), kind=kind)

    def briefs(self, ids: Sequence[str]) -> dict[str, TitleBrief]:
        return titles_repo.briefs(self._s.db, ids, self._s.clock.now(), self._s.profile_id)

    def detail(self, title_id: str) -> TitleDetail | None:
        return titles_repo.detail(self._s.db, title_id, self._s.clock.now())

    def count(self) -> int:
        return titles_repo.count_titles(self._s.db)

    @staticmethod
    def playable_sources(detail: TitleDetail) -> list[Source]:
        """Sources Play can open, best first (score, then kind)."""
        return sorted(detail.sources, key=lambda s: (-s.score, _SOURCE_ORDER.get(s.kind, 9)))

    def media_request(self, detail: TitleDetail, source: Source, start_ms: int = 0) -> MediaRequest:
        return MediaRequest(
            location=source.url,
            item_key=detail.id,
            label=detail.title,
            title_id=detail.id,
            headers=dict(source.headers),
            start_ms=start_ms,
        )
