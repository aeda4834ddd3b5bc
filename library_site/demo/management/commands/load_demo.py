from django.core.management.base import BaseCommand, CommandError

from library_site.demo.content.text import MissingDemoTranslation
from library_site.demo.loader import DemoContentError, load_demo_content


class Command(BaseCommand):
    help = "Create the multilingual demo content that is missing (safe to run again)."

    def handle(self, *args, verbosity: int, **options) -> None:
        try:
            site = load_demo_content()
        except (DemoContentError, MissingDemoTranslation) as error:
            raise CommandError(f"demo content: {error}") from None
        if verbosity >= 1:
            self.stdout.write(f"demo content ready on {site.hostname}")
