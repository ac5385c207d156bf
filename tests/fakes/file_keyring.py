"""A keyring backend for tests: a JSON file named by CINEMA_TEST_KEYRING (this box has none).

In-process: ``keyring.set_keyring(FileKeyring())``; for a CLI subprocess:
``PYTHON_KEYRING_BACKEND=tests.fakes.file_keyring.FileKeyring`` with the same variable set.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring import backend
from keyring.backend import KeyringBackend


class FileKeyring(KeyringBackend):
    @backend.properties.classproperty
    def priority(cls) -> float:
        # never chosen by keyring's own discovery in the test process (once this module is
        # imported it is a candidate, and it would outlive the variable naming its file):
        # only set_keyring() in a fixture, or PYTHON_KEYRING_BACKEND in a CLI subprocess
        if not os.environ.get("PYTHON_KEYRING_BACKEND", "").endswith("FileKeyring"):
            raise RuntimeError("the test keyring is used only when asked for by name")
        return 1

    def _path(self) -> Path:
        return Path(os.environ["CINEMA_TEST_KEYRING"])

    def _load(self) -> dict[str, str]:
        path = self._path()
        return json.loads(path.read_text()) if path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}/{username}"] = password
        self._path().write_text(json.dumps(data))

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        data.pop(f"{service}/{username}", None)
        self._path().write_text(json.dumps(data))
