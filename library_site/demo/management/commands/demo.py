import os

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from library_site.demo.loader import ensure_admin, serve_site_at

DEFAULT_PASSWORD = "library20-demo"


class Command(BaseCommand):
    help = (
        "Run the demo: migrate, build translations, load the multilingual demo content, "
        "sync the catalogue from Koha (the sandbox by default), create an admin account and "
        "serve the site."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "addrport", nargs="?", default="127.0.0.1:8000", help="where to serve (127.0.0.1:8000)"
        )

    def handle(self, *args, addrport: str, **options) -> None:
        if not settings.DEBUG:
            raise CommandError(
                "the demo resets the admin password; run it with the development settings "
                "(DJANGO_SETTINGS_MODULE=library_site.settings.dev), not in production"
            )
        call_command("migrate", interactive=False, verbosity=0)
        call_command("compilemessages", verbosity=0)
        call_command("load_demo")
        call_command("koha_sync")
        password = os.environ.get("LIBRARY20_DEMO_PASSWORD", DEFAULT_PASSWORD)
        ensure_admin("admin", password)
        host = addrport if ":" in addrport else f"127.0.0.1:{addrport}"
        serve_site_at(host)
        self.stdout.write(
            self.style.SUCCESS(f"\nSite:  http://{host}/\nAdmin: http://{host}/admin/\n")
            + f"Admin login: admin / {password}\n"
        )
        call_command("runserver", addrport, use_reloader=False)
