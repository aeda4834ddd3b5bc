"""LOG_FORMAT=json: one JSON object per line that a log collector can read."""

import json
import logging
import sys

from library_site.logs.json_lines import JsonLines


def record(message: str, *args, exc_info=None) -> logging.LogRecord:
    made = logging.LogRecord("plugins.opac", logging.WARNING, __file__, 1, message, args, exc_info)
    made.created = 1_764_730_800.25  # 2025-12-03 03:00:00.250 UTC
    return made


def test_a_line_holds_time_level_logger_message_and_request_id():
    line = record("synced %d records", 3)
    line.request_id = "abc123def456"

    written = JsonLines().format(line)

    assert "\n" not in written
    assert json.loads(written) == {
        "time": "2025-12-03T03:00:00.250+00:00",
        "level": "WARNING",
        "logger": "plugins.opac",
        "message": "synced 3 records",
        "request_id": "abc123def456",
    }


def test_an_exception_is_in_the_same_line():
    try:
        raise KeyError("biblio")
    except KeyError:
        line = record("failed", exc_info=sys.exc_info())

    written = JsonLines().format(line)

    assert len(written.splitlines()) == 1
    assert json.loads(written)["exception"].endswith("KeyError: 'biblio'")
    assert json.loads(written)["request_id"] is None  # outside a request
