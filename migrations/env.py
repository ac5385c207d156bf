"""Alembic environment: the engine comes from the app (config.attributes["engine"]).

One history serves SQLite (each device's database) and PostgreSQL (a household's shared library,
issue 17); tests/storage/test_migrations.py runs up, down, up on both. A migration must:
- use ``op`` operations (create_table, add_column, create_index ...) inside
  ``op.batch_alter_table`` for changes to existing columns: SQLite copies the table, PostgreSQL
  gets a plain ALTER TABLE;
- write SQL both accept: ``TRUE``/``FALSE`` for booleans (never 1/0), values bound from Python
  instead of SQLite functions (``strftime``, ``json_each``, ``group_concat``), no ``INSERT OR
  IGNORE`` / ``UPDATE OR IGNORE`` (``ON CONFLICT DO NOTHING``, ``NOT EXISTS``);
- use BigInteger for numbers that pass 2^31 (bytes; PostgreSQL's INTEGER is 32-bit);
- after inserting explicit ids into a serial column on PostgreSQL, move its sequence on
  (``setval``, see 0001);
- guard what only one dialect has with ``op.get_bind().dialect.name`` and say why (0002 and
  0003: the FTS5 search index exists only in SQLite, where the per-device catalog lives);
- have a downgrade that undoes the upgrade on both.
"""

from alembic import context
from sqlalchemy import create_engine

from app.storage.tables import metadata

config = context.config
engine = config.attributes.get("engine")
if engine is None:
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///cinema.sqlite3")

with engine.begin() as connection:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
