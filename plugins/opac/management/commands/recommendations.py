"""``library20 recommendations``: recompute "readers who liked this also liked" from all ratings."""

from django.core.management.base import BaseCommand

from plugins.opac.recommendations.stored import recompute


class Command(BaseCommand):
    help = "Recompute each record's similar records from readers' ratings (run it nightly)."

    def handle(self, *args, verbosity: int, **options) -> None:
        pairs = recompute()
        if verbosity:
            self.stdout.write(f"recommendations: {pairs} similar-record pairs kept")
