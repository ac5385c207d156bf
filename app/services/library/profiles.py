"""Profiles: create, edit, delete, the PIN (salted hash, wrong tries rate-limited) and switching."""

from __future__ import annotations

import hashlib
from typing import Any

from app.core.events import ProfilesDidChange
from app.domain.errors import LibraryError, NotFound, WrongPin
from app.domain.profiles import AVATAR_COLORS, RU_AGES, Profile, SourcePrefs
from app.services.context import AppContext
from app.storage import profiles_repo

NAME_MAX = 40
PIN_ITERATIONS = 120_000
# Wrong PINs: the first few are free, then each one locks the profile for twice as long.
FREE_TRIES = 3
FIRST_LOCK_S = 30
MAX_LOCK_S = 15 * 60


def hash_pin(pin: str, *, salt: bytes | None = None, iterations: int = PIN_ITERATIONS) -> str:
    if not salt:
        import secrets  # (with hmac: ~1 ms at every start, where the profile is only read)

        salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    try:
        scheme, iterations, salt, digest = stored.split("$")
        if scheme != "pbkdf2_sha256":
            return False
        expected = hash_pin(pin, salt=bytes.fromhex(salt), iterations=int(iterations)).rsplit("$", 1)[1]
    except ValueError:
        return False
    import hmac

    return hmac.compare_digest(expected, digest)


def valid_pin(pin: str) -> str:
    pin = pin.strip()
    if not (pin.isdigit() and 4 <= len(pin) <= 8):
        raise LibraryError("A PIN is 4 to 8 digits.")
    return pin


def lock_seconds(failures: int) -> int:
    """How long a profile stays locked after ``failures`` wrong PINs in a row (0: not locked)."""
    if failures < FREE_TRIES:
        return 0
    return int(min(MAX_LOCK_S, FIRST_LOCK_S * 2 ** (failures - FREE_TRIES)))


class ProfileService:
    """The household's profiles. Publishes ProfilesDidChange; switching publishes ProfileDidChange."""

    def __init__(self, context: AppContext) -> None:
        self._s = context

    def _now(self) -> int:
        return int(self._s.clock.now().timestamp())

    def _changed(self, profile_id: int) -> None:
        self._s.bus.publish(ProfilesDidChange(profile_id))

    # -- reading --------------------------------------------------------------------------------
    def all(self) -> list[Profile]:
        return profiles_repo.all_profiles(self._s.db)

    def get(self, profile_id: int) -> Profile:
        profile = profiles_repo.get(self._s.db, profile_id)
        if profile is None:
            raise NotFound(f"No profile with id {profile_id}.")
        return profile

    def find(self, name: str) -> Profile:
        """The profile called ``name`` (or with that id); NotFound names the ones there are."""
        profile = profiles_repo.by_name(self._s.db, name)
        if profile is None and name.strip().isdigit():
            profile = profiles_repo.get(self._s.db, int(name))
        if profile is None:
            known = ", ".join(p.name for p in self.all())
            raise NotFound(f"No profile called “{name}” (profiles: {known}).")
        return profile

    @property
    def current(self) -> Profile:
        return self._s.current.profile

    # -- changing -------------------------------------------------------------------------------
    def _valid_name(self, name: str, own_id: int | None = None) -> str:
        name = " ".join(name.split())
        if not name:
            raise LibraryError("A profile needs a name.")
        if len(name) > NAME_MAX:
            raise LibraryError(f"A profile's name is at most {NAME_MAX} characters.")
        other = profiles_repo.by_name(self._s.db, name)
        if other is not None and other.id != own_id:
            raise LibraryError(f"A profile called “{other.name}” exists already.")
        return name

    def create(
        self,
        name: str,
        *,
        color: str | None = None,
        letter: str | None = None,
        kids: bool = False,
        max_age: int | None = None,
        pin: str | None = None,
    ) -> Profile:
        name = self._valid_name(name)
        count = len(self.all())
        color = color or AVATAR_COLORS[count % len(AVATAR_COLORS)]
        if kids and max_age is None:
            max_age = 12
        if max_age is not None and max_age not in RU_AGES:
            raise LibraryError(f"An age limit is one of {', '.join(f'{a}+' for a in RU_AGES)}.")
        pin_hash = hash_pin(valid_pin(pin)) if pin else None
        new_id = profiles_repo.create(
            self._s.db,
            name,
            now=self._now(),
            avatar_color=color,
            avatar_letter=(letter or "").strip()[:1] or None,
            is_kids=kids,
            max_age=max_age if kids else None,
        )
        if pin_hash:
            profiles_repo.set_pin(self._s.db, new_id, pin_hash)
        self._changed(new_id)
        return self.get(new_id)

    def rename(self, profile_id: int, name: str) -> Profile:
        return self.update(profile_id, name=name)

    def update(self, profile_id: int, **changes: Any) -> Profile:
        """Change a profile: name, avatar_color, avatar_letter, is_kids, max_age, ui_language,
        audio_language, subtitle_language, source_prefs (a SourcePrefs)."""
        self.get(profile_id)
        if "name" in changes:
            changes["name"] = self._valid_name(str(changes["name"]), own_id=profile_id)
        if changes.get("max_age") is not None and changes["max_age"] not in RU_AGES:
            raise LibraryError(f"An age limit is one of {', '.join(f'{a}+' for a in RU_AGES)}.")
        if "avatar_letter" in changes:
            changes["avatar_letter"] = (changes["avatar_letter"] or "").strip()[:1] or None
        if "source_prefs" in changes and not isinstance(changes["source_prefs"], SourcePrefs):
            raise LibraryError("Source preferences are a SourcePrefs.")
        for lang in ("ui_language", "audio_language", "subtitle_language"):
            if lang in changes:
                changes[lang] = (changes[lang] or "").strip().lower()[:2] or None
        profiles_repo.update(self._s.db, profile_id, **changes)
        updated = self.get(profile_id)
        if self._s.current.id == profile_id:
            self._s.current.switch(updated)  # same id: the holder takes the new values silently
        self._changed(profile_id)
        return updated

    def delete(self, profile_id: int) -> Profile | None:
        """Delete a profile and everything it kept; LibraryError for the last one. When it was
        the current profile another one becomes current: that one is returned."""
        if not profiles_repo.delete(self._s.db, profile_id):
            raise NotFound(f"No profile with id {profile_id}.")
        self._changed(profile_id)
        if self._s.current.id == profile_id:
            replacement = profiles_repo.starting(self._s.db)
            assert replacement is not None  # the last profile is never deleted
            self._s.current.switch(replacement)
            return replacement
        return None

    # -- the PIN --------------------------------------------------------------------------------
    def set_pin(self, profile_id: int, pin: str | None) -> None:
        """Set (or with None remove) a profile's PIN; the caller has checked the old one."""
        self.get(profile_id)
        profiles_repo.set_pin(self._s.db, profile_id, hash_pin(valid_pin(pin)) if pin else None)
        self._changed(profile_id)

    def check_pin(self, profile_id: int, pin: str) -> None:
        """Nothing when the PIN is right (or none is set); WrongPin otherwise. After a few wrong
        tries the profile is locked for a while, even for the right PIN (stored, so it holds
        across restarts and processes)."""
        stored, _failures, locked_until = profiles_repo.pin_state(self._s.db, profile_id)
        if not stored:
            return
        now = self._now()
        if locked_until is not None and locked_until > now:
            wait = locked_until - now
            raise WrongPin(f"Too many wrong PINs: try again in {wait} s.", retry_after=wait)
        if pin_matches(pin.strip(), stored):
            profiles_repo.reset_failures(self._s.db, profile_id)
            return
        failures = profiles_repo.record_failure(self._s.db, profile_id)
        wait = lock_seconds(failures)
        if wait:
            profiles_repo.lock_until(self._s.db, profile_id, now + wait)
            raise WrongPin(f"Wrong PIN. Too many tries: try again in {wait} s.", retry_after=wait)
        left = FREE_TRIES - failures
        raise WrongPin(f"Wrong PIN ({left} {'try' if left == 1 else 'tries'} left before a pause).")

    # -- switching ------------------------------------------------------------------------------
    def switch(self, profile_id: int, pin: str | None = None, *, remember: bool = True) -> Profile:
        """Make a profile current (its PIN checked first); ``remember``: the next start opens it."""
        profile = self.get(profile_id)
        if profile.has_pin:
            if pin is None:
                raise WrongPin(f"“{profile.name}” is protected by a PIN.")
            self.check_pin(profile_id, pin)
        profiles_repo.mark_used(self._s.db, profile_id, self._now(), make_default=remember)
        profile = self.get(profile_id)
        self._s.current.switch(profile)
        return profile
