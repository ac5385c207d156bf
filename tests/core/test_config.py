"""Settings: env prefix CINEMA_, a settings file, portable mode under one folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.config import AppPaths, load_settings, save_settings


def test_portable_home_keeps_everything_under_one_folder(tmp_path: Path) -> None:
    paths = AppPaths.resolve(tmp_path / "portable")
    for folder in (paths.data, paths.config, paths.cache, paths.logs):
        assert folder.is_dir() and folder.is_relative_to(tmp_path / "portable")
    assert paths.database.parent == paths.data


def test_cinema_home_env_is_portable_mode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CINEMA_HOME", str(tmp_path / "h"))
    assert AppPaths.resolve().data == (tmp_path / "h" / "data").resolve()


def test_env_overrides_file_and_file_overrides_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = AppPaths.resolve(tmp_path)
    settings = load_settings(paths)
    assert settings.tmdb_base_url.startswith("https://")  # every base URL is a setting
    save_settings(paths, settings, tmdb_base_url="http://127.0.0.1:9/3", epg_keep_days=3)
    assert load_settings(paths).tmdb_base_url == "http://127.0.0.1:9/3"
    monkeypatch.setenv("CINEMA_EPG_KEEP_DAYS", "9")
    again = load_settings(paths)
    assert again.epg_keep_days == 9 and again.tmdb_base_url == "http://127.0.0.1:9/3"


def test_a_broken_settings_file_falls_back_to_defaults(tmp_path: Path) -> None:
    paths = AppPaths.resolve(tmp_path)
    paths.settings_file.write_text("{not json", "utf-8")
    assert load_settings(paths).progress_interval_s == 5.0
