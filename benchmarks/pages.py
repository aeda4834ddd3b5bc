"""Time the home page in each language against a plain Django view, in one run, with the ratio.

Usage: uv run python benchmarks/pages.py [--requests 300]

It builds a throwaway SQLite database (or uses DATABASE_URL), loads the demo content, then times
requests through Django's test client: the median time and the queries per request of the home
page in en, ru, uk and ro, and of a plain view that renders a one-line template through the same
middleware. The ratio says what the Wagtail page, its menu, language links and footer cost over
Django's own floor on this machine.
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
workdir = Path(tempfile.mkdtemp(prefix="library20-bench-"))
atexit.register(shutil.rmtree, workdir, ignore_errors=True)  # databases of 100+ MB
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "library_site.settings.test")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
os.environ.setdefault("LIBRARY20_VAR_DIR", str(workdir))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.template import engines  # noqa: E402
from django.template.response import TemplateResponse  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import path  # noqa: E402

from library_site import urls as site_urls  # noqa: E402
from library_site.demo.loader import load_demo_content  # noqa: E402

PLAIN_TEMPLATE = engines["django"].from_string(
    '{% load i18n %}<!DOCTYPE html><html lang="{{ LANGUAGE_CODE }}"><title>plain</title>'
    "<p>{% translate 'Skip to main content' %}</p></html>"
)


def plain_view(request):
    return TemplateResponse(request, PLAIN_TEMPLATE, {})


# This module is the URLconf: the plain view, then the whole site.
urlpatterns = [path("plain/", plain_view), *site_urls.urlpatterns]


def measure(client: Client, url: str, requests: int) -> tuple[float, int]:
    """Median milliseconds per request and the queries of one request, after a warm-up."""
    for _ in range(5):
        assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    query_count = len(queries)  # read now: the log is cleared by later requests
    timings = []
    for _ in range(requests):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings), query_count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()

    settings.ROOT_URLCONF = __name__
    settings.MEDIA_ROOT = str(workdir / "media")
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("compilemessages", verbosity=0)
    load_demo_content()
    client = Client()

    print(f"database: {connection.vendor}; {args.requests} requests per URL; median per request")
    baseline_ms, baseline_queries = measure(client, "/plain/", args.requests)
    print(f"{'plain Django view':<22} {baseline_ms:8.2f} ms {baseline_queries:4d} queries")
    for code, _name in settings.LANGUAGES:
        home_ms, home_queries = measure(client, f"/{code}/", args.requests)
        print(
            f"{'home page /' + code + '/':<22} {home_ms:8.2f} ms {home_queries:4d} queries"
            f"   ratio to plain view: {home_ms / baseline_ms:5.1f}x"
        )


if __name__ == "__main__":
    main()
