"""``library20 serve`` as production runs it: two uvicorn workers on PostgreSQL, DEBUG off,
behind a proxy it trusts by address, with the site's own error pages and hashed, gzipped static
files; SIGTERM stops it cleanly. The demo site is the test database's."""

import gzip
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from email.message import Message
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.services import free_port

pytestmark = pytest.mark.django_db(transaction=True)
HTTPS = {"X-Forwarded-Proto": "https"}  # as nginx sets it (FORWARDED_ALLOW_IPS=127.0.0.1)


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirects)


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, Message, bytes]:
    """Status, headers and body, for error statuses and redirects too."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with OPENER.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def production_env(var_dir: Path) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DJANGO_DEBUG")
    }
    env.update(
        DATABASE_URL=database_url(),
        LIBRARY20_VAR_DIR=str(var_dir),
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        KOHA_ALLOW_SANDBOX="true",
        KOHA_SANDBOX_PATH=str(var_dir / "koha-sandbox.sqlite3"),
        FORWARDED_ALLOW_IPS="127.0.0.1",
        LOG_FORMAT="json",
        LOG_LEVEL="INFO",
    )
    return env


def wait_until_healthy(url: str, process: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "library20 serve exited early"
        try:
            if fetch(url)[0] == 200:
                return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{url} did not answer within {seconds} s")


@pytest.fixture
def served(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("served on PostgreSQL: the suite's PostgreSQL run (DATABASE_URL) covers it")
    (tmp_path / "media").symlink_to(settings.MEDIA_ROOT)  # the demo's images
    port = free_port()
    stdout, stderr = (tmp_path / "stdout.log").open("w"), (tmp_path / "stderr.log").open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "library_site.manage",
            "serve",
            "--workers",
            "2",
            "--port",
            str(port),
        ],
        env=production_env(tmp_path),
        stdout=stdout,
        stderr=stderr,
        start_new_session=True,  # its workers with it, to stop them all if it hangs
    )
    site = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(f"{site}/healthz", process, seconds=300)  # collectstatic first
        yield site, process, tmp_path
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        stdout.close()
        stderr.close()


def test_the_site_is_served_with_hashed_gzipped_static_files_and_its_own_error_pages(served):
    site, process, var_dir = served

    status, headers, body = fetch(f"{site}/en/?token=abc123secret", HTTPS)
    assert status == 200
    page = body.decode()
    assert '<html lang="en"' in page
    [stylesheet] = re.findall(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', page)

    status, headers, body = fetch(f"{site}{stylesheet}", {**HTTPS, "Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "immutable" in headers["Cache-Control"]
    assert b"{" in gzip.decompress(body)

    status, headers, body = fetch(f"{site}/ru/no-such-page/", HTTPS)
    assert status == 404
    not_found = body.decode()
    assert '<html lang="ru"' in not_found
    assert "Страница не найдена" in not_found
    assert stylesheet in not_found

    with connection.cursor() as cursor:  # the database fails under the site's feet
        cursor.execute("ALTER TABLE wagtailcore_page RENAME TO wagtailcore_page_away")
    try:
        status, headers, body = fetch(f"{site}/uk/", HTTPS)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE wagtailcore_page_away RENAME TO wagtailcore_page")
    assert status == 500
    error = body.decode()
    assert '<html lang="uk"' in error
    assert "На сайті сталася помилка" in error
    assert stylesheet in error
    assert "Traceback" not in error and "wagtailcore_page" not in error

    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=60) == 0
    logged = (var_dir / "stderr.log").read_text().splitlines()
    lines = [json.loads(line) for line in logged]  # every line JSON, none cut
    assert "abc123secret" not in "".join(logged)
    assert any(line["message"].startswith("event=request method=GET where=/en/") for line in lines)
    errors = [line for line in lines if line["level"] == "ERROR"]
    assert errors and "wagtailcore_page" in errors[0]["exception"]
    assert all(line["request_id"] for line in errors)


def test_plain_http_is_sent_to_https_but_probes_are_answered(served):
    site, _, _ = served

    status, headers, _ = fetch(f"{site}/en/")
    assert status == 301
    assert headers["Location"] == f"https://127.0.0.1:{site.rsplit(':', 1)[1]}/en/"

    status, headers, body = fetch(f"{site}/healthz")
    assert (status, body) == (200, b"ok")
    assert "Set-Cookie" not in headers
