"""The welcome in the window: shown on the first run, reopened from Settings."""

from __future__ import annotations

from typing import Any

from app.services.context import AppContext


def should_welcome(services: AppContext) -> bool:
    """First run: the welcome was never finished and no guide of the user's is there."""
    if services.settings.welcome_done:
        return False
    from app.services.guide.sources import has_own_guide

    return not has_own_guide(services)


def install(window: Any) -> None:
    """Register the welcome page; Settings' "Show the welcome again" opens it."""

    def build() -> Any:
        from app.ui.pages.welcome_page import WelcomePage

        page = WelcomePage(window.services)
        page.finished.connect(window.show_home)
        return page

    window.navigator.register("welcome", build, remember=False)

    def settings_built(name: str, page: Any) -> None:
        if name == "settings" and hasattr(page, "welcomeRequested"):
            page.welcomeRequested.connect(lambda: show(window))

    window.navigator.pageBuilt.connect(settings_built)


def show(window: Any) -> None:
    window.navigator.navigate("welcome")
    window.navigator.page("welcome").playlist.field.setFocus()
