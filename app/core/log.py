"""Logging: JSON lines in a rotating file, readable lines on the console, secrets redacted."""

from __future__ import annotations

import json
import logging
import logging.handlers
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

_SECRET_PATTERNS = [
    re.compile(r"(?i)((?:api_?key|apikey|passkey|token|access_token)=)([^&\s\"']+)"),
    re.compile(r"(?i)(authorization[\"']?\s*[:=]\s*[\"']?(?:bearer|basic)?\s*)([^\s\"',}]+)"),
    re.compile(r"(?i)(bearer\s+)([A-Za-z0-9._\-]{8,})"),
]


def redact(text: str) -> str:
    for pattern in _SECRET_PATTERNS:
        text = pattern.sub(lambda m: m.group(1) + "***", text)
    return text


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "msg": redact(record.getMessage()),
        }
        if record.exc_info:
            entry["exc"] = redact(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)


def setup_logging(log_dir: Path, level: int = logging.INFO, console: bool = True) -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_cinema", False):
            root.removeHandler(handler)
    root.setLevel(level)
    try:
        file_handler = logging.handlers.RotatingFileHandler(
            log_dir / "cinema.jsonl", maxBytes=5 * 1024 * 1024, backupCount=3, encoding="utf-8"
        )
    except OSError as exc:
        # a read-only data dir (or a full disk): commands that only read must still work
        unwritable: str | None = f"{log_dir / 'cinema.jsonl'} ({exc.strerror or exc})"
        console = True
    else:
        unwritable = None
        file_handler.setFormatter(JsonFormatter())
        file_handler.addFilter(RedactingFilter())
        file_handler._cinema = True  # type: ignore[attr-defined]
        root.addHandler(file_handler)
    if console:
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s", "%H:%M:%S")
        )
        stream.addFilter(RedactingFilter())
        stream.setLevel(logging.WARNING)
        stream._cinema = True  # type: ignore[attr-defined]
        root.addHandler(stream)
    if unwritable:
        logging.getLogger(__name__).warning(
            "cannot write the log file %s: warnings go to stderr only", unwritable
        )
