"""A command that serves SIP2 run as its own process, stopped with SIGTERM as systemd does."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

START_TIMEOUT = 60  # seconds: a loaded machine starts Python and seeds the sandbox slowly


@contextmanager
def serving(
    command: list[str] | str, env: Mapping[str, str], port: int, cwd: Path | None = None
) -> Iterator[subprocess.Popen]:
    """Run ``command`` (a shell line when a string) until it accepts on ``port``; stop it after."""
    process = subprocess.Popen(
        command,
        shell=isinstance(command, str),
        cwd=cwd,
        env=dict(env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        _wait_for(port, process)
        yield process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)  # its own group: a shell, uv, the gateway
        try:
            process.wait(START_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_for(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"it stopped ({process.returncode}): {process.stdout.read()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing listens on {port} after {START_TIMEOUT} s")
