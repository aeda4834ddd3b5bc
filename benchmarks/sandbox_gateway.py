"""The gateway as its own process (``rfid-sip2 serve``) on a seeded sandbox, shared by the SIP2
gateway and station benchmarks."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from koha_bridge.sandbox import catalogue
from koha_bridge.sandbox.sandbox import Sandbox


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare(folder: Path, items: int) -> tuple[Path, list[str]]:
    """A seeded sandbox with ``items`` more items at CPL, no holds, and no loan limit."""
    path = folder / "sandbox.sqlite3"
    sandbox = Sandbox(path)
    now = datetime.now(UTC)
    barcodes = [f"BENCH{n:06d}" for n in range(items)]
    with sandbox.store.transaction() as db:
        db.execute("INSERT INTO circulation_rules VALUES ('*', 'PT', '*', 'maxissueqty', '100000')")
        for barcode in barcodes:
            catalogue.add_item(
                db, biblio_id=1, barcode=barcode, library_id="CPL", item_type_id="BK", when=now
            )
        db.execute("DELETE FROM holds")
    sandbox.store.close()
    return path, barcodes


def write_config(
    folder: Path, port: int, sandbox: Path, login: str, gateway: str = "", account: str = ""
) -> Path:
    """The gateway's TOML in ``folder``: one listener on ``port``, one device account
    ``login`` (password in $BENCH_PASSWORD) and the sandbox upstream; ``gateway`` and
    ``account`` are more lines for those tables."""
    config = folder / "gateway.toml"
    config.write_text(f"""
[gateway]
{gateway}
[[listeners]]
host = "127.0.0.1"
port = {port}
[[accounts]]
login = "{login}"
password_env = "BENCH_PASSWORD"
institution_id = "CPL"
{account}
[upstream]
kind = "sandbox"
sandbox_path = "{sandbox}"
[journal]
path = "journal.sqlite3"
""")
    return config


@contextmanager
def serving(
    config: Path,
    port: int,
    env: Mapping[str, str],
    command: list[str] | None = None,
    stderr: IO[bytes] | int = subprocess.DEVNULL,
) -> Iterator[subprocess.Popen]:
    """The gateway on ``config`` (``rfid-sip2 serve`` unless ``command`` says how), run in the
    config's folder, once it accepts on ``port`` (or after 20 s of trying: the first request
    then says what is wrong); stopped on leaving. Its log goes to ``stderr``."""
    gateway = subprocess.Popen(
        command or [sys.executable, "-m", "rfid_sip2.cli", "serve", "--config", str(config)],
        env=dict(env),
        stdout=subprocess.DEVNULL,
        stderr=stderr,
        cwd=config.parent,
    )
    try:
        for _ in range(400):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        yield gateway
    finally:
        gateway.terminate()
        gateway.wait(30)
