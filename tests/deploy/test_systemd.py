"""deploy/systemd: each unit passes systemd-analyze verify, and runs the command it is for."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.services import require

DEPLOY = Path(__file__).parents[2] / "deploy"
UNITS = sorted((DEPLOY / "systemd").glob("*.service"))
INSTALLED = "/opt/library20/.venv"


def test_there_is_a_unit_for_the_site_the_worker_the_gateway_and_the_station():
    commands = {unit.name: exec_start(unit) for unit in UNITS}

    assert commands == {
        "library20-gateway.service": f"{INSTALLED}/bin/rfid-sip2 serve --config "
        "/etc/library20/gateway.toml",
        "library20-site.service": f"{INSTALLED}/bin/library20 serve --host 127.0.0.1 --port 8000",
        "library20-station.service": f"{INSTALLED}/bin/rfid-sip2 station --config "
        "/etc/library20/station.toml",
        "library20-worker.service": f"{INSTALLED}/bin/library20 rqworker default",
    }


def exec_start(unit: Path) -> str:
    [command] = re.findall(r"^ExecStart=(.+)$", unit.read_text(), re.MULTILINE)
    return command


@pytest.mark.parametrize("unit", UNITS, ids=lambda unit: unit.name)
def test_the_unit_passes_systemd_analyze_verify(unit, tmp_path):
    require(shutil.which("systemd-analyze") is not None, "systemd-analyze")
    # The programs as this checkout has them, where the unit expects them installed.
    installed = unit.read_text().replace(INSTALLED, str(Path(sys.executable).parents[1]))
    copy = tmp_path / unit.name
    copy.write_text(installed)

    verified = subprocess.run(
        ["systemd-analyze", "verify", str(copy)], capture_output=True, text=True, timeout=60
    )

    assert verified.returncode == 0, verified.stderr
    assert verified.stderr == ""


@pytest.mark.parametrize("unit", UNITS, ids=lambda unit: unit.name)
def test_the_unit_runs_unprivileged_and_stops_on_sigterm(unit):
    text = unit.read_text()

    assert "User=library20" in text
    assert "KillSignal=SIGTERM" in text
    assert "NoNewPrivileges=true" in text
    assert "ProtectSystem=strict" in text


def test_the_station_command_is_the_one_the_readme_gives():
    readme = (DEPLOY.parent / "README.md").read_text()

    assert "rfid-sip2 station --reader /dev/ttyUSB0 --sip2 127.0.0.1:6001 --config" in readme
