"""Requests per second under ``library20 serve``, the way production runs the site.

Usage: uv run python benchmarks/production.py [--rounds 5] [--seconds 5] [--workers 2]

It creates a PostgreSQL database on 127.0.0.1:5432 (as user postgres; dropped at the end),
migrates it, loads the demo content and syncs the sandbox's catalogue, then serves the site with
``library20 serve --workers 2`` (production settings, DEBUG off, the sandbox allowed, no proxy in
front) plus one plain view: a one-line template through the same middleware, on the same server.
wrk (apt-get install -y wrk) makes the load: keep-alive connections, one thread, for a few seconds
per address. Each round measures, in turn, the plain view then the home page, a record page and a
catalogue search, so each ratio (page / plain) compares figures taken moments apart; it prints
every round's ratios, then the median requests/s and the median ratio per page. Anonymous pages
come from the page cache after the first request, as they do in production. The machine is shared
and wrk runs on it too: read the ratios, not the absolute figures.
"""

from __future__ import annotations

import argparse
import atexit
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PSQL = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc"]
PLAIN = "/plain/"
# A settings module and URLs that add the plain view to the production site, for this run only.
BENCH_SETTINGS = """
from library_site.settings.production import *  # noqa: F403
ROOT_URLCONF = "bench_urls"
"""
BENCH_URLS = """
from django.template import engines
from django.template.response import TemplateResponse
from django.urls import path

from library_site.urls import urlpatterns as site_urlpatterns

TEMPLATE = engines["django"].from_string(
    '{% load i18n %}<!DOCTYPE html><html lang="{{ LANGUAGE_CODE }}"><title>plain</title>'
    "<p>{% translate 'Skip to main content' %}</p></html>"
)


def plain(request):
    return TemplateResponse(request, TEMPLATE, {})


urlpatterns = [path("plain/", plain), *site_urlpatterns]
"""


def library20(*args: str, env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "-m", "library_site.manage", *args], env=env, check=True)


def prepare(env: dict[str, str]) -> None:
    print("Preparing: migrate, demo content, catalogue sync (a few minutes) …", flush=True)
    dev = {**env, "DJANGO_SETTINGS_MODULE": "library_site.settings.dev"}
    library20("migrate", "--noinput", "-v", "0", env=dev)
    library20("compilemessages", "-v", "0", env=dev)
    library20("load_demo", "-v", "0", env=dev)
    library20("koha_sync", "-v", "0", env=dev)


def requests_per_second(url: str, seconds: int, connections: int) -> float:
    done = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", url],
        capture_output=True,
        text=True,
        check=True,
    )
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", done.stdout)
    if errors:
        raise SystemExit(f"{url}: {errors.group(1)} error responses\n{done.stdout}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", done.stdout).group(1))


def wait_until_healthy(site: str, process: subprocess.Popen) -> None:
    for _ in range(600):
        if process.poll() is not None:
            raise SystemExit("library20 serve exited")
        try:
            with urllib.request.urlopen(f"{site}/healthz", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("library20 serve did not answer /healthz")


def first_record_path(site: str) -> str:
    with urllib.request.urlopen(f"{site}/en/catalogue/?q=history", timeout=30) as response:
        page = response.read().decode()
    return re.search(r'href="(/en/catalogue/\d+/[^"/]+/)"', page).group(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=5, help="wrk's duration per address")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install -y wrk")

    workdir = Path(tempfile.mkdtemp(prefix="library20-production-bench-"))
    atexit.register(shutil.rmtree, workdir, ignore_errors=True)
    database = f"library20_production_bench_{os.getpid()}"
    subprocess.run([*PSQL, f"CREATE DATABASE {database}"], check=True)
    atexit.register(subprocess.run, [*PSQL, f"DROP DATABASE IF EXISTS {database}"], check=False)
    (workdir / "bench_settings.py").write_text(BENCH_SETTINGS)
    (workdir / "bench_urls.py").write_text(BENCH_URLS)
    env = {
        **{
            k: v
            for k, v in os.environ.items()
            if k not in ("DJANGO_SETTINGS_MODULE", "DJANGO_DEBUG")
        },
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}",
        "LIBRARY20_VAR_DIR": str(workdir),
        "PYTHONPATH": os.pathsep.join([str(workdir), str(REPO)]),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "KOHA_ALLOW_SANDBOX": "true",
        "SECURE_SSL_REDIRECT": "false",  # no TLS proxy in front here
        "LOG_LEVEL": "WARNING",  # a line per request would measure the terminal
    }
    prepare(env)

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    site = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "library_site.manage",
            "serve",
            "--workers",
            str(args.workers),
            "--port",
            str(port),
        ],
        env={**env, "DJANGO_SETTINGS_MODULE": "bench_settings"},
        start_new_session=True,
    )
    atexit.register(server.wait)
    atexit.register(server.send_signal, signal.SIGTERM)
    wait_until_healthy(site, server)
    pages = {
        "home page": "/en/",
        "record page": first_record_path(site),
        "catalogue search": "/en/catalogue/?q=history",
    }
    for path in (PLAIN, *pages.values()):  # warm every worker's caches
        requests_per_second(site + path, 1, args.connections)

    print(f"\n{args.workers} workers, {args.connections} connections, {args.seconds} s each")
    figures: dict[str, list[float]] = {name: [] for name in ("plain view", *pages)}
    ratios: dict[str, list[float]] = {name: [] for name in pages}
    for round_number in range(1, args.rounds + 1):
        line = []
        for name, path in pages.items():
            plain = requests_per_second(site + PLAIN, args.seconds, args.connections)
            page = requests_per_second(site + path, args.seconds, args.connections)
            figures["plain view"].append(plain)
            figures[name].append(page)
            ratios[name].append(page / plain)
            line.append(f"{name} {page:.0f}/s vs plain {plain:.0f}/s = {page / plain:.2f}")
        print(f"round {round_number}: " + "; ".join(line), flush=True)

    print("\nmedian requests/s, and the median of the rounds' ratios (page / plain view):")
    print(f"  {'plain view':18} {statistics.median(figures['plain view']):8.0f}/s")
    for name in pages:
        print(
            f"  {name:18} {statistics.median(figures[name]):8.0f}/s"
            f"   ratio {statistics.median(ratios[name]):.2f}"
        )


if __name__ == "__main__":
    main()
