"""Settings (pydantic, env prefix CINEMA_) and the folders the app keeps its state in.

The environment is read by ``settings_from_env`` rather than pydantic-settings: importing that
package cost ~180 ms of a ~450 ms start-up budget, for a job of a dozen lines.

Portable mode: ``--data-dir DIR`` or ``CINEMA_HOME`` puts data, config, cache and logs under
one folder; otherwise the platform's folders are used (platformdirs).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from pydantic import BaseModel, ConfigDict

APP_SLUG = "cinema"


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
            p.mkdir(parents=True, exist_ok=True)
        return paths


ENV_PREFIX = "CINEMA_"


class Settings(BaseModel):
    """User-tunable settings. Every external base URL is a setting. Environment: CINEMA_<NAME>."""

    model_config = ConfigDict(extra="ignore")

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
    poster_cache_mb: int = 24  # ~130 grid posters (5 screens); RSS at 20,000 titles stays under 200 MB
    demo_enabled: bool = True


def settings_from_env(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The settings given as CINEMA_<NAME> environment variables (pydantic converts the text)."""
    environ = os.environ if environ is None else environ
    found = {}
    for name in Settings.model_fields:
        value = environ.get(ENV_PREFIX + name.upper())
        if value is not None:
            found[name] = value
    return found


def load_settings(paths: AppPaths, **overrides: Any) -> Settings:
    """Settings from (lowest first) defaults, the settings file, the environment, overrides."""
    stored: dict[str, Any] = {}
    if paths.settings_file.exists():
        try:
            stored = json.loads(paths.settings_file.read_text("utf-8"))
        except (OSError, ValueError):
            stored = {}
    return Settings.model_validate({**stored, **settings_from_env(), **overrides})


def save_settings(paths: AppPaths, settings: Settings, **changes: Any) -> Settings:
    """Persist changed values to the settings file (atomically) and return the new settings."""
    updated = settings.model_copy(update=changes)
    stored: dict[str, Any] = {}
    if paths.settings_file.exists():
        try:
            stored = json.loads(paths.settings_file.read_text("utf-8"))
        except (OSError, ValueError):
            stored = {}
    stored.update(changes)
    tmp = paths.settings_file.with_suffix(".tmp")
    tmp.write_text(json.dumps(stored, ensure_ascii=False, indent=2), "utf-8")
    tmp.replace(paths.settings_file)
    return updated
