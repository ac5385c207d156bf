""" "Wrong match? choose another": re-link a guide film to another of its enrichment candidates."""

from __future__ import annotations

import logging

from app.core.tasks import run_blocking
from app.domain.errors import NotFound
from app.services.context import AppContext
from app.services.enrich import results
from app.services.enrich.lookup import CachedLookup
from app.storage import enrich_repo, rematch_repo

log = logging.getLogger(__name__)


async def relink(services: AppContext, film_key: str, candidate_id: str) -> str:
    """Fetch ``candidate_id``'s details, make it the film's title and keep that choice.

    The airings move to the new title in one transaction (enrich_repo.save_matched); the
    match becomes ``manual`` so later enrichment runs do not undo the user's choice.
    Returns the new title id. Raises NotFound, AuthError, ProviderUnavailable, RateLimited.
    """
    meta = await CachedLookup(services).details(candidate_id, services.settings.metadata_language)
    if meta is None:
        raise NotFound(candidate_id)
    status = await run_blocking(enrich_repo.match_status, services.db, film_key)
    kind = str(status["kind"]) if status else meta.kind
    candidates = status["candidates"] if status else []
    row = results.title_row_from_meta(meta)
    await results.save_matched(services, film_key, kind, row, 1.0, candidates)
    await run_blocking(rematch_repo.mark_manual, services.db, film_key)
    log.info("film %r re-linked to %s by the user", film_key, meta.id)
    return meta.id
