"""Recommended for you: what the providers relate to the titles a profile watched, weighted by the
profile's genre affinity (plain functions: the service runs them in a worker)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.providers.meta.models import Candidate

SEEDS = 6  # the recent titles asked about
SEED_DECAY = 0.85  # each older seed counts this much less
RANK_DECAY = 0.12  # a provider's 10th suggestion counts about half its first
GENRE_WEIGHT = 1.5


@dataclass(frozen=True, slots=True)
class Seed:
    """A title the profile watched: its id, title, time played, genres, whether marked watched."""

    title_id: str
    title: str
    played_ms: int
    genres: tuple[str, ...]
    watched: bool


@dataclass(frozen=True, slots=True)
class Pick:
    candidate: Candidate
    score: float
    reason: str  # the seed's title id that brought it most


def genres_of(text: str | None) -> tuple[str, ...]:
    try:
        value = json.loads(text) if text else []
    except ValueError:
        return ()
    return (
        tuple(str(g).casefold() for g in value if isinstance(g, str) and g) if isinstance(value, list) else ()
    )


def affinity(seeds: Sequence[Seed]) -> dict[str, float]:
    """Each genre's share of what the profile watched (time played; a watched mark counts an hour)."""
    weights: Counter[str] = Counter()
    for seed in seeds:
        weight = max(seed.played_ms, 3_600_000 if seed.watched else 0) or 600_000
        for genre in seed.genres:
            weights[genre] += weight
    total = sum(weights.values())
    return {g: w / total for g, w in weights.items()} if total else {}


def rank(
    related: Mapping[str, Sequence[Candidate]],
    seeds: Sequence[Seed],
    exclude: set[str],
    limit: int = 24,
) -> list[Pick]:
    """Candidates related to the seeds (in the seeds' order, newest first), best first: each
    seed's vote falls with its age and the candidate's place in its list, then grows with the
    profile's affinity for the candidate's genres. ``exclude``: titles not to recommend."""
    likes = affinity(seeds)
    scores: dict[str, float] = {}
    best_reason: dict[str, tuple[float, str]] = {}
    found: dict[str, Candidate] = {}
    for n, seed in enumerate(seeds):
        seed_weight = SEED_DECAY**n
        for place, cand in enumerate(related.get(seed.title_id, ())):
            if cand.id in exclude:
                continue
            vote = seed_weight / (1.0 + RANK_DECAY * place)
            scores[cand.id] = scores.get(cand.id, 0.0) + vote
            found.setdefault(cand.id, cand)
            if vote > best_reason.get(cand.id, (0.0, ""))[0]:
                best_reason[cand.id] = (vote, seed.title_id)
    picks = []
    for tid, base in scores.items():
        cand = found[tid]
        fit = min(1.0, sum(likes.get(g.casefold(), 0.0) for g in cand.genres))
        picks.append(Pick(cand, base * (1.0 + GENRE_WEIGHT * fit), best_reason[tid][1]))
    picks.sort(key=lambda p: (-p.score, p.candidate.title))
    return picks[:limit]
