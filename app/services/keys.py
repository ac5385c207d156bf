"""Keys and accounts: the TMDB token, the OpenSubtitles key and each Torznab indexer's key,
kept only in the keyring (``core.secrets``); each can be tried (Test) and the outcome is said in
words: accepted, refused (401/403), unreachable (host:port and why), quota used up.

TMDB and OpenSubtitles are the registry's ``KeyChecked`` providers (each names its keyring entry
and tries a key itself); Torznab keys are the sources' own keyring entries
(``services.sources.admin``): an indexer's key changed here is the one its searches use.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum

from app.core import secrets
from app.domain.errors import AuthError, CinemaError, ProviderUnavailable, RateLimited
from app.domain.subtitles import QuotaExceeded
from app.providers.base import KeyChecked
from app.services.context import AppContext

log = logging.getLogger(__name__)

TMDB = "tmdb"  # the welcome page asks for this provider's token by its registry id
TORZNAB = "torznab"


class Verdict(StrEnum):
    OK = "ok"
    REFUSED = "refused"  # 401/403: the key is wrong
    UNREACHABLE = "unreachable"  # the server cannot be reached (or failed)
    QUOTA = "quota"  # the key works, today's allowance is used up
    SLOW_DOWN = "slow_down"  # 429
    MISSING = "missing"  # no key to try
    FAILED = "failed"  # anything else (the detail says what)


@dataclass(frozen=True)
class KeyEntry:
    """One key Settings shows: ``secret`` is its keyring entry; ``url`` an indexer's address."""

    id: str
    kind: str  # tmdb, opensubtitles, torznab
    name: str
    secret: str
    present: bool
    url: str | None = None


@dataclass(frozen=True)
class KeyCheck:
    verdict: Verdict
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.verdict in (Verdict.OK, Verdict.QUOTA)


def list_keys(services: AppContext) -> list[KeyEntry]:
    """The providers that take a key (TMDB, OpenSubtitles: the registry's order), then every
    Torznab indexer (reads the keyring: call it in a worker)."""
    from app.providers.streams import setup

    entries = [
        KeyEntry(p.manifest.id, p.manifest.id, p.manifest.name, p.secret, bool(secrets.get_secret(p.secret)))
        for p in services.providers.key_checked()
    ]
    try:
        from app.services.sources import admin

        indexers = admin.list_providers(services, (setup.TORZNAB,))
    except CinemaError as exc:
        log.warning("the indexers could not be read: %s", exc)
        indexers = []
    for info in indexers:
        name = setup.secret_name(info.id)
        entries.append(KeyEntry(info.id, TORZNAB, info.name, name, bool(secrets.get_secret(name)), info.url))
    return entries


def stored(entry: KeyEntry) -> str | None:
    return secrets.get_secret(entry.secret)


def save(entry: KeyEntry, value: str) -> None:
    """Keep ``value`` in the keyring (an empty value forgets the key). Raises CinemaError when
    the keyring cannot keep it (the message never holds the key)."""
    value = value.strip()
    try:
        if value:
            secrets.set_secret(entry.secret, value)
        else:
            secrets.delete_secret(entry.secret)
    except Exception as exc:  # keyring backends raise their own types; none may show the value
        raise CinemaError(
            f"the system keyring could not keep the key ({type(exc).__name__}); "
            f"for headless use set CINEMA_{entry.secret.upper().replace('-', '_')}_TOKEN"
        ) from None


async def check(services: AppContext, entry: KeyEntry, value: str | None = None) -> KeyCheck:
    """Try ``value`` (None: the stored key) against the service; the verdict in words."""
    from app.core.tasks import run_blocking

    key = value.strip() if value is not None else await run_blocking(stored, entry)
    if not key:
        return KeyCheck(Verdict.MISSING, "no key entered")
    try:
        provider = services.providers.get(entry.id)
        if entry.kind == TORZNAB and entry.url:
            from app.providers.streams import setup
            from app.services.sources.admin import client_for

            await setup.probe_indexer(entry.url, key, client_for(services))
        elif isinstance(provider, KeyChecked):
            await provider.check_key(key)
            # the key works; a provider with a daily allowance says whether today's is used up
            known = getattr(provider, "quota", None)
            if known is not None and known.remaining is not None and known.remaining <= 0:
                when = f"; renewed {known.reset}" if known.reset else ""
                return KeyCheck(Verdict.QUOTA, f"today's downloads are used up{when}")
        else:
            return KeyCheck(Verdict.FAILED, "nothing to try this key on")
    except QuotaExceeded as exc:
        return KeyCheck(Verdict.QUOTA, str(exc))
    except AuthError as exc:
        return KeyCheck(Verdict.REFUSED, str(exc))
    except RateLimited as exc:
        return KeyCheck(Verdict.SLOW_DOWN, str(exc))
    except ProviderUnavailable as exc:
        return KeyCheck(Verdict.UNREACHABLE, str(exc))
    except CinemaError as exc:
        return KeyCheck(Verdict.FAILED, str(exc))
    return KeyCheck(Verdict.OK)
