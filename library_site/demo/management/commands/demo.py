import os
from contextlib import nullcontext

import uvicorn
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from koha_bridge.client import KohaClient
from library_site.demo.loader import ensure_admin, serve_site_at
from library_site.demo.quiet import warnings_only
from library_site.demo.station import KIOSK_PORT, start_station_demo, station_addresses
from library_site.serving import uvicorn_options
from plugins.opac.acquisitions.demo import ensure_demo_acquisitions
from plugins.opac.acquisitions.suggestions import send_waiting
from plugins.opac.demo import ensure_demo_ratings, ensure_demo_reviews_and_tags, ensure_demo_shelves
from plugins.opac.koha import koha_client
from plugins.opac.recommendations.stored import recompute as recompute_recommendations
from plugins.readers.demo import PATRON, ensure_demo_reader
from plugins.reference.demo_questions import ensure_demo_questions

DEFAULT_PASSWORD = "library20-demo"
DEFAULT_READER_PASSWORD = "library20-reader"
# One line per page created, per redirect checked, per sync: -v 2 shows them.
CHATTY_LOGGERS = ("wagtail", "plugins.opac")


def serve(host: str, port: int) -> None:
    """The site over ASGI with uvicorn, as production serves it: pages, static files (WhiteNoise),
    media and the live chat's websockets, until Ctrl+C."""
    config = uvicorn.Config(uvicorn_options.APPLICATION, **uvicorn_options.options(host, port, {}))
    uvicorn.Server(config).run()


def port_in_use(host: str, port: int) -> bool:
    try:
        return uvicorn_options.port_in_use(host, port)
    except OSError as error:
        raise CommandError(error.strerror) from None


class Command(BaseCommand):
    help = (
        "Run the demo: migrate, build translations, collect static files, load the multilingual "
        "demo content, sync the catalogue from Koha (the sandbox by default), create an admin "
        "account and serve the site."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--host", default="127.0.0.1", help="address to serve on (127.0.0.1)")
        parser.add_argument("--port", type=int, default=8000, help="port to serve on (8000)")
        parser.add_argument(
            "--kiosk-port",
            type=int,
            default=KIOSK_PORT,
            help=f"the self-service kiosk's port on 127.0.0.1 ({KIOSK_PORT}; its demo pad on "
            "the next one)",
        )

    def handle(
        self, *args, host: str, port: int, kiosk_port: int, verbosity: int, **options
    ) -> None:
        if not settings.DEMO_ALLOWED:
            raise CommandError(
                "the demo resets the admin password; run it with the development settings "
                "(DJANGO_SETTINGS_MODULE=library_site.settings.dev), not in production"
            )
        if port_in_use(host, port):
            raise CommandError(
                f"port {port} on {host} is in use; stop what is using it or choose another "
                f"port, e.g. library20 demo --port {port + 1}"
            )
        with warnings_only(*CHATTY_LOGGERS) if verbosity < 2 else nullcontext():
            self.prepare(verbosity)
        password = os.environ.get("LIBRARY20_DEMO_PASSWORD", DEFAULT_PASSWORD)
        ensure_admin("admin", password)
        reader_password = os.environ.get("LIBRARY20_DEMO_READER_PASSWORD", DEFAULT_READER_PASSWORD)
        card = ensure_demo_reader(reader_password, KohaClient(settings.KOHA))
        ensure_demo_shelves()  # the demo readers' and the reader's, made just above
        ensure_demo_questions()  # the reader's and the admin's, made just above
        serve_site_at(host, port)
        address = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        if any(port_in_use(*where) for where in station_addresses(kiosk_port)):
            station = (
                f"Kiosk: not started, port {kiosk_port} or {kiosk_port + 1} is in use "
                f"(choose others with --kiosk-port)\n"
            )
        else:
            station = start_station_demo(kiosk_port) + "\n"
        self.stdout.write(
            self.style.SUCCESS(f"\nSite:  http://{address}/\nAdmin: http://{address}/admin/\n")
            + f"Admin login: admin / {password}\n"
            + f"Reader login: {card.user.get_username()} / {reader_password} "
            + f"(library card {PATRON.cardnumber}, PIN {PATRON.pin})\n"
            + station
        )
        serve(host, port)

    def prepare(self, verbosity: int) -> None:
        self.stdout.write(f"Preparing the demo in {settings.VAR_DIR} …")
        call_command("migrate", interactive=False, verbosity=0)
        call_command("compilemessages", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        call_command("load_demo", verbosity=verbosity - 1)
        call_command("koha_sync", verbosity=verbosity)
        ensure_demo_ratings()
        ensure_demo_reviews_and_tags()
        ensure_demo_acquisitions()  # after the demo readers, who make the suggestions
        send_waiting(koha_client())
        recompute_recommendations()
