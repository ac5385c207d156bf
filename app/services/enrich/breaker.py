"""A circuit breaker per metadata provider: after N failures in a row a run stops asking it."""

from __future__ import annotations

import logging

from app.domain.errors import BadFeed, ProviderUnavailable, RateLimited

log = logging.getLogger(__name__)

FAILURES_TO_OPEN = 5  # consecutive failed requests (after their own retries) before giving up
# What counts as the provider being down or broken; a NotFound or an auth refusal does not.
FAILURES = (ProviderUnavailable, RateLimited, BadFeed)


class ProviderStopped(ProviderUnavailable):
    """The breaker is open: this run asks the provider nothing more."""


class Breakers:
    """Consecutive failures per provider id; open ones refuse at once with the reason."""

    def __init__(self, failures_to_open: int = FAILURES_TO_OPEN) -> None:
        self._limit = max(1, failures_to_open)
        self._failures: dict[str, int] = {}
        self.opened: dict[str, str] = {}  # provider id -> one line saying why it was stopped

    def check(self, provider: str) -> None:
        """Raise ProviderStopped when ``provider`` is no longer asked in this run."""
        reason = self.opened.get(provider)
        if reason is not None:
            raise ProviderStopped(reason)

    def succeeded(self, provider: str) -> None:
        self._failures[provider] = 0

    def failed(self, provider: str, exc: BaseException) -> None:
        if provider in self.opened:
            return
        count = self._failures.get(provider, 0) + 1
        self._failures[provider] = count
        if count >= self._limit:
            self.opened[provider] = f"{provider} stopped after {count} failed requests in a row (last: {exc})"
            log.warning("%s", self.opened[provider])
