"""Instant search: the user's words as an FTS5 expression (prefixes, ё = е, small typos), suggestions."""

from __future__ import annotations

import re

from app.core.tasks import run_blocking
from app.services.context import AppContext
from app.storage import catalog_reads, search_repo
from app.storage.search_repo import Suggestion

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_MAX_WORDS = 8
_MAX_ALTERNATIVES = 6


def fold(text: str) -> str:
    """Case- and ё-folded text, as the index stores it."""
    return text.casefold().replace("ё", "е")


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))[:_MAX_WORDS]


def _allowed_typos(word: str) -> int:
    if len(word) < 4:
        return 0
    return 1 if len(word) < 7 else 2


class SearchService:
    def __init__(self, services: AppContext) -> None:
        self._s = services

    def expression(self, text: str) -> str | None:
        """An FTS5 MATCH expression for ``text``, or None when it has no words.

        Every word matches as a prefix; a word of four letters or more that begins no indexed
        term is also tried as its nearest terms (edit distance 1, or 2 from seven letters),
        compared as whole terms and as prefixes so "терминатр" still finds "терминатор".
        """
        parts = []
        for word in words(text):
            alternatives = [f'"{word}"*']
            if _allowed_typos(word) and not search_repo.has_term_prefix(self._s.db, word):
                alternatives += [f'"{t}"*' for t in self.near_terms(word)]
            parts.append(alternatives[0] if len(alternatives) == 1 else f"({' OR '.join(alternatives)})")
        return " AND ".join(parts) if parts else None

    def near_terms(self, word: str) -> list[str]:
        # only a misspelt word needs rapidfuzz, not start-up (warm() imports it in a worker)
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        limit = _allowed_typos(word)
        # Typos rarely hit the first letter; looking only there keeps this to a few ms.
        terms = search_repo.terms_starting_with(self._s.db, word[0])
        heads = [term[: len(word)] for term in terms]
        best: dict[int, int] = {}
        # whole terms ("терменатор") and their heads ("терминатр" ~ "терминато|р"), in C
        for choices in (terms, heads):
            for _, distance, index in process.extract(
                word, choices, scorer=Levenshtein.distance, score_cutoff=limit, limit=None
            ):
                best[index] = min(distance, best.get(index, limit))
        if not best:
            return []
        # only the closest: "терминатр" means "терминатор" (1 edit), not "терминал" too (2 edits)
        closest = min(best.values())
        return sorted(terms[i] for i, d in best.items() if d == closest)[:_MAX_ALTERNATIVES]

    def warm(self) -> int:
        """Prepare the index and the rating order, and load the typo pass's library (in a worker)."""
        import rapidfuzz.process  # noqa: F401  (the first misspelt word should not pay the import)

        return search_repo.warm(self._s.db)

    def suggestions(self, text: str, limit: int = 8) -> list[Suggestion]:
        """The first ``limit`` titles of the grid's order for ``text`` (blocking: call from a worker)."""
        match = self.expression(text)
        if not match:
            return []
        age_limit = self._s.current.profile.age_limit
        if age_limit is None:
            return search_repo.suggestions(self._s.db, match, limit)
        # a kids' profile: only titles rated at most its age (unrated ones are left out)
        found = search_repo.suggestions(self._s.db, match, limit * 4)
        ages = catalog_reads.min_ages(self._s.db, [s.id for s in found])
        return [s for s in found if (age := ages.get(s.id)) is not None and age <= age_limit][:limit]

    async def suggest(self, text: str, limit: int = 8) -> list[Suggestion]:
        """``suggestions`` from a worker, for the GUI thread: cancel the task when the text changes.

        After a title write the first search rebuilds the rating order (~30 ms at 20,000 titles),
        and a misspelt word may load the typo library: neither may run on the GUI thread.
        """
        if not text.strip():
            return []
        return await run_blocking(self.suggestions, text, limit)
