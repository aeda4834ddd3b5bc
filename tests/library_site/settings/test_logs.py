"""LOG_FORMAT and LOG_LEVEL: key=value lines by default, JSON on request, secrets always masked."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from library_site.settings.environment import SettingError
from library_site.settings.logs import logging_config


def test_key_value_lines_by_default_and_json_on_request():
    assert logging_config({})["handlers"]["console"]["formatter"] == "keyvalue"
    assert logging_config({"LOG_FORMAT": "JSON"})["handlers"]["console"]["formatter"] == "json"


def test_every_line_is_masked_and_carries_the_request_id_whatever_the_format():
    for log_format in ("keyvalue", "json"):
        console = logging_config({"LOG_FORMAT": log_format})["handlers"]["console"]
        assert console["filters"] == ["request_id", "mask_secrets"]


def test_an_unknown_format_is_refused_naming_the_variable():
    with pytest.raises(SettingError, match=r"^LOG_FORMAT: expected keyvalue or json, got 'xml'$"):
        logging_config({"LOG_FORMAT": "xml"})


def test_a_json_line_from_the_site_is_masked():
    logged = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); import logging; "
            "logging.getLogger('plugins.readers').warning('card linked, pin=%s', '1111')",
        ],
        env={
            **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "LOG_LEVEL")},
            "DJANGO_SETTINGS_MODULE": "library_site.settings.dev",
            "LOG_FORMAT": "json",
        },
        cwd=Path(__file__).parents[3],  # python -c imports from its folder: the checkout's
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert logged.returncode == 0, logged.stderr
    [line] = [json.loads(line) for line in logged.stderr.splitlines()]
    assert line["message"] == "card linked, pin=***"
    assert (line["level"], line["logger"], line["request_id"]) == (
        "WARNING",
        "plugins.readers",
        None,
    )
