"""What the catalog answers beyond Home's rows: a title page's extras, the grid's filter choices.

Apart from app.services.library.catalog, which is on the way to the first paint: each frozen
dataclass costs ~0.6 ms to build at import, and Home needs neither.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.storage.catalog_query import CatchupAiring


@dataclass(frozen=True)
class TitleExtras:
    """The title page's state beyond the title itself."""

    in_watchlist: bool = False
    watched: bool = False
    film_key: str | None = None
    candidates: list[dict[str, Any]] = field(default_factory=list)
    catchup: list[CatchupAiring] = field(default_factory=list)


@dataclass(frozen=True)
class Facets:
    genres: list[str]
    countries: list[str]
    poster_origins: list[str]
