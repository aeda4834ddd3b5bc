import os

import uvicorn
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from library_site.serving import uvicorn_options


def worker_count(raw: str) -> int:
    workers = int(raw)
    if workers < 1:
        raise ValueError(raw)
    return workers


class Command(BaseCommand):
    help = (
        "Serve the site in production: collect static files, then uvicorn with worker processes "
        "(pages, static files, the live chat's websockets). Production settings by default; "
        "proxy headers trusted only from FORWARDED_ALLOW_IPS; SIGTERM finishes requests in flight."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--host", default="127.0.0.1", help="address to serve on (127.0.0.1)")
        parser.add_argument("--port", type=int, default=8000, help="port to serve on (8000)")
        parser.add_argument(
            "--workers",
            type=worker_count,
            default=os.environ.get("WEB_CONCURRENCY", "1"),
            help="processes serving requests, e.g. one per core (WEB_CONCURRENCY, else 1)",
        )

    def handle(self, *args, host: str, port: int, workers: int, **options) -> None:
        if settings.DEBUG:
            raise CommandError(
                "debug mode is on; library20 serve serves production only (unset DJANGO_DEBUG, "
                "or use library20 runserver for development)"
            )
        try:
            if uvicorn_options.port_in_use(host, port):
                raise CommandError(f"port {port} on {host} is in use; choose another with --port")
        except OSError as error:
            raise CommandError(error.strerror) from None
        call_command("collectstatic", interactive=False, verbosity=0)
        connections.close_all()  # the workers open their own
        address = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        self.stdout.write(f"Serving http://{address}/ with {workers} worker(s)", ending="\n")
        self.stdout.flush()
        uvicorn.run(
            uvicorn_options.APPLICATION,
            workers=workers,
            **uvicorn_options.options(host, port, os.environ),
        )
