"""The dialect seam holds: SQLite-only code stays in the modules that live per device (storage/dialect.py).

New repositories (TV, sources, library, sync) write portable SQL and upsert through
``storage.dialect.upsert``; this test names the file and the line when one does not.
"""

from __future__ import annotations

import re
from pathlib import Path

STORAGE = Path(__file__).resolve().parents[2] / "app" / "storage"

# the per-device parts: the guide (bulk writer and its reads), search (FTS5), the catalog's hot
# reads over them; db.py/errors.py/pending.py are the connection and its error handling
SQLITE_ONLY = {
    "db.py",
    "errors.py",
    "pending.py",
    "guide_repo.py",
    "search_repo.py",
    "catalog_reads.py",
    "catalog_query.py",
}
RULES = {
    r"sqlalchemy\.dialects\.(sqlite|postgresql)": "build upserts with storage.dialect.upsert",
    r"^\s*import sqlite3|^\s*from sqlite3": "sqlite3 belongs to the per-device modules only",
    r"\.raw\(\)": "use Database.execute (portable SQL) or the engine",
    r"\b(INSERT|UPDATE|REPLACE)\s+OR\s+(IGNORE|REPLACE)\b": "use ON CONFLICT / NOT EXISTS",
    r"(?i)\bstrftime\(|\bjson_each\(|\bgroup_concat\(": "SQLite functions: compute in Python",
}


def test_repositories_outside_the_per_device_modules_are_portable() -> None:
    found = []
    for path in sorted(STORAGE.glob("*.py")):
        if path.name in SQLITE_ONLY or path.name == "dialect.py":
            continue
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            for pattern, why in RULES.items():
                if re.search(pattern, line):
                    found.append(f"app/storage/{path.name}:{number}: {line.strip()}  -> {why}")
    assert found == []


def test_the_sqlite_only_modules_say_so() -> None:
    for name in ("guide_repo.py", "search_repo.py"):
        doc = " ".join((STORAGE / name).read_text("utf-8").split('"""')[1].split())
        assert "SQLite only" in doc and "PostgreSQL version would replace" in doc, name
