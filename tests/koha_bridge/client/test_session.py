"""The HTTP session's retries: told once each in koha_bridge's log, never as console warnings."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

import pytest

from koha_bridge.client import KohaClient, KohaUnavailable
from koha_bridge.config import KohaConfig
from tests.koha_bridge.client.stubs import closed_port, quick_retry_session


def test_each_retry_is_one_info_line_of_koha_bridge_and_urllib3_warns_nothing(caplog):
    url = f"http://127.0.0.1:{closed_port()}"
    with caplog.at_level(logging.DEBUG), pytest.raises(KohaUnavailable):
        KohaClient(KohaConfig(url=url), session=quick_retry_session()).biblio(1)

    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    retries = [r for r in caplog.records if r.name.startswith("koha_bridge") and "retry" in r.msg]
    assert len(retries) == 3  # the first try and three more
    assert {r.levelno for r in retries} == {logging.INFO}
    assert all(f"url={url}/api/v1/biblios/1" in r.getMessage() for r in retries)


def test_koha_bridge_prints_one_line_while_koha_is_down():
    """Run as an operator runs it: Python's last-resort handler would print urllib3's warnings."""
    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("KOHA_", "LOG_LEVEL"))},
        "KOHA_URL": f"http://127.0.0.1:{closed_port()}",
    }
    result = subprocess.run(
        [sys.executable, "-m", "koha_bridge.cli", "probe"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 3
    assert "Retrying" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert "check KOHA_URL" in result.stderr
