"""The shared library across the household's devices: a PostgreSQL server, live sync (issue 17)."""
