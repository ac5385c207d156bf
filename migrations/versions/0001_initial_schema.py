"""Initial schema: the whole data model of DESIGN.md section 4, with a default profile.

Revision ID: 0001
Revises: 
Create Date: 2026-11-21
"""

import time

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('app_state',
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_app_state'))
    )
    op.create_table('guide_sources',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('location', sa.Text(), nullable=False),
    sa.Column('params', sa.Text(), nullable=True),
    sa.Column('enabled', sa.Boolean(), server_default='1', nullable=False),
    sa.Column('is_demo', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('etag', sa.Text(), nullable=True),
    sa.Column('last_modified', sa.Text(), nullable=True),
    sa.Column('content_hash', sa.String(), nullable=True),
    sa.Column('last_refresh_at', sa.Integer(), nullable=True),
    sa.Column('last_status', sa.String(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('channels_count', sa.Integer(), server_default='0', nullable=False),
    sa.Column('programmes_count', sa.Integer(), server_default='0', nullable=False),
    sa.Column('films_count', sa.Integer(), server_default='0', nullable=False),
    sa.Column('unmatched_channels', sa.Text(), nullable=True),
    sa.Column('created_at', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_guide_sources'))
    )
    op.create_table('profiles',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('is_default', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('created_at', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_profiles'))
    )
    op.create_table('provider_cache',
    sa.Column('provider', sa.String(), nullable=False),
    sa.Column('key', sa.Text(), nullable=False),
    sa.Column('status', sa.String(), server_default='ok', nullable=False),
    sa.Column('value', sa.Text(), nullable=True),
    sa.Column('fetched_at', sa.Integer(), nullable=False),
    sa.Column('expires_at', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('provider', 'key', name=op.f('pk_provider_cache'))
    )
    with op.batch_alter_table('provider_cache', schema=None) as batch_op:
        batch_op.create_index('ix_provider_cache_expires_at', ['expires_at'], unique=False)

    op.create_table('refresh_runs',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.Column('started_at', sa.Integer(), nullable=False),
    sa.Column('finished_at', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(), server_default='running', nullable=False),
    sa.Column('stats', sa.Text(), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_refresh_runs'))
    )
    with op.batch_alter_table('refresh_runs', schema=None) as batch_op:
        batch_op.create_index('ix_refresh_runs_kind_started', ['kind', 'started_at'], unique=False)

    op.create_table('title_matches',
    sa.Column('film_key', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(), server_default='film', nullable=False),
    sa.Column('title_id', sa.String(), nullable=True),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('candidates', sa.Text(), nullable=True),
    sa.Column('status', sa.String(), server_default='pending', nullable=False),
    sa.Column('attempts', sa.Integer(), server_default='0', nullable=False),
    sa.Column('checked_at', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('film_key', name=op.f('pk_title_matches'))
    )
    with op.batch_alter_table('title_matches', schema=None) as batch_op:
        batch_op.create_index('ix_title_matches_status', ['status'], unique=False)

    op.create_table('titles',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), server_default='film', nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('original_title', sa.Text(), nullable=True),
    sa.Column('alt_titles', sa.Text(), nullable=True),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('overview', sa.Text(), nullable=True),
    sa.Column('tagline', sa.Text(), nullable=True),
    sa.Column('runtime', sa.Integer(), nullable=True),
    sa.Column('rating', sa.Float(), nullable=True),
    sa.Column('votes', sa.Integer(), nullable=True),
    sa.Column('genres', sa.Text(), nullable=True),
    sa.Column('countries', sa.Text(), nullable=True),
    sa.Column('original_language', sa.String(), nullable=True),
    sa.Column('director', sa.Text(), nullable=True),
    sa.Column('cast', sa.Text(), nullable=True),
    sa.Column('trailer_url', sa.Text(), nullable=True),
    sa.Column('tmdb_id', sa.Integer(), nullable=True),
    sa.Column('shikimori_id', sa.Integer(), nullable=True),
    sa.Column('imdb_id', sa.String(), nullable=True),
    sa.Column('poster_path', sa.Text(), nullable=True),
    sa.Column('poster_thumb', sa.Text(), nullable=True),
    sa.Column('poster_origin', sa.String(), nullable=True),
    sa.Column('backdrop_path', sa.Text(), nullable=True),
    sa.Column('extra', sa.Text(), nullable=True),
    sa.Column('is_demo', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('added_at', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_titles'))
    )
    with op.batch_alter_table('titles', schema=None) as batch_op:
        batch_op.create_index('ix_titles_added_at', ['added_at'], unique=False)
        batch_op.create_index('ix_titles_is_demo', ['is_demo'], unique=False)
        batch_op.create_index('ix_titles_kind_rating', ['kind', 'rating'], unique=False)
        batch_op.create_index('ix_titles_shikimori_id', ['shikimori_id'], unique=False)
        batch_op.create_index('ix_titles_tmdb_id', ['tmdb_id'], unique=False)
        batch_op.create_index('ix_titles_year', ['year'], unique=False)

    op.create_table('torrents',
    sa.Column('info_hash', sa.String(), nullable=False),
    sa.Column('name', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('title_id', sa.String(), nullable=True),
    sa.Column('total_size', sa.BigInteger(), nullable=True),  # bytes: > 2 GiB overflows PostgreSQL's INTEGER
    sa.Column('keep', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('added_at', sa.Integer(), nullable=False),
    sa.Column('last_access_at', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('info_hash', name=op.f('pk_torrents'))
    )
    op.create_table('channels',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('guide_id', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('display_names', sa.Text(), nullable=True),
    sa.Column('logo', sa.Text(), nullable=True),
    sa.Column('group_title', sa.Text(), nullable=True),
    sa.Column('number', sa.Integer(), nullable=True),
    sa.Column('stream_url', sa.Text(), nullable=True),
    sa.Column('headers', sa.Text(), nullable=True),
    sa.Column('catchup_mode', sa.String(), nullable=True),
    sa.Column('catchup_source', sa.Text(), nullable=True),
    sa.Column('catchup_days', sa.Integer(), nullable=True),
    sa.Column('tvg_shift', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['source_id'], ['guide_sources.id'], name=op.f('fk_channels_source_id_guide_sources'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_channels'))
    )
    with op.batch_alter_table('channels', schema=None) as batch_op:
        batch_op.create_index('ix_channels_source_id', ['source_id'], unique=False)

    op.create_table('episodes',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('title_id', sa.String(), nullable=False),
    sa.Column('season', sa.Integer(), server_default='1', nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=True),
    sa.Column('overview', sa.Text(), nullable=True),
    sa.Column('air_date', sa.String(), nullable=True),
    sa.Column('runtime', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['title_id'], ['titles.id'], name=op.f('fk_episodes_title_id_titles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_episodes')),
    sa.UniqueConstraint('title_id', 'season', 'number', name='uq_episodes_title_season_number')
    )
    op.create_table('history',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('profile_id', sa.Integer(), nullable=False),
    sa.Column('item_key', sa.String(), nullable=False),
    sa.Column('title_id', sa.String(), nullable=True),
    sa.Column('label', sa.Text(), nullable=False),
    sa.Column('location', sa.Text(), nullable=False),
    sa.Column('started_at', sa.Integer(), nullable=False),
    sa.Column('ended_at', sa.Integer(), nullable=True),
    sa.Column('position_ms', sa.Integer(), server_default='0', nullable=False),
    sa.Column('duration_ms', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['profile_id'], ['profiles.id'], name=op.f('fk_history_profile_id_profiles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_history'))
    )
    with op.batch_alter_table('history', schema=None) as batch_op:
        batch_op.create_index('ix_history_profile_started', ['profile_id', 'started_at'], unique=False)

    op.create_table('playlists',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('profile_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('created_at', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['profile_id'], ['profiles.id'], name=op.f('fk_playlists_profile_id_profiles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_playlists'))
    )
    op.create_table('programmes',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('channel_id', sa.String(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('stop', sa.Integer(), nullable=True),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('norm_title', sa.Text(), nullable=True),
    sa.Column('subtitle', sa.Text(), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('category', sa.Text(), nullable=True),
    sa.Column('kind', sa.String(), server_default='programme', nullable=False),
    sa.Column('film_key', sa.Text(), nullable=True),
    sa.Column('year_hint', sa.Integer(), nullable=True),
    sa.Column('country_hint', sa.Text(), nullable=True),
    sa.Column('director_hint', sa.Text(), nullable=True),
    sa.Column('episode', sa.Text(), nullable=True),
    sa.Column('icon', sa.Text(), nullable=True),
    sa.Column('catchup_id', sa.Text(), nullable=True),
    sa.Column('title_id', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['source_id'], ['guide_sources.id'], name=op.f('fk_programmes_source_id_guide_sources'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programmes'))
    )
    with op.batch_alter_table('programmes', schema=None) as batch_op:
        batch_op.create_index('ix_programmes_channel_start', ['channel_id', 'start'], unique=False)
        batch_op.create_index('ix_programmes_film_key', ['film_key'], unique=False)
        batch_op.create_index('ix_programmes_kind_start', ['kind', 'start'], unique=False)
        batch_op.create_index('ix_programmes_source_id', ['source_id'], unique=False)
        batch_op.create_index('ix_programmes_start', ['start'], unique=False)
        batch_op.create_index('ix_programmes_title_id_start', ['title_id', 'start'], unique=False)

    op.create_table('progress',
    sa.Column('profile_id', sa.Integer(), nullable=False),
    sa.Column('item_key', sa.String(), nullable=False),
    sa.Column('title_id', sa.String(), nullable=True),
    sa.Column('position_ms', sa.Integer(), server_default='0', nullable=False),
    sa.Column('duration_ms', sa.Integer(), nullable=True),
    sa.Column('watched', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('view_count', sa.Integer(), server_default='0', nullable=False),
    sa.Column('updated_at', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['profile_id'], ['profiles.id'], name=op.f('fk_progress_profile_id_profiles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('profile_id', 'item_key', name=op.f('pk_progress'))
    )
    with op.batch_alter_table('progress', schema=None) as batch_op:
        batch_op.create_index('ix_progress_profile_updated', ['profile_id', 'updated_at'], unique=False)

    op.create_table('sources',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('title_id', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('label', sa.Text(), nullable=True),
    sa.Column('quality', sa.String(), nullable=True),
    sa.Column('headers', sa.Text(), nullable=True),
    sa.Column('score', sa.Float(), server_default='0', nullable=False),
    sa.Column('health', sa.String(), server_default='unknown', nullable=False),
    sa.Column('last_checked_at', sa.Integer(), nullable=True),
    sa.Column('added_at', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['title_id'], ['titles.id'], name=op.f('fk_sources_title_id_titles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sources')),
    sa.UniqueConstraint('title_id', 'url', name='uq_sources_title_url')
    )
    with op.batch_alter_table('sources', schema=None) as batch_op:
        batch_op.create_index('ix_sources_title_id', ['title_id'], unique=False)

    op.create_table('watchlist',
    sa.Column('profile_id', sa.Integer(), nullable=False),
    sa.Column('title_id', sa.String(), nullable=False),
    sa.Column('added_at', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['profile_id'], ['profiles.id'], name=op.f('fk_watchlist_profile_id_profiles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['title_id'], ['titles.id'], name=op.f('fk_watchlist_title_id_titles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('profile_id', 'title_id', name=op.f('pk_watchlist'))
    )
    op.create_table('playlist_items',
    sa.Column('playlist_id', sa.Integer(), nullable=False),
    sa.Column('title_id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['playlist_id'], ['playlists.id'], name=op.f('fk_playlist_items_playlist_id_playlists'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['title_id'], ['titles.id'], name=op.f('fk_playlist_items_title_id_titles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('playlist_id', 'title_id', name=op.f('pk_playlist_items'))
    )
    # portable: the time from Python (no strftime), booleans as TRUE (PostgreSQL has no 1 for them)
    op.execute(
        sa.text(
            "INSERT INTO profiles (id, name, is_default, created_at) VALUES (1, 'Default', TRUE, :now)"
        ).bindparams(now=int(time.time()))
    )
    if op.get_bind().dialect.name == "postgresql":
        # an explicit id leaves the serial's sequence at 1: the next profile would collide
        op.execute("SELECT setval(pg_get_serial_sequence('profiles', 'id'), (SELECT max(id) FROM profiles))")


def downgrade() -> None:
    op.drop_table('playlist_items')
    op.drop_table('watchlist')
    with op.batch_alter_table('sources', schema=None) as batch_op:
        batch_op.drop_index('ix_sources_title_id')

    op.drop_table('sources')
    with op.batch_alter_table('progress', schema=None) as batch_op:
        batch_op.drop_index('ix_progress_profile_updated')

    op.drop_table('progress')
    with op.batch_alter_table('programmes', schema=None) as batch_op:
        batch_op.drop_index('ix_programmes_title_id_start')
        batch_op.drop_index('ix_programmes_start')
        batch_op.drop_index('ix_programmes_source_id')
        batch_op.drop_index('ix_programmes_kind_start')
        batch_op.drop_index('ix_programmes_film_key')
        batch_op.drop_index('ix_programmes_channel_start')

    op.drop_table('programmes')
    op.drop_table('playlists')
    with op.batch_alter_table('history', schema=None) as batch_op:
        batch_op.drop_index('ix_history_profile_started')

    op.drop_table('history')
    op.drop_table('episodes')
    with op.batch_alter_table('channels', schema=None) as batch_op:
        batch_op.drop_index('ix_channels_source_id')

    op.drop_table('channels')
    op.drop_table('torrents')
    with op.batch_alter_table('titles', schema=None) as batch_op:
        batch_op.drop_index('ix_titles_year')
        batch_op.drop_index('ix_titles_tmdb_id')
        batch_op.drop_index('ix_titles_shikimori_id')
        batch_op.drop_index('ix_titles_kind_rating')
        batch_op.drop_index('ix_titles_is_demo')
        batch_op.drop_index('ix_titles_added_at')

    op.drop_table('titles')
    with op.batch_alter_table('title_matches', schema=None) as batch_op:
        batch_op.drop_index('ix_title_matches_status')

    op.drop_table('title_matches')
    with op.batch_alter_table('refresh_runs', schema=None) as batch_op:
        batch_op.drop_index('ix_refresh_runs_kind_started')

    op.drop_table('refresh_runs')
    with op.batch_alter_table('provider_cache', schema=None) as batch_op:
        batch_op.drop_index('ix_provider_cache_expires_at')

    op.drop_table('provider_cache')
    op.drop_table('profiles')
    op.drop_table('guide_sources')
    op.drop_table('app_state')
