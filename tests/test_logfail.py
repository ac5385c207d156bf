"""The suite's own rules: an unexpected ERROR log fails a test; a declared one does not."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]


def test_an_undeclared_error_log_fails_the_test(pytester: pytest.Pytester) -> None:
    pytester.makeconftest((Path(__file__).parent / "logfail.py").read_text("utf-8"))
    pytester.makepyfile(
        """
        import logging

        import pytest


        def test_logs_an_error():
            logging.getLogger("cinema.x").error("disk on fire")


        @pytest.mark.expected_error(r"disk on fire")
        def test_declares_it():
            logging.getLogger("cinema.x").error("disk on fire")


        def test_declares_it_inside(logfail):
            logfail.expect("disk on fire")
            logging.getLogger("cinema.x").error("disk on fire")
            assert len(logfail.expected()) == 1


        def test_a_warning_is_fine():
            logging.getLogger("cinema.x").warning("disk warm")
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-q", f"--rootdir={pytester.path}")
    result.assert_outcomes(passed=4, errors=1)
    result.stdout.fnmatch_lines(["*unexpected ERROR log*", "*ERROR cinema.x: disk on fire*"])


def test_the_fixture_sees_errors_from_this_test(logfail: object) -> None:
    logfail.expect("expected here")  # type: ignore[attr-defined]
    logging.getLogger("cinema.y").error("expected here")
    assert [r.getMessage() for r in logfail.expected()] == ["expected here"]  # type: ignore[attr-defined]
