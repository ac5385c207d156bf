"""Logs are JSON lines in a rotating file; secrets never reach them."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from app.core.log import redact, setup_logging


def test_redacts_keys_tokens_and_authorization() -> None:
    assert "s3cr3t" not in redact("GET https://api.example/3/movie?api_key=s3cr3t&language=ru-RU")
    assert "s3cr3t" not in redact("torznab ?t=search&apikey=s3cr3t")
    assert "eyJhbGciOiJIUzI1NiJ9.abc" not in redact("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc")
    assert "eyJhbGciOiJIUzI1NiJ9.abc" not in redact("{'authorization': 'Bearer eyJhbGciOiJIUzI1NiJ9.abc'}")
    assert redact("language=ru-RU&page=2") == "language=ru-RU&page=2"


@pytest.mark.expected_error(r"^cinema\.test: failed$")  # the logged traceback's redaction is the point
def test_json_lines_file_without_secrets(tmp_path: Path) -> None:
    setup_logging(tmp_path, console=False)
    log = logging.getLogger("cinema.test")
    log.warning("calling %s", "https://api/3/search/movie?api_key=TOPSECRET123&query=Матрица")
    try:
        raise ValueError("token=TOPSECRET456 refused")
    except ValueError:
        log.exception("failed")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = (tmp_path / "cinema.jsonl").read_text("utf-8")
    assert "TOPSECRET" not in text
    entries = [json.loads(line) for line in text.splitlines() if line.strip()]
    mine = [e for e in entries if e["logger"] == "cinema.test"]
    assert mine[0]["level"] == "WARNING" and "Матрица" in mine[0]["msg"]
    assert "exc" in mine[1]
