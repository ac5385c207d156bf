"""The schema (SQLAlchemy Core). Times are unix seconds (UTC) in INTEGER columns."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

app_state = Table(
    "app_state",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)

titles = Table(
    "titles",
    metadata,
    Column("id", String, primary_key=True),  # tmdb:movie:603, shikimori:anime:5114, epg:film:...
    Column("kind", String, nullable=False, server_default="film"),
    Column("title", Text, nullable=False),
    Column("original_title", Text),
    Column("alt_titles", Text),  # JSON list
    Column("year", Integer),
    Column("overview", Text),
    Column("tagline", Text),
    Column("runtime", Integer),  # minutes
    Column("rating", Float),
    Column("votes", Integer),
    Column("genres", Text),  # JSON list of localised names
    Column("countries", Text),  # JSON list
    Column("original_language", String),
    Column("director", Text),
    Column("cast", Text),  # JSON list
    Column("trailer_url", Text),
    Column("tmdb_id", Integer),
    Column("shikimori_id", Integer),
    Column("imdb_id", String),
    Column("poster_path", Text),  # relative to the data dir or absolute (demo resources)
    Column("poster_thumb", Text),
    Column("poster_origin", String),  # tmdb, shikimori, preview, generated, demo
    Column("backdrop_path", Text),
    Column("extra", Text),  # JSON: anime score, episodes, status, studios ...
    Column("is_demo", Boolean, nullable=False, server_default="0"),
    Column("added_at", Integer, nullable=False),
    Column("updated_at", Integer, nullable=False),
    Column("certification", String),  # migration 0006: "RU 16+", "US PG-13"
    Column("min_age", Integer),  # migration 0006: the certification in years (kids' profiles)
)
Index("ix_titles_kind_rating", titles.c.kind, titles.c.rating)
Index("ix_titles_year", titles.c.year)
Index("ix_titles_added_at", titles.c.added_at)
Index("ix_titles_tmdb_id", titles.c.tmdb_id)
Index("ix_titles_shikimori_id", titles.c.shikimori_id)
Index("ix_titles_is_demo", titles.c.is_demo)
# migration 0003: the catalog's rating order (search ranks and "sort by rating" read it in order)
Index(
    "ix_titles_search_rank",
    titles.c.rating.is_(None),
    titles.c.rating.desc(),
    titles.c.votes.desc(),
    titles.c.title,
    titles.c.id,
    titles.c.kind,
    sqlite_where=titles.c.kind != "programme",
)

episodes = Table(
    "episodes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("title_id", String, ForeignKey("titles.id", ondelete="CASCADE"), nullable=False),
    Column("season", Integer, nullable=False, server_default="1"),
    Column("number", Integer, nullable=False),
    Column("name", Text),
    Column("overview", Text),
    Column("air_date", String),
    Column("runtime", Integer),
    Column("still_path", Text),  # migration 0007: the episode's still (path or URL)
    Column("tmdb_id", Integer),  # migration 0007: TMDB's episode id
    Column("imdb_id", String),  # migration 0007
    Column("updated_at", Integer),  # migration 0007: when the provider's answer was written
    UniqueConstraint("title_id", "season", "number", name="uq_episodes_title_season_number"),
)

guide_sources = Table(
    "guide_sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("kind", String, nullable=False),  # xmltv, m3u, provider_json
    Column("location", Text, nullable=False),  # URL or path
    Column("params", Text),  # JSON: query params / headers for provider JSON
    Column("enabled", Boolean, nullable=False, server_default="1"),
    Column("is_demo", Boolean, nullable=False, server_default="0"),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("content_hash", String),
    Column("last_refresh_at", Integer),
    Column("last_status", String),  # ok, unchanged, error
    Column("last_error", Text),
    Column("channels_count", Integer, nullable=False, server_default="0"),
    Column("programmes_count", Integer, nullable=False, server_default="0"),
    Column("films_count", Integer, nullable=False, server_default="0"),
    Column("unmatched_channels", Text),  # JSON list
    Column("created_at", Integer, nullable=False),
)

channels = Table(
    "channels",
    metadata,
    Column("id", String, primary_key=True),  # "<source id>:<guide channel id>"
    Column("source_id", Integer, ForeignKey("guide_sources.id", ondelete="CASCADE"), nullable=False),
    Column("guide_id", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("display_names", Text),  # JSON list
    Column("logo", Text),
    Column("group_title", Text),
    Column("number", Integer),
    Column("stream_url", Text),
    Column("headers", Text),  # JSON: User-Agent, Referer from #EXTVLCOPT or pipe headers
    Column("catchup_mode", String),
    Column("catchup_source", Text),
    Column("catchup_days", Integer),
    Column("tvg_shift", Float),
    Column("catchup_correction", Float),  # migration 0004: hours off the catch-up URL's times
    Column("position", Integer),  # migration 0004: the order of the playlist
)
Index("ix_channels_source_id", channels.c.source_id)

programmes = Table(
    "programmes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source_id", Integer, ForeignKey("guide_sources.id", ondelete="CASCADE"), nullable=False),
    Column("channel_id", String, nullable=False),
    Column("start", Integer, nullable=False),
    Column("stop", Integer),
    Column("title", Text, nullable=False),
    Column("norm_title", Text),
    Column("subtitle", Text),
    Column("description", Text),
    Column("category", Text),
    Column("kind", String, nullable=False, server_default="programme"),
    Column("film_key", Text),  # normalised title + year hint: one film, many airings
    Column("year_hint", Integer),
    Column("country_hint", Text),
    Column("director_hint", Text),
    Column("episode", Text),
    Column("icon", Text),
    Column("catchup_id", Text),
    Column("title_id", String),  # matched title (not a FK: guide rows are replaced wholesale)
    Column("season", Integer),  # migration 0007: a series airing's season, where the guide says
    Column("episode_num", Integer),  # migration 0007: ... and episode number
)
Index("ix_programmes_start", programmes.c.start)
Index("ix_programmes_channel_start", programmes.c.channel_id, programmes.c.start)
Index("ix_programmes_kind_start", programmes.c.kind, programmes.c.start)
Index("ix_programmes_title_id_start", programmes.c.title_id, programmes.c.start)
Index("ix_programmes_film_key", programmes.c.film_key)
Index("ix_programmes_source_id", programmes.c.source_id)

title_matches = Table(
    "title_matches",
    metadata,
    Column("film_key", Text, primary_key=True),
    Column("kind", String, nullable=False, server_default="film"),
    Column("title_id", String),  # null while unmatched
    Column("score", Float),
    Column("candidates", Text),  # JSON list of {id, title, year, score, poster}
    Column("status", String, nullable=False, server_default="pending"),  # pending, matched, unmatched, manual
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("checked_at", Integer),
)
Index("ix_title_matches_status", title_matches.c.status)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("title_id", String, ForeignKey("titles.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String, nullable=False),  # torrent, hls, direct, iptv-live, iptv-catchup
    Column("url", Text, nullable=False),
    Column("label", Text),
    Column("quality", String),
    Column("headers", Text),
    Column("score", Float, nullable=False, server_default="0"),
    Column("health", String, nullable=False, server_default="unknown"),
    Column("last_checked_at", Integer),
    Column("added_at", Integer, nullable=False),
    # migration 0005 (issue 14): who found it, the torrent, the parsed release, the ranking
    Column("provider", String),  # the stream provider's manifest id
    Column("info_hash", String),  # 40 hex, lower case (duplicates merge on it)
    Column("file_idx", Integer),
    Column("size_bytes", BigInteger),
    Column("seeders", Integer),
    Column("peers", Integer),
    Column("grabs", Integer),
    Column("release", Text),  # JSON: the normalised release fields (app.domain.release)
    Column("components", Text),  # JSON: the ranking's components (why first)
    Column("origin", String, nullable=False, server_default="search"),  # search, user, demo
    Column("availability", Float),  # 0..1 from health checks and playback outcomes
    Column("plays", Integer, nullable=False, server_default="0"),
    Column("failures", Integer, nullable=False, server_default="0"),
    Column("last_seen_at", Integer),  # the last search that still found it
    UniqueConstraint("title_id", "url", name="uq_sources_title_url"),
)
Index("ix_sources_title_id", sources.c.title_id)
Index("ix_sources_info_hash", sources.c.info_hash)
Index("ix_sources_url", sources.c.url)

# ---------------------------------------------------------------- sources (migration 0005)

stream_providers = Table(
    "stream_providers",
    metadata,
    Column("id", String, primary_key=True),  # torznab:jackett, stremio:torrentio, nyaa, rutube, user
    Column("kind", String, nullable=False),  # torznab, stremio, nyaa, rutube, user
    Column("name", Text, nullable=False),
    Column("url", Text),  # without key or addon configuration (those live in the keyring)
    Column("enabled", Boolean, nullable=False, server_default="1"),
    Column("manifest", Text),  # JSON: Torznab caps or the Stremio manifest as read
    Column("manifest_at", Integer),
    Column("status", String, nullable=False, server_default="unknown"),  # ok, error, unknown
    Column("last_error", Text),
    Column("last_ok_at", Integer),
    Column("last_error_at", Integer),
    Column("latency_ms", Integer),  # moving average of answered searches
    Column("successes", Integer, nullable=False, server_default="0"),
    Column("failures", Integer, nullable=False, server_default="0"),
    Column("added_at", Integer, nullable=False),
)

provider_events = Table(
    "provider_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("provider_id", String, nullable=False),
    Column("at", Integer, nullable=False),
    Column("action", String, nullable=False),  # added, removed, failed, recovered, enabled, disabled
    Column("detail", Text),
)
Index("ix_provider_events_at", provider_events.c.at)

source_outcomes = Table(
    "source_outcomes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("title_id", String),
    Column("url", Text, nullable=False),
    Column("provider", String),
    Column("at", Integer, nullable=False),
    Column("ok", Boolean, nullable=False),
    Column("first_frame_ms", Integer),
    Column("stalls", Integer, nullable=False, server_default="0"),
    Column("error", Text),
)
Index("ix_source_outcomes_url", source_outcomes.c.url)
Index("ix_source_outcomes_provider", source_outcomes.c.provider)

source_searches = Table(
    "source_searches",
    metadata,
    Column("title_id", String, primary_key=True),
    Column("searched_at", Integer, nullable=False),
    Column("found", Integer, nullable=False, server_default="0"),
    Column("providers", Text),  # JSON: {provider id: "ok" | error message}
)

profiles = Table(
    "profiles",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("is_default", Boolean, nullable=False, server_default="0"),
    Column("created_at", Integer, nullable=False),
    # migration 0006 (issue 15): avatar, PIN (rate-limited), kids' limit, languages, preferences
    Column("avatar_color", String),  # "#rrggbb"
    Column("avatar_letter", String),
    Column("pin_hash", Text),  # "pbkdf2_sha256$iterations$salt$hash"
    Column("pin_failures", Integer, nullable=False, server_default="0"),
    Column("pin_locked_until", Integer),
    Column("is_kids", Boolean, nullable=False, server_default="0"),
    Column("max_age", Integer),  # the highest age rating allowed (years, RU scale)
    Column("ui_language", String),  # null: the app's setting
    Column("audio_language", String),
    Column("subtitle_language", String),
    Column("source_prefs", Text),  # JSON: the source preferences of this profile
    Column("last_used_at", Integer),
    Column("uid", String),  # migration 0008: the same profile on every device (issue 17)
)
Index("ix_profiles_name", profiles.c.name, unique=True)
Index("ix_profiles_uid", profiles.c.uid, unique=True)

progress = Table(
    "progress",
    metadata,
    Column("profile_id", Integer, ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False),
    Column("item_key", String, nullable=False),  # a title id or media:<hash>
    Column("title_id", String),
    Column("position_ms", Integer, nullable=False, server_default="0"),
    Column("duration_ms", Integer),
    Column("watched", Boolean, nullable=False, server_default="0"),
    Column("view_count", Integer, nullable=False, server_default="0"),
    Column("updated_at", Integer, nullable=False),
    Column("watched_at", Integer),  # migration 0006: when it was marked watched
    PrimaryKeyConstraint("profile_id", "item_key"),
)
Index("ix_progress_profile_updated", progress.c.profile_id, progress.c.updated_at)

series_releases = Table(  # migration 0007: the release a profile watches a series in (issue 16)
    "series_releases",
    metadata,
    Column("profile_id", Integer, ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False),
    Column("title_id", String, nullable=False),  # the series
    Column("binge_group", Text, nullable=False),  # Stremio's behaviorHints.bingeGroup
    Column("updated_at", Integer, nullable=False),
    PrimaryKeyConstraint("profile_id", "title_id"),
)

history = Table(
    "history",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("profile_id", Integer, ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False),
    Column("item_key", String, nullable=False),
    Column("title_id", String),
    Column("label", Text, nullable=False),
    Column("location", Text, nullable=False),
    Column("started_at", Integer, nullable=False),
    Column("ended_at", Integer),
    Column("position_ms", Integer, nullable=False, server_default="0"),
    Column("duration_ms", Integer),
    # migration 0006: the time actually played, and the source a play used (statistics)
    Column("watched_ms", Integer, nullable=False, server_default="0"),
    Column("provider", String),
    Column("source_kind", String),
    Column("uid", String),  # migration 0008
)
Index("ix_history_uid", history.c.uid, unique=True)
Index("ix_history_profile_started", history.c.profile_id, history.c.started_at)

watchlist = Table(
    "watchlist",
    metadata,
    Column("profile_id", Integer, ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False),
    Column("title_id", String, ForeignKey("titles.id", ondelete="CASCADE"), nullable=False),
    Column("added_at", Integer, nullable=False),
    PrimaryKeyConstraint("profile_id", "title_id"),
)

playlists = Table(
    "playlists",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("profile_id", Integer, ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False),
    Column("name", Text, nullable=False),
    Column("created_at", Integer, nullable=False),
    # migration 0006: a change made from a stale view is refused (two windows, two processes)
    Column("version", Integer, nullable=False, server_default="0"),
    Column("updated_at", Integer),
    Column("uid", String),  # migration 0008
)
Index("ix_playlists_uid", playlists.c.uid, unique=True)

# migration 0006: any playable item (a title, or a path/URL from an imported M3U); the title id
# is not a foreign key so that an item survives a guide clean-up
playlist_items = Table(
    "playlist_items",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("playlist_id", Integer, ForeignKey("playlists.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("item_key", String, nullable=False),  # a title id or media:<hash>
    Column("title_id", String),
    Column("label", Text, nullable=False),
    Column("location", Text),  # a path or URL (imported items)
    Column("duration_ms", Integer),
    Column("added_at", Integer, nullable=False),
    Column("uid", String),  # migration 0008
)
Index("ix_playlist_items_uid", playlist_items.c.uid, unique=True)
Index("ix_playlist_items_playlist_position", playlist_items.c.playlist_id, playlist_items.c.position)

discovery_rows = Table(
    "discovery_rows",
    metadata,
    Column("key", String, primary_key=True),  # popular, trending, new, anime_season, recommended:<profile>
    Column("profile_id", Integer, ForeignKey("profiles.id", ondelete="CASCADE")),
    Column("items", Text, nullable=False),  # JSON list of {"title_id", "reason"}
    Column("refreshed_at", Integer, nullable=False),
    Column("error", Text),
)

provider_cache = Table(
    "provider_cache",
    metadata,
    Column("provider", String, nullable=False),
    Column("key", Text, nullable=False),
    Column("status", String, nullable=False, server_default="ok"),  # ok, not_found
    Column("value", Text),
    Column("fetched_at", Integer, nullable=False),
    Column("expires_at", Integer, nullable=False),
    PrimaryKeyConstraint("provider", "key"),
)
Index("ix_provider_cache_expires_at", provider_cache.c.expires_at)

refresh_runs = Table(
    "refresh_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String, nullable=False),  # epg, enrich, sources
    Column("source_id", Integer),
    Column("started_at", Integer, nullable=False),
    Column("finished_at", Integer),
    Column("status", String, nullable=False, server_default="running"),  # running, ok, error
    Column("stats", Text),  # JSON
    Column("error", Text),
)
Index("ix_refresh_runs_kind_started", refresh_runs.c.kind, refresh_runs.c.started_at)

torrents = Table(
    "torrents",
    metadata,
    Column("info_hash", String, primary_key=True),
    Column("name", Text),
    Column("source", Text, nullable=False),  # magnet or .torrent path
    Column("title_id", String),
    Column("total_size", BigInteger),  # bytes: a film over 2 GiB overflows a 32-bit INTEGER
    Column("keep", Boolean, nullable=False, server_default="0"),
    Column("added_at", Integer, nullable=False),
    Column("last_access_at", Integer, nullable=False),
    # migration 0009 (issue 18): the Downloads page
    Column("paused", Boolean, nullable=False, server_default="0"),  # paused by the user
    Column("done_bytes", BigInteger),  # downloaded when last seen in the session
    Column("completed_at", Integer),  # a kept torrent finished downloading
    Column("file_index", Integer),  # the file played (Keep for offline finishes it)
)

# ---------------------------------------------------------------- subtitles (migration 0009)

subtitle_files = Table(
    "subtitle_files",
    metadata,
    Column("provider", String, nullable=False),
    Column("file_id", String, nullable=False),
    Column("language", String, nullable=False),
    Column("release", Text),
    Column("file_name", Text, nullable=False),
    Column("path", Text, nullable=False),  # the cached file
    Column("item_key", String),  # what it was found for
    Column("moviehash", String),
    Column("downloaded_at", Integer, nullable=False),
    PrimaryKeyConstraint("provider", "file_id", name="pk_subtitle_files"),
)
Index("ix_subtitle_files_item_key", subtitle_files.c.item_key)

# ---------------------------------------------------------------- TV (migration 0004)

guide_pairs = Table(
    "guide_pairs",
    metadata,
    Column("playlist_id", Integer, ForeignKey("guide_sources.id", ondelete="CASCADE"), nullable=False),
    Column("guide_id", Integer, ForeignKey("guide_sources.id", ondelete="CASCADE"), nullable=False),
    Column("origin", String, nullable=False, server_default="manual"),  # manual, auto, off
    Column("created_at", Integer, nullable=False),
    PrimaryKeyConstraint("playlist_id", "guide_id"),
)

channel_links = Table(
    "channel_links",
    metadata,
    Column("playlist_channel_id", String, primary_key=True),  # channels.id of a playlist channel
    Column("playlist_id", Integer, ForeignKey("guide_sources.id", ondelete="CASCADE"), nullable=False),
    Column("guide_channel_id", String),  # channels.id of the guide channel; null: none fits
    Column("method", String, nullable=False),  # tvg-id, name, fuzzy, manual, none
    Column("score", Float),
    Column("updated_at", Integer, nullable=False),
)
Index("ix_channel_links_guide_channel_id", channel_links.c.guide_channel_id)
Index("ix_channel_links_playlist_id", channel_links.c.playlist_id)

favourite_channels = Table(
    "favourite_channels",
    metadata,
    Column("profile_id", Integer, ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False),
    Column("channel_id", String, nullable=False),
    Column("added_at", Integer, nullable=False),
    PrimaryKeyConstraint("profile_id", "channel_id"),
)

reminders = Table(
    "reminders",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("profile_id", Integer, ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String, nullable=False),  # airing (one channel and start) or title (any airing)
    Column("title_id", String),
    Column("channel_id", String),
    Column("start", Integer),
    Column("stop", Integer),
    Column("label", Text, nullable=False),
    Column("channel_name", Text),
    Column("auto_play", Boolean, nullable=False, server_default="0"),  # "Watch live at 21:00"
    Column("fired_start", Integer),  # the start of the last airing it fired for
    Column("created_at", Integer, nullable=False),
    Column("uid", String),  # migration 0008
)
Index("ix_reminders_uid", reminders.c.uid, unique=True)
Index("ix_reminders_profile_id", reminders.c.profile_id)

announced_airings = Table(
    "announced_airings",
    metadata,
    Column("profile_id", Integer, ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False),
    Column("title_id", String, nullable=False),
    Column("channel_id", String, nullable=False),
    Column("start", Integer, nullable=False),
    PrimaryKeyConstraint("profile_id", "title_id", "channel_id", "start"),
)

# ---------------------------------------------------------------- sync (migration 0008, issue 17)

sync_control = Table(  # one row (id 1): capture on/off, applying another device's change, this device
    "sync_control",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("capture", Boolean, nullable=False, server_default="0"),
    Column("applying", Boolean, nullable=False, server_default="0"),
    Column("device", String),
)

sync_outbox = Table(  # the rows changed here and not yet on the library server, in order
    "sync_outbox",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("entity", String, nullable=False),
    Column("key", Text, nullable=False),
    Column("op", String, nullable=False),  # put, del
    Column("at", BigInteger, nullable=False),  # unix ms of the first change waiting
    Column("rev", Integer, nullable=False, server_default="0"),  # bumped by each newer change
    UniqueConstraint("entity", "key", name="uq_sync_outbox_entity_key"),
)

sync_stamps = Table(  # per row: the clock of its last change, who made it, tombstones
    "sync_stamps",
    metadata,
    Column("entity", String, nullable=False),
    Column("key", Text, nullable=False),
    Column("clock", BigInteger, nullable=False),  # unix ms (progress: when it was watched)
    Column("clock2", BigInteger, nullable=False, server_default="0"),  # progress: the watched mark
    Column("device", String, nullable=False),
    Column("deleted", Boolean, nullable=False, server_default="0"),
    PrimaryKeyConstraint("entity", "key"),
)

sync_log = Table(  # the server's accepted changes in commit order (devices read from a cursor)
    "sync_log",
    metadata,
    Column("seq", BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True),
    Column("entity", String, nullable=False),
    Column("key", Text, nullable=False),
    Column("op", String, nullable=False),
    Column("data", Text),  # JSON: the row in its global form (null for a deletion)
    Column("clock", BigInteger, nullable=False),
    Column("clock2", BigInteger, nullable=False, server_default="0"),
    Column("device", String, nullable=False),
    Column("at", BigInteger, nullable=False),
)
Index("ix_sync_log_entity_key", sync_log.c.entity, sync_log.c.key, sync_log.c.seq)

sync_devices = Table(  # the server's devices sharing the library
    "sync_devices",
    metadata,
    Column("device", String, primary_key=True),
    Column("name", Text),
    Column("first_seen_at", BigInteger, nullable=False),
    Column("last_seen_at", BigInteger, nullable=False),
)
