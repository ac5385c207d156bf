"""Headless commands on the same services as the GUI. Each command group lives in its own module
and registers its sub-commands through ``register(subparsers)``; ``run`` dispatches."""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from typing import Any

from app.services.context import AppContext

# Modules under app/cli that add sub-commands. Each defines ``register(subparsers)`` and sets
# ``handler=<callable(services, args) -> int>`` on its parsers with ``set_defaults``.
COMMAND_MODULES: list[str] = [
    "basics",
    "stream",
    "epg",
    "enrich",
    "secrets",
    "sources",
    "tv",
    "people",
    "sync",
]

Handler = Callable[[AppContext, argparse.Namespace], int]


def add_commands(subparsers: Any) -> None:
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"app.cli.{name}")
        module.register(subparsers)


def run(services: AppContext, args: argparse.Namespace) -> int:
    handler: Handler = args.handler
    if getattr(args, "profile", None):  # --profile NAME: run as that profile (issue 15)
        from app.cli.people import apply_profile_option

        apply_profile_option(services, args)
    return handler(services, args)
