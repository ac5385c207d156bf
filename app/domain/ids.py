"""Namespaced string ids: ``tmdb:movie:603``, ``shikimori:anime:5114``, ``epg:film:...``."""

from __future__ import annotations

import hashlib


def make_id(*parts: str | int) -> str:
    return ":".join(str(p) for p in parts)


def namespace(title_id: str) -> str:
    return title_id.split(":", 1)[0]


def media_key_for(location: str) -> str:
    """The progress key of an ad hoc file or URL played without a title."""
    digest = hashlib.sha1(location.encode("utf-8")).hexdigest()[:16]
    return make_id("media", digest)
