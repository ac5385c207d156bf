"""Composition root: the one place that builds and wires everything. Nothing imports it but
``__main__`` (and tests). Qt is imported only when the GUI is started."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from app.core.clock import SystemClock
from app.core.config import AppPaths, load_settings
from app.core.events import EventBus
from app.core.log import setup_logging
from app.domain.errors import StorageError
from app.services.context import AppContext
from app.storage.db import Database

log = logging.getLogger(__name__)


def build_services(
    data_dir: str | Path | None = None,
    *,
    load_demo: bool = True,
    console_log: bool = True,
    with_scheduler: bool = True,
    with_providers: bool = True,
    **setting_overrides: Any,
) -> AppContext:
    """Resolve folders, start logging, open and migrate the database, fill the demo library.

    ``with_providers=False``: the providers are registered when the registry is first asked for
    (``register_providers``: the GUI asks once Home has painted, the providers' modules are not
    on the way there; the demo asks earlier when it imports its guide)."""
    paths = AppPaths.resolve(data_dir)
    setup_logging(paths.logs, console=console_log)
    settings = load_settings(paths, **setting_overrides)
    db = Database(paths.database, busy_timeout_ms=int(settings.db_busy_timeout_s * 1000))
    db.migrate()
    services = AppContext(paths=paths, settings=settings, db=db, bus=EventBus(), clock=SystemClock())
    services.fill_providers = lambda: _fill_registry(services)
    if with_providers:
        register_providers(services)
    if with_scheduler:  # the GUI makes it after its first paint (run_gui)
        from app.services.scheduler import RefreshScheduler

        services.scheduler = RefreshScheduler(services)  # builds nothing until it runs
    if settings.library_url.strip():  # a household's library server (issue 17); the GUI starts it
        from app.services.sync.setup import build_engine

        services.sync = build_engine(services)
    if load_demo and settings.demo_enabled:
        from app.services.demo import ensure_demo_library

        ensure_demo_library(services)
    log.info("services ready in %s", paths.data)
    return services


def register_providers(services: AppContext) -> Any:
    """The context's provider registry, its providers registered now unless something asked for
    it already (``AppContext.fill_providers``)."""
    return services.providers


def _fill_registry(services: AppContext) -> None:
    """Put every provider into the context's registry (the one object services hold): the
    built-in ones, the user's stream providers (indexers, addons, Nyaa, Rutube, own links) and
    live TV from the user's playlists (issue 13)."""
    from app.providers.setup import build_registry

    # providers read the settings and the keyring when asked: both may change while the app runs
    built_in = build_registry(settings=lambda: services.settings, http=lambda: services.http, secret=_secret)
    for provider in built_in.all():
        services.providers.register(provider)
    from app.services.sources.registration import register_stream_providers

    register_stream_providers(services)
    from app.services.sources.iptv import provider as iptv_provider

    iptv_provider(services)


def build_window(services: AppContext, *, loop_starts_later: bool = False) -> Any:
    """The main window, handed the services it shows (the GUI's composition; Qt is loaded here)."""
    from app.services.library.catalog import CatalogService
    from app.services.library.progress import LibraryService
    from app.ui.main_window import MainWindow

    library = LibraryService(services)

    def playback() -> Any:
        # built on first Play: VLC and the source stack stay off the way to the first paint
        from app.services.playback.session import PlaybackService
        from app.services.sources.outcomes import attach

        session = PlaybackService(services, library)
        attach(services, session)  # every playback's outcome feeds the sources' health
        return session

    return MainWindow(
        services,
        catalog=CatalogService(services),
        library=library,
        series=lambda: _series(services),
        playback=playback,
        scheduler=services.scheduler,
        loop_starts_later=loop_starts_later,
    )


def _series(services: AppContext) -> Any:
    from app.services.library.series import SeriesService

    return SeriesService(services)


def _secret(name: str) -> str | None:
    from app.core.secrets import get_secret  # keyring loads when a key is first needed

    return get_secret(name)


def _install_excepthook(show: Any) -> None:
    import sys

    def hook(exc_type: type[BaseException], exc: BaseException, tb: Any) -> None:
        log.error("unhandled error", exc_info=(exc_type, exc, tb))
        try:
            show(f"{exc_type.__name__}: {exc}")
        except Exception:
            pass

    sys.excepthook = hook


def _load_translations(app: Any, language: str) -> Any:
    from PySide6.QtCore import QLocale, QTranslator

    from app.core.resources import resources_dir

    lang = language if language in ("ru", "en") else QLocale.system().name().split("_")[0]
    if lang not in ("ru", "en"):
        lang = "en"  # the source strings are English; cinema_en.qm adds its plural forms
    QLocale.setDefault(QLocale(lang))
    translator = QTranslator(app)
    if translator.load(str(resources_dir() / "translations" / f"cinema_{lang}.qm")):
        app.installTranslator(translator)
        return translator
    return None


def run_gui(data_dir: str | Path | None = None, play: str | None = None, profile: str | None = None) -> int:
    """Show the main window, then run the Qt application on a qasync loop.

    Home is painted before asyncio and qasync are even imported (~40 ms here): the window
    processes its own events until the first poster row is on screen, then the loop starts and
    takes over (posters asked for meanwhile load from workers then, and so does the rest).
    ``profile``: open as that profile (``--profile NAME``; its PIN is asked for).
    """
    import gc
    import os
    import sys

    os.environ.setdefault("QT_API", "pyside6")  # qasync would otherwise probe other bindings
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.core.resources import resources_dir
    from app.core.tasks import shutdown_executor

    if (
        sys.platform.startswith("linux")
        and "QT_QPA_PLATFORM" not in os.environ
        and os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "xcb"  # libvlc embeds only into X11 windows
    QApplication.setAttribute(Qt.ApplicationAttribute.AA_DontCreateNativeWidgetSiblings, True)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Cinema")
    app.setOrganizationName("Cinema")
    # one app per data folder: it listens for later launches once Home is on screen (Qt's
    # network module is not on the way there; __main__ saw nobody listening), or before it
    # asks "Who's watching?" (a launch meanwhile comes to this app, not a second picker)
    instance: Any = None
    handed_over = False

    def claim() -> bool:
        nonlocal instance, handed_over
        # off since __main__ until Home has painted, or a picker is about to ask; from here on
        # collected on the GUI thread only (a worker's collection would free Qt objects there)
        from app.ui.gui_gc import collect_on_gui_thread

        collect_on_gui_thread(app)
        if instance is None and not handed_over:
            instance = _claim_instance(data_dir, play)
            handed_over = instance is None  # another Cinema on this data folder took the request
        return not handed_over

    try:
        services = build_services(data_dir, with_scheduler=False, with_providers=False)
    except StorageError as exc:  # a damaged, busy or read-only database: say so, no window
        gc.enable()
        return _storage_error_dialog(app, data_dir, exc)
    language = services.profile_settings.language  # the profile to open may speak its own
    translator = _load_translations(app, language)
    qss = resources_dir() / "theme" / "dark.qss"
    if qss.exists():
        app.setStyleSheet(qss.read_text("utf-8"))
    from app.ui.components.profile_start import choose_at_start

    if not choose_at_start(services, profile, before_asking=claim):  # closed, or handed over
        services.db.dispose()
        return 0
    if services.profile_settings.language != language:  # the chosen profile's own language
        if translator is not None:
            app.removeTranslator(translator)
        _load_translations(app, services.profile_settings.language)
    window = build_window(services, loop_starts_later=True)

    def show_error(text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "Cinema", text, QMessageBox.StandardButton.Ok, window)
        box.open()

    _install_excepthook(show_error)
    from app.ui.components import welcome_ui

    if welcome_ui.should_welcome(services):  # the first run: the provider, the token (issue 18)
        welcome_ui.show(window)
    window.show()
    window.wait_first_paint(app)
    if not claim():  # a launch that raced ours holds the folder and took what we were to open
        window.shutdown()
        services.db.dispose()
        return 0
    instance.openRequested.connect(window.open_anything.launched)  # later launches hand over here
    register_providers(services)  # Home is on screen: the providers' modules load now

    import asyncio

    import qasync

    from app.ui.app_icon import app_icon
    from app.ui.tray_hook import install_tray_after_first_paint

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    closed = asyncio.Event()
    app.aboutToQuit.connect(closed.set)
    if not window.isVisible():
        closed.set()  # closed while it painted (the start-up benchmark does that)
    window.loop_started()
    app.setWindowIcon(app_icon())
    if play:
        loop.call_soon(window.play_location, play)  # the player needs the running loop
    from app.services.scheduler import RefreshScheduler

    scheduler = RefreshScheduler(services)  # made now: its module stays off the way to the first paint
    services.scheduler = window.scheduler = scheduler
    loop.call_soon(scheduler.start)  # guides, then enrichment, in the background on a schedule
    from app.services.sources.watch import WatchlistRecheck

    recheck = WatchlistRecheck(services)  # watchlisted titles searched for sources again, hourly
    loop.call_soon(recheck.start)
    install_tray_after_first_paint(window, services, scheduler)  # the tray icon, once Home is painted
    if services.sync is not None:
        loop.call_soon(services.sync.start)  # the library server's live sync, on its own threads
    with loop:
        loop.run_until_complete(closed.wait())
        loop.run_until_complete(scheduler.stop())
        loop.run_until_complete(recheck.stop())
        if window.playback_started:  # saves progress, shuts a torrent session down cleanly
            loop.run_until_complete(window.playback.aclose())
        window.shutdown()
        if services.sync is not None:
            services.sync.stop(5.0)  # what was not sent stays in the outbox for the next start
        loop.run_until_complete(_cancel_pending(loop))
        loop.run_until_complete(services.net.aclose())  # the one HTTP client, if it was made
        # queries still running in workers are aborted and waited for: closing a connection
        # under a running query crashes sqlite
        services.db.interrupt()
        shutdown_executor()
    services.db.dispose()
    instance.close()
    from app.ui.components.window_habits import restart_now, restart_requested

    if restart_requested():  # a new language was chosen: start again in it
        restart_now()
    return 0


def _claim_instance(data_dir: str | Path | None, play: str | None) -> Any:
    """Listen for later launches on this data folder; None when another app already runs on it
    and took ``play`` (it raced us past ``__main__``'s own hand-over)."""
    from app.ui.single_instance import InstanceServer, absolute, hand_over, server_name

    try:
        name = server_name(AppPaths.resolve(data_dir).data)
    except Exception:
        name = server_name(Path(str(data_dir or ".")))  # the start reports the folder's problem
    server = InstanceServer(name)
    if server.listen():
        return server
    if hand_over(name, [absolute(play)] if play else []):
        return None
    log.warning("another Cinema holds %s but did not answer: running without the single-instance lock", name)
    return server


def _storage_error_dialog(app: Any, data_dir: str | Path | None, error: StorageError) -> int:
    """The database could not be opened: a dialog names the file and what to do; exit code 2."""
    from app.ui.storage_dialog import show_storage_error

    log.error("cannot open the library: %s", error)
    try:
        language = load_settings(AppPaths.resolve(data_dir)).language
    except Exception:
        language = "system"
    _load_translations(app, language)
    show_storage_error(error)
    return 2


async def _cancel_pending(loop: Any) -> None:
    """Cancel the tasks still pending at quit (page queries, poster loads) and let them unwind."""
    import asyncio

    current = asyncio.current_task()
    pending = [t for t in asyncio.all_tasks(loop) if t is not current and not t.done()]
    for task in pending:
        task.cancel()
    if pending:
        await asyncio.gather(*pending, return_exceptions=True)
