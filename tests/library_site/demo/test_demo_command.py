"""``library20 demo`` on a fresh machine: one command from nothing to a served multilingual site."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from tests.services import free_port


def demo_env(var_dir) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_DEBUG")
    }
    env.update(
        LIBRARY20_VAR_DIR=str(var_dir),
        LIBRARY20_DEMO_PASSWORD="demo-pass-123",
        LIBRARY20_DEMO_READER_PASSWORD="reader-pass-456",
    )
    return env


def fetch(url: str) -> tuple[int, str, bytes]:
    """Status, content type and body, for error statuses too."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()


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
    port, kiosk_port = free_port(), free_port()
    site = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "library_site.manage",
            "demo",
            "--port",
            str(port),
            "--kiosk-port",
            str(kiosk_port),
        ],
        env=demo_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        page = wait_for(f"{site}/uk/", process, seconds=420)  # a guard for a loaded machine
        assert '<html lang="uk"' in page
        assert "Ласкаво просимо до бібліотеки" in page
        assert (tmp_path / "library20.sqlite3").exists()
        sitemap = wait_for(f"{site}/sitemap.xml", process, seconds=30)
        assert f"{site}/uk/pro-biblioteku/" in sitemap

        # The site's own pages and files, as a reader's browser asks for them; no debug page.
        status, _type, body = fetch(f"{site}/en/no-such-page/")
        assert status == 404
        assert "<h1>Page not found</h1>" in body.decode()
        assert "URLconf" not in body.decode()
        status, content_type, body = fetch(f"{site}/favicon.ico")
        assert (status, body[:4]) == (200, b"\x00\x00\x01\x00"), content_type
        status, _type, body = fetch(f"{site}/robots.txt")
        assert f"Sitemap: {site}/sitemap.xml" in body.decode()
        stylesheet = re.search(r'href="(/static/css/site[^"]*\.css)"', page).group(1)
        assert fetch(site + stylesheet)[0] == 200
        images = re.findall(r'<img[^>]+src="(/media/[^"]+)"', page)
        assert images, "the home page shows the demo's pictures"
        assert {fetch(site + image)[0] for image in images} == {200}

        # The catalogue: the sandbox's 74 books in every language, record pages and covers.
        for language in ("en", "ru", "uk", "ro"):
            status, _type, body = fetch(f"{site}/{language}/catalogue/")
            assert status == 200 and body.decode().count('class="record-card"') == 20
        assert "74 records" in fetch(f"{site}/en/catalogue/")[2].decode()
        status, _type, body = fetch(f"{site}/uk/catalogue/41/")  # redirected to its slug
        assert status == 200 and "Кобзарь" in body.decode()
        assert fetch(f"{site}/covers/41.svg")[:2] == (200, "image/svg+xml; charset=utf-8")

        # Served over ASGI: the live chat's websocket answers, and turns away a visitor with no
        # librarian's account from the console (an HTTP-only server knows no websockets).
        with pytest.raises(InvalidStatus) as refused:
            connect(f"ws://127.0.0.1:{port}/ws/ask/chat/console/", origin=site, open_timeout=10)
        assert refused.value.response.status_code == 403

        # The self-service kiosk beside it, and its demo pad with tagged books.
        kiosk = wait_for(f"http://127.0.0.1:{kiosk_port}/", process, seconds=30)
        assert "Welcome to the library" in kiosk
        pad = wait_for(f"http://127.0.0.1:{kiosk_port + 1}/", process, seconds=30)
        assert pad.count("Put on the pad") >= 5
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
    assert "Admin login: admin / demo-pass-123" in output
    assert "Reader login: reader / reader-pass-456" in output
    assert f"Kiosk: http://127.0.0.1:{kiosk_port}/" in output
    assert "records synced" in output
    assert (tmp_path / "koha-sandbox.sqlite3").exists()
    # Quiet: no line per page created, no progress bar redrawn line after line.
    assert "Page created" not in output
    assert "records/s" not in output
    assert len(output.split("Site:")[0].strip().splitlines()) <= 3, output


def test_demo_stops_before_any_work_when_its_port_is_busy(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]

        result = subprocess.run(
            [sys.executable, "-m", "library_site.manage", "demo", "--port", str(port)],
            env=demo_env(tmp_path),
            capture_output=True,
            text=True,
            timeout=120,
        )

    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert f"port {port} on 127.0.0.1 is in use" in lines[0]
    assert "--port" in lines[0]
    assert not (tmp_path / "library20.sqlite3").exists()  # nothing migrated
