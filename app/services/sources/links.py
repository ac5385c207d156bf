"""The user's own links (the original video service): checked, refused when stored already,
saved as a source of a title (``cinema video add``, "Add a link…", "Add video")."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from app.domain.errors import CinemaError, NotFound
from app.domain.release import Release
from app.domain.streams import StreamCandidate
from app.providers.streams.linkcheck import CheckedLink, InvalidLink, check_link
from app.services.context import AppContext
from app.services.sources import stored
from app.services.sources.admin import allowed_roots, client_for
from app.services.sources.events import SourcesDidChange
from app.services.sources.preferences import preferences
from app.services.sources.ranking import ranked
from app.services.sources.release import quick
from app.storage import sources_repo, titles_repo

__all__ = ["AddedLink", "DuplicateLink", "InvalidLink", "add_link", "find_or_create_title"]


class DuplicateLink(CinemaError):
    """The link is stored already (its title is named in the message)."""

    def __init__(self, message: str, title_id: str, title: str) -> None:
        super().__init__(message)
        self.title_id = title_id
        self.title = title


@dataclass(frozen=True)
class AddedLink:
    source_id: int
    title_id: str
    link: CheckedLink


def find_or_create_title(context: AppContext, title: str) -> str:
    """The title called (or with the id) ``title``; a new one of the user's when none is (blocking)."""
    text = " ".join(title.split())
    if not text:
        raise CinemaError("the title is empty")
    rows = context.db.execute("SELECT id FROM titles WHERE id = :t", {"t": text})
    if rows:
        return str(rows[0][0])
    rows = context.db.execute(
        "SELECT id FROM titles WHERE lower(title) = lower(:t) OR lower(original_title) = lower(:t) "
        "ORDER BY is_demo, id LIMIT 1",
        {"t": text},
    )
    if rows:
        return str(rows[0][0])
    tid = "user:video:" + hashlib.sha1(text.lower().encode()).hexdigest()[:12]
    now = int(context.clock.now().timestamp())
    titles_repo.upsert_titles(
        context.db, [{"id": tid, "kind": "film", "title": text, "added_at": now, "updated_at": now}]
    )
    return tid


def _check_duplicate(context: AppContext, url: str) -> None:
    found = sources_repo.source_by_url(context.db, url)
    if found is not None:
        row, title = found
        raise DuplicateLink(f"this link is stored already, for «{title}»", row.title_id, title)


async def add_link(context: AppContext, title_id: str, url: str) -> AddedLink:
    """Check ``url`` and store it as a source of ``title_id``.

    Raises InvalidLink (bad scheme, unreachable, outside the user's folders), DuplicateLink,
    NotFound (no such title).
    """
    from app.core.tasks import run_blocking

    if not await run_blocking(context.db.execute, "SELECT 1 FROM titles WHERE id = :t", {"t": title_id}):
        raise NotFound(f"no title {title_id}")
    await run_blocking(_check_duplicate, context, url.strip())
    link = await check_link(url, client_for(context), allowed_roots(context))
    if link.url != url.strip():
        await run_blocking(_check_duplicate, context, link.url)
    cand = StreamCandidate(
        provider_id="user", kind=link.kind, url=link.url, label=link.label, info_hash=link.info_hash,
        quality=link.quality, playable_now=True, extra={"origin": "user"},
    )  # fmt: skip
    release: Release = quick(link.label, link.quality or "")
    item = ranked(cand, release, preferences(context.profile_settings))
    row = stored.row_of(item)
    row["release"] = json.dumps(
        {**release.to_json(), "variants": [[v.bandwidth, *(v.resolution or ())] for v in link.variants]}
    )
    now = int(context.clock.now().timestamp())
    try:
        sid = await run_blocking(sources_repo.add_user_source, context.db, {**row, "title_id": title_id}, now)
    except Exception as exc:  # two adds at once: the second meets the unique (title, url)
        found = await run_blocking(sources_repo.source_by_url, context.db, link.url)
        if found is not None:
            raise DuplicateLink(
                f"this link is stored already, for «{found[1]}»", found[0].title_id, found[1]
            ) from exc
        raise
    context.bus.publish(SourcesDidChange(title_id))
    return AddedLink(sid, title_id, link)
