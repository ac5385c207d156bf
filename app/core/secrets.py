"""Secrets (TMDB token, Torznab keys) live in keyring only; the environment may supply them."""

from __future__ import annotations

import logging
import os

import keyring
from keyring.errors import KeyringError

log = logging.getLogger(__name__)
SERVICE = "cinema"


def get_secret(name: str) -> str | None:
    env = os.environ.get(f"CINEMA_{name.upper()}_TOKEN")
    if env:
        return env
    try:
        return keyring.get_password(SERVICE, name)
    except (KeyringError, RuntimeError) as exc:  # no backend on a headless box
        log.warning("keyring unavailable: %s", type(exc).__name__)
        return None


def set_secret(name: str, value: str) -> None:
    keyring.set_password(SERVICE, name, value)


def delete_secret(name: str) -> None:
    try:
        keyring.delete_password(SERVICE, name)
    except KeyringError:
        pass
