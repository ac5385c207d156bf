"""Storage: SQLAlchemy tables, the engine, migrations and repositories returning domain objects."""
