"""At start, before the window: which profile opens. “Who's watching?” is asked when there is
more than one profile or the one to open has a PIN; ``--profile NAME`` picks it directly (its
PIN still asked for). Runs before the event loop, so the picker may be ``exec()``-ed here."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import QDialog

from app.domain.errors import NotFound
from app.services.context import AppContext
from app.services.library.profiles import ProfileService

log = logging.getLogger(__name__)


def choose_at_start(
    context: AppContext, wanted: str | None = None, before_asking: Callable[[], bool] | None = None
) -> bool:
    """Make the profile to open current; False when the user closed the picker (quit), or when
    ``before_asking`` (called only when the picker is about to be shown) said False."""
    profiles = ProfileService(context)
    target = None
    if wanted:
        try:
            target = profiles.find(wanted)
        except NotFound as exc:
            log.warning("%s: starting with the usual profile", exc)
    if target is not None and not target.has_pin:
        profiles.switch(target.id, remember=False)
        return True
    starting = context.current.profile
    if target is None and not starting.has_pin and len(profiles.all()) <= 1:
        return True
    if before_asking is not None and not before_asking():
        return False
    from app.ui.components.profile_picker import ProfilePicker

    picker = ProfilePicker(profiles, at_start=True)
    if target is not None:
        picker.choose(target.id)
    return picker.exec() == QDialog.DialogCode.Accepted
