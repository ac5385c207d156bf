"""Search everywhere: TMDB (films, series) and Shikimori (anime) asked at once for the user's words.
A hit becomes a title of the library only when it is opened (then it can be watchlisted and
searched for sources, though it never airs)."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field

from app.domain.errors import CinemaError, LibraryError
from app.domain.models import TitleBrief, TitleKind
from app.providers.meta.models import Candidate, MetaQuery
from app.services.context import AppContext
from app.services.discover.titles import fetch_details, store
from app.services.enrich.artwork import Artwork

log = logging.getLogger(__name__)
# what each kind is asked of: TMDB searches films and series, Shikimori anime
KINDS = ("film", "series", "anime")
LIMIT = 40


@dataclass
class Everywhere:
    """The hits (best first) with their posters once downloaded, and who failed and why."""

    text: str
    hits: list[Candidate] = field(default_factory=list)
    posters: dict[str, str] = field(default_factory=dict)  # id -> poster path (thumbnail)
    failed: dict[str, str] = field(default_factory=dict)  # provider id -> message

    def brief(self, cand: Candidate) -> TitleBrief:
        kind = TitleKind(cand.kind) if cand.kind in TitleKind._value2member_map_ else TitleKind.FILM
        return TitleBrief(
            id=cand.id, kind=kind, title=cand.title, original_title=cand.original_title, year=cand.year,
            rating=cand.rating, poster_path=self.posters.get(cand.id),
        )  # fmt: skip


async def search(context: AppContext, text: str, *, posters: bool = True) -> Everywhere:
    """Ask every metadata provider for ``text`` in each kind it knows (all at once)."""
    text = " ".join(text.split())
    found = Everywhere(text)
    if not text:
        return found
    if context.current.profile.age_limit is not None:
        raise LibraryError("A kids' profile searches its own library only.")
    language = context.settings.metadata_language
    asks = []
    for kind in KINDS:
        for provider in context.providers.meta_search(kind):
            if kind == "anime" and not provider.manifest.kinds:
                continue  # TMDB's anime are its films and series, asked already
            asks.append(
                (provider.manifest.id, provider.search(MetaQuery(title=text, kind=kind, language=language)))
            )
    answers = await asyncio.gather(*(a for _p, a in asks), return_exceptions=True)
    seen: set[str] = set()
    per_provider: dict[str, list[Candidate]] = {}
    for (pid, _ask), answer in zip(asks, answers, strict=True):
        if isinstance(answer, CinemaError):
            found.failed[pid] = str(answer)
            continue
        if isinstance(answer, BaseException):
            raise answer
        for cand in answer:
            if cand.id not in seen:
                seen.add(cand.id)
                per_provider.setdefault(pid, []).append(cand)
    for hits in per_provider.values():
        hits.sort(key=lambda c: (-(c.popularity or 0.0), -(c.votes or 0)))
    # the providers' lists interleaved: the best of each first
    queues = list(per_provider.values())
    while any(queues) and len(found.hits) < LIMIT:
        for q in queues:
            if q:
                found.hits.append(q.pop(0))
    if posters:
        await _posters(context, found)
    return found


async def _posters(context: AppContext, found: Everywhere) -> None:
    artwork = Artwork(context)
    gate = asyncio.Semaphore(4)

    async def one(cand: Candidate) -> None:
        if not cand.poster_url:
            return
        async with gate:
            try:
                stored = await artwork.image(cand.poster_url)
            except CinemaError:
                return
        if stored is not None:
            found.posters[cand.id] = str(context.paths.data / (stored.thumb or stored.path))

    await asyncio.gather(*(one(c) for c in found.hits))


async def open_hit(context: AppContext, cand: Candidate) -> str:
    """Make a hit a title of the library (its details, age rating, poster): its id."""
    await store(context, [cand])
    try:
        await fetch_details(context, cand.id)
    except CinemaError as exc:
        log.info("details of %s: %s (the list's data is kept)", cand.id, exc)
    return cand.id
