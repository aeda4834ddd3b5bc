"""The README's SIP2 gateway lines run as written on a fresh demo."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.rfid_sip2.serving import serving
from tests.services import free_port

REPO = Path(__file__).resolve().parents[2]


def gateway_lines() -> list[str]:
    readme = (REPO / "README.md").read_text()
    section = readme.split("\n## SIP2 gateway\n", 1)[1].split("\n## ", 1)[0]
    return re.search(r"```sh\n(.+?)\n```", section, re.DOTALL).group(1).splitlines()


def readme_shell(tmp_path: Path, port: int) -> dict[str, str]:
    """A fresh demo's environment, its gateway on ``port`` (SIP2_LISTEN, which ``send`` also
    follows), and ``python3`` the interpreter that has uv, as on the reader's machine (inside
    the test run ``python3`` is the project's virtual environment, which has no uv)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python3").symlink_to(sys._base_executable)
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("SIP2_", "KOHA_", "LIBRARY20_"))
    }
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    env["LIBRARY20_VAR_DIR"] = str(tmp_path / "var")
    env["SIP2_LISTEN"] = f"127.0.0.1:{port}"
    return env


def test_the_readmes_send_line_checks_out_a_book_from_the_demo_gateway(tmp_path):
    lines = gateway_lines()
    [serve] = [line for line in lines if re.match(r"python3 -m uv run rfid-sip2 serve +#", line)]
    [send] = [line for line in lines if " rfid-sip2 send " in line]
    port = free_port()
    env = readme_shell(tmp_path, port)

    with serving(serve, env, port, cwd=REPO):
        done = subprocess.run(
            send, shell=True, env=env, cwd=REPO, capture_output=True, text=True, timeout=300
        )

    assert done.returncode == 0, done.stdout + done.stderr
    assert "CheckoutResponse (12)" in done.stdout and "  ok: True" in done.stdout
