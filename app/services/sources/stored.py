"""Stored sources ↔ ranked streams: rows back into candidates, ranked streams into rows."""

from __future__ import annotations

import json
from typing import Any

from app.domain.models import SourceKind
from app.domain.release import RankedStream, Release
from app.domain.streams import StreamCandidate
from app.services.sources.private_headers import KEYRING_MARK, PRIVATE
from app.storage.sources_repo import SourceRow

# Not stored: an airing's live and archive ways depend on the clock, they are asked anew.
TRANSIENT = (SourceKind.IPTV_LIVE, SourceKind.IPTV_CATCHUP)
_PRIVATE_HEADERS = PRIVATE


def private_headers(cand: StreamCandidate) -> dict[str, str]:
    """An addon's Authorization, Cookie… for this stream: credentials, kept in the keyring."""
    return {k: v for k, v in cand.headers.items() if k.lower() in _PRIVATE_HEADERS}


def candidate_of(row: SourceRow) -> StreamCandidate | None:
    if row.kind not in SourceKind._value2member_map_:
        return None
    return StreamCandidate(
        provider_id=row.provider or ("user" if row.origin == "user" else "stored"),
        kind=SourceKind(row.kind),
        url=row.url,
        label=row.label,
        info_hash=row.info_hash,
        file_idx=row.file_idx,
        size_bytes=row.size_bytes,
        seeders=row.seeders,
        peers=row.peers,
        grabs=row.grabs,
        quality=row.quality,
        headers=dict(row.headers),
        extra={"origin": row.origin, **({"resolve": True} if row.release.get("_resolve") else {})},
    )


def release_of(row: SourceRow) -> Release:
    return Release.from_json({k: v for k, v in row.release.items() if not k.startswith("_")})


def row_of(item: RankedStream) -> dict[str, Any]:
    cand = item.candidate
    release = item.release.to_json()
    if cand.extra.get("resolve"):
        release["_resolve"] = True  # the URL is a page that the provider turns into a stream
    headers = {k: v for k, v in cand.headers.items() if k.lower() not in _PRIVATE_HEADERS}
    if len(headers) < len(cand.headers):
        headers[KEYRING_MARK] = "1"
    return {
        "kind": cand.kind.value,
        "url": cand.url,
        "label": cand.label[:500],
        "quality": item.release.quality or cand.quality,
        "headers": json.dumps(headers) if headers else None,
        "score": item.score,
        "provider": cand.provider_id,
        "info_hash": cand.info_hash,
        "file_idx": cand.file_idx,
        "size_bytes": cand.size_bytes,
        "seeders": cand.seeders,
        "peers": cand.peers,
        "grabs": cand.grabs,
        "release": json.dumps(release, ensure_ascii=False),
        "components": json.dumps([c.to_json() for c in item.components], ensure_ascii=False),
    }


def storable(item: RankedStream) -> bool:
    return item.candidate.kind not in TRANSIENT and item.candidate.extra.get("origin") != "user"
