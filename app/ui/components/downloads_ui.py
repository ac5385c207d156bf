"""The Downloads page in the window: its nav button, and kept torrents resumed after a start."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer

from app.services.sources.downloads import Downloads

RESUME_KEPT_AFTER_MS = 15_000  # after the start's own work (first paint, guides, posters)


def install(window: Any) -> Downloads:
    """Register the page (built when first shown) and its top-bar button."""

    def streaming() -> Any:  # the player's session, its service built on first use (not at start)
        return window.playback.opener.streaming_service()

    downloads = Downloads(window.services, streaming)

    def build() -> Any:
        from app.ui.pages.downloads_page import DownloadsPage

        return DownloadsPage(downloads)

    window.navigator.register("downloads", build)
    window.add_nav_button("downloads", QCoreApplication.translate("MainWindow", "Downloads"))

    def resume_kept() -> None:
        def go(unfinished: bool) -> None:
            if unfinished:
                window.ops.run_async("resume kept", downloads.resume_kept)

        window.ops.run("kept torrents", downloads.has_unfinished_kept, go)

    # the libtorrent session belongs to the app's loop: counted from when it runs
    window.when_loop_runs(lambda: QTimer.singleShot(RESUME_KEPT_AFTER_MS, window, resume_kept))
    return downloads
