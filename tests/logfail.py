"""An ERROR log fails the test that caused it unless the test declared it (after qutebrowser's logfail).

Declare with the marker ``@pytest.mark.expected_error(r"regex", ...)`` or, inside the test, with
``logfail.expect(r"regex")`` (the ``logfail`` fixture). A pattern is searched in
``"<logger>: <message>"``. Declare only where the error is the point of the test, and say what the
user sees in the same test (the ``messages`` fixture).
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterator

import pytest


class LogFail(logging.Handler):
    """Collects ERROR and CRITICAL records while a test runs."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []
        self.patterns: list[re.Pattern[str]] = []
        self._guard = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        with self._guard:
            self.records.append(record)

    def expect(self, *patterns: str) -> None:
        """Declare errors this test causes on purpose."""
        self.patterns.extend(re.compile(p) for p in patterns)

    @staticmethod
    def line(record: logging.LogRecord) -> str:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string is still an error to report
            message = str(record.msg)
        return f"{record.name}: {message}"

    def expected(self) -> list[logging.LogRecord]:
        """The declared errors that were logged (a test may assert on them)."""
        with self._guard:
            return [r for r in self.records if any(p.search(self.line(r)) for p in self.patterns)]

    def unexpected(self) -> list[logging.LogRecord]:
        with self._guard:
            return [r for r in self.records if not any(p.search(self.line(r)) for p in self.patterns)]


@pytest.fixture(autouse=True)
def logfail(request: pytest.FixtureRequest) -> Iterator[LogFail]:
    handler = LogFail()
    for marker in request.node.iter_markers("expected_error"):
        handler.expect(*marker.args)
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
    bad = handler.unexpected()
    if bad:
        lines = []
        for record in bad[:5]:
            text = handler.line(record)
            if record.exc_info and record.exc_info[1] is not None:
                text += f" [{type(record.exc_info[1]).__name__}: {record.exc_info[1]}]"
            lines.append(f"  {record.levelname} {text}")
        more = f"\n  ... and {len(bad) - 5} more" if len(bad) > 5 else ""
        pytest.fail(
            "unexpected ERROR log (declare it with @pytest.mark.expected_error(...) if it is the "
            "point of the test):\n" + "\n".join(lines) + more,
            pytrace=False,
        )
