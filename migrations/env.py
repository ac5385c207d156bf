"""Alembic environment: the engine comes from the app (config.attributes["engine"])."""

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
