"""``library20 demo`` on a fresh machine: one command from nothing to a served multilingual site."""

import os
import socket
import subprocess
import sys
import time
import urllib.request


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, seconds: float) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"demo exited early: {process.stdout.read()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read().decode()
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{url} did not answer within {seconds} s")


def test_demo_migrates_loads_content_creates_admin_and_serves_the_site(tmp_path):
    port = free_port()
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(LIBRARY20_VAR_DIR=str(tmp_path), LIBRARY20_DEMO_PASSWORD="demo-pass-123")
    process = subprocess.Popen(
        [sys.executable, "-m", "library_site.manage", "demo", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        page = wait_for(f"http://127.0.0.1:{port}/uk/", process, seconds=180)
        assert '<html lang="uk"' in page
        assert "Ласкаво просимо до бібліотеки" in page
        assert (tmp_path / "library20.sqlite3").exists()
        sitemap = wait_for(f"http://127.0.0.1:{port}/sitemap.xml", process, seconds=30)
        assert f"http://127.0.0.1:{port}/uk/about/" in sitemap
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
    assert "Admin login: admin / demo-pass-123" in output
    assert "records synced" in output
    assert (tmp_path / "koha-sandbox.sqlite3").exists()
