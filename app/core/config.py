"""Settings (env prefix CINEMA_) and the folders the app keeps its state in.

Settings is a frozen dataclass whose fields are converted and checked by their annotated type
(``_coerce``), not a pydantic model: importing pydantic and building the model cost ~150 ms of
a ~500 ms start-up, before the first window could paint. The environment is read the same way
(``settings_from_env``) rather than by pydantic-settings (~180 ms of imports).

A wrong value in the settings file or the environment never stops the app: the default is used
and a warning names the setting and the value.

Portable mode: ``--data-dir DIR`` or ``CINEMA_HOME`` puts data, config, cache and logs under
one folder; otherwise the platform's folders are used (platformdirs).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from app.domain.errors import CinemaError

log = logging.getLogger(__name__)

APP_SLUG = "cinema"


class DataDirError(CinemaError):
    """A folder of the app's state cannot be created."""


@dataclass(frozen=True)
class AppPaths:
    data: Path
    config: Path
    cache: Path
    logs: Path

    @property
    def database(self) -> Path:
        return self.data / "cinema.sqlite3"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    @property
    def posters(self) -> Path:
        return self.data / "images"

    @classmethod
    def resolve(cls, home: str | os.PathLike[str] | None = None) -> AppPaths:
        home = home or os.environ.get("CINEMA_HOME") or None
        if home:
            root = Path(home).expanduser().resolve()
            paths = cls(root / "data", root / "config", root / "cache", root / "logs")
        else:
            paths = cls(
                Path(platformdirs.user_data_dir(APP_SLUG, appauthor=False)),
                Path(platformdirs.user_config_dir(APP_SLUG, appauthor=False)),
                Path(platformdirs.user_cache_dir(APP_SLUG, appauthor=False)),
                Path(platformdirs.user_log_dir(APP_SLUG, appauthor=False)),
            )
        for p in (paths.data, paths.config, paths.cache, paths.logs):
            try:
                p.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                if not p.is_dir():  # an existing read-only folder is fine: reading works
                    raise DataDirError(
                        f"Cannot create the folder {p} ({exc.strerror or exc}): choose a writable "
                        "data folder (--data-dir or CINEMA_HOME)."
                    ) from exc
        return paths


ENV_PREFIX = "CINEMA_"


@dataclass(frozen=True, slots=True)
class Settings:
    """User-tunable settings. Every external base URL is a setting. Environment: CINEMA_<NAME>."""

    language: str = "system"  # UI language: system, ru or en
    metadata_language: str = "ru-RU"
    tmdb_base_url: str = "https://api.themoviedb.org/3"
    tmdb_image_base_url: str = "https://image.tmdb.org/t/p/"
    tmdb_rate_per_second: float = 40.0
    shikimori_base_url: str = "https://shikimori.io"
    enrich_concurrency: int = 16
    match_threshold: float = 0.8
    http_timeout_s: float = 30.0
    feed_max_bytes: int = 2 * 1024**3
    # a whole guide download ends by then (issue 19 item 8): http_timeout_s is per read
    download_deadline_s: float = 1800.0
    epg_keep_days: int = 7
    guide_refresh_hours: float = 6.0  # background refresh of guides, then enrichment
    progress_interval_s: float = 5.0
    watched_fraction: float = 0.9
    first_frame_timeout_s: float = 20.0
    stall_timeout_s: float = 15.0  # no progress this long while playing: switch source
    vlc_args: str = ""  # extra libvlc arguments, space separated
    network_caching_ms: int = 1000
    torrent_cache_gb: float = 10.0
    torrent_listen_interfaces: str = "0.0.0.0:6881,[::]:6881"
    torrent_dht: bool = True
    torrent_lsd: bool = True
    torrent_upnp: bool = True
    torrent_natpmp: bool = True
    torrent_tick_interval_ms: int = 100
    torrent_metadata_timeout_s: float = 60.0
    torrent_stream_port: int = 0  # local stream server port; 0 picks a free one
    db_busy_timeout_s: float = 15.0  # a writer waits this long for another process's lock, then says "busy"
    poster_cache_mb: int = 24  # ~130 grid posters (5 screens); RSS at 20,000 titles stays under 200 MB
    demo_enabled: bool = True
    close_to_tray: bool = True  # closing the window hides it in the tray (when there is one)
    tray_notifications: bool = True  # a tray message when a background refresh finds new titles
    tray_hint_shown: bool = False  # the "keeps running in the tray" message was shown once
    # sources (issue 14)
    nyaa_base_url: str = "https://nyaa.si"
    rutube_base_url: str = "https://rutube.ru"
    sources_timeout_s: float = 8.0  # one stream provider's search; the others never wait for it
    sources_cache_hours: float = 6.0  # a title's search is asked again after this long
    sources_recheck_hours: float = 12.0  # watchlisted titles are searched again in the background
    sources_max_quality: str = ""  # 2160p, 1080p, 720p, 480p; empty: no limit
    sources_max_size_gb: float = 0.0  # 0: no limit
    sources_audio_languages: str = ""  # ISO 639-1, comma separated; empty: the UI language's
    sources_subtitle_languages: str = ""  # empty: the UI language's, then English
    media_folders: str = ""  # folders (os.pathsep separated) besides home that own links may point into
    # TV (issue 13): catch-up padding around an airing, the zone of date placeholders in catch-up
    # URLs ("" = this computer's, as Kodi), archive days of a channel that names none, reminders
    catchup_pad_before_min: int = 1
    catchup_pad_after_min: int = 5
    catchup_timezone: str = ""
    catchup_default_days: int = 5
    reminder_minutes: int = 5  # a reminder this many minutes before the airing starts
    # library and discovery (issue 15): Home's rows from TMDB and Shikimori are fetched again
    # after this long, in the background (0: only when asked)
    discovery_refresh_hours: float = 6.0
    # desktop habits (issue 18)
    opensubtitles_base_url: str = "https://api.opensubtitles.com/api/v1"
    welcome_done: bool = False  # the first-run welcome was finished or skipped
    window_geometry: str = ""  # the main window's place and size: "x,y,width,height[,max]"
    # shared library (issue 17): a PostgreSQL URL without its password (that is in the keyring);
    # empty: the library stays in this device's SQLite only
    library_url: str = ""

    def model_copy(self, *, update: Mapping[str, Any]) -> Settings:
        """A copy with some settings changed; each value is checked like a loaded one."""
        return replace(self, **{name: _coerce(name, value) for name, value in update.items()})


_TYPES: dict[str, type] = {"str": str, "int": int, "float": float, "bool": bool}
_FIELD_TYPES: dict[str, type] = {f.name: _TYPES[str(f.type)] for f in fields(Settings)}
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


class SettingError(ValueError):
    pass


# Allowed ranges (inclusive) of numeric settings: outside them a value means nothing useful
# (0 workers, a negative timeout) or breaks later (a port above 65535).
_RANGES: dict[str, tuple[float, float]] = {
    "tmdb_rate_per_second": (0.1, 1000),
    "enrich_concurrency": (1, 64),
    "match_threshold": (0.0, 1.0),
    "http_timeout_s": (0.1, 600),
    "feed_max_bytes": (1, 64 * 1024**3),
    "download_deadline_s": (1, 7 * 24 * 3600),
    "epg_keep_days": (1, 60),
    "guide_refresh_hours": (0.25, 24 * 7),
    "progress_interval_s": (0.01, 3600),
    "watched_fraction": (0.1, 1.0),
    "first_frame_timeout_s": (0.1, 3600),
    "stall_timeout_s": (0.1, 3600),
    "network_caching_ms": (0, 60_000),
    "torrent_cache_gb": (0.1, 10_000),
    "torrent_tick_interval_ms": (1, 5000),
    "torrent_metadata_timeout_s": (0.1, 3600),
    "torrent_stream_port": (0, 65535),
    "poster_cache_mb": (1, 4096),
    "db_busy_timeout_s": (0.05, 600),
    "sources_timeout_s": (0.1, 120),
    "sources_cache_hours": (0, 24 * 30),
    "sources_recheck_hours": (0.25, 24 * 30),
    "sources_max_size_gb": (0, 10_000),
    "catchup_pad_before_min": (0, 120),
    "catchup_pad_after_min": (0, 240),
    "catchup_default_days": (1, 60),
    "reminder_minutes": (0, 24 * 60),
    "discovery_refresh_hours": (0, 24 * 30),
}


def _in_range(name: str, value: Any) -> Any:
    bounds = _RANGES.get(name)
    if bounds is not None and not bounds[0] <= value <= bounds[1]:
        low, high = (int(b) if float(b).is_integer() else b for b in bounds)
        raise SettingError(f"{name}: {value!r} is outside {low}..{high}")
    return value


def _coerce(name: str, value: Any) -> Any:
    """``value`` as the type of setting ``name``; SettingError when it cannot be one."""
    kind = _FIELD_TYPES.get(name)
    if kind is None:
        raise SettingError(f"unknown setting {name!r}")
    if kind is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, int) and value in (0, 1):
            return bool(value)
        if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            return value.strip().lower() in _TRUE
    elif kind in (int, float):
        if isinstance(value, int) and not isinstance(value, bool):
            return _in_range(name, kind(value))
        if isinstance(value, float) and (kind is float or value.is_integer()):
            return _in_range(name, kind(value))  # 3.0 is a fine int; 2.5 is not
        if isinstance(value, str):
            try:
                number = kind(value.strip())
            except ValueError:
                pass
            else:
                return _in_range(name, number)  # NaN is in no range
    elif isinstance(value, str):
        return value
    raise SettingError(f"{name}: expected {kind.__name__}, got {value!r}")


def settings_from_env(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The settings given as CINEMA_<NAME> environment variables (as text; loading converts it)."""
    environ = os.environ if environ is None else environ
    found = {}
    for name in _FIELD_TYPES:
        value = environ.get(ENV_PREFIX + name.upper())
        if value is not None:
            found[name] = value
    return found


def _read_file(paths: AppPaths) -> dict[str, Any]:
    if not paths.settings_file.exists():
        return {}
    try:
        stored = json.loads(paths.settings_file.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        log.warning("settings file %s unreadable (%s): using defaults", paths.settings_file, exc)
        return {}
    if not isinstance(stored, dict):
        log.warning("settings file %s holds no object: using defaults", paths.settings_file)
        return {}
    return stored


def load_settings(paths: AppPaths, **overrides: Any) -> Settings:
    """Settings from (lowest first) defaults, the settings file, the environment, overrides.

    Unknown names in the file are ignored (an older or newer version wrote them); a value that
    is not of the setting's type is skipped with a warning. Overrides come from code: a wrong
    one raises SettingError.
    """
    values: dict[str, Any] = {}
    for origin, given in (("settings file", _read_file(paths)), ("environment", settings_from_env())):
        for name, value in given.items():
            if name not in _FIELD_TYPES:
                continue
            try:
                values[name] = _coerce(name, value)
            except SettingError as exc:
                log.warning("%s: %s; using %r instead", origin, exc, values.get(name, "the default"))
    values.update({name: _coerce(name, value) for name, value in overrides.items()})
    return Settings(**values)


def save_settings(paths: AppPaths, settings: Settings, **changes: Any) -> Settings:
    """Persist changed values to the settings file (atomically) and return the new settings."""
    updated = settings.model_copy(update=changes)
    stored = _read_file(paths)
    stored.update({name: getattr(updated, name) for name in changes})
    tmp = paths.settings_file.with_suffix(".tmp")
    tmp.write_text(json.dumps(stored, ensure_ascii=False, indent=2), "utf-8")
    tmp.replace(paths.settings_file)
    return updated
