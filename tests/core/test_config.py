"""Settings: env prefix CINEMA_, a settings file, portable mode under one folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.config import AppPaths, SettingError, load_settings, save_settings


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
    monkeypatch.delenv("CINEMA_TMDB_BASE_URL", raising=False)  # tests/conftest.py points it at nothing
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


def test_values_are_converted_by_the_settings_type(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = AppPaths.resolve(tmp_path)
    monkeypatch.setenv("CINEMA_TORRENT_DHT", "off")
    monkeypatch.setenv("CINEMA_POSTER_CACHE_MB", "48")
    monkeypatch.setenv("CINEMA_TMDB_RATE_PER_SECOND", "12")
    settings = load_settings(paths)
    assert settings.torrent_dht is False
    assert settings.poster_cache_mb == 48
    assert settings.tmdb_rate_per_second == 12.0 and isinstance(settings.tmdb_rate_per_second, float)


def test_a_wrong_value_keeps_the_default_and_says_which(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    paths = AppPaths.resolve(tmp_path)
    paths.settings_file.write_text(
        '{"epg_keep_days": "a week", "torrent_dht": "maybe", "language": "ru", "from_the_future": 1}',
        "utf-8",
    )
    monkeypatch.setenv("CINEMA_STALL_TIMEOUT_S", "soon")
    with caplog.at_level("WARNING"):
        settings = load_settings(paths)
    assert settings.language == "ru"  # the good values are kept
    assert settings.epg_keep_days == 7 and settings.torrent_dht is True and settings.stall_timeout_s == 15.0
    text = caplog.text
    assert "epg_keep_days" in text and "'a week'" in text and "torrent_dht" in text
    assert "stall_timeout_s" in text and "environment" in text
    assert "from_the_future" in paths.settings_file.read_text("utf-8")  # nothing in the file is lost


def test_a_copy_with_a_wrong_value_is_refused(tmp_path: Path) -> None:
    settings = load_settings(AppPaths.resolve(tmp_path))
    with pytest.raises(SettingError, match="poster_cache_mb"):
        settings.model_copy(update={"poster_cache_mb": "big"})
    with pytest.raises(SettingError, match="unknown setting"):
        load_settings(AppPaths.resolve(tmp_path), no_such_thing=1)
    assert settings.model_copy(update={"poster_cache_mb": "32"}).poster_cache_mb == 32


def test_values_outside_their_range_keep_the_default_and_say_which(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Issue 19 item 11: 0 workers did nothing, a negative timeout and port 99999 broke later."""
    paths = AppPaths.resolve(tmp_path)
    paths.settings_file.write_text(
        '{"enrich_concurrency": 0, "http_timeout_s": -1, "torrent_stream_port": 99999, '
        '"watched_fraction": "nan"}',
        "utf-8",
    )
    monkeypatch.setenv("CINEMA_EPG_KEEP_DAYS", "-3")
    with caplog.at_level("WARNING"):
        settings = load_settings(paths)
    assert (settings.enrich_concurrency, settings.http_timeout_s, settings.torrent_stream_port) == (
        16,
        30.0,
        0,
    )
    assert settings.watched_fraction == 0.9 and settings.epg_keep_days == 7
    assert "enrich_concurrency: 0 is outside 1..64" in caplog.text
    assert "http_timeout_s: -1.0 is outside 0.1..600" in caplog.text
    assert "torrent_stream_port: 99999 is outside 0..65535" in caplog.text
    assert "epg_keep_days: -3 is outside 1..60" in caplog.text
    with pytest.raises(SettingError, match="torrent_stream_port"):
        settings.model_copy(update={"torrent_stream_port": 70000})
